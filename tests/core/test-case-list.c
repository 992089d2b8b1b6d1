/* test-case-list.c: the adviser's record of each client (client number,
 * archive, consent and its renewal, authority to act) and the case list's
 * search and order.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rd-core.h"
#include "advisers-fixtures.h"
#include "store-fixtures.h"

typedef struct {
  char    *dir;
  RdStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fixture_store_open_temp ("redress-case-list-XXXXXX", &f->dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
}

static GDate *
date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate *d = rd_date_parse_iso (iso, &error);

  g_assert_no_error (error);
  return d;
}

static void
assert_date (const GDate *d,
             const char  *iso)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (d);
  text = rd_date_to_iso (d);
  g_assert_cmpstr (text, ==, iso);
}

static void
test_consent (void)
{
  g_autoptr(RdCaseAdmin) admin = rd_case_admin_new (1);
  g_autoptr(GDate) given = date ("2024-08-31");
  g_autoptr(GDate) before = date ("2025-02-27");
  g_autoptr(GDate) due = date ("2025-02-28");
  g_autofree char *message = NULL;

  /* Never given: due at once. */
  g_assert_true (rd_case_admin_consent_due (admin, before));
  message = rd_case_admin_dup_consent_message (admin, before);
  g_assert_nonnull (strstr (message, "not recorded"));
  g_clear_pointer (&message, g_free);

  /* Six months on; 31 August has no 31 February. */
  rd_case_admin_give_consent (admin, given);
  assert_date (rd_case_admin_get_consent_given (admin), "2024-08-31");
  assert_date (rd_case_admin_get_consent_renew (admin), "2025-02-28");
  g_assert_false (rd_case_admin_consent_due (admin, before));
  g_assert_null (rd_case_admin_dup_consent_message (admin, before));
  g_assert_true (rd_case_admin_consent_due (admin, due));
  message = rd_case_admin_dup_consent_message (admin, due);
  g_assert_nonnull (strstr (message, "Saturday 31 August 2024"));
  g_assert_nonnull (strstr (message, "Friday 28 February 2025"));
}

/* Consent is asked of an adviser's client, never of a resident on their
 * own case. */
static void
test_consent_prompt (void)
{
  g_autoptr(RdCaseAdmin) admin = rd_case_admin_new (1);
  g_autoptr(GDate) today = date ("2025-02-27");

  g_assert_false (rd_case_admin_is_client_case (admin));
  g_assert_false (rd_case_admin_consent_prompt_due (admin, FALSE, today));
  g_assert_true (rd_case_admin_consent_prompt_due (admin, TRUE, today));
  rd_case_admin_set_authority_scope (admin, "Stage 1 complaint");
  g_assert_true (rd_case_admin_is_client_case (admin));
  g_assert_true (rd_case_admin_consent_prompt_due (admin, FALSE, today));
  rd_case_admin_set_authority_scope (admin, "");
  rd_case_admin_set_client_number (admin, "0042");
  g_assert_true (rd_case_admin_consent_prompt_due (admin, FALSE, today));
  rd_case_admin_give_consent (admin, today);
  g_assert_false (rd_case_admin_consent_prompt_due (admin, TRUE, today));
}

static gint64
add_case (Fixture    *f,
          const char *title,
          const char *resident,
          const char *address,
          const char *landlord)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, title);
  rd_case_set_resident_name (rcase, resident);
  rd_case_set_address (rcase, address);
  rd_case_set_landlord_name (rcase, landlord);
  g_assert_true (rd_store_save_case (f->store, rcase, &error));
  g_assert_no_error (error);
  return rd_case_get_id (rcase);
}

static void
test_save_and_refuse (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_case (f, "Damp", "Ada Lovelace", "2 Mill Lane", "Northgate Homes");
  g_autoptr(RdCaseAdmin) admin = rd_store_get_case_admin (f->store, id, &error);
  g_autoptr(RdCaseAdmin) again = NULL;
  g_autoptr(GDate) given = date ("2024-05-01");
  g_autoptr(GDate) early = date ("2024-04-01");
  g_autoptr(GDate) authority = date ("2024-05-02");

  g_assert_no_error (error);
  g_assert_cmpstr (rd_case_admin_get_client_number (admin), ==, "");
  g_assert_false (rd_case_admin_get_archived (admin));
  g_assert_null (rd_case_admin_get_consent_given (admin));

  rd_case_admin_give_consent (admin, given);
  rd_case_admin_set_authority_date (admin, authority);
  rd_case_admin_set_authority_scope (admin, "  Complaint to the landlord and the Ombudsman  ");
  rd_case_admin_set_client_number (admin, "0042");
  rd_case_admin_set_use_client_number (admin, TRUE);
  g_assert_true (rd_store_save_case_admin (f->store, admin, &error));
  g_assert_no_error (error);

  again = rd_store_get_case_admin (f->store, id, &error);
  g_assert_no_error (error);
  assert_date (rd_case_admin_get_consent_given (again), "2024-05-01");
  assert_date (rd_case_admin_get_consent_renew (again), "2024-11-01");
  assert_date (rd_case_admin_get_authority_date (again), "2024-05-02");
  g_assert_cmpstr (rd_case_admin_get_authority_scope (again), ==,
                   "Complaint to the landlord and the Ombudsman");
  g_assert_cmpstr (rd_case_admin_get_client_number (again), ==, "0042");
  g_assert_true (rd_case_admin_get_use_client_number (again));

  /* Renewal before it was given, and a number that is not there. */
  rd_case_admin_set_consent_renew (again, early);
  g_assert_false (rd_store_save_case_admin (f->store, again, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rd_case_admin_set_consent_renew (again, NULL);
  rd_case_admin_set_client_number (again, "  ");
  g_assert_false (rd_store_save_case_admin (f->store, again, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (rd_store_get_case_admin (f->store, id + 100, &error));
  g_assert_error (error, RD_STORE_ERROR, RD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Erasing the client takes the record with it. */
  g_assert_true (rd_store_erase_case (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (advisers_count_rows (f->store, "case_admin"), ==, 0);
}

static RdCaseEntry *
find_entry (GListModel *entries,
            gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RdCaseEntry) entry = g_list_model_get_item (entries, i);

      if (rd_case_get_id (rd_case_entry_get_case (entry)) == id)
        return entry;
    }
  g_assert_not_reached ();
}

static void
test_list_search_archive (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 alice = add_case (f, "Noise next door", "Alice Smith", "4 Elm Court", "Acme Homes");
  gint64 bob = add_case (f, "Leaking roof", "Bob Secret", "9 Hidden Way", "Borough Council");
  gint64 carol = add_case (f, "Closed: fence", "Carol Jones", "1 High St", "Acme Homes");
  g_autoptr(RdCaseAdmin) bob_admin = rd_store_get_case_admin (f->store, bob, &error);
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GDate) soon = date ("2024-01-10");
  g_autoptr(GDate) later = date ("2024-06-10");
  RdCaseEntry *a, *b, *c;

  rd_case_admin_set_client_number (bob_admin, "0042");
  rd_case_admin_set_use_client_number (bob_admin, TRUE);
  g_assert_true (rd_store_save_case_admin (f->store, bob_admin, &error));
  g_assert_true (rd_store_set_case_archived (f->store, carol, TRUE, &error));
  rd_complaint_set_case_id (complaint, alice);
  rd_complaint_set_reference (complaint, "CMP-77123");
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);

  entries = rd_case_service_list_case_entries (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  a = find_entry (entries, alice);
  b = find_entry (entries, bob);
  c = find_entry (entries, carol);

  g_assert_cmpstr (rd_case_entry_get_display_name (a), ==, "Alice Smith");
  g_assert_cmpstr (rd_case_entry_get_display_name (b), ==, "Client 0042");
  /* Not named, so not shown or found by name or address. */
  g_assert_null (strstr (rd_case_entry_get_detail (b), "Hidden"));
  g_assert_false (rd_case_entry_matches (b, "bob"));
  g_assert_false (rd_case_entry_matches (b, "hidden way"));
  g_assert_true (rd_case_entry_matches (b, "0042"));
  g_assert_true (rd_case_entry_matches (b, "borough"));

  g_assert_true (rd_case_entry_matches (a, "alice"));
  g_assert_true (rd_case_entry_matches (a, "ELM court"));
  g_assert_true (rd_case_entry_matches (a, "acme"));
  g_assert_true (rd_case_entry_matches (a, "cmp-77123"));
  g_assert_true (rd_case_entry_matches (a, ""));
  g_assert_false (rd_case_entry_matches (a, "alice jones"));
  g_assert_true (rd_case_entry_matches (c, "acme"));

  g_assert_false (rd_case_entry_get_archived (a));
  g_assert_true (rd_case_entry_get_archived (c));
  g_assert_nonnull (strstr (rd_case_entry_get_detail (c), "Archived"));

  /* Soonest due first, then the rest most recently changed first. */
  rd_case_entry_set_next_due (b, later);
  rd_case_entry_set_next_due (c, soon);
  g_assert_cmpint (rd_case_entry_compare_due (c, b), <, 0);
  g_assert_cmpint (rd_case_entry_compare_due (b, a), <, 0);
  g_assert_cmpint (rd_case_entry_compare_due (a, b), >, 0);

  g_assert_true (rd_store_set_case_archived (f->store, carol, FALSE, &error));
  g_clear_object (&entries);
  entries = rd_case_service_list_case_entries (f->store, NULL, &error);
  g_assert_false (rd_case_entry_get_archived (find_entry (entries, carol)));
}

/* The case list's order comes from the deadline engine. */
static void
test_next_due_from_deadlines (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_case (f, "Noise", "Dee Adams", "3 Oak Row", "Acme Homes");
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdComplaintEvent) made = NULL;
  g_autoptr(GDate) made_on = date ("2024-03-05");
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RdCaseEntry) entry = NULL;
  const GDate *due;

  rd_complaint_set_case_id (complaint, id);
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);
  made = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
  rd_complaint_event_set_complaint_id (made, rd_complaint_get_id (complaint));
  rd_complaint_event_set_stage (made, 1);
  rd_complaint_event_set_date (made, made_on);
  g_assert_true (rd_store_save_complaint_event (f->store, made, &error));
  g_assert_no_error (error);

  entries = rd_case_service_list_case_entries (f->store, made_on, &error);
  g_assert_no_error (error);
  entry = g_list_model_get_item (entries, 0);
  due = rd_case_entry_get_next_due (entry);
  /* Acknowledge within 5 working days of Tuesday 5 March: Tuesday 12 March. */
  assert_date (due, "2024-03-12");
}

static void
make_complaint (Fixture     *f,
                gint64       case_id,
                const GDate *made_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdComplaintEvent) made = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);

  rd_complaint_set_case_id (complaint, case_id);
  g_assert_true (rd_store_save_complaint (f->store, complaint, &error));
  g_assert_no_error (error);
  rd_complaint_event_set_complaint_id (made, rd_complaint_get_id (complaint));
  rd_complaint_event_set_stage (made, 1);
  rd_complaint_event_set_date (made, made_on);
  g_assert_true (rd_store_save_complaint_event (f->store, made, &error));
  g_assert_no_error (error);
}

/* Four cases: two with an acknowledgement the landlord never sent (one far
 * longer overdue), one with a deadline still to come, one with nothing. */
static void
make_overdue_cases (Fixture     *f,
                    const GDate *today,
                    gint64       ids[4])
{
  g_autoptr(GDate) long_ago = date ("2024-03-05");
  g_autoptr(GDate) less_long = date ("2024-06-04");

  ids[3] = add_case (f, "Nothing yet", "Nina None", "1 Quiet Street", "Acme Homes");
  ids[2] = add_case (f, "Soon", "Sam Soon", "2 Near Road", "Acme Homes");
  make_complaint (f, ids[2], today);
  ids[1] = add_case (f, "Less late", "Lee Later", "3 Mid Way", "Acme Homes");
  make_complaint (f, ids[1], less_long);
  ids[0] = add_case (f, "Very late", "Vic Late", "4 Old Lane", "Acme Homes");
  make_complaint (f, ids[0], long_ago);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return rd_case_entry_compare_due (*(RdCaseEntry **) a, *(RdCaseEntry **) b);
}

static void
test_overdue_first (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = date ("2025-09-01");
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 ids[4];

  make_overdue_cases (f, today, ids);
  entries = rd_case_service_list_case_entries (f->store, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (entries, i));
  g_ptr_array_sort (sorted, compare_entries);

  g_assert_cmpuint (sorted->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (rd_case_get_id (rd_case_entry_get_case (g_ptr_array_index (sorted, i))), ==, ids[i]);
  /* Acknowledge within 5 working days of Tuesday 5 March 2024: Tuesday 12
   * March, never done. Of Tuesday 4 June: Tuesday 11 June. */
  assert_date (rd_case_entry_get_overdue_since (g_ptr_array_index (sorted, 0)), "2024-03-12");
  assert_date (rd_case_entry_get_overdue_since (g_ptr_array_index (sorted, 1)), "2024-06-11");
  g_assert_null (rd_case_entry_get_overdue_since (g_ptr_array_index (sorted, 2)));
  g_assert_nonnull (rd_case_entry_get_next_due (g_ptr_array_index (sorted, 2)));
  g_assert_null (rd_case_entry_get_overdue_since (g_ptr_array_index (sorted, 3)));
  g_assert_null (rd_case_entry_get_next_due (g_ptr_array_index (sorted, 3)));
}

static char *
run_case_list (const char  *data_dir,
               const char **extra)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  char *out = NULL;

  g_ptr_array_add (args, (char *) "case-list");
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (args, (char *) extra[i]);
  g_ptr_array_add (args, NULL);
  g_assert_cmpint (fixture_run_cli (data_dir, (const char * const *) args->pdata, &out, NULL), ==, 0);
  return out;
}

static void
test_cli_case_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 alice = add_case (f, "Noise", "Alice Smith", "4 Elm Court", "Acme Homes");
  gint64 bob = add_case (f, "Roof", "Bob Secret", "9 Hidden Way", "Borough Council");
  g_autoptr(RdCaseAdmin) admin = rd_store_get_case_admin (f->store, bob, &error);
  g_autofree char *all = NULL;
  g_autofree char *found = NULL;
  g_autofree char *archived = NULL;

  rd_case_admin_set_client_number (admin, "0042");
  rd_case_admin_set_use_client_number (admin, TRUE);
  g_assert_true (rd_store_save_case_admin (f->store, admin, &error));
  g_assert_true (rd_store_set_case_archived (f->store, alice, TRUE, &error));
  g_assert_no_error (error);

  all = run_case_list (f->dir, (const char *[]) { "--json", NULL });
  g_assert_nonnull (strstr (all, "\"Client 0042\""));
  g_assert_null (strstr (all, "Alice"));
  g_assert_null (strstr (all, "Bob Secret"));
  found = run_case_list (f->dir, (const char *[]) { "--archived", "--search", "elm", NULL });
  g_assert_nonnull (strstr (found, "Alice Smith"));
  g_assert_nonnull (strstr (found, "archived"));
  g_assert_null (strstr (found, "0042"));
  archived = run_case_list (f->dir, (const char *[]) { "--archived", NULL });
  g_assert_nonnull (strstr (archived, "Alice Smith"));
  g_assert_nonnull (strstr (archived, "Client 0042"));
}

static void
test_cli_overdue_first (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDate) today = date ("2025-06-11");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonArray *rows;
  gint64 ids[4];

  make_overdue_cases (f, today, ids);
  /* The command judges on the same fixed day, never the real one. */
  g_setenv ("REDRESS_TODAY", "2025-06-11", TRUE);
  out = run_case_list (f->dir, (const char *[]) { "--json", NULL });
  g_unsetenv ("REDRESS_TODAY");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, i), "id"), ==, ids[i]);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0), "overdue_since"),
                   ==, "2024-03-12");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1), "overdue_since"),
                   ==, "2024-06-11");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 2), "overdue_since"));
  g_assert_false (json_object_get_null_member (json_array_get_object_element (rows, 2), "next_due"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 3), "next_due"));
}

static gint64
reopen (RdStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id = rd_store_find_case_to_reopen (store, &error);

  g_assert_no_error (error);
  return case_id;
}

/* Each data folder remembers its own last case; an archived or erased one
 * is not opened again, and an erased id is forgotten (ids are reused). */
static void
test_reopen_per_folder (void)
{
  g_autofree char *dir_a = NULL;
  g_autofree char *dir_b = NULL;
  g_autoptr(GError) error = NULL;
  RdStore *a = fixture_store_open_temp ("redress-reopen-a-XXXXXX", &dir_a);
  RdStore *b = fixture_store_open_temp ("redress-reopen-b-XXXXXX", &dir_b);
  g_autoptr(RdCase) a1 = fixture_make_case (a, "A: first client");
  g_autoptr(RdCase) a2 = fixture_make_case (a, "A: second client");
  g_autoptr(RdCase) a3 = fixture_make_case (a, "A: third client");
  g_autoptr(RdCase) b1 = fixture_make_case (b, "B: first client");
  g_autoptr(RdCase) b2 = fixture_make_case (b, "B: second client");
  g_autoptr(RdCase) b3 = fixture_make_case (b, "B: third client");
  gint64 a1_id = rd_case_get_id (a1), a2_id = rd_case_get_id (a2), a3_id = rd_case_get_id (a3);

  /* Same ids in both folders: exactly what made one shared setting wrong. */
  g_assert_cmpint (a1_id, ==, rd_case_get_id (b1));

  /* Nothing remembered yet: the case changed last. */
  g_assert_cmpint (rd_store_get_last_case_id (a), ==, 0);
  g_assert_cmpint (reopen (a), ==, a3_id);

  g_assert_true (rd_store_set_last_case_id (a, a1_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reopen (a), ==, a1_id);
  /* Folder B knows nothing of A's choice. */
  g_assert_cmpint (rd_store_get_last_case_id (b), ==, 0);
  g_assert_cmpint (reopen (b), ==, rd_case_get_id (b3));
  g_assert_true (rd_store_set_last_case_id (b, rd_case_get_id (b2), &error));
  g_assert_cmpint (reopen (b), ==, rd_case_get_id (b2));
  g_assert_cmpint (reopen (a), ==, a1_id);

  /* It is kept in the folder: a new connection finds it. */
  g_clear_object (&a);
  a = rd_store_open (dir_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reopen (a), ==, a1_id);

  /* Archived: not reopened, and never picked as the newest either. */
  g_assert_true (rd_store_set_case_archived (a, a1_id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reopen (a), ==, a3_id);
  g_assert_true (rd_store_set_case_archived (a, a3_id, TRUE, &error));
  g_assert_cmpint (reopen (a), ==, a2_id);
  g_assert_true (rd_store_set_case_archived (a, a1_id, FALSE, &error));
  g_assert_cmpint (reopen (a), ==, a1_id);

  /* Erased: forgotten with the case, so a new case that gets its id is
   * not opened as if it were the one open last time. */
  g_assert_true (rd_store_erase_case (a, a1_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rd_store_get_last_case_id (a), ==, 0);
  g_assert_cmpint (reopen (a), ==, a2_id);

  /* Every case archived: nothing to open, and no error. */
  g_assert_true (rd_store_set_case_archived (a, a2_id, TRUE, &error));
  g_assert_cmpint (reopen (a), ==, 0);
  g_assert_true (rd_store_set_last_case_id (a, 0, &error));
  g_assert_cmpint (rd_store_get_last_case_id (a), ==, 0);
  g_assert_no_error (error);

  /* Closing the case in B forgets it there only. */
  g_assert_true (rd_store_set_last_case_id (b, 0, &error));
  g_assert_cmpint (reopen (b), ==, rd_case_get_id (b3));

  fixture_store_close_temp (&a, &dir_a);
  fixture_store_close_temp (&b, &dir_b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-list/consent", test_consent);
  g_test_add_func ("/case-list/consent-prompt", test_consent_prompt);
  g_test_add ("/case-list/save-and-refuse", Fixture, NULL, fixture_setup, test_save_and_refuse, fixture_teardown);
  g_test_add ("/case-list/search-archive-order", Fixture, NULL, fixture_setup, test_list_search_archive, fixture_teardown);

  g_test_add ("/case-list/next-due-from-deadlines", Fixture, NULL, fixture_setup, test_next_due_from_deadlines, fixture_teardown);

  g_test_add_func ("/case-list/reopen-per-folder", test_reopen_per_folder);
  g_test_add ("/case-list/cli", Fixture, NULL, fixture_setup, test_cli_case_list, fixture_teardown);
  g_test_add ("/case-list/overdue-first", Fixture, NULL, fixture_setup, test_overdue_first, fixture_teardown);
  g_test_add ("/case-list/cli-overdue-first", Fixture, NULL, fixture_setup, test_cli_overdue_first, fixture_teardown);

  return g_test_run ();
}
