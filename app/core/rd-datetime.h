/* rd-datetime.h: strict parsing and plain-English formatting of dates and times.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RD_DATE_ERROR (rd_date_error_quark ())

typedef enum {
  RD_DATE_ERROR_INVALID,
  RD_DATE_ERROR_OUT_OF_RANGE,
} RdDateError;

GQuark     rd_date_error_quark           (void);

GDate     *rd_date_parse_iso             (const char  *text,
                                          GError     **error);
char      *rd_date_to_iso                (const GDate *date);
char      *rd_date_format_long           (const GDate *date);

GDateTime *rd_datetime_parse_local       (const char  *text,
                                          GError     **error);
char      *rd_datetime_to_storage        (GDateTime   *dt);
char      *rd_datetime_format_long       (GDateTime   *dt);
char      *rd_datetime_format_short      (GDateTime   *dt);
GDate     *rd_datetime_get_date          (GDateTime   *dt);

G_END_DECLS
