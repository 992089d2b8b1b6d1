/* rd-diary-page-private.h: what the diary page's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-diary-item.h"
#include "rd-diary-page.h"
#include "rd-incident-editor.h"

G_BEGIN_DECLS

struct _RdDiaryPage
{
  RdCasePage          parent_instance;

  GListStore         *items;           /* RdDiaryItem */
  RdDiaryItem        *open_item;       /* the entry in the editor */
  RdIncident         *unwritten;       /* a new entry's, until the editor has it */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GArray             *hits;            /* ids the search found; NULL: no search */
  char               *hits_query;      /* what was typed when they were found */
  GCancellable       *searching;       /* the search under way */
  int                 category;        /* -1: every category */
  gint64              sorted_starts;   /* of the open entry, as last sorted */
  RdDiaryItem        *hidden_by_filter; /* being read when a search hid it */
  gboolean            ignore_selection;
  gboolean            own_write;

  /* Reading the list (rd-diary-page-read.c) */
  GCancellable       *reading;         /* the entries being read on a worker */
  GPtrArray          *arriving;        /* RdDiaryItem read, newest first, going into items */
  guint               arrived;         /* how many of them are in items */
  guint               arrive_source;   /* an idle, once the items get no rows */
  guint               arrive_tick;     /* a tick callback, while they do */
  gboolean            arrive_skip_tick; /* its first: the frame lays out the piece before */
  guint               arrive_step;     /* items in the next step of a piece */
  gint64              reopen_id;       /* the entry to open once read; 0: the newest */
  gboolean            filled;          /* the list holds the case's entries, read before */

  GtkStack           *diary_stack;
  AdwLeaflet         *leaflet;
  GtkDropDown        *category_dropdown;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *diary_search_entry;
  GtkStack           *list_stack;
  GtkListView        *diary_list;
  GtkLabel           *count_label;
  GtkLabel           *editor_title;
  GtkStack           *editor_stack;
  RdIncidentEditor   *editor;
  GtkWidget          *empty_new_button;
  GtkWidget          *new_button;
  GtkWidget          *history_button;
};

/* rd-diary-page.c */
void     _rd_diary_page_update_counts    (RdDiaryPage     *self);
void     _rd_diary_page_select_item      (RdDiaryPage     *self,
                                          gpointer         item);
void     _rd_diary_page_edit_item        (RdDiaryPage     *self,
                                          RdDiaryItem     *item);

/* rd-diary-page-search.c: the category and the words searched for */
gboolean _rd_diary_page_filter          (gpointer         item,
                                          gpointer         user_data);
void     _rd_diary_page_search           (RdDiaryPage     *self);
void     _rd_diary_page_forget_hits      (RdDiaryPage     *self);
void     _rd_diary_page_filter_changed   (RdDiaryPage     *self);
void     _rd_diary_page_find             (GtkWidget       *widget,
                                          const char      *action_name,
                                          GVariant        *parameter);

/* rd-diary-page-read.c: the list read on a worker, shown a piece at a time */
void     _rd_diary_page_reload           (RdDiaryPage     *self);
void     _rd_diary_page_finish_reading   (RdDiaryPage     *self);
void     _rd_diary_page_stop_reading     (RdDiaryPage     *self);
void     _rd_diary_page_clear            (RdDiaryPage     *self);
void     _rd_diary_page_show_arrived     (RdDiaryPage     *self);
void     _rd_diary_page_on_store_changed (RdDiaryPage     *self,
                                          const char      *what,
                                          gint64           case_id);

G_END_DECLS
