/* rd-evidence-batch-commit.c: the second half of an import: one short
 * transaction that moves the staged copies into the store and records
 * them (and, for an email, its contact entry).
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-evidence-batch-private.h"
#include "rd-party.h"
#include "rd-staging.h"
#include "rd-store-complaints.h"

/* How much of an email's body goes into the contact log's summary; the
 * whole message stays in the evidence. */
#define SUMMARY_BODY_CHARS 1500

/* Whether @needle occurs in @haystack (both case-folded) as whole words. */
static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  gsize len = strlen (needle);

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    {
      gboolean starts = at == haystack ||
                        !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (haystack, at)));
      gboolean ends = at[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (at + len));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/*
 * The person of the case named in @who, an email's "Name <address>": the
 * party whose full name is there, the longest such name if several are.
 * Names shorter than four letters are too likely to match by chance.
 */
static gint64
find_party (RdStore    *store,
            gint64      case_id,
            const char *who)
{
  g_autoptr(GListModel) parties = rd_store_list_parties (store, case_id, NULL);
  g_autofree char *who_folded = g_utf8_casefold (who ? who : "", -1);
  gint64 found = 0;
  glong found_len = 0;

  for (guint i = 0, n = parties ? g_list_model_get_n_items (parties) : 0; i < n; i++)
    {
      g_autoptr(RdParty) party = g_list_model_get_item (parties, i);
      g_autofree char *name = g_utf8_casefold (rd_party_get_name (party), -1);
      glong len;

      g_strstrip (name);
      len = g_utf8_strlen (name, -1);
      if (len >= 4 && len > found_len && contains_words (who_folded, name))
        {
          found = rd_party_get_id (party);
          found_len = len;
        }
    }
  return found;
}

/*
 * An imported email is also an exchange with someone: it goes into the
 * contact log, linked to the message. Emails from the resident (by name)
 * are contacts "to" the other side. A contact that cannot be made (an
 * email with no date, or one dated in the future) does not stop the
 * import: the evidence matters more.
 */
static gboolean
make_contact (RdEvidenceBatch  *batch,
              Item             *item,
              gint64            evidence_id,
              GError          **error)
{
  RdEvidenceInfo *info = &item->info;
  g_autoptr(RdContact) contact = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GDateTime) now = rd_clock_dup_now (rd_store_get_clock (batch->store));
  g_autoptr(GError) local_error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *from_folded = NULL;
  g_autofree char *resident_folded = NULL;
  gboolean from_resident = FALSE;

  if (info->captured_at == NULL || info->date_source != RD_EVIDENCE_DATE_EMAIL)
    return TRUE;

  rcase = rd_store_get_case (batch->store, batch->case_id, error);
  if (rcase == NULL)
    return FALSE;
  from_folded = g_utf8_casefold (info->author, -1);
  resident_folded = g_utf8_casefold (rd_case_get_resident_name (rcase), -1);
  g_strstrip (resident_folded);
  from_resident = *resident_folded != '\0' && strstr (from_folded, resident_folded) != NULL;

  body = g_strstrip (g_strdup (info->email_body ? info->email_body : ""));
  if (g_utf8_strlen (body, -1) > SUMMARY_BODY_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (body, SUMMARY_BODY_CHARS);
      *end = '\0';
      summary = g_strdup_printf ("%s\n\n%s…", info->title, body);
    }
  else
    summary = g_strdup_printf ("%s\n\n%s", info->title, body);

  contact = rd_contact_new ();
  rd_contact_set_case_id (contact, batch->case_id);
  rd_contact_set_occurred_at (contact, info->captured_at);
  rd_contact_set_channel (contact, RD_CHANNEL_EMAIL);
  rd_contact_set_direction (contact, from_resident ? RD_CONTACT_TO : RD_CONTACT_FROM);
  rd_contact_set_person (contact, from_resident ? info->recipients : info->author);
  /* Someone the case already knows: the contact is theirs. */
  rd_contact_set_party_id (contact, find_party (batch->store, batch->case_id,
                                                from_resident ? info->recipients : info->author));
  rd_contact_set_summary (contact, g_strstrip (summary));
  if (!rd_contact_validate (contact, now, &local_error))
    {
      g_debug ("No contact entry for “%s”: %s", item->name, local_error->message);
      return TRUE;
    }
  if (!rd_store_save_contact (batch->store, contact, error))
    return FALSE;
  item->contact_id = rd_contact_get_id (contact);
  return rd_store_link_evidence (batch->store, evidence_id, RD_EVIDENCE_TARGET_CONTACT,
                                 item->contact_id, _("The email itself"), error);
}

/* @imported_at: 0 for the first new file of the commit, which the store
 * then dates; the others take its time, so one import has one time. */
static gboolean
insert_item (RdEvidenceBatch  *batch,
             Item             *item,
             gint64           *imported_at,
             GError          **error)
{
  RdStore *store = batch->store;
  RdEvidenceInfo *info = &item->info;
  g_autoptr(RdEvidence) evidence = rd_evidence_new ();
  gint64 parent_id = 0;
  gint64 id;

  if (item->parent >= 0)
    {
      Item *parent = g_ptr_array_index (batch->items, item->parent);
      parent_id = parent->evidence ? rd_evidence_get_id (parent->evidence) : 0;
    }

  rd_evidence_set_case_id (evidence, batch->case_id);
  rd_evidence_set_sha256 (evidence, item->sha256);
  rd_evidence_set_size (evidence, item->size);
  rd_evidence_set_content_type (evidence, info->content_type);
  rd_evidence_set_kind (evidence, info->kind);
  rd_evidence_set_original_name (evidence, item->name);
  rd_evidence_set_captured_at (evidence, info->captured_at);
  rd_evidence_set_date_source (evidence, info->date_source);
  rd_evidence_set_description (evidence, item->description);
  rd_evidence_set_page_count (evidence, info->page_count);
  rd_evidence_set_duration_ms (evidence, info->duration_ms);
  rd_evidence_set_orientation (evidence, info->orientation);
  rd_evidence_set_title (evidence, info->title);
  rd_evidence_set_author (evidence, info->author);
  rd_evidence_set_recipients (evidence, info->recipients);
  rd_evidence_set_problem (evidence, info->problem);
  rd_evidence_set_needs_password (evidence, info->needs_password);
  rd_evidence_set_parent_id (evidence, parent_id);
  rd_evidence_set_imported_at (evidence, *imported_at);
  if (!rd_store_add_evidence (store, evidence, info->text, error))
    return FALSE;
  id = rd_evidence_get_id (evidence);
  *imported_at = rd_evidence_get_imported_at (evidence);

  if (info->kind == RD_EVIDENCE_KIND_EMAIL && item->parent < 0 &&
      !make_contact (batch, item, id, error))
    return FALSE;

  item->evidence = rd_store_get_evidence (store, id, error);
  return item->evidence != NULL;
}

/**
 * rd_evidence_batch_commit:
 *
 * Adds everything staged to the case in one transaction, and moves the
 * copies into the store after it commits (rd-store-intents.c: a kill
 * before the commit adds nothing, a kill after it is finished by the next
 * open). Files the case already holds are not added twice
 * (rd_evidence_batch_item_is_new() tells). On failure nothing is added and
 * no file is left behind.
 */
gboolean
rd_evidence_batch_commit (RdEvidenceBatch  *batch,
                          GError          **error)
{
  RdStore *store;
  gint64 imported_at = 0;

  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (!batch->committed, FALSE);

  store = batch->store;
  if (batch->items->len == 0)
    {
      batch->committed = TRUE;
      return TRUE;
    }

  {
    g_autoptr(RdCase) rcase = rd_store_get_case (store, batch->case_id, error);
    if (rcase == NULL)
      return FALSE;
  }
  /* The staged copies, and their names, must be on the disk before any
   * row says they will be placed. */
  if (!_rd_evidence_batch_wait_synced (batch, error) ||
      !rd_sync_dir (batch->staging_dir, error))
    return FALSE;

  if (!rd_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < batch->items->len; i++)
    {
      Item *item = g_ptr_array_index (batch->items, i);
      gint64 existing = rd_store_find_evidence (store, batch->case_id, item->sha256, error);

      if (existing < 0)
        goto fail;
      /* Even a file the case has already is placed again: that is how
       * "import the file again" repairs a missing or damaged copy. */
      if (!rd_store_intend_place (store, item->sha256, item->temp_path, error))
        goto fail;
      if (existing > 0)
        {
          item->is_new = FALSE;
          item->evidence = rd_store_get_evidence (store, existing, error);
          if (item->evidence == NULL)
            goto fail;
          continue;
        }
      if (!insert_item (batch, item, &imported_at, error))
        goto fail;
      item->is_new = TRUE;
    }

  rd_kill_point ("add-evidence-before-commit");
  if (!rd_store_commit (store, error))
    {
      for (guint i = 0; i < batch->items->len; i++)
        {
          Item *item = g_ptr_array_index (batch->items, i);

          g_clear_object (&item->evidence);
          item->is_new = FALSE;
        }
      return FALSE;
    }

  batch->committed = TRUE;
  /* The staged copies now belong to the intents the commit carried out
   * (or the next open will). */
  for (guint i = 0; i < batch->items->len; i++)
    {
      Item *item = g_ptr_array_index (batch->items, i);

      g_clear_pointer (&item->temp_path, g_free);
    }
  rd_store_emit_changed (store, "evidence", batch->case_id);
  return TRUE;

fail:
  for (guint i = 0; i < batch->items->len; i++)
    {
      Item *item = g_ptr_array_index (batch->items, i);

      g_clear_object (&item->evidence);
      item->is_new = FALSE;
    }
  rd_store_rollback (store);
  return FALSE;
}

/**
 * rd_store_import_evidence:
 * @password: (nullable): for a password-protected PDF
 *
 * Imports one file into a case (an email with its attachments).
 *
 * Returns: (transfer full): the evidence (for an email, the message), new or
 *   the existing one when the case already held this file
 */
RdEvidence *
rd_store_import_evidence (RdStore       *self,
                          gint64         case_id,
                          GFile         *file,
                          const char    *password,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(RdEvidenceBatch) batch = NULL;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  batch = rd_evidence_batch_new (self, case_id);
  if (!rd_evidence_batch_add_file (batch, file, password, cancellable, error) ||
      !rd_evidence_batch_commit (batch, error))
    return NULL;
  return g_object_ref (rd_evidence_batch_get_item (batch, 0));
}
