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

/* Saves a document's records as they are read, in one write, giving each
 * the store's ids for the document's. */
typedef struct {
  RdStore    *store;
  SaveSteps  *steps;
  gint64      case_id;
  GHashTable *party_ids;     /* document id (gint64 *) → the store's */
  GHashTable *contact_ids;
  GHashTable *incident_ids;
  RdJsonWritten *written;    /* (nullable): the store's ids, in document order */
  guint       n_complaints;
} Saver;

static void
note_saved (Saver             *saver,
            RdStoreRecordKind  kind,
            gint64             id)
{
  if (saver->written != NULL)
    g_array_append_val (saver->written->ids[kind], id);
}

static void
saver_init (Saver     *saver,
            RdStore   *store,
            SaveSteps *steps)
{
  saver->store = store;
  saver->steps = steps;
  saver->case_id = 0;
  saver->party_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  saver->contact_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  saver->incident_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  saver->written = NULL;
  saver->n_complaints = 0;
}

static void
saver_clear (Saver *saver)
{
  g_clear_pointer (&saver->party_ids, g_hash_table_unref);
  g_clear_pointer (&saver->contact_ids, g_hash_table_unref);
  g_clear_pointer (&saver->incident_ids, g_hash_table_unref);
}

static gboolean
saver_begin (gpointer   data,
             RdCase    *rcase,
             GError   **error)
{
  Saver *saver = data;

  if (!rd_store_save_case (saver->store, rcase, error))
    return FALSE;
  saver->case_id = rd_case_get_id (rcase);
  note_saved (saver, RD_STORE_RECORD_CASE, saver->case_id);
  return TRUE;
}

static void
remember (GHashTable *table,
          gint64      doc_id,
          gint64      new_id)
{
  g_hash_table_insert (table, g_memdup2 (&doc_id, sizeof doc_id), g_memdup2 (&new_id, sizeof new_id));
}

static gboolean
save_complaints (Saver        *saver,
                 RdCaseFacts  *records,
                 GError      **error)
{
  GPtrArray *items = rd_case_facts_get_complaints (records);

  for (guint i = 0; i < items->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (items, i);
      GPtrArray *events = rd_case_facts_get_events (records, complaint);
      g_autoptr(GArray) about = g_array_new (FALSE, FALSE, sizeof (gint64));
      const gint64 *doc_ids;
      guint n_ids;

      doc_ids = rd_complaint_get_incident_ids (complaint, &n_ids);
      for (guint n = 0; n < n_ids; n++)
        g_array_append_val (about, *(gint64 *) g_hash_table_lookup (saver->incident_ids, &doc_ids[n]));
      rd_complaint_set_incident_ids (complaint, (const gint64 *) about->data, about->len);
      rd_complaint_set_case_id (complaint, saver->case_id);
      if (!rd_store_save_complaint (saver->store, complaint, error) ||
          !step_done (saver->steps, error))
        return FALSE;
      note_saved (saver, RD_STORE_RECORD_COMPLAINT, rd_complaint_get_id (complaint));
      saver->n_complaints++;
      for (guint e = 0; e < events->len; e++)
        {
          RdComplaintEvent *event = g_ptr_array_index (events, e);
          gint64 contact = rd_complaint_event_get_contact_id (event);
          gint64 *new_contact = contact ? g_hash_table_lookup (saver->contact_ids, &contact) : NULL;

          rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
          rd_complaint_event_set_contact_id (event, new_contact ? *new_contact : 0);
          if (!rd_store_save_complaint_event (saver->store, event, error) ||
              !step_done (saver->steps, error))
            return FALSE;
          note_saved (saver, RD_STORE_RECORD_EVENT, rd_complaint_event_get_id (event));
          if (saver->written != NULL)
            g_array_append_val (saver->written->event_complaint, saver->n_complaints);
        }
    }
  return TRUE;
}

/* Saves the records in @records, in the order they may refer to each other. */
static gboolean
saver_take (gpointer      data,
            RdCaseFacts  *records,
            GError      **error)
{
  Saver *saver = data;
  GPtrArray *items;

  items = rd_case_facts_get_parties (records);
  for (guint i = 0; i < items->len; i++)
    {
      RdParty *party = g_ptr_array_index (items, i);
      gint64 doc_id = rd_party_get_id (party);

      rd_party_set_id (party, 0);
      rd_party_set_case_id (party, saver->case_id);
      if (!rd_store_save_party (saver->store, party, error) ||
          !step_done (saver->steps, error))
        return FALSE;
      remember (saver->party_ids, doc_id, rd_party_get_id (party));
      note_saved (saver, RD_STORE_RECORD_PARTY, rd_party_get_id (party));
    }

  items = rd_case_facts_get_incidents (records);
  for (guint i = 0; i < items->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (items, i);
      gint64 doc_id = rd_incident_get_id (incident);

      rd_incident_set_id (incident, 0);
      rd_incident_set_case_id (incident, saver->case_id);
      if (!rd_store_save_incident (saver->store, incident, NULL, error) ||
          !step_done (saver->steps, error))
        return FALSE;
      remember (saver->incident_ids, doc_id, rd_incident_get_id (incident));
      note_saved (saver, RD_STORE_RECORD_INCIDENT, rd_incident_get_id (incident));
    }

  items = rd_case_facts_get_contacts (records);
  for (guint i = 0; i < items->len; i++)
    {
      RdContact *contact = g_ptr_array_index (items, i);
      gint64 doc_id = rd_contact_get_id (contact);
      gint64 party = rd_contact_get_party_id (contact);
      gint64 *new_party = party ? g_hash_table_lookup (saver->party_ids, &party) : NULL;

      rd_contact_set_id (contact, 0);
      rd_contact_set_case_id (contact, saver->case_id);
      rd_contact_set_party_id (contact, new_party ? *new_party : 0);
      if (!rd_store_save_contact (saver->store, contact, error) ||
          !step_done (saver->steps, error))
        return FALSE;
      remember (saver->contact_ids, doc_id, rd_contact_get_id (contact));
      note_saved (saver, RD_STORE_RECORD_CONTACT, rd_contact_get_id (contact));
    }

  return save_complaints (saver, records, error);
}

/* The case and every record of @facts, in one write. */
static gint64
save_facts (Saver        *saver,
            RdCaseFacts  *facts,
            GError      **error)
{
  if (!rd_store_begin (saver->store, error))
    return 0;
  if (!saver_begin (saver, rd_case_facts_get_case (facts), error) ||
      !saver_take (saver, facts, error))
    {
      rd_store_rollback (saver->store);
      return 0;
    }
  if (!rd_store_commit (saver->store, error))
    return 0;
  return saver->case_id;
}

static gint64 import_document (RdStore       *store,
                               const char    *data,
                               gssize         length,
                               gboolean       mapped,
                               RdProgress    *progress,
                               GCancellable  *cancellable,
                               GError       **error);

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
 * Creates a new case from @document in one write, with the landlord's
 * policy profile it carries (an identical profile already in the store is
 * reused): an invalid document, a cancel, or a failure while writing,
 * leaves the store as it was. The error names the line and the field that
 * is wrong. Each record is saved as soon as it is read and checked (inside
 * that one write), so that memory follows the largest entry, not the
 * document.
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
  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (progress == NULL || RD_IS_PROGRESS (progress), 0);

  return import_document (store, data, length, FALSE, progress, cancellable, error);
}

/**
 * rd_case_json_import_mapped:
 * @document: a case JSON file, mapped read-only
 *
 * rd_case_json_import_full() for a mapped file: the pages already read are
 * given back as the reading goes, so that a large file is never resident
 * whole.
 *
 * Returns: the new case's id, or 0 with @error set
 */
gint64
rd_case_json_import_mapped (RdStore       *store,
                            GMappedFile   *document,
                            RdProgress    *progress,
                            GCancellable  *cancellable,
                            GError       **error)
{
  const char *data;

  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (document != NULL, 0);
  g_return_val_if_fail (progress == NULL || RD_IS_PROGRESS (progress), 0);

  data = g_mapped_file_get_contents (document);
  if (data == NULL || g_mapped_file_get_length (document) == 0)
    return import_document (store, "", 0, FALSE, progress, cancellable, error);
  return import_document (store, data, (gssize) g_mapped_file_get_length (document), TRUE,
                          progress, cancellable, error);
}

/* The whole document read first, then saved: for documents not of the
 * usual shape (see rd-case-json-split.c). */
static gint64
import_whole (RdJsonCtx     *ctx,
              Saver         *saver,
              const char    *data,
              gsize          length,
              RdPolicy     **policy,
              RdProgress    *progress,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(RdCaseFacts) facts = NULL;
  GPtrArray *complaints;

  facts = _rd_case_json_parse_tree (ctx, data, length, policy);
  if (facts == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;
  complaints = rd_case_facts_get_complaints (facts);
  saver->steps->total = rd_case_facts_get_parties (facts)->len + rd_case_facts_get_incidents (facts)->len +
                        rd_case_facts_get_contacts (facts)->len + complaints->len;
  for (guint i = 0; i < complaints->len; i++)
    saver->steps->total += rd_case_facts_get_events (facts, g_ptr_array_index (complaints, i))->len;
  if (progress != NULL)
    rd_progress_set (progress, PARSED_FRACTION, UI_("Saving the case…"));
  return save_facts (saver, facts, error);
}

static gint64
import_document (RdStore       *store,
                 const char    *data,
                 gssize         length,
                 gboolean       mapped,
                 RdProgress    *progress,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(RdPolicy) policy = NULL;
  SaveSteps steps = { cancellable, progress, 0, 0 };
  RdJsonCtx ctx = { 0 };
  Saver saver;
  RdJsonSink sink = { saver_begin, saver_take, &saver };
  RdJsonSplitResult result;
  gint64 case_id = 0;

  if (progress != NULL)
    rd_progress_set (progress, 0, UI_("Reading the case…"));
  now = rd_clock_dup_now (rd_store_get_clock (store));
  ctx.error = error;
  ctx.release = mapped;
  saver_init (&saver, store, NULL);
  if (!_rd_json_ctx_begin (&ctx, data, &length, now, &today) ||
      !rd_store_begin (store, error))
    goto out;
  result = _rd_json_read_split (&ctx, data, length, &sink, NULL, &policy,
                                progress != NULL ? rd_progress_report : NULL, progress, cancellable);
  if (result == RD_JSON_SPLIT_UNSUITED)
    {
      /* What was saved before the reading stopped goes: read it whole. */
      rd_store_rollback (store);
      saver_clear (&saver);
      saver_init (&saver, store, &steps);
      if (!rd_store_begin (store, error))
        goto out;
      result = import_whole (&ctx, &saver, data, length, &policy, progress, cancellable, error) != 0
               ? RD_JSON_SPLIT_DONE : RD_JSON_SPLIT_FAILED;
    }
  if (result != RD_JSON_SPLIT_DONE ||
      (policy != NULL && !rd_store_adopt_case_policy (store, saver.case_id, policy, error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      rd_store_rollback (store);
      goto out;
    }
  if (rd_store_commit (store, error))
    case_id = saver.case_id;

out:
  _rd_json_ctx_clear (&ctx);
  saver_clear (&saver);
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
  Saver saver;
  gint64 case_id;

  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), 0);

  saver_init (&saver, store, NULL);
  case_id = save_facts (&saver, facts, error);
  if (case_id != 0 && incident_ids_out != NULL)
    *incident_ids_out = g_steal_pointer (&saver.incident_ids);
  if (case_id != 0 && contact_ids_out != NULL)
    *contact_ids_out = g_steal_pointer (&saver.contact_ids);
  saver_clear (&saver);
  return case_id;
}

static void
written_reset (RdJsonWritten *written)
{
  for (guint k = 0; k < RD_STORE_RECORD_N_KINDS; k++)
    g_array_set_size (written->ids[k], 0);
  g_array_set_size (written->event_complaint, 0);
}

/* Without a store: the document's own ids stand for the store's. */
static void
note_facts (RdCaseFacts    *facts,
            RdJsonWritten  *written,
            GHashTable     *incident_ids,
            GHashTable     *contact_ids)
{
  GPtrArray *items;
  gint64 id = 1;

  g_array_append_val (written->ids[RD_STORE_RECORD_CASE], id);
  items = rd_case_facts_get_parties (facts);
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (written->ids[RD_STORE_RECORD_PARTY], (gint64){ rd_party_get_id (g_ptr_array_index (items, i)) });
  items = rd_case_facts_get_incidents (facts);
  for (guint i = 0; i < items->len; i++)
    {
      id = rd_incident_get_id (g_ptr_array_index (items, i));
      g_array_append_val (written->ids[RD_STORE_RECORD_INCIDENT], id);
      remember (incident_ids, id, id);
    }
  items = rd_case_facts_get_contacts (facts);
  for (guint i = 0; i < items->len; i++)
    {
      id = rd_contact_get_id (g_ptr_array_index (items, i));
      g_array_append_val (written->ids[RD_STORE_RECORD_CONTACT], id);
      remember (contact_ids, id, id);
    }
  items = rd_case_facts_get_complaints (facts);
  for (guint c = 0; c < items->len; c++)
    {
      GPtrArray *events = rd_case_facts_get_events (facts, g_ptr_array_index (items, c));

      g_array_append_val (written->ids[RD_STORE_RECORD_COMPLAINT], (gint64){ c + 1 });
      for (guint e = 0; e < events->len; e++)
        {
          g_array_append_val (written->ids[RD_STORE_RECORD_EVENT], (gint64){ e + 1 });
          g_array_append_val (written->event_complaint, (guint){ c + 1 });
        }
    }
}

/**
 * _rd_case_json_read_part:
 * @store: (nullable): where the records go, inside the caller's write;
 *   %NULL to read and check them only
 * @data: a case document, perhaps a part of a larger file
 * @mapped: @data is within a read-only mapping of a file, whose pages are
 *   given back once read
 * @written: begun with _rd_json_written_init(); gets the store's ids of
 *   the records in document order (without @store, the document's)
 * @incident_ids: (out) (transfer full): the document's diary entry ids
 *   (gint64 *) → the store's (without @store, the document's)
 * @contact_ids: (out) (transfer full): the same for contacts
 * @report: (nullable): told how far the reading has got
 * @cancellable: (nullable): checked after each record; a cancel undoes
 *   what was written
 *
 * Reads a case document a record at a time, as rd_case_json_import() does,
 * for the archive, whose document holds one. Its policy, if any, is not
 * read.
 *
 * Returns: the new case's id (1 without @store), or 0 with @error set
 */
gint64
_rd_case_json_read_part (RdStore        *store,
                         const char     *data,
                         gsize           length,
                         gboolean        mapped,
                         GDateTime      *now,
                         RdJsonWritten  *written,
                         GHashTable    **incident_ids,
                         GHashTable    **contact_ids,
                         RdJsonReportFunc report,
                         gpointer        report_data,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GDate) today = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  SaveSteps steps = { cancellable, NULL, 0, 0 };
  RdJsonCtx ctx = { 0 };
  Saver saver;
  RdJsonSink sink = { saver_begin, saver_take, &saver };
  RdJsonSplitResult result = RD_JSON_SPLIT_FAILED;
  gssize len = length;
  gint64 case_id = 0;

  ctx.error = error;
  ctx.release = mapped;
  saver_init (&saver, store, NULL);
  saver.written = written;
  if (!_rd_json_ctx_begin (&ctx, data, &len, now, &today))
    goto out;
  if (store == NULL)
    {
      result = _rd_json_read_split (&ctx, data, len, NULL, &facts, NULL, NULL, NULL, cancellable);
      if (result == RD_JSON_SPLIT_UNSUITED)
        facts = _rd_case_json_parse_tree (&ctx, data, len, NULL);
      if (facts != NULL)
        {
          note_facts (facts, written, saver.incident_ids, saver.contact_ids);
          case_id = 1;
        }
      goto out;
    }

  if (!rd_store_begin (store, error))
    goto out;
  result = _rd_json_read_split (&ctx, data, len, &sink, NULL, NULL, report, report_data, cancellable);
  if (result == RD_JSON_SPLIT_UNSUITED)
    {
      /* What was saved before the reading stopped goes: read it whole. */
      rd_store_rollback (store);
      saver_clear (&saver);
      saver_init (&saver, store, &steps);
      saver.written = written;
      written_reset (written);
      if (!rd_store_begin (store, error))
        goto out;
      result = import_whole (&ctx, &saver, data, len, NULL, NULL, cancellable, error) != 0
               ? RD_JSON_SPLIT_DONE : RD_JSON_SPLIT_FAILED;
    }
  if (result != RD_JSON_SPLIT_DONE)
    rd_store_rollback (store);
  else if (rd_store_commit (store, error))
    case_id = saver.case_id;

out:
  if (case_id != 0)
    {
      *incident_ids = g_steal_pointer (&saver.incident_ids);
      *contact_ids = g_steal_pointer (&saver.contact_ids);
    }
  _rd_json_ctx_clear (&ctx);
  saver_clear (&saver);
  return case_id;
}
