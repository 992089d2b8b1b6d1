/* rd-evidence.h: one piece of evidence kept in the store, and its links.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-types.h"

G_BEGIN_DECLS

/* Stored by key (see rd_evidence_kind_to_string), so never renumber. */
typedef enum {
  RD_EVIDENCE_KIND_OTHER,
  RD_EVIDENCE_KIND_PDF,
  RD_EVIDENCE_KIND_PHOTO,
  RD_EVIDENCE_KIND_EMAIL,
  RD_EVIDENCE_KIND_AUDIO,
  RD_EVIDENCE_KIND_VIDEO,
  RD_EVIDENCE_KIND_N_KINDS /*< skip >*/
} RdEvidenceKind;

/* Where the captured date came from. */
typedef enum {
  RD_EVIDENCE_DATE_NONE,
  RD_EVIDENCE_DATE_EXIF,           /* the photo's EXIF DateTimeOriginal */
  RD_EVIDENCE_DATE_PDF,            /* the PDF's creation date */
  RD_EVIDENCE_DATE_EMAIL,          /* the email's Date header */
  RD_EVIDENCE_DATE_FILE_MODIFIED,  /* the file's modification time */
  RD_EVIDENCE_DATE_N_SOURCES
} RdEvidenceDateSource;

/* What a piece of evidence is linked to. Stored by key. */
typedef enum {
  RD_EVIDENCE_TARGET_INCIDENT,
  RD_EVIDENCE_TARGET_CONTACT,
  RD_EVIDENCE_TARGET_COMPLAINT_EVENT,
  RD_EVIDENCE_TARGET_N_KINDS
} RdEvidenceTargetKind;

#define RD_TYPE_EVIDENCE (rd_evidence_get_type ())
G_DECLARE_FINAL_TYPE (RdEvidence, rd_evidence, RD, EVIDENCE, GObject)

RdEvidence           *rd_evidence_new                  (void);

gint64                rd_evidence_get_id               (RdEvidence  *self);
void                  rd_evidence_set_id               (RdEvidence  *self,
                                                        gint64       id);
gint64                rd_evidence_get_case_id          (RdEvidence  *self);
void                  rd_evidence_set_case_id          (RdEvidence  *self,
                                                        gint64       case_id);
const char           *rd_evidence_get_sha256           (RdEvidence  *self);
void                  rd_evidence_set_sha256           (RdEvidence  *self,
                                                        const char  *sha256);
const char           *rd_evidence_get_path             (RdEvidence  *self);
void                  rd_evidence_set_path             (RdEvidence  *self,
                                                        const char  *path);
goffset               rd_evidence_get_size             (RdEvidence  *self);
void                  rd_evidence_set_size             (RdEvidence  *self,
                                                        goffset      size);
const char           *rd_evidence_get_content_type     (RdEvidence  *self);
void                  rd_evidence_set_content_type     (RdEvidence  *self,
                                                        const char  *content_type);
RdEvidenceKind        rd_evidence_get_kind             (RdEvidence  *self);
void                  rd_evidence_set_kind             (RdEvidence  *self,
                                                        RdEvidenceKind kind);
const char           *rd_evidence_get_original_name    (RdEvidence  *self);
void                  rd_evidence_set_original_name    (RdEvidence  *self,
                                                        const char  *name);
GDateTime            *rd_evidence_get_captured_at      (RdEvidence  *self);
void                  rd_evidence_set_captured_at      (RdEvidence  *self,
                                                        GDateTime   *captured_at);
RdEvidenceDateSource  rd_evidence_get_date_source      (RdEvidence  *self);
void                  rd_evidence_set_date_source      (RdEvidence  *self,
                                                        RdEvidenceDateSource source);
const char           *rd_evidence_get_description      (RdEvidence  *self);
void                  rd_evidence_set_description      (RdEvidence  *self,
                                                        const char  *description);
int                   rd_evidence_get_page_count       (RdEvidence  *self);
void                  rd_evidence_set_page_count       (RdEvidence  *self,
                                                        int          page_count);
gint64                rd_evidence_get_duration_ms      (RdEvidence  *self);
void                  rd_evidence_set_duration_ms      (RdEvidence  *self,
                                                        gint64       duration_ms);
int                   rd_evidence_get_orientation      (RdEvidence  *self);
void                  rd_evidence_set_orientation      (RdEvidence  *self,
                                                        int          orientation);
const char           *rd_evidence_get_title            (RdEvidence  *self);
void                  rd_evidence_set_title            (RdEvidence  *self,
                                                        const char  *title);
const char           *rd_evidence_get_author           (RdEvidence  *self);
void                  rd_evidence_set_author           (RdEvidence  *self,
                                                        const char  *author);
const char           *rd_evidence_get_recipients       (RdEvidence  *self);
void                  rd_evidence_set_recipients       (RdEvidence  *self,
                                                        const char  *recipients);
const char           *rd_evidence_get_problem          (RdEvidence  *self);
void                  rd_evidence_set_problem          (RdEvidence  *self,
                                                        const char  *problem);
gboolean              rd_evidence_get_needs_password   (RdEvidence  *self);
void                  rd_evidence_set_needs_password   (RdEvidence  *self,
                                                        gboolean     needs_password);
gint64                rd_evidence_get_parent_id        (RdEvidence  *self);
void                  rd_evidence_set_parent_id        (RdEvidence  *self,
                                                        gint64       parent_id);
gint64                rd_evidence_get_imported_at      (RdEvidence  *self);
void                  rd_evidence_set_imported_at      (RdEvidence  *self,
                                                        gint64       unix_time);
guint                 rd_evidence_get_n_links          (RdEvidence  *self);
void                  rd_evidence_set_n_links          (RdEvidence  *self,
                                                        guint        n_links);
/* The exhibit number: stable within the case, never given twice (0 until stored). */
gint64                rd_evidence_get_exhibit_number   (RdEvidence  *self);
void                  rd_evidence_set_exhibit_number   (RdEvidence  *self,
                                                        gint64       exhibit_number);

char                 *rd_evidence_dup_display_name     (RdEvidence  *self);
char                 *rd_evidence_dup_summary          (RdEvidence  *self);

const char           *rd_evidence_kind_to_string       (RdEvidenceKind kind);
RdEvidenceKind        rd_evidence_kind_from_string     (const char  *key);
const char           *rd_evidence_kind_get_label       (RdEvidenceKind kind);
RdEvidenceKind        rd_evidence_kind_for_content_type (const char *content_type);
const char           *rd_evidence_date_source_to_string (RdEvidenceDateSource source);
RdEvidenceDateSource  rd_evidence_date_source_from_string (const char *key);
const char           *rd_evidence_date_source_get_label (RdEvidenceDateSource source);
const char           *rd_evidence_target_kind_to_string (RdEvidenceTargetKind kind);
RdEvidenceTargetKind  rd_evidence_target_kind_from_string (const char *key);

/* A link from a piece of evidence to what it proves. */
#define RD_TYPE_EVIDENCE_LINK (rd_evidence_link_get_type ())
G_DECLARE_FINAL_TYPE (RdEvidenceLink, rd_evidence_link, RD, EVIDENCE_LINK, GObject)

RdEvidenceLink       *rd_evidence_link_new             (gint64       evidence_id,
                                                        RdEvidenceTargetKind target_kind,
                                                        gint64       target_id,
                                                        const char  *note);
gint64                rd_evidence_link_get_evidence_id (RdEvidenceLink *self);
RdEvidenceTargetKind  rd_evidence_link_get_target_kind (RdEvidenceLink *self);
gint64                rd_evidence_link_get_target_id   (RdEvidenceLink *self);
const char           *rd_evidence_link_get_note        (RdEvidenceLink *self);

/* The result of checking one stored file against its recorded SHA-256. */
typedef enum {
  RD_EVIDENCE_INTACT,
  RD_EVIDENCE_MISSING,
  RD_EVIDENCE_ALTERED,
  RD_EVIDENCE_UNREADABLE,
} RdEvidenceIntegrity;

typedef struct {
  gint64               evidence_id;
  char                *original_name;
  char                *sha256;
  char                *path;
  RdEvidenceIntegrity  state;
  char                *message;  /* a sentence naming the file and what is wrong */
} RdEvidenceProblem;

void                  rd_evidence_problem_free         (RdEvidenceProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdEvidenceProblem, rd_evidence_problem_free)

RdEvidenceIntegrity   rd_evidence_check_file           (const char   *path,
                                                        const char   *sha256,
                                                        GCancellable *cancellable,
                                                        GError      **error);

G_END_DECLS
