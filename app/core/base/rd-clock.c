/* rd-clock.c: the one place Redress learns the time and the date.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-clock"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/timerfd.h>
#endif

#include "rd-clock.h"
#include "rd-datetime.h"

/*
 * Deadlines are counted in working days from today, so everything that
 * says "late" or "due" depends on the date. Reading it in one object, handed
 * down from the application (or made by the CLI), lets a test say which day
 * it is, and lets the pages hear when the day turns.
 *
 * A clock either follows the wall clock, in the local time zone (Europe/London
 * for the residents Redress is for; the tests set TZ to it), or stands still at
 * a time a test gave it.
 *
 * On Linux the day is watched with a timerfd set for the next midnight on
 * the real-time clock, with TFD_TIMER_CANCEL_ON_SET: the kernel wakes us at
 * midnight even after a suspend, and also when the clock is set or jumps
 * (a resume, a manual change), which are exactly the moments the date may
 * have changed without midnight passing while we watched. Elsewhere, or if
 * the timer cannot be made, the date is looked at once a minute.
 */

#define POLL_SECONDS 60

struct _RdClock
{
  GObject    parent_instance;

  GTimeZone *tz;
  GMutex     mutex;      /* guards fixed: workers ask for the time too */
  GDateTime *fixed;      /* NULL: follows the wall clock */
  GDate      today;      /* the date day-changed last reported */
  guint      source;
  int        timer_fd;
  gint64     armed_for;  /* the midnight the timer is set for, in Unix time */
};

G_DEFINE_FINAL_TYPE (RdClock, rd_clock, G_TYPE_OBJECT)

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void watch_day (RdClock *self);

/**
 * rd_clock_new:
 *
 * Returns: (transfer full): a clock that follows the wall clock
 */
RdClock *
rd_clock_new (void)
{
  RdClock *self = g_object_new (RD_TYPE_CLOCK, NULL);

  watch_day (self);
  return self;
}

/**
 * rd_clock_new_fixed:
 * @now: the time the clock shows
 *
 * A clock that stands still at @now until rd_clock_set_fixed() moves it:
 * for tests, which must not depend on the day they run.
 *
 * Returns: (transfer full): a new #RdClock
 */
RdClock *
rd_clock_new_fixed (GDateTime *now)
{
  RdClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (RD_TYPE_CLOCK, NULL);
  rd_clock_set_fixed (self, now);
  return self;
}

/**
 * rd_clock_get_default:
 *
 * The process's clock that follows the wall clock, for programs that do
 * not set one of their own.
 *
 * Returns: (transfer none): the default #RdClock
 */
RdClock *
rd_clock_get_default (void)
{
  static RdClock *clock;

  if (g_once_init_enter (&clock))
    g_once_init_leave (&clock, rd_clock_new ());
  return clock;
}

/**
 * rd_clock_new_from_env:
 * @variable: the name of an environment variable
 * @error: where to say what is wrong with its value
 *
 * For tests of whole programs: when @variable holds a date (YYYY-MM-DD),
 * the clock stands still at noon that day; when it is unset, this is the
 * default clock.
 *
 * Returns: (transfer full) (nullable): a clock, or %NULL if the variable
 *   is not a date
 */
RdClock *
rd_clock_new_from_env (const char  *variable,
                       GError     **error)
{
  const char *value;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) noon = NULL;

  g_return_val_if_fail (variable != NULL, NULL);

  value = g_getenv (variable);
  if (value == NULL || *value == '\0')
    return g_object_ref (rd_clock_get_default ());
  date = rd_date_parse_iso (value, error);
  if (date == NULL)
    {
      g_prefix_error (error, "%s: ", variable);
      return NULL;
    }
  tz = g_time_zone_new_local ();
  noon = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 12, 0, 0);
  return rd_clock_new_fixed (noon);
}

/**
 * rd_clock_dup_now:
 *
 * Returns: (transfer full): the time now, in the local time zone
 */
GDateTime *
rd_clock_dup_now (RdClock *self)
{
  GDateTime *now;

  g_return_val_if_fail (RD_IS_CLOCK (self), NULL);

  g_mutex_lock (&self->mutex);
  now = self->fixed != NULL ? g_date_time_ref (self->fixed) : g_date_time_new_now (self->tz);
  g_mutex_unlock (&self->mutex);
  return now;
}

/**
 * rd_clock_dup_today:
 *
 * Returns: (transfer full): today's date, in the local time zone
 */
GDate *
rd_clock_dup_today (RdClock *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (RD_IS_CLOCK (self), NULL);

  now = rd_clock_dup_now (self);
  return rd_datetime_get_date (now);
}

/**
 * rd_clock_get_unix:
 *
 * Returns: the time now, in seconds since 1970 (UTC), as the store keeps it
 */
gint64
rd_clock_get_unix (RdClock *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (RD_IS_CLOCK (self), 0);

  now = rd_clock_dup_now (self);
  return g_date_time_to_unix (now);
}

/* Emits day-changed if the date is not the one last reported. */
static void
check_day (RdClock *self)
{
  g_autoptr(GDate) today = rd_clock_dup_today (self);

  if (g_date_valid (&self->today) && g_date_compare (today, &self->today) == 0)
    return;
  self->today = *today;
  g_signal_emit (self, signals[DAY_CHANGED], 0);
}

/**
 * rd_clock_set_fixed:
 * @now: (nullable): the time the clock shows from now on, or %NULL to
 *   follow the wall clock again
 *
 * Emits #RdClock::day-changed if that changes the date.
 */
void
rd_clock_set_fixed (RdClock   *self,
                    GDateTime *now)
{
  g_autoptr(GDateTime) in_zone = NULL;

  g_return_if_fail (RD_IS_CLOCK (self));

  if (now != NULL)
    in_zone = g_date_time_to_timezone (now, self->tz);
  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->fixed, g_date_time_unref);
  self->fixed = g_steal_pointer (&in_zone);
  g_mutex_unlock (&self->mutex);

  if (now == NULL)
    watch_day (self);
  else
    {
      /* A clock that stands still has no midnight to wait for. */
      g_clear_handle_id (&self->source, g_source_remove);
    }
  check_day (self);
}

gboolean
rd_clock_is_fixed (RdClock *self)
{
  gboolean fixed;

  g_return_val_if_fail (RD_IS_CLOCK (self), FALSE);

  g_mutex_lock (&self->mutex);
  fixed = self->fixed != NULL;
  g_mutex_unlock (&self->mutex);
  return fixed;
}

static gboolean
on_poll_cb (gpointer user_data)
{
  check_day (RD_CLOCK (user_data));
  return G_SOURCE_CONTINUE;
}

static void
poll_day (RdClock *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add_seconds (POLL_SECONDS, on_poll_cb, self);
}

#ifdef __linux__
static gboolean
arm_timer (RdClock *self)
{
  g_autoptr(GDate) today = rd_clock_dup_today (self);
  g_autoptr(GDateTime) midnight = NULL;
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };

  g_date_add_days (today, 1);
  midnight = g_date_time_new (self->tz, g_date_get_year (today), g_date_get_month (today),
                              g_date_get_day (today), 0, 0, 0);
  self->armed_for = g_date_time_to_unix (midnight);
  spec.it_value.tv_sec = self->armed_for;
  return timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET,
                          &spec, NULL) == 0;
}

static gboolean
on_timer_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  RdClock *self = RD_CLOCK (user_data);
  guint64 expirations;
  gboolean cancelled;

  /* ECANCELED: the clock was set or jumped; the timer must be set again. */
  cancelled = read (fd, &expirations, sizeof expirations) < 0 && errno == ECANCELED;
  check_day (self);

  /* The timer rang for midnight but the clock we read says it is not
   * midnight yet: something (faketime, for one) shows us another time than
   * the kernel's. Looking once a minute is then the only safe way. */
  if (!cancelled && rd_clock_get_unix (self) < self->armed_for)
    {
      self->source = 0;
      poll_day (self);
      return G_SOURCE_REMOVE;
    }
  if (!arm_timer (self))
    {
      self->source = 0;
      poll_day (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}
#endif

/* Starts looking out for the day to change, if the clock follows the wall clock. */
static void
watch_day (RdClock *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  check_day (self);

#ifdef __linux__
  if (self->timer_fd < 0)
    self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd >= 0 && arm_timer (self))
    {
      self->source = g_unix_fd_add (self->timer_fd, G_IO_IN, on_timer_cb, self);
      return;
    }
#endif
  poll_day (self);
}

static void
rd_clock_finalize (GObject *object)
{
  RdClock *self = (RdClock *)object;

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);
  g_clear_pointer (&self->fixed, g_date_time_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (rd_clock_parent_class)->finalize (object);
}

static void
rd_clock_class_init (RdClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_clock_finalize;

  /**
   * RdClock::day-changed:
   *
   * The date changed: midnight passed, the machine woke on another day,
   * the system clock was set, or a test moved a fixed clock.
   */
  signals[DAY_CHANGED] =
    g_signal_new ("day-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rd_clock_init (RdClock *self)
{
  self->tz = g_time_zone_new_local ();
  self->timer_fd = -1;
  g_mutex_init (&self->mutex);
  g_date_clear (&self->today, 1);
}
