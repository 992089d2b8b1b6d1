/* rd-case-json.c: importing a whole case from one JSON document (rd-case-json-write.c writes it).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-json-private.h"
#include "rd-datetime.h"
#include "rd-store-case-facts.h"
#include "rd-store-complaints.h"
#include "rd-store-policies.h"

G_DEFINE_QUARK (rd-case-json-error-quark, rd_case_json_error)

typedef struct {
  GCancellable *cancellable;
  RdProgress   *progress;
  guint         done;
  guint         total;
} SaveSteps;

/* Reading the document comes before the first record is saved. */
#define PARSED_FRACTION 0.2

/* A record was saved: says how far the write has got, and whether to go
 * on. Stopping in the middle is safe: the whole write rolls back. */
static gboolean
step_done (SaveSteps  *steps,
           GError    **error)
{
  if (steps == NULL)
    return TRUE;
  steps->done++;
  if (steps->progress != NULL && (steps->done % 64 == 0 || steps->done == steps->total))
    rd_progress_set (steps->progress,
                     PARSED_FRACTION + (1 - PARSED_FRACTION) * steps->done / MAX (steps->total, 1),
                     NULL);
  return !g_cancellable_set_error_if_cancelled (steps->cancellable, error);
}

static gint64 save_facts (RdStore      *store,
                          RdCaseFacts  *facts,
                          GHashTable  **incident_ids_out,
                          GHashTable  **contact_ids_out,
                          SaveSteps    *steps,
                          GError      **error);

/**
 * rd_case_json_import:
 *
 * rd_case_json_import_full() without progress or cancel.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_json_import (RdStore     *store,
                     const char  *data,
                     gssize       length,
                     GError     **error)
{
  return rd_case_json_import_full (store, data, length, NULL, NULL, error);
}

/**
 * rd_case_json_import_full:
 * @progress: (nullable): how far the import has got
 * @cancellable: (nullable): stops the import, leaving the store as it was
 *
 * Checks the whole document first, then creates a new case from it in one
 * write, with the landlord's policy profile it carries (an identical
 * profile already in the store is reused): an invalid document, a cancel,
 * or a failure while writing, leaves the store as it was. The error names
 * the line and the field that is wrong.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_json_import_full (RdStore       *store,
                          const char    *data,
                          gssize         length,
                          RdProgress    *progress,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdPolicy) policy = NULL;
  SaveSteps steps = { cancellable, progress, 0, 0 };
  GPtrArray *complaints;
  gint64 case_id;

  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (progress == NULL || RD_IS_PROGRESS (progress), 0);

  if (progress != NULL)
    rd_progress_set (progress, 0, UI_("Reading the case…"));
  now = rd_clock_dup_now (rd_store_get_clock (store));
  facts = _rd_case_json_parse_full (data, length, now, &policy, error);
  if (facts == NULL)
    return 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;

  complaints = rd_case_facts_get_complaints (facts);
  steps.total = rd_case_facts_get_parties (facts)->len + rd_case_facts_get_incidents (facts)->len +
                rd_case_facts_get_contacts (facts)->len + complaints->len;
  for (guint i = 0; i < complaints->len; i++)
    steps.total += rd_case_facts_get_events (facts, g_ptr_array_index (complaints, i))->len;
  if (progress != NULL)
    rd_progress_set (progress, PARSED_FRACTION, UI_("Saving the case…"));

  if (!rd_store_begin (store, error))
    return 0;
  case_id = save_facts (store, facts, NULL, NULL, &steps, error);
  if (case_id == 0 ||
      (policy != NULL && !rd_store_adopt_case_policy (store, case_id, policy, error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      rd_store_rollback (store);
      return 0;
    }
  if (!rd_store_commit (store, error))
    return 0;
  return case_id;
}

/**
 * rd_case_json_import_facts:
 * @facts: a document read by rd_case_json_parse(); its records get the
 *   store's ids as they are saved
 * @incident_ids: (out) (optional) (transfer full): the document's diary
 *   entry ids (gint64 *) → the store's
 * @contact_ids: (out) (optional) (transfer full): the same for contacts
 *
 * The write half of rd_case_json_import(), for importers that carry more
 * than the document (the case archive links evidence to entries and
 * contacts by their document ids). Inside an outer write it becomes part
 * of it.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_json_import_facts (RdStore      *store,
                           RdCaseFacts  *facts,
                           GHashTable  **incident_ids_out,
                           GHashTable  **contact_ids_out,
                           GError      **error)
{
  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), 0);

  return save_facts (store, facts, incident_ids_out, contact_ids_out, NULL, error);
}

static gint64
save_facts (RdStore      *store,
            RdCaseFacts  *facts,
            GHashTable  **incident_ids_out,
            GHashTable  **contact_ids_out,
            SaveSteps    *steps,
            GError      **error)
{
  g_autoptr(GHashTable) party_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) contact_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) incident_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  RdCase *rcase;
  GPtrArray *items;
  gint64 case_id;

  if (!rd_store_begin (store, error))
    return 0;

  rcase = rd_case_facts_get_case (facts);
  if (!rd_store_save_case (store, rcase, error))
    goto fail;
  case_id = rd_case_get_id (rcase);

#define REMEMBER(table, old_id, new_id)                                   \
  g_hash_table_insert (table, g_memdup2 (&(gint64){ old_id }, sizeof (gint64)), \
                       g_memdup2 (&(gint64){ new_id }, sizeof (gint64)))

  items = rd_case_facts_get_parties (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdParty *party = g_ptr_array_index (items, i);
      gint64 doc_id = rd_party_get_id (party);

      rd_party_set_id (party, 0);
      rd_party_set_case_id (party, case_id);
      if (!rd_store_save_party (store, party, error) ||
          !step_done (steps, error))
        goto fail;
      REMEMBER (party_ids, doc_id, rd_party_get_id (party));
    }

  items = rd_case_facts_get_incidents (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (items, i);
      gint64 doc_id = rd_incident_get_id (incident);

      rd_incident_set_id (incident, 0);
      rd_incident_set_case_id (incident, case_id);
      if (!rd_store_save_incident (store, incident, NULL, error) ||
          !step_done (steps, error))
        goto fail;
      REMEMBER (incident_ids, doc_id, rd_incident_get_id (incident));
    }

  items = rd_case_facts_get_contacts (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdContact *contact = g_ptr_array_index (items, i);
      gint64 doc_id = rd_contact_get_id (contact);
      gint64 party = rd_contact_get_party_id (contact);
      gint64 *new_party = party ? g_hash_table_lookup (party_ids, &party) : NULL;

      rd_contact_set_id (contact, 0);
      rd_contact_set_case_id (contact, case_id);
      rd_contact_set_party_id (contact, new_party ? *new_party : 0);
      if (!rd_store_save_contact (store, contact, error) ||
          !step_done (steps, error))
        goto fail;
      REMEMBER (contact_ids, doc_id, rd_contact_get_id (contact));
    }

  items = rd_case_facts_get_complaints (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (items, i);
      GPtrArray *events = rd_case_facts_get_events (facts, complaint);
      g_autoptr(GArray) about = g_array_new (FALSE, FALSE, sizeof (gint64));
      const gint64 *doc_ids;
      guint n_ids;

      doc_ids = rd_complaint_get_incident_ids (complaint, &n_ids);
      for (guint n = 0; n < n_ids; n++)
        g_array_append_val (about, *(gint64 *) g_hash_table_lookup (incident_ids, &doc_ids[n]));
      rd_complaint_set_incident_ids (complaint, (const gint64 *) about->data, about->len);
      rd_complaint_set_case_id (complaint, case_id);
      if (!rd_store_save_complaint (store, complaint, error) ||
          !step_done (steps, error))
        goto fail;
      for (guint e = 0; e < events->len; e++)
        {
          RdComplaintEvent *event = g_ptr_array_index (events, e);
          gint64 contact = rd_complaint_event_get_contact_id (event);
          gint64 *new_contact = contact ? g_hash_table_lookup (contact_ids, &contact) : NULL;

          rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
          rd_complaint_event_set_contact_id (event, new_contact ? *new_contact : 0);
          if (!rd_store_save_complaint_event (store, event, error) ||
              !step_done (steps, error))
            goto fail;
        }
    }
#undef REMEMBER

  if (!rd_store_commit (store, error))
    return 0;
  if (incident_ids_out != NULL)
    *incident_ids_out = g_steal_pointer (&incident_ids);
  if (contact_ids_out != NULL)
    *contact_ids_out = g_steal_pointer (&contact_ids);
  return case_id;

fail:
  rd_store_rollback (store);
  return 0;
}
