/* rd-bundle-private.h: internals shared by the rd-bundle-*.c files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_EXPORT_COMPILATION)
#error "rd-bundle-private.h belongs to app/core/export/: include the folder's public headers instead."
#endif

#include <cairo.h>
#include <pango/pangocairo.h>

#include "rd-anonymise.h"
#include "rd-bundle.h"
#include "rd-bundle-layout.h"
#include "rd-email.h"
#include "rd-pdf-writer.h"
#include "rd-progress.h"

G_BEGIN_DECLS

/* Every page carries "Page N of M" with its baseline this far above the
 * bottom edge, at the right margin. Evidence pages are fitted above a band
 * of this height so the stamp never covers anything of theirs, and keep at
 * least RD_EVIDENCE_MARGIN from the other edges. */
#define RD_STAMP_BASELINE  20.0
#define RD_STAMP_BAND      36.0
#define RD_STAMP_MARGIN    36.0
#define RD_EVIDENCE_MARGIN 18.0

/* The smaller-file option stores pictures no larger than this on their
 * long edge, in pixels: about 190 dpi across an A4 page. */
#define RD_PHOTO_SMALLER_LONG_EDGE 1600

/* The skeleton is drawn in files of this many pages, so that neither
 * cairo nor qpdf ever holds more than that many of its pages. */
#define RD_SKELETON_CHUNK 256

typedef struct
{
  RdBlockKind      kind;
  char            *label;
  char            *text;
  /* RD_BLOCK_DRAWING */
  double           width;
  double           height;
  RdBlockDrawFunc  draw;
  gpointer         data;     /* also RD_BLOCK_ROWS's */
  GDestroyNotify   destroy;
  /* RD_BLOCK_ROWS: n_rows blocks of row_kind, made by row */
  RdBlockKind      row_kind;
  guint            n_rows;
  RdBlockRowFunc   row;
} RdBlock;

struct _RdBundleSection
{
  gatomicrefcount  ref;
  char            *title;
  GArray          *blocks;   /* RdBlock */
};

/* One page of a PDF exhibit as a reader sees it (after /Rotate). */
typedef struct
{
  double width;
  double height;
} RdPdfPage;

struct _RdBundleExhibit
{
  gatomicrefcount      ref;
  RdExhibitKind        kind;
  char                *path;
  char                *title;
  char                *label;
  char                *description;
  char                *file_name;
  char                *sha256;
  GDateTime           *date;
  char                *date_source;
  char                *password;  /* of a protected PDF, given for this export; never stored */
  RdExhibitVerifyFunc  verify;
  gpointer             verify_data;
  GDestroyNotify       verify_destroy;

  /* Filled in while a bundle is written */
  char                *omitted_reason;
  int                  first_page;
  int                  n_pages;
  goffset              size;
  gboolean             verified;
  gboolean             jpeg_direct; /* a JPEG whose own bytes go in (see rd-bundle-photos.c) */
  int                  jpeg_width;
  int                  jpeg_height;
  int                  jpeg_components;
  int                  orientation;
  char                *converted_path; /* a photo made into a JPEG (rd-bundle-convert.c) */
  char                *redacted_path;  /* a PDF with names blacked out (rd-bundle-redact.c) */
  int                  redacted_pages; /* pages (or a photo) with names blacked out */
  gboolean             hash_deferred; /* checked by the verifier thread, or as it is copied */
  gint                 hash_claim;    /* (atomic) 0, or who hashes it: 1 the verifier, 2 the writer */
  GArray              *pdf_pages;   /* RdPdfPage */
  RdBundleSection     *email;       /* the message, as blocks */
  RdEmail             *message;     /* the message read, until its attachments are matched */
  GPtrArray           *attachment_sha256; /* char*: of each attachment, to find it among the exhibits */
  GPtrArray           *text_layers; /* words recognised on its pages (rd-bundle-textlayer.c) */
};

typedef enum {
  RD_PART_SECTION,
  RD_PART_INDEX,
  RD_PART_EXHIBIT,
  RD_PART_SCHEDULE,
  RD_PART_DIVIDER,    /* the first page of a lettered section of the bundle */
} RdPartKind;

typedef struct _RdPart
{
  RdPartKind        kind;
  RdBundleSection  *section;   /* SECTION, SCHEDULE, DIVIDER (its title) */
  RdBundleExhibit  *exhibit;   /* EXHIBIT */
  char             *letter;    /* DIVIDER: "A", "B"… */
  int               first_page;
  int               n_pages;
  /* The lettered section the part is in (its divider), for stamps like "B3" */
  struct _RdPart   *divider;
  /* Split into volumes: the part's pages in the whole bundle, and which
   * volume holds it (0: every volume, as the cover and index) */
  int               bundle_first;
  int               bundle_n;
  int               volume;
} RdPart;

/* A clickable index entry: a rectangle on @page (PDF units, origin at the
 * bottom left) that goes to @target. */
typedef struct
{
  int    page;
  double x0, y0, x1, y1;
  int    target;
} RdLink;

/* Where a PDF exhibit's own pages go: bundle pages first_page … */
typedef struct
{
  RdBundleExhibit *exhibit;
  int              first_page;
} RdEvidenceRun;

struct _RdBundle
{
  GObject       parent_instance;

  char         *title;
  char         *author;
  char         *protected_dir; /* the data folder: never written into */
  GDateTime    *created;
  RdPaperSize   paper;
  gboolean      smaller;
  gboolean      keep_landscape;
  char         *language;     /* of the bundle's own pages; NULL: English */
  RdAnonymiser *anonymiser;   /* names to black out in the evidence; NULL: none */
  goffset       max_volume_size; /* bytes a volume may take; 0: one file */
  gboolean      section_stamps; /* "B3" beside "Page N of M" */
  GPtrArray    *volumes;      /* RdVolume*, as last written */
  char        **removed_volumes; /* stale volumes the last write removed */
  GPtrArray    *parts;      /* RdPart*, in order */
  int           n_pages;
  gboolean      writing;

  /* rd_bundle_write_async()'s progress; "fraction" and "message" follow it. */
  RdProgress   *progress;
};

/* A photo page whose picture is a placeholder in the skeleton: the JPEG's
 * own bytes replace it after assembly, written straight to the bundle. */
typedef struct
{
  RdBundleExhibit *exhibit;
  int              page;
  double           rect[4];  /* where the picture lies on the page: PDF units, origin bottom left */
} RdPhotoSlot;

typedef struct _RdDraw RdDraw;

struct _RdDraw
{
  RdBundle         *bundle;
  GPtrArray        *parts;        /* RdPart* */
  cairo_surface_t  *surface;      /* NULL while only counting pages */
  cairo_t          *cr;
  PangoContext     *pango;
  PangoLayout      *stamp_layout;
  double            paper_width;
  double            paper_height;
  double            page_width;   /* of the page being drawn */
  double            page_height;
  gboolean          evidence_page;
  int               page;         /* pages begun so far = number of the current page */
  int               total;        /* M in "Page N of M"; 0 while counting */
  gboolean          smaller;
  char             *bundle_title;
  GArray           *links;        /* RdLink */
  GArray           *runs;         /* RdEvidenceRun */
  GArray           *photos;       /* RdPhotoSlot */
  GCancellable     *cancellable;
  GPtrArray        *chunks;       /* char*: the skeleton files drawn so far */
  const char       *output_path;  /* they are made beside it */
  GError           *chunk_error;
  cairo_status_t    status;       /* the first error cairo reported */
  void            (*page_done) (RdDraw *d);
  gpointer          page_done_data;
  /* Starts the next skeleton file (see RD_SKELETON_CHUNK): the writer
   * owns the files, the drawing only says when a new one is due. */
  void            (*next_chunk) (RdDraw *d);

  /* Section stamps: the section of the part being drawn */
  gboolean          section_stamps;
  RdPart           *divider;

  /* Volumes (rd-bundle-volumes.c); n_volumes is 0 for one file. While a
   * volume is drawn, d->page counts its own pages and d->parts holds only
   * its parts; its stamps print page + stamp_offset of stamp_total, but
   * the first front_pages (its cover and index) of a volume after the
   * first print the volume instead. */
  GPtrArray        *all_parts;    /* every part, for the index */
  RdBundleSection  *cover;        /* gets a line saying which volume it is */
  int               volume;
  int               n_volumes;
  int               volume_first; /* bundle pages the volume holds */
  int               volume_last;
  int               stamp_offset;
  int               stamp_total;
  int               front_pages;
};

/* One volume of a split bundle */
typedef struct
{
  char            *path;
  char            *temp;      /* written, not yet renamed to @path */
  goffset          size;
  int              first_page;
  int              last_page;
  int              n_items;   /* exhibits or sections planned into it */
} RdVolume;

/* What writing one file needs from the writer (rd-bundle-write.c). */
typedef struct
{
  RdBundle             *bundle;
  RdBundleProgressFunc  progress;
  gpointer              progress_data;
  GCancellable         *cancellable;
  double                base;
  double                share;
  const char           *message;
  gint64                started;
  const char           *output;
} RdWriteJob;

void      _rd_write_report         (RdWriteJob      *job,
                                    double           fraction,
                                    const char      *message);
gboolean  _rd_bundle_write_file    (RdWriteJob      *job,
                                    RdDraw          *d,
                                    GPtrArray       *parts,
                                    const char      *path,
                                    const char      *temp,
                                    GError         **error);

/* rd-bundle-volumes.c */
void      _rd_volume_free          (gpointer         data);
int       _rd_part_bundle_page     (RdDraw          *d,
                                    RdPart          *part);
gboolean  _rd_volumes_write        (RdWriteJob      *job,
                                    RdDraw          *d,
                                    GPtrArray       *parts,
                                    const char      *path,
                                    GError         **error);
gboolean  _rd_volumes_commit       (RdBundle        *bundle,
                                    const char      *path,
                                    GError         **error);
void      _rd_volumes_discard      (RdBundle        *bundle);

void      _rd_part_free            (gpointer         data);

/* rd-bundle.c: what every step knows about an exhibit */
char     *_rd_exhibit_dup_heading  (RdBundleExhibit *exhibit);
char     *_rd_exhibit_dup_date_line (RdBundleExhibit *exhibit);
gboolean  _rd_exhibit_check_hash   (RdBundleExhibit *exhibit,
                                    const char      *actual,
                                    GError         **error);
void      _rd_photo_clear_converted (RdBundleExhibit *exhibit);

/* rd-bundle-text.c: pages, stamps and flowing text */
void      _rd_draw_begin_page      (RdDraw          *d,
                                    double           width,
                                    double           height);
void      _rd_draw_end_page        (RdDraw          *d);
gboolean  _rd_draw_section         (RdDraw          *d,
                                    RdBundleSection *section,
                                    const char      *running_head,
                                    GError         **error);
gboolean  _rd_draw_index           (RdDraw          *d,
                                    GError         **error);
gboolean  _rd_draw_divider         (RdDraw          *d,
                                    RdPart          *part,
                                    GError         **error);
PangoLayout *_rd_draw_layout       (RdDraw          *d,
                                    const char      *font,
                                    const char      *text,
                                    double           width);
char     *_rd_format_size          (goffset          size);

/* rd-bundle-draw.c: exhibits */
gboolean  _rd_draw_exhibit         (RdDraw          *d,
                                    RdPart          *part,
                                    GError         **error);

/* rd-bundle-qpdf.c: reading evidence PDFs */
typedef struct
{
  char     *title;
  int       page;
  gboolean  child;  /* under the section item before it */
} RdOutlineItem;

/* rd-bundle-skeleton.c: counting and drawing the pages Redress writes */
gboolean  _rd_part_is_listed_separately (RdBundleExhibit *exhibit);
PangoContext *_rd_skeleton_pango_context (void);
gboolean  _rd_skeleton_run_pass    (RdDraw          *d,
                                    GError         **error);
GArray   *_rd_skeleton_snapshot_pages (GPtrArray    *parts);
gboolean  _rd_skeleton_draw        (RdDraw          *d,
                                    GPtrArray       *parts,
                                    GArray          *before,
                                    GError         **error);
GArray   *_rd_skeleton_outline     (GPtrArray       *parts);
void      _rd_skeleton_next_chunk  (RdDraw          *d);
void      _rd_skeleton_finish_chunk (RdDraw         *d);
void      _rd_skeleton_remove_chunks (RdDraw        *d);

/* What the bundle is written from, once the skeleton is drawn. */
typedef struct
{
  GPtrArray   *skeletons;  /* char*: file k holds pages k·RD_SKELETON_CHUNK + 1 … */
  int          n_pages;
  GArray      *runs;       /* RdEvidenceRun */
  GArray      *links;      /* RdLink, page by page */
  guint       *page_links; /* page p's links are links[page_links[p] … page_links[p + 1]) */
  GArray      *photos;     /* RdPhotoSlot */
  GArray      *outline;    /* RdOutlineItem */
  const char  *title;
  const char  *author;
  GDateTime   *created;
  gboolean     smaller;
} RdAssembly;

qpdf_data _rd_qpdf_new             (GError         **error);
const char *_rd_qpdf_error_detail  (qpdf_data        q);
QPDF_ERROR_CODE _rd_qpdf_read_mapped (qpdf_data     q,
                                      const char   *path,
                                      const char   *password,
                                      GMappedFile **map);
gboolean  _rd_qpdf_read_box        (qpdf_data        q,
                                    qpdf_oh          page,
                                    const char      *key,
                                    double           box[4]);
void      _rd_qpdf_page_geometry   (qpdf_data        q,
                                    qpdf_oh          page,
                                    double           box[4],
                                    int             *rotate);
gboolean  _rd_pdf_probe            (RdBundleExhibit *exhibit,
                                    GError         **error);

/* rd-bundle-outline.c: writes the outline's objects; returns the outline's
 * object number (bundle page N is object @first_page_id + N - 1). */
int       _rd_pdf_write_outline    (RdPdfWriter     *w,
                                    GArray          *outline,
                                    int              first_page_id);

/* rd-bundle-fit.c: fitting evidence pages to the paper */
void      _rd_fit_matrix           (const double     box[4],
                                    int              rotate,
                                    const double     paper[4],
                                    double           m[6]);
void      _rd_transform_rect       (const double     m[6],
                                    const double     rect[4],
                                    double           out[4]);

/* rd-bundle-assemble.c */
gboolean  _rd_pdf_assemble         (RdAssembly      *assembly,
                                    const char      *output,
                                    void           (*progress) (double fraction, gpointer data),
                                    gpointer         progress_data,
                                    GCancellable    *cancellable,
                                    GError         **error);

/* rd-bundle-convert.c: other pictures, made into JPEGs */
gboolean  _rd_photo_convert        (RdBundleExhibit *exhibit,
                                    const char      *output,
                                    gboolean         smaller,
                                    GError         **error);

/* rd-bundle-photos.c: JPEG photos written straight into the bundle; the
 * error for a picture file that cannot be read, for rd-bundle-convert.c too */
void      _rd_exhibit_set_read_error (RdBundleExhibit *exhibit,
                                      int              saved_errno,
                                      GError         **error);

gboolean  _rd_photo_probe          (RdBundleExhibit *exhibit,
                                    GError         **error);
gboolean  _rd_photo_write          (RdPdfWriter     *writer,
                                    int              id,
                                    RdBundleExhibit *exhibit,
                                    gboolean         smaller,
                                    GError         **error);
GBytes   *_rd_photo_downsample     (GBytes          *original,
                                    int             *width,
                                    int             *height,
                                    GError         **error);

/* rd-bundle-textlayer.c: invisible text over scanned pages and photos */
typedef struct
{
  double  left, top, right, bottom;  /* from the top left, in the recognised page's units */
  char   *text;
} RdOcrWord;

typedef struct
{
  int     page;
  double  width;    /* of the page as a reader sees it, in the units of @words */
  double  height;
  char   *words;    /* see RdOcrPage */
} RdTextLayer;

void      _rd_bundle_exhibit_add_text_layer (RdBundleExhibit *exhibit,
                                    int              page,
                                    double           width,
                                    double           height,
                                    const char      *words);
void      _rd_bundle_set_anonymiser (RdBundle       *bundle,
                                    RdAnonymiser    *anonymiser);
GArray   *_rd_ocr_words_parse      (const char      *words);
RdTextLayer *_rd_text_layer_find   (RdBundleExhibit *exhibit,
                                    int              page);
void      _rd_text_layer_drop      (RdBundleExhibit *exhibit,
                                    int              page);
int       _rd_text_layer_write     (RdPdfWriter     *writer,
                                    int             *font_id,
                                    RdBundleExhibit *exhibit,
                                    int              page,
                                    const double     placed[4],
                                    const double     paper[4]);

/* rd-bundle-redact.c: names blacked out in an anonymised bundle */
gboolean  _rd_redact_exhibit       (RdBundleExhibit *exhibit,
                                    RdAnonymiser    *anonymiser,
                                    const char      *output,
                                    gboolean         smaller,
                                    GCancellable    *cancellable,
                                    GError         **error);
void      _rd_redact_section       (RdBundleSection *section,
                                    RdAnonymiser    *anonymiser);

/* rd-bundle-layout.c: what a section of a layout names */
GPtrArray *_rd_bundle_layout_get_contents (RdBundleLayout *layout,
                                           guint           section);

/* rd-bundle-verify.c */
typedef struct _RdVerifier RdVerifier;

RdVerifier *_rd_verifier_start     (GPtrArray       *exhibits,
                                    GCancellable    *cancellable);
gboolean  _rd_verifier_finish      (RdVerifier      *verifier,
                                    GCancellable    *outer,
                                    GError         **error);

RdBundleSection *_rd_email_section (RdEmail         *email,
                                    const char * const *attachment_labels);

gboolean  _rd_bundle_audit         (GPtrArray       *parts,
                                    GCancellable    *cancellable,
                                    GError         **error);

G_END_DECLS
