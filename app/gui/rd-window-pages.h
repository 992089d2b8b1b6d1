/* rd-window-pages.h: the window's case pages, in the order of its switcher, built as they are needed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by rd-window.c and rd-window-pages.c only; see "Case pages" in
 * rd-window.c for what a page promises the window.
 */
#pragma once

#include <adwaita.h>

#include "rd-window.h"

G_BEGIN_DECLS

#define RD_N_CASE_PAGES 6

typedef struct {
  RdWindow     *window;   /* the owner; it holds these, not a reference */
  AdwViewStack *stack;
  RdStore      *store;
  GtkWidget    *pages[RD_N_CASE_PAGES];  /* NULL until built */
  guint         tick_id;
  guint         idle_id;
} RdCasePages;

void        _rd_case_pages_start       (RdCasePages  *self,
                                        RdWindow     *window,
                                        AdwViewStack *stack,
                                        RdStore      *store);
GtkWidget  *_rd_case_pages_get         (RdCasePages  *self,
                                        const char   *name);
const char *_rd_case_pages_name        (guint         index);
void        _rd_case_pages_clear       (RdCasePages  *self);

G_END_DECLS
