/* rd-remedies.h: what a resident may ask for, from the failures found and the Ombudsman's guidance.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-remedy-guidance.h"
#include "rd-service-loss.h"

G_BEGIN_DECLS

/* Who the words are for: the resident reading What Next or the CLI, or
 * the reader of a letter the resident sends. */
typedef enum {
  RD_REMEDY_VOICE_RESIDENT,
  RD_REMEDY_VOICE_LETTER,
} RdRemedyVoice;

typedef struct {
  RdRemedyArea          area;
  guint                 n_failures;
  const RdRemedyFigure *figure;   /* nullable: no sourced figure for this kind of failure */
} RdRemedyLine;

/* One diary entry's loss of a service, as counted: from, until (invalid:
 * still without it on today), and its days up to today. */
typedef struct {
  GDate  from;
  GDate  until;
  guint  days;
} RdServicePeriod;

/* Every recorded loss of one service, and the days without it in all,
 * a day in two overlapping losses counted once. */
typedef struct {
  RdService  service;
  GArray    *periods;   /* RdServicePeriod, by first day */
  guint      days;
} RdServiceLossLine;

typedef struct _RdRemedies RdRemedies;

RdRemedies         *rd_remedies_suggest          (GListModel         *deadlines,
                                                  const GDate        *today);
void                rd_remedies_free             (RdRemedies         *self);
guint               rd_remedies_get_n_lines      (RdRemedies         *self);
const RdRemedyLine *rd_remedies_get_line         (RdRemedies         *self,
                                                  guint               index);
guint               rd_remedies_get_total_min    (RdRemedies         *self);
guint               rd_remedies_get_total_max    (RdRemedies         *self);
const GDate        *rd_remedies_get_today        (RdRemedies         *self);
void                rd_remedies_add_service_losses (RdRemedies       *self,
                                                    GPtrArray        *incidents);
guint               rd_remedies_get_n_service_lines (RdRemedies      *self);
const RdServiceLossLine *rd_remedies_get_service_line (RdRemedies    *self,
                                                       guint          index);
char               *rd_service_loss_line_dup_text (const RdServiceLossLine *line,
                                                   RdRemedyVoice            voice);
char               *rd_remedies_dup_service_source (RdRemedies       *self);

const char         *rd_remedy_area_get_label     (RdRemedyArea        area);
char               *rd_remedy_line_dup_text      (const RdRemedyLine *line,
                                                  RdRemedyVoice       voice);
char               *rd_remedy_line_dup_source    (const RdRemedyLine *line);
char               *rd_remedies_dup_total_text   (RdRemedies         *self,
                                                  RdRemedyVoice       voice);
char               *rd_remedies_dup_summary      (RdRemedies         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdRemedies, rd_remedies_free)

G_END_DECLS
