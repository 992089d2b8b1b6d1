/* rd-case-bundle-check.c: the exhibits an anonymised bundle cannot check for names.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names are found in the text of a page: its own, or the words recognised
 * on a scan or a photo (redress-cli ocr). A picture whose words were never
 * read (a photo, or a PDF page that is mostly a picture with almost no
 * text of its own) may show a name that nothing can find, so it cannot be
 * blacked out. Those exhibits are named before an anonymised export, so
 * the resident can read them first, leave them out, or go on knowingly.
 */
#define G_LOG_DOMAIN "rd-case-bundle"

#include "config.h"

#include <math.h>

#include "rd-anonymise.h"
#include "rd-case-bundle-check.h"
#include "rd-case-bundle-private.h"
#include "rd-gettext.h"
#include "rd-output.h"
#include "rd-pdf-page.h"
#include "rd-poppler.h"
#include "rd-store-case-facts.h"
#include "rd-store-evidence.h"
#include "rd-store-ocr.h"

static gboolean
evidence_is_unchecked (RdStore                   *store,
                       RdEvidence                *ev,
                       const RdCaseBundleOptions *options)
{
  g_autoptr(GPtrArray) rows = rd_store_list_ocr_pages (store, rd_evidence_get_id (ev), NULL);
  g_autoptr(GHashTable) read = g_hash_table_new (NULL, NULL);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  const char *password = NULL;
  int n_pages;

  /* Pages whose text is known: their own, or recognised. */
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      RdOcrPage *row = rows->pdata[i];

      if (row->state == RD_OCR_PAGE_RECOGNISED || row->state == RD_OCR_PAGE_LAYER)
        g_hash_table_add (read, GINT_TO_POINTER (row->page + 1));
    }
  switch (rd_evidence_get_kind (ev))
    {
    case RD_EVIDENCE_KIND_PHOTO:
      return !g_hash_table_contains (read, GINT_TO_POINTER (1));
    case RD_EVIDENCE_KIND_PDF:
      break;
    default:
      return FALSE;
    }

  if (options->passwords != NULL)
    {
      gint64 id = rd_evidence_get_id (ev);

      password = g_hash_table_lookup (options->passwords, &id);
    }
  file = g_file_new_for_path (rd_evidence_get_path (ev));
  uri = g_file_get_uri (file);
  doc = rd_poppler_document_new_from_file (uri, password, NULL);
  /* One that cannot be opened is left out of an anonymised bundle. */
  if (doc == NULL)
    return FALSE;
  n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;

      if (g_hash_table_contains (read, GINT_TO_POINTER (i + 1)))
        continue;
      page = poppler_document_get_page (doc, i);
      if (page != NULL && rd_pdf_page_is_scan (page))
        return TRUE;
    }
  return FALSE;
}

/**
 * rd_case_bundle_list_unchecked:
 *
 * The exhibits of a bundle made with @options in which an anonymised
 * bundle cannot look for names: pictures whose words have not been read.
 *
 * Returns: (transfer full): their exhibit numbers (gint64), in bundle
 *   order, or %NULL with @error set
 */
GArray *
rd_case_bundle_list_unchecked (RdStore                   *store,
                               gint64                     case_id,
                               const RdCaseBundleOptions *options,
                               GError                   **error)
{
  g_autoptr(GPtrArray) evidence = NULL;
  GArray *unchecked;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  evidence = _rd_case_bundle_choose_evidence (store, case_id, options, error);
  if (evidence == NULL)
    return NULL;
  unchecked = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < evidence->len; i++)
    {
      RdEvidence *ev = evidence->pdata[i];

      if (rd_evidence_get_path (ev) != NULL && evidence_is_unchecked (store, ev, options))
        {
          gint64 number = rd_evidence_get_exhibit_number (ev);

          g_array_append_val (unchecked, number);
        }
    }
  return unchecked;
}

/**
 * rd_case_bundle_format_exhibits:
 * @numbers: (element-type gint64): exhibit numbers
 *
 * Returns: (transfer full): "3, 7, 12"
 */
char *
rd_case_bundle_format_exhibits (GArray *numbers)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < numbers->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                            g_array_index (numbers, gint64, i));
  return g_string_free (out, FALSE);
}

/**
 * rd_case_bundle_write_anonymise_key:
 * @path: where to write it: never beside the bundle it explains
 *
 * Writes who each label of the case's anonymised bundles stands for, as
 * lines of the label, a tab and the name, for the adviser only.
 */
gboolean
rd_case_bundle_write_anonymise_key (RdStore     *store,
                                    gint64       case_id,
                                    const char  *path,
                                    GError     **error)
{
  /* The labels are the parties', and need no more of the case. */
  g_autoptr(RdCaseFacts) facts = rd_case_facts_load_people (store, case_id, error);
  g_autoptr(RdAnonymiser) anon = NULL;
  g_autoptr(GPtrArray) key = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *temp = NULL;

  if (facts == NULL)
    return FALSE;
  anon = rd_anonymiser_new_for_case (rd_case_facts_get_case (facts),
                                     rd_case_facts_get_parties (facts));
  key = rd_anonymiser_dup_key (anon);
  g_string_append_printf (text, "# %s\n",
                          UI_("Who the labels of the anonymised bundle stand for. For the "
                              "adviser only: never send this file with the bundle."));
  for (guint i = 0; i < key->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) key->pdata[i]);

  temp = rd_output_make_temp (path, error);
  if (temp == NULL)
    return FALSE;
  if (!g_file_set_contents_full (temp, text->str, (gssize) text->len, G_FILE_SET_CONTENTS_NONE,
                                 0600, error) ||
      !rd_output_commit (temp, path, error))
    {
      rd_output_explain_full_disk (path, error);
      rd_output_discard (temp);
      return FALSE;
    }
  return TRUE;
}
