/* bench-frame-phases.c: where the main thread's work in each frame goes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK's own functions have no symbols on this machine, and libgtk is
 * linked with -Bsymbolic, so neither perf nor a preloaded library can
 * tell one widget's layout from another's. This watches from inside: the
 * frame clock's phases give each frame's main-thread processor time in
 * its update (tick callbacks), layout (style validation, then measuring
 * and allocating) and paint (the snapshot, then rendering it), and the
 * measure, size_allocate and snapshot functions of the classes of a few
 * chosen widgets are wrapped, so that the time spent in each of those
 * widgets (children included) is known. The window itself is always
 * watched: what its measure and allocation do not explain in the layout
 * phase is style validation; what its snapshot does not explain in the
 * paint phase is the renderer.
 */
#include "config.h"

#include <time.h>

#include "bench-frame-phases.h"

#define MAX_SLOTS 8
#define MAX_CLASSES 8

enum { MEASURE, ALLOCATE, SNAPSHOT, N_WORK };
enum { UPDATE, LAYOUT, PAINT, N_PHASES };

typedef struct {
  const char *label;
  GtkWidget  *widget;
  guint       depth;
  gint64      started;
  gint64      spent[N_PHASES][N_WORK];
} Slot;

typedef struct {
  GtkWidgetClass *klass;
  void          (*measure)       (GtkWidget *, GtkOrientation, int, int *, int *, int *, int *);
  void          (*size_allocate) (GtkWidget *, int, int, int);
  void          (*snapshot)      (GtkWidget *, GtkSnapshot *);
} Wrapped;

/* A widget with a layout manager is measured and allocated by it, not by
 * its class's functions. */
typedef struct {
  GtkLayoutManagerClass *klass;
  void                 (*measure)  (GtkLayoutManager *, GtkWidget *, GtkOrientation, int,
                                    int *, int *, int *, int *);
  void                 (*allocate) (GtkLayoutManager *, GtkWidget *, int, int, int);
} WrappedLayout;

typedef struct {
  double at_ms;         /* since bench_phases_start() */
  double wall_start_s;  /* the frame's start, monotonic clock (perf record -k CLOCK_MONOTONIC) */
  double between_ms;    /* from the end of the frame before */
  double update_ms;     /* before-paint, tick callbacks */
  double layout_ms;
  double paint_ms;
  double after_ms;
  double spent_ms[MAX_SLOTS][N_WORK];   /* in the whole frame */
  double window_layout_ms[N_WORK];      /* the window's, in the layout phase */
} Frame;

struct _BenchPhases {
  GtkWidget     *window;
  GdkFrameClock *clock;
  Slot           slots[MAX_SLOTS];
  guint          n_slots;
  GArray        *frames;      /* Frame */
  gint64         started;     /* monotonic, µs */
  gint64         until;
  gint64         frame_start;
  gint64         wall_start;
  gint64         update_end;
  gint64         layout_end;
  gint64         paint_end;
  gint64         last_end;
  guint          phase;
  gulong         handlers[6];
};

static BenchPhases *watching;
static Wrapped wrapped[MAX_CLASSES];
static guint n_wrapped;
static WrappedLayout wrapped_layouts[MAX_CLASSES];
static guint n_wrapped_layouts;

static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The original functions of @widget's class, or of the nearest parent
 * class that was wrapped (a class made after the wrapping copied them). */
static Wrapped *
find_wrapped (GtkWidget *widget)
{
  for (gpointer klass = GTK_WIDGET_GET_CLASS (widget); klass != NULL;
       klass = g_type_class_peek_parent (klass))
    for (guint i = 0; i < n_wrapped; i++)
      if (wrapped[i].klass == klass)
        return &wrapped[i];
  g_assert_not_reached ();
}

static WrappedLayout *
find_wrapped_layout (GtkLayoutManager *manager)
{
  for (gpointer klass = G_OBJECT_GET_CLASS (manager); klass != NULL;
       klass = g_type_class_peek_parent (klass))
    for (guint i = 0; i < n_wrapped_layouts; i++)
      if (wrapped_layouts[i].klass == klass)
        return &wrapped_layouts[i];
  g_assert_not_reached ();
}

static Slot *
find_slot (GtkWidget *widget)
{
  if (watching == NULL)
    return NULL;
  for (guint i = 0; i < watching->n_slots; i++)
    if (watching->slots[i].widget == widget)
      return &watching->slots[i];
  return NULL;
}

static void
slot_enter (Slot *slot)
{
  if (slot != NULL && slot->depth++ == 0)
    slot->started = cpu_now ();
}

static void
slot_leave (Slot *slot,
            guint work)
{
  if (slot != NULL && --slot->depth == 0)
    slot->spent[watching->phase][work] += cpu_now () - slot->started;
}

static void
measure_wrapper (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  Slot *slot = find_slot (widget);

  slot_enter (slot);
  find_wrapped (widget)->measure (widget, orientation, for_size, minimum, natural,
                                  minimum_baseline, natural_baseline);
  slot_leave (slot, MEASURE);
}

static void
size_allocate_wrapper (GtkWidget *widget,
                       int        width,
                       int        height,
                       int        baseline)
{
  Slot *slot = find_slot (widget);

  slot_enter (slot);
  find_wrapped (widget)->size_allocate (widget, width, height, baseline);
  slot_leave (slot, ALLOCATE);
}

static void
snapshot_wrapper (GtkWidget   *widget,
                  GtkSnapshot *snapshot)
{
  Slot *slot = find_slot (widget);

  slot_enter (slot);
  find_wrapped (widget)->snapshot (widget, snapshot);
  slot_leave (slot, SNAPSHOT);
}

static void
layout_measure_wrapper (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  Slot *slot = find_slot (widget);

  slot_enter (slot);
  find_wrapped_layout (manager)->measure (manager, widget, orientation, for_size, minimum, natural,
                                          minimum_baseline, natural_baseline);
  slot_leave (slot, MEASURE);
}

static void
layout_allocate_wrapper (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  Slot *slot = find_slot (widget);

  slot_enter (slot);
  find_wrapped_layout (manager)->allocate (manager, widget, width, height, baseline);
  slot_leave (slot, ALLOCATE);
}

static void
wrap_layout_class (GtkLayoutManagerClass *klass)
{
  for (guint i = 0; i < n_wrapped_layouts; i++)
    if (wrapped_layouts[i].klass == klass)
      return;
  g_assert (n_wrapped_layouts < MAX_CLASSES);
  wrapped_layouts[n_wrapped_layouts++] = (WrappedLayout) { klass, klass->measure, klass->allocate };
  klass->measure = layout_measure_wrapper;
  klass->allocate = layout_allocate_wrapper;
}

static void
wrap_class (GtkWidgetClass *klass)
{
  for (guint i = 0; i < n_wrapped; i++)
    if (wrapped[i].klass == klass)
      return;
  g_assert (n_wrapped < MAX_CLASSES);
  wrapped[n_wrapped] = (Wrapped) { klass, klass->measure, klass->size_allocate, klass->snapshot };
  n_wrapped++;
  klass->measure = measure_wrapper;
  klass->size_allocate = size_allocate_wrapper;
  klass->snapshot = snapshot_wrapper;
}

static gboolean
recording (BenchPhases *self)
{
  return self->started != 0 && g_get_monotonic_time () < self->until;
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    BenchPhases   *self)
{
  self->frame_start = cpu_now ();
  self->wall_start = g_get_monotonic_time ();
  self->phase = UPDATE;
  for (guint i = 0; i < self->n_slots; i++)
    memset (self->slots[i].spent, 0, sizeof self->slots[i].spent);
}

static void
on_update_cb (GdkFrameClock *clock,
              BenchPhases   *self)
{
  self->update_end = self->layout_end = self->paint_end = cpu_now ();
  self->phase = LAYOUT;
}

/* Before GTK's own work, when a layout comes again in one frame. */
static void
on_layout_again_cb (GdkFrameClock *clock,
                    BenchPhases   *self)
{
  self->phase = LAYOUT;
}

static void
on_layout_cb (GdkFrameClock *clock,
              BenchPhases   *self)
{
  self->layout_end = self->paint_end = cpu_now ();
  self->phase = PAINT;
}

static void
on_paint_cb (GdkFrameClock *clock,
             BenchPhases   *self)
{
  self->paint_end = cpu_now ();
  self->phase = UPDATE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   BenchPhases   *self)
{
  gint64 now = cpu_now ();
  Frame frame = { 0 };

  if (recording (self) && self->frame_start != 0)
    {
      frame.at_ms = (g_get_monotonic_time () - self->started) / 1000.0;
      frame.wall_start_s = self->wall_start / 1e6;
      frame.between_ms = self->last_end != 0 ? (self->frame_start - self->last_end) / 1000.0 : 0;
      frame.update_ms = (self->update_end - self->frame_start) / 1000.0;
      frame.layout_ms = (self->layout_end - self->update_end) / 1000.0;
      frame.paint_ms = (self->paint_end - self->layout_end) / 1000.0;
      frame.after_ms = (now - self->paint_end) / 1000.0;
      for (guint i = 0; i < self->n_slots; i++)
        for (guint p = 0; p < N_PHASES; p++)
          for (guint w = 0; w < N_WORK; w++)
            frame.spent_ms[i][w] += self->slots[i].spent[p][w] / 1000.0;
      for (guint w = 0; w < N_WORK; w++)
        frame.window_layout_ms[w] = self->slots[0].spent[LAYOUT][w] / 1000.0;
      g_array_append_val (self->frames, frame);
    }
  self->last_end = now;
}

/**
 * bench_phases_new:
 *
 * Watches the frames of @window (realized): their phases, and the
 * window's own measure, allocation and snapshot.
 */
BenchPhases *
bench_phases_new (GtkWidget *window)
{
  BenchPhases *self = g_new0 (BenchPhases, 1);

  g_assert (watching == NULL);
  g_assert (gtk_widget_get_realized (window));
  watching = self;
  self->window = window;
  self->frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  self->clock = g_object_ref (gtk_widget_get_frame_clock (window));
  /* After GTK's own handlers, whenever they were connected. */
  self->handlers[0] = g_signal_connect (self->clock, "before-paint", G_CALLBACK (on_before_paint_cb), self);
  self->handlers[1] = g_signal_connect_after (self->clock, "update", G_CALLBACK (on_update_cb), self);
  self->handlers[2] = g_signal_connect_after (self->clock, "layout", G_CALLBACK (on_layout_cb), self);
  self->handlers[3] = g_signal_connect_after (self->clock, "paint", G_CALLBACK (on_paint_cb), self);
  self->handlers[4] = g_signal_connect_after (self->clock, "after-paint", G_CALLBACK (on_after_paint_cb), self);
  self->handlers[5] = g_signal_connect (self->clock, "layout", G_CALLBACK (on_layout_again_cb), self);
  bench_phases_add_subtree (self, "window", window);
  return self;
}

/* Counts the time spent measuring, allocating and snapshotting @widget
 * and its children, apart, under @label. */
void
bench_phases_add_subtree (BenchPhases *self,
                          const char  *label,
                          GtkWidget   *widget)
{
  g_assert (self->n_slots < MAX_SLOTS);
  g_assert (widget != NULL);
  self->slots[self->n_slots++] = (Slot) { .label = label, .widget = widget };
  wrap_class (GTK_WIDGET_GET_CLASS (widget));
  if (gtk_widget_get_layout_manager (widget) != NULL)
    wrap_layout_class (GTK_LAYOUT_MANAGER_GET_CLASS (gtk_widget_get_layout_manager (widget)));
}

/* Records each frame from now on, for @max_ms. */
void
bench_phases_start (BenchPhases *self,
                    guint        max_ms)
{
  self->started = g_get_monotonic_time ();
  self->last_end = cpu_now ();
  self->until = self->started + (gint64) max_ms * 1000;
}

static double
frame_total (const Frame *frame)
{
  return frame->update_ms + frame->layout_ms + frame->paint_ms + frame->after_ms;
}

/* The most main-thread work in one recorded frame, ms. */
double
bench_phases_heaviest (BenchPhases *self)
{
  double most = 0;

  for (guint i = 0; i < self->frames->len; i++)
    most = MAX (most, frame_total (&g_array_index (self->frames, Frame, i)));
  return most;
}

/* Every recorded frame with at least @at_least_ms of work, phase by phase. */
void
bench_phases_print (BenchPhases *self,
                    double       at_least_ms)
{
  guint shown = 0;

  g_print ("Frames from then on with %.0f ms of main-thread work or more (of %u recorded):\n",
           at_least_ms, self->frames->len);
  for (guint i = 0; i < self->frames->len; i++)
    {
      const Frame *frame = &g_array_index (self->frames, Frame, i);
      const double *window = frame->window_layout_ms;
      const double *window_all = frame->spent_ms[0];

      if (frame_total (frame) < at_least_ms)
        continue;
      shown++;
      g_print ("  frame %u, at %.0f ms (began at %.3f s on the monotonic clock): %.1f ms (%.1f ms of work before it): update %.1f; "
               "layout %.1f = style %.1f + measure %.1f + allocate %.1f; "
               "paint %.1f = snapshot %.1f + render %.1f; after %.1f\n",
               i + 1, frame->at_ms, frame->wall_start_s, frame_total (frame), frame->between_ms, frame->update_ms,
               frame->layout_ms, frame->layout_ms - window[MEASURE] - window[ALLOCATE],
               window[MEASURE], window[ALLOCATE], frame->paint_ms, window_all[SNAPSHOT],
               frame->paint_ms - window_all[SNAPSHOT], frame->after_ms);
      if (window_all[MEASURE] + window_all[ALLOCATE] > window[MEASURE] + window[ALLOCATE] + 0.05)
        g_print ("      (the window measured %.1f and allocated %.1f ms outside the layout phase)\n",
                 window_all[MEASURE] - window[MEASURE], window_all[ALLOCATE] - window[ALLOCATE]);
      for (guint s = 1; s < self->n_slots; s++)
        g_print ("      %-8s measure %.1f, allocate %.1f, snapshot %.1f\n", self->slots[s].label,
                 frame->spent_ms[s][MEASURE], frame->spent_ms[s][ALLOCATE],
                 frame->spent_ms[s][SNAPSHOT]);
    }
  if (shown == 0)
    g_print ("  none\n");
}

void
bench_phases_free (BenchPhases *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
    g_signal_handler_disconnect (self->clock, self->handlers[i]);
  g_object_unref (self->clock);
  g_array_unref (self->frames);
  watching = NULL;
  g_free (self);
}
