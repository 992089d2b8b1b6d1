/* rd-export-dialog-private.h: the export assistant's state, shared by its files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-export-dialog.h"

G_BEGIN_DECLS

struct _RdExportDialog
{
  RdStoreDialog       parent_instance;

  GListStore         *exhibits;     /* RdEvidence, in bundle order */
  GHashTable         *left_out;     /* evidence ids not to include */
  GHashTable         *passwords;    /* evidence id → password typed for this bundle; never stored */
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  char               *path;
  char               *error;
  int                 n_pages;
  GCancellable       *chronology_cancellable;  /* while a chronology file is written */
  char               *chronology_path;

  RdProgress         *progress;     /* of the bundle being made */

  GtkStack           *stack;
  GtkWidget          *close_button;
  GtkWidget          *export_button;
  AdwComboRow        *letter_row;
  AdwComboRow        *paper_row;
  GtkSwitch          *chronology_switch;
  GtkSwitch          *anonymise_switch;
  GtkSwitch          *smaller_switch;
  GtkSwitch          *landscape_switch;
  GtkSwitch          *volumes_switch;
  GtkSpinButton      *volume_size_spin;
  GtkSwitch          *section_stamps_switch;
  GtkListView        *exhibits_view;
  GtkProgressBar     *progress_bar;
  GtkWidget          *stop_button;
  AdwStatusPage      *done_page;
  GtkLabel           *folder_label;
  GtkWidget          *open_button;
  GtkWidget          *preview_box;
};

typedef void (*RdExportGoOn) (RdExportDialog *self);

GArray *_rd_export_dialog_dup_evidence_ids   (RdExportDialog *self);
void    _rd_export_dialog_volume_options     (RdExportDialog      *self,
                                              RdCaseBundleOptions *options);
char   *_rd_export_dialog_describe_done      (RdExportDialog *self,
                                              RdBundle       *bundle);
void    _rd_export_dialog_ask_unchecked      (RdExportDialog *self,
                                              RdExportGoOn    go_on);
void    _rd_export_dialog_chronology_action (GtkWidget      *widget,
                                             const char     *action_name,
                                             GVariant       *parameter);

/* The exhibit list (rd-export-dialog-exhibits.c) */
void    _rd_export_dialog_init_exhibits      (RdExportDialog *self);
void    _rd_export_dialog_load_exhibits      (RdExportDialog *self);
void    _rd_export_dialog_move_action        (GtkWidget      *widget,
                                              const char     *action_name,
                                              GVariant       *parameter);

/* The finished bundle's page (rd-export-dialog-done.c) */
void    _rd_export_dialog_show_previews      (RdExportDialog *self);
void    _rd_export_dialog_open_action        (GtkWidget      *widget,
                                              const char     *action_name,
                                              GVariant       *parameter);
void    _rd_export_dialog_print_action       (GtkWidget      *widget,
                                              const char     *action_name,
                                              GVariant       *parameter);
void    _rd_export_dialog_open_folder_action (GtkWidget      *widget,
                                              const char     *action_name,
                                              GVariant       *parameter);

G_END_DECLS
