/* rd-bundle-write.c: writing a bundle: checking evidence, counting, drawing, assembling.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rd-bundle-private.h"
#include "rd-clock.h"
#include "rd-email.h"
#include "rd-hash.h"
#include "rd-memory.h"
#include "rd-output.h"
#include "rd-qpdf.h"

/* Share of the progress bar each step takes (measured on the benchmark). */
#define SHARE_CHECK    0.05
#define SHARE_DRAW     0.15
#define SHARE_ASSEMBLE 0.80

typedef RdWriteJob Job;

void
_rd_write_report (Job        *job,
                  double      fraction,
                  const char *message)
{
  double f = CLAMP (job->base + job->share * fraction, 0.0, 1.0);

  if (job->progress != NULL)
    job->progress (f, message, job->progress_data);
}

static void
log_phase (Job        *job,
           const char *what)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  g_debug ("%.3f s (cpu %.3f s, peak RSS %ld MB): %s", (g_get_monotonic_time () - job->started) / 1e6,
           ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
           ru.ru_maxrss / 1024, what);
}

static void
reset_exhibit (RdBundleExhibit *ex)
{
  g_clear_pointer (&ex->omitted_reason, g_free);
  g_clear_pointer (&ex->pdf_pages, g_array_unref);
  g_clear_pointer (&ex->email, rd_bundle_section_unref);
  g_clear_pointer (&ex->message, rd_email_free);
  g_clear_pointer (&ex->attachment_sha256, g_ptr_array_unref);
  ex->first_page = 0;
  ex->n_pages = 0;
  ex->size = 0;
  ex->verified = FALSE;
  ex->hash_deferred = FALSE;
  ex->hash_claim = 0;
  ex->jpeg_direct = FALSE;
  _rd_photo_clear_converted (ex);
}

/* Present and unchanged, or the export stops here, naming the file. */
static gboolean
check_exhibit (Job             *job,
               RdBundleExhibit *ex,
               GError         **error)
{
  GStatBuf st;
  const char *name = ex->file_name ? ex->file_name : ex->path;

  if (g_stat (ex->path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING,
                   UI_("The stored copy of exhibit %s (“%s”) is missing, so the bundle was not "
                     "made. Redress kept it at “%s”."), ex->label, name, ex->path);
      return FALSE;
    }
  ex->size = st.st_size;

  if (ex->verify != NULL)
    {
      if (!ex->verify (ex, ex->path, ex->verify_data, job->cancellable, error))
        return FALSE;
      ex->verified = TRUE;
    }

  if (ex->kind == RD_EXHIBIT_PDF && !_rd_pdf_probe (ex, error))
    return FALSE;
  if (ex->kind == RD_EXHIBIT_PHOTO && !_rd_photo_probe (ex, error))
    return FALSE;
  /* Not a JPEG that can go in as it is: one is made (or the reason why not). */
  if (ex->kind == RD_EXHIBIT_PHOTO && !ex->jpeg_direct &&
      !_rd_photo_convert (ex, job->output, job->bundle->smaller, error))
    return FALSE;
  /* Anonymised: third parties' names blacked out where they are found. */
  if (!_rd_redact_exhibit (ex, job->bundle->anonymiser, job->output, job->bundle->smaller,
                           job->cancellable, error))
    return FALSE;

  if (!ex->verified && ex->sha256 != NULL && (ex->kind != RD_EXHIBIT_PHOTO || ex->jpeg_direct))
    ex->hash_deferred = TRUE;  /* the verifier thread checks it */
  else if (!ex->verified)
    {
      /* No fingerprint yet, and the pages print it: hash now. */
      g_autoptr(GError) local_error = NULL;
      g_autofree char *actual = rd_sha256_file_hex (ex->path, NULL, job->cancellable, &local_error);

      if (actual == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                         UI_("The file for exhibit %s (“%s”) could not be read, so the bundle "
                           "was not made: %s"), ex->label, ex->title, local_error->message);
          return FALSE;
        }
      if (!_rd_exhibit_check_hash (ex, actual, error))
        return FALSE;
    }

  if (ex->kind == RD_EXHIBIT_EMAIL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(RdEmail) email = rd_email_read (ex->path, RD_EMAIL_ATTACHMENT_SHA256, &local_error);

      if (email != NULL)
        {
          /* Each attachment's fingerprint, to name it by the exhibit that is
           * the same file (the importer keeps attachments as evidence of
           * their own); the page is laid out once every exhibit is known. */
          ex->attachment_sha256 = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < email->attachments->len; i++)
            {
              RdEmailAttachment *a = g_ptr_array_index (email->attachments, i);

              g_ptr_array_add (ex->attachment_sha256, g_steal_pointer (&a->sha256));
            }
          ex->message = g_steal_pointer (&email);
        }
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        ex->omitted_reason =
          g_strdup (_("This file cannot be read as an email, so Redress cannot print it. Open "
                      "it to check it, or send the file separately."));
      else
        {
          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                       UI_("The file for exhibit %s (“%s”) could not be read, so the bundle was "
                         "not made: %s"), ex->label, ex->title, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* An email's attachments that are exhibits of this bundle too are named by
 * their exhibit numbers, rather than said to be missing. */
static void
label_email_attachments (GPtrArray    *parts,
                         RdAnonymiser *anonymiser)
{
  g_autoptr(GHashTable) by_sha256 = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (parts, i);

      if (part->kind == RD_PART_EXHIBIT && part->exhibit->sha256 != NULL &&
          part->exhibit->omitted_reason == NULL)
        g_hash_table_insert (by_sha256, part->exhibit->sha256, part->exhibit->label);
    }
  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (parts, i);
      RdBundleExhibit *ex = part->exhibit;
      g_autoptr(GPtrArray) labels = NULL;

      if (part->kind != RD_PART_EXHIBIT || ex->message == NULL)
        continue;
      labels = g_ptr_array_new ();
      for (guint k = 0; k < ex->attachment_sha256->len; k++)
        {
          const char *sha = ex->attachment_sha256->pdata[k];
          const char *label = sha != NULL ? g_hash_table_lookup (by_sha256, sha) : NULL;

          /* An email attached to itself cannot be its own exhibit. */
          g_ptr_array_add (labels, (gpointer) (label != ex->label ? label : NULL));
        }
      ex->email = _rd_email_section (ex->message, (const char * const *) labels->pdata);
      _rd_redact_section (ex->email, anonymiser);
      g_clear_pointer (&ex->message, rd_email_free);
    }
}

static RdBundleSection *
build_schedule (GPtrArray *parts)
{
  RdBundleSection *s = rd_bundle_section_new (_("Schedule of exhibits supplied separately"));

  rd_bundle_section_add (s, RD_BLOCK_TITLE, NULL, s->title);
  rd_bundle_section_add (s, RD_BLOCK_PARAGRAPH, NULL,
                         _("These exhibits are recordings or files that cannot be printed. "
                           "They are supplied separately, as the files listed here. Each "
                           "SHA-256 fingerprint identifies the file: any change to the file "
                           "would change it."));
  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (parts, i);
      RdBundleExhibit *ex = part->exhibit;
      g_autofree char *heading = NULL;
      g_autofree char *date = NULL;
      g_autofree char *size = NULL;

      if (part->kind != RD_PART_EXHIBIT || !_rd_part_is_listed_separately (ex))
        continue;
      heading = _rd_exhibit_dup_heading (ex);
      date = _rd_exhibit_dup_date_line (ex);
      size = _rd_format_size (ex->size);
      rd_bundle_section_add (s, RD_BLOCK_HEADING, NULL, heading);
      rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Kind"),
                             ex->kind == RD_EXHIBIT_AUDIO ? _("Audio recording")
                             : ex->kind == RD_EXHIBIT_VIDEO ? _("Video recording") : _("File"));
      if (date != NULL)
        rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Date"), date);
      if (ex->description != NULL && *ex->description)
        rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Description"), ex->description);
      rd_bundle_section_add (s, RD_BLOCK_FIELD, _("File"), ex->file_name);
      rd_bundle_section_add (s, RD_BLOCK_FIELD, _("Size"), size);
      rd_bundle_section_add (s, RD_BLOCK_FIELD_FIXED, _("SHA-256"), ex->sha256 ? ex->sha256 : "");
    }
  return s;
}

static void
on_page_drawn (RdDraw *d)
{
  Job *job = d->page_done_data;

  if (d->total > 0 && (d->page % 8 == 0 || d->page == d->total))
    {
      g_autofree char *message = g_strdup_printf (UI_("Drawing page %d of %d"), d->page, d->total);
      _rd_write_report (job, (double) d->page / d->total, message);
    }
}


static void
on_assemble_progress (double   fraction,
                      gpointer data)
{
  _rd_write_report (data, fraction, UI_("Putting the evidence in place"));
}

/* The parts to write, each exhibit numbered; returns how many exhibits,
 * and in @n_listed how many are only listed (recordings, other files). */
static guint
gather_parts (RdBundle  *self,
              GPtrArray *parts,
              guint     *n_listed)
{
  guint n_exhibits = 0;
  RdPart *divider = NULL;

  *n_listed = 0;
  for (guint i = 0; i < self->parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (self->parts, i);

      g_ptr_array_add (parts, part);
      part->first_page = part->n_pages = 0;
      part->bundle_first = part->bundle_n = part->volume = 0;
      if (part->kind == RD_PART_DIVIDER)
        divider = part;
      part->divider = divider;
      if (part->kind == RD_PART_EXHIBIT)
        {
          reset_exhibit (part->exhibit);
          n_exhibits++;
          if (part->exhibit->label == NULL)
            part->exhibit->label = g_strdup_printf ("%u", n_exhibits);
          if (_rd_part_is_listed_separately (part->exhibit))
            (*n_listed)++;
        }
    }
  return n_exhibits;
}

/* After a write, done or not: nothing of it is left behind, and a failure
 * says all it can (a full disk, every missing or changed file). */
static void
clean_up (Job         *job,
          RdDraw      *d,
          GPtrArray   *parts,
          RdVerifier  *verifier,
          const char  *path,
          const char  *temp,
          gboolean     ok,
          GError     **error)
{
  /* Asked while the temporary files still take the space they took. */
  if (!ok && error != NULL && *error != NULL &&
      (g_error_matches (*error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_WRITE) ||
       g_error_matches (*error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE)))
    rd_output_explain_full_disk (path, error);
  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (parts, i);
      if (part->exhibit != NULL)
        _rd_photo_clear_converted (part->exhibit);
    }
  if (verifier != NULL)
    _rd_verifier_finish (verifier, job->cancellable, NULL);
  /* One missing or changed file: look at them all, and name every one. */
  if (!ok && error != NULL &&
      (g_error_matches (*error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING) ||
       g_error_matches (*error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_ALTERED)))
    {
      _rd_write_report (job, 0, UI_("Checking every evidence file"));
      _rd_bundle_audit (parts, job->cancellable, error);
    }
  _rd_skeleton_finish_chunk (d);
  _rd_skeleton_remove_chunks (d);
  g_clear_error (&d->chunk_error);
  if (temp != NULL && !ok)
    rd_output_discard (temp);
  g_clear_object (&d->stamp_layout);
}

/* Step 1: every exhibit's file is there and is what was imported. */
static gboolean
check_evidence (Job        *job,
                GPtrArray  *parts,
                guint       n_exhibits,
                GError    **error)
{
  guint n_checked = 0;

  job->base = 0;
  job->share = SHARE_CHECK;
  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (parts, i);
      g_autofree char *message = NULL;

      if (part->kind != RD_PART_EXHIBIT)
        continue;
      n_checked++;
      message = g_strdup_printf (UI_("Checking exhibit %s of %u"), part->exhibit->label, n_exhibits);
      _rd_write_report (job, (double) n_checked / n_exhibits, message);
      if (!check_exhibit (job, part->exhibit, error) ||
          g_cancellable_set_error_if_cancelled (job->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* @links sorted by the page they are on, each page's in the order they
 * were drawn, and where each page's begin (@page_links, pages 1 … @n_pages,
 * n_pages + 2 long), so that the assembly finds a page's own links without
 * looking through every other page's: a bundle of 10,000 pages has about
 * as many. */
static GArray *
links_by_page (GArray  *links,
               int      n_pages,
               guint  **page_links)
{
  g_autofree guint *next = NULL;
  GArray *sorted;
  guint *first = g_new0 (guint, n_pages + 2);

  for (guint i = 0; i < links->len; i++)
    {
      int page = g_array_index (links, RdLink, i).page;

      if (page >= 1 && page <= n_pages)
        first[page + 1]++;
    }
  for (int p = 1; p <= n_pages; p++)
    first[p + 1] += first[p];
  next = g_memdup2 (first, (n_pages + 2) * sizeof (guint));
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (RdLink), first[n_pages + 1]);
  g_array_set_size (sorted, first[n_pages + 1]);
  for (guint i = 0; i < links->len; i++)
    {
      RdLink *l = &g_array_index (links, RdLink, i);

      if (l->page >= 1 && l->page <= n_pages)
        g_array_index (sorted, RdLink, next[l->page]++) = *l;
    }
  *page_links = first;
  return sorted;
}

/* Steps 3 and 4 for one file: draws the skeleton of @parts (whose pages
 * were just counted with @d as it is), then writes @temp, the file that
 * becomes @path. */
gboolean
_rd_bundle_write_file (Job         *job,
                       RdDraw      *d,
                       GPtrArray   *parts,
                       const char  *path,
                       const char  *temp,
                       GError     **error)
{
  RdBundle *self = job->bundle;
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (RdLink));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (RdEvidenceRun));
  g_autoptr(GArray) photos = g_array_new (FALSE, FALSE, sizeof (RdPhotoSlot));
  g_autoptr(GArray) outline = NULL;
  g_autoptr(GArray) sorted_links = NULL;
  g_autofree guint *page_links = NULL;
  g_autoptr(GDateTime) now = rd_clock_dup_now (rd_clock_get_default ());
  double base = job->base, share = job->share;
  gboolean ok;

  job->share = share * SHARE_DRAW / (SHARE_DRAW + SHARE_ASSEMBLE);
  d->links = links;
  d->runs = runs;
  d->photos = photos;
  d->output_path = path;
  ok = _rd_skeleton_draw (d, parts, _rd_skeleton_snapshot_pages (parts), error);
  /* Counting passes that follow collect nothing. */
  d->links = NULL;
  d->runs = NULL;
  d->photos = NULL;
  log_phase (job, "skeleton drawn");
  /* What drawing the pages took (a long timeline's page is megabytes) is
   * given back before qpdf reads them, rather than kept beside what it
   * takes. */
  rd_memory_give_back ();
  if (ok)
    sorted_links = links_by_page (links, d->total, &page_links);
  if (ok)
    {
      RdAssembly assembly = {
        .skeletons = d->chunks,
        .n_pages = d->total,
        .runs = runs,
        .links = sorted_links,
        .page_links = page_links,
        .photos = photos,
        .title = self->title,
        .author = self->author,
        .created = self->created ? self->created : now,
        .smaller = self->smaller,
      };

      outline = _rd_skeleton_outline (parts);
      assembly.outline = outline;
      job->base = base + job->share;
      job->share = share - job->share;
      _rd_write_report (job, 0, UI_("Putting the evidence in place"));
      ok = _rd_pdf_assemble (&assembly, temp, on_assemble_progress, job, job->cancellable, error);
    }
  _rd_skeleton_remove_chunks (d);
  job->base = base;
  job->share = share;
  return ok;
}

static gboolean
write_bundle (Job         *job,
              const char  *path,
              GError     **error)
{
  RdBundle *self = job->bundle;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(RdBundleSection) schedule_section = NULL;
  RdPart schedule = { RD_PART_SCHEDULE, NULL, NULL, 0, 0 };
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *temp = NULL;
  PangoContext *pango = NULL;
  RdDraw d = { 0 };
  RdVerifier *verifier = NULL;
  guint n_exhibits, n_listed;
  gboolean ok = FALSE;

  {
    const char *outputs[] = { path, NULL };

    if (!rd_output_check_paths (self->protected_dir, outputs, error))
      return FALSE;
    /* How many volumes there will be is known only at the end: every
     * volume name is checked now, before any work. */
    if (self->max_volume_size > 0 &&
        !rd_output_check_series (self->protected_dir, path, NULL, error))
      return FALSE;
  }

  _rd_volumes_discard (self);
  n_exhibits = gather_parts (self, parts, &n_listed);
  if (parts->len == 0)
    {
      g_set_error_literal (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EMPTY,
                           UI_("There is nothing to put in the bundle yet."));
      return FALSE;
    }

  /* 1. Check the evidence. */
  if (!check_evidence (job, parts, n_exhibits, error))
    goto out;
  label_email_attachments (parts, self->anonymiser);
  if (n_listed > 0)
    {
      schedule_section = build_schedule (parts);
      schedule.section = schedule_section;
      g_ptr_array_add (parts, &schedule);
    }

  {
    g_autoptr(GPtrArray) deferred = g_ptr_array_new ();

    for (guint i = 0; i < parts->len; i++)
      {
        RdPart *part = g_ptr_array_index (parts, i);
        if (part->exhibit != NULL && part->exhibit->hash_deferred)
          g_ptr_array_add (deferred, part->exhibit);
      }
    if (deferred->len > 0)
      verifier = _rd_verifier_start (deferred, job->cancellable);
  }
  log_phase (job, "evidence checked");

  /* 2. Count pages until the numbers settle. */
  pango = _rd_skeleton_pango_context ();
  d.bundle = self;
  d.parts = parts;
  d.pango = pango;
  d.smaller = self->smaller;
  d.paper_width = self->paper == RD_PAPER_LETTER ? 612.0 : 595.276;
  d.paper_height = self->paper == RD_PAPER_LETTER ? 792.0 : 841.89;
  d.page_done = on_page_drawn;
  d.page_done_data = job;
  d.next_chunk = _rd_skeleton_next_chunk;
  d.cancellable = job->cancellable;
  d.chunks = chunks;
  d.section_stamps = self->section_stamps;
  /* One counting pass: the texts that print page numbers are laid out so
   * that the numbers cannot change a line break, so drawing finds the same
   * counts; if it ever does not, the numbers it found are used and the
   * skeleton is drawn again. */
  if (!_rd_skeleton_run_pass (&d, error))
    goto out;
  d.total = d.page;
  log_phase (job, "pages counted");

  /* 3 and 4. Draw the skeleton and write the bundle (or each volume): the
   * evidence and photos in place, the index linked. */
  job->base = SHARE_CHECK;
  job->share = SHARE_DRAW + SHARE_ASSEMBLE;
  if (self->max_volume_size > 0)
    ok = _rd_volumes_write (job, &d, parts, path, error);
  else
    {
      temp = rd_output_make_temp (path, error);
      ok = temp != NULL && _rd_bundle_write_file (job, &d, parts, path, temp, error);
      self->n_pages = d.total;
    }
  log_phase (job, "assembled and written");
  if (ok && verifier != NULL)
    {
      ok = _rd_verifier_finish (g_steal_pointer (&verifier), job->cancellable, error);
      log_phase (job, "fingerprints checked");
    }
  if (ok && g_cancellable_set_error_if_cancelled (job->cancellable, error))
    ok = FALSE;
  /* The bundle holds the resident's private life: readable by its owner
   * only, whatever the umask or whoever wrote the file last (qpdf). */
  if (ok && temp != NULL && !rd_output_commit (temp, path, error))
    ok = FALSE;
  if (ok && self->max_volume_size > 0 && !_rd_volumes_commit (self, path, error))
    ok = FALSE;
  if (ok)
    {
      job->base = 1;
      job->share = 0;
      _rd_write_report (job, 1, UI_("The bundle is ready"));
    }

out:
  if (!ok)
    _rd_volumes_discard (self);
  clean_up (job, &d, parts, verifier, path, temp, ok, error);
  g_clear_object (&pango);
  return ok;
}

/**
 * rd_bundle_write:
 * @progress: (nullable): called from the writing thread with the fraction
 *   done and a sentence saying what is happening
 *
 * Writes the bundle to @path. Nothing appears at @path unless the whole
 * bundle was written: the work goes to temporary files beside it, renamed at
 * the end. Cancelling stops at the next page or exhibit (or, during the
 * final write, when it ends) and removes the temporary files.
 *
 * Exhibits that cannot be put in (a PDF with a password, a damaged PDF, a
 * picture that cannot be decoded) are listed in the
 * index and on a page of their own with the reason; see
 * rd_bundle_dup_omissions(). A missing or changed evidence file stops the
 * export with an error naming it.
 */
gboolean
rd_bundle_write (RdBundle              *self,
                 const char            *path,
                 RdBundleProgressFunc   progress,
                 gpointer               progress_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  Job job = { self, progress, progress_data, cancellable, 0, 1, NULL, g_get_monotonic_time (), path };
  gboolean ok;

  g_return_val_if_fail (RD_IS_BUNDLE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (!self->writing, FALSE);

  /* Found out before anything is drawn, not at the last step. */
  if (!rd_qpdf_load (error))
    return FALSE;
  self->writing = TRUE;
  {
    /* The pages Redress draws (index, headings, page stamps) are in the
     * bundle's language; progress and errors stay in the interface's. */
    char *previous = rd_i18n_push_language (self->language != NULL ? self->language
                                                                   : RD_I18N_SOURCE_LANGUAGE);
    ok = write_bundle (&job, path, error);
    rd_i18n_pop_language (previous);
  }
  self->writing = FALSE;
  return ok;
}

static void
on_progress_notify_cb (GObject    *progress,
                       GParamSpec *pspec,
                       gpointer    data)
{
  /* The bundle's own properties carry the same names as the progress's. */
  g_object_notify (G_OBJECT (data), g_param_spec_get_name (pspec));
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RdBundle *self = source_object;
  GError *error = NULL;

  if (rd_bundle_write (self, task_data, rd_progress_report, self->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rd_bundle_write_async:
 *
 * Writes the bundle in a worker thread; the "fraction" and "message"
 * properties follow its progress, notified on the calling thread's main
 * context. Do not change the bundle until it finishes.
 */
void
rd_bundle_write_async (RdBundle            *self,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RD_IS_BUNDLE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_bundle_write_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  /* A new progress each time: it notifies on the caller's main context. */
  g_clear_object (&self->progress);
  self->progress = rd_progress_new ();
  g_signal_connect_object (self->progress, "notify", G_CALLBACK (on_progress_notify_cb), self, 0);
  g_task_run_in_thread (task, write_thread);
}

gboolean
rd_bundle_write_finish (RdBundle      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rd_bundle_write_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
