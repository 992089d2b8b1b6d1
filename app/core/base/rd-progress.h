/* rd-progress.h: how far long work has got, set from a worker, notified on the main loop.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RD_TYPE_PROGRESS (rd_progress_get_type ())
G_DECLARE_FINAL_TYPE (RdProgress, rd_progress, RD, PROGRESS, GObject)

RdProgress *rd_progress_new          (void);
void        rd_progress_set          (RdProgress *self,
                                      double      fraction,
                                      const char *message);
void        rd_progress_report       (double      fraction,
                                      const char *message,
                                      gpointer    progress);
double      rd_progress_get_fraction (RdProgress *self);
const char *rd_progress_get_message  (RdProgress *self);

G_END_DECLS
