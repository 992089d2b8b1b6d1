/* rd-diary-page-read.c: the diary page's list, read on a worker and shown a piece at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-diary-page"

#include "config.h"

#include "rd-diary-page-private.h"
#include "rd-gui-list.h"
#include "rd-gui-util.h"

/*
 * Reading what the list shows of 100,000 entries took 150 ms and more of
 * the main thread when the page was first filled (issue 17). The entries
 * are read, turned into items and put newest first on a worker
 * (rd_diary_service_read_async()). The first time, they then go into the
 * list a piece at a time, so that the window draws between pieces, and since they come in the list's own order the sorter only
 * checks them; an entry written meanwhile (typed at once into a new one)
 * keeps the list's copy. GTK 4.8's list view makes and binds a row (from
 * its template) for each item within 200 of the top as the items come,
 * so the first items cost far more than the rest: a first piece of 2,048
 * items made all those rows at once (53–61 ms of the main thread at
 * 100,000 entries, issue 17), and a row's layout in the frame after costs
 * more again than its making (27 to 48 rows laid out in the frame that
 * first showed the page were most of its 63–66 ms). So while the items
 * get rows, a screenful goes in per frame, from a tick callback, and each
 * frame lays out only the rows made for it. Past those, a piece is
 * bounded by the time it takes, not by a count: it goes in steps, each as
 * long as a quarter of the budget allows at the pace of the last (at most
 * twice as long), and ends once the budget is spent. A diary read while
 * the page is hidden (it fills after the window's first frame) waits
 * until the page is shown: rows made while hidden were all laid out in
 * the frame that first showed the page (about 150 ms of the main thread
 * for the 200 or so rows, at any size from 200 entries), and shown, they
 * come a piece at a time, each laid out in the frame after it. When the diary changed elsewhere, the list is
 * filled already, and what was read is merged into it at once, changing
 * only the rows that differ. Whoever needs the whole list now (selecting
 * an entry by its id) has the reading finished on the spot
 * (_rd_diary_page_finish_reading()). A new case or store empties the list
 * and cancels a reading under way, as another change does.
 */

/* The main thread's time for one piece: half a frame at 60 Hz, so that
 * the window lays out and draws the new rows in the other half. */
#define PIECE_BUDGET_US 8000

/* Items in the first step (a screenful of rows), and in any step. */
#define FIRST_STEP 16
#define MAX_STEP   4096

/* GTK 4.8's list view makes a row for each item within 200 of its top
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS), and none for the items past those. */
#define ROWS_MADE 200

static gpointer
make_item_cb (RdIncident *incident,
              gpointer    user_data)
{
  return rd_diary_item_new (incident);
}

static int
compare_items_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return rd_diary_item_compare ((RdDiaryItem *) a, (RdDiaryItem *) b);
}

static void
stop_arriving (RdDiaryPage *self)
{
  g_clear_handle_id (&self->arrive_source, g_source_remove);
  if (self->arrive_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->arrive_tick);
  self->arrive_tick = 0;
}

void
_rd_diary_page_stop_reading (RdDiaryPage *self)
{
  /* None of what was read is in the list yet: the list holds nothing
   * read, so the next reading fills it rather than merging. */
  if (self->arriving != NULL && self->arrived == 0)
    self->filled = FALSE;
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  stop_arriving (self);
  g_clear_pointer (&self->arriving, g_ptr_array_unref);
  self->arrived = 0;
  self->arrive_step = FIRST_STEP;
}

/*
 * Leaves out of @fresh the entries the list has already. Before the list
 * is first filled, those are the entries written here while the diary was
 * read (a new one, typed at once), and the list's copy is the newer.
 */
static void
drop_listed (RdDiaryPage *self,
             GPtrArray   *fresh)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree gint64 *ids = g_new (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdDiaryItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      ids[i] = rd_diary_item_get_id (item);
      if (ids[i] != 0)
        g_hash_table_add (listed, &ids[i]);
    }
  for (guint i = fresh->len; g_hash_table_size (listed) > 0 && i > 0; i--)
    {
      gint64 id = rd_diary_item_get_id (fresh->pdata[i - 1]);

      if (g_hash_table_remove (listed, &id))
        g_ptr_array_remove_index (fresh, i - 1);
    }
}

/**
 * _rd_diary_page_clear:
 *
 * Stops a reading under way and empties the list, for another case or
 * store: nothing of the last one stays on screen while this one is read.
 */
void
_rd_diary_page_clear (RdDiaryPage *self)
{
  _rd_diary_page_stop_reading (self);
  _rd_diary_page_edit_item (self, NULL);
  self->ignore_selection = TRUE;
  g_list_store_remove_all (self->items);
  self->ignore_selection = FALSE;
  self->filled = FALSE;
  self->reopen_id = 0;
}

/* Every item is in the list: open the entry that was open, or else the
 * newest, unless one was opened meanwhile (a click, a new entry). */
static void
done_reading (RdDiaryPage *self)
{
  gint64 reopen_id = self->reopen_id;

  g_clear_pointer (&self->arriving, g_ptr_array_unref);
  self->arrived = 0;
  self->reopen_id = 0;
  _rd_diary_page_update_counts (self);

  if (self->open_item == NULL)
    {
      self->ignore_selection = TRUE;
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->ignore_selection = FALSE;
      if (reopen_id == 0 || !rd_diary_page_select_entry (self, reopen_id))
        gtk_single_selection_set_selected (self->selection,
                                           g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                           ? 0 : GTK_INVALID_LIST_POSITION);
    }
  _rd_diary_page_search (self);
}

/* Puts up to @n more of the items read at the end of the list. */
static void
add_arrived (RdDiaryPage *self,
             guint        n)
{
  n = MIN (n, self->arriving->len - self->arrived);
  self->ignore_selection = TRUE;
  g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                       self->arriving->pdata + self->arrived, n);
  self->ignore_selection = FALSE;
  self->arrived += n;
}

/* Whether the next items into the list get rows of their own. */
static gboolean
making_rows (RdDiaryPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->items)) < ROWS_MADE;
}

/*
 * Puts the next piece of the items read into the list. While the items
 * get rows, a piece is one screenful: each row made is laid out in the
 * frame that follows, which costs far more than making it, and the
 * pieces come one a frame (arrive_tick_cb()). Past those, a piece steps
 * until PIECE_BUDGET_US has passed or every item is in. Each step is
 * sized from the last one's pace to take a quarter of the budget, and
 * grows at most twice.
 */
static void
add_piece (RdDiaryPage *self)
{
  gint64 start = g_get_monotonic_time ();
  gint64 now = start;

  if (making_rows (self))
    {
      add_arrived (self, FIRST_STEP);
      self->arrive_step = FIRST_STEP;
      return;
    }
  while (self->arrived < self->arriving->len && now - start < PIECE_BUDGET_US)
    {
      guint step = self->arrive_step;
      gint64 took;
      guint64 fits;

      add_arrived (self, step);
      took = MAX (g_get_monotonic_time () - now, 1);
      now += took;
      fits = (guint64) step * (PIECE_BUDGET_US / 4) / (guint64) took;
      self->arrive_step = (guint) CLAMP (fits, 1, MIN (2 * (guint64) step, MAX_STEP));
    }
}

static gboolean arrive_cb (gpointer user_data);

/* Every frame while the items get rows, an idle after that. */
static gboolean
arrive_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RdDiaryPage *self = RD_DIARY_PAGE (widget);

  /* The piece put in before the first tick is laid out in its frame. */
  if (self->arrive_skip_tick)
    {
      self->arrive_skip_tick = FALSE;
      return G_SOURCE_CONTINUE;
    }
  add_piece (self);
  if (self->arrived < self->arriving->len && making_rows (self))
    return G_SOURCE_CONTINUE;
  self->arrive_tick = 0;
  if (self->arrived < self->arriving->len)
    self->arrive_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, arrive_cb, self, NULL);
  else
    done_reading (self);
  return G_SOURCE_REMOVE;
}

static gboolean
arrive_cb (gpointer user_data)
{
  RdDiaryPage *self = user_data;

  add_piece (self);
  if (self->arrived < self->arriving->len)
    return G_SOURCE_CONTINUE;
  self->arrive_source = 0;
  done_reading (self);
  return G_SOURCE_REMOVE;
}

/* The first piece is in: the rest follow, or the reading is done. */
static void
arrive_rest (RdDiaryPage *self)
{
  if (self->arrived >= self->arriving->len)
    done_reading (self);
  else if (making_rows (self))
    {
      self->arrive_skip_tick = TRUE;
      self->arrive_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), arrive_tick_cb, NULL, NULL);
    }
  else
    self->arrive_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, arrive_cb, self, NULL);
}

/* @fresh was read: into the list, a piece at a time unless @at_once. */
static void
show_read (RdDiaryPage *self,
           GPtrArray   *fresh,
           gboolean     at_once)
{
  _rd_diary_page_forget_hits (self);
  /* The diary changed elsewhere: only the rows that differ change. */
  if (self->filled)
    {
      self->ignore_selection = TRUE;
      rd_diary_item_list_merge (self->items, fresh);
      self->ignore_selection = FALSE;
      g_ptr_array_unref (fresh);
      done_reading (self);
      return;
    }
  drop_listed (self, fresh);
  self->filled = TRUE;
  self->arriving = fresh;
  self->arrived = 0;
  if (at_once)
    {
      add_arrived (self, fresh->len);
      done_reading (self);
      return;
    }
  self->arrive_step = FIRST_STEP;
  _rd_diary_page_update_counts (self);
  /* Hidden, it waits to be shown (_rd_diary_page_show_arrived()). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  /* The newest first, so that the top of the list is there at once. */
  add_piece (self);
  arrive_rest (self);
}

/**
 * _rd_diary_page_show_arrived:
 *
 * The page is shown: what was read while it was hidden goes into the
 * list, the first piece now (a short diary is whole as soon as it shows),
 * the rest a piece an idle.
 */
void
_rd_diary_page_show_arrived (RdDiaryPage *self)
{
  if (self->arriving == NULL || self->arrive_source != 0 || self->arrive_tick != 0)
    return;
  add_piece (self);
  arrive_rest (self);
}

/**
 * rd_diary_page_count_waiting:
 *
 * Returns: how many entries were read and wait to go into the list (while
 *   the page is hidden, all of them)
 */
guint
rd_diary_page_count_waiting (RdDiaryPage *self)
{
  g_return_val_if_fail (RD_IS_DIARY_PAGE (self), 0);

  return self->arriving != NULL ? self->arriving->len - self->arrived : 0;
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RdDiaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  GPtrArray *fresh = rd_diary_service_read_finish (RD_STORE (source), result, &error);

  /* A reading cancelled may still have finished: its result is left. */
  if (cancellable != self->reading || g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&fresh, g_ptr_array_unref);
      return;
    }
  g_clear_object (&self->reading);
  if (fresh == NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      fresh = g_ptr_array_new_with_free_func (g_object_unref);
    }
  show_read (self, fresh, FALSE);
}

/**
 * _rd_diary_page_reload:
 *
 * Reads the case's entries again on a worker, and shows them when read.
 * The editor is closed meanwhile; the entry it had is opened again after.
 */
void
_rd_diary_page_reload (RdDiaryPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  /* A reading overtaken keeps the entry it was to open. */
  if (self->open_item != NULL)
    self->reopen_id = rd_diary_item_get_id (self->open_item);
  _rd_diary_page_stop_reading (self);
  _rd_diary_page_edit_item (self, NULL);

  if (store == NULL || rcase == NULL)
    {
      show_read (self, g_ptr_array_new_with_free_func (g_object_unref), TRUE);
      return;
    }
  self->reading = g_cancellable_new ();
  _rd_diary_page_update_counts (self);
  rd_diary_service_read_async (store, rd_case_get_id (rcase), make_item_cb, compare_items_cb,
                               NULL, g_object_unref, self->reading, on_read_cb,
                               g_object_ref (self));
}

/**
 * _rd_diary_page_finish_reading:
 *
 * Puts every entry in the list now, if they are still being read (on the
 * main thread: for whoever needs the whole list at once).
 */
void
_rd_diary_page_finish_reading (RdDiaryPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(GError) error = NULL;
  GPtrArray *fresh = NULL;

  if (self->arriving != NULL)
    {
      stop_arriving (self);
      add_arrived (self, self->arriving->len);
      done_reading (self);
      return;
    }
  if (self->reading == NULL)
    return;
  _rd_diary_page_stop_reading (self);
  if (store != NULL && rcase != NULL)
    fresh = rd_diary_item_list_read (store, rd_case_get_id (rcase), &error);
  if (fresh == NULL)
    {
      if (error != NULL)
        rd_gui_show_toast (GTK_WIDGET (self), error->message);
      fresh = g_ptr_array_new_with_free_func (g_object_unref);
    }
  show_read (self, fresh, TRUE);
}

/* Someone else (another page, an import) changed this case's diary. */
void
_rd_diary_page_on_store_changed (RdDiaryPage *self,
                                 const char  *what,
                                 gint64       case_id)
{
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (self->own_write || rd_record_editor_is_saving (RD_RECORD_EDITOR (self->editor)) ||
      rd_case_page_is_waiting (RD_CASE_PAGE (self)) || !rd_gui_change_concerns (rcase, case_id))
    return;
  _rd_diary_page_reload (self);
}
