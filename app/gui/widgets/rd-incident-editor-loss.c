/* rd-incident-editor-loss.c: the part of the diary entry form that records
 * days without heating, hot water or power.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-incident-editor-private.h"

/*
 * A diary entry of disrepair can say the home was without heating, hot
 * water or power from one day, and until another or still. What Next and
 * the letters list each loss and count the days (rd-remedies.c). As
 * everywhere in Redress, an optional date is a switch and a picker: "Back
 * on" off means still without it, and the picker keeps offering today.
 * A loss the form cannot save (a first day in the future, back before it
 * was lost) is explained and leaves the entry's loss as last saved.
 */

static GtkSwitch *
service_switch (RdIncidentEditor *self,
                RdService         service)
{
  switch (service)
    {
    case RD_SERVICE_HEATING: return self->loss_heating_switch;
    case RD_SERVICE_HOT_WATER: return self->loss_water_switch;
    case RD_SERVICE_POWER: return self->loss_power_switch;
    case RD_SERVICE_N_SERVICES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_day (GDate     *day,
         GDateTime *dt)
{
  g_date_clear (day, 1);
  if (dt != NULL)
    g_date_set_dmy (day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                    g_date_time_get_year (dt));
}

/* The loss as picked: no service ticked is nothing recorded. */
static void
picked_loss (RdIncidentEditor *self,
             RdServiceLoss    *loss)
{
  rd_service_loss_init (loss);
  for (guint s = 0; s < RD_SERVICE_N_SERVICES; s++)
    loss->lost[s] = gtk_switch_get_active (service_switch (self, s));
  if (rd_service_loss_is_empty (loss))
    return;
  set_day (&loss->from, rd_date_time_picker_get_date_time (self->loss_from_picker));
  if (gtk_switch_get_active (self->loss_until_switch))
    set_day (&loss->until, rd_date_time_picker_get_date_time (self->loss_until_picker));
}

/* What is wrong with the loss as picked, or %NULL. */
static const char *
loss_problem (RdIncidentEditor    *self,
              const RdServiceLoss *loss)
{
  g_autoptr(GDate) today = NULL;
  g_autoptr(GError) error = NULL;

  if (rd_service_loss_is_empty (loss))
    return NULL;
  today = rd_clock_dup_today (rd_store_get_clock (store_of (self)));
  if (g_date_valid (&loss->from) && g_date_compare (&loss->from, today) > 0)
    return _("The first day without it is in the future. Check the date.");
  if (g_date_valid (&loss->until) && g_date_compare (&loss->until, today) > 0)
    return _("The day it came back is in the future. Leave “Back on” off until it is back.");
  if (!rd_service_loss_is_valid (loss, &error))
    return _("The day it came back is before the first day without it. Check the dates.");
  return NULL;
}

/* Says what is wrong with the loss as picked; FALSE when something is. */
gboolean
_rd_incident_editor_check_loss (RdIncidentEditor *self)
{
  RdServiceLoss loss;
  const char *problem;

  picked_loss (self, &loss);
  problem = loss_problem (self, &loss);
  if (problem != NULL)
    gtk_label_set_text (self->loss_error_label, problem);
  gtk_revealer_set_reveal_child (self->loss_error_revealer, problem != NULL);
  return problem == NULL;
}

/* The group shows for the entries that can keep a loss (disrepair, other). */
void
_rd_incident_editor_sync_loss_rows (RdIncidentEditor *self)
{
  guint category = adw_combo_row_get_selected (self->category_row);

  gtk_widget_set_visible (GTK_WIDGET (self->loss_group),
                          category < RD_CATEGORY_N_CATEGORIES && rd_category_is_repair (category));
}

/* Copies the form into the incident; a loss the form cannot save leaves
 * the one last saved (the error says why). The hidden group of another
 * category keeps what was picked, in case the category changes back, but
 * what is saved holds only what applies. */
void
_rd_incident_editor_apply_loss (RdIncidentEditor *self)
{
  g_autofree char *key = NULL;
  RdServiceLoss loss;

  if (!rd_category_is_repair (rd_incident_get_category (editing (self))))
    {
      rd_incident_set_service_loss (editing (self), "");
      return;
    }
  picked_loss (self, &loss);
  if (loss_problem (self, &loss) != NULL)
    return;
  key = rd_service_loss_to_key (&loss);
  rd_incident_set_service_loss (editing (self), key);
}

static GDateTime *
local_day (const GDate *day)
{
  return g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 0, 0, 0);
}

void
_rd_incident_editor_load_loss (RdIncidentEditor *self)
{
  GDateTime *happened = rd_date_time_picker_get_date_time (self->start_picker);
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (store_of (self)));
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;
  RdServiceLoss loss;

  if (!rd_service_loss_from_key (rd_incident_get_service_loss (editing (self)), &loss, NULL))
    rd_service_loss_init (&loss);
  for (guint s = 0; s < RD_SERVICE_N_SERVICES; s++)
    gtk_switch_set_active (service_switch (self, s), loss.lost[s]);
  /* Nothing recorded: offer the day the entry happened, and today */
  if (g_date_valid (&loss.from))
    from = local_day (&loss.from);
  else if (happened != NULL)
    from = g_date_time_ref (happened);
  if (from != NULL)
    rd_date_time_picker_set_date_time (self->loss_from_picker, from);
  until = local_day (g_date_valid (&loss.until) ? &loss.until : today);
  rd_date_time_picker_set_date_time (self->loss_until_picker, until);
  gtk_switch_set_active (self->loss_until_switch, g_date_valid (&loss.until));
}

void
_rd_incident_editor_init_loss (RdIncidentEditor *self)
{
  const char *from = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->loss_from_row));
  const char *until = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->loss_until_row));

  rd_date_time_picker_set_accessible_names (self->loss_from_picker, from, NULL);
  rd_date_time_picker_set_accessible_names (self->loss_until_picker, until, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->loss_until_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, until, -1);
}

void
_rd_incident_editor_bind_loss (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_group);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_heating_switch);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_water_switch);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_power_switch);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_from_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_from_picker);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_until_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_until_picker);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_until_switch);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, loss_error_label);
}
