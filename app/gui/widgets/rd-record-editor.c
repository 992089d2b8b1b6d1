/* rd-record-editor.c: what every form that edits one stored record shares:
 * the store and record properties, saving as you type, and the saved signal.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-record-editor"

#include "config.h"

#include "rd-autosave.h"
#include "rd-record-editor.h"

/*
 * There is no Save button on a record's form. A change is written a moment
 * after typing pauses (RdAutosave), and at once when another record is
 * shown, the store changes or the form goes. The subclass knows its fields:
 * it puts a record into them (load), says what is wrong (check), takes them
 * back (collect) and writes the record (write). The order of a switch is
 * the same for every form: write what is pending for the old record, then
 * show the new one, so typing is never written into the wrong record.
 */

typedef struct
{
  RdStore          *store;
  GObject          *record;
  RdAutosave       *autosave;
  gboolean          loading;
  RdEvidenceLinks  *evidence_links;   /* unowned: a child of the form */
} RdRecordEditorPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RdRecordEditor, rd_record_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The evidence section follows the record (once it has been written). */
static void
sync_evidence_links (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);
  gint64 case_id = 0;
  gint64 id = 0;

  if (priv->evidence_links == NULL)
    return;
  if (priv->record != NULL)
    g_object_get (priv->record, "case-id", &case_id, "id", &id, NULL);
  rd_evidence_links_set_target (priv->evidence_links, case_id,
                                RD_RECORD_EDITOR_GET_CLASS (self)->evidence_target, id);
}

static RdAutosaveResult
write_record (GtkWidget  *form,
              GError    **error)
{
  RdRecordEditor *self = RD_RECORD_EDITOR (form);
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);
  RdRecordEditorClass *klass = RD_RECORD_EDITOR_GET_CLASS (self);

  if (priv->record == NULL || priv->store == NULL)
    return RD_AUTOSAVE_HELD;
  if (!klass->collect (self, priv->record))
    return RD_AUTOSAVE_HELD;
  if (!klass->write (self, priv->store, priv->record, error))
    return RD_AUTOSAVE_FAILED;
  return RD_AUTOSAVE_WRITTEN;
}

static void
on_autosaved_cb (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  sync_evidence_links (self);
  g_signal_emit (self, signals[SAVED], 0, priv->record);
}

/**
 * rd_record_editor_attach:
 * @status_label: where the form says whether it is saved
 * @evidence_links: (nullable): the form's evidence section
 *
 * Called once by the subclass's init, after its template: from here on
 * changes are saved.
 */
void
rd_record_editor_attach (RdRecordEditor  *self,
                         GtkLabel        *status_label,
                         RdEvidenceLinks *evidence_links)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_if_fail (RD_IS_RECORD_EDITOR (self));
  g_return_if_fail (priv->autosave == NULL);

  priv->evidence_links = evidence_links;
  priv->autosave = rd_autosave_new (GTK_WIDGET (self), status_label,
                                    RD_RECORD_EDITOR_GET_CLASS (self)->save_delay_ms, write_record);
  g_signal_connect_object (priv->autosave, "saved", G_CALLBACK (on_autosaved_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * rd_record_editor_changed:
 *
 * For the subclass's change handlers: something was typed or picked, so
 * the record is written a moment from now. Does nothing while a record is
 * being loaded or when there is none.
 */
void
rd_record_editor_changed (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_if_fail (RD_IS_RECORD_EDITOR (self));

  if (priv->loading || priv->record == NULL || priv->autosave == NULL)
    return;
  rd_autosave_changed (priv->autosave);
}

gboolean
rd_record_editor_is_loading (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_val_if_fail (RD_IS_RECORD_EDITOR (self), FALSE);

  return priv->loading;
}

/**
 * rd_record_editor_flush:
 *
 * Writes what has not been written yet, now. Nothing to write is success.
 */
gboolean
rd_record_editor_flush (RdRecordEditor  *self,
                        GError         **error)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_val_if_fail (RD_IS_RECORD_EDITOR (self), FALSE);

  if (priv->autosave == NULL)
    return TRUE;
  return rd_autosave_flush (priv->autosave, error);
}

/* Whether the editor is writing right now (so a page can ignore the
 * store's change signal for the editor's own write). */
gboolean
rd_record_editor_is_saving (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_val_if_fail (RD_IS_RECORD_EDITOR (self), FALSE);

  return priv->autosave != NULL && rd_autosave_is_saving (priv->autosave);
}

gboolean
rd_record_editor_has_pending_save (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_val_if_fail (RD_IS_RECORD_EDITOR (self), FALSE);

  return priv->autosave != NULL && rd_autosave_is_pending (priv->autosave);
}

/**
 * rd_record_editor_get_record:
 *
 * Returns: (transfer none) (nullable) (type GObject): the record shown
 */
gpointer
rd_record_editor_get_record (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_val_if_fail (RD_IS_RECORD_EDITOR (self), NULL);

  return priv->record;
}

/**
 * rd_record_editor_set_record:
 * @record: (nullable) (type GObject): the record to edit, of the editor's
 *   record type; the editor changes this object
 *
 * Writes what is pending for the record being edited, then shows @record.
 * A new record has id 0 and is inserted by the first write.
 */
void
rd_record_editor_set_record (RdRecordEditor *self,
                             gpointer        record)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);
  RdRecordEditorClass *klass;

  g_return_if_fail (RD_IS_RECORD_EDITOR (self));
  klass = RD_RECORD_EDITOR_GET_CLASS (self);
  g_return_if_fail (record == NULL || G_TYPE_CHECK_INSTANCE_TYPE (record, klass->record_type));

  if (priv->record == record)
    return;
  rd_record_editor_flush (self, NULL);
  g_set_object (&priv->record, record);
  if (priv->autosave != NULL)
    rd_autosave_discard (priv->autosave);
  if (record != NULL)
    {
      priv->loading = TRUE;
      klass->load (self, record);
      priv->loading = FALSE;
      if (klass->check != NULL)
        klass->check (self);
    }
  sync_evidence_links (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/**
 * rd_record_editor_get_store:
 *
 * Returns: (transfer none) (nullable): where the record is written
 */
RdStore *
rd_record_editor_get_store (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_val_if_fail (RD_IS_RECORD_EDITOR (self), NULL);

  return priv->store;
}

void
rd_record_editor_set_store (RdRecordEditor *self,
                            RdStore        *store)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);
  RdRecordEditorClass *klass;

  g_return_if_fail (RD_IS_RECORD_EDITOR (self));
  g_return_if_fail (store == NULL || RD_IS_STORE (store));
  klass = RD_RECORD_EDITOR_GET_CLASS (self);

  if (priv->store == store)
    return;
  rd_record_editor_flush (self, NULL);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_set_object (&priv->store, store);
  if (priv->evidence_links != NULL)
    rd_evidence_links_set_store (priv->evidence_links, store);
  if (store != NULL && klass->connect_store != NULL)
    klass->connect_store (self, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * rd_record_editor_finish:
 *
 * The subclass's dispose calls this first, while its fields still stand:
 * whatever was typed is written before the form goes.
 */
void
rd_record_editor_finish (RdRecordEditor *self)
{
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  g_return_if_fail (RD_IS_RECORD_EDITOR (self));

  if (priv->autosave != NULL)
    rd_autosave_finish (priv->autosave);
  priv->evidence_links = NULL;
}

static void
rd_record_editor_dispose (GObject *object)
{
  RdRecordEditor *self = RD_RECORD_EDITOR (object);
  RdRecordEditorPrivate *priv = rd_record_editor_get_instance_private (self);

  rd_record_editor_finish (self);
  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_data (priv->store, self);
  g_clear_object (&priv->store);
  g_clear_object (&priv->record);
  g_clear_object (&priv->autosave);

  G_OBJECT_CLASS (rd_record_editor_parent_class)->dispose (object);
}

static void
rd_record_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdRecordEditor *self = RD_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, rd_record_editor_get_store (self));
      break;
    case PROP_RECORD:
      g_value_set_object (value, rd_record_editor_get_record (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_record_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdRecordEditor *self = RD_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rd_record_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      rd_record_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_record_editor_class_init (RdRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_record_editor_dispose;
  object_class->get_property = rd_record_editor_get_property;
  object_class->set_property = rd_record_editor_set_property;

  klass->record_type = G_TYPE_OBJECT;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdRecordEditor::saved:
   * @record: the record, as just written to the store
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_FIRST,
                  G_STRUCT_OFFSET (RdRecordEditorClass, saved), NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
rd_record_editor_init (RdRecordEditor *self)
{
}
