/* rd-bundle.h: an ordered set of sections and exhibits, written as one paginated PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define RD_BUNDLE_ERROR (rd_bundle_error_quark ())

typedef enum {
  RD_BUNDLE_ERROR_FAILED,
  RD_BUNDLE_ERROR_EVIDENCE_MISSING,
  RD_BUNDLE_ERROR_EVIDENCE_ALTERED,
  RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
  RD_BUNDLE_ERROR_WRITE,
  RD_BUNDLE_ERROR_EMPTY,
} RdBundleError;

typedef enum {
  RD_PAPER_A4,
  RD_PAPER_LETTER,
} RdPaperSize;

/* What a section is made of; all text is plain (never markup), so what a
 * resident typed is printed as typed. */
typedef enum {
  RD_BLOCK_TITLE,      /* the section's heading, large */
  RD_BLOCK_HEADING,    /* a heading inside the section */
  RD_BLOCK_PARAGRAPH,
  RD_BLOCK_NUMBERED,   /* a numbered paragraph: the label ("12.") hangs in the margin */
  RD_BLOCK_BULLET,
  RD_BLOCK_FIELD,      /* "label: value", label in a column (cover, letter heads) */
  RD_BLOCK_NOTE,       /* small print */
  RD_BLOCK_PAGE_BREAK,
  RD_BLOCK_FIELD_FIXED, /* a field whose value is a code (a SHA-256): fixed-width, unbroken */
  RD_BLOCK_DRAWING,    /* a picture drawn by a function: rd_bundle_section_add_drawing() */
  RD_BLOCK_ROWS,       /* blocks made one at a time as they are drawn: rd_bundle_section_add_rows() */
} RdBlockKind;

/* The text of row @index of a RD_BLOCK_ROWS block (and in @label, its
 * label, or %NULL), each newly allocated; %NULL with @error set when the
 * row cannot be made (what it is made from could not be read), which
 * stops the bundle being written. */
typedef char *(*RdBlockRowFunc) (gpointer   user_data,
                                 guint      index,
                                 char     **label,
                                 GError   **error);

/* Draws a picture with its top left corner at the origin of @cr, in its
 * own units: the section scales it to the page. */
typedef void (*RdBlockDrawFunc) (cairo_t  *cr,
                                 gpointer  user_data);

typedef enum {
  RD_EXHIBIT_PDF,
  RD_EXHIBIT_PHOTO,    /* JPEG or PNG */
  RD_EXHIBIT_EMAIL,    /* a saved message (.eml) */
  RD_EXHIBIT_AUDIO,
  RD_EXHIBIT_VIDEO,
  RD_EXHIBIT_OTHER,    /* anything else: listed and supplied separately */
} RdExhibitKind;

typedef struct _RdBundleSection RdBundleSection;
typedef struct _RdBundleExhibit RdBundleExhibit;

/**
 * RdExhibitVerifyFunc:
 *
 * Checks that the file behind @exhibit is present and unchanged; on
 * success it may store the file's SHA-256 with rd_bundle_exhibit_set_sha256().
 */
typedef gboolean (*RdExhibitVerifyFunc) (RdBundleExhibit  *exhibit,
                                         const char       *path,
                                         gpointer          user_data,
                                         GCancellable     *cancellable,
                                         GError          **error);

typedef void (*RdBundleProgressFunc) (double      fraction,
                                      const char *message,
                                      gpointer    user_data);

GQuark            rd_bundle_error_quark           (void);

/* Sections */
GType             rd_bundle_section_get_type      (void) G_GNUC_CONST;
RdBundleSection  *rd_bundle_section_new           (const char      *title);
RdBundleSection  *rd_bundle_section_ref           (RdBundleSection *self);
void              rd_bundle_section_unref         (RdBundleSection *self);
const char       *rd_bundle_section_get_title     (RdBundleSection *self);
void              rd_bundle_section_add           (RdBundleSection *self,
                                                   RdBlockKind      kind,
                                                   const char      *label,
                                                   const char      *text);
guint             rd_bundle_section_get_n_blocks  (RdBundleSection *self);
void              rd_bundle_section_add_drawing   (RdBundleSection *self,
                                                   double           width,
                                                   double           height,
                                                   RdBlockDrawFunc  draw,
                                                   gpointer         user_data,
                                                   GDestroyNotify   destroy);
void              rd_bundle_section_add_rows      (RdBundleSection *self,
                                                   RdBlockKind      kind,
                                                   guint            n_rows,
                                                   RdBlockRowFunc   row,
                                                   gpointer         user_data,
                                                   GDestroyNotify   destroy);

/* Exhibits */
GType             rd_bundle_exhibit_get_type      (void) G_GNUC_CONST;
RdBundleExhibit  *rd_bundle_exhibit_new           (RdExhibitKind    kind,
                                                   const char      *path,
                                                   const char      *title);
RdBundleExhibit  *rd_bundle_exhibit_ref           (RdBundleExhibit *self);
void              rd_bundle_exhibit_unref         (RdBundleExhibit *self);
RdExhibitKind     rd_bundle_exhibit_get_kind      (RdBundleExhibit *self);
const char       *rd_bundle_exhibit_get_path      (RdBundleExhibit *self);
const char       *rd_bundle_exhibit_get_title     (RdBundleExhibit *self);
void              rd_bundle_exhibit_set_label     (RdBundleExhibit *self,
                                                   const char      *label);
const char       *rd_bundle_exhibit_get_label     (RdBundleExhibit *self);
void              rd_bundle_exhibit_set_description (RdBundleExhibit *self,
                                                   const char      *description);
void              rd_bundle_exhibit_set_date      (RdBundleExhibit *self,
                                                   GDateTime       *when,
                                                   const char      *source);
void              rd_bundle_exhibit_set_file_name (RdBundleExhibit *self,
                                                   const char      *file_name);
void              rd_bundle_exhibit_set_sha256    (RdBundleExhibit *self,
                                                   const char      *sha256_hex);
const char       *rd_bundle_exhibit_get_sha256    (RdBundleExhibit *self);
void              rd_bundle_exhibit_set_verify_func (RdBundleExhibit *self,
                                                   RdExhibitVerifyFunc func,
                                                   gpointer         user_data,
                                                   GDestroyNotify   destroy);
void              rd_bundle_exhibit_set_password  (RdBundleExhibit *self,
                                                   const char      *password);
gboolean          rd_bundle_pdf_needs_password    (const char      *path,
                                                   const char      *password);
const char       *rd_bundle_exhibit_get_omitted_reason (RdBundleExhibit *self);
int               rd_bundle_exhibit_get_first_page (RdBundleExhibit *self);
int               rd_bundle_exhibit_get_n_pages   (RdBundleExhibit *self);

/* The bundle */
#define RD_TYPE_BUNDLE (rd_bundle_get_type ())
G_DECLARE_FINAL_TYPE (RdBundle, rd_bundle, RD, BUNDLE, GObject)

RdBundle         *rd_bundle_new                   (void);
void              rd_bundle_set_title             (RdBundle        *self,
                                                   const char      *title);
void              rd_bundle_set_author            (RdBundle        *self,
                                                   const char      *author);
void              rd_bundle_set_creation_date     (RdBundle        *self,
                                                   GDateTime       *when);
void              rd_bundle_set_paper             (RdBundle        *self,
                                                   RdPaperSize      paper);
void              rd_bundle_set_smaller_file      (RdBundle        *self,
                                                   gboolean         smaller);
void              rd_bundle_set_keep_landscape    (RdBundle        *self,
                                                   gboolean         keep_landscape);
void              rd_bundle_set_language          (RdBundle        *self,
                                                   const char      *language);
void              rd_bundle_set_protected_folder (RdBundle      *self,
                                                   const char      *folder);
void              rd_bundle_set_section_stamps    (RdBundle        *self,
                                                   gboolean         section_stamps);
void              rd_bundle_set_max_volume_size   (RdBundle        *self,
                                                   goffset          bytes);
goffset           rd_bundle_get_max_volume_size   (RdBundle        *self);
guint             rd_bundle_get_n_volumes         (RdBundle        *self);
const char       *rd_bundle_get_volume_path       (RdBundle        *self,
                                                   guint            index);
goffset           rd_bundle_get_volume_size       (RdBundle        *self,
                                                   guint            index);
void              rd_bundle_get_volume_pages      (RdBundle        *self,
                                                   guint            index,
                                                   int             *first,
                                                   int             *last);
RdBundleExhibit  *rd_bundle_get_volume_alone      (RdBundle        *self,
                                                   guint            index);
const char * const *rd_bundle_get_removed_volumes (RdBundle        *self);
void              rd_bundle_add_section           (RdBundle        *self,
                                                   RdBundleSection *section);
void              rd_bundle_add_index             (RdBundle        *self);
void              rd_bundle_add_divider           (RdBundle        *self,
                                                   const char      *letter,
                                                   const char      *title);
void              rd_bundle_add_exhibit           (RdBundle        *self,
                                                   RdBundleExhibit *exhibit);
GPtrArray        *rd_bundle_get_exhibits          (RdBundle        *self);
GPtrArray        *rd_bundle_dup_omissions         (RdBundle        *self);
int               rd_bundle_get_n_pages           (RdBundle        *self);
int               rd_bundle_get_section_first_page (RdBundle       *self,
                                                   RdBundleSection *section);
double            rd_bundle_get_fraction          (RdBundle        *self);
char             *rd_bundle_dup_message           (RdBundle        *self);

gboolean          rd_bundle_write                 (RdBundle        *self,
                                                   const char      *path,
                                                   RdBundleProgressFunc progress,
                                                   gpointer         progress_data,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
void              rd_bundle_write_async           (RdBundle        *self,
                                                   const char      *path,
                                                   GCancellable    *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer         user_data);
gboolean          rd_bundle_write_finish          (RdBundle        *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdBundleSection, rd_bundle_section_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdBundleExhibit, rd_bundle_exhibit_unref)

G_END_DECLS
