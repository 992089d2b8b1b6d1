/* rd-store-migrations.c: the database's schema, one migration at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rd-store-private.h"

/*
 * Migration N takes a database from user_version N-1 to N. Never edit one
 * that has shipped: to change the schema, append a migration and bump
 * RD_STORE_SCHEMA_VERSION in rd-store.h. The array is declared with that
 * many entries in rd-store-private.h, so a count that differs does not
 * compile.
 */
const char * const _rd_store_migrations[] = {
  /* 1: cases, the incident diary and its revisions */
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  resident_name TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  landlord_name TEXT NOT NULL DEFAULT '',"
  "  tenancy_type TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE incidents ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
  "  starts_at TEXT NOT NULL,"
  "  ends_at TEXT,"
  "  category TEXT NOT NULL,"
  "  location TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  impact TEXT NOT NULL DEFAULT '',"
  "  people TEXT NOT NULL DEFAULT '',"
  "  witnesses TEXT NOT NULL DEFAULT '',"
  "  reported_to TEXT NOT NULL DEFAULT '',"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX incidents_by_case ON incidents(case_id, starts_at);"
  "CREATE TABLE incident_revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
  "  written_at INTEGER NOT NULL,"
  "  last_changed_at INTEGER NOT NULL,"
  "  starts_at TEXT NOT NULL,"
  "  ends_at TEXT,"
  "  category TEXT NOT NULL,"
  "  location TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  impact TEXT NOT NULL,"
  "  people TEXT NOT NULL,"
  "  witnesses TEXT NOT NULL,"
  "  reported_to TEXT NOT NULL,"
  "  reference TEXT NOT NULL"
  ");"
  "CREATE INDEX revisions_by_incident ON incident_revisions(incident_id, id);",

  /* 2: parties, the contact log, complaints and their stage events, and the
   * resident's contact preferences and adjustments */
  "ALTER TABLE cases ADD COLUMN contact_preferences TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE cases ADD COLUMN adjustments TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE parties ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  role TEXT NOT NULL,"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  third_party INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX parties_by_case ON parties(case_id);"
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
  "  occurred_at TEXT NOT NULL,"
  "  direction TEXT NOT NULL,"
  "  channel TEXT NOT NULL,"
  "  party_id INTEGER REFERENCES parties(id) ON DELETE SET NULL,"
  "  person TEXT NOT NULL DEFAULT '',"
  "  summary TEXT NOT NULL DEFAULT '',"
  "  promise TEXT NOT NULL DEFAULT '',"
  "  promise_due TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX contacts_by_case ON contacts(case_id, occurred_at);"
  "CREATE INDEX contacts_by_party ON contacts(party_id);"
  "CREATE TABLE complaints ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  outcomes TEXT NOT NULL DEFAULT '',"
  "  outcome_other TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX complaints_by_case ON complaints(case_id);"
  "CREATE TABLE complaint_points ("
  "  complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (complaint_id, position)"
  ");"
  "CREATE TABLE complaint_events ("
  "  id INTEGER PRIMARY KEY,"
  "  complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  stage INTEGER NOT NULL DEFAULT 1,"
  "  date TEXT NOT NULL,"
  "  new_date TEXT,"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX events_by_complaint ON complaint_events(complaint_id, date);"
  "CREATE INDEX events_by_contact ON complaint_events(contact_id);",

  /* 3: the sample case is marked, so that opening it again finds it */
  "ALTER TABLE cases ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0;",

  /* 4: the evidence store: files by SHA-256, their text for search, and
   * links to what they prove */
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
  "  sha256 TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  content_type TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  original_name TEXT NOT NULL,"
  "  captured_at TEXT,"
  "  date_source TEXT NOT NULL DEFAULT 'none',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  page_count INTEGER,"
  "  duration_ms INTEGER,"
  "  orientation INTEGER NOT NULL DEFAULT 1,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  author TEXT NOT NULL DEFAULT '',"
  "  recipients TEXT NOT NULL DEFAULT '',"
  "  problem TEXT NOT NULL DEFAULT '',"
  "  needs_password INTEGER NOT NULL DEFAULT 0,"
  "  parent_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,"
  "  imported_at INTEGER NOT NULL,"
  "  UNIQUE (case_id, sha256)"
  ");"
  "CREATE INDEX evidence_by_sha256 ON evidence(sha256);"
  "CREATE INDEX evidence_by_parent ON evidence(parent_id);"
  "CREATE VIRTUAL TABLE evidence_text USING fts5("
  "  name, description, body, tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER evidence_drop_text AFTER DELETE ON evidence BEGIN"
  "  DELETE FROM evidence_text WHERE rowid = old.id;"
  "END;"
  "CREATE TABLE evidence_links ("
  "  evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,"
  "  target_kind TEXT NOT NULL,"
  "  target_id INTEGER NOT NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (evidence_id, target_kind, target_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX evidence_links_by_target ON evidence_links(target_kind, target_id);"
  "CREATE TRIGGER incidents_drop_evidence_links AFTER DELETE ON incidents BEGIN"
  "  DELETE FROM evidence_links WHERE target_kind = 'incident' AND target_id = old.id;"
  "END;"
  "CREATE TRIGGER contacts_drop_evidence_links AFTER DELETE ON contacts BEGIN"
  "  DELETE FROM evidence_links WHERE target_kind = 'contact' AND target_id = old.id;"
  "END;"
  "CREATE TRIGGER complaint_events_drop_evidence_links AFTER DELETE ON complaint_events BEGIN"
  "  DELETE FROM evidence_links WHERE target_kind = 'complaint-event' AND target_id = old.id;"
  "END;",

  /* 5: the diary entries a complaint is about */
  "CREATE TABLE complaint_incidents ("
  "  complaint_id INTEGER NOT NULL REFERENCES complaints(id) ON DELETE CASCADE,"
  "  incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (complaint_id, incident_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX complaint_incidents_by_incident ON complaint_incidents(incident_id);",

  /* 6: advisers: settings of this data folder (the lock), and per case the
   * client number, archiving, consent to store the data and the authority
   * to act for the resident */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE case_admin ("
  "  case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,"
  "  client_number TEXT NOT NULL DEFAULT '',"
  "  use_client_number INTEGER NOT NULL DEFAULT 0,"
  "  archived_at INTEGER,"
  "  consent_given TEXT,"
  "  consent_renew TEXT,"
  "  authority_date TEXT,"
  "  authority_scope TEXT NOT NULL DEFAULT ''"
  ");",

  /* 7: landlords' own policy profiles, and the one each case follows */
  "CREATE TABLE policy_profiles ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  definition TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "ALTER TABLE cases ADD COLUMN policy_id INTEGER REFERENCES policy_profiles(id) ON DELETE SET NULL;"
  "CREATE INDEX cases_by_policy ON cases(policy_id);",

  /* 8: when a diary entry was reported to the landlord (the day, and the
   * time when known), the risk level the landlord gave an ASB report, the
   * priority it gave a repair, and whether it is an Awaab's Law hazard;
   * kept in the entry's revisions too */
  "ALTER TABLE incidents ADD COLUMN landlord_reported_on TEXT;"
  "ALTER TABLE incidents ADD COLUMN landlord_reported_minute INTEGER;"
  "ALTER TABLE incidents ADD COLUMN asb_risk TEXT NOT NULL DEFAULT 'unknown';"
  "ALTER TABLE incidents ADD COLUMN repair_priority TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE incidents ADD COLUMN hazard TEXT NOT NULL DEFAULT 'none';"
  "ALTER TABLE incident_revisions ADD COLUMN landlord_reported_on TEXT;"
  "ALTER TABLE incident_revisions ADD COLUMN landlord_reported_minute INTEGER;"
  "ALTER TABLE incident_revisions ADD COLUMN asb_risk TEXT NOT NULL DEFAULT 'unknown';"
  "ALTER TABLE incident_revisions ADD COLUMN repair_priority TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE incident_revisions ADD COLUMN hazard TEXT NOT NULL DEFAULT 'none';",

  /* 9: each case's identity, random, kept by the copies a hand-over makes,
   * so that taking the same case in twice is noticed */
  "ALTER TABLE cases ADD COLUMN uuid TEXT;"
  "UPDATE cases SET uuid = lower (hex (randomblob (16)));"
  "CREATE INDEX cases_by_uuid ON cases(uuid);",

  /* 10: what the landlord did about a reported repair or hazard, each step
   * dated ("investigated=2025-11-03T10:15;repaired=2025-12-01"), in the
   * entry and its revisions */
  "ALTER TABLE incidents ADD COLUMN landlord_steps TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE incident_revisions ADD COLUMN landlord_steps TEXT NOT NULL DEFAULT '';",

  /* 11: what must happen to files once a write has committed: a staged
   * copy to move into place ("place"), a stored file to remove ("remove")
   * or to overwrite and remove ("erase"). Written in the same transaction
   * as the rows, carried out after the commit, and by the next open if
   * the process died first (rd-store-intents.c). Holds hashes and paths
   * inside the data folder only, never case text. */
  "CREATE TABLE file_intents ("
  "  id INTEGER PRIMARY KEY,"
  "  action TEXT NOT NULL CHECK (action IN ('place', 'remove', 'erase')),"
  "  sha256 TEXT NOT NULL,"
  "  staged TEXT,"
  "  created_at INTEGER NOT NULL"
  ");",

  /* 12: full-text indexes of the diary and the contact log, so that a
   * search as the resident types reads an index instead of every entry.
   * They hold no copy of the text (content= the tables themselves); the
   * triggers keep them in step with every write, whichever code makes it
   * (the editor, an import, a restore). Accents and case are ignored.
   * The words' first one, two and three letters are indexed too, so the
   * first keystrokes of a word read one list rather than merge many. */
  "CREATE VIRTUAL TABLE incident_text USING fts5("
  "  description, impact, location, people, witnesses, reference, repair_priority,"
  "  content = 'incidents', content_rowid = 'id', prefix = '1 2 3',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER incidents_text_insert AFTER INSERT ON incidents BEGIN"
  "  INSERT INTO incident_text (rowid, description, impact, location, people, witnesses,"
  "                             reference, repair_priority)"
  "  VALUES (new.id, new.description, new.impact, new.location, new.people, new.witnesses,"
  "          new.reference, new.repair_priority);"
  "END;"
  "CREATE TRIGGER incidents_text_delete AFTER DELETE ON incidents BEGIN"
  "  INSERT INTO incident_text (incident_text, rowid, description, impact, location, people,"
  "                             witnesses, reference, repair_priority)"
  "  VALUES ('delete', old.id, old.description, old.impact, old.location, old.people,"
  "          old.witnesses, old.reference, old.repair_priority);"
  "END;"
  "CREATE TRIGGER incidents_text_update AFTER UPDATE OF description, impact, location, people,"
  "  witnesses, reference, repair_priority ON incidents BEGIN"
  "  INSERT INTO incident_text (incident_text, rowid, description, impact, location, people,"
  "                             witnesses, reference, repair_priority)"
  "  VALUES ('delete', old.id, old.description, old.impact, old.location, old.people,"
  "          old.witnesses, old.reference, old.repair_priority);"
  "  INSERT INTO incident_text (rowid, description, impact, location, people, witnesses,"
  "                             reference, repair_priority)"
  "  VALUES (new.id, new.description, new.impact, new.location, new.people, new.witnesses,"
  "          new.reference, new.repair_priority);"
  "END;"
  "INSERT INTO incident_text (incident_text) VALUES ('rebuild');"
  "CREATE VIRTUAL TABLE contact_text USING fts5("
  "  summary, promise, person,"
  "  content = 'contacts', content_rowid = 'id', prefix = '1 2 3',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER contacts_text_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contact_text (rowid, summary, promise, person)"
  "  VALUES (new.id, new.summary, new.promise, new.person);"
  "END;"
  "CREATE TRIGGER contacts_text_delete AFTER DELETE ON contacts BEGIN"
  "  INSERT INTO contact_text (contact_text, rowid, summary, promise, person)"
  "  VALUES ('delete', old.id, old.summary, old.promise, old.person);"
  "END;"
  "CREATE TRIGGER contacts_text_update AFTER UPDATE OF summary, promise, person ON contacts BEGIN"
  "  INSERT INTO contact_text (contact_text, rowid, summary, promise, person)"
  "  VALUES ('delete', old.id, old.summary, old.promise, old.person);"
  "  INSERT INTO contact_text (rowid, summary, promise, person)"
  "  VALUES (new.id, new.summary, new.promise, new.person);"
  "END;"
  "INSERT INTO contact_text (contact_text) VALUES ('rebuild');",

  /* 13: the language a case's letters and bundle are written in; every
   * case before it was written in English */
  "ALTER TABLE cases ADD COLUMN document_language TEXT NOT NULL DEFAULT 'en';",

  /* 14: each piece of evidence has an exhibit number of its own within its
   * case, shown in the evidence list and used by every bundle: numbers
   * count up per case and are never given again, even after a deletion, so
   * "Exhibit 7" in a bundle sent last month still means the same file.
   * The triggers number every insert, whichever code makes it; a restored
   * archive that carries its numbers keeps them. Existing evidence is
   * numbered in the order it was added. */
  "ALTER TABLE cases ADD COLUMN next_exhibit_no INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE evidence ADD COLUMN exhibit_no INTEGER;"
  "UPDATE evidence SET exhibit_no ="
  "  (SELECT count(*) FROM evidence o WHERE o.case_id = evidence.case_id AND o.id <= evidence.id);"
  "UPDATE cases SET next_exhibit_no ="
  "  1 + coalesce((SELECT max(exhibit_no) FROM evidence e WHERE e.case_id = cases.id), 0);"
  "CREATE UNIQUE INDEX evidence_by_exhibit_no ON evidence(case_id, exhibit_no);"
  "CREATE TRIGGER evidence_exhibit_no_new AFTER INSERT ON evidence"
  "  WHEN new.exhibit_no IS NULL BEGIN"
  "  UPDATE evidence SET exhibit_no ="
  "    (SELECT next_exhibit_no FROM cases WHERE id = new.case_id) WHERE id = new.id;"
  "  UPDATE cases SET next_exhibit_no = next_exhibit_no + 1 WHERE id = new.case_id;"
  "END;"
  "CREATE TRIGGER evidence_exhibit_no_kept AFTER INSERT ON evidence"
  "  WHEN new.exhibit_no IS NOT NULL BEGIN"
  "  UPDATE cases SET next_exhibit_no = max(next_exhibit_no, new.exhibit_no + 1)"
  "  WHERE id = new.case_id;"
  "END;",

  /* 15: how the case's bundle is laid out (its lettered sections and what
   * each holds, as JSON: see rd-bundle-layout.c), so that the next export
   * is laid out as the last; NULL: the default sections. */
  "ALTER TABLE cases ADD COLUMN bundle_layout TEXT;",

  /* 16: text recognised (OCR) in scanned PDF pages and photographed
   * letters, one row per page, so that a stopped recognition resumes at
   * the next page. A page with its own text layer gets a row too ("layer"),
   * so it is not read twice. The words keep their boxes ("left top right
   * bottom confidence word" a line, in the page's own units: PDF points, or
   * the picture's pixels) for the bundle's text layer and for redaction.
   * The search index gains a column holding every recognised page's text,
   * always rebuilt from these rows, so recognising a page twice, or a case
   * handed over without them, never doubles the text. Written so that it
   * can meet its own tables (a file rolled back by hand) and still end the
   * same. */
  "CREATE TABLE IF NOT EXISTS evidence_ocr ("
  "  evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,"
  "  page INTEGER NOT NULL,"
  "  state TEXT NOT NULL CHECK (state IN ('layer', 'ocr', 'failed')),"
  "  languages TEXT NOT NULL DEFAULT '',"
  "  width REAL NOT NULL DEFAULT 0,"
  "  height REAL NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL DEFAULT '',"
  "  words TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (evidence_id, page)"
  ");"
  "DROP TRIGGER IF EXISTS evidence_drop_text;"
  "DROP TABLE IF EXISTS evidence_text_ocr;"
  "CREATE VIRTUAL TABLE evidence_text_ocr USING fts5("
  "  name, description, body, ocr, tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO evidence_text_ocr (rowid, name, description, body, ocr)"
  "  SELECT t.rowid, t.name, t.description, t.body,"
  "    coalesce ((SELECT group_concat (text, char (10)) FROM"
  "      (SELECT text FROM evidence_ocr WHERE evidence_id = t.rowid AND state = 'ocr'"
  "       ORDER BY page)), '')"
  "  FROM evidence_text t;"
  "DROP TABLE evidence_text;"
  "ALTER TABLE evidence_text_ocr RENAME TO evidence_text;"
  "CREATE TRIGGER evidence_drop_text AFTER DELETE ON evidence BEGIN"
  "  DELETE FROM evidence_text WHERE rowid = old.id;"
  "END;",

  /* 17: the country whose law the home is under; every case made before
   * Redress asked was taken to be in England. */
  "ALTER TABLE cases ADD COLUMN country TEXT NOT NULL DEFAULT 'england';",

  /* 18: ASB Case Review: when an entry was reported to the police and the
   * council, and whether it was a hate incident (rd_asb_report_to_key());
   * and the local threshold a case's council uses, the usual one (three
   * reports, a hate incident no different) for every case made before. */
  "ALTER TABLE incidents ADD COLUMN asb_report TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE incident_revisions ADD COLUMN asb_report TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE cases ADD COLUMN asb_review_reports INTEGER NOT NULL DEFAULT 3;"
  "ALTER TABLE cases ADD COLUMN asb_review_hate INTEGER NOT NULL DEFAULT 0;",

  /* 19: the day the resident became aware of the problem, from which a
   * time limit for making a complaint runs; NULL: the first diary entry. */
  "ALTER TABLE cases ADD COLUMN aware_on TEXT;",

  /* 20: heating, hot water or power lost, from and until which days, on a
   * diary entry of disrepair (one text, rd_service_loss_to_key(), as the
   * landlord's steps); entries and revisions before it record none. */
  "ALTER TABLE incidents ADD COLUMN service_loss TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE incident_revisions ADD COLUMN service_loss TEXT NOT NULL DEFAULT '';",

  /* 21: what a complaint is about (rd_complaint_subject_to_key()), which
   * decides the body that takes it after the landlord; complaints made
   * before it have not said. */
  "ALTER TABLE complaints ADD COLUMN subject TEXT NOT NULL DEFAULT 'not-said';",

  /* 22: the case's entries in the order they were first written, for the
   * category a new entry starts with (rd_store_get_last_category()). The
   * row id ends every index, so this serves "created_at DESC, id DESC"
   * without sorting the whole diary: at 100,000 entries that sort cost
   * the diary page's first open tens of milliseconds. */
  "CREATE INDEX IF NOT EXISTS incidents_by_case_written ON incidents(case_id, created_at);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (_rd_store_migrations) == RD_STORE_SCHEMA_VERSION);
