/* test-policy-dialog.c: editing the landlord's policy profile a case follows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-case-dialog.h"
#include "rd-limit-row.h"
#include "rd-policy-dialog.h"
#include "rd-store-dialog.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char          *dir;
  RdApplication *app;
  RdWindow      *window;
  RdStore       *store;
  RdCase        *rcase;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->app = rd_test_gui_app_new (f->dir);
  f->window = rd_test_gui_window_new (f->app, 0, 0);
  f->store = g_object_ref (rd_window_get_store (f->window));
  f->rcase = rd_case_new ();
  rd_case_set_title (f->rcase, "Noise from Flat 6");
  rd_case_set_landlord_name (f->rcase, "Northway Homes");
  g_assert_true (rd_store_save_case (f->store, f->rcase, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->rcase);
  g_clear_object (&f->store);
  rd_test_gui_close_app (&f->app, &f->dir);
}

static GtkWidget *
child (gpointer    root,
       const char *id)
{
  return rd_test_gui_child (GTK_WIDGET (root), id);
}

static RdPolicyDialog *
open_dialog (Fixture *f)
{
  RdPolicyDialog *dialog = rd_policy_dialog_new (GTK_WINDOW (f->window), f->store, f->rcase);

  gtk_window_present (GTK_WINDOW (dialog));
  rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

static gboolean
is_open (RdPolicyDialog *dialog)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if ((gpointer) toplevel == (gpointer) dialog && gtk_widget_get_visible (GTK_WIDGET (dialog)))
        return TRUE;
    }
  return FALSE;
}

static void
set_amount (RdLimitRow *row,
            int         amount)
{
  gtk_spin_button_set_value (rd_limit_row_get_amount_button (row), amount);
}

static RdLimitRow *
row_with_title (GtkWidget  *root,
                const char *title)
{
  GtkWidget *label = rd_test_gui_find_by_text (root, title);
  GtkWidget *row;

  g_assert_nonnull (label);
  row = gtk_widget_get_ancestor (label, RD_TYPE_LIMIT_ROW);
  g_assert_nonnull (row);
  return RD_LIMIT_ROW (row);
}

static void
test_new_profile (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdPolicy) saved = NULL;
  RdPolicyDialog *dialog = open_dialog (f);
  AdwComboRow *profile_row = ADW_COMBO_ROW (child (dialog, "profile_row"));
  GListModel *choices = adw_combo_row_get_model (profile_row);
  RdLimitRow *respond1, *ack1;
  const char *subtitle;
  const RdRepairPriority *priority;

  /* A new case follows the Code only; the profile's settings are hidden. */
  g_assert_cmpuint (adw_combo_row_get_selected (profile_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (child (dialog, "stages_group")));

  /* Start a profile as a copy of the Code. */
  adw_combo_row_set_selected (profile_row, g_list_model_get_n_items (choices) - 1);
  rd_test_gui_iterate ();
  g_assert_true (gtk_widget_get_visible (child (dialog, "stages_group")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, "name_row"))),
                   ==, "Northway Homes complaints policy");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (child (dialog, "stages_group"))),
                            "day 1 is the first working day after"));

  /* Longer than the Code: the row says the Code still applies. */
  respond1 = rd_policy_dialog_get_limit_row (dialog, 1, 1);
  set_amount (respond1, 15);
  g_assert_true (rd_limit_row_get_is_longer (respond1));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (respond1));
  g_assert_nonnull (strstr (subtitle, "the Code still applies"));
  /* Shorter: it applies. */
  ack1 = rd_policy_dialog_get_limit_row (dialog, 1, 0);
  set_amount (ack1, 2);
  g_assert_false (rd_limit_row_get_is_longer (ack1));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ack1)), "this applies"));

  /* A third stage is more than the Code allows, and the dialog says so. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (dialog, "stages_spin")), 3);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, "stages_row"))),
                            "allows only 2 stages"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rd_policy_dialog_get_limit_row (dialog, 3, 1))));

  /* A repair priority, typed and added with Enter, then given a time. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "repair_name_row")), "Emergency repair");
  g_signal_emit_by_name (child (dialog, "repair_name_row"), "entry-activated");
  rd_test_gui_iterate ();
  set_amount (row_with_title (GTK_WIDGET (dialog), "Emergency repair"), 24);
  gtk_drop_down_set_selected (rd_limit_row_get_unit_dropdown (row_with_title (GTK_WIDGET (dialog),
                                                                              "Emergency repair")),
                              RD_TIME_UNIT_HOURS);

  /* A promise about MP enquiries (the channel chosen by default). */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "rule_name_row")), "Reply to an MP enquiry");
  g_signal_emit_by_name (child (dialog, "add_rule_button"), "clicked");
  rd_test_gui_iterate ();

  /* REDRESS_SCREENSHOTS=DIR keeps a picture of the filled-in dialog to look at. */
  if (g_getenv ("REDRESS_SCREENSHOTS") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOTS"), "policy-dialog.png", NULL);

      gtk_widget_grab_focus (GTK_WIDGET (profile_row));
      rd_test_gui_wait_for_draw (GTK_WIDGET (dialog));
      g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (dialog), png));
    }

  gtk_widget_activate_action (GTK_WIDGET (dialog), "policy.save", NULL);
  rd_test_gui_iterate ();
  g_assert_false (is_open (dialog));

  saved = rd_store_get_case_policy (f->store, rd_case_get_id (f->rcase), &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpstr (rd_policy_get_name (saved), ==, "Northway Homes complaints policy");
  g_assert_cmpint (rd_policy_get_stage (saved, 1)->respond.amount, ==, 15);
  g_assert_cmpint (rd_policy_get_stage (saved, 1)->acknowledge.amount, ==, 2);
  g_assert_cmpuint (rd_policy_get_n_stages (saved), ==, 3);
  priority = rd_policy_find_repair_priority (saved, "emergency-repair");
  g_assert_nonnull (priority);
  g_assert_cmpint (priority->limit.amount, ==, 24);
  g_assert_cmpint (priority->limit.unit, ==, RD_TIME_UNIT_HOURS);
  g_assert_cmpuint (rd_policy_get_n_rules (saved), ==, 1);
  g_assert_cmpint (rd_policy_get_rule (saved, 0)->channel, ==, RD_CHANNEL_MP_ENQUIRY);

  /* Opened again, it shows the saved profile; choosing the Code only
   * unlinks it without deleting it. */
  dialog = open_dialog (f);
  profile_row = ADW_COMBO_ROW (child (dialog, "profile_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (profile_row), ==, 1);
  g_assert_cmpint (rd_limit_row_get_is_longer (rd_policy_dialog_get_limit_row (dialog, 1, 1)), ==, TRUE);
  adw_combo_row_set_selected (profile_row, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_false (is_open (dialog));
  g_assert_null (rd_store_get_case_policy (f->store, rd_case_get_id (f->rcase), &error));
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) all = rd_store_list_policies (f->store, &error);

    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  }
}

static void
test_mistakes (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  RdPolicyDialog *dialog = open_dialog (f);
  AdwComboRow *profile_row = ADW_COMBO_ROW (child (dialog, "profile_row"));
  GtkRevealer *revealer = GTK_REVEALER (child (dialog, "error_revealer"));

  adw_combo_row_set_selected (profile_row, g_list_model_get_n_items (adw_combo_row_get_model (profile_row)) - 1);
  rd_test_gui_iterate ();

  /* No name: a sentence, nothing saved, the dialog stays. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "policy.save", NULL);
  rd_test_gui_iterate ();
  g_assert_true (is_open (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  /* Office hours that close before they open. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), "Northway Homes");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "opens_row")), "17:00");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "closes_row")), "09:00");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "policy.save", NULL);
  rd_test_gui_iterate ();
  g_assert_true (is_open (dialog));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (dialog, "error_label"))), "09:00"));

  all = rd_store_list_policies (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
}

/* The case's details say which policy it follows and open the editor. */
static void
test_from_case_details (Fixture       *f,
                        gconstpointer  data)
{
  RdCaseDialog *details = rd_case_dialog_new (GTK_WINDOW (f->window), f->store, f->rcase);
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (details));
  rd_test_gui_wait_for_draw (GTK_WIDGET (details));
  g_assert_true (gtk_widget_get_visible (child (details, "policy_group")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (details, "policy_row"))),
                   ==, "Only the Complaint Handling Code");

  g_signal_emit_by_name (child (details, "policy_button"), "clicked");
  rd_test_gui_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      found |= RD_IS_POLICY_DIALOG (toplevel);
    }
  g_assert_true (found);

  /* A case not yet saved has no policy section. */
  {
    RdCaseDialog *fresh = rd_case_dialog_new (GTK_WINDOW (f->window), f->store, NULL);

    g_assert_false (gtk_widget_get_visible (child (fresh, "policy_group")));
    gtk_window_destroy (GTK_WINDOW (fresh));
  }
}

static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;
  GtkWidget *label = rd_test_gui_find_by_text (args[0], args[1]);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* The choices are long ("A new profile, starting as a copy of the Code",
 * a landlord's own policy name): a resident reads each in full, in the
 * list and in the row. */
static void
test_choices_read_in_full (Fixture       *f,
                           gconstpointer  data)
{
  RdPolicyDialog *dialog = open_dialog (f);
  AdwComboRow *profile_row = ADW_COMBO_ROW (child (dialog, "profile_row"));
  const char *fresh = "A new profile, starting as a copy of the Code";
  gpointer args[2] = { profile_row, (gpointer) fresh };
  GtkWidget *label;
  GtkWidget *popover;

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (profile_row)),
                   ==, "Only the Complaint Handling Code");

  adw_action_row_activate (ADW_ACTION_ROW (profile_row));
  g_assert_true (rd_test_gui_wait_until (label_shown, args, 5000));
  label = rd_test_gui_find_by_text (GTK_WIDGET (profile_row), fresh);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));

  adw_combo_row_set_selected (profile_row, g_list_model_get_n_items (adw_combo_row_get_model (profile_row)) - 1);
  rd_test_gui_iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (profile_row)), ==, fresh);
  /* Close the list first, as a resident would: a window destroyed under an
   * open popup can be asked for the pointer of a surface already gone. */
  popover = rd_test_gui_find_by_type (GTK_WIDGET (profile_row), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  gtk_popover_popdown (GTK_POPOVER (popover));
  rd_test_gui_iterate ();
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
}

static void
on_saved_cb (RdStoreDialog *dialog,
             GObject       *record,
             gpointer       data)
{
  GPtrArray *records = data;

  g_ptr_array_add (records, record);
}

/* The policy dialog gets its store, case and saved signal from
 * RdStoreDialog, as the other dialogs made for one case do: the properties
 * read back what it was made with, and saving passes the case on. */
static void
test_store_dialog (Fixture       *f,
                   gconstpointer  data)
{
  RdPolicyDialog *dialog = open_dialog (f);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;

  g_assert_true (RD_IS_STORE_DIALOG (dialog));
  g_object_get (dialog, "store", &store, "case", &rcase, NULL);
  g_assert_true (store == f->store);
  g_assert_true (rcase == f->rcase);
  g_assert_true (rd_store_dialog_get_store (RD_STORE_DIALOG (dialog)) == f->store);
  g_assert_true (rd_store_dialog_get_case (RD_STORE_DIALOG (dialog)) == f->rcase);

  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), records);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "policy.save", NULL);
  rd_test_gui_iterate ();
  g_assert_false (is_open (dialog));
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_true (g_ptr_array_index (records, 0) == (gpointer) f->rcase);
}

typedef struct {
  RdStore    *store;
  gint64      case_id;
  const char *name;     /* NULL: the case follows the Code only */
} StoredPolicy;

static gboolean
policy_stored (gpointer data)
{
  StoredPolicy *want = data;
  g_autoptr(RdPolicy) policy = rd_store_get_case_policy (want->store, want->case_id, NULL);

  if (want->name == NULL)
    return policy == NULL;
  return policy != NULL && g_strcmp0 (rd_policy_get_name (policy), want->name) == 0;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* A profile the case already follows, and the case's choice, save as you
 * type, with the window open and no Save button; office hours that cannot
 * be are explained and never written; closing then keeps the window open
 * once, and closing again leaves the profile as it was last saved. */
static void
test_save_as_you_type (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (f->store));
  g_autoptr(RdPolicy) policy = rd_policy_new_landlord_from_code (today);
  g_autoptr(RdPolicy) stored = NULL;
  g_autoptr(GError) error = NULL;
  StoredPolicy want = { f->store, rd_case_get_id (f->rcase), "Northway Homes policy, 2024" };
  RdPolicyDialog *dialog;
  GtkWidget *status;
  gint64 until;

  rd_policy_set_name (policy, "Northway Homes");
  g_assert_true (rd_store_save_policy (f->store, policy, &error));
  g_assert_true (rd_store_set_case_policy (f->store, want.case_id, rd_policy_get_id (policy), &error));
  g_assert_no_error (error);

  dialog = open_dialog (f);
  g_assert_false (gtk_widget_get_visible (child (dialog, "save_button")));
  status = child (dialog, "status_label");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "name_row")), want.name);
  g_assert_true (rd_test_gui_wait_until (policy_stored, &want, 5000));
  g_assert_true (is_open (dialog));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Saved");

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "opens_row")), "17:00");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, "closes_row")), "09:00");
  until = g_get_monotonic_time () + 1500 * 1000;
  rd_test_gui_wait_until (time_passed, &until, 3000);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "error_revealer"))));
  stored = rd_store_get_case_policy (f->store, want.case_id, NULL);
  g_assert_cmpint (rd_policy_get_office_hours (stored)->start_minute, ==,
                   rd_policy_get_office_hours (policy)->start_minute);

  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_true (is_open (dialog));
  g_assert_true (gtk_widget_has_css_class (status, "inline-error"));
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_false (is_open (dialog));
  g_clear_object (&stored);
  stored = rd_store_get_case_policy (f->store, want.case_id, NULL);
  g_assert_cmpstr (rd_policy_get_name (stored), ==, want.name);
  g_assert_cmpint (rd_policy_get_office_hours (stored)->start_minute, ==,
                   rd_policy_get_office_hours (policy)->start_minute);

  /* Choosing the Code only is written too, with the window still open. */
  dialog = open_dialog (f);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "profile_row")), 0);
  want.name = NULL;
  g_assert_true (rd_test_gui_wait_until (policy_stored, &want, 5000));
  g_assert_true (is_open (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();
  g_assert_false (is_open (dialog));
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);

  g_test_add ("/policy-dialog/new-profile", Fixture, NULL, fixture_setup, test_new_profile, fixture_teardown);
  g_test_add ("/policy-dialog/save-as-you-type", Fixture, NULL, fixture_setup, test_save_as_you_type,
              fixture_teardown);
  g_test_add ("/policy-dialog/mistakes", Fixture, NULL, fixture_setup, test_mistakes, fixture_teardown);
  g_test_add ("/policy-dialog/from-case-details", Fixture, NULL, fixture_setup,
              test_from_case_details, fixture_teardown);
  g_test_add ("/policy-dialog/choices-read-in-full", Fixture, NULL, fixture_setup,
              test_choices_read_in_full, fixture_teardown);
  g_test_add ("/policy-dialog/store-dialog", Fixture, NULL, fixture_setup, test_store_dialog,
              fixture_teardown);

  return g_test_run ();
}
