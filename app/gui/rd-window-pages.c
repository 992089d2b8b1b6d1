/* rd-window-pages.c: the window's case pages, in the order of its switcher, built as they are needed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-case-page.h"
#include "rd-complaints-page.h"
#include "rd-contacts-page.h"
#include "rd-dashboard-page.h"
#include "rd-diary-page.h"
#include "rd-evidence-page.h"
#include "rd-gui-util.h"
#include "rd-timeline-page.h"
#include "rd-window-pages.h"

/*
 * Building the six case pages from their templates, with the diary's
 * entry editor and its date pickers, was most of what Redress did before
 * its first frame that a bare window does not (issue 17), whether or not
 * a case was open. So a page is built when something asks for it by name
 * (rd_window_get_page(), Alt+N, a case opening on What Next), or else in
 * the background once the window has drawn, one page per idle moment.
 *
 * Pages are built, and added to the view stack, in the table's order, so
 * that the switcher's order never changes: asking for one builds those
 * before it first. A page is never taken out of the stack or put back,
 * so the switcher's buttons for built pages stay as they are (a keyboard
 * or screen reader on one is not lost), and the stack's children are the
 * pages themselves, which is what the window and its tests rely on.
 */

typedef struct {
  const char *name;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} RdCasePageInfo;

static const RdCasePageInfo case_pages[RD_N_CASE_PAGES] = {
  /* name       title           icon name                      type */
  { "dashboard", N_("What Next"), "emblem-important-symbolic", rd_dashboard_page_get_type },
  { "diary",    N_("Diary"),    "x-office-calendar-symbolic",  rd_diary_page_get_type },
  { "contacts", N_("Contacts"), "mail-send-receive-symbolic",  rd_contacts_page_get_type },
  { "complaints", N_("Complaints"), "mail-message-new-symbolic", rd_complaints_page_get_type },
  { "evidence", N_("Evidence"), "folder-documents-symbolic",   rd_evidence_page_get_type },
  { "timeline", N_("Timeline"), "view-continuous-symbolic",   rd_timeline_page_get_type },
};

const char *
_rd_case_pages_name (guint index)
{
  g_return_val_if_fail (index < RD_N_CASE_PAGES, NULL);

  return case_pages[index].name;
}

static void
add_to_stack (RdCasePages *self,
              guint        index,
              GtkWidget   *child)
{
  adw_view_stack_add_titled_with_icon (self->stack, child, case_pages[index].name,
                                       _(case_pages[index].title), case_pages[index].icon_name);
}

/* Builds page @index and appends it; every page before it is built already. */
static void
build_page (RdCasePages *self,
            guint        index)
{
  RdCase *rcase = rd_window_get_case (self->window);

  self->pages[index] = g_object_new (case_pages[index].get_type (), "store", self->store, NULL);
  add_to_stack (self, index, self->pages[index]);
  if (rcase != NULL)
    rd_case_page_set_case (RD_CASE_PAGE (self->pages[index]), rcase);
  /* A window is named for screen readers whole as it maps, hidden pages
   * included; what is added once it is shown, the page and the switchers'
   * buttons for it, is named now, since a screen reader reads it before
   * it is ever shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->window)))
    rd_gui_tidy_accessible_names (GTK_WIDGET (self->window));
}

static GtkWidget *
build_up_to (RdCasePages *self,
             guint        index)
{
  for (guint i = 0; i <= index; i++)
    if (self->pages[i] == NULL)
      build_page (self, i);
  return self->pages[index];
}

/* One page per idle moment, so that nothing the resident does waits for
 * more than one. */
static gboolean
build_next_cb (gpointer user_data)
{
  RdCasePages *self = user_data;

  for (guint i = 0; i < RD_N_CASE_PAGES; i++)
    if (self->pages[i] == NULL)
      {
        build_up_to (self, i);
        return G_SOURCE_CONTINUE;
      }
  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

/* The first frame is being made: the other pages wait until it is drawn. */
static gboolean
first_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RdCasePages *self = user_data;

  self->tick_id = 0;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, build_next_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* No page yet: they come when asked for, or after the first frame. */
void
_rd_case_pages_start (RdCasePages  *self,
                      RdWindow     *window,
                      AdwViewStack *stack,
                      RdStore      *store)
{
  self->window = window;
  self->stack = stack;
  self->store = store;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), first_frame_cb, self, NULL);
}

/**
 * _rd_case_pages_get:
 * @name: a name from the table, e.g. "diary"
 *
 * Returns: (transfer none) (nullable): that page, built now if it was not
 *   yet; %NULL for a name not in the table, or when the pages were never
 *   started (the store could not be opened)
 */
GtkWidget *
_rd_case_pages_get (RdCasePages *self,
                    const char  *name)
{
  if (self->store == NULL)
    return NULL;
  for (guint i = 0; i < RD_N_CASE_PAGES; i++)
    if (g_str_equal (case_pages[i].name, name))
      return build_up_to (self, i);
  return NULL;
}

/* When the window goes: nothing more is built, and the pages go with the
 * view stack. */
void
_rd_case_pages_clear (RdCasePages *self)
{
  if (self->tick_id != 0 && self->window != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->window), self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  for (guint i = 0; i < RD_N_CASE_PAGES; i++)
    self->pages[i] = NULL;
  self->store = NULL;
  self->stack = NULL;
}
