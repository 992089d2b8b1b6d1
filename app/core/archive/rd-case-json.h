/* rd-case-json.h: a whole case as one JSON document, for import and export.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rd-types.h"
#include "rd-case-facts.h"
#include "rd-progress.h"
#include "rd-service-loss.h"

G_BEGIN_DECLS

#define RD_CASE_JSON_ERROR (rd_case_json_error_quark ())

typedef enum {
  RD_CASE_JSON_ERROR_SYNTAX,    /* not JSON at all */
  RD_CASE_JSON_ERROR_INVALID,   /* JSON, but a field is missing or wrong */
  RD_CASE_JSON_ERROR_VERSION,   /* written by a newer Redress */
} RdCaseJsonError;

/* The format's version, written as "version"; documents up to this one are read. */
#define RD_CASE_JSON_VERSION 1

/* The largest document, and the longest text in one field, that import
 * takes. A text costs about 20 times its size while it is imported (the
 * search index sees each word with its first letters), so 4 MB keeps one
 * field's import near 100 MB; a diary entry that long is some 600,000
 * words. bench-memory measures both. */
#define RD_CASE_JSON_MAX_DOCUMENT_BYTES (256 * 1024 * 1024)
#define RD_CASE_JSON_MAX_TEXT_BYTES     (4 * 1024 * 1024)

GQuark       rd_case_json_error_quark (void);

JsonNode    *rd_case_json_from_facts  (RdCaseFacts  *facts);
void         rd_case_json_add_service_loss (JsonBuilder         *builder,
                                            const RdServiceLoss *loss);
char        *rd_case_json_export      (RdStore      *store,
                                       gint64        case_id,
                                       GError      **error);
gboolean     rd_case_json_write       (RdStore      *store,
                                       gint64        case_id,
                                       GOutputStream *out,
                                       GCancellable *cancellable,
                                       GError      **error);
RdCaseFacts *rd_case_json_parse       (const char   *data,
                                       gssize        length,
                                       GDateTime    *now,
                                       GError      **error);
gint64       rd_case_json_import      (RdStore      *store,
                                       const char   *data,
                                       gssize        length,
                                       GError      **error);
gint64       rd_case_json_import_full (RdStore      *store,
                                       const char   *data,
                                       gssize        length,
                                       RdProgress   *progress,
                                       GCancellable *cancellable,
                                       GError      **error);
gint64       rd_case_json_import_mapped (RdStore     *store,
                                         GMappedFile *document,
                                         RdProgress  *progress,
                                         GCancellable *cancellable,
                                         GError     **error);
gint64       rd_case_json_import_facts (RdStore     *store,
                                        RdCaseFacts *facts,
                                        GHashTable **incident_ids,
                                        GHashTable **contact_ids,
                                        GError     **error);

G_END_DECLS
