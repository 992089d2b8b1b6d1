/* rd-timeline-page.c: a picture of the case over time, with the same items as a list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline has a page of its own, last in the window's page table,
 * rather than a place on What Next: What Next is a short list of things
 * to do, read top to bottom at any width, while the timeline is a wide
 * picture of everything recorded, scrolled sideways, with its own keys
 * and its own Export buttons. Alt+1 to Alt+5 keep their pages; this is Alt+6.
 *
 * Under the picture a list holds the same items, one sentence each, in
 * the same order: it is how a screen reader reads the timeline, and the
 * picture's current item and the list's selection follow each other.
 *
 * The timeline is made in a worker (rd_case_service_build_timeline_async()),
 * in the interface's language: a diary of 100,000 entries gives tens of
 * thousands of items, which take longer than a frame to make. The list's
 * sentences are made only for the rows GTK asks for (TimelineTexts), not
 * one string and one object per item up front. Exports are written in
 * the case's document language, as its letters and bundle are.
 *
 * A refresh lets go of the timeline shown as it starts: the view keeps
 * what it drew of it, the list's rows their items, and the model a digest
 * of each item's sentence to find the rows that change when the new one
 * comes (with 100,000 diary entries, 8 bytes an item against about 160),
 * made with the timeline on the worker.
 * A row GTK asks for meanwhile is blank until then.
 */
#define G_LOG_DOMAIN "rd-timeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-util.h"
#include "rd-timeline-page.h"

/* The list's model: item i is the sentence of the view's timeline's item
 * i, made when asked for. */
#define TIMELINE_TYPE_TEXTS (timeline_texts_get_type ())
G_DECLARE_FINAL_TYPE (TimelineTexts, timeline_texts, TIMELINE, TEXTS, GObject)

struct _TimelineTexts
{
  GObject         parent_instance;

  RdTimelineView *view;   /* not a reference: the page holds both */
  guint           n_items;
  guint64        *digests;  /* of each item's words (RdTimelineItem.digest), n_items */
  GHashTable     *shown;  /* position → Shown, for each row's item still alive */
  guint           made;   /* sentences made, for every item asked for */
};

/* An item handed out and still alive. When the timeline is made again
 * (after each save), every row is replaced; GTK keeps a row's widget only
 * if the model gives it the same item as before, and otherwise makes,
 * binds and measures a new one, for each of the rows it keeps (about
 * 200): 30–40 ms at once on the main thread. So the item at a position
 * whose sentence has not changed is the same item again. (By position as
 * well as sentence: two items may read the same, and one item must not be
 * in the list twice.) */
typedef struct
{
  GWeakRef         texts;
  GtkStringObject *item;  /* not a reference: the rows hold it */
  guint            position;
  char            *text;
  gboolean         blank;  /* asked for while the view had let go of its timeline */
} Shown;

/* The item is finalized. */
static void
shown_gone (gpointer data)
{
  Shown *shown = data;
  TimelineTexts *texts = g_weak_ref_get (&shown->texts);

  /* Unless a newer item has taken the position. */
  if (texts != NULL &&
      g_hash_table_lookup (texts->shown, GUINT_TO_POINTER (shown->position)) == shown)
    g_hash_table_remove (texts->shown, GUINT_TO_POINTER (shown->position));
  g_clear_object (&texts);
  g_weak_ref_clear (&shown->texts);
  g_free (shown->text);
  g_free (shown);
}

static GType
timeline_texts_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
timeline_texts_get_n_items (GListModel *model)
{
  return TIMELINE_TEXTS (model)->n_items;
}

static gpointer
timeline_texts_get_item (GListModel *model,
                         guint       position)
{
  TimelineTexts *self = TIMELINE_TEXTS (model);
  RdTimeline *timeline = self->view ? rd_timeline_view_get_timeline (self->view) : NULL;
  g_autofree char *text = NULL;
  Shown *shown;

  if (position >= self->n_items)
    return NULL;
  shown = g_hash_table_lookup (self->shown, GUINT_TO_POINTER (position));
  if (timeline == NULL)
    {
      /* Let go of as a refresh started: the row shown keeps its sentence,
       * another is blank until the new timeline comes (timeline_texts_reset()). */
      if (shown != NULL)
        return g_object_ref (shown->item);
      text = g_strdup ("");
    }
  else if (position < rd_timeline_get_n_items (timeline))
    {
      text = rd_timeline_item_dup_spoken (rd_timeline_get_item (timeline, position));
      self->made++;
      if (shown != NULL && !shown->blank && g_str_equal (shown->text, text))
        return g_object_ref (shown->item);
    }
  else
    return NULL;
  shown = g_new0 (Shown, 1);
  shown->blank = timeline == NULL;
  g_weak_ref_init (&shown->texts, self);
  shown->item = gtk_string_object_new (text);
  shown->position = position;
  shown->text = g_steal_pointer (&text);
  g_object_set_data_full (G_OBJECT (shown->item), "rd-timeline-shown", shown, shown_gone);
  g_hash_table_replace (self->shown, GUINT_TO_POINTER (position), shown);
  return shown->item;
}

static void
timeline_texts_model_init (GListModelInterface *iface)
{
  iface->get_item_type = timeline_texts_get_item_type;
  iface->get_n_items = timeline_texts_get_n_items;
  iface->get_item = timeline_texts_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TimelineTexts, timeline_texts, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, timeline_texts_model_init))

static void
timeline_texts_finalize (GObject *object)
{
  TimelineTexts *self = TIMELINE_TEXTS (object);

  g_hash_table_unref (self->shown);
  g_free (self->digests);

  G_OBJECT_CLASS (timeline_texts_parent_class)->finalize (object);
}

static void
timeline_texts_class_init (TimelineTextsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = timeline_texts_finalize;
}

static void
timeline_texts_init (TimelineTexts *self)
{
  self->shown = g_hash_table_new (NULL, NULL);
}

/* Says that each blank row outside the range [@from, @until) changes, so
 * that GTK asks for its sentence. */
static void
fill_blank_rows (TimelineTexts *self,
                 guint          from,
                 guint          until)
{
  g_autoptr(GArray) blank = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  Shown *shown;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &shown))
    if (shown->blank && (shown->position < from || shown->position >= until) &&
        shown->position < self->n_items)
      g_array_append_val (blank, shown->position);
  for (guint i = 0; i < blank->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (blank, guint, i), 1, 1);
}

/*
 * The view's timeline has changed (to none, or to one after a refresh).
 * Only the rows whose sentences differ are said to change, compared by
 * their digests without making the sentences: when a row GTK 4.8's list
 * keeps track of (the focus, the scroll anchor) is in the range said to be
 * replaced, the list asks for every new item of the range to find it
 * again, and a sentence was made for each: 30,000 and more as a
 * 100,000-entry case was saved (issue 17). The rows after the change are
 * kept only when there are as many items as before, so that no kept item
 * has moved from the position it was made for (Shown). A row in the range
 * whose sentence is the same keeps its item; a row left blank while the
 * new timeline was made gets its sentence.
 */
static void
timeline_texts_reset (TimelineTexts *self)
{
  RdTimeline *timeline = self->view ? rd_timeline_view_get_timeline (self->view) : NULL;
  guint before = self->n_items;
  guint after = timeline != NULL ? rd_timeline_get_n_items (timeline) : 0;
  g_autofree guint64 *old = g_steal_pointer (&self->digests);
  guint head = 0;
  guint tail = 0;

  self->digests = g_new (guint64, after);
  for (guint i = 0; i < after; i++)
    self->digests[i] = rd_timeline_get_item (timeline, i)->digest;
  if (old != NULL)
    {
      guint both = MIN (before, after);

      while (head < both && old[head] == self->digests[head])
        head++;
      while (before == after && tail < both - head &&
             old[before - 1 - tail] == self->digests[after - 1 - tail])
        tail++;
    }
  self->n_items = after;
  if (before - head - tail > 0 || after - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head, before - head - tail, after - head - tail);
  fill_blank_rows (self, head, after - tail);
}

struct _RdTimelinePage
{
  RdCasePage          parent_instance;

  TimelineTexts      *texts;
  GtkSingleSelection *selection;
  guint               generation;
  GCancellable       *cancellable;
  gboolean            replacing;   /* the selection waits for the new rows */

  GtkStack           *stack;
  GtkLabel           *summary_label;
  RdTimelineView     *view;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RdTimelinePage, rd_timeline_page, RD_TYPE_CASE_PAGE)

typedef struct {
  RdTimelinePage *self;
  guint           generation;
} RefreshJob;

static void
refresh_job_free (RefreshJob *job)
{
  g_object_unref (job->self);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RefreshJob, refresh_job_free)

/* Selects the view's current item, and scrolls to it unless it is at
 * @shown, the position selected before. */
static void
select_current (RdTimelinePage *self,
                guint           shown)
{
  int current = rd_timeline_view_get_current (self->view);

  if (current < 0 || (guint) current == gtk_single_selection_get_selected (self->selection))
    return;
  gtk_single_selection_set_selected (self->selection, (guint) current);
  if ((guint) current != shown)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                (guint) current);
}

static void
on_current_changed_cb (RdTimelinePage *self)
{
  if (!self->replacing)
    select_current (self, gtk_single_selection_get_selected (self->selection));
}

static void
show_timeline (RdTimelinePage *self,
               RdTimeline     *timeline)
{
  guint n = timeline != NULL ? rd_timeline_get_n_items (timeline) : 0;
  guint shown = gtk_single_selection_get_selected (self->selection);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* The keyboard on "Nothing to Draw Yet" as the first timeline comes. */
  gboolean focus_to_picture = n > 0 && focus != NULL &&
                              gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)) &&
                              g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "timeline") != 0;

  if (timeline != NULL)
    {
      g_autofree char *from = rd_date_format_long (rd_timeline_get_first (timeline));
      g_autofree char *until = rd_date_format_long (rd_timeline_get_last (timeline));
      /* Translators: a period of time, "From Monday 4 March 2024 until
       * Tuesday 4 March 2025" */
      g_autofree char *period = g_strdup_printf (_("From %1$s until %2$s"), from, until);

      gtk_label_set_text (self->summary_label, period);
    }
  /* Nothing is selected while the rows are replaced. GTK 4.8's
   * GtkSingleSelection, told that the range holding its item was replaced,
   * asks for every new item of the range up to the one it had (the newest,
   * last of tens of thousands when the whole list changes), each a sentence
   * made and dropped on the main thread (issue 17). */
  self->replacing = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* The view takes the timeline; its current item is the newest. */
  rd_timeline_view_set_timeline (self->view, n > 0 ? timeline : NULL);
  if (n == 0 && timeline != NULL)
    rd_timeline_unref (timeline);
  timeline_texts_reset (self->texts);
  self->replacing = FALSE;
  select_current (self, shown);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "timeline" : "empty");
  /* Where the page is entered (rd_case_page_set_default_focus()), not the
   * first button GtkStack finds. */
  if (focus_to_picture)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RefreshJob) job = user_data;
  RdTimelinePage *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdTimeline) timeline = rd_case_service_build_timeline_finish (RD_STORE (source),
                                                                          result, &error);

  /* A newer refresh has started: its result is the one to show. */
  if (job->generation != self->generation ||
      rd_case_page_get_clock (RD_CASE_PAGE (self)) == NULL)
    return;
  g_clear_object (&self->cancellable);
  if (timeline == NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      show_timeline (self, NULL);
      return;
    }
  show_timeline (self, g_steal_pointer (&timeline));
}

/**
 * rd_timeline_page_refresh:
 *
 * Loads the case again in a worker thread and draws it when it comes; a
 * refresh started before this one is dropped.
 */
void
rd_timeline_page_refresh (RdTimelinePage *self)
{
  g_return_if_fail (RD_IS_TIMELINE_PAGE (self));

  rd_case_page_refresh (RD_CASE_PAGE (self));
}

static void
rd_timeline_page_do_refresh (RdCasePage *page)
{
  RdTimelinePage *self = RD_TIMELINE_PAGE (page);
  RdStore *store = rd_case_page_get_store (page);
  RdCase *rcase = rd_case_page_get_case (page);
  RdClock *clock = rd_case_page_get_clock (page);
  g_autoptr(GDate) today = NULL;
  RefreshJob *job;

  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (store == NULL || rcase == NULL || clock == NULL)
    {
      show_timeline (self, NULL);
      return;
    }
  /* What is drawn stays until the new timeline comes; the rest goes now. */
  rd_timeline_view_let_go (self->view);
  today = rd_clock_dup_today (clock);
  job = g_new0 (RefreshJob, 1);
  job->self = g_object_ref (self);
  job->generation = self->generation;
  self->cancellable = g_cancellable_new ();
  rd_case_service_build_timeline_async (store, rd_case_get_id (rcase), today, self->cancellable,
                                        refresh_done_cb, job);
}

static void
on_selected_changed_cb (RdTimelinePage *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    rd_timeline_view_set_current (self->view, (int) selected);
}

/**
 * rd_timeline_page_save:
 * @path: a file name ending in ".svg" or ".png"
 *
 * Writes the open case's timeline, in the case's document language.
 */
gboolean
rd_timeline_page_save (RdTimelinePage  *self,
                       const char      *path,
                       GError         **error)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (RD_IS_TIMELINE_PAGE (self), FALSE);
  g_return_val_if_fail (store != NULL && rcase != NULL, FALSE);

  today = rd_clock_dup_today (rd_store_get_clock (store));
  return rd_case_service_write_timeline (store, rd_case_get_id (rcase), today, NULL, path, error);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        RdTimelinePage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !rd_timeline_page_save (self, path, &error))
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      else if (path != NULL)
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Timeline saved as “%s”"), name);

          rd_gui_show_toast (GTK_WIDGET (self), message);
        }
    }
  g_object_unref (chooser);
}

/* timeline.export("svg" or "png"): ask where, then save. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdTimelinePage *self = RD_TIMELINE_PAGE (widget);
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  gboolean svg = g_str_equal (g_variant_get_string (parameter, NULL), "svg");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (rcase == NULL)
    return;
  /* Translators: the file name offered for the timeline; %s is the case's title */
  name = g_strdup_printf (svg ? _("Timeline – %s.svg") : _("Timeline – %s.png"),
                          rd_case_get_title (rcase));
  gtk_file_filter_set_name (filter, svg ? _("SVG picture") : _("PNG picture"));
  gtk_file_filter_add_mime_type (filter, svg ? "image/svg+xml" : "image/png");
  gtk_file_filter_add_suffix (filter, svg ? "svg" : "png");
  chooser = gtk_file_chooser_native_new (_("Export the Timeline"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_list_item_set_child (item, label);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkStringObject *text = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (text));
}

RdTimelineView *
rd_timeline_page_get_view (RdTimelinePage *self)
{
  g_return_val_if_fail (RD_IS_TIMELINE_PAGE (self), NULL);

  rd_case_page_fill (RD_CASE_PAGE (self));
  return self->view;
}

/**
 * rd_timeline_page_get_sentences_made:
 *
 * Returns: how many sentences the list's model has made so far, one each
 *   time an item was asked for: what GTK's list and selection cost the
 *   main thread (tests count it)
 */
guint
rd_timeline_page_get_sentences_made (RdTimelinePage *self)
{
  g_return_val_if_fail (RD_IS_TIMELINE_PAGE (self), 0);

  return self->texts->made;
}

GtkListView *
rd_timeline_page_get_list (RdTimelinePage *self)
{
  g_return_val_if_fail (RD_IS_TIMELINE_PAGE (self), NULL);

  return self->list_view;
}

static void
rd_timeline_page_case_changed (RdCasePage *page)
{
  RdTimelinePage *self = RD_TIMELINE_PAGE (page);

  /* Never the last case's picture under this one's name, even briefly. */
  show_timeline (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export",
                                 rd_case_page_get_case (page) != NULL);
  rd_timeline_page_refresh (self);
}

static void
rd_timeline_page_dispose (GObject *object)
{
  RdTimelinePage *self = RD_TIMELINE_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The list may still ask for rows while the view goes. */
  if (self->texts != NULL)
    self->texts->view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_TIMELINE_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->texts);

  G_OBJECT_CLASS (rd_timeline_page_parent_class)->dispose (object);
}

static void
rd_timeline_page_class_init (RdTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdCasePageClass *page_class = RD_CASE_PAGE_CLASS (klass);

  object_class->dispose = rd_timeline_page_dispose;
  page_class->refresh = rd_timeline_page_do_refresh;
  /* Nothing reads the picture or its list while the page is hidden. */
  page_class->refresh_when_shown = TRUE;
  page_class->case_changed = rd_timeline_page_case_changed;

  gtk_widget_class_install_action (widget_class, "timeline.export", "s", export_action);

  g_type_ensure (RD_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdTimelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdTimelinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RdTimelinePage, view);
  gtk_widget_class_bind_template_child (widget_class, RdTimelinePage, list_view);
}

static void
rd_timeline_page_init (RdTimelinePage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->texts = g_object_new (TIMELINE_TYPE_TEXTS, NULL);
  self->texts->view = self->view;
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->texts)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->view, "notify::current", G_CALLBACK (on_current_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export", FALSE);
  /* The keyboard lands on the picture, walked item by item with the arrow
   * keys and named by its current item, rather than on the export buttons
   * above it. */
  rd_case_page_set_default_focus (RD_CASE_PAGE (self), GTK_WIDGET (self->view));
}
