/* rd-output.h: files Redress writes for the user (bundles, chronologies, archives), never over what matters.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RD_OUTPUT_ERROR (rd_output_error_quark ())

typedef enum {
  RD_OUTPUT_ERROR_INSIDE_DATA,  /* in the data folder: the case file, the evidence */
  RD_OUTPUT_ERROR_DUPLICATE,    /* two outputs of one export given the same file */
  RD_OUTPUT_ERROR_NOT_A_FILE,   /* a folder, or a name with no file in it */
  RD_OUTPUT_ERROR_WRITE,
  RD_OUTPUT_ERROR_NO_SPACE,     /* the disk that would hold it is full */
} RdOutputError;

/* Every temporary file an export writes beside its output is named so, and
 * nothing else Redress writes there is; see rd_output_remove_stale(). */
#define RD_OUTPUT_TEMP_PREFIX ".redress-tmp-"


GQuark    rd_output_error_quark  (void);

gboolean  rd_output_check_paths  (const char         *data_dir,
                                  const char * const *paths,
                                  GError            **error);
char     *rd_output_make_temp    (const char         *path,
                                  GError            **error);
char     *rd_output_make_side_temp (const char       *path,
                                  const char         *what,
                                  GError            **error);
gboolean  rd_output_commit       (const char         *temp,
                                  const char         *path,
                                  GError            **error);
void      rd_output_discard      (const char         *temp);
guint     rd_output_remove_stale (const char         *dir);
char     *rd_output_series_path  (const char         *path,
                                  guint               number);
guint     rd_output_series_number (const char        *path,
                                  const char         *candidate);
gboolean  rd_output_check_series (const char         *data_dir,
                                  const char         *path,
                                  const char * const *others,
                                  GError            **error);
gboolean  rd_output_commit_set   (const char * const *temps,
                                  const char * const *paths,
                                  GError            **error);
GStrv     rd_output_remove_series (const char        *path,
                                  guint               from);
gboolean  rd_output_explain_full_disk (const char    *path,
                                  GError            **error);

G_END_DECLS
