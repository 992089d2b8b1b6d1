/* rd-incident-editor-report.c: the part of the diary entry form that
 * says what was reported to the landlord and what the landlord did: the
 * day it was reported, the risk level (anti-social behaviour), the repair
 * priority and hazard, and the landlord's dated steps on a repair.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident-editor"

#include "config.h"


#include "rd-incident-editor-private.h"

/* The combo rows list "not known" / "none" first. */
static const RdAsbRisk risk_choices[] = {
  RD_ASB_RISK_N_LEVELS, RD_ASB_RISK_HIGH, RD_ASB_RISK_MEDIUM, RD_ASB_RISK_LOW,
};
static const RdHazardLevel hazard_choices[] = {
  RD_HAZARD_N_LEVELS, RD_HAZARD_EMERGENCY, RD_HAZARD_SIGNIFICANT, RD_HAZARD_EXCESS_COLD,
  RD_HAZARD_EXCESS_HEAT, RD_HAZARD_FALLS, RD_HAZARD_STRUCTURAL_COLLAPSE, RD_HAZARD_FIRE,
  RD_HAZARD_ELECTRICAL, RD_HAZARD_HYGIENE, RD_HAZARD_FOOD_SAFETY, RD_HAZARD_OTHER,
};


/* The day (and time, when known) the form says it was reported to the
 * landlord: FALSE when the switch is off. */
static gboolean
picked_report (RdIncidentEditor *self,
               GDate            *day,
               int              *minute)
{
  GDateTime *dt = rd_date_time_picker_get_date_time (self->report_picker);

  if (!adw_expander_row_get_enable_expansion (self->report_expander) || dt == NULL)
    return FALSE;
  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  *minute = gtk_switch_get_active (self->report_time_switch)
            ? g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt) : -1;
  return TRUE;
}

/* The steps as the form shows them. A step whose day is unchanged keeps
 * the time of day it was saved with (from a case file, say): the form
 * shows days only, and must not lose what it does not show. */
static void
picked_steps (RdIncidentEditor *self,
              RdLandlordSteps  *steps)
{
  const RdLandlordSteps *saved = editing (self) ? rd_incident_get_landlord_steps (editing (self)) : NULL;

  rd_landlord_steps_init (steps);
  for (guint i = 0; i < RD_STEP_N_STEPS && self->step_pickers[i] != NULL; i++)
    {
      GDateTime *dt = rd_date_time_picker_get_date_time (self->step_pickers[i]);
      GDate day;

      if (!gtk_switch_get_active (self->step_switches[i]) || dt == NULL)
        continue;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                      g_date_time_get_year (dt));
      rd_moment_set_date (&steps->at[i], &day);
      if (saved != NULL && rd_moment_is_set (&saved->at[i]) &&
          g_date_compare (&saved->at[i].date, &day) == 0)
        steps->at[i].minute = saved->at[i].minute;
    }
}

/* Says what is wrong with the report date and steps as picked; FALSE when
 * something is wrong. */
gboolean
_rd_incident_editor_check_report (RdIncidentEditor *self)
{
  g_autoptr(GDateTime) now = rd_clock_dup_now (rd_store_get_clock (store_of (self)));
  g_autoptr(RdIncident) scratch = rd_incident_new ();
  g_autoptr(GError) error = NULL;
  RdLandlordSteps steps;
  GDate day;
  int minute;
  gboolean valid = TRUE;

  picked_steps (self, &steps);
  if (picked_report (self, &day, &minute) || !rd_landlord_steps_is_empty (&steps))
    {
      /* Only the days are checked here; steps are a repair's (and dropped
       * from other entries when saved). */
      rd_incident_set_category (scratch, RD_CATEGORY_DISREPAIR);
      rd_incident_set_starts_at (scratch, now);
      if (picked_report (self, &day, &minute))
        rd_incident_set_landlord_reported_on (scratch, &day);
      rd_incident_set_landlord_steps (scratch, &steps);
      valid = rd_incident_validate (scratch, now, &error);
      if (!valid)
        gtk_label_set_text (self->report_error_label, error->message);
    }
  gtk_revealer_set_reveal_child (self->report_error_revealer, !valid);
  return valid;
}

/* Only the rows that apply to the category show. */
void
_rd_incident_editor_sync_report_rows (RdIncidentEditor *self)
{
  guint category = adw_combo_row_get_selected (self->category_row);

  gtk_widget_set_visible (GTK_WIDGET (self->risk_row), rd_category_is_asb (category));
  gtk_widget_set_visible (GTK_WIDGET (self->priority_row), rd_category_is_repair (category));
  gtk_widget_set_visible (GTK_WIDGET (self->hazard_row), rd_category_is_repair (category));
  /* Not built yet (the template's own signals), or gone with it */
  if (self->step_rows[0] == NULL)
    return;
  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->step_rows[i]), rd_category_is_repair (category));
      gtk_widget_set_sensitive (GTK_WIDGET (self->step_pickers[i]),
                                gtk_switch_get_active (self->step_switches[i]));
    }
}

void
_rd_incident_editor_apply_report (RdIncidentEditor *self)
{
  guint risk = adw_combo_row_get_selected (self->risk_row);
  guint hazard = adw_combo_row_get_selected (self->hazard_row);
  g_autofree char *priority = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->priority_row))));
  RdLandlordSteps steps;
  GDate day;
  int minute = -1;

  picked_steps (self, &steps);
  if (!picked_report (self, &day, &minute))
    {
      rd_incident_set_landlord_reported_on (editing (self), NULL);
      rd_incident_set_landlord_reported_minute (editing (self), -1);
      if (_rd_incident_editor_check_report (self))
        rd_incident_set_landlord_steps (editing (self), &steps);
    }
  else if (_rd_incident_editor_check_report (self))
    {
      rd_incident_set_landlord_reported_on (editing (self), &day);
      rd_incident_set_landlord_reported_minute (editing (self), minute);
      rd_incident_set_landlord_steps (editing (self), &steps);
    }
  /* else the day as last saved stays, and the error says why */
  if (risk < G_N_ELEMENTS (risk_choices))
    rd_incident_set_asb_risk (editing (self), risk_choices[risk]);
  if (hazard < G_N_ELEMENTS (hazard_choices))
    rd_incident_set_hazard (editing (self), hazard_choices[hazard]);
  rd_incident_set_repair_priority (editing (self), priority);
  /* The hidden rows keep their values in case the category changes back. */
  rd_incident_drop_misplaced_fields (editing (self));
}

void
_rd_incident_editor_load_report (RdIncidentEditor *self)
{
  RdIncident *incident = editing (self);
  const GDate *on = rd_incident_get_landlord_reported_on (incident);
  int minute = rd_incident_get_landlord_reported_minute (incident);
  g_autoptr(GDateTime) when = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (risk_choices); i++)
    if (risk_choices[i] == rd_incident_get_asb_risk (incident))
      adw_combo_row_set_selected (self->risk_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (hazard_choices); i++)
    if (hazard_choices[i] == rd_incident_get_hazard (incident))
      adw_combo_row_set_selected (self->hazard_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->priority_row), rd_incident_get_repair_priority (incident));

  adw_expander_row_set_enable_expansion (self->report_expander, on != NULL);
  adw_expander_row_set_expanded (self->report_expander, on != NULL);
  gtk_switch_set_active (self->report_time_switch, on != NULL && minute >= 0);
  rd_date_time_picker_set_show_time (self->report_picker, on != NULL && minute >= 0);
  if (on != NULL)
    when = g_date_time_new_local (g_date_get_year (on), g_date_get_month (on), g_date_get_day (on),
                                  minute >= 0 ? minute / 60 : 0, minute >= 0 ? minute % 60 : 0, 0);
  else if (rd_date_time_picker_get_date_time (self->start_picker) != NULL)
    /* Not reported yet: offer the day it happened. */
    when = g_date_time_ref (rd_date_time_picker_get_date_time (self->start_picker));
  if (when != NULL)
    rd_date_time_picker_set_date_time (self->report_picker, when);

  for (guint i = 0; i < RD_STEP_N_STEPS && self->step_pickers[i] != NULL; i++)
    {
      const RdMoment *at = &rd_incident_get_landlord_steps (incident)->at[i];
      g_autoptr(GDateTime) step_day = NULL;

      gtk_switch_set_active (self->step_switches[i], rd_moment_is_set (at));
      if (rd_moment_is_set (at))
        step_day = g_date_time_new_local (g_date_get_year (&at->date), g_date_get_month (&at->date),
                                          g_date_get_day (&at->date), 0, 0, 0);
      else if (when != NULL)
        /* Not done yet: offer the day it was reported, the earliest it can be. */
        step_day = g_date_time_ref (when);
      if (step_day != NULL)
        rd_date_time_picker_set_date_time (self->step_pickers[i], step_day);
    }
}

/* What the landlord did about a repair or hazard: after the priority and
 * hazard rows, in the order they usually happen. */
static void
add_step_rows (RdIncidentEditor *self,
               GCallback         step_changed)
{
  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      const char *label = rd_landlord_step_get_label (i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkSwitch *toggle = GTK_SWITCH (gtk_switch_new ());
      RdDateTimePicker *picker = RD_DATE_TIME_PICKER (rd_date_time_picker_new ());
      /* The switch above the day: side by side, at twice the text size,
       * they left the step's name too little width for its longest word
       * ("accommo-dation"). */
      GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      rd_date_time_picker_set_show_time (picker, FALSE);
      gtk_widget_set_halign (GTK_WIDGET (toggle), GTK_ALIGN_END);
      gtk_widget_set_valign (controls, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (controls, 6);
      gtk_widget_set_margin_bottom (controls, 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      rd_date_time_picker_set_accessible_names (picker, label, label);
      gtk_box_append (GTK_BOX (controls), GTK_WIDGET (toggle));
      gtk_box_append (GTK_BOX (controls), GTK_WIDGET (picker));
      adw_action_row_add_suffix (row, controls);
      adw_expander_row_add_row (self->report_expander, GTK_WIDGET (row));
      g_signal_connect_swapped (toggle, "notify::active", step_changed, self);
      g_signal_connect_swapped (picker, "notify::date-time", step_changed, self);
      self->step_rows[i] = row;
      self->step_switches[i] = toggle;
      self->step_pickers[i] = picker;
    }
}

/* The risk and hazard choices, and a row for each of the landlord's
 * steps; @step_changed is called when a step is switched or its day
 * changes. */
void
_rd_incident_editor_init_report (RdIncidentEditor *self,
                                 GCallback         step_changed)
{
  g_autoptr(GtkStringList) risks = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) hazards = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (risk_choices); i++)
    gtk_string_list_append (risks, rd_asb_risk_get_label (risk_choices[i]));
  adw_combo_row_set_model (self->risk_row, G_LIST_MODEL (risks));
  for (guint i = 0; i < G_N_ELEMENTS (hazard_choices); i++)
    gtk_string_list_append (hazards, rd_hazard_level_get_label (hazard_choices[i]));
  adw_combo_row_set_model (self->hazard_row, G_LIST_MODEL (hazards));
  add_step_rows (self, step_changed);
}
