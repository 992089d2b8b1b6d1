/* rd-export-dialog.c: the export assistant: choose what goes in, make the bundle, preview and print it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundle is made by the export service, off the main thread, and its
 * progress arrives through an RdProgress, so the window stays responsive
 * and Stop works at once. The
 * evidence list starts oldest first; rows are ticked in or out and moved by
 * dragging or with Alt+Up / Alt+Down on the selected row.
 */
#define G_LOG_DOMAIN "rd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <poppler.h>

#include "rd-export-dialog-private.h"
#include "rd-export-passwords.h"
#include "rd-gui-util.h"
#include "rd-show-in-folder.h"

G_DEFINE_FINAL_TYPE (RdExportDialog, rd_export_dialog, ADW_TYPE_WINDOW)

/* The letter row's items, in order; the last item, "No letter", follows them. */
static const RdLetterKind letter_choices[] = {
  RD_LETTER_STAGE1_COMPLAINT,
  RD_LETTER_CHASER,
  RD_LETTER_ESCALATION,
  RD_LETTER_OMBUDSMAN_SUMMARY,
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (RdExportDialog *self,
           const char     *state)
{
  gboolean options = g_str_equal (state, "options");

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_set_visible (self->export_button, options);
  gtk_button_set_label (GTK_BUTTON (self->close_button),
                        g_str_equal (state, "done") ? _("_Close") : _("_Cancel"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", options);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.stop", g_str_equal (state, "progress"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.chronology", options);
}

static void
on_progress_cb (RdProgress     *progress,
                GParamSpec     *pspec,
                RdExportDialog *self)
{
  gtk_progress_bar_set_fraction (self->progress_bar, rd_progress_get_fraction (progress));
  gtk_progress_bar_set_text (self->progress_bar, rd_progress_get_message (progress));
}

/* The first pages, drawn small with poppler from the finished file. */
static void
show_previews (RdExportDialog *self)
{
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->preview_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->preview_box), child);
  if (doc == NULL)
    return;

  for (int i = 0; i < MIN (3, poppler_document_get_n_pages (doc)); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      double w, h, scale;
      cairo_surface_t *surface;
      cairo_t *cr;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      GtkWidget *picture;
      g_autofree char *name = g_strdup_printf (_("Page %d"), i + 1);

      poppler_page_get_size (page, &w, &h);
      scale = 200.0 / h;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * scale), (int) (h * scale));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface)
                           * cairo_image_surface_get_height (surface));
      texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                        cairo_image_surface_get_height (surface),
                                        GDK_MEMORY_B8G8R8A8_PREMULTIPLIED, bytes,
                                        cairo_image_surface_get_stride (surface));
      cairo_surface_destroy (surface);
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_size_request (picture, gdk_texture_get_width (texture),
                                   gdk_texture_get_height (texture));
      gtk_widget_add_css_class (picture, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_box_append (GTK_BOX (self->preview_box), picture);
      g_object_unref (page);
    }
  g_object_unref (doc);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(RdExportDialog) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdBundle) bundle = rd_export_bundle_finish (result, &error);

  g_clear_object (&self->cancellable);
  if (bundle == NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      set_state (self, "options");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  self->n_pages = rd_bundle_get_n_pages (bundle);
  {
    g_autofree char *name = g_path_get_basename (self->path);
    g_autofree char *omissions = rd_bundle_describe_omissions (bundle);
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d page.\n%s",
                                                          "%s, %d pages.\n%s", self->n_pages),
                                             name, self->n_pages, omissions);

    g_autofree char *folder = g_path_get_dirname (self->path);
    g_autofree char *shown = g_filename_display_name (folder);
    g_autofree char *where = g_strdup_printf (_("Saved in the folder %s"), shown);

    adw_status_page_set_description (self->done_page, text);
    gtk_label_set_text (self->folder_label, where);
  }
  show_previews (self);
  set_state (self, "done");
}

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

/**
 * rd_export_dialog_export_to:
 *
 * Makes the bundle at @path (the Export button asks where first).
 */
void
rd_export_dialog_export_to (RdExportDialog *self,
                            const char     *path)
{
  g_autoptr(GArray) evidence_ids = NULL;
  g_autoptr(GHashTable) passwords = NULL;
  RdCaseBundleOptions options;
  guint letter = adw_combo_row_get_selected (self->letter_row);

  g_return_if_fail (RD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->cancellable == NULL);

  rd_case_bundle_options_init (&options);
  options.include_letter = letter < G_N_ELEMENTS (letter_choices);
  if (options.include_letter)
    options.letter = letter_choices[letter];
  options.include_chronology = gtk_switch_get_active (self->chronology_switch);
  options.anonymise = gtk_switch_get_active (self->anonymise_switch);
  options.smaller = gtk_switch_get_active (self->smaller_switch);
  options.keep_landscape = gtk_switch_get_active (self->landscape_switch);
  options.paper = adw_combo_row_get_selected (self->paper_row) == 1 ? RD_PAPER_LETTER : RD_PAPER_A4;
  evidence_ids = _rd_export_dialog_dup_evidence_ids (self);
  options.evidence_ids = evidence_ids;
  /* A copy: the service reads it while the dialog may be asked for more. */
  passwords = rd_export_passwords_new ();
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->passwords);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_replace (passwords, g_memdup2 (key, sizeof (gint64)), g_strdup (value));
  }
  options.passwords = passwords;

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->error, g_free);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Checking the evidence"));
  set_state (self, "progress");

  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->progress);
  self->progress = rd_progress_new ();
  g_signal_connect_object (self->progress, "notify", G_CALLBACK (on_progress_cb), self, 0);
  rd_export_bundle_async (self->store, rd_case_get_id (self->rcase), &options, path,
                          self->progress, self->cancellable, on_export_done, g_object_ref (self));
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RdExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        rd_export_dialog_export_to (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_file (RdExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf (_("Bundle – %s.pdf"), rd_case_get_title (self->rcase));

  chooser = gtk_file_chooser_native_new (_("Save the Bundle"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_strdelimit (name, "/\\", '-'));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * rd_export_dialog_dup_locked:
 *
 * Returns: (transfer container) (element-type RdEvidence): the PDFs going
 *   into the bundle that need a password no one has typed yet (or whose
 *   typed password does not open them).
 */
GPtrArray *
rd_export_dialog_dup_locked (RdExportDialog *self)
{
  GPtrArray *locked = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->exhibits)); i < n; i++)
    {
      g_autoptr(RdEvidence) ev = g_list_model_get_item (G_LIST_MODEL (self->exhibits), i);
      gint64 id = rd_evidence_get_id (ev);

      if (rd_evidence_get_kind (ev) != RD_EVIDENCE_KIND_PDF || rd_evidence_get_path (ev) == NULL ||
          g_hash_table_contains (self->left_out, &id))
        continue;
      /* The store forgets that a PDF has a password once it has been read
       * with it, so the file itself is asked. */
      if (rd_bundle_pdf_needs_password (rd_evidence_get_path (ev),
                                        g_hash_table_lookup (self->passwords, &id)))
        g_ptr_array_add (locked, g_object_ref (ev));
    }
  return locked;
}

/* Passwords a test (or the prompt) gives for the next bundle. */
void
rd_export_dialog_set_password (RdExportDialog *self,
                               gint64          evidence_id,
                               const char     *password)
{
  if (password != NULL && *password)
    g_hash_table_replace (self->passwords, g_memdup2 (&evidence_id, sizeof evidence_id),
                          g_strdup (password));
  else
    g_hash_table_remove (self->passwords, &evidence_id);
}

static void
on_passwords_cb (GHashTable *passwords,
                 gpointer    data)
{
  g_autoptr(RdExportDialog) self = data;
  GHashTableIter iter;
  gpointer key, value;

  if (passwords == NULL)
    return;  /* cancelled */
  g_hash_table_iter_init (&iter, passwords);
  while (g_hash_table_iter_next (&iter, &key, &value))
    rd_export_dialog_set_password (self, *(gint64 *) key, value);
  _rd_export_dialog_ask_unchecked (self, choose_file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);
  g_autoptr(GPtrArray) locked = rd_export_dialog_dup_locked (self);

  /* Protected PDFs first: their passwords, or they are left out. */
  if (locked->len > 0)
    rd_export_ask_passwords (GTK_WINDOW (self), locked, on_passwords_cb, g_object_ref (self));
  else
    _rd_export_dialog_ask_unchecked (self, choose_file);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);
  g_autoptr(GAppInfo) app = g_app_info_get_default_for_type ("application/pdf", FALSE);
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GError) error = NULL;
  GList files = { file, NULL, NULL };

  /* The local file, in this computer's PDF viewer: never a URI. */
  if (app == NULL)
    {
      rd_gui_show_toast (widget, _("No program on this computer opens PDF files."));
      return;
    }
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  if (!g_app_info_launch (app, &files, context, &error))
    rd_gui_show_toast (widget, error->message);
}

static void
on_draw_page_cb (GtkPrintOperation *op,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PopplerDocument   *doc)
{
  PopplerPage *page = poppler_document_get_page (doc, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double w, h, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &w, &h);
  scale = MIN (gtk_print_context_get_width (context) / w, gtk_print_context_get_height (context) / h);
  cairo_scale (cr, scale, scale);
  /* One document per print job: its pages share no surface with another's. */
  poppler_page_render_for_printing (page, cr);
  g_object_unref (page);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);
  g_autoptr(GFile) file = NULL;

  if (self->path == NULL)
    return;
  file = g_file_new_for_path (self->path);
  rd_show_in_folder (widget, file);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  if (doc == NULL)
    {
      rd_gui_show_toast (widget, error->message);
      return;
    }
  op = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (op, poppler_document_get_n_pages (doc));
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect_data (op, "draw-page", G_CALLBACK (on_draw_page_cb), doc,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  if (gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    rd_gui_show_toast (widget, error->message);
}

/* Exhibit rows */

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
  include = g_strdup_printf (_("Include %s"), name);
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

static void
move_action (GtkWidget  *widget,
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

static void
load_exhibits (RdExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = rd_store_list_evidence (self->store, rd_case_get_id (self->rcase), &error);

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

static gboolean
on_close_request_cb (GtkWindow      *window,
                     RdExportDialog *self)
{
  /* Closing while it works stops it; the half-made file is removed. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
rd_export_dialog_dispose (GObject *object)
{
  RdExportDialog *self = (RdExportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chronology_cancellable != NULL)
    g_cancellable_cancel (self->chronology_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chronology_cancellable);
  g_clear_object (&self->progress);
  g_clear_object (&self->selection);
  g_clear_object (&self->exhibits);
  g_clear_object (&self->rcase);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (rd_export_dialog_parent_class)->dispose (object);
}

static void
rd_export_dialog_finalize (GObject *object)
{
  RdExportDialog *self = (RdExportDialog *)object;

  g_clear_pointer (&self->left_out, g_hash_table_unref);
  g_clear_pointer (&self->passwords, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->chronology_path, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rd_export_dialog_parent_class)->finalize (object);
}

static void
rd_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE:
      g_value_set_object (value, self->rcase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE:
      self->rcase = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The letter that fits the case's stage is chosen to begin with, so that a
 * stage 2 case does not start with a fresh stage 1 complaint; "No letter"
 * when none fits (the landlord is still in time). */
static void
choose_letter_for_stage (RdExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  RdLetterKind kind;
  guint position = G_N_ELEMENTS (letter_choices);

  if (rd_case_bundle_suggest_letter (self->store, rd_case_get_id (self->rcase), NULL, &kind, &error))
    {
      for (guint i = 0; i < G_N_ELEMENTS (letter_choices); i++)
        if (letter_choices[i] == kind)
          position = i;
    }
  else if (error != NULL)
    {
      g_warning ("Cannot tell which letter fits case %" G_GINT64_FORMAT ": %s",
                 rd_case_get_id (self->rcase), error->message);
      position = 0;
    }
  adw_combo_row_set_selected (self->letter_row, position);
}

static void
rd_export_dialog_constructed (GObject *object)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (rd_export_dialog_parent_class)->constructed (object);

  choose_letter_for_stage (self);
  load_exhibits (self);
}

static void
rd_export_dialog_class_init (RdExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_export_dialog_dispose;
  object_class->get_property = rd_export_dialog_get_property;
  object_class->set_property = rd_export_dialog_set_property;
  object_class->constructed = rd_export_dialog_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, RD_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = rd_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, letter_row);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, chronology_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, anonymise_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, smaller_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, exhibits_view);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, RdExportDialog, preview_box);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "export.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "export.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "export.chronology", "s",
                                   _rd_export_dialog_chronology_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "export.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "export.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_export_dialog_init (RdExportDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->left_out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->passwords = rd_export_passwords_new ();
  self->exhibits = g_list_store_new (RD_TYPE_EVIDENCE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->exhibits)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_model (self->exhibits_view, GTK_SELECTION_MODEL (self->selection));
  gtk_list_view_set_factory (self->exhibits_view, factory);
  g_object_unref (factory);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), self);
  set_state (self, "options");
}

RdExportDialog *
rd_export_dialog_new (GtkWindow *parent,
                      RdStore   *store,
                      RdCase    *rcase)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);

  return g_object_new (RD_TYPE_EXPORT_DIALOG, "transient-for", parent, "store", store, "case", rcase,
                       NULL);
}

GListModel *
rd_export_dialog_get_exhibits (RdExportDialog *self)
{
  return G_LIST_MODEL (self->exhibits);
}

/* "options", "progress" or "done" */
const char *
rd_export_dialog_get_state (RdExportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Why the last export stopped, or NULL */
const char *
rd_export_dialog_get_error (RdExportDialog *self)
{
  return self->error;
}
