/* rd-bundle-volumes.c: a bundle split into volumes, each under a size limit.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Portals and email refuse files over a size. A split bundle is written as
 * NAME-volume-1.pdf, NAME-volume-2.pdf…: each volume starts with the cover
 * (saying which volume it is) and the index of every volume, and the pages
 * after them carry the whole bundle's page numbers, so a page is cited the
 * same way whichever volume it is in.
 *
 * The sizes of the evidence are known before anything is drawn (the files,
 * or the redacted and converted copies made while checking them), so the
 * volumes are planned from them; then each volume is written and its file
 * measured. If one came out over the limit the plan was too hopeful: it is
 * made again with every estimate scaled by how far off it was, and written
 * again. A volume is never cut inside an exhibit: an exhibit larger than
 * the limit on its own gets a volume of its own, over the limit, and the
 * caller says so (rd_bundle_get_volume_alone()).
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rd-bundle-private.h"
#include "rd-gettext.h"
#include "rd-output.h"

/* Estimates, on the high side (measured on the benchmark's bundles): a page
 * Redress draws, or the stamp laid over an evidence page; and what each
 * volume carries whatever its pages (fonts, outline, page tree). */
#define PAGE_ESTIMATE   (6 * 1024)
#define VOLUME_ESTIMATE (256 * 1024)

/* Plans after the first that may be made when a volume came out too big. */
#define MAX_REPLANS 4

void
_rd_volume_free (gpointer data)
{
  RdVolume *v = data;

  if (v->temp != NULL)
    rd_output_discard (v->temp);
  g_free (v->temp);
  g_free (v->path);
  g_free (v);
}

int
_rd_part_bundle_page (RdDraw *d,
                      RdPart *part)
{
  return part->first_page + (part->volume != 0 ? d->stamp_offset : 0);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return path != NULL && g_stat (path, &st) == 0 ? (goffset) st.st_size : 0;
}

static goffset
estimate_part (RdBundle *self,
               RdPart   *part)
{
  RdBundleExhibit *ex = part->exhibit;
  goffset pages = (goffset) part->n_pages * PAGE_ESTIMATE;

  if (ex == NULL || ex->omitted_reason != NULL)
    return pages;
  if (ex->kind == RD_EXHIBIT_PDF)
    return pages + (ex->redacted_path != NULL ? file_size (ex->redacted_path) : ex->size);
  if (ex->kind == RD_EXHIBIT_PHOTO)
    {
      goffset size = ex->converted_path != NULL ? file_size (ex->converted_path) : ex->size;
      int edge = MAX (ex->jpeg_width, ex->jpeg_height);

      /* Stored again smaller: about the share of pixels kept. */
      if (self->smaller && ex->converted_path == NULL && edge > RD_PHOTO_SMALLER_LONG_EDGE)
        size = (goffset) (size * ((double) RD_PHOTO_SMALLER_LONG_EDGE / edge)
                          * ((double) RD_PHOTO_SMALLER_LONG_EDGE / edge)) + 1;
      return pages + size;
    }
  return pages;
}

/* The parts every volume repeats: the cover and the index (those up to the
 * index), or none when the bundle has no index. */
static guint
count_front (GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    if (((RdPart *) parts->pdata[i])->kind == RD_PART_INDEX)
      return i + 1;
  return 0;
}

/* What goes into a volume whole: one part, and any dividers before it (a
 * section never starts at the foot of a volume). */
static guint
item_end (GPtrArray *parts,
          guint      start)
{
  guint j = start;

  while (j < parts->len && ((RdPart *) parts->pdata[j])->kind == RD_PART_DIVIDER)
    j++;
  return MIN (j + 1, parts->len);
}

static gboolean
is_listed_only (RdPart *part)
{
  return part->kind == RD_PART_EXHIBIT && _rd_part_is_listed_separately (part->exhibit) &&
         part->exhibit->omitted_reason == NULL;
}

/* Gives each part after the front a volume, filling each up to the limit
 * (divided by @inflate, how much too hopeful the estimates were); returns
 * how many volumes, and in @n_items how many items each holds. */
static int
plan (RdBundle  *self,
      GPtrArray *parts,
      guint      front,
      double     inflate,
      GArray    *n_items)
{
  goffset overhead = VOLUME_ESTIMATE, budget, used = 0;
  int volume = 1, items = 0, schedule_volume = 0;

  for (guint i = 0; i < front; i++)
    {
      overhead += estimate_part (self, parts->pdata[i]);
      ((RdPart *) parts->pdata[i])->volume = 0;
    }
  budget = (goffset) (self->max_volume_size / inflate) - overhead;
  g_array_set_size (n_items, 0);

  for (guint i = front; i < parts->len; )
    {
      guint end = item_end (parts, i);
      goffset size = 0;

      for (guint k = i; k < end; k++)
        size += estimate_part (self, parts->pdata[k]);
      if (items > 0 && used + size > budget)
        {
          g_array_append_val (n_items, items);
          volume++;
          used = 0;
          items = 0;
        }
      for (guint k = i; k < end; k++)
        {
          RdPart *part = parts->pdata[k];

          part->volume = volume;
          if (part->kind == RD_PART_SCHEDULE)
            schedule_volume = volume;
        }
      used += size;
      items++;
      i = end;
    }
  g_array_append_val (n_items, items);

  /* Recordings are listed on the schedule's page: in its volume. */
  for (guint i = front; i < parts->len; i++)
    if (is_listed_only (parts->pdata[i]) && schedule_volume > 0)
      ((RdPart *) parts->pdata[i])->volume = schedule_volume;
  return volume;
}

static void
keep_bundle_pages (GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = parts->pdata[i];

      part->bundle_first = part->first_page;
      part->bundle_n = part->n_pages;
    }
}

/* After the volumes are written: every part's pages are the bundle's again. */
static void
restore_bundle_pages (GPtrArray *parts)
{
  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = parts->pdata[i];

      part->first_page = part->bundle_first;
      part->n_pages = part->bundle_n;
      if (part->exhibit != NULL)
        {
          part->exhibit->first_page = part->bundle_first;
          part->exhibit->n_pages = part->bundle_n;
        }
    }
}

/* Counts the whole bundle as volume 1 lays it out (its index saying which
 * volume holds what): the bundle's page numbers. Twice, as the index rows
 * print numbers only known after the first count. */
static gboolean
count_bundle (RdDraw     *d,
              GPtrArray  *parts,
              GError    **error)
{
  d->volume_first = 1;
  d->volume_last = 0;
  for (int pass = 0; pass < 2; pass++)
    {
      d->parts = parts;
      d->volume = 1;
      d->stamp_offset = 0;
      d->front_pages = 0;
      d->total = 0;
      if (!_rd_skeleton_run_pass (d, error))
        return FALSE;
      keep_bundle_pages (parts);
      /* Volume 1's cover names its last page. */
      for (guint i = 0; i < parts->len; i++)
        {
          RdPart *part = parts->pdata[i];

          if (part->volume == 1 && !is_listed_only (part))
            d->volume_last = MAX (d->volume_last, part->bundle_first + part->bundle_n - 1);
        }
    }
  d->stamp_total = d->page;
  return TRUE;
}

static GPtrArray *
volume_parts (GPtrArray *parts,
              guint      front,
              RdVolume  *v,
              int        volume)
{
  GPtrArray *mine = g_ptr_array_new ();

  v->first_page = volume == 1 ? 1 : G_MAXINT;
  v->last_page = 0;
  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = parts->pdata[i];

      if (i >= front && part->volume != volume)
        continue;
      g_ptr_array_add (mine, part);
      if (i >= front && part->bundle_n > 0 && !is_listed_only (part))
        {
          v->first_page = MIN (v->first_page, part->bundle_first);
          v->last_page = MAX (v->last_page, part->bundle_first + part->bundle_n - 1);
        }
    }
  return mine;
}

/* Counts, draws and writes volume @volume of @n to its temporary file. */
static gboolean
write_volume (RdWriteJob  *job,
              RdDraw      *d,
              GPtrArray   *parts,
              guint        front,
              RdVolume    *v,
              int          volume,
              GError     **error)
{
  g_autoptr(GPtrArray) mine = volume_parts (parts, front, v, volume);
  int front_pages = 0;

  d->parts = mine;
  d->volume = volume;
  d->volume_first = v->first_page;
  d->volume_last = v->last_page;
  d->stamp_offset = 0;
  d->front_pages = 0;
  d->total = 0;
  if (!_rd_skeleton_run_pass (d, error))
    return FALSE;
  d->total = d->page;
  for (guint i = 0; i < front && i < mine->len; i++)
    {
      RdPart *part = mine->pdata[i];
      front_pages = MAX (front_pages, part->first_page + part->n_pages - 1);
    }
  d->front_pages = front_pages;
  /* Volume 1's own pages are the bundle's first; a later volume's pages
   * after its cover and index carry on from the volume before. */
  d->stamp_offset = volume == 1 ? 0 : v->first_page - 1 - front_pages;

  v->temp = rd_output_make_temp (v->path, error);
  if (v->temp == NULL || !_rd_bundle_write_file (job, d, mine, v->path, v->temp, error))
    return FALSE;
  v->size = file_size (v->temp);
  return TRUE;
}

/* Writes the volumes of one plan; returns in @over how far (as a ratio)
 * the largest volume that could have been smaller went over the limit, or
 * 0 if none did. */
static gboolean
write_plan (RdWriteJob  *job,
            RdDraw      *d,
            GPtrArray   *parts,
            guint        front,
            const char  *path,
            GArray      *n_items,
            double      *over,
            GError     **error)
{
  RdBundle *self = job->bundle;
  int n = n_items->len;
  double base = job->base, share = job->share;
  gboolean ok = TRUE;

  *over = 0;
  d->n_volumes = n;
  d->all_parts = parts;
  d->cover = front > 0 && ((RdPart *) parts->pdata[0])->kind == RD_PART_SECTION
             ? ((RdPart *) parts->pdata[0])->section : NULL;
  if (!count_bundle (d, parts, error))
    return FALSE;

  for (int k = 1; ok && k <= n; k++)
    {
      RdVolume *v = g_new0 (RdVolume, 1);

      v->path = rd_output_series_path (path, k);
      v->n_items = g_array_index (n_items, int, k - 1);
      g_ptr_array_add (self->volumes, v);
      {
        const char *paths[] = { v->path, NULL };

        if (!rd_output_check_paths (self->protected_dir, paths, error))
          return FALSE;
      }
      job->base = base + share * (k - 1) / n;
      job->share = share / n;
      ok = write_volume (job, d, parts, front, v, k, error);
      if (ok && v->size > self->max_volume_size && v->n_items > 1)
        *over = MAX (*over, (double) v->size / self->max_volume_size);
    }
  job->base = base;
  job->share = share;
  return ok;
}

/* The whole bundle as one file, at @path, when it fits in one volume. */
static gboolean
write_single (RdWriteJob  *job,
              RdDraw      *d,
              GPtrArray   *parts,
              const char  *path,
              guint        n_items,
              double      *over,
              GError     **error)
{
  RdBundle *self = job->bundle;
  RdVolume *v = g_new0 (RdVolume, 1);

  *over = 0;
  v->path = g_strdup (path);
  v->n_items = n_items;
  g_ptr_array_add (self->volumes, v);
  d->n_volumes = 0;
  d->all_parts = NULL;
  d->cover = NULL;
  d->parts = parts;
  d->volume = 0;
  d->stamp_offset = d->stamp_total = d->front_pages = 0;
  d->total = 0;
  if (!_rd_skeleton_run_pass (d, error))
    return FALSE;
  d->total = d->page;
  v->first_page = 1;
  v->last_page = d->total;
  v->temp = rd_output_make_temp (path, error);
  if (v->temp == NULL || !_rd_bundle_write_file (job, d, parts, path, v->temp, error))
    return FALSE;
  v->size = file_size (v->temp);
  if (v->size > self->max_volume_size && n_items > 1)
    *over = (double) v->size / self->max_volume_size;
  keep_bundle_pages (parts);
  return TRUE;
}

/**
 * _rd_volumes_write:
 *
 * Plans, writes and measures the volumes of the bundle into temporary
 * files (self->volumes), planning again while one is over the limit that
 * need not be; _rd_volumes_commit() puts them in place.
 */
gboolean
_rd_volumes_write (RdWriteJob  *job,
                   RdDraw      *d,
                   GPtrArray   *parts,
                   const char  *path,
                   GError     **error)
{
  RdBundle *self = job->bundle;
  guint front = count_front (parts);
  g_autoptr(GArray) n_items = g_array_new (FALSE, FALSE, sizeof (int));
  double inflate = 1.0;

  for (int attempt = 0; ; attempt++)
    {
      double over = 0;
      int n;
      gboolean ok;

      _rd_volumes_discard (self);
      n = plan (self, parts, front, inflate, n_items);
      if (n == 1)
        ok = write_single (job, d, parts, path, g_array_index (n_items, int, 0), &over, error);
      else
        ok = write_plan (job, d, parts, front, path, n_items, &over, error);
      if (!ok)
        return FALSE;
      if (n > 1)
        restore_bundle_pages (parts);
      d->parts = parts;
      self->n_pages = n > 1 ? d->stamp_total : d->total;
      if (over == 0)
        return TRUE;
      if (attempt == MAX_REPLANS)
        {
          g_autofree char *limit = g_format_size ((guint64) self->max_volume_size);

          g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_FAILED,
                       UI_("Redress could not split the bundle into volumes of at most %s. "
                           "Try a larger size."), limit);
          return FALSE;
        }
      g_debug ("a volume came out %.2f times the limit: planning again", over);
      /* A little more than the miss, so that the next plan is not as close. */
      inflate *= over * 1.05;
    }
}

/* Puts every written volume in place, or none (rd_output_commit_set());
 * then removes the volumes an earlier, larger export of @path left beyond
 * them (all of them when the bundle fitted in one file at @path). */
gboolean
_rd_volumes_commit (RdBundle    *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GPtrArray) temps = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  gboolean ok;

  g_clear_pointer (&self->removed_volumes, g_strfreev);
  for (guint i = 0; self->volumes != NULL && i < self->volumes->len; i++)
    {
      RdVolume *v = self->volumes->pdata[i];

      if (v->temp == NULL)
        continue;
      g_ptr_array_add (temps, v->temp);
      g_ptr_array_add (paths, v->path);
    }
  g_ptr_array_add (temps, NULL);
  g_ptr_array_add (paths, NULL);
  ok = rd_output_commit_set ((const char * const *) temps->pdata,
                             (const char * const *) paths->pdata, error);
  /* Committed or removed: the files are no longer the volumes' to discard. */
  for (guint i = 0; self->volumes != NULL && i < self->volumes->len; i++)
    g_clear_pointer (&((RdVolume *) self->volumes->pdata[i])->temp, g_free);
  if (!ok)
    {
      _rd_volumes_discard (self);
      return FALSE;
    }
  /* Only now, with the new set in place: a failure before leaves the
   * earlier set whole. */
  self->removed_volumes =
    rd_output_remove_series (path, self->volumes->len > 1 ? self->volumes->len + 1 : 1);
  return TRUE;
}

void
_rd_volumes_discard (RdBundle *self)
{
  g_clear_pointer (&self->removed_volumes, g_strfreev);
  if (self->volumes == NULL)
    self->volumes = g_ptr_array_new_with_free_func (_rd_volume_free);
  else
    g_ptr_array_set_size (self->volumes, 0);
}

/**
 * rd_bundle_set_max_volume_size:
 * @bytes: the most a volume may take, or 0 for one file
 *
 * Splits the bundle, when it is larger than @bytes, into volumes named
 * after the path given to rd_bundle_write() (NAME-volume-1.pdf…), each under
 * @bytes unless a single exhibit is larger. A bundle whose planned size
 * fits is written as one file at the path, as without a limit; the plan's
 * estimates err large, so one that would fit may still be split.
 */
void
rd_bundle_set_max_volume_size (RdBundle *self,
                               goffset   bytes)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_return_if_fail (bytes >= 0);
  self->max_volume_size = bytes;
}

/**
 * rd_bundle_set_section_stamps:
 *
 * Whether each page in a lettered section also carries its section page,
 * "B3" (the third page after section B's divider), before "Page N of M".
 */
void
rd_bundle_set_section_stamps (RdBundle *self,
                              gboolean  section_stamps)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  self->section_stamps = section_stamps;
}

/* Volumes of the last write: 0 when it was not split (no size limit), 1
 * when it fitted in one file at the path given. */
guint
rd_bundle_get_n_volumes (RdBundle *self)
{
  g_return_val_if_fail (RD_IS_BUNDLE (self), 0);
  return self->volumes != NULL ? self->volumes->len : 0;
}

static RdVolume *
get_volume (RdBundle *self,
            guint     index)
{
  g_return_val_if_fail (RD_IS_BUNDLE (self), NULL);
  g_return_val_if_fail (self->volumes != NULL && index < self->volumes->len, NULL);
  return self->volumes->pdata[index];
}

/* @index counts from 0. */
const char *
rd_bundle_get_volume_path (RdBundle *self,
                           guint     index)
{
  RdVolume *v = get_volume (self, index);

  return v != NULL ? v->path : NULL;
}

goffset
rd_bundle_get_volume_size (RdBundle *self,
                           guint     index)
{
  RdVolume *v = get_volume (self, index);

  return v != NULL ? v->size : 0;
}

void
rd_bundle_get_volume_pages (RdBundle *self,
                            guint     index,
                            int      *first,
                            int      *last)
{
  RdVolume *v = get_volume (self, index);

  *first = v != NULL ? v->first_page : 0;
  *last = v != NULL ? v->last_page : 0;
}

/**
 * rd_bundle_get_volume_alone:
 *
 * Returns: (nullable) (transfer none): the exhibit that is the only one in
 *   volume @index because it alone is over the size limit, or %NULL when
 *   the volume is within the limit.
 */
RdBundleExhibit *
rd_bundle_get_volume_alone (RdBundle *self,
                            guint     index)
{
  RdVolume *v = get_volume (self, index);

  if (v == NULL || v->size <= self->max_volume_size)
    return NULL;
  for (guint i = 0; i < self->parts->len; i++)
    {
      RdPart *part = self->parts->pdata[i];

      if (part->kind == RD_PART_EXHIBIT && part->volume == (int) index + 1 &&
          !is_listed_only (part))
        return part->exhibit;
    }
  return NULL;
}

/**
 * rd_bundle_get_removed_volumes:
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the files
 *   of an earlier, larger export split into volumes under the same name
 *   that the last write removed (NAME-volume-N.pdf beyond the new set), or
 *   %NULL if it was not split or removed none
 */
const char * const *
rd_bundle_get_removed_volumes (RdBundle *self)
{
  g_return_val_if_fail (RD_IS_BUNDLE (self), NULL);
  return self->removed_volumes != NULL && self->removed_volumes[0] != NULL
         ? (const char * const *) self->removed_volumes : NULL;
}

goffset
rd_bundle_get_max_volume_size (RdBundle *self)
{
  g_return_val_if_fail (RD_IS_BUNDLE (self), 0);
  return self->max_volume_size;
}
