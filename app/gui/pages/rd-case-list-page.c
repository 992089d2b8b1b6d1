/* rd-case-list-page.c: every case in one searchable list, soonest date due
 * first; archived cases hidden unless asked for. Activating a row opens it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-case-list-page.h"
#include "rd-gui-util.h"

enum {
  SORT_DUE,
  SORT_CHANGED,
  SORT_NAME,
};

struct _RdCaseListPage
{
  GtkWidget           parent_instance;

  RdStore            *store;
  GListStore         *entries;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkNoSelection     *selection;
  GDate               today;
  gboolean            adviser;      /* consent reminders on every case */
  guint               generation;   /* of the newest reload started */
  GCancellable       *cancellable;  /* of the reload under way */
  gboolean            loaded;       /* a reload has finished once */
  gboolean            reload_after_frame;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_dropdown;
  GtkCheckButton     *archived_check;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (RdCaseListPage, rd_case_list_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_empty (RdCaseListPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  adw_status_page_set_description (self->empty_page,
                                   all == 0 ? _("There are no cases yet. Start one, or import a "
                                                "case a colleague handed over.")
                                            : _("No case matches the search. Archived cases "
                                                "are found only when they are shown."));
  /* Until the first reload is in, there is nothing to say yet. */
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || !self->loaded ? "list" : "empty");
}

/*
 * Each case's next date due means working its deadlines out, which for
 * many cases takes longer than a frame: the case service does that on a
 * worker thread with its own connection, and only the newest reload's
 * result is shown.
 */
typedef struct {
  RdCaseListPage *self;   /* kept alive until the result is in */
  GDate           today;
  guint           generation;
} ReloadJob;

static void
reload_job_free (ReloadJob *job)
{
  g_clear_object (&job->self);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReloadJob, reload_job_free)

static void
reload_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ReloadJob) job = user_data;
  RdCaseListPage *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) loaded = rd_case_service_list_case_entries_finish (RD_STORE (source), result,
                                                                           &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* A newer reload started (and cancelled this one): its result is the
   * one to show. */
  if (job->generation != self->generation || self->store == NULL)
    return;
  g_clear_object (&self->cancellable);
  if (loaded == NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  self->today = job->today;
  self->adviser = rd_store_get_adviser_mode (self->store);
  for (guint i = 0, n = g_list_model_get_n_items (loaded); i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (loaded, i));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  self->loaded = TRUE;
  update_empty (self);
  g_signal_emit (self, signals[UPDATED], 0);
}

/**
 * rd_case_list_page_reload:
 *
 * Starts reading the cases from the store again (and working out their
 * next dates) in a worker thread; the list changes, and
 * #RdCaseListPage::updated is emitted, when they are in. A reload started
 * before this one is dropped.
 */
void
rd_case_list_page_reload (RdCaseListPage *self)
{
  ReloadJob *job;

  g_return_if_fail (RD_IS_CASE_LIST_PAGE (self));

  self->reload_after_frame = FALSE;
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->entries);
      update_empty (self);
      return;
    }

  job = g_new0 (ReloadJob, 1);
  job->self = g_object_ref (self);
  {
    g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (self->store));
    job->today = *today;
  }
  job->generation = self->generation;
  self->cancellable = g_cancellable_new ();
  rd_case_service_list_case_entries_async (self->store, &job->today, self->cancellable,
                                           reload_done_cb, job);
}

GListModel *
rd_case_list_page_get_model (RdCaseListPage *self)
{
  g_return_val_if_fail (RD_IS_CASE_LIST_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

static gboolean
filter_entry (gpointer item,
              gpointer user_data)
{
  RdCaseListPage *self = user_data;
  RdCaseEntry *entry = item;

  if (rd_case_entry_get_archived (entry) &&
      !gtk_check_button_get_active (self->archived_check))
    return FALSE;
  return rd_case_entry_matches (entry, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static int
sort_entries (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  RdCaseListPage *self = user_data;
  RdCaseEntry *ea = (RdCaseEntry *) a;
  RdCaseEntry *eb = (RdCaseEntry *) b;

  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_NAME:
      {
        int c = g_utf8_collate (rd_case_entry_get_display_name (ea),
                                rd_case_entry_get_display_name (eb));
        if (c != 0)
          return c;
      }
      G_GNUC_FALLTHROUGH;
    case SORT_CHANGED:
      {
        gint64 ua = rd_case_get_updated_at (rd_case_entry_get_case (ea));
        gint64 ub = rd_case_get_updated_at (rd_case_entry_get_case (eb));

        if (ua != ub)
          return ua > ub ? -1 : 1;
        return rd_case_get_id (rd_case_entry_get_case (ea)) >
               rd_case_get_id (rd_case_entry_get_case (eb)) ? -1 : 1;
      }
    case SORT_DUE:
    default:
      return rd_case_entry_compare_due (ea, eb);
    }
}

static void
on_search_changed_cb (RdCaseListPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
on_archived_toggled_cb (RdCaseListPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
on_sort_changed_cb (RdCaseListPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
on_list_activate_cb (RdCaseListPage *self,
                     guint           position)
{
  g_autoptr(RdCaseEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case", "x",
                                rd_case_get_id (rd_case_entry_get_case (entry)));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *due = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (due), 1);
  gtk_label_set_wrap (GTK_LABEL (due), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (due), 24);
  gtk_widget_add_css_class (due, "caption");
  gtk_widget_set_hexpand (labels, TRUE);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), due);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RdCaseListPage           *self)
{
  RdCaseEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (labels);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *due = gtk_widget_get_next_sibling (labels);
  RdCaseAdmin *admin = rd_case_entry_get_admin (entry);
  const GDate *next = rd_case_entry_get_next_due (entry);
  const GDate *overdue = rd_case_entry_get_overdue_since (entry);
  g_autofree char *due_text = NULL;
  g_autofree char *label = NULL;

  if (overdue != NULL)
    {
      g_autofree char *when = rd_date_format_long (overdue);
      due_text = g_strdup_printf (_("Overdue since %s"), when);
    }
  else if (next != NULL)
    {
      g_autofree char *when = rd_date_format_long (next);
      due_text = g_strdup_printf (_("Next due %s"), when);
    }
  if (rd_case_admin_consent_prompt_due (admin, self->adviser, &self->today))
    {
      const char *consent = rd_case_admin_get_consent_given (admin) == NULL
                            ? _("Consent not recorded") : _("Consent to renew");
      char *both = due_text ? g_strdup_printf ("%s\n%s", due_text, consent) : g_strdup (consent);

      g_free (due_text);
      due_text = both;
    }

  gtk_label_set_text (GTK_LABEL (title), rd_case_entry_get_display_name (entry));
  gtk_label_set_text (GTK_LABEL (subtitle), rd_case_entry_get_detail (entry));
  gtk_widget_set_visible (subtitle, *rd_case_entry_get_detail (entry) != '\0');
  gtk_label_set_text (GTK_LABEL (due), due_text ? due_text : "");
  gtk_widget_set_visible (due, due_text != NULL);

  label = g_strdup_printf ("%s. %s. %s", rd_case_entry_get_display_name (entry),
                           rd_case_entry_get_detail (entry), due_text ? due_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
reload_after_frame_cb (GtkWidget *widget)
{
  RdCaseListPage *self = RD_CASE_LIST_PAGE (widget);

  if (self->reload_after_frame)
    rd_case_list_page_reload (self);
}

static void
set_store (RdCaseListPage *self,
           RdStore        *store)
{
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, rd_case_list_page_reload, self);
      g_signal_handlers_disconnect_by_func (rd_store_get_clock (self->store),
                                            rd_case_list_page_reload, self);
    }
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    {
      /* Dates due and "overdue" are counted from today: at midnight, again. */
      g_signal_connect_object (rd_store_get_clock (store), "day-changed",
                               G_CALLBACK (rd_case_list_page_reload), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::cases", G_CALLBACK (rd_case_list_page_reload),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::complaints", G_CALLBACK (rd_case_list_page_reload),
                               self, G_CONNECT_SWAPPED);
    }
  /* The list is read ahead, to show at once when asked for, but only once
   * the window has drawn: the window starts on a case or the welcome page
   * far more often than on this list, which reads every case. */
  if (store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Nothing of another store's may land meanwhile. */
      self->generation++;
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      g_list_store_remove_all (self->entries);
      self->reload_after_frame = TRUE;
      rd_gui_after_next_frame (GTK_WIDGET (self), reload_after_frame_cb);
    }
  else
    rd_case_list_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
rd_case_list_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rd_case_list_page_parent_class)->map (widget);

  /* Dates due move on with the days and with other pages' changes. */
  rd_case_list_page_reload (RD_CASE_LIST_PAGE (widget));
  gtk_widget_grab_focus (GTK_WIDGET (RD_CASE_LIST_PAGE (widget)->search_entry));
}

static void
rd_case_list_page_dispose (GObject *object)
{
  RdCaseListPage *self = RD_CASE_LIST_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_CASE_LIST_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rd_case_list_page_parent_class)->dispose (object);
}

static void
rd_case_list_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdCaseListPage *self = RD_CASE_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_list_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdCaseListPage *self = RD_CASE_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_list_page_class_init (RdCaseListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_case_list_page_dispose;
  object_class->get_property = rd_case_list_page_get_property;
  object_class->set_property = rd_case_list_page_set_property;
  widget_class->map = rd_case_list_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdCaseListPage::updated:
   *
   * The list shows the cases of a reload that has just finished.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-case-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdCaseListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdCaseListPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdCaseListPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, RdCaseListPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RdCaseListPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RdCaseListPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
}

static void
rd_case_list_page_init (RdCaseListPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->today, 1);

  self->entries = g_list_store_new (RD_TYPE_CASE_ENTRY);
  self->filter = gtk_custom_filter_new (filter_entry, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_entries, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->entries), GTK_FILTER (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered), GTK_SORTER (self->sorter));
  self->selection = gtk_no_selection_new (G_LIST_MODEL (self->sorted));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_empty (self);

  /* GTK 4.8's drop-down does not pass its name on to the button inside
   * it, which is what a screen reader reaches. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sort_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Order of the cases"), -1);
}
