/* rd-case-dialog.c: start a case, or change a case's details.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-autosave.h"
#include "rd-case-dialog.h"
#include "rd-date-time-picker.h"
#include "rd-gui-util.h"
#include "rd-policy-dialog.h"

/* How long typing must pause before an existing case is written */
#define SAVE_DELAY_MS 500

struct _RdCaseDialog
{
  RdStoreDialog    parent_instance;

  gboolean         title_touched;

  AdwWindowTitle  *window_title;
  /* Only while changing an existing case: a new one is made by Create. */
  RdAutosave      *autosave;

  AdwHeaderBar    *header_bar;
  GtkButton       *cancel_button;
  GtkButton       *save_button;
  GtkLabel        *status_label;
  AdwEntryRow     *title_row;
  GtkRevealer     *title_error_revealer;
  GtkLabel        *title_error_label;
  AdwEntryRow     *resident_row;
  AdwEntryRow     *address_row;
  AdwEntryRow     *landlord_row;
  AdwComboRow     *tenancy_row;
  AdwComboRow     *country_row;
  GtkSwitch       *aware_switch;
  RdDateTimePicker *aware_picker;
  GtkSpinButton   *asb_reports_spin;
  GtkAdjustment   *asb_reports_adjustment;
  GtkSwitch       *asb_hate_switch;
  AdwEntryRow     *preferences_row;
  AdwEntryRow     *adjustments_row;
  AdwComboRow     *language_row;
  GPtrArray       *language_codes;  /* of language_row's items, in order */
  GtkTextView     *notes_view;
  GtkWidget       *policy_group;
  GtkWidget       *policy_button;
  AdwActionRow    *policy_row;
};

G_DEFINE_FINAL_TYPE (RdCaseDialog, rd_case_dialog, RD_TYPE_STORE_DIALOG)

static RdStore *
store_of (RdCaseDialog *self)
{
  return rd_store_dialog_get_store (RD_STORE_DIALOG (self));
}

static RdCase *
case_of (RdCaseDialog *self)
{
  return rd_store_dialog_get_case (RD_STORE_DIALOG (self));
}

static void
show_title_error (RdCaseDialog *self,
                  const char   *message)
{
  if (message != NULL)
    {
      gtk_label_set_text (self->title_error_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_revealer_set_reveal_child (self->title_error_revealer, message != NULL);
}

/* Off, or no day picked: not known, and the first diary entry stands in. */
static void
set_aware_on (RdCaseDialog *self,
              RdCase       *rcase)
{
  GDateTime *picked = rd_date_time_picker_get_date_time (self->aware_picker);
  g_autoptr(GDate) day = NULL;

  if (gtk_switch_get_active (self->aware_switch) && picked != NULL)
    day = g_date_new_dmy (g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                          g_date_time_get_year (picked));
  rd_case_set_aware_on (rcase, day);
}

/* Copies what the form says into @rcase, and checks it. */
static gboolean
fill_case (RdCaseDialog  *self,
           RdCase        *rcase,
           GError       **error)
{
  g_autofree char *notes = rd_gui_text_view_dup_text (self->notes_view);

  rd_case_set_title (rcase, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  rd_case_set_resident_name (rcase, gtk_editable_get_text (GTK_EDITABLE (self->resident_row)));
  rd_case_set_address (rcase, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  rd_case_set_landlord_name (rcase, gtk_editable_get_text (GTK_EDITABLE (self->landlord_row)));
  rd_case_set_tenancy_type (rcase, adw_combo_row_get_selected (self->tenancy_row));
  rd_case_set_country (rcase, adw_combo_row_get_selected (self->country_row));
  set_aware_on (self, rcase);
  rd_case_set_asb_review_reports (rcase, (guint) gtk_spin_button_get_value_as_int (self->asb_reports_spin));
  rd_case_set_asb_review_hate (rcase, gtk_switch_get_active (self->asb_hate_switch));
  rd_case_set_contact_preferences (rcase, gtk_editable_get_text (GTK_EDITABLE (self->preferences_row)));
  rd_case_set_adjustments (rcase, gtk_editable_get_text (GTK_EDITABLE (self->adjustments_row)));
  rd_case_set_notes (rcase, notes);
  rd_case_set_document_language (rcase, g_ptr_array_index (self->language_codes,
                                                           adw_combo_row_get_selected (self->language_row)));
  return rd_case_validate (rcase, error);
}

static void
on_title_changed_cb (RdCaseDialog *self)
{
  g_autoptr(RdCase) scratch = rd_case_new ();
  g_autoptr(GError) error = NULL;

  /* Only complain once the resident has typed something and taken it out
   * again, or tried to save: an empty form is not a mistake. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->title_row))[0] != '\0')
    self->title_touched = TRUE;
  if (!self->title_touched)
    return;
  rd_case_set_title (scratch, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  rd_case_validate (scratch, &error);
  show_title_error (self, error ? error->message : NULL);
}

/* Writes an existing case from the form (RdAutosave's write function). A
 * title that is not allowed is shown under it and nothing is written. */
static RdAutosaveResult
write_case (GtkWidget  *form,
            GError    **error)
{
  RdCaseDialog *self = RD_CASE_DIALOG (form);
  RdCase *rcase = case_of (self);
  g_autoptr(RdCase) edited = rd_case_new ();
  g_autoptr(GError) invalid = NULL;

  rd_case_set_id (edited, rd_case_get_id (rcase));
  if (!fill_case (self, edited, &invalid))
    {
      self->title_touched = TRUE;
      show_title_error (self, invalid->message);
      return RD_AUTOSAVE_HELD;
    }
  if (!rd_store_save_case (store_of (self), edited, error))
    return RD_AUTOSAVE_FAILED;

  show_title_error (self, NULL);
  /* The open case is shared by every page: change it in place so that
   * everything showing it follows. */
  fill_case (self, rcase, NULL);
  rd_case_set_updated_at (rcase, rd_case_get_updated_at (edited));
  rd_store_dialog_saved (RD_STORE_DIALOG (self), rcase);
  return RD_AUTOSAVE_WRITTEN;
}

static void
on_field_changed_cb (RdCaseDialog *self)
{
  if (self->autosave == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  rd_autosave_changed (self->autosave);
}

/* Return in the title: Create for a new case; for an existing one, save
 * now rather than after the pause. */
static void
on_save_clicked_cb (RdCaseDialog *self)
{
  g_autoptr(RdCase) created = rd_case_new ();
  g_autoptr(GError) error = NULL;

  self->title_touched = TRUE;
  if (self->autosave != NULL)
    {
      rd_autosave_flush (self->autosave, NULL);
      return;
    }

  if (!fill_case (self, created, &error))
    {
      show_title_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;
    }
  if (!rd_store_save_case (store_of (self), created, &error))
    {
      show_title_error (self, error->message);
      return;
    }
  rd_store_dialog_saved (RD_STORE_DIALOG (self), created);
  gtk_window_close (GTK_WINDOW (self));
}

/* Every field of an existing case saves as it changes. */
static void
watch_fields (RdCaseDialog *self)
{
  GtkWidget *entries[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->resident_row), GTK_WIDGET (self->address_row),
    GTK_WIDGET (self->landlord_row), GTK_WIDGET (self->preferences_row), GTK_WIDGET (self->adjustments_row),
  };
  GtkWidget *combos[] = {
    GTK_WIDGET (self->tenancy_row), GTK_WIDGET (self->country_row), GTK_WIDGET (self->language_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (on_field_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->asb_reports_spin, "value-changed", G_CALLBACK (on_field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->asb_hate_switch, "notify::active", G_CALLBACK (on_field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->aware_switch, "notify::active", G_CALLBACK (on_field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->aware_picker, "notify::date-time", G_CALLBACK (on_field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Changing a case has no Save or Cancel: the window closes as any other
 * and what was typed is kept. */
static void
start_autosave (RdCaseDialog *self)
{
  self->autosave = rd_autosave_new (GTK_WIDGET (self), self->status_label, SAVE_DELAY_MS, write_case);
  /* A title that is not allowed keeps the window open once, to say so. */
  rd_autosave_hold_close (self->autosave,
                          _("This change is not saved. Correct it, or close again to keep the case as it was."),
                          GTK_WIDGET (self->title_row));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, TRUE);
  watch_fields (self);
}

static void
show_aware_on (RdCaseDialog *self,
               const GDate  *aware)
{
  g_autoptr(GDateTime) day = NULL;

  if (aware != NULL && g_date_valid (aware))
    day = g_date_time_new_local (g_date_get_year (aware), g_date_get_month (aware),
                                 g_date_get_day (aware), 0, 0, 0);
  /* Not known: the picker keeps the day it shows, for when it is turned on. */
  if (day != NULL)
    rd_date_time_picker_set_date_time (self->aware_picker, day);
  gtk_switch_set_active (self->aware_switch, day != NULL);
}

static void
show_policy (RdCaseDialog *self)
{
  g_autofree char *text = NULL;

  /* A case must exist before it can follow a profile. */
  gtk_widget_set_visible (self->policy_group, case_of (self) != NULL);
  if (case_of (self) == NULL)
    return;
  text = rd_policy_dialog_describe_case_policy (store_of (self), case_of (self));
  adw_action_row_set_subtitle (self->policy_row, text);
}

static void
on_policy_clicked_cb (RdCaseDialog *self)
{
  RdPolicyDialog *dialog;

  if (case_of (self) == NULL)
    return;
  dialog = rd_policy_dialog_new (GTK_WINDOW (self), store_of (self), case_of (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (show_policy), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_language (RdCaseDialog *self,
              const char   *code,
              const char   *label)
{
  g_ptr_array_add (self->language_codes, g_strdup (code));
  gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (self->language_row)), label);
}

/* Every language whose translation is installed, by its own name. */
static void
fill_languages (RdCaseDialog *self)
{
  g_auto(GStrv) codes = rd_i18n_list_languages ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  for (guint i = 0; codes[i] != NULL; i++)
    add_language (self, codes[i], rd_i18n_get_language_name (codes[i]));
}

/* A case handed over from a computer with more translations keeps its
 * language: it is listed, and saving does not quietly change it. */
static void
select_language (RdCaseDialog *self,
                 const char   *code)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (self->language_codes, code, g_str_equal, &index))
    {
      g_autofree char *label =
        g_strdup_printf (_("%s (not installed here: documents are written in English)"),
                         rd_i18n_get_language_name (code));

      index = self->language_codes->len;
      add_language (self, code, label);
    }
  adw_combo_row_set_selected (self->language_row, index);
}

static void
load_case (RdCaseDialog *self)
{
  RdCase *rcase = case_of (self);

  adw_window_title_set_title (self->window_title,
                              rcase ? _("Case Details") : _("New Case"));
  gtk_window_set_title (GTK_WINDOW (self), rcase ? _("Case Details") : _("New Case"));
  gtk_button_set_label (self->save_button, _("C_reate"));
  /* GTK 4.8 names a mnemonic button "_Create Create" for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Create"), -1);
  rd_gui_fix_accessible_name (GTK_WIDGET (self->save_button));
  show_policy (self);
  if (rcase == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rd_case_get_title (rcase));
  gtk_editable_set_text (GTK_EDITABLE (self->resident_row), rd_case_get_resident_name (rcase));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), rd_case_get_address (rcase));
  gtk_editable_set_text (GTK_EDITABLE (self->landlord_row), rd_case_get_landlord_name (rcase));
  adw_combo_row_set_selected (self->tenancy_row, rd_case_get_tenancy_type (rcase));
  adw_combo_row_set_selected (self->country_row, rd_case_get_country (rcase));
  show_aware_on (self, rd_case_get_aware_on (rcase));
  gtk_spin_button_set_value (self->asb_reports_spin, rd_case_get_asb_review_reports (rcase));
  gtk_switch_set_active (self->asb_hate_switch, rd_case_get_asb_review_hate (rcase));
  gtk_editable_set_text (GTK_EDITABLE (self->preferences_row), rd_case_get_contact_preferences (rcase));
  gtk_editable_set_text (GTK_EDITABLE (self->adjustments_row), rd_case_get_adjustments (rcase));
  select_language (self, rd_case_get_document_language (rcase));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            rd_case_get_notes (rcase), -1);
}

/**
 * rd_case_dialog_new:
 * @rcase: (nullable): the case to change, or %NULL to start a new one
 *
 * A new case is written by the dialog's Create button, which emits ::saved
 * with it and closes. An existing case is written as it is changed (and
 * when the window closes), each time emitting ::saved with the case passed
 * in, changed in place.
 */
RdCaseDialog *
rd_case_dialog_new (GtkWindow *parent,
                    RdStore   *store,
                    RdCase    *rcase)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (rcase == NULL || RD_IS_CASE (rcase), NULL);

  return g_object_new (RD_TYPE_CASE_DIALOG, "transient-for", parent, "store", store, "case", rcase,
                       NULL);
}

static void
rd_case_dialog_dispose (GObject *object)
{
  RdCaseDialog *self = RD_CASE_DIALOG (object);

  /* First, while the fields are still there */
  if (self->autosave != NULL)
    rd_autosave_finish (self->autosave);
  g_clear_object (&self->autosave);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_case_dialog_parent_class)->dispose (object);
}

static void
rd_case_dialog_constructed (GObject *object)
{
  RdCaseDialog *self = RD_CASE_DIALOG (object);

  G_OBJECT_CLASS (rd_case_dialog_parent_class)->constructed (object);

  load_case (self);
  /* after loading, so that filling the form is not a change */
  if (case_of (self) != NULL)
    start_autosave (self);
  /* What a person types first goes into the title, not into thin air. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
}

static void
rd_case_dialog_class_init (RdCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_case_dialog_dispose;
  object_class->constructed = rd_case_dialog_constructed;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, title_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, title_error_label);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, resident_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, landlord_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, tenancy_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, aware_switch);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, aware_picker);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, asb_reports_spin);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, asb_reports_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, asb_hate_switch);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, preferences_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, adjustments_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, policy_group);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, RdCaseDialog, policy_button);
  gtk_widget_class_bind_template_callback (widget_class, on_policy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
}

static void
rd_case_dialog_init (RdCaseDialog *self)
{
  g_autoptr(GtkStringList) tenancies = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) countries = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < RD_TENANCY_N_TYPES; i++)
    gtk_string_list_append (tenancies, rd_tenancy_type_get_label (i));
  adw_combo_row_set_model (self->tenancy_row, G_LIST_MODEL (tenancies));
  for (guint i = 0; i < RD_COUNTRY_N; i++)
    gtk_string_list_append (countries, rd_country_get_label (i));
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (countries));
  /* The model's bounds, not the template's, so the two cannot differ. */
  gtk_adjustment_set_upper (self->asb_reports_adjustment, RD_ASB_REVIEW_MAX_REPORTS);
  gtk_adjustment_set_value (self->asb_reports_adjustment, RD_ASB_REVIEW_DEFAULT_REPORTS);
  self->language_codes = g_ptr_array_new_with_free_func (g_free);
  fill_languages (self);
  select_language (self, RD_I18N_SOURCE_LANGUAGE);

  rd_gui_fix_accessible_name (GTK_WIDGET (self->cancel_button));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->tenancy_row));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->language_row));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->country_row));
  rd_gui_combo_row_show_choice_in_full (self->tenancy_row, _("It is on your tenancy agreement"));
  rd_gui_combo_row_show_choice_in_full (self->country_row,
                                        _("Where the home is: the law and the ombudsman differ"));
  rd_gui_combo_row_show_choice_in_full (self->language_row,
                                        _("What Redress writes for the landlord and the Ombudsman. "
                                          "Redress itself stays in your language."));
  rd_date_time_picker_set_accessible_names (self->aware_picker, _("Day you became aware of the problem"),
                                            NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->aware_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("You know the day you became aware of the problem"), -1);
  rd_gui_fix_accessible_name (GTK_WIDGET (self->policy_button));
  rd_gui_label_entry_row (self->title_row, _("Case title"));
  rd_gui_label_entry_row (self->resident_row, _("Your name"));
  rd_gui_label_entry_row (self->address_row, _("Address"));
  rd_gui_label_entry_row (self->landlord_row, _("Landlord"));
  rd_gui_label_entry_row (self->preferences_row, _("Contact preferences"));
  rd_gui_label_entry_row (self->adjustments_row, _("Adjustments you need"));
}
