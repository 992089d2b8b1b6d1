/* rd-policy-dialog-private.h: the landlord policy editor's state, shared by its files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-autosave.h"
#include "rd-limit-row.h"
#include "rd-policy-dialog.h"

G_BEGIN_DECLS

/* The stage rows: acknowledge, respond, extension, for each stage */
enum {
  ROW_ACK,
  ROW_RESPOND,
  ROW_EXTENSION,
  N_STAGE_ROWS
};

struct _RdPolicyDialog
{
  /* The store and the case are RdStoreDialog's. */
  RdStoreDialog         parent_instance;

  RdPolicy             *editing;     /* a copy of the profile shown, NULL for the Code only */
  RdPolicy             *code;        /* the Code in force today (borrowed) */
  GArray               *choices;     /* gint64: 0 = Code only, -1 = new copy, else a profile id */
  gboolean              loading;
  /* Writes the case's choice and the profile shown as they change; a new
   * profile waits for Create. */
  RdAutosave           *autosave;

  AdwHeaderBar         *header_bar;
  GtkLabel             *status_label;
  GtkWidget            *save_button;
  AdwComboRow          *profile_row;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *details_group;
  AdwEntryRow          *name_row;
  AdwPreferencesGroup  *stages_group;
  AdwActionRow         *stages_row;
  GtkSpinButton        *stages_spin;
  AdwActionRow         *stage_zero_row;
  GtkSwitch            *stage_zero_switch;
  AdwPreferencesGroup  *resident_group;
  AdwPreferencesGroup  *asb_group;
  AdwPreferencesGroup  *repairs_group;
  AdwEntryRow          *repair_name_row;
  AdwPreferencesGroup  *rules_group;
  AdwEntryRow          *rule_name_row;
  GtkDropDown          *rule_channel_dropdown;
  AdwPreferencesGroup  *hours_group;
  AdwEntryRow          *opens_row;
  AdwEntryRow          *closes_row;

  RdLimitRow           *stage_rows[RD_POLICY_MAX_STAGES][N_STAGE_ROWS];
  RdLimitRow           *escalation_row;
  RdLimitRow           *asb_rows[RD_ASB_RISK_N_LEVELS];
  GPtrArray            *repair_rows;  /* GtkWidget *, in the profile's order */
  GPtrArray            *rule_rows;
};

/* rd-policy-dialog-lists.c: the repair priorities and other rules */
void _rd_policy_dialog_load_lists       (RdPolicyDialog *self);
void _rd_policy_dialog_on_add_repair_cb (RdPolicyDialog *self);
void _rd_policy_dialog_on_add_rule_cb   (RdPolicyDialog *self);

/* rd-policy-dialog.c */
void _rd_policy_dialog_changed          (RdPolicyDialog *self);

G_END_DECLS
