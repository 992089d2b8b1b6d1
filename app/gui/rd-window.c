/* rd-window.c: the main Redress window: welcome, error, or one open case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-case-dialog.h"
#include "rd-case-page.h"
#include "rd-case-switcher.h"
#include "rd-deadline-notifier.h"
#include "rd-gui-util.h"
#include "rd-lock.h"
#include "rd-page-switcher-bar.h"
#include "rd-window-actions.h"
#include "rd-window-advisers.h"
#include "rd-window-undo.h"
#include "rd-window.h"

/*
 * Case pages
 * ==========
 *
 * While a case is open the window shows an AdwViewStack of case pages, with
 * a view switcher in the header bar (and a strip of the pages at the bottom,
 * rd-page-switcher-bar.c, when the window is narrow). Each page is its own RdCasePage subclass, for
 * example RdDiaryPage in rd-diary-page.{c,h} with ui/rd-diary-page.ui.
 * RdCasePage holds the contract the window relies on:
 *
 *  - "store" (RdStore*), set once, right after creation, and "case"
 *    (RdCase*, nullable), set when the resident opens another case and to
 *    NULL when the window closes.
 *  - Before either is replaced the page writes anything it has not saved
 *    yet, synchronously (rd_case_page_flush): that is how nothing is lost
 *    when the window closes or the app quits.
 *  - The RdCase object is shared: pages read it and may listen to its
 *    notify signals (the case details dialog changes it in place), but only
 *    the window replaces it.
 *  - Data written by other pages reaches a page through RdStore::changed
 *    (for example "changed::incidents"); a page refreshes what it shows from
 *    there rather than being told by the window.
 *  - Optionally, a page installs the action "page.find"
 *    (gtk_widget_class_install_action): Ctrl+F on the window activates it on
 *    the visible page.
 *
 * To add a page, include its header and add one line to case_pages[] in rd-window-pages.c,
 * which builds each page when it is first needed: a stable name (used by win.show-page and
 * by tests), a title, an icon and the type. The order of the table is the order of the switcher.
 * A page whose writes can fail (a full disk) implements the flush vfunc:
 * before the window closes it asks every page, and if one fails it says so
 * and stays open, so that nothing typed is lost.
 */
#include "rd-window-pages.h"

struct _RdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  RdDeadlineNotifier   *notifier;
  RdStore              *store;        /* NULL when it could not be opened */
  GError               *store_error;  /* why not */
  RdCase               *rcase;
  RdCasePages           pages;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  RdCaseSwitcher       *case_switcher;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkRevealer          *sample_banner;
  GtkButton            *start_case_button;
  GtkButton            *open_sample_button;
  GtkButton            *banner_new_case_button;

  RdLock               *lock;
  gboolean              close_anyway;
  GtkRevealer          *consent_banner;
  GtkRevealer          *read_only_banner;
  GtkLabel             *read_only_label;
  GtkLabel             *consent_label;
};

G_DEFINE_FINAL_TYPE (RdWindow, rd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CASE,
  PROP_STORE,
  PROP_STORE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An adviser is reminded when a client's consent to keep their data is
 * missing or due for renewal; a resident on their own case is not (nor is
 * the sample case). */
static void
update_consent_banner (RdWindow *self)
{
  g_autoptr(RdCaseAdmin) admin = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GDate) today = NULL;

  if (self->rcase != NULL && self->store != NULL && !rd_case_get_is_sample (self->rcase))
    {
      admin = rd_store_get_case_admin (self->store, rd_case_get_id (self->rcase), NULL);
      today = rd_clock_dup_today (rd_store_get_clock (self->store));
    }
  if (admin != NULL && rd_case_admin_consent_prompt_due (admin, rd_store_get_adviser_mode (self->store), today))
    message = rd_case_admin_dup_consent_message (admin, today);
  gtk_label_set_text (self->consent_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->consent_banner, message != NULL);
  _rd_window_update_adviser_actions (self);
}

/* Kept in the data folder's own database: another folder's case 7 is
 * somebody else's case. A read-only folder just does not remember. */
static void
remember_case (RdWindow *self,
               gint64    case_id)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || rd_store_is_read_only (self->store))
    return;
  if (!rd_store_set_last_case_id (self->store, case_id, &error))
    g_debug ("Could not remember the open case: %s", error->message);
}

static void
set_case (RdWindow *self,
          RdCase   *rcase)
{
  if (self->rcase == rcase)
    return;

  /* A delete is undone in its own case only. */
  _rd_window_forget_undo (self);
  /* Pages write what is pending for the old case as it goes. */
  for (guint i = 0; i < RD_N_CASE_PAGES; i++)
    if (self->pages.pages[i] != NULL)
      rd_case_page_set_case (RD_CASE_PAGE (self->pages.pages[i]), rcase);

  g_set_object (&self->rcase, rcase);

  g_object_set (self->case_switcher, "case", rcase, NULL);
  if (rcase != NULL)
    {
      remember_case (self, rd_case_get_id (rcase));
      gtk_stack_set_visible_child_name (self->main_stack, "case");
      /* A case opens on its home page: what needs doing next. It is built
       * now if it was not, and gets the case as it is. */
      adw_view_stack_set_visible_child (self->view_stack,
                                        _rd_case_pages_get (&self->pages, "dashboard"));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->case_switcher), rcase != NULL);
  /* A bundle is made of a case: nothing to export without one. */
  rd_gui_action_set_enabled (GTK_WIDGET (self), "win.export", rcase != NULL);
  gtk_revealer_set_reveal_child (self->sample_banner, rcase != NULL && rd_case_get_is_sample (rcase));
  update_consent_banner (self);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, rcase != NULL);
  /* With a case open, the case switcher names it; the header's middle is for the pages. */
  adw_view_switcher_title_set_title (self->switcher_title, rcase != NULL ? "" : _("Redress"));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/*
 * Asks every page to write what it has not written. Returns the index of
 * the first page that could not, with its reason, or -1.
 */
static int
flush_pages (RdWindow  *self,
             GError   **error)
{
  for (guint i = 0; i < RD_N_CASE_PAGES; i++)
    if (self->pages.pages[i] != NULL &&
        !rd_case_page_flush (RD_CASE_PAGE (self->pages.pages[i]), error))
      return i;
  return -1;
}

/**
 * rd_window_open_case:
 *
 * Opens the case with id @case_id from the store, and remembers it as the
 * case to open next time.
 */
gboolean
rd_window_open_case (RdWindow  *self,
                     gint64     case_id,
                     GError   **error)
{
  g_autoptr(RdCase) rcase = NULL;

  g_return_val_if_fail (RD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (self->rcase != NULL && rd_case_get_id (self->rcase) == case_id)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "case");
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
      return TRUE;
    }
  /* Another case opens only once this one's pages have written everything. */
  if (self->rcase != NULL && flush_pages (self, error) >= 0)
    return FALSE;

  rcase = rd_store_get_case (self->store, case_id, error);
  if (rcase == NULL)
    return FALSE;
  set_case (self, rcase);
  return TRUE;
}

/**
 * rd_window_show_cases:
 *
 * Shows the list of every case (for advisers), over the open case.
 */
void
rd_window_show_cases (RdWindow *self)
{
  g_return_if_fail (RD_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "cases");
  /* The case's page tabs mean nothing over the list of cases. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
}

/**
 * rd_window_close_case:
 *
 * Lets go of the open case (its pages write what is pending) and shows the
 * case list, or the welcome page when there are no cases left.
 */
void
rd_window_close_case (RdWindow *self)
{
  g_autoptr(GListModel) cases = NULL;

  g_return_if_fail (RD_IS_WINDOW (self));

  set_case (self, NULL);
  remember_case (self, 0);
  if (self->store != NULL)
    cases = rd_store_list_cases (self->store, NULL);
  gtk_stack_set_visible_child_name (self->main_stack,
                                    cases != NULL && g_list_model_get_n_items (cases) > 0
                                    ? "cases" : "welcome");
}

/**
 * rd_window_get_notifier:
 *
 * Returns: (transfer none) (nullable): what sends the deadline reminders
 */
RdDeadlineNotifier *
rd_window_get_notifier (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  return self->notifier;
}

RdCase *
rd_window_get_case (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  return self->rcase;
}

RdStore *
rd_window_get_store (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * rd_window_get_page:
 * @name: a name from the case page table, e.g. "diary"
 *
 * Returns: (transfer none) (nullable): the page widget, built now if it
 *   was not yet
 */
GtkWidget *
rd_window_get_page (RdWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  return _rd_case_pages_get (&self->pages, name);
}

/**
 * rd_window_show_page:
 *
 * Brings the case page @name to the front, if a case is open.
 *
 * Returns: (transfer none) (nullable): the page widget
 */
GtkWidget *
rd_window_show_page (RdWindow   *self,
                     const char *name)
{
  GtkWidget *page;

  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  page = rd_window_get_page (self, name);
  if (page != NULL && self->rcase != NULL)
    {
      adw_view_stack_set_visible_child (self->view_stack, page);
      /* Before the window is first drawn it shows nothing yet, but whoever
       * asked for the page may read it at once. */
      rd_case_page_fill (RD_CASE_PAGE (page));
    }
  return page;
}

/**
 * rd_window_get_visible_page:
 *
 * Returns: (transfer none) (nullable): the case page on show, or %NULL when
 *   no case is open
 */
GtkWidget *
rd_window_get_visible_page (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  if (self->rcase == NULL)
    return NULL;
  return adw_view_stack_get_visible_child (self->view_stack);
}

/**
 * rd_window_show_toast:
 * @toast: (transfer full): a toast, for one with a button or no timeout
 */
void
rd_window_show_toast (RdWindow *self,
                      AdwToast *toast)
{
  g_return_if_fail (RD_IS_WINDOW (self));

  rd_gui_announce (GTK_WIDGET (self), adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
rd_window_add_toast (RdWindow   *self,
                     const char *message)
{
  g_return_if_fail (RD_IS_WINDOW (self));

  rd_gui_announce (GTK_WIDGET (self), message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* The keyboard starts on Start a Case, not the main menu GTK would pick;
 * in a case (reopened as the window maps, too) in its page, not on Switch case. */
static void
focus_welcome (RdWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->start_case_button));
  else if (self->rcase != NULL)
    _rd_window_focus_page (self, adw_view_stack_get_visible_child (self->view_stack));
}

/*
 * Opens the case the resident had open last time in this data folder,
 * unless it has since been archived or erased; failing that the one changed
 * most recently that is not archived; failing that the case list (every
 * case is archived) or the welcome page (no cases yet).
 */
static void
restore_last_case (RdWindow *self)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = rd_store_find_case_to_reopen (self->store, &error);

  if (case_id > 0 && rd_window_open_case (self, case_id, &error))
    return;
  if (error == NULL)
    cases = rd_store_list_cases (self->store, &error);
  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack,
                                    g_list_model_get_n_items (cases) > 0 ? "cases" : "welcome");
}

/* Nothing opens: what needs the cases is turned off, so that no shortcut
 * (Ctrl+N, Ctrl+F, Ctrl+E, …) pretends to work. Lock, the shortcuts
 * window, About and Quit still do. */
static void
disable_case_actions (RdWindow *self)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char * const app_actions[] = { "open-sample-case", "open-case", "preferences" };
  const GVariantType *parameter_type;
  const char *property_name;
  const char *name;
  GType owner;

  /* GTK 4.8 writes every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property_name);
       i++)
    if (g_str_has_prefix (name, "win.") && !g_str_equal (name, "win.lock"))
      rd_gui_action_set_enabled (GTK_WIDGET (self), name, FALSE);
  for (guint i = 0; app != NULL && i < G_N_ELEMENTS (app_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (app), app_actions[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
    }
}

static void
show_store_state (RdWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  const GError *error = self->store_error;

  /* Lock works even when the store cannot open: it then has no passphrase. */
  self->lock = rd_lock_new (ADW_APPLICATION_WINDOW (self), self->store);

  if (error != NULL || self->store == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      if (error != NULL)
        adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      disable_case_actions (self);
      /* With no cases to open, the menu offers nothing that needs them. */
      g_menu_append (menu, _("About _Redress"), "app.about");
      gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
      return;
    }

  /* Said before anything is typed, not at the first save that fails. */
  if (rd_store_is_read_only (self->store))
    {
      gtk_label_set_text (self->read_only_label, rd_store_get_read_only_message (self->store));
      gtk_revealer_set_reveal_child (self->read_only_banner, TRUE);
    }
  g_object_set (self->case_switcher, "store", self->store, NULL);
  g_signal_connect_object (self->store, "changed::cases", G_CALLBACK (update_consent_banner), self,
                           G_CONNECT_SWAPPED);
  _rd_case_pages_start (&self->pages, self, self->view_stack, self->store);
  restore_last_case (self);
  focus_welcome (self);

  /* Reminders while Redress runs, never while the window is locked. */
  self->notifier = rd_deadline_notifier_new (app, self->store, self->settings);
  g_object_bind_property (self->lock, "locked", self->notifier, "paused", G_BINDING_SYNC_CREATE);
}

/**
 * rd_window_new:
 * @store: (nullable): the application's store, or %NULL if it could not
 *   be opened
 * @store_error: (nullable): why it could not
 */
RdWindow *
rd_window_new (GtkApplication *application,
               RdStore        *store,
               const GError   *store_error)
{
  RdWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || RD_IS_STORE (store), NULL);

  self = g_object_new (RD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "store-error", store_error,
                       NULL);

  /* "application" is not a construct property, so the lock and the
   * notifier, which need it, are made once g_object_new() has set it. */
  show_store_state (self);
  return self;
}

/**
 * rd_window_get_lock:
 *
 * Returns: (transfer none) (nullable): what hides the cases when locked
 */
RdLock *
rd_window_get_lock (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  return self->lock;
}

static void
on_case_saved_cb (RdWindow *self,
                  RdCase   *rcase)
{
  g_autoptr(GError) error = NULL;

  /* The open case, changed in place: Case Details says "Saved" itself at
   * each pause in typing, where a toast each time would pile up here. */
  if (self->rcase == rcase)
    return;
  if (self->rcase != NULL && flush_pages (self, &error) >= 0)
    rd_window_add_toast (self, error->message);
  else
    {
      /* A new case has nothing to chase yet: it starts with its diary, and
       * so does the keyboard (not on the case switcher). */
      set_case (self, rcase);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "diary");
    }
}

/**
 * rd_window_show_case_dialog:
 * @rcase: (nullable): the case to change, or %NULL to start one
 *
 * Returns: (transfer none): the dialog, already shown
 */
GtkWindow *
rd_window_show_case_dialog (RdWindow *self,
                            RdCase   *rcase)
{
  RdCaseDialog *dialog;

  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  dialog = rd_case_dialog_new (GTK_WINDOW (self), self->store, rcase);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_case_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RdWindow         *self)
{
  if (g_str_equal (response, "close"))
    {
      self->close_anyway = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/*
 * When a page cannot write (a full disk, a file taken away), the window
 * says so and stays open: the text is still on screen, and the resident
 * decides.
 */
static gboolean
flush_before_closing (RdWindow *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  int failed;

  if (self->close_anyway || self->rcase == NULL)
    return TRUE;
  failed = flush_pages (self, &error);
  if (failed < 0)
    return TRUE;

  rd_window_show_page (self, _rd_case_pages_name (failed));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Your Last Changes Are Not Saved"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nKeep the window open and try again, or copy what "
                                    "you wrote somewhere safe. If you close now, the changes "
                                    "are lost."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Window Open"),
                                    "close", _("_Close and Lose Them"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
rd_window_close_request (GtkWindow *window)
{
  RdWindow *self = RD_WINDOW (window);
  int width, height;

  if (!flush_before_closing (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  /* Setting the case to NULL makes every page write what is pending; the
   * data folder keeps the case for next time. */
  if (self->rcase != NULL)
    {
      gint64 last = rd_case_get_id (self->rcase);

      set_case (self, NULL);
      remember_case (self, last);
    }

  return GTK_WINDOW_CLASS (rd_window_parent_class)->close_request (window);
}

static void
rd_window_dispose (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  _rd_case_pages_clear (&self->pages);
  g_clear_object (&self->notifier);
  /* First, while the template still holds its children: a locked window's
   * content is held aside by the lock. */
  g_clear_object (&self->lock);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_WINDOW);
  g_clear_object (&self->rcase);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rd_window_parent_class)->dispose (object);
}

static void
rd_window_finalize (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (rd_window_parent_class)->finalize (object);
}

static void
rd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RdWindow *self = RD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->rcase);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RdWindow *self = RD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_STORE_ERROR:
      g_clear_error (&self->store_error);
      self->store_error = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_window_class_init (RdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (RD_TYPE_CASE_SWITCHER);
  g_type_ensure (RD_TYPE_PAGE_SWITCHER_BAR);

  object_class->dispose = rd_window_dispose;
  object_class->finalize = rd_window_finalize;
  object_class->get_property = rd_window_get_property;
  object_class->set_property = rd_window_set_property;
  window_class->close_request = rd_window_close_request;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, RD_TYPE_CASE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Handed down by the application, which opened it: the window never asks
   * the application for anything. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, primary_menu);
  gtk_widget_class_bind_template_child_full (widget_class, "welcome_page", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, case_switcher);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, sample_banner);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, start_case_button);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, open_sample_button);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, banner_new_case_button);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, consent_banner);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, consent_label);

  _rd_window_class_add_case_actions (widget_class);
  _rd_window_class_add_undo_actions (widget_class);
  _rd_window_class_add_adviser_actions (widget_class);
}

static void
rd_window_init (RdWindow *self)
{
  GObject *welcome;
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* What the first frame does not show must cost it nothing (issue 17). */
  welcome = gtk_widget_get_template_child (GTK_WIDGET (self), RD_TYPE_WINDOW, "welcome_page");
  rd_gui_status_page_icon_when_shown (ADW_STATUS_PAGE (welcome));
  rd_gui_status_page_icon_when_shown (self->error_page);
  rd_gui_revealer_hide_closed (self->read_only_banner);
  rd_gui_revealer_hide_closed (self->sample_banner);
  rd_gui_revealer_hide_closed (self->consent_banner);
  rd_gui_menu_button_model_when_opened (self->menu_button, self->primary_menu);
  rd_gui_init_toasts (GTK_WIDGET (self), self->toast_overlay);
  _rd_window_init_adviser_ui (self);
  rd_gui_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  _rd_window_add_file_drop (self);
  _rd_window_add_help_overlay_action (self);
  g_signal_connect_object (self->main_stack, "notify::visible-child", G_CALLBACK (focus_welcome),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (focus_welcome), NULL);
  rd_gui_fix_accessible_name (GTK_WIDGET (self->start_case_button));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->open_sample_button));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->banner_new_case_button));

  self->settings = g_settings_new (APP_ID);
  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}
