/* rd-progress.c: how far long work has got, set from a worker, notified on the main loop.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worker may report thousands of times a second; the main loop must see
 * only the latest state, once per iteration. So the worker writes under a
 * lock and, if no idle is waiting, attaches one to the main context of the
 * thread that made the object; the idle copies the latest state to what
 * the getters return and notifies. Readers on the main thread therefore see
 * a value and its notification together, never a value from the future.
 */
#define G_LOG_DOMAIN "rd-progress"

#include "config.h"

#include "rd-progress.h"

struct _RdProgress
{
  GObject       parent_instance;

  GMainContext *context;

  /* What the main thread sees... */
  double        fraction;
  char         *message;

  /* ...and what the worker last set, under the lock. */
  GMutex        lock;
  double        pending_fraction;
  char         *pending_message;
  GSource      *idle;
};

G_DEFINE_FINAL_TYPE (RdProgress, rd_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rd_progress_finalize (GObject *object)
{
  RdProgress *self = RD_PROGRESS (object);

  /* A pending idle holds a reference, so one is left here only if its
   * main context went away before running it. */
  g_clear_pointer (&self->idle, g_source_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->pending_message, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rd_progress_parent_class)->finalize (object);
}

static void
rd_progress_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RdProgress *self = RD_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_progress_class_init (RdProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_progress_finalize;
  object_class->get_property = rd_progress_get_property;

  /**
   * RdProgress:fraction:
   *
   * How much is done, from 0 to 1, as last seen on the main loop.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RdProgress:message:
   *
   * A sentence saying what is being done, for the user.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_progress_init (RdProgress *self)
{
  g_mutex_init (&self->lock);
  self->message = g_strdup ("");
}

/**
 * rd_progress_new:
 *
 * Makes a progress object whose notifications arrive on the thread-default
 * main context of the calling thread.
 */
RdProgress *
rd_progress_new (void)
{
  RdProgress *self = g_object_new (RD_TYPE_PROGRESS, NULL);

  self->context = g_main_context_ref_thread_default ();
  return self;
}

static gboolean
notify_cb (gpointer data)
{
  RdProgress *self = data;
  gboolean new_fraction, new_message = FALSE;

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->idle, g_source_unref);
  new_fraction = self->fraction != self->pending_fraction;
  self->fraction = self->pending_fraction;
  if (self->pending_message != NULL)
    {
      new_message = g_strcmp0 (self->message, self->pending_message) != 0;
      g_free (self->message);
      self->message = g_steal_pointer (&self->pending_message);
    }
  g_mutex_unlock (&self->lock);

  if (new_fraction)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  if (new_message)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  return G_SOURCE_REMOVE;
}

/**
 * rd_progress_set:
 * @fraction: how much is done, from 0 to 1
 * @message: (nullable): what is being done, or %NULL to keep the last
 *
 * May be called from any thread, as often as the work likes.
 */
void
rd_progress_set (RdProgress *self,
                 double      fraction,
                 const char *message)
{
  g_return_if_fail (RD_IS_PROGRESS (self));

  g_mutex_lock (&self->lock);
  self->pending_fraction = CLAMP (fraction, 0, 1);
  if (message != NULL)
    {
      g_free (self->pending_message);
      self->pending_message = g_strdup (message);
    }
  if (self->idle == NULL)
    {
      self->idle = g_idle_source_new ();
      /* Below input and drawing: progress is worth showing, not worth a late frame. */
      g_source_set_priority (self->idle, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (self->idle, notify_cb, g_object_ref (self), g_object_unref);
      g_source_attach (self->idle, self->context);
    }
  g_mutex_unlock (&self->lock);
}

/**
 * rd_progress_report:
 * @progress: (type RdProgress) (nullable): where to report, or %NULL for nowhere
 *
 * rd_progress_set() in the shape of the core's progress callbacks
 * (#RdBundleProgressFunc, #RdEvidenceProgressFunc), so a worker can hand
 * an #RdProgress to functions that report through a callback.
 */
void
rd_progress_report (double      fraction,
                    const char *message,
                    gpointer    progress)
{
  if (progress != NULL)
    rd_progress_set (progress, fraction, message);
}

double
rd_progress_get_fraction (RdProgress *self)
{
  g_return_val_if_fail (RD_IS_PROGRESS (self), 0);

  return self->fraction;
}

const char *
rd_progress_get_message (RdProgress *self)
{
  g_return_val_if_fail (RD_IS_PROGRESS (self), NULL);

  return self->message;
}
