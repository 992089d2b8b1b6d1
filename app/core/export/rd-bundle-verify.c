/* rd-bundle-verify.c: checking evidence fingerprints on the second core while the bundle is built.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hashing every evidence file is a good part of an export's work, and it
 * needs nothing else: a worker thread does it while the pages are drawn
 * and assembled. Exhibits whose fingerprint is known go to the worker,
 * which takes them from the last one back, while the bundle is written
 * from the first one on: a photo the worker has not reached when it is
 * copied is hashed by the copy (it reads the file anyway), so no photo is
 * read twice. The export waits for the worker before renaming the
 * finished file, and stops, naming the file, if one does not match.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include "rd-gettext.h"

#include "rd-bundle-private.h"
#include "rd-hash.h"

struct _RdVerifier
{
  GThread      *thread;
  GPtrArray    *exhibits;   /* RdBundleExhibit*, hashed in this order */
  GPtrArray    *results;    /* char* (hex) or NULL when unreadable */
  GCancellable *cancellable;
  gulong        chained;
};

static gpointer
verify_thread (gpointer data)
{
  RdVerifier *v = data;

  for (guint i = v->exhibits->len; i-- > 0;)
    {
      RdBundleExhibit *ex = v->exhibits->pdata[i];

      if (!g_atomic_int_compare_and_exchange (&ex->hash_claim, 0, 1))
        continue;  /* the writer has it */
      v->results->pdata[i] = rd_sha256_file_hex (ex->path, NULL, v->cancellable, NULL);
      if (g_cancellable_is_cancelled (v->cancellable))
        break;
    }
  return NULL;
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      data)
{
  g_cancellable_cancel (data);
}

/**
 * _rd_verifier_start:
 * @exhibits: (element-type RdBundleExhibit): those to check; each must have
 *   its expected SHA-256 set
 */
RdVerifier *
_rd_verifier_start (GPtrArray    *exhibits,
                    GCancellable *cancellable)
{
  RdVerifier *v = g_new0 (RdVerifier, 1);

  v->exhibits = g_ptr_array_ref (exhibits);
  v->results = g_ptr_array_new_full (exhibits->len, g_free);
  g_ptr_array_set_size (v->results, (int) exhibits->len);
  v->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    v->chained = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled),
                                        g_object_ref (v->cancellable), g_object_unref);
  v->thread = g_thread_new ("rd-bundle-verify", verify_thread, v);
  return v;
}

/**
 * _rd_verifier_finish:
 * @v: (transfer full)
 * @outer: (nullable): the export's own cancellable, to disconnect from
 *
 * Waits for the worker and compares what it found with what was expected.
 * With @error %NULL the worker is only stopped (the export failed anyway).
 */
gboolean
_rd_verifier_finish (RdVerifier    *v,
                     GCancellable  *outer,
                     GError       **error)
{
  gboolean ok = TRUE;

  if (error == NULL)
    g_cancellable_cancel (v->cancellable);
  g_thread_join (v->thread);

  for (guint i = 0; ok && error != NULL && i < v->exhibits->len; i++)
    {
      RdBundleExhibit *ex = v->exhibits->pdata[i];
      const char *actual = v->results->pdata[i];

      if (g_atomic_int_get (&ex->hash_claim) != 1)
        continue;  /* checked by the writer */
      if (g_cancellable_set_error_if_cancelled (outer, error))
        ok = FALSE;
      else if (actual == NULL)
        {
          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                       UI_("The file for exhibit %s (“%s”) could not be read, so the bundle was "
                         "not made. Check the evidence file “%s”."),
                       ex->label, ex->title, ex->file_name ? ex->file_name : ex->path);
          ok = FALSE;
        }
      else
        ok = _rd_exhibit_check_hash (ex, actual, error);
    }

  if (v->chained != 0)
    g_cancellable_disconnect (outer, v->chained);
  g_object_unref (v->cancellable);
  g_ptr_array_unref (v->results);
  g_ptr_array_unref (v->exhibits);
  g_free (v);
  return ok;
}
