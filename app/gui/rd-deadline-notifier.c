/* rd-deadline-notifier.c: desktop notifications when a deadline becomes overdue or is due next.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-deadline-notifier.h"

/*
 * While Redress runs it looks at every case now and then (and soon after
 * anything changes) and says so when a deadline has just become overdue or
 * is due by the next working day. Each deadline is told once for each of
 * those two states, also across restarts: the keys already told are kept
 * in GSettings. Sample cases stay quiet, and nothing is sent while the
 * window is locked (a shared computer must not show a client's case).
 */

#define CHECK_EVERY_SECONDS  (15 * 60)
#define SETTLE_MS            2000
#define KEEP_KEYS            500

struct _RdDeadlineNotifier
{
  GObject       parent_instance;

  GApplication *application;
  RdStore      *store;
  GSettings    *settings;
  GDate         today;        /* for tests; invalid for the real today */
  gboolean      paused;
  GHashTable   *on_screen;    /* ids sent, taken back when the lock pauses us */
  guint         tick_source;
  guint         settle_source;
};

G_DEFINE_FINAL_TYPE (RdDeadlineNotifier, rd_deadline_notifier, G_TYPE_OBJECT)

enum {
  NOTIFIED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_PAUSED,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

typedef struct {
  char *id;
  char *title;
  char *body;
} Pending;

static void
pending_free (Pending *p)
{
  g_free (p->id);
  g_free (p->title);
  g_free (p->body);
  g_free (p);
}

static void
send (RdDeadlineNotifier *self,
      const char         *id,
      const char         *title,
      const char         *body)
{
  g_autoptr(GNotification) notification = g_notification_new (title);

  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  if (self->application != NULL)
    {
      g_hash_table_add (self->on_screen, g_strdup (id));
      g_application_send_notification (self->application, id, notification);
    }
  g_signal_emit (self, signals[NOTIFIED], 0, id, title, body);
}

/* The keys told already, in the order told. */
static GPtrArray *
told_keys (RdDeadlineNotifier *self)
{
  g_auto(GStrv) keys = g_settings_get_strv (self->settings, "notified-deadlines");
  GPtrArray *told = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (told, g_strdup (keys[i]));
  return told;
}

static gboolean
was_told (GPtrArray  *told,
          const char *key)
{
  for (guint i = 0; i < told->len; i++)
    if (g_str_equal (g_ptr_array_index (told, i), key))
      return TRUE;
  return FALSE;
}

static void
remember (RdDeadlineNotifier *self,
          GPtrArray          *told)
{
  guint first = told->len > KEEP_KEYS ? told->len - KEEP_KEYS : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  for (guint i = first; i < told->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (told, i));
  keys = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "notified-deadlines", (const char * const *) keys);
}

static void
collect_case (RdDeadlineNotifier *self,
              RdCase             *rcase,
              const GDate        *today,
              GPtrArray          *told,
              GPtrArray          *pending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdPolicy) policy = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  GListModel *items;

  facts = rd_case_facts_load (self->store, rd_case_get_id (rcase), &error);
  if (facts == NULL)
    {
      g_debug ("Case %" G_GINT64_FORMAT " not checked: %s", rd_case_get_id (rcase), error->message);
      return;
    }
  policy = rd_store_get_case_policy (self->store, rd_case_get_id (rcase), NULL);
  dashboard = rd_dashboard_new (facts, policy, today);
  items = rd_dashboard_get_items (dashboard);
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      gboolean overdue = rd_dashboard_item_get_group (item) == RD_DASHBOARD_OVERDUE;
      gboolean next_day = rd_dashboard_item_is_due_next_working_day (item);
      g_autofree char *key = NULL;
      Pending *p;

      if (!overdue && !next_day)
        continue;
      key = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s|%s", rd_store_get_path (self->store),
                             rd_case_get_id (rcase), rd_dashboard_item_get_key (item),
                             overdue ? "overdue" : "next-day");
      if (was_told (told, key))
        continue;

      p = g_new0 (Pending, 1);
      p->id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
      if (overdue)
        /* Translators: a notification's title, "Overdue: Stage 1 response" */
        p->title = g_strdup_printf (_("Overdue: %s"), rd_dashboard_item_get_title (item));
      else
        /* Translators: a notification's title, "Due next working day: Stage 1 response" */
        p->title = g_strdup_printf (_("Due next working day: %s"), rd_dashboard_item_get_title (item));
      /* Translators: a notification's text, "Noise from Flat 6: 5 working days late. Send a chaser…" */
      p->body = g_strdup_printf (_("%s: %s. %s"), rd_case_get_title (rcase),
                                 rd_dashboard_item_get_status_text (item), rd_dashboard_item_get_advice (item));
      g_ptr_array_add (pending, p);
      g_ptr_array_add (told, g_steal_pointer (&key));
    }
}

/**
 * rd_deadline_notifier_check:
 *
 * Looks at every case now and sends what has become due.
 *
 * Returns: how many notifications it sent
 */
guint
rd_deadline_notifier_check (RdDeadlineNotifier *self)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GDate) real_today = NULL;
  const GDate *today;
  guint before;

  g_return_val_if_fail (RD_IS_DEADLINE_NOTIFIER (self), 0);

  if (self->paused || self->store == NULL)
    return 0;
  if (g_date_valid (&self->today))
    today = &self->today;
  else
    {
      today = real_today = rd_clock_dup_today (rd_store_get_clock (self->store));
    }

  cases = rd_store_list_cases (self->store, NULL);
  if (cases == NULL)
    return 0;
  told = told_keys (self);
  before = told->len;
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  for (guint i = 0, n = g_list_model_get_n_items (cases); i < n; i++)
    {
      g_autoptr(RdCase) rcase = g_list_model_get_item (cases, i);

      if (!rd_case_get_is_sample (rcase))
        collect_case (self, rcase, today, told, pending);
    }
  if (told->len != before)
    remember (self, told);

  if (pending->len > RD_DEADLINE_NOTIFIER_MAX_SINGLE)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline needs attention",
                                                             "%u deadlines need attention", pending->len),
                                                pending->len);

      send (self, "deadlines-summary", title,
            _("Some are overdue and some are due by the next working day. Open each case’s "
              "What Next page to see them."));
      return 1;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);
      send (self, p->id, p->title, p->body);
    }
  return pending->len;
}

static gboolean
tick_cb (gpointer user_data)
{
  rd_deadline_notifier_check (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
settle_cb (gpointer user_data)
{
  RdDeadlineNotifier *self = user_data;

  self->settle_source = 0;
  rd_deadline_notifier_check (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (RdDeadlineNotifier *self)
{
  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->settle_source = g_timeout_add (SETTLE_MS, settle_cb, self);
}

/* A notification about a case must not stay on screen while Redress is
 * locked: whoever sits down next would read it. */
static void
withdraw_all (RdDeadlineNotifier *self)
{
  GHashTableIter iter;
  const char *id;

  g_hash_table_iter_init (&iter, self->on_screen);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (self->application != NULL)
      g_application_withdraw_notification (self->application, id);
  g_hash_table_remove_all (self->on_screen);
}

/**
 * rd_deadline_notifier_set_paused:
 *
 * While paused (the window is locked) nothing is sent and what was sent is
 * taken back; what became due meanwhile is sent when it resumes.
 */
void
rd_deadline_notifier_set_paused (RdDeadlineNotifier *self,
                                 gboolean            paused)
{
  g_return_if_fail (RD_IS_DEADLINE_NOTIFIER (self));

  paused = !!paused;
  if (self->paused == paused)
    return;
  self->paused = paused;
  if (paused)
    withdraw_all (self);
  else
    on_store_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/* For tests: judge the deadlines as of @today (%NULL: the real today). */
void
rd_deadline_notifier_set_today (RdDeadlineNotifier *self,
                                const GDate        *today)
{
  g_return_if_fail (RD_IS_DEADLINE_NOTIFIER (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

static void
rd_deadline_notifier_dispose (GObject *object)
{
  RdDeadlineNotifier *self = RD_DEADLINE_NOTIFIER (object);

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (rd_deadline_notifier_parent_class)->dispose (object);
}

static void
rd_deadline_notifier_finalize (GObject *object)
{
  RdDeadlineNotifier *self = RD_DEADLINE_NOTIFIER (object);

  g_clear_pointer (&self->on_screen, g_hash_table_unref);

  G_OBJECT_CLASS (rd_deadline_notifier_parent_class)->finalize (object);
}

static void
rd_deadline_notifier_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RdDeadlineNotifier *self = RD_DEADLINE_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_deadline_notifier_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RdDeadlineNotifier *self = RD_DEADLINE_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      rd_deadline_notifier_set_paused (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_deadline_notifier_class_init (RdDeadlineNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_deadline_notifier_dispose;
  object_class->finalize = rd_deadline_notifier_finalize;
  object_class->get_property = rd_deadline_notifier_get_property;
  object_class->set_property = rd_deadline_notifier_set_property;

  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdDeadlineNotifier::notified:
   * @id: the notification's id
   * @title: its title
   * @body: its text
   *
   * A notification was sent.
   */
  signals[NOTIFIED] =
    g_signal_new ("notified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
rd_deadline_notifier_init (RdDeadlineNotifier *self)
{
  g_date_clear (&self->today, 1);
  self->on_screen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * rd_deadline_notifier_new:
 * @settings: where the deadlines already told are kept
 *
 * Starts watching @store: a first look a moment after it starts, then
 * every quarter of an hour and after each change.
 */
RdDeadlineNotifier *
rd_deadline_notifier_new (GApplication *application,
                          RdStore      *store,
                          GSettings    *settings)
{
  RdDeadlineNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RD_TYPE_DEADLINE_NOTIFIER, NULL);
  g_set_weak_pointer (&self->application, application);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  self->tick_source = g_timeout_add_seconds (CHECK_EVERY_SECONDS, tick_cb, self);
  self->settle_source = g_timeout_add (SETTLE_MS, settle_cb, self);
  return self;
}
