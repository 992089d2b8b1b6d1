/* rd-limit-row.c: a row that edits one time limit ("10 working days") and compares it with the Code's.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-limit-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-util.h"
#include "rd-limit-row.h"

struct _RdLimitRow
{
  AdwActionRow   parent_instance;

  GtkSpinButton *amount;
  GtkDropDown   *unit;
  RdLimit        reference;   /* the Code's limit, amount 0 when it sets none */
  char          *description; /* shown when there is no Code limit to compare with */
  gboolean       longer;
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (RdLimitRow, rd_limit_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/*
 * Whether @a ends later than @b counted from the same start. Units differ
 * ("2 weeks" against "10 working days"), so both are applied to a fixed
 * ordinary Monday morning with no bank holiday near.
 */
static gboolean
ends_later (const RdLimit *a,
            const RdLimit *b)
{
  RdMoment start, due_a, due_b;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 6, 3, 2023);
  rd_moment_set_date (&start, &day);
  start.minute = 9 * 60;
  if (!rd_limit_apply (a, &start, NULL, &due_a, NULL) ||
      !rd_limit_apply (b, &start, NULL, &due_b, NULL))
    return FALSE;
  return rd_moment_compare (&due_a, &due_b) > 0;
}

static void
update_subtitle (RdLimitRow *self)
{
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;
  RdLimit limit;

  rd_limit_row_get_limit (self, &limit);
  self->longer = FALSE;
  if (!rd_limit_is_set (&self->reference))
    {
      if (rd_limit_is_set (&limit))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self), self->description ? self->description : "");
      else if (self->description != NULL)
        {
          text = g_strdup_printf (_("%s (no time limit set)"), self->description);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _("No time limit set"));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
      return;
    }

  /* The Code's limit ("10 working days") stands alone in brackets in each
   * of these: after "the Code's" Polish would have to decline it, and the
   * number decides how. */
  code = rd_limit_format (&self->reference);
  if (!rd_limit_is_set (&limit))
    text = g_strdup_printf (_("None set: the Code applies (%s)"), code);
  else if (ends_later (&limit, &self->reference))
    {
      self->longer = TRUE;
      text = g_strdup_printf (_("Longer than the Code (%s): the Code still applies"), code);
    }
  else if (ends_later (&self->reference, &limit))
    text = g_strdup_printf (_("Shorter than the Code (%s): this applies"), code);
  else
    text = g_strdup_printf (_("The same as the Code (%s)"), code);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
  if (self->longer)
    gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
}

static void
on_value_changed_cb (RdLimitRow *self)
{
  update_subtitle (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
rd_limit_row_finalize (GObject *object)
{
  RdLimitRow *self = RD_LIMIT_ROW (object);

  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (rd_limit_row_parent_class)->finalize (object);
}

static void
rd_limit_row_class_init (RdLimitRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_limit_row_finalize;

  /**
   * RdLimitRow::changed:
   *
   * The resident changed the number or the unit.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rd_limit_row_init (RdLimitRow *self)
{
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  /* The number above its unit: side by side they took all but 39 pixels
   * of a row 360 pixels wide, and the title wrapped a letter a line. */
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));

  for (guint i = 0; i < RD_TIME_UNIT_N_UNITS; i++)
    gtk_string_list_append (units, rd_time_unit_get_label (i));

  self->amount = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, RD_LIMIT_MAX_AMOUNT, 1));
  gtk_spin_button_set_numeric (self->amount, TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->amount), GTK_ALIGN_END);
  self->unit = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&units)), NULL));
  gtk_box_append (box, GTK_WIDGET (self->amount));
  gtk_box_append (box, GTK_WIDGET (self->unit));
  gtk_widget_set_valign (GTK_WIDGET (box), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (box), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (box));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->amount));
  /* Whole, on as many lines as it takes: it says which limit binds. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);

  g_signal_connect_swapped (self->amount, "value-changed", G_CALLBACK (on_value_changed_cb), self);
  g_signal_connect_swapped (self->unit, "notify::selected", G_CALLBACK (on_value_changed_cb), self);
}

static void
label_controls (RdLimitRow *self,
                const char *title)
{
  g_autofree char *amount = g_strdup_printf (_("%s: number (0 for none)"), title);
  g_autofree char *unit = g_strdup_printf (_("%s: unit"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, amount, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unit),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, unit, -1);
  rd_gui_fix_accessible_name (GTK_WIDGET (self->amount));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->unit));
}

/**
 * rd_limit_row_new:
 * @title: what the limit is for, "Acknowledge a stage 1 complaint"
 */
RdLimitRow *
rd_limit_row_new (const char *title)
{
  RdLimitRow *self = g_object_new (RD_TYPE_LIMIT_ROW, "title", title, NULL);

  label_controls (self, title);
  update_subtitle (self);
  return self;
}

void
rd_limit_row_get_limit (RdLimitRow *self,
                        RdLimit    *limit)
{
  g_return_if_fail (RD_IS_LIMIT_ROW (self) && limit != NULL);

  limit->amount = gtk_spin_button_get_value_as_int (self->amount);
  limit->unit = gtk_drop_down_get_selected (self->unit);
  if (limit->unit >= RD_TIME_UNIT_N_UNITS)
    limit->unit = RD_TIME_UNIT_WORKING_DAYS;
}

/**
 * rd_limit_row_set_limit:
 *
 * Shows @limit without emitting ::changed.
 */
void
rd_limit_row_set_limit (RdLimitRow    *self,
                        const RdLimit *limit)
{
  g_return_if_fail (RD_IS_LIMIT_ROW (self) && limit != NULL);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->amount, rd_limit_is_set (limit) ? limit->amount : 0);
  gtk_drop_down_set_selected (self->unit, limit->unit);
  self->loading = FALSE;
  update_subtitle (self);
}

/**
 * rd_limit_row_set_reference:
 * @code_limit: (nullable): the Code's limit for the same thing
 *
 * The row then says whether its limit is shorter or longer than the Code's.
 */
void
rd_limit_row_set_reference (RdLimitRow    *self,
                            const RdLimit *code_limit)
{
  g_return_if_fail (RD_IS_LIMIT_ROW (self));

  if (code_limit != NULL)
    self->reference = *code_limit;
  else
    self->reference.amount = 0;
  update_subtitle (self);
}

/**
 * rd_limit_row_get_is_longer:
 *
 * Returns: whether the limit shown is longer than the Code's (which then
 *   still binds the landlord)
 */
gboolean
rd_limit_row_get_is_longer (RdLimitRow *self)
{
  g_return_val_if_fail (RD_IS_LIMIT_ROW (self), FALSE);
  return self->longer;
}

GtkSpinButton *
rd_limit_row_get_amount_button (RdLimitRow *self)
{
  g_return_val_if_fail (RD_IS_LIMIT_ROW (self), NULL);
  return self->amount;
}

GtkDropDown *
rd_limit_row_get_unit_dropdown (RdLimitRow *self)
{
  g_return_val_if_fail (RD_IS_LIMIT_ROW (self), NULL);
  return self->unit;
}

/**
 * rd_limit_row_set_description:
 *
 * A line under the title for limits the Code has no counterpart for
 * ("After a contact by MP enquiry").
 */
void
rd_limit_row_set_description (RdLimitRow *self,
                              const char *description)
{
  g_return_if_fail (RD_IS_LIMIT_ROW (self));

  g_free (self->description);
  self->description = g_strdup (description);
  update_subtitle (self);
}
