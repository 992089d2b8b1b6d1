/* rd-dashboard-page.c: the case's home page: what is overdue, what is due, what to do next.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-complaint-assistant.h"
#include "rd-dashboard-page.h"
#include "rd-gui-util.h"
#include "rd-letter-dialog.h"

/*
 * The page works the case's deadlines out again whenever anything of the
 * case changes (a step, a contact, the diary, the case's policy) and when
 * the day changes, so that "3 working days late" is always today's count.
 *
 * A big case takes tens of milliseconds to load and work out, so that is
 * done in a worker thread with its own connection; the window shows the
 * result when it comes, unless a newer refresh has started meanwhile.
 */

struct _RdDashboardPage
{
  RdCasePage     parent_instance;

  RdDashboard   *dashboard;
  GListStore    *items;      /* what the list shows: a copy of the dashboard's */
  guint          generation;  /* of the newest refresh started */
  GCancellable  *cancellable; /* of the refresh under way */

  GtkStack      *stack;
  GtkSpinner    *loading_spinner;
  GtkLabel      *summary_label;
  GtkRevealer   *trigger_revealer;
  GtkLabel      *trigger_label;
  GtkLabel      *trigger_entries_label;
  GtkRevealer   *remedies_revealer;
  GtkLabel      *remedies_label;
  GtkListView   *list_view;
  GtkLabel      *notes_label;
  GtkLabel      *convention_label;
};

G_DEFINE_FINAL_TYPE (RdDashboardPage, rd_dashboard_page, RD_TYPE_CASE_PAGE)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
button_label (RdNextStep step)
{
  switch (step)
    {
    case RD_NEXT_STEP_CHASE:
      return _("Write a _Chaser…");
    case RD_NEXT_STEP_ESCALATE:
      return _("Ask to _Escalate…");
    case RD_NEXT_STEP_OMBUDSMAN:
      return _("Write for the _Ombudsman…");
    case RD_NEXT_STEP_NONE:
    case RD_NEXT_STEP_WAIT:
    case RD_NEXT_STEP_CASE_REVIEW:
    default:
      return NULL;
    }
}

static const char *
group_css (RdDashboardGroup group)
{
  switch (group)
    {
    case RD_DASHBOARD_OVERDUE:
      return "error";
    case RD_DASHBOARD_DUE_SOON:
      return "warning";
    case RD_DASHBOARD_DONE:
      return "success";
    case RD_DASHBOARD_LATER:
    case RD_DASHBOARD_N_GROUPS:
    default:
      return "accent";
    }
}

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

typedef struct {
  GtkWidget *group;
  GtkWidget *title;
  GtkWidget *status;
  GtkWidget *context;
  GtkWidget *explanation;
  GtkWidget *advice;
  GtkWidget *button;
} Row;

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_widget_add_css_class (box, "dashboard-row");
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  row->group = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->group, "caption-heading");
  gtk_widget_add_css_class (row->group, "group-badge");
  row->title = wrapped_label ("heading");
  gtk_widget_set_hexpand (row->title, TRUE);
  row->status = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->status, "heading");
  /* Narrow, "444 working days late" takes two lines rather than the title's room. */
  gtk_label_set_wrap (GTK_LABEL (row->status), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (row->status), 16);
  gtk_label_set_justify (GTK_LABEL (row->status), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (row->status), 1);
  gtk_box_append (GTK_BOX (top), row->group);
  gtk_box_append (GTK_BOX (top), row->title);
  gtk_box_append (GTK_BOX (top), row->status);

  row->context = wrapped_label ("dim-label");
  gtk_widget_add_css_class (row->context, "caption");
  row->explanation = wrapped_label (NULL);
  row->advice = wrapped_label ("dim-label");
  /* No mnemonic: every row that needs a chaser shows the same button, and
   * an Alt key shared by several only moves the focus among them. Tab
   * reaches each. */
  row->button = gtk_button_new ();
  gtk_widget_set_halign (row->button, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), row->context);
  gtk_box_append (GTK_BOX (box), row->explanation);
  gtk_box_append (GTK_BOX (box), row->advice);
  gtk_box_append (GTK_BOX (box), row->button);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
  g_object_set_data_full (G_OBJECT (item), "row", row, g_free);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  RdDashboardItem *entry = gtk_list_item_get_item (item);
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  RdDashboardGroup group = rd_dashboard_item_get_group (entry);
  RdNextStep step = rd_dashboard_item_get_next_step (entry);
  const char *label = button_label (step);
  g_autofree char *advice = NULL;

  for (guint i = 0; i < RD_DASHBOARD_N_GROUPS; i++)
    {
      gtk_widget_remove_css_class (row->group, group_css (i));
      gtk_widget_remove_css_class (row->status, group_css (i));
    }
  /* Done, but late: a finding for the resident, never shown as a success. */
  if (rd_dashboard_item_is_done_late (entry))
    {
      gtk_label_set_text (GTK_LABEL (row->group), _("Done late"));
      gtk_widget_add_css_class (row->group, group_css (RD_DASHBOARD_DUE_SOON));
      gtk_widget_add_css_class (row->status, group_css (RD_DASHBOARD_DUE_SOON));
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (row->group), rd_dashboard_group_get_label (group));
      gtk_widget_add_css_class (row->group, group_css (group));
      gtk_widget_add_css_class (row->status, group_css (group));
    }
  gtk_label_set_text (GTK_LABEL (row->title), rd_dashboard_item_get_title (entry));
  gtk_label_set_text (GTK_LABEL (row->status), rd_dashboard_item_get_status_text (entry));
  gtk_label_set_text (GTK_LABEL (row->context), rd_dashboard_item_get_context (entry));
  gtk_widget_set_visible (row->context, *rd_dashboard_item_get_context (entry) != '\0');
  gtk_label_set_text (GTK_LABEL (row->explanation), rd_dashboard_item_get_explanation (entry));
  /* Translators: the suggested next step under a deadline, "Next: Send a chaser …" */
  advice = g_strdup_printf (_("Next: %s"), rd_dashboard_item_get_advice (entry));
  gtk_label_set_text (GTK_LABEL (row->advice), advice);

  gtk_widget_set_visible (row->button, label != NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->button), NULL);
  if (label != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *shown = rd_gui_strip_mnemonic (label);

      gtk_button_set_label (GTK_BUTTON (row->button), shown);
      /* The target first: an action name without it would not match the action. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row->button), "u", gtk_list_item_get_position (item));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row->button), "dashboard.write-letter");
      /* Translators: what a screen reader adds after a button's name, "Send a chaser: Stage 1 response" */
      name = g_strdup_printf (_("%s: %s"), rd_next_step_get_label (step), rd_dashboard_item_get_title (entry));
      /* Named by its text (rd_gui_install_accessible_names), and told apart
       * from the other rows' buttons by what it is for. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
    }
}

static void
show_trigger (RdDashboardPage *self)
{
  RdCommunityTrigger *trigger = self->dashboard ? rd_dashboard_get_community_trigger (self->dashboard) : NULL;
  g_autoptr(GString) entries = g_string_new (NULL);
  g_autofree char *explanation = NULL;

  gtk_revealer_set_reveal_child (self->trigger_revealer, trigger != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.copy-trigger", trigger != NULL);
  if (trigger == NULL)
    return;
  explanation = rd_community_trigger_dup_explanation (trigger);
  gtk_label_set_text (self->trigger_label, explanation);
  /* Those that count first, then those that do not, each saying why. */
  for (guint list = 0; list < 2; list++)
    {
      GPtrArray *reports = list == 0 ? trigger->counted : trigger->excluded;

      for (guint i = 0; i < reports->len; i++)
        {
          g_autofree char *entry = rd_community_trigger_dup_entry (g_ptr_array_index (reports, i));

          g_string_append_printf (entries, "%s• %s", entries->len ? "\n" : "", entry);
        }
    }
  gtk_label_set_text (self->trigger_entries_label, entries->str);
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

static void
show_dashboard (RdDashboardPage *self,
                RdDashboard     *dashboard)
{
  GListModel *items = dashboard ? rd_dashboard_get_items (dashboard) : NULL;
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);

  g_set_object (&self->dashboard, dashboard);
  for (guint i = 0, n = items ? g_list_model_get_n_items (items) : 0; i < n; i++)
    g_ptr_array_add (copy, g_list_model_get_item (items, i));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       copy->pdata, copy->len);

  show_trigger (self);
  show_remedies (self);
  if (self->dashboard != NULL)
    {
      show_summary (self);
      show_notes (self);
    }
  gtk_stack_set_visible_child_name (self->stack,
                                    copy->len > 0 ||
                                    (self->dashboard && rd_dashboard_get_community_trigger (self->dashboard))
                                    ? "dashboard" : "empty");
}

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
      show_dashboard (self, NULL);
    }
  else
    show_dashboard (self, dashboard);
  g_signal_emit (self, signals[UPDATED], 0);
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
      show_dashboard (self, NULL);
      return;
    }

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
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  g_autoptr(RdDashboardItem) item = NULL;
  RdLetterKind kind;
  RdLetterDialog *dialog;

  g_return_val_if_fail (RD_IS_DASHBOARD_PAGE (self), NULL);

  if (rcase == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->items)))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  if (!rd_next_step_get_letter (rd_dashboard_item_get_next_step (item), &kind))
    return NULL;
  dialog = rd_letter_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), store,
                                 rd_case_get_id (rcase), rd_dashboard_item_get_complaint_id (item),
                                 kind);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
write_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rd_dashboard_page_write_letter (RD_DASHBOARD_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
start_complaint_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RdDashboardPage *self = RD_DASHBOARD_PAGE (widget);
  RdStore *store = rd_case_page_get_store (RD_CASE_PAGE (self));
  RdCase *rcase = rd_case_page_get_case (RD_CASE_PAGE (self));
  GtkWindow *assistant;

  if (store == NULL || rcase == NULL)
    return;
  assistant = GTK_WINDOW (rd_complaint_assistant_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                      store, rcase));
  gtk_window_present (assistant);
}

static void
copy_trigger_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdDashboardPage *self = RD_DASHBOARD_PAGE (widget);
  RdCommunityTrigger *trigger = self->dashboard ? rd_dashboard_get_community_trigger (self->dashboard) : NULL;
  g_autofree char *text = NULL;

  if (trigger == NULL)
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

  if (remedies == NULL || rd_remedies_get_n_lines (remedies) == 0)
    return;
  text = rd_remedies_dup_summary (remedies);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  rd_gui_show_toast (widget, _("Copied. Paste it into your letter or email."));
}

/**
 * rd_dashboard_page_get_dashboard:
 *
 * Returns: (transfer none) (nullable): what the page shows
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
  show_dashboard (self, NULL);
  if (rd_case_page_get_case (page) == NULL)
    {
      rd_dashboard_page_refresh (self);
      return;
    }
  /* Shown waiting in the next frame (the first, when Redress starts on
   * this page), and worked out after it. */
  gtk_stack_set_visible_child_name (self->stack, "loading");
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
  g_clear_object (&self->items);
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
  page_class->case_changed = rd_dashboard_page_case_changed;

  /**
   * RdDashboardPage::updated:
   *
   * The page shows a newly worked-out dashboard (or none, after an error).
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "dashboard.write-letter", "u", write_letter_action);
  gtk_widget_class_install_action (widget_class, "dashboard.start-complaint", NULL, start_complaint_action);
  gtk_widget_class_install_action (widget_class, "dashboard.copy-trigger", NULL, copy_trigger_action);
  gtk_widget_class_install_action (widget_class, "dashboard.copy-remedies", NULL, copy_remedies_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, trigger_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, trigger_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, trigger_entries_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, remedies_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, remedies_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, RdDashboardPage, convention_label);
}

static void
rd_dashboard_page_init (RdDashboardPage *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  self->items = g_list_store_new (RD_TYPE_DASHBOARD_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
  rd_gui_spin_while_shown (self->loading_spinner);
  /* Once, under the list: every count above it is in working days. */
  gtk_label_set_text (self->convention_label, rd_calendar_get_convention ());

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.copy-trigger", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.copy-remedies", FALSE);
}
