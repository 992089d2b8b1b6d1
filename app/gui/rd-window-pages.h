/* rd-window-pages.h: the window's table of case pages, in the order of its switcher.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by rd-window.c only; see "Case pages" there for what a page
 * promises the window.
 */
#pragma once

#include <glib/gi18n.h>

#include "rd-complaints-page.h"
#include "rd-contacts-page.h"
#include "rd-dashboard-page.h"
#include "rd-diary-page.h"
#include "rd-evidence-page.h"
#include "rd-timeline-page.h"

typedef struct {
  const char *name;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} RdCasePageInfo;

static const RdCasePageInfo case_pages[] = {
  /* name       title           icon name                      type */
  { "dashboard", N_("What Next"), "emblem-important-symbolic", rd_dashboard_page_get_type },
  { "diary",    N_("Diary"),    "x-office-calendar-symbolic",  rd_diary_page_get_type },
  { "contacts", N_("Contacts"), "mail-send-receive-symbolic",  rd_contacts_page_get_type },
  { "complaints", N_("Complaints"), "mail-message-new-symbolic", rd_complaints_page_get_type },
  { "evidence", N_("Evidence"), "folder-documents-symbolic",   rd_evidence_page_get_type },
  { "timeline", N_("Timeline"), "view-continuous-symbolic",   rd_timeline_page_get_type },
};
