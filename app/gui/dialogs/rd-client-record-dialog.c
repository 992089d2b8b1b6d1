/* rd-client-record-dialog.c: editing the adviser's record of a client.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-client-record-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-autosave.h"
#include "rd-client-record-dialog.h"
#include "rd-date-time-picker.h"

/* How long typing must pause before the record is written */
#define SAVE_DELAY_MS 500

struct _RdClientRecordDialog
{
  AdwPreferencesWindow  parent_instance;

  RdStore              *store;
  RdCaseAdmin          *admin;
  GDate                *auto_renew;   /* the renewal date last filled in for the adviser */
  gboolean              loading;
  RdAutosave           *autosave;

  GtkLabel             *status_label;
  AdwEntryRow          *client_number_row;
  GtkSwitch            *use_number_switch;
  AdwPreferencesGroup  *consent_group;
  AdwActionRow         *consent_given_row;
  RdDateTimePicker     *consent_given_picker;
  GtkSwitch            *consent_given_switch;
  AdwActionRow         *consent_renew_row;
  RdDateTimePicker     *consent_renew_picker;
  GtkSwitch            *consent_renew_switch;
  AdwPreferencesGroup  *authority_group;
  AdwActionRow         *authority_date_row;
  RdDateTimePicker     *authority_date_picker;
  GtkSwitch            *authority_date_switch;
  AdwEntryRow          *authority_scope_row;
  GtkButton            *archive_button;
  GtkButton            *erase_button;
};

G_DEFINE_FINAL_TYPE (RdClientRecordDialog, rd_client_record_dialog, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ADMIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (RdClientRecordDialog *self,
            const char           *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/*
 * A date of the record is a switch (is there one?) and a date picker, as
 * everywhere else in Redress; off, the picker keeps showing a day, so
 * turning it on starts from there. Where no date is recorded the picker
 * shows today.
 */
static void
show_date (RdClientRecordDialog *self,
           RdDateTimePicker     *picker,
           GtkSwitch            *toggle,
           const GDate          *date)
{
  g_autoptr(GDateTime) day = NULL;

  if (date != NULL)
    day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), 0, 0, 0);
  else
    day = rd_clock_dup_now (rd_store_get_clock (self->store));
  rd_date_time_picker_set_date_time (picker, day);
  gtk_switch_set_active (toggle, date != NULL);
}

static GDate *
dup_date (RdDateTimePicker *picker,
          GtkSwitch        *toggle)
{
  if (!gtk_switch_get_active (toggle))
    return NULL;
  return rd_datetime_get_date (rd_date_time_picker_get_date_time (picker));
}

/* Names each picker and switch for screen readers after its row ("Consent given on"). */
static void
name_date (AdwActionRow     *row,
           RdDateTimePicker *picker,
           GtkSwitch        *toggle)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  rd_date_time_picker_set_accessible_names (picker, title, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* Spells the dates out with their weekdays, where the adviser can check them. */
static void
describe_dates (RdClientRecordDialog *self)
{
  g_autoptr(GDate) given = NULL;
  g_autoptr(GDate) renew = NULL;
  g_autoptr(GDate) authority = NULL;
  g_autofree char *consent_text = NULL;
  g_autofree char *authority_text = NULL;

  given = dup_date (self->consent_given_picker, self->consent_given_switch);
  renew = dup_date (self->consent_renew_picker, self->consent_renew_switch);
  authority = dup_date (self->authority_date_picker, self->authority_date_switch);

  if (given != NULL && renew != NULL)
    {
      g_autofree char *a = rd_date_format_on (given);
      g_autofree char *b = rd_date_format_long (renew);
      /* Translators: the first %s is a date with its preposition, "on Monday 3 March 2025" */
      consent_text = g_strdup_printf (_("Given %s; ask again by %s."), a, b);
    }
  else if (given != NULL)
    {
      g_autofree char *a = rd_date_format_on (given);
      /* Translators: %s is a date with its preposition, "on Monday 3 March 2025" */
      consent_text = g_strdup_printf (_("Given %s."), a);
    }
  else
    consent_text = g_strdup (_("Not recorded yet. Ask the client whether Redress may keep their "
                               "details; it reminds you to ask again 6 months later."));
  adw_preferences_group_set_description (self->consent_group, consent_text);

  if (authority != NULL)
    {
      g_autofree char *a = rd_date_format_on (authority);
      authority_text = g_strdup_printf (_("Given %s."), a);
      adw_preferences_group_set_description (self->authority_group, authority_text);
    }
}

static void
on_consent_renew_changed_cb (RdClientRecordDialog *self)
{
  if (!self->loading)
    describe_dates (self);
}

static void
on_authority_date_changed_cb (RdClientRecordDialog *self)
{
  if (!self->loading)
    describe_dates (self);
}

static void
on_consent_given_changed_cb (RdClientRecordDialog *self)
{
  g_autoptr(GDate) given = NULL;
  g_autoptr(GDate) renew = NULL;

  if (self->loading)
    return;
  given = dup_date (self->consent_given_picker, self->consent_given_switch);
  renew = dup_date (self->consent_renew_picker, self->consent_renew_switch);
  /* Fill in the renewal, unless the adviser picked one of their own. */
  if (given != NULL &&
      (renew == NULL || (self->auto_renew != NULL && g_date_compare (renew, self->auto_renew) == 0)))
    {
      g_clear_pointer (&self->auto_renew, g_date_free);
      self->auto_renew = g_date_copy (given);
      g_date_add_months (self->auto_renew, RD_CONSENT_RENEW_MONTHS);
      show_date (self, self->consent_renew_picker, self->consent_renew_switch, self->auto_renew);
    }
  describe_dates (self);
}

static void
on_consent_today_cb (RdClientRecordDialog *self)
{
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (self->store));

  show_date (self, self->consent_given_picker, self->consent_given_switch, today);
}

static void
show_archive_state (RdClientRecordDialog *self)
{
  gtk_button_set_label (self->archive_button,
                        rd_case_admin_get_archived (self->admin) ? _("_Restore This Case")
                                                                 : _("_Archive This Case"));
}

/* Writes the record from the form (RdAutosave's write function). */
static RdAutosaveResult
write_record (GtkWidget  *form,
              GError    **error)
{
  RdClientRecordDialog *self = RD_CLIENT_RECORD_DIALOG (form);
  g_autoptr(RdCaseAdmin) edited = rd_case_admin_copy (self->admin);
  g_autoptr(GDate) given = NULL;
  g_autoptr(GDate) renew = NULL;
  g_autoptr(GDate) authority = NULL;

  given = dup_date (self->consent_given_picker, self->consent_given_switch);
  renew = dup_date (self->consent_renew_picker, self->consent_renew_switch);
  authority = dup_date (self->authority_date_picker, self->authority_date_switch);
  if (given != NULL && renew == NULL)
    {
      renew = g_date_copy (given);
      g_date_add_months (renew, RD_CONSENT_RENEW_MONTHS);
    }
  rd_case_admin_set_client_number (edited, gtk_editable_get_text (GTK_EDITABLE (self->client_number_row)));
  rd_case_admin_set_use_client_number (edited, gtk_switch_get_active (self->use_number_switch));
  rd_case_admin_set_consent_given (edited, given);
  rd_case_admin_set_consent_renew (edited, renew);
  rd_case_admin_set_authority_date (edited, authority);
  rd_case_admin_set_authority_scope (edited, gtk_editable_get_text (GTK_EDITABLE (self->authority_scope_row)));

  if (!rd_store_save_case_admin (self->store, edited, error))
    return RD_AUTOSAVE_FAILED;
  g_set_object (&self->admin, edited);
  return RD_AUTOSAVE_WRITTEN;
}

static void
on_edited_cb (RdClientRecordDialog *self)
{
  if (self->autosave == NULL || self->loading)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  rd_autosave_changed (self->autosave);
}

/* The record has no Save button: every field saves as it changes, and the
 * window closes as any other. */
static void
start_autosave (RdClientRecordDialog *self)
{
  struct { gpointer field; const char *signal; } fields[] = {
    { self->client_number_row, "changed" },
    { self->use_number_switch, "notify::active" },
    { self->consent_given_picker, "notify::date-time" },
    { self->consent_given_switch, "notify::active" },
    { self->consent_renew_picker, "notify::date-time" },
    { self->consent_renew_switch, "notify::active" },
    { self->authority_date_picker, "notify::date-time" },
    { self->authority_date_switch, "notify::active" },
    { self->authority_scope_row, "changed" },
  };

  self->autosave = rd_autosave_new (GTK_WIDGET (self), self->status_label, SAVE_DELAY_MS, write_record);
  rd_autosave_hold_close (self->autosave,
                          _("This change is not saved. Correct it, or close again to keep the client record as it was."),
                          GTK_WIDGET (self->client_number_row));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_signal_connect_object (fields[i].field, fields[i].signal, G_CALLBACK (on_edited_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
on_archive_clicked_cb (RdClientRecordDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean archive = !rd_case_admin_get_archived (self->admin);
  g_autoptr(RdCaseAdmin) saved = NULL;

  if (!rd_store_set_case_archived (self->store, rd_case_admin_get_case_id (self->admin), archive,
                                   &error))
    {
      show_toast (self, error->message);
      return;
    }
  saved = rd_store_get_case_admin (self->store, rd_case_admin_get_case_id (self->admin), NULL);
  if (saved != NULL)
    rd_case_admin_set_archived_at (self->admin, rd_case_admin_get_archived_at (saved));
  show_archive_state (self);
  show_toast (self, archive ? _("Case archived: it is out of the case list until you show "
                                "archived cases")
                            : _("Case restored to the case list"));
}

static void
on_erase_clicked_cb (RdClientRecordDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The window asks, erases, and closes the case. */
  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.erase-case", NULL);
}

/**
 * rd_client_record_dialog_new:
 *
 * Returns: (transfer none) (nullable): the dialog, not yet shown, or
 *   %NULL with @error set when the case cannot be read
 */
RdClientRecordDialog *
rd_client_record_dialog_new (GtkWindow  *parent,
                             RdStore    *store,
                             gint64      case_id,
                             GError    **error)
{
  g_autoptr(RdCaseAdmin) admin = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  admin = rd_store_get_case_admin (store, case_id, error);
  if (admin == NULL)
    return NULL;
  return g_object_new (RD_TYPE_CLIENT_RECORD_DIALOG, "transient-for", parent, "store", store,
                       "admin", admin, NULL);
}

static void
rd_client_record_dialog_dispose (GObject *object)
{
  RdClientRecordDialog *self = RD_CLIENT_RECORD_DIALOG (object);

  /* First, while the fields and the record are still there */
  if (self->autosave != NULL)
    rd_autosave_finish (self->autosave);
  g_clear_object (&self->autosave);
  g_clear_object (&self->admin);
  g_clear_object (&self->store);
  g_clear_pointer (&self->auto_renew, g_date_free);

  G_OBJECT_CLASS (rd_client_record_dialog_parent_class)->dispose (object);
}

static void
rd_client_record_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RdClientRecordDialog *self = RD_CLIENT_RECORD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ADMIN:
      g_value_set_object (value, self->admin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_client_record_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RdClientRecordDialog *self = RD_CLIENT_RECORD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ADMIN:
      self->admin = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_client_record_dialog_constructed (GObject *object)
{
  RdClientRecordDialog *self = RD_CLIENT_RECORD_DIALOG (object);
  RdCaseAdmin *admin = self->admin;

  G_OBJECT_CLASS (rd_client_record_dialog_parent_class)->constructed (object);

  gtk_editable_set_text (GTK_EDITABLE (self->client_number_row), rd_case_admin_get_client_number (admin));
  gtk_switch_set_active (self->use_number_switch, rd_case_admin_get_use_client_number (admin));
  self->loading = TRUE;
  show_date (self, self->consent_given_picker, self->consent_given_switch,
             rd_case_admin_get_consent_given (admin));
  show_date (self, self->consent_renew_picker, self->consent_renew_switch,
             rd_case_admin_get_consent_renew (admin));
  show_date (self, self->authority_date_picker, self->authority_date_switch,
             rd_case_admin_get_authority_date (admin));
  self->loading = FALSE;
  name_date (self->consent_given_row, self->consent_given_picker, self->consent_given_switch);
  name_date (self->consent_renew_row, self->consent_renew_picker, self->consent_renew_switch);
  name_date (self->authority_date_row, self->authority_date_picker, self->authority_date_switch);
  gtk_editable_set_text (GTK_EDITABLE (self->authority_scope_row), rd_case_admin_get_authority_scope (admin));
  show_archive_state (self);
  describe_dates (self);
  /* after loading, so that filling the form is not a change */
  start_autosave (self);
}

static void
rd_client_record_dialog_class_init (RdClientRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_client_record_dialog_dispose;
  object_class->get_property = rd_client_record_dialog_get_property;
  object_class->set_property = rd_client_record_dialog_set_property;
  object_class->constructed = rd_client_record_dialog_constructed;

  g_type_ensure (RD_TYPE_DATE_TIME_PICKER);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADMIN] =
    g_param_spec_object ("admin", NULL, NULL, RD_TYPE_CASE_ADMIN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-client-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, client_number_row);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, use_number_switch);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, consent_group);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, consent_given_row);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, consent_given_picker);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, consent_given_switch);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, consent_renew_row);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, consent_renew_picker);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, consent_renew_switch);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, authority_group);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, authority_date_row);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, authority_date_picker);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, authority_date_switch);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, authority_scope_row);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, archive_button);
  gtk_widget_class_bind_template_child (widget_class, RdClientRecordDialog, erase_button);
  gtk_widget_class_bind_template_callback (widget_class, on_consent_renew_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_authority_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_consent_given_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_consent_today_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archive_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_erase_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_client_record_dialog_init (RdClientRecordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
