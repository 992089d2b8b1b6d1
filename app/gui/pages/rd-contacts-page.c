/* rd-contacts-page.c: the case page that logs every contact with the landlord and others.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-contact-editor.h"
#include "rd-contacts-page.h"
#include "rd-gui-list.h"
#include "rd-gui-util.h"
#include "rd-parties-dialog.h"

struct _RdContactsPage
{
  RdRecordListPage    parent_instance;

  GListStore         *contacts;    /* the base class's records */
  GtkSortListModel   *sorted;
  GtkCustomSorter    *sorter;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GHashTable         *party_names;   /* gint64 id → display name */
  GArray             *hits;          /* ids the last search found, or NULL for all */
  char               *hits_query;    /* what they were found for; NULL once stale */
  GCancellable       *searching;

  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *editor_stack;
};

G_DEFINE_FINAL_TYPE (RdContactsPage, rd_contacts_page, RD_TYPE_RECORD_LIST_PAGE)

static const char *
party_name (RdContactsPage *self,
            RdContact      *contact)
{
  gint64 id = rd_contact_get_party_id (contact);
  const char *name = id ? g_hash_table_lookup (self->party_names, &id) : NULL;

  return name ? name : rd_contact_get_person (contact);
}

/*
 * The list keeps the contacts the contact log's index found for what was
 * typed (rd_search_service_find_async(), off the main thread), as the
 * diary's does; a contact not written yet is in no index, and is shown.
 */
static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RdContactsPage *self = user_data;
  gint64 id = rd_contact_get_id (item);

  return self->hits == NULL || id == 0 || rd_search_service_ids_contain (self->hits, id);
}

/* Newest first; one not saved yet goes above others at the same time. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  RdContact *ca = (RdContact *) a;
  RdContact *cb = (RdContact *) b;

  return rd_gui_compare_newest_first (rd_contact_get_occurred_at (ca), rd_contact_get_id (ca),
                                      rd_contact_get_occurred_at (cb), rd_contact_get_id (cb));
}

static void
load_party_names (RdContactsPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(GListModel) parties = NULL;

  g_hash_table_remove_all (self->party_names);
  if (store != NULL && rcase != NULL)
    parties = rd_store_list_parties (store, rd_case_get_id (rcase), NULL);
  for (guint i = 0; parties != NULL && i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(RdParty) party = g_list_model_get_item (parties, i);

      g_hash_table_insert (self->party_names, g_memdup2 (&(gint64){ rd_party_get_id (party) }, sizeof (gint64)),
                           rd_party_dup_display_name (party));
    }
}

/* "Phone call from Dee Marsh (Eastwick Homes)", for the list and the title. */
static char *
describe (RdContactsPage *self,
          RdContact      *contact)
{
  const char *channel = rd_contact_channel_get_label (rd_contact_get_channel (contact));
  const char *who = party_name (self, contact);

  if (who == NULL || *who == '\0')
    return g_strdup_printf (rd_contact_get_direction (contact) == RD_CONTACT_FROM
                            /* Translators: "Email from them" */
                            ? _("%s from them")
                            /* Translators: "Email to them" */
                            : _("%s to them"), channel);
  if (rd_contact_get_direction (contact) == RD_CONTACT_FROM)
    /* Translators: "Phone call from Dee Marsh (Eastwick Homes)" */
    return g_strdup_printf (_("%s from %s"), channel, who);
  /* Translators: "Email to Dee Marsh (Eastwick Homes)" */
  return g_strdup_printf (_("%s to %s"), channel, who);
}

static void
update_row (RdContactsPage *self,
            GtkListItem    *item)
{
  RdContact *contact = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *headline = gtk_widget_get_first_child (box);
  GtkWidget *meta = gtk_widget_get_next_sibling (headline);
  GtkWidget *promise = gtk_widget_get_next_sibling (meta);
  g_autofree char *head = rd_contact_dup_headline (contact);
  g_autofree char *what = describe (self, contact);
  g_autofree char *when = NULL;
  g_autofree char *meta_text = NULL;

  if (rd_contact_get_occurred_at (contact) != NULL)
    when = rd_datetime_format_short (rd_contact_get_occurred_at (contact));
  /* Translators: "Mon 4 Nov 2024, 14:05 · Phone call from Dee Marsh" */
  meta_text = g_strdup_printf (_("%s · %s"), when ? when : "", what);
  gtk_label_set_text (GTK_LABEL (headline), head);
  gtk_label_set_text (GTK_LABEL (meta), meta_text);

  if (rd_contact_has_promise (contact))
    {
      g_autofree char *due = rd_date_format_long (rd_contact_get_promise_due (contact));
      g_autofree char *text = NULL;

      /* Translators: "Promised: call me back, by Friday 18 October 2024" */
      text = g_strdup_printf (_("Promised: %s, by %s"), rd_contact_get_promise (contact), due);
      gtk_label_set_text (GTK_LABEL (promise), text);
      gtk_widget_set_visible (promise, TRUE);
    }
  else
    gtk_widget_set_visible (promise, FALSE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RdContactsPage           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *headline = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *promise = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (headline), 0);
  gtk_label_set_ellipsize (GTK_LABEL (headline), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (headline, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (promise), 0);
  gtk_label_set_ellipsize (GTK_LABEL (promise), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (promise, "caption");
  gtk_widget_add_css_class (promise, "accent");
  gtk_box_append (GTK_BOX (box), headline);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), promise);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RdContactsPage           *self)
{
  rd_gui_list_item_follow (item, "notify", (RdGuiRowUpdate) update_row, self);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RdContactsPage           *self)
{
  rd_gui_list_item_unfollow (item);
}

/* "Friday 18 October 2024 at 14:05", above the editor. */
static char *
rd_contacts_page_dup_title (RdRecordListPage *page,
                            gpointer          record)
{
  RdContact *contact = record;

  if (rd_contact_get_occurred_at (contact) == NULL)
    return NULL;
  return rd_datetime_format_long (rd_contact_get_occurred_at (contact));
}

static void
show_hits (RdContactsPage *self,
           GArray         *hits,
           const char     *query)
{
  /* Hits without their query were found before the list was read again. */
  GtkFilterChange change = self->hits != NULL && self->hits_query == NULL
                           ? GTK_FILTER_CHANGE_DIFFERENT
                           : rd_gui_filter_change_for_query (self->hits_query, query);

  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->hits_query, g_free);
  self->hits = hits;
  self->hits_query = g_strdup (query);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RdContactsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *hits = rd_search_service_find_finish (RD_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->searching);
  if (hits == NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  show_hits (self, hits, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Asks the index for what was typed; the answer to a search overtaken by
 * the next keystroke is not waited for. */
static void
search (RdContactsPage *self)
{
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);

  if (store == NULL || rcase == NULL || !rd_search_service_has_words (text))
    {
      if (self->hits != NULL)
        show_hits (self, NULL, NULL);
      return;
    }
  self->searching = g_cancellable_new ();
  rd_search_service_find_async (store, RD_SEARCH_CONTACTS, rd_case_get_id (rcase), text,
                                self->searching, on_search_done_cb, g_object_ref (self));
}

/* The contacts (or the names of the people) changed: what a search found
 * was found in them as they were, and is asked again. The hits are kept
 * without their query until the answer comes, so the list stays narrowed
 * meanwhile. */
static void
search_again (RdContactsPage *self)
{
  g_clear_pointer (&self->hits_query, g_free);
  search (self);
}

static void
on_search_changed_cb (RdContactsPage *self)
{
  search (self);
}

/* A contact's time moved: put it back in its place, still selected. */
static void
rd_contacts_page_saved (RdRecordListPage *page,
                        gpointer          record)
{
  RdContactsPage *self = RD_CONTACTS_PAGE (page);

  rd_record_list_page_set_ignore_selection (page, TRUE);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  rd_record_list_page_select (page, record);
  rd_record_list_page_set_ignore_selection (page, FALSE);
}

static GListModel *
rd_contacts_page_list (RdRecordListPage  *page,
                       RdStore           *store,
                       gint64             case_id,
                       GError           **error)
{
  RdContactsPage *self = RD_CONTACTS_PAGE (page);

  /* The rows show the people's names: read them first. */
  load_party_names (self);
  search_again (self);
  return rd_store_list_contacts (store, case_id, error);
}

static gboolean
rd_contacts_page_remove (RdRecordListPage  *page,
                         RdStore           *store,
                         gint64             id,
                         GError           **error)
{
  return rd_store_delete_contact (store, id, error);
}

static void
on_contacts_changed_cb (RdContactsPage *self,
                        const char     *what,
                        gint64          case_id)
{
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  RdRecordEditor *editor = RD_RECORD_EDITOR (rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (self)));

  if (rd_record_editor_is_saving (editor) || rd_case_page_is_waiting (RD_CASE_PAGE (self)) ||
      !rd_gui_change_concerns (rcase, case_id))
    return;
  rd_record_list_page_reload (RD_RECORD_LIST_PAGE (self));
}

static void
on_parties_changed_cb (RdContactsPage *self,
                       const char     *what,
                       gint64          case_id)
{
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));

  if (rd_case_page_is_waiting (RD_CASE_PAGE (self)) || !rd_gui_change_concerns (rcase, case_id))
    return;
  load_party_names (self);
  /* A search can find a contact by its person's name. */
  search_again (self);
  /* Rows show names: redraw them. */
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  g_list_model_items_changed (G_LIST_MODEL (self->contacts), 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->contacts)),
                              g_list_model_get_n_items (G_LIST_MODEL (self->contacts)));
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdContactsPage *self = RD_CONTACTS_PAGE (widget);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(RdContact) contact = NULL;
  g_autoptr(GDateTime) minute = NULL;

  if (rcase == NULL)
    return;
  minute = rd_gui_now_to_the_minute (rd_store_get_clock (store));
  contact = rd_contact_new ();
  rd_contact_set_case_id (contact, rd_case_get_id (rcase));
  rd_contact_set_occurred_at (contact, minute);

  /* A search could hide it. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rd_record_list_page_add (RD_RECORD_LIST_PAGE (self), contact);
  rd_contact_editor_focus_summary (RD_CONTACT_EDITOR (rd_record_list_page_get_editor (RD_RECORD_LIST_PAGE (self))));
}

static void
delete_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  rd_record_list_page_confirm_delete (RD_RECORD_LIST_PAGE (widget), _("Delete This Contact?"),
                                      _("It goes from your log; you can undo this "
                                        "straight after. Complaint steps that point to it "
                                        "as proof keep their dates."));
}

static void
edit_people_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdContactsPage *self = RD_CONTACTS_PAGE (widget);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  RdPartiesDialog *dialog;

  if (store == NULL || rcase == NULL)
    return;
  dialog = rd_parties_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), store, rcase);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdContactsPage *self = RD_CONTACTS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rd_contacts_page_get_contacts:
 *
 * Returns: (transfer none): the contacts as listed (sorted and filtered)
 */
GListModel *
rd_contacts_page_get_contacts (RdContactsPage *self)
{
  g_return_val_if_fail (RD_IS_CONTACTS_PAGE (self), NULL);

  /* What the page shows is read when it is first shown: now, if not yet. */
  rd_case_page_fill (RD_CASE_PAGE (self));

  return G_LIST_MODEL (rd_record_list_page_get_selection (RD_RECORD_LIST_PAGE (self)));
}

static void
rd_contacts_page_store_changed (RdCasePage *page)
{
  RdContactsPage *self = RD_CONTACTS_PAGE (page);
  RdStore *store = rd_case_page_get_store (page);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::contacts", G_CALLBACK (on_contacts_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::parties", G_CALLBACK (on_parties_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  RD_CASE_PAGE_CLASS (rd_contacts_page_parent_class)->store_changed (page);
}

static void
rd_contacts_page_dispose (GObject *object)
{
  RdContactsPage *self = RD_CONTACTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_CONTACTS_PAGE);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->party_names, g_hash_table_unref);
  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->hits_query, g_free);

  G_OBJECT_CLASS (rd_contacts_page_parent_class)->dispose (object);
}

static void
rd_contacts_page_class_init (RdContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdCasePageClass *page_class = RD_CASE_PAGE_CLASS (klass);
  RdRecordListPageClass *list_class = RD_RECORD_LIST_PAGE_CLASS (klass);

  g_type_ensure (RD_TYPE_CONTACT_EDITOR);

  object_class->dispose = rd_contacts_page_dispose;
  page_class->store_changed = rd_contacts_page_store_changed;
  list_class->record_type = RD_TYPE_CONTACT;
  list_class->list_child = "contacts";
  list_class->delete_action = "contacts.delete-contact";
  list_class->page_name = "contacts";
  list_class->deleted_message = N_("Contact deleted");
  list_class->restored_message = N_("Contact restored");
  list_class->list = rd_contacts_page_list;
  list_class->remove = rd_contacts_page_remove;
  list_class->dup_title = rd_contacts_page_dup_title;
  list_class->saved = rd_contacts_page_saved;

  gtk_widget_class_install_action (widget_class, "contacts.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "contacts.delete-contact", NULL, delete_contact_action);
  gtk_widget_class_install_action (widget_class, "contacts.edit-people", NULL, edit_people_action);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-contacts-page.ui");
  rd_record_list_page_class_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, RdContactsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RdContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdContactsPage, editor_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
}

static void
rd_contacts_page_init (RdContactsPage *self)
{
  RdRecordListPage *page = RD_RECORD_LIST_PAGE (self);

  self->contacts = rd_record_list_page_get_records (page);
  self->party_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  rd_record_list_page_set_editor_stack (page, self->editor_stack);

  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->contacts)),
                                          GTK_SORTER (self->sorter));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted), GTK_FILTER (self->filter));
  rd_record_list_page_set_model (page, G_LIST_MODEL (self->filtered),
                                 rd_gui_list_item_factory_new (G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                                                               G_CALLBACK (unbind_row_cb), self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}
