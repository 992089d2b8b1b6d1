/* rd-remedy-guidance.h: the amounts the Housing Ombudsman's guidance suggests for a landlord's failures.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The kinds of failure Redress can find, each offered a figure at most once. */
typedef enum {
  RD_REMEDY_AREA_COMPLAINT_HANDLING,  /* acknowledgements, responses, extensions */
  RD_REMEDY_AREA_REPAIRS,             /* repair priorities and Awaab's Law steps */
  RD_REMEDY_AREA_ASB,                 /* first responses to reports of anti-social behaviour */
  RD_REMEDY_AREA_APPOINTMENTS,        /* appointments and other promises not kept */
  RD_REMEDY_N_AREAS
} RdRemedyArea;

typedef enum {
  RD_REMEDY_IMPACT_ADVERSE,  /* a failure that adversely affected the resident */
  RD_REMEDY_N_IMPACTS
} RdRemedyImpact;

typedef struct _RdRemedyFigure RdRemedyFigure;

const char           *rd_remedy_area_to_key          (RdRemedyArea          area);

guint                 rd_remedy_get_n_figures        (void);
const RdRemedyFigure *rd_remedy_get_figure           (guint                 index);
const RdRemedyFigure *rd_remedy_figure_for           (RdRemedyArea          area,
                                                      const GDate          *today);

const char           *rd_remedy_figure_get_key       (const RdRemedyFigure *figure);
const char           *rd_remedy_figure_get_guidance  (const RdRemedyFigure *figure);
const char           *rd_remedy_figure_get_revised   (const RdRemedyFigure *figure);
const GDate          *rd_remedy_figure_get_valid_from (const RdRemedyFigure *figure);
const char           *rd_remedy_figure_get_url       (const RdRemedyFigure *figure);
const char           *rd_remedy_figure_get_section   (const RdRemedyFigure *figure);
RdRemedyImpact        rd_remedy_figure_get_impact    (const RdRemedyFigure *figure);
guint                 rd_remedy_figure_get_min       (const RdRemedyFigure *figure);
guint                 rd_remedy_figure_get_max       (const RdRemedyFigure *figure);
gboolean              rd_remedy_figure_covers        (const RdRemedyFigure *figure,
                                                      RdRemedyArea          area);
const char           *rd_remedy_figure_get_sources   (const RdRemedyFigure *figure);

G_END_DECLS
