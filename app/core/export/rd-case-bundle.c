/* rd-case-bundle.c: a case's complaint document and evidence bundle, from the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cover, index, the chosen letter, what went wrong (every deadline the
 * landlord missed, with the engine's explanation), the chronology as
 * numbered paragraphs with exhibit references, then the evidence, oldest
 * first unless the resident chose an order. With anonymising on, third
 * parties are replaced in every text Redress writes here.
 */
#define G_LOG_DOMAIN "rd-case-bundle"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"
#include <string.h>

#include "rd-anonymise.h"
#include "rd-case-bundle.h"
#include "rd-case-bundle-check.h"
#include "rd-bundle-layout.h"
#include "rd-bundle-private.h"
#include "rd-case-bundle-private.h"
#include "rd-case-facts.h"
#include "rd-chronology.h"
#include "rd-timeline-draw.h"
#include "rd-timeline-make.h"
#include "rd-dashboard.h"
#include "rd-datetime.h"
#include "rd-deadline.h"
#include "rd-evidence.h"
#include "rd-letters.h"
#include "rd-memory.h"
#include "rd-store-case-facts.h"
#include "rd-store-evidence.h"
#include "rd-store-ocr.h"
#include "rd-store-policies.h"

void
rd_case_bundle_options_init (RdCaseBundleOptions *options)
{
  memset (options, 0, sizeof *options);
  options->include_letter = TRUE;
  options->letter = RD_CASE_BUNDLE_LETTER_FOR_STAGE;
  options->include_chronology = TRUE;
  options->paper = RD_PAPER_A4;
}

static RdExhibitKind
exhibit_kind (RdEvidenceKind kind)
{
  switch (kind)
    {
    case RD_EVIDENCE_KIND_PDF: return RD_EXHIBIT_PDF;
    case RD_EVIDENCE_KIND_PHOTO: return RD_EXHIBIT_PHOTO;
    case RD_EVIDENCE_KIND_EMAIL: return RD_EXHIBIT_EMAIL;
    case RD_EVIDENCE_KIND_AUDIO: return RD_EXHIBIT_AUDIO;
    case RD_EVIDENCE_KIND_VIDEO: return RD_EXHIBIT_VIDEO;
    case RD_EVIDENCE_KIND_OTHER:
    default: return RD_EXHIBIT_OTHER;
    }
}

static const char *
date_source_words (RdEvidenceDateSource source)
{
  switch (source)
    {
    case RD_EVIDENCE_DATE_EXIF: return _("taken from the photo’s own data");
    case RD_EVIDENCE_DATE_PDF: return _("the date the PDF says it was made");
    case RD_EVIDENCE_DATE_EMAIL: return _("the date the email was sent");
    case RD_EVIDENCE_DATE_FILE_MODIFIED: return _("the date the file was last changed");
    case RD_EVIDENCE_DATE_NONE:
    case RD_EVIDENCE_DATE_N_SOURCES:
    default: return NULL;
    }
}

static gint64
evidence_sort_key (RdEvidence *ev)
{
  GDateTime *at = rd_evidence_get_captured_at (ev);

  return at != NULL ? g_date_time_to_unix (at) : rd_evidence_get_imported_at (ev);
}

int
_rd_case_bundle_by_captured (gconstpointer a,
                             gconstpointer b)
{
  gint64 x = evidence_sort_key (*(RdEvidence * const *) a);
  gint64 y = evidence_sort_key (*(RdEvidence * const *) b);

  return x < y ? -1 : x > y;
}

/* An exhibit is titled by what the resident said it shows: the first line
 * of its description when that is short enough for an index line, else the
 * name of the file (or the email's subject, the PDF's title). */
#define TITLE_MAX_CHARS 120

static char *
dup_exhibit_title (RdEvidence *ev)
{
  const char *description = rd_evidence_get_description (ev);
  const char *end = strchr (description, '\n');
  g_autofree char *line = g_strndup (description, end ? (gsize) (end - description) : strlen (description));

  g_strstrip (line);
  if (*line != '\0' && g_utf8_strlen (line, -1) <= TITLE_MAX_CHARS)
    return g_steal_pointer (&line);
  return rd_evidence_dup_display_name (ev);
}

/* The exhibits, in order, and which diary entries and contacts each proves. */
GPtrArray *
_rd_case_bundle_choose_evidence (RdStore                   *store,
                                 gint64                     case_id,
                                 const RdCaseBundleOptions *options,
                                 GError                   **error)
{
  g_autoptr(GListModel) all = rd_store_list_evidence (store, case_id, error);
  GPtrArray *chosen;

  if (all == NULL)
    return NULL;
  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  if (options->evidence_ids == NULL)
    {
      for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
        g_ptr_array_add (chosen, g_list_model_get_item (all, i));
      g_ptr_array_sort (chosen, _rd_case_bundle_by_captured);
      return chosen;
    }
  for (guint k = 0; k < options->evidence_ids->len; k++)
    {
      gint64 id = g_array_index (options->evidence_ids, gint64, k);

      for (guint i = 0, n = g_list_model_get_n_items (all); i < n; i++)
        {
          g_autoptr(RdEvidence) ev = g_list_model_get_item (all, i);
          if (rd_evidence_get_id (ev) == id)
            g_ptr_array_add (chosen, g_object_ref (ev));
        }
    }
  return chosen;
}

static RdBundleSection *
cover_section (RdCaseFacts  *facts,
               const GDate  *today,
               RdAnonymiser *anon,
               GArray       *unchecked)
{
  RdCase *rcase = rd_case_facts_get_case (facts);
  RdBundleSection *s = rd_bundle_section_new (_("Cover"));
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);
  g_autoptr(GString) refs = g_string_new (NULL);
  g_autofree char *date = rd_date_format_long (today);
  g_autofree char *case_title = rd_anonymiser_apply (anon, rd_case_get_title (rcase));
  RdCaseAdmin *admin = rd_case_facts_get_admin (facts);
  g_autofree char *authority = admin ? rd_case_admin_dup_authority (admin) : NULL;

  for (guint i = 0; i < complaints->len; i++)
    {
      const char *ref = rd_complaint_get_reference (complaints->pdata[i]);
      if (ref != NULL && *ref)
        g_string_append_printf (refs, "%s%s", refs->len ? ", " : "", ref);
    }
  rd_bundle_section_add (s, RD_BLOCK_TITLE, NULL, _("Housing complaint: evidence bundle"));
  rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Case"), case_title);
  rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Resident"), rd_case_get_resident_name (rcase));
  rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Address"), rd_case_get_address (rcase));
  rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Landlord"), rd_case_get_landlord_name (rcase));
  rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Landlord’s complaint references"),
                         refs->len ? refs->str : _("None recorded"));
  if (authority != NULL)
    {
      /* Translators: %s is a date with its preposition, "on Monday 3 March 2025",
       * maybe followed by what the authority covers */
      g_autofree char *given = g_strdup_printf (_("Given by the resident to their adviser %s"), authority);

      rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Authority to act"), given);
    }
  rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Date of this bundle"), date);
  rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL,
                         _("Prepared by the resident with Redress. The index on the next page "
                           "lists every part of this bundle with its page number; the page "
                           "numbers are those stamped at the foot of each page."));
  if (anon != NULL)
    rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL,
                           _("This bundle is anonymised. Third parties are named by labels such "
                             "as “Neighbour A” on every page Redress wrote, emails included. In "
                             "the evidence, their names were looked for in the text of each "
                             "page and in the words read from scans and photos; every page on "
                             "which one was found is included as a picture, with the names "
                             "blacked out and no text behind it. The original files are kept "
                             "unchanged."));
  if (unchecked != NULL && unchecked->len > 0)
    {
      g_autofree char *list = rd_case_bundle_format_exhibits (unchecked);
      /* Translators: %s is a list of exhibit numbers, "3, 7, 12" */
      g_autofree char *note = g_strdup_printf (_("Not checked for names, because they are "
                                                 "pictures whose words have not been read: "
                                                 "exhibits %s."), list);

      rd_bundle_section_add (s, RD_BLOCK_NOTE, NULL, note);
    }
  return s;
}

/* The letter's blocks as a section; each block's text is freed once
 * copied, so a long letter is not held twice. @letter is left empty. */
static RdBundleSection *
letter_section (RdLetter     *letter,
                RdAnonymiser *anon)
{
  RdBundleSection *s = rd_bundle_section_new (rd_letter_get_title (letter));
  g_autoptr(GPtrArray) blocks = rd_letter_steal_blocks (letter);

  rd_bundle_section_add (s, RD_BLOCK_TITLE, NULL, rd_letter_get_title (letter));
  for (guint i = 0; i < blocks->len; i++)
    {
      RdLetterBlock *b = g_ptr_array_index (blocks, i);
      g_autofree char *text = rd_anonymiser_apply (anon, b->text);
      RdBlockKind kind;

      g_clear_pointer (&b->text, g_free);
      switch (b->kind)
        {
        case RD_LETTER_BLOCK_SUBJECT:
        case RD_LETTER_BLOCK_HEADING:
          kind = RD_BLOCK_HEADING;
          break;
        case RD_LETTER_BLOCK_LIST_ITEM:
          kind = RD_BLOCK_BULLET;
          break;
        default:
          kind = RD_BLOCK_PARAGRAPH;
          break;
        }
      rd_bundle_section_add (s, kind, NULL, text);
    }
  return s;
}

/* Every deadline the landlord missed, with its working-day count and the
 * engine's explanation. */
static RdBundleSection *
missed_section (RdDashboard  *dashboard,
                RdAnonymiser *anon)
{
  RdBundleSection *s = rd_bundle_section_new (_("What went wrong"));
  GListModel *items = rd_dashboard_get_items (dashboard);
  guint n_missed = 0;

  rd_bundle_section_add (s, RD_BLOCK_TITLE, NULL, _("What went wrong"));
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      RdDeadline *deadline = rd_dashboard_item_get_deadline (item);
      g_autofree char *num = NULL;
      g_autofree char *text = NULL;
      int late = rd_dashboard_item_get_working_days_late (item);

      if (rd_deadline_get_party (deadline) != RD_DEADLINE_ON_LANDLORD ||
          rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED)
        continue;
      num = g_strdup_printf ("%u.", ++n_missed);
      if (late > 0)
        text = g_strdup_printf (rd_ngettext ("%s (%d working day late.) %s",
                                             "%s (%d working days late.) %s", late),
                                rd_dashboard_item_get_title (item), late,
                                rd_dashboard_item_get_explanation (item));
      else
        text = g_strdup_printf ("%s. %s", rd_dashboard_item_get_title (item),
                                rd_dashboard_item_get_explanation (item));
      {
        g_autofree char *clean = rd_anonymiser_apply (anon, text);
        rd_bundle_section_add (s, RD_BLOCK_NUMBERED, num, clean);
      }
    }
  if (n_missed == 0)
    rd_bundle_section_add (s, RD_BLOCK_PARAGRAPH, NULL,
                           _("No deadline of the landlord’s has been missed so far, on what "
                             "the case records."));
  return s;
}

static RdComplaint *
latest_complaint (RdCaseFacts *facts)
{
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);

  return complaints->len > 0 ? complaints->pdata[complaints->len - 1] : NULL;
}

static RdDashboard *
load_dashboard (RdStore      *store,
                gint64        case_id,
                RdCaseFacts  *facts,
                const GDate  *today,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RdPolicy) policy = rd_store_get_case_policy (store, case_id, &local_error);

  /* NULL without an error: the case follows the Code only. */
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return rd_dashboard_new (facts, policy, today);
}

typedef struct
{
  RdStore      *store;
  gint64        case_id;
  const GDate  *today;
  RdLetterKind  kind;
  GError       *error;
} SuggestJob;

static gpointer
suggest_thread (gpointer data)
{
  SuggestJob *job = data;
  /* The letter quotes no more of an entry than its summary. */
  g_autoptr(RdCaseFacts) facts = rd_case_facts_load_brief (job->store, job->case_id, &job->error);
  g_autoptr(RdDashboard) dashboard = NULL;

  if (facts == NULL)
    return NULL;
  dashboard = load_dashboard (job->store, job->case_id, facts, job->today, &job->error);
  if (dashboard == NULL)
    return NULL;
  return GINT_TO_POINTER (rd_letter_suggest (facts, latest_complaint (facts), dashboard, &job->kind));
}

/**
 * rd_case_bundle_suggest_letter:
 * @today: (nullable): the day the letter would be dated; %NULL: today
 * @kind: (out): the letter that fits
 *
 * The letter a bundle made today starts with by default, for the export
 * assistant to show and the command line to say: see rd_letter_suggest().
 * The case is read on a thread of its own, waited for, as
 * rd_case_bundle_build() reads it: @store is not used by another thread
 * meanwhile.
 *
 * Returns: %TRUE if a letter fits; %FALSE with @error unset if none does
 *   (the landlord is still in time), or with @error set
 */
gboolean
rd_case_bundle_suggest_letter (RdStore       *store,
                               gint64         case_id,
                               const GDate   *today,
                               RdLetterKind  *kind,
                               GError       **error)
{
  g_autoptr(GDate) now = NULL;
  SuggestJob job = { store, case_id, today, RD_LETTER_N_KINDS, NULL };
  gboolean fits;

  g_return_val_if_fail (RD_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (today == NULL)
    job.today = now = rd_clock_dup_today (rd_store_get_clock (store));
  /* The case and its deadlines, read whole and let go, leave their pieces
   * in that thread's arena, not among what the caller (the command line,
   * before it exports) allocates next. */
  fits = GPOINTER_TO_INT (rd_memory_run_apart ("rd-case-bundle", suggest_thread, &job));
  rd_memory_give_back ();
  if (job.error != NULL)
    {
      g_propagate_error (error, job.error);
      return FALSE;
    }
  if (fits)
    *kind = job.kind;
  return fits;
}

/* The words recognised on a scanned PDF's pages or a photographed letter
 * go under them invisibly, so the bundle can be searched and copied
 * there. */
static void
add_text_layers (RdStore         *store,
                 RdEvidence      *evidence,
                 RdBundleExhibit *exhibit)
{
  g_autoptr(GPtrArray) pages = NULL;

  if (rd_evidence_get_kind (evidence) != RD_EVIDENCE_KIND_PDF &&
      rd_evidence_get_kind (evidence) != RD_EVIDENCE_KIND_PHOTO)
    return;
  pages = rd_store_list_ocr_pages (store, rd_evidence_get_id (evidence), NULL);
  for (guint i = 0; pages != NULL && i < pages->len; i++)
    {
      RdOcrPage *page = pages->pdata[i];

      if (page->state == RD_OCR_PAGE_RECOGNISED && page->width > 0 && page->height > 0)
        _rd_bundle_exhibit_add_text_layer (exhibit, page->page, page->width, page->height,
                                          page->words);
    }
}

/* The exhibit of @ev, its words anonymised when that is asked for. */
static RdBundleExhibit *
make_exhibit (RdStore                   *store,
              RdEvidence                *ev,
              const RdCaseBundleOptions *options,
              RdAnonymiser              *anon)
{
  g_autofree char *name = dup_exhibit_title (ev);
  g_autofree char *clean_title = rd_anonymiser_apply (anon, name);
  g_autofree char *clean_desc = rd_anonymiser_apply (anon, rd_evidence_get_description (ev));
  g_autofree char *clean_file = rd_anonymiser_apply (anon, rd_evidence_get_original_name (ev));
  g_autofree char *label = g_strdup_printf ("%" G_GINT64_FORMAT, rd_evidence_get_exhibit_number (ev));
  RdBundleExhibit *ex = rd_bundle_exhibit_new (exhibit_kind (rd_evidence_get_kind (ev)),
                                               rd_evidence_get_path (ev), clean_title);

  rd_bundle_exhibit_set_label (ex, label);
  rd_bundle_exhibit_set_sha256 (ex, rd_evidence_get_sha256 (ev));
  rd_bundle_exhibit_set_file_name (ex, clean_file);
  if (options->passwords != NULL && rd_evidence_get_kind (ev) == RD_EVIDENCE_KIND_PDF)
    {
      gint64 id = rd_evidence_get_id (ev);
      rd_bundle_exhibit_set_password (ex, g_hash_table_lookup (options->passwords, &id));
    }
  rd_bundle_exhibit_set_description (ex, clean_desc);
  rd_bundle_exhibit_set_date (ex, rd_evidence_get_captured_at (ev),
                              date_source_words (rd_evidence_get_date_source (ev)));
  /* In an anonymised bundle they also show where names are to be blacked
   * out, and go only under pages that name nobody. */
  add_text_layers (store, ev, ex);
  return ex;
}

/* Adds @items to @bundle section by section as @layout places them, each
 * section that holds anything after its divider. */
static void
place_items (RdBundle       *bundle,
             GArray         *items,
             RdBundleLayout *layout)
{
  guint current = G_MAXUINT;

  _rd_layout_items_place (items, layout);
  for (guint i = 0; i < items->len; i++)
    {
      RdLayoutItem *item = &g_array_index (items, RdLayoutItem, i);

      if (item->place != current)
        {
          g_autofree char *title = rd_bundle_layout_dup_title (layout, item->place);

          current = item->place;
          rd_bundle_add_divider (bundle, rd_bundle_layout_get_letter (layout, current), title);
        }
      if (item->section != NULL)
        rd_bundle_add_section (bundle, item->section);
      else
        rd_bundle_add_exhibit (bundle, item->exhibit);
    }
}

/* The bundle's title and author, and how its pages are made, as
 * @options asks. */
static void
set_up_bundle (RdBundle                  *bundle,
               RdStore                   *store,
               RdCase                    *rcase,
               const RdCaseBundleOptions *options,
               RdAnonymiser              *anon)
{
  g_autofree char *title = g_strdup_printf (_("Housing complaint bundle: %s"),
                                            rd_case_get_title (rcase));
  g_autofree char *clean = rd_anonymiser_apply (anon, title);

  rd_bundle_set_title (bundle, clean);
  rd_bundle_set_author (bundle, rd_case_get_resident_name (rcase));
  rd_bundle_set_protected_folder (bundle, rd_store_get_data_dir (store));
  rd_bundle_set_paper (bundle, options->paper);
  rd_bundle_set_smaller_file (bundle, options->smaller);
  rd_bundle_set_keep_landscape (bundle, options->keep_landscape);
  rd_bundle_set_max_volume_size (bundle, options->max_volume_size);
  rd_bundle_set_section_stamps (bundle, options->section_stamps);
}

static RdBundle *
build_bundle (RdStore                   *store,
              gint64                     case_id,
              const RdCaseBundleOptions *options,
              GPtrArray                **chronology,
              GError                   **error)
{
  g_autoptr(RdStore) snapshot = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdCaseFacts) people = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdTimeline) timeline = NULL;
  g_autoptr(RdAnonymiser) anon = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) flat_refs = NULL;
  g_autoptr(RdChronology) entries = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  guint n_entries;
  g_autoptr(GDate) now = NULL;
  g_autoptr(RdBundle) bundle = rd_bundle_new ();
  g_autoptr(RdBundleSection) cover = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (RdLayoutItem));
  g_autoptr(RdBundleLayout) kept = NULL;
  g_autoptr(GArray) unchecked = NULL;
  RdBundleLayout *layout = options->layout;
  const GDate *today = options->today;
  RdCase *rcase;

  /* The case is read on a snapshot of its own, which the chronology
   * keeps to read its entries from as its pages are drawn. The deadlines,
   * the timeline and the letter read no more of a diary entry than its
   * summary; the chronology reads each entry whole from the snapshot as
   * its page is drawn, so the facts leave the rest out. */
  snapshot = rd_store_open_snapshot (store, error);
  if (snapshot == NULL)
    return NULL;
  facts = rd_case_facts_load_brief (snapshot, case_id, error);
  if (facts == NULL)
    return NULL;
  rcase = rd_case_facts_get_case (facts);
  if (today == NULL)
    today = now = rd_clock_dup_today (rd_store_get_clock (store));
  dashboard = load_dashboard (store, case_id, facts, today, error);
  if (dashboard == NULL)
    return NULL;
  /* The timeline names people and complaint steps, and reads the diary
   * and contacts from the snapshot itself once the case is let go. */
  if (options->include_chronology)
    people = _rd_case_bundle_dup_apart_from_diary (facts);
  if (options->anonymise)
    anon = rd_anonymiser_new_for_case (rcase, rd_case_facts_get_parties (facts));

  evidence = _rd_case_bundle_choose_evidence (store, case_id, options, error);
  if (evidence == NULL)
    return NULL;
  g_array_set_clear_func (items, _rd_layout_item_clear);
  if (layout == NULL)
    layout = kept = rd_case_bundle_dup_layout (store, case_id, NULL);

  /* Exhibit numbers first: the chronology refers to them. */
  flat_refs = _rd_case_bundle_dup_exhibit_refs (store, evidence);
  /* The chronology reads its entries a page at a time and writes each as
   * its page is drawn, in the bundle's language then (rd_bundle_write()
   * speaks it); the facts go when the bundle is built. */
  entries = _rd_case_bundle_chronology_new (snapshot, case_id, facts, flat_refs, anon != NULL);
  n_entries = rd_chronology_get_n_entries (entries);
  if (chronology != NULL)
    {
      /* Asked for whole, to write as .odt or CSV as well. */
      listed = g_ptr_array_new_full (n_entries, (GDestroyNotify) rd_chronology_entry_free);
      for (guint i = 0; i < n_entries; i++)
        g_ptr_array_add (listed, rd_chronology_dup_entry (entries, i));
      if (!rd_chronology_check (entries, error))
        return NULL;
    }

  set_up_bundle (bundle, store, rcase, options, anon);

  if (anon != NULL)
    unchecked = rd_case_bundle_list_unchecked (store, case_id, options, NULL);
  cover = cover_section (facts, today, anon, unchecked);
  rd_bundle_add_section (bundle, cover);
  rd_bundle_add_index (bundle);

  if (options->include_letter)
    {
      RdComplaint *complaint = latest_complaint (facts);
      RdLetterKind kind = options->letter;
      g_autoptr(RdLetter) letter = NULL;
      g_autoptr(RdBundleSection) section = NULL;
      g_autoptr(RdBundleSection) missed = NULL;

      /* No letter fits while the landlord is in time: the bundle then
       * starts with what went wrong, never with a letter dated today that
       * leaves out what has happened since. */
      if (kind != RD_CASE_BUNDLE_LETTER_FOR_STAGE ||
          rd_letter_suggest (facts, complaint, dashboard, &kind))
        letter = rd_letter_build (kind, facts, complaint, dashboard);
      /* The letter was the last to read the case: its diary and contacts
       * go before the letter's section and what went wrong are written,
       * rather than under them. */
      g_clear_object (&facts);
      if (letter != NULL)
        {
          section = letter_section (letter, anon);
          g_clear_object (&letter);
          _rd_layout_item_add (items, RD_LAYOUT_LETTER, "A", section, NULL);
        }
      missed = missed_section (dashboard, anon);
      _rd_layout_item_add (items, RD_LAYOUT_WHAT_WENT_WRONG, "B", missed, NULL);
    }
  /* Nothing below reads the case. The timeline shows the same deadlines,
   * so it is made from these rather than working them out again, but
   * only now: made beside the case, the diary's entries held whole, it
   * and the letter were the export's peak at 100,000 entries. It reads the
   * entries one at a time. A long case's deadlines are then tens of
   * megabytes that nothing drawn later needs. */
  g_clear_object (&facts);
  if (people != NULL)
    {
      timeline = rd_timeline_new_from_store (snapshot, case_id, people, dashboard, error);
      if (timeline == NULL)
        return NULL;
      g_clear_object (&people);
    }
  g_clear_object (&dashboard);

  if (options->include_chronology)
    {
      g_autoptr(RdBundleSection) chron = _rd_case_bundle_chronology_section (g_steal_pointer (&entries),
                                                                             timeline);

      _rd_layout_item_add (items, RD_LAYOUT_CHRONOLOGY, "B", chron, NULL);
    }

  for (guint i = 0; i < evidence->len; i++)
    {
      RdEvidence *ev = evidence->pdata[i];
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, rd_evidence_get_exhibit_number (ev));
      g_autoptr(RdBundleExhibit) ex = NULL;

      if (rd_evidence_get_path (ev) == NULL)
        continue;
      ex = make_exhibit (store, ev, options, anon);
      _rd_layout_item_add (items, key, _rd_case_bundle_default_section (rd_evidence_get_kind (ev)), NULL, ex);
    }
  place_items (bundle, items, layout);
  /* The evidence's own pages are checked for names as they are written. */
  _rd_bundle_set_anonymiser (bundle, g_steal_pointer (&anon));

  if (chronology != NULL)
    *chronology = g_steal_pointer (&listed);
  return g_steal_pointer (&bundle);
}

/**
 * rd_case_bundle_dup_language:
 *
 * The language a bundle of the case is written in: @options's when it
 * names one, otherwise the case's (see rd_case_get_writing_language()).
 *
 * Returns: (transfer full): a language code, or %NULL with @error set when
 *   there is no such case
 */
char *
rd_case_bundle_dup_language (RdStore                   *store,
                             gint64                     case_id,
                             const RdCaseBundleOptions *options,
                             GError                   **error)
{
  g_autoptr(RdCase) rcase = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->language != NULL)
    return g_strdup (options->language);
  rcase = rd_store_get_case (store, case_id, error);
  if (rcase == NULL)
    return NULL;
  return g_strdup (rd_case_get_writing_language (rcase));
}

typedef struct
{
  RdStore                   *store;
  gint64                     case_id;
  const RdCaseBundleOptions *options;
  const char                *language;
  GPtrArray                **chronology;
  GError                    *error;
} BuildJob;

static gpointer
build_thread (gpointer data)
{
  BuildJob *job = data;
  g_autofree char *previous = NULL;
  RdBundle *bundle;

  /* The letter, the cover, the chronology and what went wrong are written
   * in the bundle's language, whatever the interface's. */
  previous = rd_i18n_push_language (job->language);
  bundle = build_bundle (job->store, job->case_id, job->options, job->chronology, &job->error);
  rd_i18n_pop_language (g_steal_pointer (&previous));
  return bundle;
}

/**
 * rd_case_bundle_build:
 * @chronology: (out) (optional) (transfer full): the chronology's entries,
 *   for writing as .odt or CSV too
 *
 * Reads the case and prepares its bundle; nothing is written until
 * rd_bundle_write(). The case is worked out on a thread of its own,
 * waited for: @store is not used by another thread meanwhile.
 */
RdBundle *
rd_case_bundle_build (RdStore                   *store,
                      gint64                     case_id,
                      const RdCaseBundleOptions *options,
                      GPtrArray                **chronology,
                      GError                   **error)
{
  g_autofree char *language = NULL;
  BuildJob job = { store, case_id, options, NULL, chronology, NULL };
  RdBundle *bundle;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  language = rd_case_bundle_dup_language (store, case_id, options, error);
  if (language == NULL)
    return NULL;
  job.language = language;
  /* The case is read whole for its deadlines, the letter and the
   * timeline, and let go once they are made: apart, so that its pieces
   * are not left as holes among the pages drawn next on this thread. */
  bundle = rd_memory_run_apart ("rd-case-bundle", build_thread, &job);
  if (job.error != NULL)
    g_propagate_error (error, job.error);
  /* The case's deadlines were worked out and let go: tens of megabytes for
   * a long case, which the C library would otherwise keep while the pages
   * are drawn, on top of what drawing them takes. */
  rd_memory_give_back ();
  if (bundle != NULL)
    rd_bundle_set_language (bundle, language);
  return bundle;
}

/**
 * rd_case_bundle_dup_chronology_title:
 *
 * The title for the chronology written as .odt: "Chronology: " and the
 * case's title, anonymised as the bundle is when @options says so.
 *
 * Returns: (transfer full): the title, or %NULL with @error set
 */
char *
rd_case_bundle_dup_chronology_title (RdStore                   *store,
                                     gint64                     case_id,
                                     const RdCaseBundleOptions *options,
                                     GError                   **error)
{
  /* The title and the anonymiser's labels need the case and its parties,
   * not its diary. */
  g_autoptr(RdCaseFacts) facts = rd_case_facts_load_people (store, case_id, error);
  g_autoptr(RdAnonymiser) anon = NULL;
  g_autofree char *title = NULL;
  RdCase *rcase;

  if (facts == NULL)
    return NULL;
  rcase = rd_case_facts_get_case (facts);
  if (options->anonymise)
    anon = rd_anonymiser_new_for_case (rcase, rd_case_facts_get_parties (facts));
  {
    const char *language = options->language;
    char *previous;

    if (language == NULL)
      language = rd_case_get_writing_language (rcase);
    previous = rd_i18n_push_language (language);
    title = g_strdup_printf (_("Chronology: %s"), rd_case_get_title (rcase));
    rd_i18n_pop_language (previous);
  }
  return rd_anonymiser_apply (anon, title);
}

