/* rd-evidence-tile.c: one piece of evidence in the evidence grid: its
 * thumbnail (made on a worker thread, kept in the page's cache), its name
 * and the date it was captured.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence-tile"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "rd-evidence-tile.h"
#include "rd-gui-util.h"

struct _RdEvidenceTile
{
  GtkWidget     parent_instance;

  GHashTable   *thumbnails;   /* sha256 → GdkTexture, shared by the page's tiles */
  RdEvidence   *evidence;
  GCancellable *cancellable;

  GtkStack     *picture_stack;
  GtkImage     *kind_icon;
  GtkPicture   *picture;
  GtkImage     *problem_icon;
  GtkLabel     *name_label;
  GtkLabel     *date_label;
};

G_DEFINE_FINAL_TYPE (RdEvidenceTile, rd_evidence_tile, GTK_TYPE_WIDGET)

const char *
rd_evidence_kind_icon_name (RdEvidenceKind kind)
{
  switch (kind)
    {
    case RD_EVIDENCE_KIND_PDF:
      return "x-office-document-symbolic";
    case RD_EVIDENCE_KIND_PHOTO:
      return "image-x-generic-symbolic";
    case RD_EVIDENCE_KIND_EMAIL:
      return "mail-unread-symbolic";
    case RD_EVIDENCE_KIND_AUDIO:
      return "audio-x-generic-symbolic";
    case RD_EVIDENCE_KIND_VIDEO:
      return "video-x-generic-symbolic";
    case RD_EVIDENCE_KIND_OTHER:
    case RD_EVIDENCE_KIND_N_KINDS:
    default:
      return "text-x-generic-symbolic";
    }
}

static void
show_texture (RdEvidenceTile *self,
              GdkTexture     *texture)
{
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->picture_stack, texture ? "picture" : "icon");
}

/* The evidence a thumbnail was asked for: the tile may show another by now. */
typedef struct {
  RdEvidenceTile *self;
  RdEvidence     *evidence;
} ThumbCall;

static void
on_thumbnail_ready_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ThumbCall *call = user_data;
  g_autoptr(RdEvidenceTile) self = call->self;
  g_autoptr(RdEvidence) evidence = call->evidence;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_free (call);
  pixbuf = rd_evidence_thumbnail_finish (result, &error);
  if (pixbuf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        g_debug ("No thumbnail for %s: %s", rd_evidence_get_original_name (evidence), error->message);
      return;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  g_hash_table_replace (self->thumbnails, g_strdup (rd_evidence_get_sha256 (evidence)),
                        g_object_ref (texture));
  if (self->evidence == evidence)
    show_texture (self, texture);
}

/**
 * rd_evidence_tile_set_evidence:
 *
 * Shows @evidence (or nothing); the thumbnail comes from the cache, or is
 * made on a worker thread, and a tile that is rebound first drops it.
 */
void
rd_evidence_tile_set_evidence (RdEvidenceTile *self,
                               RdStore        *store,
                               RdEvidence     *evidence)
{
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *label = NULL;
  RdEvidenceKind kind;
  GdkTexture *cached;

  g_return_if_fail (RD_IS_EVIDENCE_TILE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->evidence, evidence);
  show_texture (self, NULL);
  if (evidence == NULL)
    return;

  kind = rd_evidence_get_kind (evidence);
  name = rd_evidence_dup_display_name (evidence);
  if (rd_evidence_get_captured_at (evidence) != NULL)
    {
      g_autoptr(GDate) date = rd_datetime_get_date (rd_evidence_get_captured_at (evidence));
      when = rd_date_format_long (date);
    }
  gtk_image_set_from_icon_name (self->kind_icon, rd_evidence_kind_icon_name (kind));
  gtk_label_set_text (self->name_label, name);
  {
    /* The exhibit number every bundle of the case prints for it. */
    g_autofree char *line = g_strdup_printf (_("Exhibit %" PRId64 " · %s"),
                                             rd_evidence_get_exhibit_number (evidence),
                                             when ? when : _("Date unknown"));
    gtk_label_set_text (self->date_label, line);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->problem_icon), *rd_evidence_get_problem (evidence) != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), *rd_evidence_get_problem (evidence)
                               ? rd_evidence_get_problem (evidence) : name);
  /* Translators: a tile in the evidence grid: name, kind, date, exhibit number */
  label = g_strdup_printf (_("%s, %s, %s, exhibit %" PRId64), name, rd_evidence_kind_get_label (kind),
                           when ? when : _("date unknown"), rd_evidence_get_exhibit_number (evidence));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The grid's cell around the tile is what takes the focus and what a
   * screen reader announces; GTK 4.8 names it after its type
   * ("GtkListItemWidget") unless it is given the tile's name. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  cached = g_hash_table_lookup (self->thumbnails, rd_evidence_get_sha256 (evidence));
  if (cached != NULL)
    show_texture (self, cached);
  else if ((kind == RD_EVIDENCE_KIND_PHOTO || kind == RD_EVIDENCE_KIND_PDF) &&
           !rd_evidence_get_needs_password (evidence) && store != NULL)
    {
      ThumbCall *call = g_new0 (ThumbCall, 1);

      call->self = g_object_ref (self);
      call->evidence = g_object_ref (evidence);
      self->cancellable = g_cancellable_new ();
      rd_evidence_thumbnail_async (store, evidence, self->cancellable, on_thumbnail_ready_cb, call);
    }
}

/**
 * rd_evidence_tile_set_damage:
 * @message: (nullable): what "Check Evidence" found wrong with the stored
 *   file, or %NULL
 */
void
rd_evidence_tile_set_damage (RdEvidenceTile *self,
                             const char     *message)
{
  g_return_if_fail (RD_IS_EVIDENCE_TILE (self));

  if (message == NULL)
    {
      gtk_image_set_from_icon_name (self->problem_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_icon), "warning");
      return;
    }
  gtk_image_set_from_icon_name (self->problem_icon, "dialog-error-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->problem_icon), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_icon), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_icon), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), message);
}

RdEvidence *
rd_evidence_tile_get_evidence (RdEvidenceTile *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_TILE (self), NULL);
  return self->evidence;
}

gboolean
rd_evidence_tile_has_thumbnail (RdEvidenceTile *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_TILE (self), FALSE);
  return gtk_picture_get_paintable (self->picture) != NULL;
}

static void
rd_evidence_tile_dispose (GObject *object)
{
  RdEvidenceTile *self = RD_EVIDENCE_TILE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->evidence);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_EVIDENCE_TILE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);

  G_OBJECT_CLASS (rd_evidence_tile_parent_class)->dispose (object);
}

/*
 * What Return (or a double click) on the tile does, as an action of the
 * tile itself, so that assistive technologies can open it too: GTK 4.8
 * offers them only actions without parameters, and the grid's own
 * "list.activate-item" takes the position.
 */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "listitem.select", "(bb)", FALSE, FALSE);
  gtk_widget_activate_action (widget, "evidence-page.show-detail", NULL);
}

static void
rd_evidence_tile_class_init (RdEvidenceTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_evidence_tile_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_install_action (widget_class, "evidence.open", NULL, open_action);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-evidence-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceTile, picture_stack);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceTile, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceTile, picture);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceTile, problem_icon);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceTile, date_label);
}

static void
rd_evidence_tile_init (RdEvidenceTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rd_evidence_tile_new (GHashTable *thumbnails)
{
  RdEvidenceTile *self = g_object_new (RD_TYPE_EVIDENCE_TILE, NULL);

  self->thumbnails = g_hash_table_ref (thumbnails);
  return GTK_WIDGET (self);
}
