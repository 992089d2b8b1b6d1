/* rd-dashboard.c: what a case needs next: its deadlines in order, each with one next step.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard"

#include "config.h"

#include <gio/gio.h>

#include "rd-case-deadlines.h"
#include "rd-dashboard-private.h"
#include "rd-deadline-engine-private.h"
#include "rd-memory.h"

/*
 * The dashboard puts first what the resident can act on today: deadlines
 * the landlord has already missed and not made good, then those due
 * within five working days, then later ones, then the ones settled (met,
 * or done late: those are still findings for a letter). Each gets one next
 * step the window can turn into a letter.
 */
/* The dashboard's list of items. One dashboard is read by several jobs at
 * once, each on its own thread (What Next, the timeline and the deadline
 * notifier share the one worked out from a snapshot of the case), and a
 * GListStore is not safe to read from two threads: it remembers the last
 * position asked for. This list never changes once made, and reading it
 * changes nothing. */
#define TYPE_ITEM_LIST (item_list_get_type ())
G_DECLARE_FINAL_TYPE (ItemList, item_list, ITEM, LIST, GObject)

struct _ItemList
{
  GObject    parent_instance;

  GPtrArray *items;  /* RdDashboardItem */
};

static GType
item_list_get_item_type (GListModel *model)
{
  return RD_TYPE_DASHBOARD_ITEM;
}

static guint
item_list_get_n_items (GListModel *model)
{
  return ITEM_LIST (model)->items->len;
}

static gpointer
item_list_get_item (GListModel *model,
                    guint       position)
{
  GPtrArray *items = ITEM_LIST (model)->items;

  return position < items->len ? g_object_ref (g_ptr_array_index (items, position)) : NULL;
}

static void
item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = item_list_get_item_type;
  iface->get_n_items = item_list_get_n_items;
  iface->get_item = item_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (ItemList, item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, item_list_model_init))

static void
item_list_finalize (GObject *object)
{
  g_clear_pointer (&ITEM_LIST (object)->items, g_ptr_array_unref);

  G_OBJECT_CLASS (item_list_parent_class)->finalize (object);
}

static void
item_list_class_init (ItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = item_list_finalize;
}

static void
item_list_init (ItemList *self)
{
}

/* @items: (transfer full): RdDashboardItem, in order */
static ItemList *
item_list_new (GPtrArray *items)
{
  ItemList *self = g_object_new (TYPE_ITEM_LIST, NULL);

  self->items = items;
  return self;
}

struct _RdDashboard
{
  GObject             parent_instance;

  ItemList           *items;
  /* Worked out with the items, on the worker that makes the dashboard,
   * so that the window never goes through thousands of items to say how
   * many there are. */
  guint               counts[RD_DASHBOARD_N_GROUPS];
  RdCommunityTrigger *trigger;
  RdRemedies         *remedies;
  GPtrArray          *notes;
  GDate               today;
  RdDashboardWords   *words;   /* what its items make their sentences with */
  RdExplainWords     *explain_words;  /* … and their deadlines' explanations */
};

G_DEFINE_FINAL_TYPE (RdDashboard, rd_dashboard, G_TYPE_OBJECT)

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  RdDashboardItem *ia = (RdDashboardItem *) a;
  RdDashboardItem *ib = (RdDashboardItem *) b;
  int cmp;

  if (ia->group != ib->group)
    return ia->group < ib->group ? -1 : 1;
  switch (ia->group)
    {
    case RD_DASHBOARD_OVERDUE:
      /* The longest overdue first. */
      cmp = rd_deadline_get_working_days_late (ib->deadline) - rd_deadline_get_working_days_late (ia->deadline);
      break;
    case RD_DASHBOARD_DONE:
      /* The most recent first. */
      cmp = g_date_valid (&ia->due) && g_date_valid (&ib->due) ? g_date_compare (&ib->due, &ia->due) : 0;
      break;
    case RD_DASHBOARD_DUE_SOON:
    case RD_DASHBOARD_LATER:
    case RD_DASHBOARD_N_GROUPS:
    default:
      cmp = g_date_valid (&ia->due) && g_date_valid (&ib->due) ? g_date_compare (&ia->due, &ib->due) : 0;
      break;
    }
  if (cmp != 0)
    return cmp;
  return g_strcmp0 (ia->key, ib->key);
}

static int
compare_item_ptrs (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_items (*(gconstpointer *) a, *(gconstpointer *) b, user_data);
}

static void
count_groups (RdDashboard *self,
              GPtrArray   *items)
{
  for (guint i = 0; i < items->len; i++)
    self->counts[((RdDashboardItem *) g_ptr_array_index (items, i))->group]++;
}

/* Below this many items a dashboard goes at once wherever it is let go. */
#define RELEASE_ELSEWHERE_FROM 1000

static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_object_unref (task_data);
  /* What was freed stays in this worker's arena for its next use, which
   * may not come: give it back (as rd-snapshot-share.c does). */
  rd_memory_give_back ();
  g_task_return_boolean (task, TRUE);
}

/*
 * Lets go of @items. What Next drops its last dashboard on the main
 * thread when a new one comes, and freeing tens of thousands of items,
 * with their deadlines and words, took 70-85 ms there at 100,000 diary
 * entries: a stall the person typing feels. On the thread that runs the
 * main loop a long list goes on a worker; anywhere else (a worker, the
 * CLI) at once.
 */
static void
release_items (ItemList *items)
{
  g_autoptr(GTask) task = NULL;

  if (items->items->len < RELEASE_ELSEWHERE_FROM ||
      !g_main_context_is_owner (g_main_context_default ()))
    {
      g_object_unref (items);
      return;
    }
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, release_items);
  g_task_set_task_data (task, items, NULL);
  g_task_run_in_thread (task, release_thread);
}

static void
rd_dashboard_finalize (GObject *object)
{
  RdDashboard *self = (RdDashboard *)object;

  g_clear_pointer (&self->items, release_items);
  g_clear_pointer (&self->trigger, rd_community_trigger_free);
  g_clear_pointer (&self->remedies, rd_remedies_free);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->words, _rd_dashboard_words_unref);
  g_clear_pointer (&self->explain_words, _rd_explain_words_unref);

  G_OBJECT_CLASS (rd_dashboard_parent_class)->finalize (object);
}

static void
rd_dashboard_class_init (RdDashboardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_dashboard_finalize;
}

static void
rd_dashboard_init (RdDashboard *self)
{
  self->notes = g_ptr_array_new_with_free_func (g_free);
}

/**
 * rd_dashboard_new:
 * @landlord: (nullable): the landlord's own policy, if the case has one
 * @today: the resident's today
 *
 * Works out the case's deadlines and puts them in the dashboard's order,
 * and checks the diary against the Community Trigger threshold.
 */
RdDashboard *
rd_dashboard_new (RdCaseFacts *facts,
                  RdPolicy    *landlord,
                  const GDate *today)
{
  g_autoptr(RdDeadlineReport) report = NULL;
  g_autoptr(GPtrArray) items = NULL;
  RdDashboard *self;
  GListModel *deadlines;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (RD_TYPE_DASHBOARD, NULL);
  self->today = *today;
  report = rd_case_facts_compute_deadlines (facts, landlord, today);
  deadlines = rd_deadline_report_get_deadlines (report);
  self->explain_words = _rd_explain_words_ref (_rd_deadline_report_get_explain_words (report));
  self->words = _rd_dashboard_words_new (today);
  items = _rd_dashboard_items_new (deadlines, facts, self->words);
  self->remedies = rd_remedies_suggest (deadlines, today);
  rd_remedies_add_service_losses (self->remedies, rd_case_facts_get_incidents (facts));
  g_ptr_array_sort_with_data (items, compare_item_ptrs, NULL);
  count_groups (self, items);
  self->items = item_list_new (g_steal_pointer (&items));

  for (guint i = 0; i < rd_deadline_report_get_n_notes (report); i++)
    g_ptr_array_add (self->notes, g_strdup (rd_deadline_report_get_note (report, i)));
  {
    RdAsbReviewThreshold threshold;
    g_autoptr(RdCommunityTrigger) trigger = NULL;

    /* What Next shows the review only when the reports meet the threshold. */
    rd_asb_review_threshold_from_case (&threshold, rd_case_facts_get_case (facts));
    trigger = rd_community_trigger_check (rd_case_facts_get_incidents (facts), &threshold, today);
    if (trigger->met)
      self->trigger = g_steal_pointer (&trigger);
  }
  return self;
}

/**
 * rd_dashboard_get_items:
 *
 * The items of each group are one run of the list, in the groups' order:
 * a group's first item comes after the rd_dashboard_count() items of the
 * groups before it.
 *
 * Returns: (transfer none): the #RdDashboardItem list, in the dashboard's order
 */
GListModel *
rd_dashboard_get_items (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
rd_dashboard_count (RdDashboard      *self,
                    RdDashboardGroup  group)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), 0);
  g_return_val_if_fail (group < RD_DASHBOARD_N_GROUPS, 0);

  return self->counts[group];
}

/**
 * rd_dashboard_get_remedies:
 *
 * What the resident may ask for, from the deadlines the landlord missed
 * (rd_remedies_suggest()).
 *
 * Returns: (transfer none): the suggestion, possibly with no lines
 */
RdRemedies *
rd_dashboard_get_remedies (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);
  return self->remedies;
}

/**
 * rd_dashboard_get_community_trigger:
 *
 * Returns: (transfer none) (nullable): the diary entries that meet the ASB
 *   Case Review threshold, or %NULL when the diary does not meet it
 */
RdCommunityTrigger *
rd_dashboard_get_community_trigger (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);

  return self->trigger;
}

guint
rd_dashboard_get_n_notes (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), 0);

  return self->notes->len;
}

/* Things the engine could not check, or policies that say more than the Code. */
const char *
rd_dashboard_get_note (RdDashboard *self,
                       guint        index)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);

  return g_ptr_array_index (self->notes, index);
}

/**
 * rd_dashboard_get_sentences_made:
 *
 * Returns: how many of its items' sentences have been made and kept so
 *   far (rd_dashboard_item_get_status_text()): one for each item shown,
 *   not one for each deadline of the case (tests count it)
 */
guint
rd_dashboard_get_sentences_made (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), 0);

  return (guint) g_atomic_int_get (&self->words->made);
}

/**
 * rd_dashboard_get_explanations_made:
 *
 * Returns: how many of its deadlines' explanations have been written so
 *   far of those written when asked (rd_deadline_get_explanation()): one
 *   for each item shown, not one for each deadline (tests count it)
 */
guint
rd_dashboard_get_explanations_made (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), 0);

  return (guint) g_atomic_int_get (&self->explain_words->made);
}

const GDate *
rd_dashboard_get_today (RdDashboard *self)
{
  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);

  return &self->today;
}

/**
 * rd_dashboard_get_complaint_deadlines:
 *
 * Returns: (transfer container) (element-type RdDashboardItem): the items
 *   of one complaint, in the dashboard's order
 */
GPtrArray *
rd_dashboard_get_complaint_deadlines (RdDashboard *self,
                                      gint64       complaint_id)
{
  GPtrArray *found;

  g_return_val_if_fail (RD_IS_DASHBOARD (self), NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i < n; i++)
    {
      RdDashboardItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->complaint_id == complaint_id && complaint_id != 0)
        g_ptr_array_add (found, item);
      else
        g_object_unref (item);
    }
  return found;
}
