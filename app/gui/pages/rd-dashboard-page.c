/* rd-dashboard-page.c: the case's home page: what is overdue, what is due, what to do next.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-complaint-assistant.h"
#include "rd-dashboard-page.h"
#include "rd-dashboard-row.h"
#include "rd-deadlines-dialog.h"
#include "rd-gui-util.h"

/*
 * The page works the case's deadlines out again whenever anything of the
 * case changes (a step, a contact, the diary, the case's policy) and when
 * the day changes, so that "3 working days late" is always today's count.
 *
 * A big case takes tens of milliseconds to load and work out, so that is
 * done in a worker thread with its own connection; the window shows the
 * result when it comes, unless a newer refresh has started meanwhile.
 *
 * What Next is one scrolling page, so its lists cannot scroll by
 * themselves, and GTK makes, binds and measures a row for every item such
 * a list holds. Years of reported repairs give thousands of deadlines: the
 * page shows only the first few of each group (the longest overdue, the
 * nearest due), and a "Show All…" button opens the whole group in a window
 * whose list scrolls (RdDeadlinesDialog). The work of a refresh on the
 * main thread is then bounded, whatever the size of the case; and a
 * refresh that changes nothing about a row keeps it as it was.
 *
 * A refresh lets go of the dashboard shown as it starts, and keeps only
 * what the page draws (the first rows of each group, which hold their own
 * items, and the words already in its labels) until the new one comes.
 * With 100,000 diary entries a dashboard is about 30 MB, and holding the
 * old one while the worker makes the new one put both in memory at once.
 * What needs the whole dashboard in that moment ("Show All…", copying the
 * review or the remedies) is done as soon as the new one comes.
 */

/* Rows of each group shown on the page itself. */
#define ROWS_PER_GROUP 5

/* Reports that do not count for an ASB Case Review, listed on the card:
 * the newest; years of older ones are in the summary the resident copies. */
#define NOT_COUNTED_SHOWN 20

/* What was asked for while a refresh was under way, done when it ends. */
typedef enum {
  PENDING_NONE           = 0,
  PENDING_COPY_TRIGGER   = 1 << 0,
  PENDING_COPY_REMEDIES  = 1 << 1,
  PENDING_SHOW_ALL       = 1 << 2,  /* of pending_group */
} Pending;

typedef struct {
  GListStore  *items;      /* the group's first rows, at most ROWS_PER_GROUP */
  GtkWidget   *box;
  GtkListView *view;
  GtkButton   *show_all;
} Section;

struct _RdDashboardPage
{
  RdCasePage     parent_instance;

  RdDashboard   *dashboard;   /* NULL while a refresh is under way */
  Section        sections[RD_DASHBOARD_N_GROUPS];
  Pending        pending;
  RdDashboardGroup pending_group;
  RdDeadlinesDialog *all_dialog; /* weak: the "Show All" window open, if any */
  guint          generation;  /* of the newest refresh started */
  GCancellable  *cancellable; /* of the refresh under way */

  GtkStack      *stack;
  GtkSpinner    *loading_spinner;
  AdwStatusPage *empty_page;
  GtkLabel      *summary_label;
  GtkRevealer   *trigger_revealer;
  GtkLabel      *trigger_label;
  GtkExpander   *trigger_expander;
  GtkLabel      *trigger_entries_label;
  gboolean       trigger_entries_stale; /* written when the expander is opened */
  GtkRevealer   *remedies_revealer;
  GtkLabel      *remedies_label;
  GtkBox        *sections_box;
  GtkLabel      *notes_label;
  GtkLabel      *convention_label;
};

G_DEFINE_FINAL_TYPE (RdDashboardPage, rd_dashboard_page, RD_TYPE_CASE_PAGE)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
append_entry (GString                 *entries,
              const RdAsbReviewReport *report)
{
  g_autofree char *entry = rd_community_trigger_dup_entry (report);

  g_string_append_printf (entries, "%s• %s", entries->len ? "\n" : "", entry);
}

/*
 * Those that count first, then those that do not, each saying why. Only
 * when the expander is open: a diary of years has thousands of reports
 * that no longer count, and a label of thousands of lines is a long stall
 * to write and measure; the card lists the newest of them.
 */
static void
show_trigger_entries (RdDashboardPage *self)
{
  RdCommunityTrigger *trigger = self->dashboard ? rd_dashboard_get_community_trigger (self->dashboard) : NULL;
  g_autoptr(GString) entries = g_string_new (NULL);
  guint older;

  if (trigger == NULL || !self->trigger_entries_stale || !gtk_expander_get_expanded (self->trigger_expander))
    return;
  self->trigger_entries_stale = FALSE;
  for (guint i = 0; i < trigger->counted->len; i++)
    append_entry (entries, g_ptr_array_index (trigger->counted, i));
  older = trigger->excluded->len > NOT_COUNTED_SHOWN ? trigger->excluded->len - NOT_COUNTED_SHOWN : 0;
  if (older > 0)
    {
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u older report that does not count is not "
                                                            "listed here; the summary you copy lists it.",
                                                            "%u older reports that do not count are not "
                                                            "listed here; the summary you copy lists them all.",
                                                            older), older);

      g_string_append_printf (entries, "%s%s", entries->len ? "\n" : "", line);
    }
  for (guint i = older; i < trigger->excluded->len; i++)
    append_entry (entries, g_ptr_array_index (trigger->excluded, i));
  gtk_label_set_text (self->trigger_entries_label, entries->str);
}

/* GTK 4.8's expander offers the keyboard to its child even while closed,
 * when the child is out of the window: the selectable label took the
 * focus without getting it, and Tab never left the expander. Hidden while
 * closed, it is offered nothing. */
static void
on_trigger_expanded_cb (GtkExpander     *expander,
                        GParamSpec      *pspec,
                        RdDashboardPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->trigger_entries_label), gtk_expander_get_expanded (expander));
  show_trigger_entries (self);
}

static void
show_trigger (RdDashboardPage *self)
{
  RdCommunityTrigger *trigger = self->dashboard ? rd_dashboard_get_community_trigger (self->dashboard) : NULL;
  g_autofree char *explanation = NULL;

  gtk_revealer_set_reveal_child (self->trigger_revealer, trigger != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.copy-trigger", trigger != NULL);
  self->trigger_entries_stale = TRUE;
  if (trigger == NULL)
    return;
  explanation = rd_community_trigger_dup_explanation (trigger);
  gtk_label_set_text (self->trigger_label, explanation);
  show_trigger_entries (self);
}

/* What the Ombudsman's guidance suggests for the failures found, the
 * same text redress-cli remedies prints. */
static void
show_remedies (RdDashboardPage *self)
{
  RdRemedies *remedies = self->dashboard ? rd_dashboard_get_remedies (self->dashboard) : NULL;
  gboolean any = remedies != NULL && (rd_remedies_get_n_lines (remedies) > 0 ||
                                      rd_remedies_get_n_service_lines (remedies) > 0);
  g_autofree char *summary = any ? rd_remedies_dup_summary (remedies) : NULL;

  gtk_revealer_set_reveal_child (self->remedies_revealer, any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.copy-remedies", any);
  gtk_label_set_text (self->remedies_label, any ? summary : "");
}

static void
show_summary (RdDashboardPage *self)
{
  guint overdue = rd_dashboard_count (self->dashboard, RD_DASHBOARD_OVERDUE);
  guint soon = rd_dashboard_count (self->dashboard, RD_DASHBOARD_DUE_SOON);
  g_autofree char *text = NULL;

  if (overdue > 0 && soon > 0)
    /* Translators: "2 overdue, 1 due in the next 5 working days" */
    text = g_strdup_printf (_("%u overdue, %u due in the next 5 working days"), overdue, soon);
  else if (overdue > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline is overdue", "%u deadlines are overdue",
                                         overdue), overdue);
  else if (soon > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline is due in the next 5 working days",
                                         "%u deadlines are due in the next 5 working days", soon), soon);
  else
    text = g_strdup (_("Nothing is overdue"));
  gtk_label_set_text (self->summary_label, text);
}

static void
show_notes (RdDashboardPage *self)
{
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; i < rd_dashboard_get_n_notes (self->dashboard); i++)
    g_string_append_printf (notes, "%s%s", i ? "\n" : "", rd_dashboard_get_note (self->dashboard, i));
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);
}

typedef struct {
  RdDashboardPage *self;   /* kept alive until the result is in */
  guint            generation;
} RefreshJob;

static void
refresh_job_free (RefreshJob *job)
{
  g_clear_object (&job->self);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RefreshJob, refresh_job_free)

static gboolean
row_same_at (GListModel      *rows,
             guint            position,
             RdDashboardItem *item)
{
  g_autoptr(RdDashboardItem) shown = g_list_model_get_item (rows, position);

  return rd_dashboard_item_same (shown, item);
}

/* Puts @items[@start, @start + @n) in @rows, keeping the rows at either
 * end that would draw the same: only what changed is made again. */
static void
update_rows (GListStore *rows,
             GListModel *items,
             guint       start,
             guint       n)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (rows));
  guint head = 0, tail = 0;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (fresh, g_list_model_get_item (items, start + i));
  while (head < MIN (shown, n) && row_same_at (G_LIST_MODEL (rows), head, g_ptr_array_index (fresh, head)))
    head++;
  while (tail < MIN (shown, n) - head &&
         row_same_at (G_LIST_MODEL (rows), shown - 1 - tail, g_ptr_array_index (fresh, n - 1 - tail)))
    tail++;
  if (head + tail == shown && shown == n)
    return;
  g_list_store_splice (rows, head, shown - head - tail, fresh->pdata + head, n - head - tail);
}

static char *
dup_show_all_label (RdDashboardGroup group,
                    guint            count)
{
  switch (group)
    {
    case RD_DASHBOARD_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show the %u Overdue Deadline…",
                                           "Show All %u Overdue Deadlines…", count), count);
    case RD_DASHBOARD_DUE_SOON:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show the %u Deadline Due Soon…",
                                           "Show All %u Deadlines Due Soon…", count), count);
    case RD_DASHBOARD_LATER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show the %u Deadline Coming Up…",
                                           "Show All %u Deadlines Coming Up…", count), count);
    case RD_DASHBOARD_DONE:
    case RD_DASHBOARD_N_GROUPS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show the %u Deadline Done…",
                                           "Show All %u Deadlines Done…", count), count);
    }
}

static void
show_section (RdDashboardPage  *self,
              RdDashboardGroup  group)
{
  Section *section = &self->sections[group];
  guint count = self->dashboard ? rd_dashboard_count (self->dashboard, group) : 0;
  guint n = MIN (count, ROWS_PER_GROUP);

  if (self->dashboard != NULL)
    update_rows (section->items, rd_dashboard_get_items (self->dashboard),
                 rd_dashboard_group_start (self->dashboard, group), n);
  else
    g_list_store_remove_all (section->items);
  gtk_widget_set_visible (section->box, count > 0);
  gtk_widget_set_visible (GTK_WIDGET (section->show_all), count > n);
  if (count > n)
    {
      g_autofree char *label = dup_show_all_label (group, count);

      gtk_label_set_text (GTK_LABEL (gtk_button_get_child (section->show_all)), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (section->show_all), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
}

/* What the page shows of @dashboard (or of none), but not which page. */
static void
fill_dashboard (RdDashboardPage *self,
                RdDashboard     *dashboard)
{
  g_set_object (&self->dashboard, dashboard);
  for (guint group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    show_section (self, group);
  if (self->all_dialog != NULL)
    rd_deadlines_dialog_set_dashboard (self->all_dialog, dashboard);

  show_trigger (self);
  show_remedies (self);
  if (self->dashboard != NULL)
    {
      show_summary (self);
      show_notes (self);
    }
}

/* Nothing worked out yet: for a case, until its deadlines come; and with
 * no case, which a page has between being given its store and its case.
 * Never the empty page then: as the window's first frame is laid out, it
 * would be measured, and its icon loaded, for nothing. */
static void
show_waiting (RdDashboardPage *self)
{
  self->pending = PENDING_NONE;
  fill_dashboard (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static void
show_dashboard (RdDashboardPage *self,
                RdDashboard     *dashboard)
{
  guint n_items = dashboard ? g_list_model_get_n_items (rd_dashboard_get_items (dashboard)) : 0;

  fill_dashboard (self, dashboard);
  gtk_stack_set_visible_child_name (self->stack,
                                    n_items > 0 ||
                                    (self->dashboard && rd_dashboard_get_community_trigger (self->dashboard))
                                    ? "dashboard" : "empty");
}

static void do_pending (RdDashboardPage *self);

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RefreshJob) job = user_data;
  RdDashboardPage *self = job->self;
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(RdDashboard) dashboard = rd_case_service_compute_dashboard_finish (RD_STORE (source),
                                                                               result, &error);

  /* A newer refresh started (the case changed, or was written to): its
   * result is the one to show, and this one is already out of date. */
  if (job->generation != self->generation || store == NULL)
    return;
  g_clear_object (&self->cancellable);
  if (error != NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      self->pending = PENDING_NONE;
      show_dashboard (self, NULL);
    }
  else
    show_dashboard (self, dashboard);
  g_signal_emit (self, signals[UPDATED], 0);
  do_pending (self);
}

/**
 * rd_dashboard_page_refresh:
 *
 * Starts working the case's deadlines out again, in a worker thread; the
 * page shows the result, and emits #RdDashboardPage::updated, when it
 * comes. A refresh started before this one is dropped.
 */
void
rd_dashboard_page_refresh (RdDashboardPage *self)
{
  g_return_if_fail (RD_IS_DASHBOARD_PAGE (self));

  rd_case_page_refresh (RD_CASE_PAGE (self));
}

/* Whether a refresh is under way, and so the page holds no dashboard:
 * then what needs one waits for it (@pending). */
static gboolean
wait_for_refresh (RdDashboardPage *self,
                  Pending          pending)
{
  if (self->dashboard != NULL || self->cancellable == NULL)
    return FALSE;
  self->pending |= pending;
  return TRUE;
}

/* A refresh under way is out of date: its result will not be shown. */
static void
drop_refresh (RdDashboardPage *self)
{
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
rd_dashboard_page_do_refresh (RdCasePage *page)
{
  RdDashboardPage *self = RD_DASHBOARD_PAGE (page);
  RdStore *store = rd_case_page_get_store (page);
  RdCase *rcase = rd_case_page_get_case (page);
  g_autoptr(GDate) today = NULL;
  RefreshJob *job;

  drop_refresh (self);

  if (store == NULL || rcase == NULL)
    {
      show_waiting (self);
      return;
    }

  /* The rows shown hold their own items: the rest of the dashboard goes
   * now (on a worker, when it is long), not once the new one is made. */
  g_clear_object (&self->dashboard);
  job = g_new0 (RefreshJob, 1);
  job->self = g_object_ref (self);
  today = rd_clock_dup_today (rd_case_page_get_clock (page));
  job->generation = self->generation;
  self->cancellable = g_cancellable_new ();
  rd_case_service_compute_dashboard_async (store, rd_case_get_id (rcase), today,
                                           self->cancellable, refresh_done_cb, job);
}

/**
 * rd_dashboard_page_write_letter:
 * @position: the row whose next step to write
 *
 * Returns: (transfer none) (nullable): the letter window it opened
 */
GtkWindow *
rd_dashboard_page_write_letter (RdDashboardPage *self,
                                guint            position)
{
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  GListModel *items;
  g_autoptr(RdDashboardItem) item = NULL;

  g_return_val_if_fail (RD_IS_DASHBOARD_PAGE (self), NULL);

  items = self->dashboard ? rd_dashboard_get_items (self->dashboard) : NULL;
  if (rcase == NULL || items == NULL || position >= g_list_model_get_n_items (items))
    return NULL;
  item = g_list_model_get_item (items, position);
  return rd_dashboard_row_write_letter (GTK_WIDGET (self), rd_case_page_get_store (RD_CASE_PAGE (self)),
                                        rd_case_get_id (rcase), item);
}

static void
write_letter_cb (gpointer         data,
                 RdDashboardItem *item)
{
  RdCasePage *page = data;
  RdCase *rcase = rd_case_page_get_case (page);

  rd_dashboard_row_write_letter (GTK_WIDGET (page), rd_case_page_get_store (page),
                                 rcase ? rd_case_get_id (rcase) : 0, item);
}

/**
 * rd_dashboard_page_show_all:
 * @group: the group whose deadlines to list
 *
 * Opens a window with every deadline of @group, which follows the page's
 * refreshes while it is open. While a refresh is under way, the window
 * opens when it ends.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL when it is to
 *   open once the refresh under way ends
 */
RdDeadlinesDialog *
rd_dashboard_page_show_all (RdDashboardPage  *self,
                            RdDashboardGroup  group)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  g_return_val_if_fail (RD_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (group < RD_DASHBOARD_N_GROUPS, NULL);

  if (store == NULL || rcase == NULL)
    return NULL;
  if (wait_for_refresh (self, PENDING_SHOW_ALL))
    {
      self->pending_group = group;
      return NULL;
    }
  if (self->all_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->all_dialog));
  g_set_weak_pointer (&self->all_dialog,
                      rd_deadlines_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               store, rcase, group));
  rd_deadlines_dialog_set_dashboard (self->all_dialog, self->dashboard);
  gtk_window_present (GTK_WINDOW (self->all_dialog));
  return self->all_dialog;
}

/**
 * rd_dashboard_page_get_rows:
 *
 * Returns: (transfer none): the #RdDashboardItem rows the page shows of
 *   @group: the first few of the dashboard's
 */
GListModel *
rd_dashboard_page_get_rows (RdDashboardPage  *self,
                            RdDashboardGroup  group)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (group < RD_DASHBOARD_N_GROUPS, NULL);

  return G_LIST_MODEL (self->sections[group].items);
}

/**
 * rd_dashboard_page_get_show_all_button:
 *
 * Returns: (transfer none): the button that opens every deadline of @group
 */
GtkButton *
rd_dashboard_page_get_show_all_button (RdDashboardPage  *self,
                                       RdDashboardGroup  group)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (group < RD_DASHBOARD_N_GROUPS, NULL);

  return self->sections[group].show_all;
}

static void
on_show_all_clicked_cb (GtkButton       *button,
                        RdDashboardPage *self)
{
  rd_dashboard_page_show_all (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rd-group")));
}

static void
start_complaint_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RdDashboardPage *self = RD_DASHBOARD_PAGE (widget);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (store == NULL || rcase == NULL)
    return;
  rd_complaint_assistant_open (GTK_WINDOW (gtk_widget_get_root (widget)), store, rcase);
}

static void
copy_trigger_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdDashboardPage *self = RD_DASHBOARD_PAGE (widget);
  RdCommunityTrigger *trigger = self->dashboard ? rd_dashboard_get_community_trigger (self->dashboard) : NULL;
  g_autofree char *text = NULL;

  if (wait_for_refresh (self, PENDING_COPY_TRIGGER) || trigger == NULL)
    return;
  /* The application summary, the same as redress-cli asb-review prints. */
  text = rd_community_trigger_dup_summary (trigger);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  rd_gui_show_toast (widget, _("Copied. Paste it into the council’s form or an email."));
}

static void
copy_remedies_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RdDashboardPage *self = RD_DASHBOARD_PAGE (widget);
  RdRemedies *remedies = self->dashboard ? rd_dashboard_get_remedies (self->dashboard) : NULL;
  g_autofree char *text = NULL;

  if (wait_for_refresh (self, PENDING_COPY_REMEDIES) || remedies == NULL ||
      rd_remedies_get_n_lines (remedies) == 0)
    return;
  text = rd_remedies_dup_summary (remedies);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  rd_gui_show_toast (widget, _("Copied. Paste it into your letter or email."));
}

/* What was asked for while the refresh that just ended was under way. */
static void
do_pending (RdDashboardPage *self)
{
  Pending pending = self->pending;

  self->pending = PENDING_NONE;
  if (self->dashboard == NULL)
    return;
  if (pending & PENDING_COPY_TRIGGER)
    copy_trigger_action (GTK_WIDGET (self), "dashboard.copy-trigger", NULL);
  if (pending & PENDING_COPY_REMEDIES)
    copy_remedies_action (GTK_WIDGET (self), "dashboard.copy-remedies", NULL);
  if (pending & PENDING_SHOW_ALL)
    rd_dashboard_page_show_all (self, self->pending_group);
}

/**
 * rd_dashboard_page_get_dashboard:
 *
 * Returns: (transfer none) (nullable): what the page shows; %NULL while a
 *   refresh is under way (the page then keeps only the rows it draws)
 */
RdDashboard *
rd_dashboard_page_get_dashboard (RdDashboardPage *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD_PAGE (self), NULL);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  return self->dashboard;
}

static void
rd_dashboard_page_case_changed (RdCasePage *page)
{
  RdDashboardPage *self = RD_DASHBOARD_PAGE (page);

  /* Never the last case's deadlines under this one's name, even briefly. */
  drop_refresh (self);
  show_waiting (self);
  if (rd_case_page_get_case (page) == NULL)
    {
      rd_dashboard_page_refresh (self);
      return;
    }
  /* Shown waiting in the next frame (the first, when Redress starts on
   * this page), and worked out after it. */
  rd_case_page_refresh_after_frame (page);
}

static void
rd_dashboard_page_dispose (GObject *object)
{
  RdDashboardPage *self = RD_DASHBOARD_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_DASHBOARD_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  if (self->all_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->all_dialog));
  g_clear_weak_pointer (&self->all_dialog);
  for (guint group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    g_clear_object (&self->sections[group].items);
  g_clear_object (&self->dashboard);

  G_OBJECT_CLASS (rd_dashboard_page_parent_class)->dispose (object);
}

static void
rd_dashboard_page_class_init (RdDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdCasePageClass *page_class = RD_CASE_PAGE_CLASS (klass);

  object_class->dispose = rd_dashboard_page_dispose;

  page_class->refresh = rd_dashboard_page_do_refresh;
  /* Nothing reads what is next while the page is hidden: the diary's
   * autosave, while typing, costs it nothing until it is shown again. */
  page_class->refresh_when_shown = TRUE;
  page_class->case_changed = rd_dashboard_page_case_changed;

  /**
   * RdDashboardPage::updated:
   *
   * The page shows a newly worked-out dashboard (or none, after an error).
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "dashboard.start-complaint", NULL, start_complaint_action);
  gtk_widget_class_install_action (widget_class, "dashboard.copy-trigger", NULL, copy_trigger_action);
  gtk_widget_class_install_action (widget_class, "dashboard.copy-remedies", NULL, copy_remedies_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, trigger_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, trigger_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, trigger_expander);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, trigger_entries_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, remedies_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, remedies_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, convention_label);
}

/* Each group's rows, then its "Show All…" button, on the page's one
 * scrolling column. */
static void
add_section (RdDashboardPage  *self,
             RdDashboardGroup  group)
{
  Section *section = &self->sections[group];
  GtkListItemFactory *factory = rd_dashboard_row_factory_new (write_letter_cb, self);
  GtkNoSelection *selection;
  GtkWidget *label;

  section->items = g_list_store_new (RD_TYPE_DASHBOARD_ITEM);
  section->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (section->items)));
  section->view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (section->view), "dashboard-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rd_dashboard_group_get_label (group), -1);
  section->show_all = GTK_BUTTON (gtk_button_new ());
  /* "Show All 312 Overdue Deadlines…" is long at 360 pixels and twice the
   * text size: it wraps rather than widen the page. */
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (section->show_all, label);
  gtk_widget_set_halign (GTK_WIDGET (section->show_all), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (section->show_all), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (section->show_all), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (section->show_all), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (section->show_all), 12);
  g_object_set_data (G_OBJECT (section->show_all), "rd-group", GUINT_TO_POINTER (group));
  g_signal_connect (section->show_all, "clicked", G_CALLBACK (on_show_all_clicked_cb), self);
  gtk_box_append (GTK_BOX (section->box), GTK_WIDGET (section->view));
  gtk_box_append (GTK_BOX (section->box), GTK_WIDGET (section->show_all));
  gtk_widget_set_visible (section->box, FALSE);
  gtk_box_append (self->sections_box, section->box);
}

static void
rd_dashboard_page_init (RdDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rd_gui_spin_while_shown (self->loading_spinner);
  rd_gui_status_page_icon_when_shown (self->empty_page);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  /* Once, under the list: every count above it is in working days. */
  gtk_label_set_text (self->convention_label, rd_calendar_get_convention ());

  for (guint group = 0; group < RD_DASHBOARD_N_GROUPS; group++)
    add_section (self, group);
  g_signal_connect (self->trigger_expander, "notify::expanded", G_CALLBACK (on_trigger_expanded_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.copy-trigger", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.copy-remedies", FALSE);
}
