/* rd-dashboard-row.c: how one deadline of What Next is drawn in a list, on the page and in "Show All".
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-dashboard-row.h"
#include "rd-gui-util.h"
#include "rd-letter-dialog.h"

typedef struct {
  RdDashboardRowLetterFunc func;
  gpointer                 data;
} LetterHandler;

typedef struct {
  const LetterHandler *handler;  /* the factory's, which outlives its rows */
  GtkWidget *group;
  GtkWidget *title;
  GtkWidget *status;
  GtkWidget *context;
  GtkWidget *explanation;
  GtkWidget *advice;
  GtkWidget *button;
} Row;

static const char *
button_label (RdNextStep step)
{
  switch (step)
    {
    case RD_NEXT_STEP_CHASE:
      return _("Write a _Chaser…");
    case RD_NEXT_STEP_ESCALATE:
      return _("Ask to _Escalate…");
    case RD_NEXT_STEP_OMBUDSMAN:
      return _("Write for the _Ombudsman…");
    case RD_NEXT_STEP_NONE:
    case RD_NEXT_STEP_WAIT:
    case RD_NEXT_STEP_CASE_REVIEW:
    default:
      return NULL;
    }
}

static const char *
group_css (RdDashboardGroup group)
{
  switch (group)
    {
    case RD_DASHBOARD_OVERDUE:
      return "error";
    case RD_DASHBOARD_DUE_SOON:
      return "warning";
    case RD_DASHBOARD_DONE:
      return "success";
    case RD_DASHBOARD_LATER:
    case RD_DASHBOARD_N_GROUPS:
    default:
      return "accent";
    }
}

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
on_letter_clicked_cb (GtkButton   *button,
                      GtkListItem *item)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  RdDashboardItem *entry = gtk_list_item_get_item (item);

  if (entry != NULL)
    row->handler->func (row->handler->data, entry);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const LetterHandler      *handler)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  row->handler = handler;
  gtk_widget_add_css_class (box, "dashboard-row");
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  row->group = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->group, "caption-heading");
  gtk_widget_add_css_class (row->group, "group-badge");
  row->title = wrapped_label ("heading");
  gtk_widget_set_hexpand (row->title, TRUE);
  row->status = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->status, "heading");
  /* Narrow, "444 working days late" takes two lines rather than the title's room. */
  gtk_label_set_wrap (GTK_LABEL (row->status), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (row->status), 16);
  gtk_label_set_justify (GTK_LABEL (row->status), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (row->status), 1);
  gtk_box_append (GTK_BOX (top), row->group);
  gtk_box_append (GTK_BOX (top), row->title);
  gtk_box_append (GTK_BOX (top), row->status);

  row->context = wrapped_label ("dim-label");
  gtk_widget_add_css_class (row->context, "caption");
  row->explanation = wrapped_label (NULL);
  row->advice = wrapped_label ("dim-label");
  /* No mnemonic: every row that needs a chaser shows the same button, and
   * an Alt key shared by several only moves the focus among them. Tab
   * reaches each. */
  row->button = gtk_button_new ();
  gtk_widget_set_halign (row->button, GTK_ALIGN_START);
  g_signal_connect (row->button, "clicked", G_CALLBACK (on_letter_clicked_cb), item);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), row->context);
  gtk_box_append (GTK_BOX (box), row->explanation);
  gtk_box_append (GTK_BOX (box), row->advice);
  gtk_box_append (GTK_BOX (box), row->button);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  g_object_set_data_full (G_OBJECT (item), "row", row, g_free);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  RdDashboardItem *entry = gtk_list_item_get_item (item);
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  RdDashboardGroup group = rd_dashboard_item_get_group (entry);
  RdNextStep step = rd_dashboard_item_get_next_step (entry);
  const char *label = button_label (step);
  g_autofree char *advice = NULL;

  for (guint i = 0; i < RD_DASHBOARD_N_GROUPS; i++)
    {
      gtk_widget_remove_css_class (row->group, group_css (i));
      gtk_widget_remove_css_class (row->status, group_css (i));
    }
  /* Done, but late: a finding for the resident, never shown as a success. */
  if (rd_dashboard_item_is_done_late (entry))
    {
      gtk_label_set_text (GTK_LABEL (row->group), _("Done late"));
      gtk_widget_add_css_class (row->group, group_css (RD_DASHBOARD_DUE_SOON));
      gtk_widget_add_css_class (row->status, group_css (RD_DASHBOARD_DUE_SOON));
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (row->group), rd_dashboard_group_get_label (group));
      gtk_widget_add_css_class (row->group, group_css (group));
      gtk_widget_add_css_class (row->status, group_css (group));
    }
  gtk_label_set_text (GTK_LABEL (row->title), rd_dashboard_item_get_title (entry));
  gtk_label_set_text (GTK_LABEL (row->status), rd_dashboard_item_get_status_text (entry));
  gtk_label_set_text (GTK_LABEL (row->context), rd_dashboard_item_get_context (entry));
  gtk_widget_set_visible (row->context, *rd_dashboard_item_get_context (entry) != '\0');
  gtk_label_set_text (GTK_LABEL (row->explanation), rd_dashboard_item_get_explanation (entry));
  /* Translators: the suggested next step under a deadline, "Next: Send a chaser …" */
  advice = g_strdup_printf (_("Next: %s"), rd_dashboard_item_get_advice (entry));
  gtk_label_set_text (GTK_LABEL (row->advice), advice);

  gtk_widget_set_visible (row->button, label != NULL);
  if (label != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *shown = rd_gui_strip_mnemonic (label);

      gtk_button_set_label (GTK_BUTTON (row->button), shown);
      /* Translators: what a screen reader adds after a button's name, "Send a chaser: Stage 1 response" */
      name = g_strdup_printf (_("%s: %s"), rd_next_step_get_label (step), rd_dashboard_item_get_title (entry));
      /* Named by its text (rd_gui_install_accessible_names), and told apart
       * from the other rows' buttons by what it is for. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
    }
}

/**
 * rd_dashboard_row_factory_new:
 * @write_letter: called with @data and the row's item when its letter
 *   button is pressed
 *
 * Rows of #RdDashboardItem: the group, the deadline, how late or when it
 * is due, what it is about, the engine's sentence, the next step and, where
 * a letter carries it out, a button that writes it.
 */
GtkListItemFactory *
rd_dashboard_row_factory_new (RdDashboardRowLetterFunc write_letter,
                              gpointer                 data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  LetterHandler *handler = g_new0 (LetterHandler, 1);

  handler->func = write_letter;
  handler->data = data;
  g_object_set_data_full (G_OBJECT (factory), "rd-letter-handler", handler, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), handler);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  return factory;
}

/**
 * rd_dashboard_group_start:
 *
 * Each group is one run of rd_dashboard_get_items(), after the groups
 * before it; the counts are the dashboard's own, made on its worker.
 *
 * Returns: the position of @group's first item
 */
guint
rd_dashboard_group_start (RdDashboard      *dashboard,
                          RdDashboardGroup  group)
{
  guint start = 0;

  g_return_val_if_fail (RD_IS_DASHBOARD (dashboard), 0);

  for (guint before = 0; before < group && before < RD_DASHBOARD_N_GROUPS; before++)
    start += rd_dashboard_count (dashboard, before);
  return start;
}

/**
 * rd_dashboard_item_same:
 *
 * Whether @a and @b would draw the same row: a refresh that finds every
 * row the same leaves the rows as they are, so GTK neither makes nor
 * measures them again.
 */
gboolean
rd_dashboard_item_same (RdDashboardItem *a,
                        RdDashboardItem *b)
{
  return rd_dashboard_item_get_group (a) == rd_dashboard_item_get_group (b) &&
         rd_dashboard_item_get_next_step (a) == rd_dashboard_item_get_next_step (b) &&
         rd_dashboard_item_is_done_late (a) == rd_dashboard_item_is_done_late (b) &&
         rd_dashboard_item_get_complaint_id (a) == rd_dashboard_item_get_complaint_id (b) &&
         g_strcmp0 (rd_dashboard_item_get_key (a), rd_dashboard_item_get_key (b)) == 0 &&
         g_strcmp0 (rd_dashboard_item_get_title (a), rd_dashboard_item_get_title (b)) == 0 &&
         g_strcmp0 (rd_dashboard_item_get_status_text (a), rd_dashboard_item_get_status_text (b)) == 0 &&
         g_strcmp0 (rd_dashboard_item_get_context (a), rd_dashboard_item_get_context (b)) == 0 &&
         g_strcmp0 (rd_dashboard_item_get_explanation (a), rd_dashboard_item_get_explanation (b)) == 0 &&
         g_strcmp0 (rd_dashboard_item_get_advice (a), rd_dashboard_item_get_advice (b)) == 0;
}

/**
 * rd_dashboard_row_write_letter:
 * @from: the widget whose window the letter opens over
 *
 * Opens the letter that carries out @item's next step, if one does.
 *
 * Returns: (transfer none) (nullable): the letter window
 */
GtkWindow *
rd_dashboard_row_write_letter (GtkWidget       *from,
                               RdStore         *store,
                               gint64           case_id,
                               RdDashboardItem *item)
{
  RdLetterKind kind;
  RdLetterDialog *dialog;

  g_return_val_if_fail (RD_IS_DASHBOARD_ITEM (item), NULL);

  if (store == NULL || case_id == 0 || !rd_next_step_get_letter (rd_dashboard_item_get_next_step (item), &kind))
    return NULL;
  dialog = rd_letter_dialog_new (GTK_WINDOW (gtk_widget_get_root (from)), store, case_id,
                                 rd_dashboard_item_get_complaint_id (item), kind);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
