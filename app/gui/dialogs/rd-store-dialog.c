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
 */
#define G_LOG_DOMAIN "rd-store-dialog"

#include "config.h"

#include "rd-store-dialog.h"

typedef struct
{
  RdStore *store;
  RdCase  *rcase;
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

static void
rd_store_dialog_dispose (GObject *object)
{
  RdStoreDialogPrivate *priv = rd_store_dialog_get_instance_private (RD_STORE_DIALOG (object));

  /* Subclasses have chained up by now, so nothing of theirs can still
   * write through the store (an autosave flushing, say) once it is gone. */
  g_clear_object (&priv->rcase);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (rd_store_dialog_parent_class)->dispose (object);
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
rd_store_dialog_class_init (RdStoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_store_dialog_dispose;
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
}

static void
rd_store_dialog_init (RdStoreDialog *self)
{
}
