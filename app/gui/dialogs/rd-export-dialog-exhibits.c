/* rd-export-dialog-exhibits.c: the export assistant's list of exhibits, ticked in or out and put in order.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row can be dragged onto another, or moved with Alt+Up / Alt+Down
 * when selected, so the order can be set without a pointer. Leaving an
 * exhibit out keeps its number: the bundle prints the numbers the case
 * gave, gaps and all.
 */
#define G_LOG_DOMAIN "rd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rd-export-dialog-private.h"
#include "rd-gui-util.h"

/* The exhibits ticked in, in the order shown: the chronology's exhibit numbers follow it. */
GArray *
_rd_export_dialog_dup_evidence_ids (RdExportDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->exhibits)); i < n; i++)
    {
      g_autoptr(RdEvidence) ev = g_list_model_get_item (G_LIST_MODEL (self->exhibits), i);
      gint64 id = rd_evidence_get_id (ev);

      if (!g_hash_table_contains (self->left_out, &id))
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
on_include_toggled_cb (GtkCheckButton *check,
                       RdExportDialog *self)
{
  RdEvidence *ev = g_object_get_data (G_OBJECT (check), "evidence");
  gint64 id;

  if (ev == NULL)
    return;
  id = rd_evidence_get_id (ev);
  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->left_out, &id);
  else
    g_hash_table_add (self->left_out, g_memdup2 (&id, sizeof id));
}

static guint
position_of (RdExportDialog *self,
             RdEvidence     *ev)
{
  guint position = G_MAXUINT;

  g_list_store_find (self->exhibits, ev, &position);
  return position;
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    GtkWidget     *row)
{
  RdEvidence *ev = g_object_get_data (G_OBJECT (row), "evidence");

  return ev ? gdk_content_provider_new_typed (RD_TYPE_EVIDENCE, ev) : NULL;
}

static gboolean
on_drop_cb (GtkDropTarget  *target,
            const GValue   *value,
            double          x,
            double          y,
            GtkWidget      *row)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (gtk_widget_get_root (row));
  RdEvidence *dragged = g_value_get_object (value);
  RdEvidence *onto = g_object_get_data (G_OBJECT (row), "evidence");
  guint from, to;

  if (dragged == NULL || onto == NULL || dragged == onto)
    return FALSE;
  from = position_of (self, dragged);
  to = position_of (self, onto);
  if (from == G_MAXUINT || to == G_MAXUINT)
    return FALSE;
  rd_export_dialog_move (self, from, (int) to - (int) from);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RdExportDialog           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *date = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (RD_TYPE_EVIDENCE, GDK_ACTION_MOVE);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), date);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), labels);
  g_signal_connect (check, "toggled", G_CALLBACK (on_include_toggled_cb), self);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), box);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));

  g_object_set_data (G_OBJECT (box), "check", check);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "date", date);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RdExportDialog           *self)
{
  RdEvidence *ev = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
  g_autofree char *name = rd_evidence_dup_display_name (ev);
  g_autofree char *when = NULL;
  g_autofree char *include = NULL;
  gint64 id = rd_evidence_get_id (ev);
  GDateTime *at = rd_evidence_get_captured_at (ev);

  {
    g_autofree char *date = at != NULL ? rd_datetime_format_long (at) : g_strdup (_("No date"));

    /* The number the bundle will print for it, gaps and all. */
    when = g_strdup_printf (_("Exhibit %" PRId64 " · %s"), rd_evidence_get_exhibit_number (ev), date);
  }
  g_object_set_data (G_OBJECT (box), "evidence", NULL);
  g_object_set_data (G_OBJECT (check), "evidence", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !g_hash_table_contains (self->left_out, &id));
  g_object_set_data (G_OBJECT (box), "evidence", ev);
  g_object_set_data (G_OBJECT (check), "evidence", ev);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), name);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "date"), when);
  /* Translators: the accessible name of an exhibit's check box: %s is the
   * exhibit's name as the resident gave it, which must stand alone (no case
   * or mutation can be applied to it) */
  include = g_strdup_printf (_("Include in the bundle: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, include, -1);
}

/**
 * rd_export_dialog_move:
 *
 * Moves the exhibit at @position by @delta places (negative: earlier).
 */
void
rd_export_dialog_move (RdExportDialog *self,
                       guint           position,
                       int             delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->exhibits));
  int target = (int) position + delta;
  g_autoptr(RdEvidence) ev = NULL;

  if (position >= n || target < 0 || target >= (int) n || delta == 0)
    return;
  ev = g_list_model_get_item (G_LIST_MODEL (self->exhibits), position);
  g_list_store_remove (self->exhibits, position);
  g_list_store_insert (self->exhibits, (guint) target, ev);
  gtk_single_selection_set_selected (self->selection, (guint) target);
}

void
rd_export_dialog_set_included (RdExportDialog *self,
                               guint           position,
                               gboolean        included)
{
  g_autoptr(RdEvidence) ev = g_list_model_get_item (G_LIST_MODEL (self->exhibits), position);
  gint64 id;

  g_return_if_fail (ev != NULL);
  id = rd_evidence_get_id (ev);
  if (included)
    g_hash_table_remove (self->left_out, &id);
  else
    g_hash_table_add (self->left_out, g_memdup2 (&id, sizeof id));
  g_list_model_items_changed (G_LIST_MODEL (self->exhibits), position, 1, 1);
}

void
_rd_export_dialog_move_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    rd_export_dialog_move (self, selected, g_variant_get_int32 (parameter));
}

static gint64
evidence_key (RdEvidence *ev)
{
  GDateTime *at = rd_evidence_get_captured_at (ev);
  return at != NULL ? g_date_time_to_unix (at) : rd_evidence_get_imported_at (ev);
}

static int
by_captured (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  gint64 x = evidence_key ((RdEvidence *) a), y = evidence_key ((RdEvidence *) b);
  return x < y ? -1 : x > y;
}

/* Oldest first: the order a chronology reads in, which the resident may then change. */
void
_rd_export_dialog_load_exhibits (RdExportDialog *self)
{
  RdStoreDialog *base = RD_STORE_DIALOG (self);
  gint64 case_id = rd_case_get_id (rd_store_dialog_get_case (base));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = rd_store_list_evidence (rd_store_dialog_get_store (base), case_id,
                                                      &error);

  if (all == NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
    {
      g_autoptr(RdEvidence) ev = g_list_model_get_item (all, i);
      g_list_store_insert_sorted (self->exhibits, ev, by_captured, NULL);
    }
}

/* Called once the template is built, which holds the list view. */
void
_rd_export_dialog_init_exhibits (RdExportDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->exhibits)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_model (self->exhibits_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->exhibits_view, factory);
  g_object_unref (factory);
}

GListModel *
rd_export_dialog_get_exhibits (RdExportDialog *self)
{
  return G_LIST_MODEL (self->exhibits);
}
