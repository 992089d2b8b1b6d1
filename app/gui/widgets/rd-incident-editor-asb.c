/* rd-incident-editor-asb.c: the part of the diary entry form an ASB Case
 * Review counts: the days it was reported to the police and the council,
 * and whether it was a hate incident.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-community-trigger.h"
#include "rd-incident-editor-private.h"

/*
 * An ASB Case Review counts reports, dated by when they were made (see
 * rd-community-trigger.c), so the form asks for the day of each report
 * beside the "Police" and "Council" ticks. As everywhere in Redress, a
 * date is a switch (is there one?) and a picker; off, the picker keeps
 * offering the day the behaviour happened, the usual day of a report.
 * A day in the future is explained and never written, as for the report
 * to the landlord.
 */

typedef enum {
  BODY_POLICE,
  BODY_COUNCIL,
  N_BODIES
} Body;

static GtkSwitch *
body_switch (RdIncidentEditor *self,
             Body              body)
{
  return body == BODY_POLICE ? self->police_date_switch : self->council_date_switch;
}

static RdDateTimePicker *
body_picker (RdIncidentEditor *self,
             Body              body)
{
  return body == BODY_POLICE ? self->police_date_picker : self->council_date_picker;
}

static GDate *
saved_day (RdAsbReport *report,
           Body         body)
{
  return body == BODY_POLICE ? &report->police : &report->council;
}

/* The day picked for @body, cleared when its switch is off. */
static void
picked_day (RdIncidentEditor *self,
            Body              body,
            GDate            *day)
{
  GDateTime *dt = rd_date_time_picker_get_date_time (body_picker (self, body));

  g_date_clear (day, 1);
  if (!gtk_switch_get_active (body_switch (self, body)) || dt == NULL)
    return;
  g_date_set_dmy (day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static gboolean
in_future (RdIncidentEditor *self,
           const GDate      *day)
{
  g_autoptr(GDate) today = NULL;

  if (!g_date_valid (day))
    return FALSE;
  today = rd_clock_dup_today (rd_store_get_clock (store_of (self)));
  return g_date_compare (day, today) > 0;
}

/* Says what is wrong with the report days as picked; FALSE when something is. */
gboolean
_rd_incident_editor_check_asb (RdIncidentEditor *self)
{
  const char *problem = NULL;
  GDate day;

  picked_day (self, BODY_POLICE, &day);
  if (in_future (self, &day))
    problem = _("The day you reported this to the police is in the future. Check the date.");
  picked_day (self, BODY_COUNCIL, &day);
  if (problem == NULL && in_future (self, &day))
    problem = _("The day you reported this to the council is in the future. Check the date.");
  if (problem != NULL)
    gtk_label_set_text (self->asb_error_label, problem);
  gtk_revealer_set_reveal_child (self->asb_error_revealer, problem != NULL);
  return problem == NULL;
}

/* The rows show for the entries an ASB Case Review can count. */
void
_rd_incident_editor_sync_asb_rows (RdIncidentEditor *self)
{
  guint category = adw_combo_row_get_selected (self->category_row);
  gboolean counts = category < RD_CATEGORY_N_CATEGORIES &&
                    rd_category_counts_for_community_trigger (category);

  gtk_widget_set_visible (GTK_WIDGET (self->police_date_row), counts);
  gtk_widget_set_visible (GTK_WIDGET (self->council_date_row), counts);
  gtk_widget_set_visible (GTK_WIDGET (self->hate_row), counts);
}

/* Copies the form into the incident. A day in the future leaves the day
 * as last saved (the error says why); the rest is written. */
void
_rd_incident_editor_apply_asb (RdIncidentEditor *self)
{
  g_autofree char *key = NULL;
  RdAsbReport saved;
  RdAsbReport report;

  rd_asb_report_init (&saved);
  rd_asb_report_from_key (rd_incident_get_asb_report (editing (self)), &saved, NULL);
  rd_asb_report_init (&report);
  for (guint body = 0; body < N_BODIES; body++)
    {
      GDate day;

      picked_day (self, body, &day);
      *saved_day (&report, body) = in_future (self, &day) ? *saved_day (&saved, body) : day;
    }
  report.hate = gtk_switch_get_active (self->hate_switch);
  key = rd_asb_report_to_key (&report);
  rd_incident_set_asb_report (editing (self), key);
}

void
_rd_incident_editor_load_asb (RdIncidentEditor *self)
{
  GDateTime *happened = rd_date_time_picker_get_date_time (self->start_picker);
  RdAsbReport report;

  rd_asb_report_init (&report);
  rd_asb_report_from_key (rd_incident_get_asb_report (editing (self)), &report, NULL);
  for (guint body = 0; body < N_BODIES; body++)
    {
      const GDate *day = saved_day (&report, body);
      g_autoptr(GDateTime) shown = NULL;

      if (g_date_valid (day))
        shown = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                       g_date_get_day (day), 0, 0, 0);
      else if (happened != NULL)
        shown = g_date_time_ref (happened);
      if (shown != NULL)
        rd_date_time_picker_set_date_time (body_picker (self, body), shown);
      gtk_switch_set_active (body_switch (self, body), g_date_valid (day));
    }
  gtk_switch_set_active (self->hate_switch, report.hate);
}

/* Names each picker and switch for screen readers after its row. */
static void
name_date (AdwActionRow     *row,
           RdDateTimePicker *picker,
           GtkSwitch        *toggle)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  rd_date_time_picker_set_accessible_names (picker, title, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

void
_rd_incident_editor_init_asb (RdIncidentEditor *self)
{
  name_date (self->police_date_row, self->police_date_picker, self->police_date_switch);
  name_date (self->council_date_row, self->council_date_picker, self->council_date_switch);
}

void
_rd_incident_editor_bind_asb (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, police_date_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, police_date_picker);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, police_date_switch);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, council_date_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, council_date_picker);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, council_date_switch);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, hate_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, hate_switch);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, asb_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, asb_error_label);
}
