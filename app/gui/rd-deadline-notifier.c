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
 * those two states, also across restarts and by `redress-cli remind`
 * while Redress is closed: which alerts are new, and their words, come
 * from the reminder service (rd-reminder-service.c), which keeps what was
 * told in GSettings. Sample cases stay quiet, and nothing is sent while the
 * window is locked (a shared computer must not show a client's case).
 *
 * Working a case's deadlines out reads its whole diary, so with many cases
 * or a long diary it must not happen on the main loop, nor for every case
 * after each autosave. The deadline service does it off the main thread;
 * the notifier keeps what it last found for each case, and after a burst of
 * changes (SETTLE_MS without one) asks again only for the cases that
 * changed. Every case is looked at again on the quarter-hour tick, when the
 * day is not the one the alerts were worked out for, and at the start.
 */

#define CHECK_EVERY_SECONDS  (15 * 60)
#define SETTLE_MS            2000

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

  /* What the deadline service last found, and for which day. */
  GHashTable   *alerts;       /* gint64* case id → GPtrArray of RdDeadlineAlert */
  GDate         alerts_today;
  GHashTable   *dirty;        /* gint64* case ids changed since; unused while everything is */
  gboolean      all_dirty;
  GCancellable *collecting;   /* while a service works: collecting, then telling */
  GPtrArray    *unsent;       /* RdReminder taken while the lock paused us, sent when it resumes */
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

static void
send (RdDeadlineNotifier *self,
      const RdReminder   *reminder)
{
  g_autoptr(GNotification) notification = rd_reminder_new_notification (reminder);

  if (self->application != NULL)
    {
      g_hash_table_add (self->on_screen, g_strdup (reminder->id));
      g_application_send_notification (self->application, reminder->id, notification);
    }
  g_signal_emit (self, signals[NOTIFIED], 0, reminder->id, reminder->title, reminder->body);
}

static void
get_today (RdDeadlineNotifier *self,
           GDate              *today)
{
  if (g_date_valid (&self->today))
    *today = self->today;
  else
    {
      g_autoptr(GDate) date = rd_clock_dup_today (rd_store_get_clock (self->store));

      *today = *date;
    }
}

/* Keeps @found (every alert of the cases in @case_ids, or of every case) as what is known. */
static void
keep_alerts (RdDeadlineNotifier *self,
             GArray             *case_ids,
             GPtrArray          *found,
             const GDate        *today)
{
  if (case_ids == NULL)
    g_hash_table_remove_all (self->alerts);
  else
    for (guint i = 0; i < case_ids->len; i++)
      g_hash_table_remove (self->alerts, &g_array_index (case_ids, gint64, i));
  /* The alerts move into the table: @found lets go of them without freeing. */
  g_ptr_array_set_free_func (found, NULL);
  for (guint i = 0; i < found->len; i++)
    {
      RdDeadlineAlert *alert = g_ptr_array_index (found, i);
      GPtrArray *of_case = g_hash_table_lookup (self->alerts, &alert->case_id);

      if (of_case == NULL)
        {
          of_case = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_deadline_alert_free);
          g_hash_table_insert (self->alerts, g_memdup2 (&alert->case_id, sizeof (gint64)), of_case);
        }
      g_ptr_array_add (of_case, alert);
    }
  self->alerts_today = *today;
}

static int
compare_case_ids (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = **(gint64 **) a, y = **(gint64 **) b;

  return x < y ? -1 : x > y;
}

/* Every alert known, in case order, as the cases are listed. The alerts
 * belong to the arrays of each case; @of_cases, when given, takes a
 * reference to each of them, to keep them while a worker reads them. */
static GPtrArray *
gather_alerts (RdDeadlineNotifier *self,
               GPtrArray          *of_cases)
{
  g_autoptr(GPtrArray) case_ids = g_ptr_array_new ();
  GPtrArray *alerts = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->alerts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (case_ids, key);

  g_ptr_array_sort (case_ids, compare_case_ids);
  for (guint c = 0; c < case_ids->len; c++)
    {
      GPtrArray *of_case = g_hash_table_lookup (self->alerts, case_ids->pdata[c]);

      g_ptr_array_extend (alerts, of_case, NULL, NULL);
      if (of_cases != NULL)
        g_ptr_array_add (of_cases, g_ptr_array_ref (of_case));
    }
  return alerts;
}

/* Even with the window open and unlocked, a notification stays in the
 * desktop's list and shows on its lock screen after the person has
 * walked away: the case is named only if they chose that. */
static RdReminderWording
get_wording (RdDeadlineNotifier *self)
{
  return g_settings_get_boolean (self->settings, "reminder-details")
         ? RD_REMINDER_DETAILS : RD_REMINDER_PRIVATE;
}

/* Sends @reminders (taken), with those held back while paused. Returns
 * how many notifications went out. */
static guint
send_reminders (RdDeadlineNotifier *self,
                GPtrArray          *reminders)
{
  g_autoptr(GPtrArray) all = reminders;
  g_autoptr(GPtrArray) to_send = NULL;

  if (self->unsent != NULL)
    {
      g_ptr_array_extend_and_steal (self->unsent, g_steal_pointer (&all));
      all = g_steal_pointer (&self->unsent);
    }
  to_send = rd_reminders_summarise (all);
  for (guint i = 0; i < to_send->len; i++)
    send (self, g_ptr_array_index (to_send, i));
  return to_send->len;
}

/* Sends what is known and not told yet. Returns how many notifications went out. */
static guint
tell (RdDeadlineNotifier *self)
{
  g_autoptr(GPtrArray) alerts = gather_alerts (self, NULL);

  return send_reminders (self, rd_reminders_take_new (self->settings, self->store, alerts,
                                                      get_wording (self)));
}

/**
 * rd_deadline_notifier_check:
 *
 * Looks at every case now, on the calling thread, and sends what has
 * become due. (While Redress runs, the notifier does this by itself in the
 * background; this is for a check that must be done when it returns.)
 *
 * Returns: how many notifications it sent
 */
guint
rd_deadline_notifier_check (RdDeadlineNotifier *self)
{
  g_autoptr(GPtrArray) found = NULL;
  GDate today;

  g_return_val_if_fail (RD_IS_DEADLINE_NOTIFIER (self), 0);

  if (self->paused || self->store == NULL)
    return 0;
  get_today (self, &today);
  found = rd_deadline_alerts_collect (self->store, NULL, &today, NULL, NULL);
  if (found == NULL)
    return 0;
  keep_alerts (self, NULL, found, &today);
  return tell (self);
}

static void check_in_background (RdDeadlineNotifier *self);

/* The alerts one background telling reads, kept (each case's array) until it is done. */
typedef struct {
  RdDeadlineNotifier *self;      /* weak */
  GPtrArray          *of_cases;  /* GPtrArray of RdDeadlineAlert, each case's */
} TellCall;

static void
tell_call_free (TellCall *call)
{
  g_clear_weak_pointer (&call->self);
  g_clear_pointer (&call->of_cases, g_ptr_array_unref);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TellCall, tell_call_free)

static void
on_told_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TellCall) call = user_data;
  RdDeadlineNotifier *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = rd_reminders_take_new_finish (result, &error);

  /* Gone, nothing can be sent any more (and the worker, cancelled in
   * time, recorded nothing as told). */
  if (self == NULL)
    return;
  g_clear_object (&self->collecting);
  if (reminders == NULL)
    {
      g_debug ("Deadlines not told: %s", error->message);
      return;
    }
  /* They are recorded as told: locked meanwhile, they wait for the unlock. */
  if (self->paused)
    {
      if (self->unsent == NULL)
        self->unsent = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_reminder_free);
      g_ptr_array_extend_and_steal (self->unsent, g_steal_pointer (&reminders));
    }
  else if (self->application != NULL)
    send_reminders (self, g_steal_pointer (&reminders));
  if (self->all_dirty || g_hash_table_size (self->dirty) > 0)
    check_in_background (self);
}

/* tell() on a worker: with a long diary, the keys of its thousands of
 * deadlines, looked up among those told and written back to the
 * settings, held the main loop for tens of milliseconds (issue 17). */
static void
tell_in_background (RdDeadlineNotifier *self)
{
  g_autoptr(GPtrArray) alerts = NULL;
  TellCall *call;

  call = g_new0 (TellCall, 1);
  g_set_weak_pointer (&call->self, self);
  call->of_cases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  alerts = gather_alerts (self, call->of_cases);
  self->collecting = g_cancellable_new ();
  rd_reminders_take_new_async (self->settings, self->store, alerts, get_wording (self),
                               self->collecting, on_told_cb, call);
}

/* The cases one background check asked about (NULL: every case). The
 * notifier is not kept alive for the answer: gone, it wants none. */
typedef struct {
  RdDeadlineNotifier *self;      /* weak */
  GArray             *case_ids;
  GDate               today;     /* the day the alerts are for */
} CollectCall;

static void
collect_call_free (CollectCall *call)
{
  g_clear_weak_pointer (&call->self);
  g_clear_pointer (&call->case_ids, g_array_unref);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CollectCall, collect_call_free)

static void
on_collected_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CollectCall) call = user_data;
  RdDeadlineNotifier *self = call->self;
  GArray *case_ids = call->case_ids;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = rd_deadline_alerts_collect_finish (result, &error);

  if (self == NULL)
    return;
  g_clear_object (&self->collecting);
  if (self->store == NULL || self->application == NULL)
    return;
  if (found == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Deadlines not checked: %s", error->message);
      /* Ask again next time for what this was to find. */
      if (case_ids == NULL)
        self->all_dirty = TRUE;
      else
        for (guint i = 0; i < case_ids->len; i++)
          g_hash_table_add (self->dirty, g_memdup2 (&g_array_index (case_ids, gint64, i), sizeof (gint64)));
      return;
    }
  {
    GDate today;

    /* Worked out for a day that is over (or a test moved the day): again. */
    get_today (self, &today);
    if (g_date_compare (&today, &call->today) != 0)
      {
        self->all_dirty = TRUE;
        check_in_background (self);
        return;
      }
  }
  keep_alerts (self, case_ids, found, &call->today);
  /* Changes that came while it worked: their turn now. */
  if (self->all_dirty || g_hash_table_size (self->dirty) > 0)
    check_in_background (self);
  else if (!self->paused)
    tell_in_background (self);
}

/* Asks the deadline service for the cases changed since it last did (all
 * of them when the day is another), and tells what is new when it answers. */
static void
check_in_background (RdDeadlineNotifier *self)
{
  g_autoptr(GArray) case_ids = NULL;
  CollectCall *call;
  GDate today;

  if (self->store == NULL || self->collecting != NULL)
    return;
  get_today (self, &today);
  if (!g_date_valid (&self->alerts_today) || g_date_compare (&today, &self->alerts_today) != 0)
    self->all_dirty = TRUE;
  if (!self->all_dirty)
    {
      GHashTableIter iter;
      gpointer key;

      if (g_hash_table_size (self->dirty) == 0)
        {
          if (!self->paused)
            tell_in_background (self);
          return;
        }
      case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_iter_init (&iter, self->dirty);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_array_append_val (case_ids, *(gint64 *) key);
    }
  self->all_dirty = FALSE;
  g_hash_table_remove_all (self->dirty);

  call = g_new0 (CollectCall, 1);
  g_set_weak_pointer (&call->self, self);
  call->case_ids = case_ids ? g_array_ref (case_ids) : NULL;
  call->today = today;
  self->collecting = g_cancellable_new ();
  rd_deadline_alerts_collect_async (self->store, case_ids, &today, self->collecting,
                                    on_collected_cb, call);
}

static gboolean
tick_cb (gpointer user_data)
{
  RdDeadlineNotifier *self = user_data;

  self->all_dirty = TRUE;
  check_in_background (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
settle_cb (gpointer user_data)
{
  RdDeadlineNotifier *self = user_data;

  self->settle_source = 0;
  check_in_background (self);
  return G_SOURCE_REMOVE;
}

/* Each autosave restarts the wait, so a burst of typing costs one check. */
static void
settle_later (RdDeadlineNotifier *self)
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

static void
on_store_changed_cb (RdDeadlineNotifier *self,
                     const char         *what,
                     gint64              case_id)
{
  /* A change that names no case may touch any (a policy profile, a restore). */
  if (case_id == 0)
    self->all_dirty = TRUE;
  else
    g_hash_table_add (self->dirty, g_memdup2 (&case_id, sizeof case_id));
  settle_later (self);
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
    settle_later (self);
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
  g_cancellable_cancel (self->collecting);
  g_clear_object (&self->collecting);
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
  g_clear_pointer (&self->alerts, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->unsent, g_ptr_array_unref);

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
  g_date_clear (&self->alerts_today, 1);
  self->alerts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  self->dirty = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->all_dirty = TRUE;
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
