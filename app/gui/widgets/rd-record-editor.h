/* rd-record-editor.h: what every form that edits one stored record shares:
 * the store and record properties, saving as you type, and the saved signal.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-evidence-links.h"

G_BEGIN_DECLS

#define RD_TYPE_RECORD_EDITOR (rd_record_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (RdRecordEditor, rd_record_editor, RD, RECORD_EDITOR, GtkWidget)

struct _RdRecordEditorClass
{
  GtkWidgetClass parent_class;

  /* Set by the subclass in its class_init: the type of record it edits,
   * how long typing may pause before the record is written, and what the
   * evidence section (if it has one) links files to. */
  GType                 record_type;
  guint                 save_delay_ms;
  RdEvidenceTargetKind  evidence_target;

  /* Puts @record into the form; the form's change signals are ignored
   * meanwhile (rd_record_editor_changed() does nothing). */
  void     (*load)          (RdRecordEditor  *self,
                             gpointer         record);
  /* Says under the fields what is wrong with the form as it stands; called
   * after load. May be NULL. */
  void     (*check)         (RdRecordEditor  *self);
  /* Copies the form into @record. FALSE holds the write back (the form has
   * said why) and leaves it pending. */
  gboolean (*collect)       (RdRecordEditor  *self,
                             gpointer         record);
  /* Writes @record to @store. */
  gboolean (*write)         (RdRecordEditor  *self,
                             RdStore         *store,
                             gpointer         record,
                             GError         **error);
  /* Connects to @store's signals (optional); they are disconnected when the
   * store changes. */
  void     (*connect_store) (RdRecordEditor  *self,
                             RdStore         *store);
  /* The class handler of ::saved, run before the connected ones. */
  void     (*saved)         (RdRecordEditor  *self,
                             gpointer         record);

  gpointer padding[8];
};

gpointer  rd_record_editor_get_record       (RdRecordEditor   *self);
void      rd_record_editor_set_record       (RdRecordEditor   *self,
                                             gpointer          record);
RdStore  *rd_record_editor_get_store        (RdRecordEditor   *self);
void      rd_record_editor_set_store        (RdRecordEditor   *self,
                                             RdStore          *store);
gboolean  rd_record_editor_flush            (RdRecordEditor   *self,
                                             GError          **error);
gboolean  rd_record_editor_is_saving        (RdRecordEditor   *self);
gboolean  rd_record_editor_has_pending_save (RdRecordEditor   *self);

/* For subclasses */
void      rd_record_editor_attach           (RdRecordEditor   *self,
                                             GtkLabel         *status_label,
                                             RdEvidenceLinks  *evidence_links);
void      rd_record_editor_changed          (RdRecordEditor   *self);
gboolean  rd_record_editor_is_loading       (RdRecordEditor   *self);
void      rd_record_editor_finish           (RdRecordEditor   *self);

G_END_DECLS
