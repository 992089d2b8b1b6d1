/* rd-bundle.c: an ordered set of sections and exhibits, written as one paginated PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a bundle is written (see "Exported documents" in the design notes):
 *  1. every evidence file is checked against its SHA-256 and PDFs are
 *     opened with qpdf to learn their page sizes;
 *  2. pages are counted, repeatedly until the numbers settle (the index and
 *     the exhibit headers print page numbers, which could change a count);
 *  3. cairo draws a skeleton, in files of RD_SKELETON_CHUNK pages:
 *     Redress's own pages, and for every evidence page a page of the
 *     bundle's paper carrying only the page stamp (the evidence page is
 *     fitted above it when the bundle is written);
 *  4. the bundle is written page by page (rd-bundle-qpdf.c): the evidence
 *     pages, read with qpdf, over their skeleton pages, the photos' own
 *     bytes, the index links and the outline, to a temporary file that is
 *     renamed at the end.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include "rd-gettext.h"
#include <string.h>
#include <glib/gstdio.h>

#include "rd-bundle-private.h"
#include "rd-datetime.h"
#include "rd-hash.h"
#include "rd-output.h"
#include "rd-secret.h"

/* What every step knows about an exhibit: how it is named, dated and
 * checked, and how its temporary copy goes away. They live here, at the
 * bottom, so that the steps (write → assemble → draw, photos, text) only
 * ever call down. */

char *
_rd_exhibit_dup_heading (RdBundleExhibit *ex)
{
  return g_strdup_printf (_("Exhibit %s: %s"), ex->label, ex->title);
}

/* "Monday 4 March 2024 at 14:05 (taken from the photo’s own data)" */
char *
_rd_exhibit_dup_date_line (RdBundleExhibit *ex)
{
  g_autofree char *when = NULL;

  if (ex->date == NULL)
    return NULL;
  if (g_date_time_get_hour (ex->date) == 0 && g_date_time_get_minute (ex->date) == 0 &&
      g_date_time_get_second (ex->date) == 0)
    {
      g_autoptr(GDate) date = rd_datetime_get_date (ex->date);
      when = rd_date_format_long (date);
    }
  else
    when = rd_datetime_format_long (ex->date);

  if (ex->date_source != NULL && *ex->date_source)
    return g_strdup_printf ("%s (%s)", when, ex->date_source);
  return g_steal_pointer (&when);
}

gboolean
_rd_exhibit_check_hash (RdBundleExhibit *ex,
                        const char      *actual,
                        GError         **error)
{
  if (ex->sha256 != NULL && g_ascii_strcasecmp (ex->sha256, actual) != 0)
    {
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_ALTERED,
                   UI_("The file for exhibit %s (“%s”) has changed since it was added to the "
                     "case, so the bundle was not made. Check the evidence file “%s”, or add "
                     "it to the case again."),
                   ex->label, ex->title, ex->file_name ? ex->file_name : ex->path);
      return FALSE;
    }
  g_free (ex->sha256);
  ex->sha256 = g_ascii_strdown (actual, -1);
  ex->verified = TRUE;
  return TRUE;
}

/* Removes the temporary JPEG, if any. */
void
_rd_photo_clear_converted (RdBundleExhibit *ex)
{
  if (ex->converted_path != NULL)
    rd_output_discard (ex->converted_path);
  g_clear_pointer (&ex->converted_path, g_free);
  if (ex->redacted_path != NULL)
    rd_output_discard (ex->redacted_path);
  g_clear_pointer (&ex->redacted_path, g_free);
  ex->redacted_pages = 0;
}

G_DEFINE_QUARK (rd-bundle-error-quark, rd_bundle_error)

/* Sections */

G_DEFINE_BOXED_TYPE (RdBundleSection, rd_bundle_section, rd_bundle_section_ref, rd_bundle_section_unref)

static void
clear_block (gpointer data)
{
  RdBlock *b = data;

  g_free (b->label);
  g_free (b->text);
  if (b->destroy != NULL)
    b->destroy (b->data);
}

RdBundleSection *
rd_bundle_section_new (const char *title)
{
  RdBundleSection *self = g_new0 (RdBundleSection, 1);

  g_atomic_ref_count_init (&self->ref);
  self->title = g_strdup (title ? title : "");
  self->blocks = g_array_new (FALSE, TRUE, sizeof (RdBlock));
  g_array_set_clear_func (self->blocks, clear_block);
  return self;
}

RdBundleSection *
rd_bundle_section_ref (RdBundleSection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
rd_bundle_section_unref (RdBundleSection *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_array_unref (self->blocks);
  g_free (self->title);
  g_free (self);
}

const char *
rd_bundle_section_get_title (RdBundleSection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/**
 * rd_bundle_section_add:
 * @label: (nullable): the number of a numbered paragraph, or a field's label
 * @text: plain text, printed as it is
 */
void
rd_bundle_section_add (RdBundleSection *self,
                       RdBlockKind      kind,
                       const char      *label,
                       const char      *text)
{
  RdBlock block = { kind, g_strdup (label), NULL };

  g_return_if_fail (self != NULL);
  block.text = g_utf8_make_valid (text ? text : "", -1);
  g_array_append_val (self->blocks, block);
}

guint
rd_bundle_section_get_n_blocks (RdBundleSection *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->blocks->len;
}

/**
 * rd_bundle_section_add_drawing:
 * @width: the picture's width in its own units
 * @height: its height
 * @draw: draws it, on each page pass that draws
 * @user_data: (transfer full): for @draw, freed with @destroy with the section
 *
 * Adds a picture, made as large as the text area allows (never larger
 * than one unit to the point), turned on its side when that lets it grow.
 */
void
rd_bundle_section_add_drawing (RdBundleSection *self,
                               double           width,
                               double           height,
                               RdBlockDrawFunc  draw,
                               gpointer         user_data,
                               GDestroyNotify   destroy)
{
  RdBlock block = { RD_BLOCK_DRAWING, NULL, NULL, width, height, draw, user_data, destroy };

  g_return_if_fail (self != NULL);
  g_return_if_fail (width > 0 && height > 0 && draw != NULL);
  g_array_append_val (self->blocks, block);
}

/**
 * rd_bundle_section_add_rows:
 * @kind: what each row is: a paragraph, a numbered paragraph…
 * @row: makes row @index's text and label, each time the row is drawn
 * @user_data: (transfer full): for @row, freed with @destroy with the section
 *
 * Adds @n_rows blocks of @kind whose text is made only when they are put
 * on a page, and let go straight after: a section of 100,000 numbered
 * paragraphs (a long chronology) then never holds their text at once.
 * Pages are laid out more than once, so @row is called more than once for
 * each row, possibly on another thread, and must give the same text.
 */
void
rd_bundle_section_add_rows (RdBundleSection *self,
                            RdBlockKind      kind,
                            guint            n_rows,
                            RdBlockRowFunc   row,
                            gpointer         user_data,
                            GDestroyNotify   destroy)
{
  RdBlock block = { RD_BLOCK_ROWS, NULL, NULL, 0, 0, NULL, user_data, destroy, kind, n_rows, row };

  g_return_if_fail (self != NULL);
  g_return_if_fail (row != NULL);
  g_return_if_fail (kind != RD_BLOCK_ROWS && kind != RD_BLOCK_DRAWING);
  g_array_append_val (self->blocks, block);
}

/* Exhibits */

G_DEFINE_BOXED_TYPE (RdBundleExhibit, rd_bundle_exhibit, rd_bundle_exhibit_ref, rd_bundle_exhibit_unref)

RdBundleExhibit *
rd_bundle_exhibit_new (RdExhibitKind  kind,
                       const char    *path,
                       const char    *title)
{
  RdBundleExhibit *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (RdBundleExhibit, 1);
  g_atomic_ref_count_init (&self->ref);
  self->kind = kind;
  self->path = g_strdup (path);
  self->title = g_strdup (title ? title : "");
  self->file_name = g_path_get_basename (path);
  return self;
}

RdBundleExhibit *
rd_bundle_exhibit_ref (RdBundleExhibit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
rd_bundle_exhibit_unref (RdBundleExhibit *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  if (self->verify_destroy != NULL)
    self->verify_destroy (self->verify_data);
  g_clear_pointer (&self->pdf_pages, g_array_unref);
  g_clear_pointer (&self->email, rd_bundle_section_unref);
  g_clear_pointer (&self->message, rd_email_free);
  g_clear_pointer (&self->attachment_sha256, g_ptr_array_unref);
  g_clear_pointer (&self->text_layers, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_free (self->path);
  g_free (self->title);
  g_free (self->label);
  g_free (self->description);
  g_free (self->file_name);
  g_free (self->sha256);
  g_free (self->date_source);
  g_free (self->omitted_reason);
  rd_bundle_exhibit_set_password (self, NULL);
  _rd_photo_clear_converted (self);
  g_free (self);
}

RdExhibitKind
rd_bundle_exhibit_get_kind (RdBundleExhibit *self)
{
  return self->kind;
}

const char *
rd_bundle_exhibit_get_path (RdBundleExhibit *self)
{
  return self->path;
}

const char *
rd_bundle_exhibit_get_title (RdBundleExhibit *self)
{
  return self->title;
}

/**
 * rd_bundle_exhibit_set_label:
 * @label: what follows "Exhibit" ("3", "RB/4"); by default its position
 */
void
rd_bundle_exhibit_set_label (RdBundleExhibit *self,
                             const char      *label)
{
  g_free (self->label);
  self->label = g_strdup (label);
}

const char *
rd_bundle_exhibit_get_label (RdBundleExhibit *self)
{
  return self->label;
}

void
rd_bundle_exhibit_set_description (RdBundleExhibit *self,
                                   const char      *description)
{
  g_free (self->description);
  self->description = g_strdup (description);
}

/**
 * rd_bundle_exhibit_set_date:
 * @source: (nullable): where the date came from, as printed after it
 *   ("taken from the photo’s own data", "the date you entered")
 */
void
rd_bundle_exhibit_set_date (RdBundleExhibit *self,
                            GDateTime       *when,
                            const char      *source)
{
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = when ? g_date_time_ref (when) : NULL;
  g_free (self->date_source);
  self->date_source = g_strdup (source);
}

void
rd_bundle_exhibit_set_file_name (RdBundleExhibit *self,
                                 const char      *file_name)
{
  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
}

/**
 * rd_bundle_exhibit_set_sha256:
 *
 * The fingerprint recorded when the file was added to the case. The export
 * re-checks the file against it and stops if they differ.
 */
void
rd_bundle_exhibit_set_sha256 (RdBundleExhibit *self,
                              const char      *sha256_hex)
{
  g_free (self->sha256);
  self->sha256 = sha256_hex ? g_ascii_strdown (sha256_hex, -1) : NULL;
}

const char *
rd_bundle_exhibit_get_sha256 (RdBundleExhibit *self)
{
  return self->sha256;
}

/**
 * rd_bundle_exhibit_set_verify_func:
 *
 * Replaces the export's own re-hashing with @func (the evidence store's
 * check, for example).
 */
void
rd_bundle_exhibit_set_verify_func (RdBundleExhibit     *self,
                                   RdExhibitVerifyFunc  func,
                                   gpointer             user_data,
                                   GDestroyNotify       destroy)
{
  if (self->verify_destroy != NULL)
    self->verify_destroy (self->verify_data);
  self->verify = func;
  self->verify_data = user_data;
  self->verify_destroy = destroy;
}

/* Set after a write when the exhibit could not be put in: why, in words. */
/**
 * rd_bundle_exhibit_set_password:
 * @password: (nullable): the password of a protected PDF
 *
 * Lets the bundle open a password-protected PDF exhibit: its pages go in
 * decrypted (the bundle itself has no password). Kept in memory only, and
 * wiped when replaced or when the exhibit is freed.
 */
void
rd_bundle_exhibit_set_password (RdBundleExhibit *self,
                                const char      *password)
{
  rd_secret_free (self->password);
  self->password = g_strdup (password);
}

const char *
rd_bundle_exhibit_get_omitted_reason (RdBundleExhibit *self)
{
  return self->omitted_reason;
}

int
rd_bundle_exhibit_get_first_page (RdBundleExhibit *self)
{
  return self->first_page;
}

int
rd_bundle_exhibit_get_n_pages (RdBundleExhibit *self)
{
  return self->n_pages;
}

/* The bundle */

G_DEFINE_FINAL_TYPE (RdBundle, rd_bundle, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_rd_part_free (gpointer data)
{
  RdPart *part = data;

  g_clear_pointer (&part->section, rd_bundle_section_unref);
  g_clear_pointer (&part->exhibit, rd_bundle_exhibit_unref);
  g_free (part->letter);
  g_free (part);
}

static void
rd_bundle_finalize (GObject *object)
{
  RdBundle *self = (RdBundle *)object;

  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->anonymiser, rd_anonymiser_free);
  g_clear_pointer (&self->protected_dir, g_free);
  g_clear_pointer (&self->volumes, g_ptr_array_unref);
  g_clear_pointer (&self->removed_volumes, g_strfreev);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (rd_bundle_parent_class)->finalize (object);
}

static void
rd_bundle_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RdBundle *self = RD_BUNDLE (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, rd_bundle_get_fraction (self));
      break;
    case PROP_MESSAGE:
      g_value_take_string (value, rd_bundle_dup_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_bundle_class_init (RdBundleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_bundle_finalize;
  object_class->get_property = rd_bundle_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_bundle_init (RdBundle *self)
{
  self->parts = g_ptr_array_new_with_free_func (_rd_part_free);
  self->paper = RD_PAPER_A4;
  self->title = g_strdup (_("Evidence bundle"));
}

RdBundle *
rd_bundle_new (void)
{
  return g_object_new (RD_TYPE_BUNDLE, NULL);
}

void
rd_bundle_set_title (RdBundle   *self,
                     const char *title)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

void
rd_bundle_set_author (RdBundle   *self,
                      const char *author)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_free (self->author);
  self->author = g_strdup (author);
}

/* The date in the PDF's metadata; now, unless set (tests fix it). */
void
rd_bundle_set_creation_date (RdBundle  *self,
                             GDateTime *when)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = when ? g_date_time_ref (when) : NULL;
}

void
rd_bundle_set_paper (RdBundle    *self,
                     RdPaperSize  paper)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  self->paper = paper;
}

/* Photos are stored at about 190 dpi instead of as taken. */
void
rd_bundle_set_smaller_file (RdBundle *self,
                            gboolean  smaller)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  self->smaller = smaller;
}

/**
 * rd_bundle_set_keep_landscape:
 *
 * Whether an evidence page wider than it is tall goes on landscape paper.
 * By default every page of the bundle is the paper upright, and a wide
 * page is scaled to fit across it: a bundle reads without turning it.
 */
void
rd_bundle_set_keep_landscape (RdBundle *self,
                              gboolean  keep_landscape)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  self->keep_landscape = keep_landscape;
}

/**
 * rd_bundle_set_language:
 * @language: (nullable): the language of the pages Redress writes itself
 *   (index, headings, page stamps); %NULL or "en" for English
 */
void
rd_bundle_set_language (RdBundle   *self,
                        const char *language)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_free (self->language);
  self->language = g_strdup (language);
}

/**
 * _rd_bundle_set_anonymiser:
 * @anonymiser: (transfer full) (nullable): the third parties whose names
 *   are blacked out in the evidence, or %NULL for none
 *
 * In an anonymised bundle, every page of evidence on which a third party's
 * name is found (in its own text, or in words recognised on a scan or a
 * photo) goes in as a picture with the names blacked out and no text
 * behind it, and the emails Redress prints have the names replaced.
 */
void
_rd_bundle_set_anonymiser (RdBundle     *self,
                          RdAnonymiser *anonymiser)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_clear_pointer (&self->anonymiser, rd_anonymiser_free);
  self->anonymiser = anonymiser;
}

/**
 * rd_bundle_set_protected_folder:
 * @folder: (nullable): the data folder the evidence comes from
 *
 * rd_bundle_write() refuses to write anywhere inside @folder, so that a
 * mistyped output never replaces the case file or an evidence file.
 */
void
rd_bundle_set_protected_folder (RdBundle   *self,
                                const char *folder)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_free (self->protected_dir);
  self->protected_dir = g_strdup (folder);
}

static void
add_part (RdBundle         *self,
          RdPartKind        kind,
          RdBundleSection  *section,
          RdBundleExhibit  *exhibit)
{
  RdPart *part = g_new0 (RdPart, 1);

  part->kind = kind;
  part->section = section ? rd_bundle_section_ref (section) : NULL;
  part->exhibit = exhibit ? rd_bundle_exhibit_ref (exhibit) : NULL;
  g_ptr_array_add (self->parts, part);
}

void
rd_bundle_add_section (RdBundle        *self,
                       RdBundleSection *section)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_return_if_fail (section != NULL);
  g_return_if_fail (!self->writing);
  add_part (self, RD_PART_SECTION, section, NULL);
}

/**
 * rd_bundle_add_divider:
 * @letter: the section's letter ("A"), which its bookmarks and index use
 * @title: what the section holds ("Correspondence")
 *
 * Starts a lettered section: a divider page, then the parts added after it
 * until the next divider. The index groups its rows under the section and
 * the bookmarks nest under it.
 */
void
rd_bundle_add_divider (RdBundle   *self,
                       const char *letter,
                       const char *title)
{
  g_autoptr(RdBundleSection) section = NULL;
  RdPart *part;

  g_return_if_fail (RD_IS_BUNDLE (self));
  g_return_if_fail (letter != NULL && title != NULL);
  g_return_if_fail (!self->writing);
  section = rd_bundle_section_new (title);
  add_part (self, RD_PART_DIVIDER, section, NULL);
  part = g_ptr_array_index (self->parts, self->parts->len - 1);
  part->letter = g_strdup (letter);
}

/* The index goes where this is called: usually after the cover. */
void
rd_bundle_add_index (RdBundle *self)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_return_if_fail (!self->writing);
  add_part (self, RD_PART_INDEX, NULL, NULL);
}

void
rd_bundle_add_exhibit (RdBundle        *self,
                       RdBundleExhibit *exhibit)
{
  g_return_if_fail (RD_IS_BUNDLE (self));
  g_return_if_fail (exhibit != NULL);
  g_return_if_fail (!self->writing);
  add_part (self, RD_PART_EXHIBIT, NULL, exhibit);
}

/**
 * rd_bundle_get_exhibits:
 *
 * Returns: (transfer container): the exhibits, in order
 */
GPtrArray *
rd_bundle_get_exhibits (RdBundle *self)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < self->parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (self->parts, i);
      if (part->kind == RD_PART_EXHIBIT)
        g_ptr_array_add (out, part->exhibit);
    }
  return out;
}

/**
 * rd_bundle_dup_omissions:
 *
 * Returns: (transfer full): the exhibits the last write could not include
 * (see rd_bundle_exhibit_get_omitted_reason())
 */
GPtrArray *
rd_bundle_dup_omissions (RdBundle *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_bundle_exhibit_unref);

  for (guint i = 0; i < self->parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (self->parts, i);
      if (part->kind == RD_PART_EXHIBIT && part->exhibit->omitted_reason != NULL)
        g_ptr_array_add (out, rd_bundle_exhibit_ref (part->exhibit));
    }
  return out;
}

int
rd_bundle_get_n_pages (RdBundle *self)
{
  return self->n_pages;
}

int
rd_bundle_get_section_first_page (RdBundle        *self,
                                  RdBundleSection *section)
{
  for (guint i = 0; i < self->parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (self->parts, i);
      if (part->section == section)
        return part->first_page;
    }
  return 0;
}

/* Both read on the main thread, where rd_bundle_write_async() notifies. */
double
rd_bundle_get_fraction (RdBundle *self)
{
  g_return_val_if_fail (RD_IS_BUNDLE (self), 0);

  return self->progress != NULL ? rd_progress_get_fraction (self->progress) : 0;
}

char *
rd_bundle_dup_message (RdBundle *self)
{
  g_return_val_if_fail (RD_IS_BUNDLE (self), NULL);

  return self->progress != NULL ? g_strdup (rd_progress_get_message (self->progress)) : NULL;
}
