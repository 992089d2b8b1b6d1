/* rd-store-evidence-check.c: the integrity check of a case's evidence files,
 * and the clean-up of files nothing refers to.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-store"

#include "config.h"

#include <errno.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>

#include "rd-store-evidence-private.h"

static char *
describe_problem (RdEvidenceIntegrity  state,
                  const char          *name)
{
  switch (state)
    {
    case RD_EVIDENCE_MISSING:
      return g_strdup_printf (_("“%s” is missing from the evidence folder. Restore the folder "
                                "from a backup, or import the file again."), name);
    case RD_EVIDENCE_ALTERED:
      return g_strdup_printf (_("“%s” has changed since it was imported, so it is no longer the "
                                "file you kept. Restore it from a backup, or import the original "
                                "again."), name);
    case RD_EVIDENCE_UNREADABLE:
      return g_strdup_printf (_("Redress could not read “%s” to check it. Check that the disk is "
                                "connected and that the file is yours."), name);
    case RD_EVIDENCE_INTACT:
    default:
      return g_strdup ("");
    }
}

/**
 * rd_store_verify_evidence:
 * @progress: (nullable): called after each file
 *
 * Re-reads every stored file of the case and compares it with the SHA-256
 * taken at import. The export runs this first.
 *
 * Returns: (transfer full) (element-type RdEvidenceProblem): one entry for
 *   each missing, altered or unreadable file (empty when all is well), or
 *   %NULL with @error set (cancelled, or the database could not be read)
 */
GPtrArray *
rd_store_verify_evidence (RdStore                *self,
                          gint64                  case_id,
                          GCancellable           *cancellable,
                          RdEvidenceProgressFunc  progress,
                          gpointer                user_data,
                          GError                **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) checked = NULL;
  guint n;

  g_return_val_if_fail (RD_IS_STORE (self), NULL);

  all = rd_store_list_evidence (self, case_id, error);
  if (all == NULL)
    return NULL;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_evidence_problem_free);
  checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdEvidence) evidence = g_list_model_get_item (all, i);
      const char *sha256 = rd_evidence_get_sha256 (evidence);
      g_autofree char *name = rd_evidence_dup_display_name (evidence);
      RdEvidenceIntegrity state;
      gpointer cached;

      if (progress)
        {
          g_autofree char *message = g_strdup_printf (_("Checking “%s”"), name);
          progress ((double) i / n, message, user_data);
        }

      /* The same file may be several rows (an attachment sent twice). */
      if (g_hash_table_lookup_extended (checked, sha256, NULL, &cached))
        state = GPOINTER_TO_INT (cached);
      else
        {
          g_autoptr(GError) local_error = NULL;

          state = rd_evidence_check_file (rd_evidence_get_path (evidence), sha256, cancellable,
                                          &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_hash_table_insert (checked, g_strdup (sha256), GINT_TO_POINTER (state));
        }

      if (state != RD_EVIDENCE_INTACT)
        {
          RdEvidenceProblem *problem = g_new0 (RdEvidenceProblem, 1);

          problem->evidence_id = rd_evidence_get_id (evidence);
          problem->original_name = g_strdup (rd_evidence_get_original_name (evidence));
          problem->sha256 = g_strdup (sha256);
          problem->path = g_strdup (rd_evidence_get_path (evidence));
          problem->state = state;
          problem->message = describe_problem (state, name);
          g_ptr_array_add (problems, problem);
        }
    }
  if (progress)
    progress (1.0, _("Evidence checked"), user_data);
  return g_steal_pointer (&problems);
}

/**
 * rd_store_collect_evidence_files:
 *
 * Removes stored files no evidence refers to (left by a deleted case, or a
 * crash), and staging folders of imports that never finished: the same
 * tidying as every open does (rd_store_recover()).
 */
gboolean
rd_store_collect_evidence_files (RdStore  *self,
                                 GError  **error)
{
  g_return_val_if_fail (RD_IS_STORE (self), FALSE);

  return rd_store_recover (self, error);
}
