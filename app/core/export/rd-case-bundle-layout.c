/* rd-case-bundle-layout.c: which exhibits a case's bundle holds, in which order and sections.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-bundle"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"

#include "rd-case-bundle.h"
#include "rd-case-bundle-check.h"
#include "rd-bundle-private.h"
#include "rd-case-bundle-private.h"
#include "rd-store-evidence.h"

/* The section evidence of @kind goes in when the layout does not say:
 * emails are correspondence; photos and recordings have their own. */
const char *
_rd_case_bundle_default_section (RdEvidenceKind kind)
{
  switch (kind)
    {
    case RD_EVIDENCE_KIND_EMAIL:
      return "C";
    case RD_EVIDENCE_KIND_PHOTO:
    case RD_EVIDENCE_KIND_AUDIO:
    case RD_EVIDENCE_KIND_VIDEO:
      return "D";
    case RD_EVIDENCE_KIND_PDF:
    case RD_EVIDENCE_KIND_OTHER:
    default:
      return "E";
    }
}


void
_rd_layout_item_clear (gpointer data)
{
  RdLayoutItem *item = data;

  g_free (item->key);
  g_clear_pointer (&item->section, rd_bundle_section_unref);
  g_clear_pointer (&item->exhibit, rd_bundle_exhibit_unref);
}

void
_rd_layout_item_add (GArray          *items,
                     const char      *key,
                     const char      *home,
                     RdBundleSection *section,
                     RdBundleExhibit *exhibit)
{
  RdLayoutItem item = { g_strdup (key), home, section ? rd_bundle_section_ref (section) : NULL,
                exhibit ? rd_bundle_exhibit_ref (exhibit) : NULL, items->len, 0, 0 };

  g_array_append_val (items, item);
}

static int
by_place (gconstpointer a,
          gconstpointer b)
{
  const RdLayoutItem *x = a, *y = b;

  if (x->place != y->place)
    return x->place < y->place ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Puts each of @items in the section @layout gives it, then sorts them
 * section by section. */
void
_rd_layout_items_place (GArray         *items,
                        RdBundleLayout *layout)
{
  for (guint i = 0; i < items->len; i++)
    {
      RdLayoutItem *item = &g_array_index (items, RdLayoutItem, i);
      item->place = rd_bundle_layout_place (layout, item->key, item->home, &item->rank);
    }
  g_array_sort (items, by_place);
}

static gboolean
contains_number (const GArray *numbers,
                 gint64        number)
{
  for (guint i = 0; numbers != NULL && i < numbers->len; i++)
    if (g_array_index (numbers, gint64, i) == number)
      return TRUE;
  return FALSE;
}

/* Every number of @numbers must be an exhibit of the case, and named once. */
static gboolean
check_numbers (GListModel   *all,
               const GArray *numbers,
               gint64        case_id,
               GError      **error)
{
  for (guint k = 0; numbers != NULL && k < numbers->len; k++)
    {
      gint64 number = g_array_index (numbers, gint64, k);
      gboolean found = FALSE;

      for (guint i = 0, n = g_list_model_get_n_items (all); i < n && !found; i++)
        {
          g_autoptr(RdEvidence) ev = g_list_model_get_item (all, i);
          found = rd_evidence_get_exhibit_number (ev) == number;
        }
      if (!found)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Case %" PRId64 " has no exhibit %" PRId64
                         " (redress-cli evidence %" PRId64 " lists its exhibit numbers)."),
                       case_id, number, case_id);
          return FALSE;
        }
      for (guint j = 0; j < k; j++)
        if (g_array_index (numbers, gint64, j) == number)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Exhibit %" PRId64 " is named twice."), number);
            return FALSE;
          }
    }
  return TRUE;
}

static gint64
id_of_exhibit (GListModel *all,
               gint64      number)
{
  for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
    {
      g_autoptr(RdEvidence) ev = g_list_model_get_item (all, i);

      if (rd_evidence_get_exhibit_number (ev) == number)
        return rd_evidence_get_id (ev);
    }
  g_assert_not_reached ();
  return 0;
}

/**
 * rd_case_bundle_order_evidence:
 * @order: (nullable) (element-type gint64): exhibit numbers to put first, in this order
 * @exclude: (nullable) (element-type gint64): exhibit numbers to leave out
 *
 * The exhibits of a bundle as rd_case_bundle_build() takes them in
 * #RdCaseBundleOptions.evidence_ids: those of @order first, as given, then
 * the others oldest first, without those of @exclude. @order and @exclude
 * are exhibit numbers, as the evidence list shows them and the bundle
 * prints them (rd_evidence_get_exhibit_number()). A number that is not one
 * of the case's exhibits, named twice, or both ordered and left out is a
 * %G_IO_ERROR_INVALID_ARGUMENT with a one-line message.
 *
 * Returns: (transfer full) (element-type gint64): the evidence ids, or %NULL
 */
GArray *
rd_case_bundle_order_evidence (RdStore       *store,
                               gint64         case_id,
                               const GArray  *order,
                               const GArray  *exclude,
                               GError       **error)
{
  g_autoptr(GListModel) all = rd_store_list_evidence (store, case_id, error);
  g_autoptr(GPtrArray) rest = NULL;
  GArray *ids;

  if (all == NULL)
    return NULL;
  if (!check_numbers (all, order, case_id, error) || !check_numbers (all, exclude, case_id, error))
    return NULL;
  for (guint k = 0; order != NULL && k < order->len; k++)
    if (contains_number (exclude, g_array_index (order, gint64, k)))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("Exhibit %" PRId64 " is both ordered and left out."),
                     g_array_index (order, gint64, k));
        return NULL;
      }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint k = 0; order != NULL && k < order->len; k++)
    {
      gint64 id = id_of_exhibit (all, g_array_index (order, gint64, k));
      g_array_append_val (ids, id);
    }
  rest = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
    {
      RdEvidence *ev = g_list_model_get_item (all, i);
      gint64 number = rd_evidence_get_exhibit_number (ev);

      if (contains_number (order, number) || contains_number (exclude, number))
        g_object_unref (ev);
      else
        g_ptr_array_add (rest, ev);
    }
  g_ptr_array_sort (rest, _rd_case_bundle_by_captured);
  for (guint i = 0; i < rest->len; i++)
    {
      gint64 id = rd_evidence_get_id (rest->pdata[i]);
      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * rd_case_bundle_dup_layout:
 *
 * The layout the case's bundle is made with: the one kept with the case
 * (the last export's), else the default sections. A kept layout that can
 * no longer be read gives way to the default.
 *
 * Returns: (transfer full): the layout
 */
RdBundleLayout *
rd_case_bundle_dup_layout (RdStore  *store,
                           gint64    case_id,
                           GError  **error)
{
  g_autofree char *json = rd_store_dup_bundle_layout (store, case_id, error);
  g_autoptr(GError) local_error = NULL;
  RdBundleLayout *layout;

  if (json == NULL)
    return rd_bundle_layout_new_default ();
  layout = rd_bundle_layout_new_from_json (json, &local_error);
  if (layout == NULL)
    {
      g_warning ("The bundle layout kept with case %" G_GINT64_FORMAT " cannot be read: %s",
                 case_id, local_error->message);
      return rd_bundle_layout_new_default ();
    }
  return layout;
}

/**
 * rd_case_bundle_check_layout:
 *
 * Every exhibit number @layout names must be an exhibit of the case: a
 * layout written for another case, or naming a deleted exhibit, is refused
 * with the number rather than quietly ignored.
 *
 * Returns: %FALSE with @error set (%G_IO_ERROR_INVALID_ARGUMENT) when it
 *   names one the case does not have
 */
gboolean
rd_case_bundle_check_layout (RdStore         *store,
                             gint64           case_id,
                             RdBundleLayout  *layout,
                             GError         **error)
{
  g_autoptr(GListModel) all = rd_store_list_evidence (store, case_id, error);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (all == NULL)
    return FALSE;
  for (guint section = 0; section < rd_bundle_layout_get_n_sections (layout); section++)
    {
      GPtrArray *contents = _rd_bundle_layout_get_contents (layout, section);

      for (guint i = 0; i < contents->len; i++)
        {
          const char *item = contents->pdata[i];
          gint64 number;

          if (g_ascii_isdigit (item[0]))
            {
              number = g_ascii_strtoll (item, NULL, 10);
              g_array_append_val (numbers, number);
            }
        }
    }
  return check_numbers (all, numbers, case_id, error);
}

/**
 * rd_case_bundle_dup_layout_json:
 * @layout: (nullable): the layout to write out; %NULL: the case's
 *
 * The layout written out whole: every section with its title, and in each
 * every part and exhibit of the case that it would hold, in order, as
 * `redress-cli layout` prints it for editing.
 *
 * Returns: (transfer full): JSON, or %NULL with @error set
 */
char *
rd_case_bundle_dup_layout_json (RdStore         *store,
                                gint64           case_id,
                                const char      *layout_json,
                                GError         **error)
{
  g_autoptr(RdBundleLayout) layout = NULL;
  g_autoptr(GListModel) all = rd_store_list_evidence (store, case_id, error);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (RdLayoutItem));
  static const char * const parts[][2] = {
    { RD_LAYOUT_LETTER, "A" }, { RD_LAYOUT_WHAT_WENT_WRONG, "B" }, { RD_LAYOUT_CHRONOLOGY, "B" },
  };

  if (all == NULL)
    return NULL;
  layout = layout_json != NULL ? rd_bundle_layout_new_from_json (layout_json, error)
                               : rd_case_bundle_dup_layout (store, case_id, NULL);
  if (layout == NULL)
    return NULL;
  g_array_set_clear_func (items, _rd_layout_item_clear);
  evidence = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
    g_ptr_array_add (evidence, g_list_model_get_item (all, i));
  g_ptr_array_sort (evidence, _rd_case_bundle_by_captured);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    _rd_layout_item_add (items, parts[i][0], parts[i][1], NULL, NULL);
  for (guint i = 0; i < evidence->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              rd_evidence_get_exhibit_number (evidence->pdata[i]));
      _rd_layout_item_add (items, key, _rd_case_bundle_default_section (rd_evidence_get_kind (evidence->pdata[i])), NULL, NULL);
    }
  _rd_layout_items_place (items, layout);
  for (guint section = 0; section < rd_bundle_layout_get_n_sections (layout); section++)
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();

      for (guint i = 0; i < items->len; i++)
        if (g_array_index (items, RdLayoutItem, i).place == section)
          g_ptr_array_add (keys, g_array_index (items, RdLayoutItem, i).key);
      g_ptr_array_add (keys, NULL);
      rd_bundle_layout_set_contents (layout, section, (const char * const *) keys->pdata);
    }
  return rd_bundle_layout_to_json (layout);
}
