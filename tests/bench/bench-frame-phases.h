/* bench-frame-phases.h: where the main thread's work in each frame goes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _BenchPhases BenchPhases;

BenchPhases *bench_phases_new          (GtkWidget   *window);
void         bench_phases_add_subtree  (BenchPhases *phases,
                                        const char  *label,
                                        GtkWidget   *widget);
void         bench_phases_start        (BenchPhases *phases,
                                        guint        max_ms);
void         bench_phases_print        (BenchPhases *phases,
                                        double       at_least_ms);
double       bench_phases_heaviest     (BenchPhases *phases);
void         bench_phases_free         (BenchPhases *phases);

G_END_DECLS
