/* rd-case-page.c: the base class of the pages that show one open case.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-page"

#include "config.h"

#include "rd-case-page.h"
#include "rd-gui-util.h"

/*
 * The window talks to every page of an open case in the same words: it
 * sets "store" once, right after creating the page, sets "case" when the
 * resident opens another case (and NULL when the window closes), and asks
 * the page to flush before it lets a case go or closes. This class keeps
 * those words in one place, so that a page only says what it does when
 * they change.
 *
 * The order matters for nothing to be lost: before the store or the case
 * is replaced, the page writes what it has pending to the old one.
 *
 * A page fills itself for a new case (case_changed) when it is first
 * shown, or else once the window has drawn its next frame: a case opens on
 * one page, and reading 100,000 diary entries for a page nobody has looked
 * at yet would only delay that frame. Until then the page is "waiting",
 * and ignores changes to the store, which it will read anyway when it
 * fills.
 *
 * A page that shows something worked out from the whole case (the
 * dashboard, the timeline) implements refresh: this class calls it when
 * the case changes in the store, waiting until a burst of writes is over
 * (an import writes hundreds of rows, each with its own signal), and at
 * once when the day changes, since counts of days and today's line move
 * with it. A page that says so (refresh_when_shown: the timeline, which
 * nothing reads while it is hidden) does not refresh while it is not
 * shown: it refreshes as it is next shown, and meanwhile each save made
 * elsewhere (the diary's autosave, while typing) costs it nothing. With
 * 100,000 diary entries a refresh reads the whole case on a worker, for
 * one of the machine's few cores, and lands on the main thread (issue 17).
 */

/* Long enough for the writes of one import or one save to land together,
 * short enough that the page seems to follow at once. */
#define REFRESH_DELAY_MS 250

typedef struct
{
  RdStore *store;
  RdCase  *rcase;
  gboolean waiting;   /* case_changed is due when the page is shown */
  gboolean fill_scheduled;
  guint    fill_source;
  RdClock *clock;     /* the store's, when the page refreshes */
  guint    refresh_source;
  gboolean refresh_after_frame;  /* a refresh waits for the next frame */
  gboolean refresh_when_shown;   /* a change came while the page was hidden */
  GtkWidget *default_focus;      /* a widget of the page, not referenced */
  GdkFrameClock *hide_clock;     /* the page was left: its content goes before the next frame */
  gulong         hide_id;
} RdCasePagePrivate;

/* On a child of a page, which the page hid as it was left */
#define HIDDEN_WHILE_LEFT "rd-case-page-hidden-while-left"

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RdCasePage, rd_case_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
fill_cb (gpointer user_data)
{
  RdCasePage *self = RD_CASE_PAGE (user_data);
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  priv->fill_source = 0;
  priv->fill_scheduled = FALSE;
  rd_case_page_fill (self);
  return G_SOURCE_REMOVE;
}

/* The window has drawn: fill when nothing more urgent is waiting. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   RdCasePage    *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, self);
  if (priv->fill_source == 0)
    priv->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_cb, self, NULL);
}

static void
on_root_realized_cb (GtkWidget  *root,
                     RdCasePage *self)
{
  g_signal_handlers_disconnect_by_func (root, on_root_realized_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (root), "after-paint",
                           G_CALLBACK (on_after_paint_cb), self, 0);
}

static void
fill_after_next_frame (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (root == NULL || priv->fill_scheduled)
    return;
  priv->fill_scheduled = TRUE;
  if (gtk_widget_get_realized (root))
    on_root_realized_cb (root, self);
  else
    g_signal_connect_object (root, "realize", G_CALLBACK (on_root_realized_cb), self,
                             G_CONNECT_AFTER);
}

/* Refreshes now, or when next shown if the page waits for that. */
static void
refresh_or_wait (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  if (RD_CASE_PAGE_GET_CLASS (self)->refresh_when_shown &&
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_handle_id (&priv->refresh_source, g_source_remove);
      priv->refresh_when_shown = TRUE;
      return;
    }
  rd_case_page_refresh (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  RdCasePage *self = RD_CASE_PAGE (user_data);
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  priv->refresh_source = 0;
  refresh_or_wait (self);
  return G_SOURCE_REMOVE;
}

/* Anything of this case changed: work it out again once the burst is over. */
static void
on_store_changed_cb (RdCasePage *self,
                     const char *what,
                     gint64      case_id)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  if (priv->rcase == NULL || (case_id != 0 && case_id != rd_case_get_id (priv->rcase)) ||
      priv->waiting)
    return;
  if (priv->refresh_when_shown)
    return;
  if (priv->refresh_source == 0)
    priv->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
on_day_changed_cb (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  if (priv->rcase != NULL && !priv->waiting)
    refresh_or_wait (self);
}

static void
watch_store (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  if (priv->clock != NULL)
    g_signal_handlers_disconnect_by_data (priv->clock, self);
  g_clear_object (&priv->clock);
  if (priv->store == NULL || RD_CASE_PAGE_GET_CLASS (self)->refresh == NULL)
    return;
  g_signal_connect_object (priv->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  priv->clock = g_object_ref (rd_store_get_clock (priv->store));
  g_signal_connect_object (priv->clock, "day-changed", G_CALLBACK (on_day_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * rd_case_page_refresh:
 *
 * Reads the case again now (a page without refresh does nothing), and
 * drops a refresh that was waiting for a burst of writes to end.
 */
void
rd_case_page_refresh (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_if_fail (RD_IS_CASE_PAGE (self));

  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  priv->refresh_after_frame = FALSE;
  priv->refresh_when_shown = FALSE;
  if (RD_CASE_PAGE_GET_CLASS (self)->refresh != NULL)
    RD_CASE_PAGE_GET_CLASS (self)->refresh (self);
}

static void
refresh_after_frame_cb (GtkWidget *widget)
{
  RdCasePage *self = RD_CASE_PAGE (widget);
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  /* Not if a refresh came first. */
  if (priv->refresh_after_frame)
    rd_case_page_refresh (self);
}

/**
 * rd_case_page_refresh_after_frame:
 *
 * Like rd_case_page_refresh(), but once the window has drawn its next
 * frame (at once when it is not on screen). For a page whose refresh
 * starts a worker after showing that it waits for it: the worker reads
 * the whole case on one of the machine's few cores, and when Redress
 * starts it would compete with the window's first frame (issue 17).
 */
void
rd_case_page_refresh_after_frame (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_if_fail (RD_IS_CASE_PAGE (self));

  if (priv->refresh_after_frame)
    return;
  priv->refresh_after_frame = TRUE;
  rd_gui_after_next_frame (GTK_WIDGET (self), refresh_after_frame_cb);
}

/**
 * rd_case_page_get_clock:
 *
 * Returns: (transfer none) (nullable): the clock whose day the page's
 *   refresh counts from: the store's when it was set, or NULL for a page
 *   that does not refresh
 */
RdClock *
rd_case_page_get_clock (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_val_if_fail (RD_IS_CASE_PAGE (self), NULL);

  return priv->clock;
}

/**
 * rd_case_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store the page reads and writes
 */
RdStore *
rd_case_page_get_store (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_val_if_fail (RD_IS_CASE_PAGE (self), NULL);

  return priv->store;
}

/**
 * rd_case_page_get_case:
 *
 * Returns: (transfer none) (nullable): the open case
 */
RdCase *
rd_case_page_get_case (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_val_if_fail (RD_IS_CASE_PAGE (self), NULL);

  return priv->rcase;
}

/**
 * rd_case_page_flush:
 *
 * Writes what the page has not written yet. A page with nothing to write
 * succeeds.
 */
gboolean
rd_case_page_flush (RdCasePage  *self,
                    GError     **error)
{
  RdCasePageClass *klass;

  g_return_val_if_fail (RD_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = RD_CASE_PAGE_GET_CLASS (self);
  return klass->flush == NULL || klass->flush (self, error);
}

void
rd_case_page_set_store (RdCasePage *self,
                        RdStore    *store)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_if_fail (RD_IS_CASE_PAGE (self));
  g_return_if_fail (store == NULL || RD_IS_STORE (store));

  if (priv->store == store)
    return;
  /* An error was already shown by the page; the store goes anyway. */
  rd_case_page_flush (self, NULL);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_set_object (&priv->store, store);
  watch_store (self);
  if (RD_CASE_PAGE_GET_CLASS (self)->store_changed != NULL)
    RD_CASE_PAGE_GET_CLASS (self)->store_changed (self);
  else
    rd_case_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
rd_case_page_set_case (RdCasePage *self,
                       RdCase     *rcase)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_if_fail (RD_IS_CASE_PAGE (self));
  g_return_if_fail (rcase == NULL || RD_IS_CASE (rcase));

  if (priv->rcase == rcase)
    return;
  /* Write what is pending for the old case before letting go of it. */
  rd_case_page_flush (self, NULL);
  g_set_object (&priv->rcase, rcase);
  priv->waiting = TRUE;
  /* Letting go of a case is cheap and must not wait: nothing of it may
   * stay on screen. */
  if (rcase == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    rd_case_page_fill (self);
  else
    fill_after_next_frame (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
}

/**
 * rd_case_page_fill:
 *
 * Fills the page for its case now, if it has not been yet. A page fills
 * itself when it is shown; this is for whoever needs its content before.
 */
void
rd_case_page_fill (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_if_fail (RD_IS_CASE_PAGE (self));

  if (!priv->waiting)
    return;
  priv->waiting = FALSE;
  if (RD_CASE_PAGE_GET_CLASS (self)->case_changed != NULL)
    RD_CASE_PAGE_GET_CLASS (self)->case_changed (self);
}

/**
 * rd_case_page_is_waiting:
 *
 * Whether the page has a case it has not been filled for yet (it has not
 * been shown since): changes to the store can be ignored until it is.
 */
gboolean
rd_case_page_is_waiting (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_val_if_fail (RD_IS_CASE_PAGE (self), FALSE);

  return priv->waiting;
}

/*
 * GTK 4.8 works out the style of every visible widget of a window,
 * whether its page is shown or not, each time something they may depend
 * on changes. Going from one page to another moves the keyboard focus,
 * and with it the :focus-within state of the pages' containers, which the
 * style of every widget under them can depend on: the frame that showed
 * the timeline worked out again the styles of the whole diary page left
 * behind, its list's rows and its editor (issue 17), and a window going
 * to the background (:backdrop, on every widget) those of every page.
 *
 * So a page that was shown and is left hides its content, which GTK then
 * leaves out of its styles (and of its sizes) until the page is shown
 * again: what changed meanwhile is worked out then, once. A page never
 * shown is left as it is: it may be laid out ahead of being shown
 * (rd_gui_lay_out_hidden_page()). The content goes just before the next
 * frame, not as the page is unmapped: the stack that hides the page moves
 * the focus out of it after that, and GTK would move a focus that is in
 * content being hidden itself.
 */
static void
hide_content (RdCasePage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      {
        g_object_set_data (G_OBJECT (child), HIDDEN_WHILE_LEFT, GINT_TO_POINTER (TRUE));
        gtk_widget_set_visible (child, FALSE);
      }
}

static void
cancel_hiding (RdCasePage *self)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  /* GDK lets go of a frame clock's handlers itself as its window goes. */
  if (priv->hide_id != 0 && g_signal_handler_is_connected (priv->hide_clock, priv->hide_id))
    g_signal_handler_disconnect (priv->hide_clock, priv->hide_id);
  priv->hide_id = 0;
  g_clear_object (&priv->hide_clock);
}

static void
on_before_paint_hide_cb (GdkFrameClock *clock,
                         RdCasePage    *self)
{
  cancel_hiding (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    hide_content (self);
}

static void
rd_case_page_unmap (GtkWidget *widget)
{
  RdCasePage *self = RD_CASE_PAGE (widget);
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  GTK_WIDGET_CLASS (rd_case_page_parent_class)->unmap (widget);
  if (clock == NULL || priv->hide_id != 0)
    return;
  priv->hide_clock = g_object_ref (clock);
  priv->hide_id = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_hide_cb),
                                    self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_BEFORE_PAINT);
}

static void
show_content (RdCasePage *self)
{
  cancel_hiding (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_steal_data (G_OBJECT (child), HIDDEN_WHILE_LEFT) != NULL)
      gtk_widget_set_visible (child, TRUE);
}

/**
 * rd_case_page_get_content_hidden:
 *
 * Returns: whether the page, left, has hidden its content from GTK's
 *   styles and sizes until it is shown again
 */
gboolean
rd_case_page_get_content_hidden (RdCasePage *self)
{
  g_return_val_if_fail (RD_IS_CASE_PAGE (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), HIDDEN_WHILE_LEFT) != NULL)
      return TRUE;
  return FALSE;
}

static void
rd_case_page_map (GtkWidget *widget)
{
  RdCasePage *self = RD_CASE_PAGE (widget);
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  /* Before the children are mapped, so that they are, with the page. */
  show_content (self);
  GTK_WIDGET_CLASS (rd_case_page_parent_class)->map (widget);
  rd_case_page_fill (self);
  /* What it shows stays until the refresh's result comes. */
  if (priv->refresh_when_shown)
    rd_case_page_refresh (self);
}

/*
 * Entering a page with the keyboard (its switcher's button, Alt+1…6, or the
 * window's stack carrying the focus over from the page it hid), GTK
 * looks through the page for the first widget that takes the focus, in
 * the order of their places: the first button, however little it
 * matters. A page that says where the keyboard lands
 * (rd_case_page_set_default_focus()) is entered there, without that
 * search, while that widget can take the focus; otherwise, and for every
 * other direction, GTK looks as before.
 */
static gboolean
rd_case_page_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (RD_CASE_PAGE (widget));
  GtkWidget *target = priv->default_focus;

  if (direction == GTK_DIR_TAB_FORWARD && target != NULL &&
      gtk_widget_get_focus_child (widget) == NULL && !gtk_widget_has_focus (widget) &&
      gtk_widget_is_drawable (target) && gtk_widget_is_sensitive (target) &&
      gtk_widget_get_focusable (target) && gtk_widget_grab_focus (target))
    return TRUE;
  return GTK_WIDGET_CLASS (rd_case_page_parent_class)->focus (widget, direction);
}

/**
 * rd_case_page_set_default_focus:
 * @widget: (nullable): a widget inside the page
 *
 * Where the keyboard lands when the page is entered, whenever @widget can
 * take the focus then; the page's first widget in order otherwise.
 */
void
rd_case_page_set_default_focus (RdCasePage *self,
                                GtkWidget  *widget)
{
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  g_return_if_fail (RD_IS_CASE_PAGE (self));
  g_return_if_fail (widget == NULL || gtk_widget_is_ancestor (widget, GTK_WIDGET (self)));

  priv->default_focus = widget;
}

static void
rd_case_page_dispose (GObject *object)
{
  RdCasePage *self = RD_CASE_PAGE (object);
  RdCasePagePrivate *priv = rd_case_page_get_instance_private (self);

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  if (priv->clock != NULL)
    g_signal_handlers_disconnect_by_data (priv->clock, self);
  g_clear_handle_id (&priv->fill_source, g_source_remove);
  g_clear_handle_id (&priv->refresh_source, g_source_remove);
  cancel_hiding (self);
  g_clear_object (&priv->clock);
  g_clear_object (&priv->rcase);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (rd_case_page_parent_class)->dispose (object);
}

static void
rd_case_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RdCasePage *self = RD_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rd_case_page_get_store (self));
      break;
    case PROP_CASE:
      g_value_set_object (value, rd_case_page_get_case (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RdCasePage *self = RD_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rd_case_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_CASE:
      rd_case_page_set_case (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_page_class_init (RdCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_case_page_dispose;
  object_class->get_property = rd_case_page_get_property;
  object_class->set_property = rd_case_page_set_property;
  GTK_WIDGET_CLASS (klass)->map = rd_case_page_map;
  GTK_WIDGET_CLASS (klass)->unmap = rd_case_page_unmap;
  GTK_WIDGET_CLASS (klass)->focus = rd_case_page_focus;
  /* A group, which Orca says by its name (the page's title, given by
   * rd-gui-a11y-containers.c) as the focus goes into it: going to a page says
   * which page it is. A generic container it leaves out, named or not. */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, RD_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_case_page_init (RdCasePage *self)
{
}
