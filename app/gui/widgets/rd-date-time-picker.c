/* rd-date-time-picker.c: a date (with its weekday) and a time of day, as two buttons.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-date-time-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-core.h"
#include "rd-date-time-picker.h"
#include "rd-gui-util.h"

struct _RdDateTimePicker
{
  GtkWidget       parent_instance;

  GDateTime      *date_time;   /* local time, whole minutes */
  char           *problem;     /* why the time shown is not a real moment, or NULL */
  gboolean        updating;
  char           *date_name;   /* "Start date", for screen readers */
  char           *time_name;

  GtkMenuButton  *date_button;
  GtkLabel       *date_label;
  GtkMenuButton  *time_button;
  GtkLabel       *time_label;
  GtkPopover     *date_popover;
  GtkCalendar    *calendar;
  GtkEntry       *date_entry;
  GtkLabel       *date_feedback;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
};

G_DEFINE_FINAL_TYPE (RdDateTimePicker, rd_date_time_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE_TIME,
  PROP_SHOW_TIME,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A screen reader hears the button's name and what it is set to, as a
 * sighted person reads it on the button: "Start date: Friday 3 May 2024". */
static void
name_button (GtkMenuButton *button,
             const char    *name,
             const char    *value)
{
  g_autofree char *label = NULL;

  if (name == NULL)
    return;
  /* Translators: a date or time button for screen readers: "Start date: Friday 3 May 2024" */
  label = g_strdup_printf (_("%s: %s"), name, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* GTK describes the button by its tooltip, @name, which the name says first. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* @text on two lines, broken at the space nearest its middle ("Wednesday
 * 30" over "September 2026"), whatever the language's word order. */
static char *
break_in_two (const char *text)
{
  char *broken = g_strdup (text);
  glong middle = g_utf8_strlen (text, -1) / 2;
  char *best = NULL;
  glong best_distance = G_MAXLONG;
  glong position = 0;

  for (char *p = broken; *p != '\0'; p = g_utf8_next_char (p), position++)
    if (*p == ' ' && ABS (position - middle) < best_distance)
      {
        best = p;
        best_distance = ABS (position - middle);
      }
  if (best != NULL)
    *best = '\n';
  return broken;
}

/* Shows a date and time as picked, which may not (yet) be a real moment. */
static void
show_fields (RdDateTimePicker *self,
             int               year,
             int               month,
             int               day,
             int               hour,
             int               minute)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  g_autoptr(GDateTime) midday = g_date_time_new_local (year, month, day, 12, 0, 0);
  g_autofree char *date_text = rd_date_format_long (date);
  g_autofree char *time_text = g_strdup_printf ("%02d:%02d", hour, minute);

  g_autofree char *date_lines = break_in_two (date_text);

  self->updating = TRUE;
  gtk_label_set_text (self->date_label, date_lines);
  gtk_label_set_text (self->time_label, time_text);
  name_button (self->date_button, self->date_name, date_text);
  name_button (self->time_button, self->time_name, time_text);
  gtk_calendar_select_day (self->calendar, midday);
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  self->updating = FALSE;
}

static void
show_date_time (RdDateTimePicker *self)
{
  show_fields (self,
               g_date_time_get_year (self->date_time), g_date_time_get_month (self->date_time),
               g_date_time_get_day_of_month (self->date_time),
               g_date_time_get_hour (self->date_time), g_date_time_get_minute (self->date_time));
}

static void
set_problem (RdDateTimePicker *self,
             const char       *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/*
 * A time the clocks skipped (1:30am on the day they go forward) is not
 * moved to another time: it stays in view as picked, with its problem, and
 * the picked moment stays the last real one until the time is corrected.
 * A time the clocks showed twice is the first (see rd-datetime.c).
 */
static void
change_to (RdDateTimePicker *self,
           int               year,
           int               month,
           int               day,
           int               hour,
           int               minute)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GError) error = NULL;

  if (rd_date_time_picker_get_show_time (self))
    dt = rd_datetime_new_wall_clock (NULL, year, month, day, hour, minute, 0, &error);
  else
    /* Only the day matters: midnight, or what follows where midnight was skipped. */
    dt = g_date_time_new_local (year, month, day, 0, 0, 0);

  if (dt == NULL)
    {
      show_fields (self, year, month, day, hour, minute);
      set_problem (self, error != NULL ? error->message : NULL);
      return;
    }
  if (g_date_time_equal (dt, self->date_time))
    {
      show_date_time (self);
      set_problem (self, NULL);
      return;
    }
  g_date_time_unref (self->date_time);
  self->date_time = g_steal_pointer (&dt);
  show_date_time (self);
  g_object_freeze_notify (G_OBJECT (self));
  set_problem (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_TIME]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The calendar and the spin buttons hold what is picked, even when it is
 * not a real moment and the picked moment is an older one. */
static void
change_to_picked (RdDateTimePicker *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  change_to (self,
             g_date_time_get_year (day), g_date_time_get_month (day),
             g_date_time_get_day_of_month (day),
             gtk_spin_button_get_value_as_int (self->hour_spin),
             gtk_spin_button_get_value_as_int (self->minute_spin));
}

static void
on_day_selected_cb (RdDateTimePicker *self)
{
  if (self->updating)
    return;
  change_to_picked (self);
}

/* A click on a day closes the calendar, a click on the month or year
 * arrows does not. */
static void
on_calendar_released_cb (RdDateTimePicker *self,
                         int               n_press,
                         double            x,
                         double            y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL && gtk_widget_has_css_class (picked, "day-number"))
    gtk_popover_popdown (self->date_popover);
}

/* The day the calendar shows as chosen, which the keyboard moves before it is picked. */
static GDate *
dup_calendar_day (RdDateTimePicker *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  return rd_datetime_get_date (day);
}

/* Says a day in words under the calendar, and to a screen reader on the
 * calendar itself, which GTK 4.8 does not tell which day has the cursor. */
static void
show_feedback (RdDateTimePicker *self,
               const char       *text,
               gboolean          is_error)
{
  gtk_label_set_text (self->date_feedback, text);
  /* GTK 4.8 tells AT-SPI nothing of the entry's described-by relation to
   * this label: without its words as the entry's description, a screen
   * reader never says why a typed date was refused, nor its weekday. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_feedback), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_feedback), "error");
}

static void
show_calendar_day (RdDateTimePicker *self,
                   const GDate      *date)
{
  g_autoptr(GDateTime) midday = g_date_time_new_local (g_date_get_year (date),
                                                       g_date_get_month (date),
                                                       g_date_get_day (date), 12, 0, 0);
  g_autofree char *words = rd_date_format_long (date);

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, midday);
  self->updating = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words, -1);
  show_feedback (self, words, FALSE);
}

/* Picks @date at the time already shown, and closes the calendar. */
static void
pick_day (RdDateTimePicker *self,
          const GDate      *date)
{
  change_to (self, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
             gtk_spin_button_get_value_as_int (self->hour_spin),
             gtk_spin_button_get_value_as_int (self->minute_spin));
  gtk_popover_popdown (self->date_popover);
}

/* Each time the calendar opens, it starts from the picked day, with the
 * keyboard's cursor on it, and nothing typed. */
static void
on_date_popover_map_cb (RdDateTimePicker *self)
{
  g_autoptr(GDate) picked = rd_datetime_get_date (self->date_time);

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");
  show_calendar_day (self, picked);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

/* Closed without picking (Escape), the calendar forgets where its cursor
 * went; either way the focus goes back to the date button. */
static void
on_date_popover_closed_cb (RdDateTimePicker *self)
{
  show_date_time (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->date_button));
}

/* The days a key moves the calendar's cursor by, or 0 for a key that does
 * not move it; months are counted in @months. */
static int
days_for_key (RdDateTimePicker *self,
              guint             keyval,
              const GDate      *day,
              int              *months)
{
  /* Right goes to the next day in a left-to-right calendar, the previous
   * one where the weeks read right to left. */
  int forward = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1;

  *months = 0;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:   return -forward;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: return forward;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:       return -7;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:   return 7;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:   return 1 - (int) g_date_get_day (day);
    case GDK_KEY_End: case GDK_KEY_KP_End:
      return g_date_get_days_in_month (g_date_get_month (day), g_date_get_year (day))
             - (int) g_date_get_day (day);
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:     *months = -1; return 0;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: *months = 1; return 0;
    default: return 0;
    }
}

/*
 * GtkCalendar 4.8 moves a cursor of its own that does not start on the
 * picked day, ignores Return, and picks with Space without closing. Here
 * the arrow, Home/End and Page keys move the chosen day itself, Return or
 * Space picks it and closes, and typing a letter or digit goes on in the
 * entry below, where the date can be typed.
 */
static gboolean
on_calendar_key_pressed_cb (RdDateTimePicker *self,
                            guint             keyval,
                            guint             keycode,
                            GdkModifierType   state)
{
  g_autoptr(GDate) day = dup_calendar_day (self);
  gunichar c = gdk_keyval_to_unicode (keyval);
  int days, months;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      pick_day (self, day);
      return TRUE;
    default:
      break;
    }

  days = days_for_key (self, keyval, day, &months);
  if (days != 0 || months != 0)
    {
      if (days > 0)
        g_date_add_days (day, days);
      else if (days < 0)
        g_date_subtract_days (day, -days);
      if (months > 0)
        g_date_add_months (day, months);
      else if (months < 0)
        g_date_subtract_months (day, -months);
      show_calendar_day (self, day);
      return TRUE;
    }

  if (c != 0 && g_unichar_isgraph (c))
    {
      char typed[7] = { 0 };

      g_unichar_to_utf8 (c, typed);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_entry));
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), typed);
      gtk_editable_set_position (GTK_EDITABLE (self->date_entry), -1);
      return TRUE;
    }
  return FALSE;
}

static GDate *
parse_entry (RdDateTimePicker  *self,
             GError           **error)
{
  g_autoptr(GDate) today = rd_clock_dup_today (rd_clock_get_default ());

  return rd_date_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), today, error);
}

/* As a date is typed it is said back in words, with its weekday, and the
 * calendar turns to it; what cannot be a date says why, and the picked
 * date stays as it was. */
static void
on_date_entry_changed_cb (RdDateTimePicker *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->date_entry)) == '\0')
    {
      g_autoptr(GDate) day = dup_calendar_day (self);

      show_calendar_day (self, day);
      return;
    }
  date = parse_entry (self, &error);
  if (date == NULL)
    {
      show_feedback (self, error->message, TRUE);
      return;
    }
  show_calendar_day (self, date);
}

static void
on_date_entry_activate_cb (RdDateTimePicker *self)
{
  g_autoptr(GDate) date = NULL;

  /* Return on an empty entry picks the day the calendar shows. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->date_entry)) == '\0')
    date = dup_calendar_day (self);
  else
    date = parse_entry (self, NULL);
  if (date == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->date_entry));
      return;
    }
  pick_day (self, date);
}

static void
on_time_changed_cb (RdDateTimePicker *self)
{
  if (self->updating)
    return;
  change_to_picked (self);
}

static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (spin))))
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

GtkWidget *
rd_date_time_picker_new (void)
{
  return g_object_new (RD_TYPE_DATE_TIME_PICKER, NULL);
}

/**
 * rd_date_time_picker_get_date_time:
 *
 * Returns: (transfer none): the picked moment, in local time
 */
GDateTime *
rd_date_time_picker_get_date_time (RdDateTimePicker *self)
{
  g_return_val_if_fail (RD_IS_DATE_TIME_PICKER (self), NULL);

  return self->date_time;
}

void
rd_date_time_picker_set_date_time (RdDateTimePicker *self,
                                   GDateTime        *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (RD_IS_DATE_TIME_PICKER (self));
  g_return_if_fail (date_time != NULL);

  local = g_date_time_to_local (date_time);
  change_to (self,
             g_date_time_get_year (local), g_date_time_get_month (local),
             g_date_time_get_day_of_month (local),
             g_date_time_get_hour (local), g_date_time_get_minute (local));
}

/**
 * rd_date_time_picker_get_problem:
 *
 * Returns: (nullable): why the date and time shown are not a real moment
 *   (the clocks went forward over it), or %NULL. While there is a problem,
 *   rd_date_time_picker_get_date_time() is the last real moment picked.
 */
const char *
rd_date_time_picker_get_problem (RdDateTimePicker *self)
{
  g_return_val_if_fail (RD_IS_DATE_TIME_PICKER (self), NULL);

  return self->problem;
}

/**
 * rd_date_time_picker_set_show_time:
 *
 * Hides the time button where only the day matters (the steps of a
 * complaint); the picked moment is then midnight of the picked day.
 */
void
rd_date_time_picker_set_show_time (RdDateTimePicker *self,
                                   gboolean          show_time)
{
  g_return_if_fail (RD_IS_DATE_TIME_PICKER (self));

  show_time = !!show_time;
  if (gtk_widget_get_visible (GTK_WIDGET (self->time_button)) == show_time)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->time_button), show_time);
  if (!show_time)
    change_to (self, g_date_time_get_year (self->date_time), g_date_time_get_month (self->date_time),
               g_date_time_get_day_of_month (self->date_time), 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TIME]);
}

gboolean
rd_date_time_picker_get_show_time (RdDateTimePicker *self)
{
  g_return_val_if_fail (RD_IS_DATE_TIME_PICKER (self), TRUE);

  return gtk_widget_get_visible (GTK_WIDGET (self->time_button));
}

/**
 * rd_date_time_picker_set_accessible_names:
 *
 * Names the two buttons for screen readers, e.g. "Start date", "Start time";
 * each name is followed by what its button shows ("Start date: Friday 3 May 2024").
 */
void
rd_date_time_picker_set_accessible_names (RdDateTimePicker *self,
                                          const char       *date_name,
                                          const char       *time_name)
{
  g_return_if_fail (RD_IS_DATE_TIME_PICKER (self));

  g_free (self->date_name);
  self->date_name = g_strdup (date_name);
  g_free (self->time_name);
  self->time_name = g_strdup (time_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), date_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_button), time_name);
  show_date_time (self);
}

static void
rd_date_time_picker_dispose (GObject *object)
{
  RdDateTimePicker *self = RD_DATE_TIME_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_DATE_TIME_PICKER);
  rd_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rd_date_time_picker_parent_class)->dispose (object);
}

static void
rd_date_time_picker_finalize (GObject *object)
{
  RdDateTimePicker *self = RD_DATE_TIME_PICKER (object);

  g_clear_pointer (&self->date_time, g_date_time_unref);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->date_name, g_free);
  g_clear_pointer (&self->time_name, g_free);

  G_OBJECT_CLASS (rd_date_time_picker_parent_class)->finalize (object);
}

static void
rd_date_time_picker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RdDateTimePicker *self = RD_DATE_TIME_PICKER (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      g_value_set_boxed (value, self->date_time);
      break;
    case PROP_SHOW_TIME:
      g_value_set_boolean (value, rd_date_time_picker_get_show_time (self));
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_date_time_picker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RdDateTimePicker *self = RD_DATE_TIME_PICKER (object);

  switch (prop_id)
    {
    case PROP_DATE_TIME:
      if (g_value_get_boxed (value) != NULL)
        rd_date_time_picker_set_date_time (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_TIME:
      rd_date_time_picker_set_show_time (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_date_time_picker_class_init (RdDateTimePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_date_time_picker_dispose;
  object_class->finalize = rd_date_time_picker_finalize;
  object_class->get_property = rd_date_time_picker_get_property;
  object_class->set_property = rd_date_time_picker_set_property;

  properties[PROP_DATE_TIME] =
    g_param_spec_boxed ("date-time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TIME] =
    g_param_spec_boolean ("show-time", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-date-time-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, date_button);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, date_label);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, time_button);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, time_label);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, date_popover);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, calendar);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, date_entry);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, date_feedback);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RdDateTimePicker, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      collect_buttons (child, buttons);
    }
}

/*
 * GtkCalendar 4.8 leaves its four arrows unnamed, so a screen reader says
 * only "button". They come in this order in its header.
 */
static void
name_calendar_arrows (GtkCalendar *calendar)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  /* Accessible names, in sentence case. */
  const char *names[] = {
    N_("Previous month"), N_("Next month"), N_("Previous year"), N_("Next year"),
  };

  collect_buttons (GTK_WIDGET (calendar), buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;
  for (guint i = 0; i < buttons->len; i++)
    gtk_accessible_update_property (g_ptr_array_index (buttons, i),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]), -1);
}

static void
rd_date_time_picker_init (RdDateTimePicker *self)
{
  /* Until told otherwise, the picker shows now, on the application's clock. */
  g_autoptr(GDateTime) now = rd_clock_dup_now (rd_clock_get_default ());

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Alt+1…6 and the window's other shortcuts work with the calendar or the clock open. */
  rd_gui_popover_pass_shortcuts (self->date_popover);
  rd_gui_popover_pass_shortcuts (gtk_menu_button_get_popover (self->time_button));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->date_time = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                           g_date_time_get_day_of_month (now),
                                           g_date_time_get_hour (now), g_date_time_get_minute (now), 0);
  show_date_time (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hour_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hour"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minute_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minute"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"), -1);
  name_calendar_arrows (self->calendar);
}
