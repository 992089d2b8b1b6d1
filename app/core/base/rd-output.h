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
} RdOutputError;

GQuark    rd_output_error_quark  (void);

gboolean  rd_output_check_paths  (const char         *data_dir,
                                  const char * const *paths,
                                  GError            **error);
char     *rd_output_make_temp    (const char         *path,
                                  GError            **error);
gboolean  rd_output_commit       (const char         *temp,
                                  const char         *path,
                                  GError            **error);

G_END_DECLS
