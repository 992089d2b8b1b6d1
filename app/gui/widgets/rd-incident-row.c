/* rd-incident-row.c: one diary entry as a row of the diary list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-diary-item.h"
#include "rd-gui-util.h"
#include "rd-incident-row.h"

struct _RdIncidentRow
{
  GtkWidget   parent_instance;

  RdDiaryItem *item;

  GtkImage   *category_icon;
  GtkWidget  *text_box;
  GtkLabel   *date_label;
  GtkLabel   *category_label;
  GtkLabel   *summary_label;
  GtkBox     *badges_box;
};

G_DEFINE_FINAL_TYPE (RdIncidentRow, rd_incident_row, GTK_TYPE_WIDGET)

/* Between the category's icon and the text */
#define ICON_SPACING 12

static const struct {
  RdReportedTo flag;
  const char  *label;
} badges[] = {
  { RD_REPORTED_POLICE, N_("Police") },
  { RD_REPORTED_LANDLORD, N_("Landlord") },
  { RD_REPORTED_COUNCIL, N_("Council") },
  { RD_REPORTED_OTHER, N_("Someone else") },
};

static void
add_badge (RdIncidentRow *self,
           const char    *text,
           const char    *css_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (badge), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (badge, "badge");
  if (css_class != NULL)
    gtk_widget_add_css_class (badge, css_class);
  gtk_box_append (self->badges_box, badge);
}

static void
show_badges (RdIncidentRow *self)
{
  GtkWidget *child;
  RdReportedTo reported = rd_diary_item_get_reported_to (self->item);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->badges_box))) != NULL)
    gtk_box_remove (self->badges_box, child);

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    if (reported & badges[i].flag)
      add_badge (self, _(badges[i].label), NULL);
  if (rd_diary_item_get_reference (self->item)[0] != '\0')
    add_badge (self, rd_diary_item_get_reference (self->item), "reference");
  gtk_widget_set_visible (GTK_WIDGET (self->badges_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->badges_box)) != NULL);
}

static void
show_item (RdIncidentRow *self)
{
  RdCategory category = rd_diary_item_get_category (self->item);
  g_autoptr(GDateTime) starts = rd_diary_item_dup_starts_at (self->item);
  g_autofree char *date = starts ? rd_datetime_format_short (starts) : g_strdup ("");

  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->category_label, rd_category_get_label (category));
  gtk_image_set_from_icon_name (self->category_icon, rd_category_get_icon_name (category));
  gtk_label_set_text (self->summary_label, rd_diary_item_get_summary (self->item));
  /* Untitled entries say so quietly. */
  if (rd_diary_item_is_untitled (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  show_badges (self);
}

static void
on_item_changed_cb (RdIncidentRow *self)
{
  show_item (self);
}

GtkWidget *
rd_incident_row_new (void)
{
  return g_object_new (RD_TYPE_INCIDENT_ROW, NULL);
}

RdDiaryItem *
rd_incident_row_get_item (RdIncidentRow *self)
{
  g_return_val_if_fail (RD_IS_INCIDENT_ROW (self), NULL);

  return self->item;
}

/*
 * The row follows its item as the editor changes the entry, so the list
 * shows what is being typed without reloading anything.
 */
void
rd_incident_row_set_item (RdIncidentRow *self,
                          RdDiaryItem   *item)
{
  g_return_if_fail (RD_IS_INCIDENT_ROW (self));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_changed_cb, self);
  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  g_signal_connect_object (item, "changed", G_CALLBACK (on_item_changed_cb), self,
                           G_CONNECT_SWAPPED);
  show_item (self);
}

/*
 * A row is as high as its text can need at any width it is given: the
 * summary wraps to two lines at most, and to no more at a wider list.
 * GTK 4.8's list view keeps some 200 rows and measures each for its
 * height at every width that the window's layout tries (a dozen as the
 * diary page is first shown, each a fresh layout of the summary), and for
 * the list's own height with none; so much of the first showing of a
 * long diary was that (issue 17). A row whose height does not depend on
 * its width is measured once, and its text laid out again only at the
 * width it is given.
 */
static GtkSizeRequestMode
rd_incident_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
rd_incident_row_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RdIncidentRow *self = RD_INCIDENT_ROW (widget);
  int icon_min, icon_nat, text_min, text_nat;

  gtk_widget_measure (GTK_WIDGET (self->category_icon), orientation, -1, &icon_min, &icon_nat,
                      NULL, NULL);
  gtk_widget_measure (self->text_box, orientation, -1, &text_min, &text_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = icon_min + ICON_SPACING + text_min;
      *natural = icon_nat + ICON_SPACING + text_nat;
    }
  else
    {
      /* Without a width, a label that wraps asks for the height of its
       * lines at its narrowest as its natural height: the most it needs
       * at any width. Given as the least too, so that no row is cut. */
      *minimum = *natural = MAX (icon_nat, text_nat);
    }
}

static void
rd_incident_row_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  RdIncidentRow *self = RD_INCIDENT_ROW (widget);
  GtkAllocation icon = { 0, 0, 0, height };
  GtkAllocation text = { 0, 0, 0, height };

  gtk_widget_measure (GTK_WIDGET (self->category_icon), GTK_ORIENTATION_HORIZONTAL, -1, NULL,
                      &icon.width, NULL, NULL);
  icon.width = MIN (icon.width, width);
  text.width = MAX (width - icon.width - ICON_SPACING, 0);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    icon.x = width - icon.width;
  else
    text.x = width - text.width;
  gtk_widget_size_allocate (GTK_WIDGET (self->category_icon), &icon, -1);
  gtk_widget_size_allocate (self->text_box, &text, -1);
}

static void
rd_incident_row_dispose (GObject *object)
{
  RdIncidentRow *self = RD_INCIDENT_ROW (object);

  rd_incident_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_INCIDENT_ROW);
  rd_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rd_incident_row_parent_class)->dispose (object);
}

static void
rd_incident_row_class_init (RdIncidentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_incident_row_dispose;

  widget_class->get_request_mode = rd_incident_row_get_request_mode;
  widget_class->measure = rd_incident_row_measure;
  widget_class->size_allocate = rd_incident_row_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "incidentrow");
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-incident-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RdIncidentRow, category_icon);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentRow, category_label);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentRow, badges_box);
}

static void
rd_incident_row_init (RdIncidentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
