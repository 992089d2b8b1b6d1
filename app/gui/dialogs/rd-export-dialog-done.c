/* rd-export-dialog-done.c: the export assistant's last page: the finished bundle previewed, opened, printed or shown in its folder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The previews and the printed pages are drawn with poppler from the file
 * as saved, so what is seen is what will be sent.
 */
#define G_LOG_DOMAIN "rd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-export-dialog-private.h"
#include "rd-gui-util.h"
#include "rd-poppler.h"
#include "rd-show-in-folder.h"

/* The first pages, drawn small with poppler from the finished file. */
void
_rd_export_dialog_show_previews (RdExportDialog *self)
{
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = rd_poppler_document_new_from_file (uri, NULL, &error);
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
      /* Three A4 pages side by side fit a 360-pixel-wide window at this
       * height (at 200 pixels they needed 447). */
      scale = 140.0 / h;
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

void
_rd_export_dialog_open_action (GtkWidget  *widget,
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

void
_rd_export_dialog_open_folder_action (GtkWidget  *widget,
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

void
_rd_export_dialog_print_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  RdExportDialog *self = RD_EXPORT_DIALOG (widget);
  g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  PopplerDocument *doc = rd_poppler_document_new_from_file (uri, NULL, &error);

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
