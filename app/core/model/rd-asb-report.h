/* rd-asb-report.h: when an entry was reported to the police and the council, and whether it was a hate incident.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The report facts an ASB Case Review counts, beside the day the entry
 * was reported to the landlord (which the incident keeps for deadlines).
 * An invalid date is "not reported there, or not known when". */
typedef struct {
  GDate    police;
  GDate    council;
  gboolean hate;    /* the resident says it was a hate incident or crime */
} RdAsbReport;

void      rd_asb_report_init     (RdAsbReport       *report);
gboolean  rd_asb_report_is_empty (const RdAsbReport *report);
char     *rd_asb_report_to_key   (const RdAsbReport *report);
gboolean  rd_asb_report_from_key (const char        *text,
                                  RdAsbReport       *out,
                                  GError           **error);

G_END_DECLS
