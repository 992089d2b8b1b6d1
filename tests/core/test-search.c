/* test-search.c: the diary's and the contact log's full-text indexes: what a
 * search finds, and that the index follows every edit, deletion, import and migration.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-core.h"
#include "store-fixtures.h"

typedef struct {
  char    *dir;
  RdStore *store;
  gint64   case_id;
  gint64   cafe;      /* "Café": an accent */
  gint64   stairs;    /* capitals, a reference */
  gint64   damage;    /* a category named in no field */
} Fixture;

static gint64
add_entry (RdStore    *store,
           gint64      case_id,
           const char *when,
           RdCategory  category,
           const char *description,
           const char *reference)
{
  g_autoptr(GDateTime) starts = rd_datetime_parse_local (when, NULL);
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GError) error = NULL;

  rd_incident_set_case_id (incident, case_id);
  rd_incident_set_starts_at (incident, starts);
  rd_incident_set_category (incident, category);
  rd_incident_set_description (incident, description);
  rd_incident_set_reference (incident, reference);
  g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
  g_assert_no_error (error);
  return rd_incident_get_id (incident);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RdCase) rcase = NULL;

  f->store = fixture_store_open_temp ("redress-search-XXXXXX", &f->dir);
  rcase = fixture_make_case (f->store, "Searched");
  f->case_id = rd_case_get_id (rcase);
  f->cafe = add_entry (f->store, f->case_id, "2025-03-01T21:00:00", RD_CATEGORY_NOISE,
                       "Music from the Café downstairs until 2am", "");
  f->stairs = add_entry (f->store, f->case_id, "2025-03-02T08:15:00", RD_CATEGORY_HARASSMENT,
                         "PUSHCHAIR thrown down the STAIRS", "CR/0012");
  f->damage = add_entry (f->store, f->case_id, "2025-03-03T10:00:00", RD_CATEGORY_DAMAGE,
                         "Door kicked in", "");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_store_close_temp (&f->store, &f->dir);
}

/* The ids @query finds in @case_id, as "1,3" (ascending), so a failure
 * says what was found. */
static char *
find (RdStore    *store,
      gint64      case_id,
      const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rd_search_service_find (store, RD_SEARCH_INCIDENTS, case_id, query, NULL,
                                                  &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

static char *
ids (gint64 a,
     gint64 b)
{
  if (b == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, a);
  return g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, MIN (a, b), MAX (a, b));
}

#define assert_finds(f, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = find ((f)->store, (f)->case_id, (query)); \
    g_autofree char *expected_ = (expected); \
    g_assert_cmpstr (found_, ==, expected_); \
  } G_STMT_END

static void
test_finds (Fixture       *f,
            gconstpointer  data)
{
  /* Accents and case do not matter, either way round. */
  assert_finds (f, "cafe", ids (f->cafe, 0));
  assert_finds (f, "CAFÉ", ids (f->cafe, 0));
  assert_finds (f, "pushchair", ids (f->stairs, 0));
  assert_finds (f, "Pushchair Stairs", ids (f->stairs, 0));

  /* A word being typed finds already: "pu", "pus", "push"… */
  assert_finds (f, "p", ids (f->stairs, f->damage));   /* "Damage to property" */
  assert_finds (f, "pus", ids (f->stairs, 0));
  assert_finds (f, "dow", ids (f->cafe, f->stairs));

  /* Every word must be there, in any field. */
  assert_finds (f, "music stairs", g_strdup (""));
  assert_finds (f, "down music", ids (f->cafe, 0));

  /* References, punctuation and all. */
  assert_finds (f, "CR/00", ids (f->stairs, 0));
  assert_finds (f, "cr/0012", ids (f->stairs, 0));

  /* A category's name finds its entries, though no field says it. */
  assert_finds (f, "damage", ids (f->damage, 0));
  assert_finds (f, "prop", ids (f->damage, 0));
  assert_finds (f, "door damage", ids (f->damage, 0));
  assert_finds (f, "music damage", g_strdup (""));

  /* Nothing like it. */
  assert_finds (f, "no such words anywhere", g_strdup (""));

  /* No word at all (or only punctuation, or FTS syntax): everything. */
  g_assert_false (rd_search_service_has_words ("  - / "));
  g_assert_true (rd_search_service_has_words ("a"));
  {
    g_autofree char *all = find (f->store, f->case_id, " - ");
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                                                 ",%" G_GINT64_FORMAT, f->cafe, f->stairs, f->damage);
    g_assert_cmpstr (all, ==, expected);
  }
  /* What would be FTS syntax is only text. */
  assert_finds (f, "\"door", ids (f->damage, 0));
  assert_finds (f, "door OR music", g_strdup (""));
  assert_finds (f, "(door", ids (f->damage, 0));
  assert_finds (f, "NEAR(door", g_strdup (""));
}

static void
test_other_case (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RdCase) other = fixture_make_case (f->store, "Other");
  gint64 theirs = add_entry (f->store, rd_case_get_id (other), "2025-04-01T09:00:00",
                             RD_CATEGORY_NOISE, "Café music again", "");
  g_autofree char *found = find (f->store, rd_case_get_id (other), "cafe");
  g_autofree char *expected = ids (theirs, 0);

  /* Each case finds only its own entries. */
  g_assert_cmpstr (found, ==, expected);
  assert_finds (f, "cafe", ids (f->cafe, 0));
}

static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdIncident) incident = rd_store_get_incident (f->store, f->cafe, &error);

  g_assert_no_error (error);
  rd_incident_set_description (incident, "Shouting on the landing");
  rd_incident_set_witnesses (incident, "Zoë next door");
  g_assert_true (rd_store_save_incident (f->store, incident, NULL, &error));
  g_assert_no_error (error);

  /* The old words are gone from the index, the new ones are in it. */
  assert_finds (f, "cafe", g_strdup (""));
  assert_finds (f, "music", g_strdup (""));
  assert_finds (f, "shout", ids (f->cafe, 0));
  assert_finds (f, "zoe", ids (f->cafe, 0));

  g_assert_true (rd_store_delete_incident (f->store, f->stairs, &error));
  g_assert_no_error (error);
  assert_finds (f, "pushchair", g_strdup (""));
  assert_finds (f, "cr", g_strdup (""));

  /* The index agrees with the table it indexes (FTS5's own check). */
  g_assert_true (rd_store_check_search_index (f->store, &error));
  g_assert_no_error (error);
}

static void
test_follows_import (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = rd_case_json_export (f->store, f->case_id, &error);
  gint64 copy;
  g_autoptr(GListModel) entries = NULL;
  g_autofree char *found = NULL;

  g_assert_no_error (error);
  copy = rd_case_json_import (f->store, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, >, 0);

  /* The imported entries are found in the copy, under their new ids. */
  entries = rd_store_list_incidents (f->store, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  found = find (f->store, copy, "pushchair");
  g_assert_cmpstr (found, !=, "");
  g_assert_null (strchr (found, ','));
  {
    g_autoptr(GError) local = NULL;
    g_autoptr(RdIncident) incident = rd_store_get_incident (f->store, g_ascii_strtoll (found, NULL, 10),
                                                            &local);

    g_assert_no_error (local);
    g_assert_cmpint (rd_incident_get_case_id (incident), ==, copy);
    g_assert_cmpstr (rd_incident_get_description (incident), ==, "PUSHCHAIR thrown down the STAIRS");
  }

  /* Deleting the case takes its entries out of the index. */
  g_assert_true (rd_store_delete_case (f->store, copy, &error));
  g_assert_no_error (error);
  g_free (found);
  found = find (f->store, copy, "pushchair");
  g_assert_cmpstr (found, ==, "");
  g_assert_true (rd_store_check_search_index (f->store, &error));
  g_assert_no_error (error);
}

static void
on_found_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;

  /* Off the main thread, on a connection of its own. */
  rd_search_service_find_async (f->store, RD_SEARCH_INCIDENTS, f->case_id, "stairs", NULL,
                                on_found_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  found = rd_search_service_find_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, f->stairs);
  g_assert_true (rd_search_service_ids_contain (found, f->stairs));
  g_assert_false (rd_search_service_ids_contain (found, f->cafe));

  /* A search overtaken by the next keystroke answers that it was cancelled. */
  g_cancellable_cancel (cancellable);
  rd_search_service_find_async (f->store, RD_SEARCH_INCIDENTS, f->case_id, "stairs", cancellable,
                                on_found_cb, &cancelled_result);
  while (cancelled_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rd_search_service_find_finish (f->store, cancelled_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The contact log, searched as the Contacts page does. */
typedef struct {
  gint64 zoe;       /* a phone call, accents in its summary */
  gint64 letter;    /* with a party, a promise */
  gint64 visit;     /* an accented person */
} Contacts;

static gint64
add_contact (Fixture          *f,
             RdContactChannel  channel,
             gint64            party_id,
             const char       *person,
             const char       *summary,
             const char       *promise)
{
  g_autoptr(GDateTime) when = rd_datetime_parse_local ("2025-03-04T10:00:00", NULL);
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GError) error = NULL;

  rd_contact_set_case_id (contact, f->case_id);
  rd_contact_set_occurred_at (contact, when);
  rd_contact_set_channel (contact, channel);
  rd_contact_set_party_id (contact, party_id);
  rd_contact_set_person (contact, person);
  rd_contact_set_summary (contact, summary);
  rd_contact_set_promise (contact, promise);
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);
  return rd_contact_get_id (contact);
}

static void
add_contacts (Fixture  *f,
              Contacts *c)
{
  g_autoptr(RdParty) party = rd_party_new ();
  g_autoptr(GError) error = NULL;

  rd_party_set_case_id (party, f->case_id);
  rd_party_set_role (party, RD_PARTY_LANDLORD_OFFICER);
  rd_party_set_name (party, "Dee Marsh");
  rd_party_set_organisation (party, "Eastwick Homes");
  g_assert_true (rd_store_save_party (f->store, party, &error));
  g_assert_no_error (error);

  c->zoe = add_contact (f, RD_CHANNEL_PHONE, 0, "", "Rang Zoë at the Café about the LEAK", "");
  c->letter = add_contact (f, RD_CHANNEL_LETTER, rd_party_get_id (party), "",
                           "Sent the formal complaint", "Reply within ten days");
  c->visit = add_contact (f, RD_CHANNEL_VISIT, 0, "Renée Okafor", "Inspection of the damp", "");
}

static char *
find_contacts (Fixture    *f,
               const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = rd_search_service_find (f->store, RD_SEARCH_CONTACTS, f->case_id, query,
                                                  NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

#define assert_finds_contacts(f, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = find_contacts ((f), (query)); \
    g_autofree char *expected_ = (expected); \
    g_assert_cmpstr (found_, ==, expected_); \
  } G_STMT_END

static void
test_contacts_finds (Fixture       *f,
                     gconstpointer  data)
{
  Contacts c;

  add_contacts (f, &c);

  /* Accents and case do not matter, either way round, in any field. */
  assert_finds_contacts (f, "cafe", ids (c.zoe, 0));
  assert_finds_contacts (f, "CAFÉ", ids (c.zoe, 0));
  assert_finds_contacts (f, "zoe", ids (c.zoe, 0));
  assert_finds_contacts (f, "Leak", ids (c.zoe, 0));
  assert_finds_contacts (f, "renee", ids (c.visit, 0));
  assert_finds_contacts (f, "RENÉE okafor", ids (c.visit, 0));
  assert_finds_contacts (f, "reply ten", ids (c.letter, 0));   /* the promise */

  /* A word being typed finds already. */
  assert_finds_contacts (f, "d", ids (c.letter, c.visit));   /* "Dee", "days", "damp" */
  assert_finds_contacts (f, "form", ids (c.letter, 0));
  assert_finds_contacts (f, "insp", ids (c.visit, 0));

  /* The channel's name and the party's name, as the row shows them. */
  assert_finds_contacts (f, "phone", ids (c.zoe, 0));
  assert_finds_contacts (f, "call", ids (c.zoe, 0));
  assert_finds_contacts (f, "letter", ids (c.letter, 0));
  assert_finds_contacts (f, "meet", ids (c.visit, 0));
  assert_finds_contacts (f, "eastwick", ids (c.letter, 0));
  assert_finds_contacts (f, "DEE", ids (c.letter, 0));
  assert_finds_contacts (f, "dee formal", ids (c.letter, 0));
  assert_finds_contacts (f, "dee damp", g_strdup (""));
  assert_finds_contacts (f, "phone leak", ids (c.zoe, 0));

  /* Every word must be there; FTS syntax is only text; no word is all. */
  assert_finds_contacts (f, "cafe damp", g_strdup (""));
  assert_finds_contacts (f, "leak OR damp", g_strdup (""));
  assert_finds_contacts (f, "\"leak", ids (c.zoe, 0));
  {
    g_autofree char *all = find_contacts (f, " - ");
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                                                 ",%" G_GINT64_FORMAT, c.zoe, c.letter, c.visit);
    g_assert_cmpstr (all, ==, expected);
  }

  /* The diary's entries are not contacts, nor the other way round. */
  assert_finds_contacts (f, "music", g_strdup (""));
  assert_finds (f, "leak", g_strdup (""));
}

static void
test_contacts_follow_edits (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdContact) contact = NULL;
  g_autoptr(RdCase) other = fixture_make_case (f->store, "Other");
  Contacts c;

  add_contacts (f, &c);
  contact = rd_store_get_contact (f->store, c.zoe, &error);
  g_assert_no_error (error);
  rd_contact_set_summary (contact, "Asked about the Élite scaffolding");
  g_assert_true (rd_store_save_contact (f->store, contact, &error));
  g_assert_no_error (error);

  /* The old words are gone from the index, the new ones are in it. */
  assert_finds_contacts (f, "cafe", g_strdup (""));
  assert_finds_contacts (f, "leak", g_strdup (""));
  assert_finds_contacts (f, "elite scaff", ids (c.zoe, 0));

  g_assert_true (rd_store_delete_contact (f->store, c.letter, &error));
  g_assert_no_error (error);
  assert_finds_contacts (f, "formal", g_strdup (""));
  assert_finds_contacts (f, "eastwick", g_strdup (""));

  /* Each case finds only its own contacts. */
  {
    g_autoptr(GArray) theirs = rd_search_service_find (f->store, RD_SEARCH_CONTACTS,
                                                       rd_case_get_id (other), "elite", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (theirs->len, ==, 0);
  }

  g_assert_true (rd_store_check_search_index (f->store, &error));
  g_assert_no_error (error);
}

static void
test_contacts_async (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  Contacts c;

  add_contacts (f, &c);
  rd_search_service_find_async (f->store, RD_SEARCH_CONTACTS, f->case_id, "okaf", NULL, on_found_cb,
                                &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  found = rd_search_service_find_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, c.visit);
}

/* A data folder written before the index existed gets one, with the
 * entries it already had. */
static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-search-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  gint64 case_id, kept;
  sqlite3 *db;

  g_assert_no_error (error);
  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  rcase = fixture_make_case (store, "Older");
  case_id = rd_case_get_id (rcase);
  kept = add_entry (store, case_id, "2024-12-24T23:00:00", RD_CATEGORY_NOISE,
                    "Fireworks over the courtyard", "");
  path = g_strdup (rd_store_get_path (store));
  g_clear_object (&store);

  /* Back to schema 11, as an older Redress left it. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP TRIGGER incidents_text_insert;"
                                 "DROP TRIGGER incidents_text_delete;"
                                 "DROP TRIGGER incidents_text_update;"
                                 "DROP TRIGGER contacts_text_insert;"
                                 "DROP TRIGGER contacts_text_delete;"
                                 "DROP TRIGGER contacts_text_update;"
                                 "DROP TABLE incident_text;"
                                 "DROP TABLE contact_text;"
                                 "ALTER TABLE cases DROP COLUMN document_language;"
                                 "DROP TRIGGER evidence_exhibit_no_new;"
                                 "DROP TRIGGER evidence_exhibit_no_kept;"
                                 "DROP INDEX evidence_by_exhibit_no;"
                                 "ALTER TABLE evidence DROP COLUMN exhibit_no;"
                                 "ALTER TABLE cases DROP COLUMN next_exhibit_no;"
                                 "ALTER TABLE cases DROP COLUMN bundle_layout;"
                                 "ALTER TABLE cases DROP COLUMN country;"
                                 "ALTER TABLE incidents DROP COLUMN service_loss;"
                                 "ALTER TABLE incident_revisions DROP COLUMN service_loss;"
                                 "ALTER TABLE cases DROP COLUMN aware_on;"
                                 "ALTER TABLE cases DROP COLUMN asb_review_reports;"
                                 "ALTER TABLE cases DROP COLUMN asb_review_hate;"
                                 "ALTER TABLE incidents DROP COLUMN asb_report;"
                                 "ALTER TABLE incident_revisions DROP COLUMN asb_report;"
                                 "ALTER TABLE complaints DROP COLUMN subject;"
                                 "PRAGMA user_version = 11;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rd_store_get_schema_version (store), ==, RD_STORE_SCHEMA_VERSION);
  {
    g_autofree char *found = find (store, case_id, "firew court");
    g_autofree char *expected = ids (kept, 0);

    g_assert_cmpstr (found, ==, expected);
  }
  g_assert_true (rd_store_check_search_index (store, &error));
  g_assert_no_error (error);
  fixture_store_close_temp (&store, &dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/search/finds", test_finds);
  ADD ("/search/other-case", test_other_case);
  ADD ("/search/follows-edits", test_follows_edits);
  ADD ("/search/follows-import", test_follows_import);
  ADD ("/search/async", test_async);
  ADD ("/search/contacts/finds", test_contacts_finds);
  ADD ("/search/contacts/follow-edits", test_contacts_follow_edits);
  ADD ("/search/contacts/async", test_contacts_async);
#undef ADD
  g_test_add_func ("/search/migration", test_migration);

  return g_test_run ();
}
