/* rd-store-dialog.c: the base class of the dialogs that read and write one case's records.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case, policy, parties, export and step dialogs and the complaint
 * assistant are each handed a store (and most of them a case) when they are
 * made, and none of them may be pointed at another afterwards: a dialog
 * half-way through a form for one case must not start writing into another.
 * What they have in common lives here once: the two construct-only
 * properties, the ::saved signal, and Escape closing the window (a close that
 * each subclass may still refuse, as the export dialog does while it works).
 *
 * A dialog is modal, so the main window's Undo cannot be reached from it: a
 * dialog whose content is an AdwToastOverlay offers Undo of what it deleted
 * itself, in its own toast and with Ctrl+Z (dialog.offer-undo, dialog.undo),
 * and its show_restored() chooses what came back.
 */
#define G_LOG_DOMAIN "rd-store-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-undo.h"
#include "rd-gui-util.h"
#include "rd-store-dialog.h"

typedef struct
{
  RdStore  *store;
  RdCase   *rcase;

  /* The last delete offered here, by ids only: its rows are gone. */
  guint     undo_token;
  char     *undo_restored;  /* what the toast says once it is back */
  char     *undo_what;      /* which kind of record, for show_restored() */
  gint64    undo_id;
  AdwToast *toast;          /* (weak) the last toast shown here */
} RdStoreDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RdStoreDialog, rd_store_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * rd_store_dialog_get_store:
 *
 * Returns: (transfer none): the store the dialog reads and writes
 */
RdStore *
rd_store_dialog_get_store (RdStoreDialog *self)
{
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (self);

  g_return_val_if_fail (RD_IS_STORE_DIALOG (self), NULL);

  return priv->store;
}

/**
 * rd_store_dialog_get_case:
 *
 * Returns: (transfer none) (nullable): the case the dialog is about, or
 * %NULL when it starts a new case or works on a record below one (a step
 * of a complaint)
 */
RdCase *
rd_store_dialog_get_case (RdStoreDialog *self)
{
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (self);

  g_return_val_if_fail (RD_IS_STORE_DIALOG (self), NULL);

  return priv->rcase;
}

/**
 * rd_store_dialog_saved:
 * @record: (type GObject) (nullable): what was written
 *
 * Emits ::saved. Subclasses call it once their record is in the store.
 */
void
rd_store_dialog_saved (RdStoreDialog *self,
                       gpointer       record)
{
  g_return_if_fail (RD_IS_STORE_DIALOG (self));
  g_return_if_fail (record == NULL || G_IS_OBJECT (record));

  g_signal_emit (self, signals[SAVED], 0, record);
}

static AdwToastOverlay *
get_toast_overlay (RdStoreDialog *self)
{
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (self));

  return ADW_IS_TOAST_OVERLAY (content) ? ADW_TOAST_OVERLAY (content) : NULL;
}

/* Says @title in the dialog's one toast for deletes and undo (see
 * rd_gui_toast_slot_set()), with Undo on it when @undo. */
static void
say (RdStoreDialog *self,
     const char    *title,
     gboolean       undo)
{
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (self);
  AdwToastOverlay *overlay = get_toast_overlay (self);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }
  toast = rd_gui_toast_slot_set (G_OBJECT (self), &priv->toast, title,
                                 undo ? _("_Undo") : NULL, undo ? "dialog.undo" : NULL,
                                 undo ? 10 : 5);
  if (toast == NULL)
    return;
  rd_gui_announce (GTK_WIDGET (self), title);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
offer_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RdStoreDialog *self = RD_STORE_DIALOG (widget);
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (self);
  const char *deleted, *restored, *what;

  g_variant_get (parameter, "(&s&s&sx)", &deleted, &restored, &what, &priv->undo_id);
  priv->undo_token = priv->store != NULL ? rd_store_get_undo_token (priv->store) : 0;
  g_free (priv->undo_restored);
  priv->undo_restored = g_strdup (restored);
  g_free (priv->undo_what);
  priv->undo_what = g_strdup (what);
  say (self, deleted, priv->undo_token != 0);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdStoreDialog *self = RD_STORE_DIALOG (widget);
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (self);
  RdStoreDialogClass *klass = RD_STORE_DIALOG_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  guint token = priv->undo_token;

  priv->undo_token = 0;
  if (priv->store == NULL || token == 0 || token != rd_store_get_undo_token (priv->store))
    {
      say (self, _("There is nothing to undo."), FALSE);
      return;
    }
  if (!rd_store_undo (priv->store, token, &error))
    {
      say (self, error->message, FALSE);
      return;
    }
  if (klass->show_restored != NULL && priv->undo_what != NULL)
    klass->show_restored (self, priv->undo_what, priv->undo_id);
  say (self, priv->undo_restored, FALSE);
}

/* Ctrl+Z: in a text box it belongs to the text, as in the main window; a
 * dialog with no toast of its own has nothing to undo. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (get_toast_overlay (RD_STORE_DIALOG (widget)) == NULL)
    return FALSE;
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;
  return gtk_widget_activate_action (widget, "dialog.undo", NULL);
}

static void
rd_store_dialog_dispose (GObject *object)
{
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (RD_STORE_DIALOG (object));

  g_clear_weak_pointer (&priv->toast);

  /* Subclasses have chained up by now, so nothing of theirs can still
   * write through the store (an autosave flushing, say) once it is gone. */
  g_clear_object (&priv->rcase);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (rd_store_dialog_parent_class)->dispose (object);
}

static void
rd_store_dialog_finalize (GObject *object)
{
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (RD_STORE_DIALOG (object));

  g_free (priv->undo_restored);
  g_free (priv->undo_what);

  G_OBJECT_CLASS (rd_store_dialog_parent_class)->finalize (object);
}

static void
rd_store_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (RD_STORE_DIALOG (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_CASE:
      g_value_set_object (value, priv->rcase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_store_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (RD_STORE_DIALOG (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_CASE:
      priv->rcase = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_store_dialog_constructed (GObject *object)
{
  RdStoreDialog *self = RD_STORE_DIALOG (object);
  AdwToastOverlay *overlay = get_toast_overlay (self);

  G_OBJECT_CLASS (rd_store_dialog_parent_class)->constructed (object);

  if (overlay != NULL)
    rd_gui_init_toasts (GTK_WIDGET (self), overlay);
}

static void
rd_store_dialog_class_init (RdStoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_store_dialog_dispose;
  object_class->finalize = rd_store_dialog_finalize;
  object_class->constructed = rd_store_dialog_constructed;
  object_class->get_property = rd_store_dialog_get_property;
  object_class->set_property = rd_store_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, RD_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdStoreDialog::saved:
   * @record: (nullable): what was written: the case (also when only its
   *   policy changed), the complaint or the step
   *
   * Emitted after the dialog has written its record to the store, before
   * it closes. The parties and export dialogs do not emit it: the first
   * saves each party as it is typed, the second writes only files.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "dialog.offer-undo", "(sssx)", offer_undo_action);
  gtk_widget_class_install_action (widget_class, "dialog.undo", NULL, undo_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo_shortcut_cb, NULL);
}

static void
rd_store_dialog_init (RdStoreDialog *self)
{
}
