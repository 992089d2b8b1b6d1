/* rd-case-page.h: the base class of the pages that show one open case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_CASE_PAGE (rd_case_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (RdCasePage, rd_case_page, RD, CASE_PAGE, GtkWidget)

struct _RdCasePageClass
{
  GtkWidgetClass parent_class;

  /* The page's store or case was replaced; pending edits were written
   * first, and the old store's handlers connected with the page as their
   * data are already disconnected. */
  void     (*store_changed) (RdCasePage  *self);
  /* Called when the page is first shown with a new case, or after the
   * window's next frame if it is not (at once for no case). */
  void     (*case_changed)  (RdCasePage  *self);
  /* Writes what is pending now, or says why it cannot. */
  gboolean (*flush)         (RdCasePage  *self,
                             GError     **error);
  /* Reads the case again and shows it. A page that sets this is called
   * when its case changes in the store (once a burst of writes is over)
   * and when the day changes, and, unless it has its own store_changed,
   * when its store is replaced. */
  void     (*refresh)       (RdCasePage  *self);
  /* Set: refresh is not called while the page is hidden, but as it is
   * next shown, if the case or the day changed meanwhile. */
  gboolean refresh_when_shown;

  gpointer padding[2];
};

RdStore  *rd_case_page_get_store (RdCasePage  *self);
void      rd_case_page_set_store (RdCasePage  *self,
                                  RdStore     *store);
RdCase   *rd_case_page_get_case  (RdCasePage  *self);
void      rd_case_page_set_case  (RdCasePage  *self,
                                  RdCase      *rcase);
gboolean  rd_case_page_flush     (RdCasePage  *self,
                                  GError     **error);
void      rd_case_page_fill      (RdCasePage  *self);
gboolean  rd_case_page_is_waiting (RdCasePage *self);
gboolean  rd_case_page_get_content_hidden (RdCasePage *self);
void      rd_case_page_refresh   (RdCasePage  *self);
void      rd_case_page_refresh_after_frame (RdCasePage *self);
RdClock  *rd_case_page_get_clock (RdCasePage  *self);
void      rd_case_page_set_default_focus (RdCasePage *self,
                                          GtkWidget  *widget);

G_END_DECLS
