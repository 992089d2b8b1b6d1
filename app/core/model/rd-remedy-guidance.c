/* rd-remedy-guidance.c: the amounts the Housing Ombudsman's guidance suggests for a landlord's failures.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-policy"

#include "config.h"

#include <gio/gio.h>

#include "rd-core-resources.h"
#include "rd-datetime.h"
#include "rd-remedy-guidance.h"

/*
 * The figures are data (remedies-guidance.txt, each with its source), like
 * the Code profiles and Awaab's Law phases: when the Ombudsman publishes a
 * new revision, its figures are new groups with a later ValidFrom, and
 * nothing here changes. A figure Redress could not read in a primary
 * source is simply absent, so no code path can show a guessed amount.
 */

struct _RdRemedyFigure {
  char           *key;
  char           *guidance;
  char           *revised;
  GDate           valid_from;
  char           *url;
  char           *section;
  RdRemedyImpact  impact;
  guint           min;
  guint           max;
  char           *sources;
  gboolean        areas[RD_REMEDY_N_AREAS];
};

#define FIGURES_PATH "/app/redress/Redress/core/remedies-guidance.txt"

static const char * const area_keys[RD_REMEDY_N_AREAS] = {
  "complaint-handling",
  "repairs",
  "anti-social-behaviour",
  "appointments",
};

static const char * const impact_keys[RD_REMEDY_N_IMPACTS] = {
  "adverse",
};

const char *
rd_remedy_area_to_key (RdRemedyArea area)
{
  g_return_val_if_fail (area < RD_REMEDY_N_AREAS, NULL);
  return area_keys[area];
}

static gboolean
find_key (const char * const *keys,
          guint               n_keys,
          const char         *key,
          guint              *out)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_str_equal (keys[i], key))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
invalid (GError    **error,
         const char *what,
         const char *value)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               "unknown %s “%s”", what, value);
  return FALSE;
}

static gboolean
load_figure (GKeyFile        *kf,
             const char      *group,
             RdRemedyFigure  *figure,
             GError         **error)
{
  g_autofree char *valid_from = NULL;
  g_autofree char *impact = NULL;
  g_autoptr(GDate) day = NULL;
  g_auto(GStrv) areas = NULL;
  guint index;

  figure->key = g_strdup (group);
  if ((figure->guidance = g_key_file_get_string (kf, group, "Guidance", error)) == NULL ||
      (figure->revised = g_key_file_get_string (kf, group, "Revised", error)) == NULL ||
      (figure->url = g_key_file_get_string (kf, group, "URL", error)) == NULL ||
      (figure->section = g_key_file_get_string (kf, group, "Section", error)) == NULL ||
      (figure->sources = g_key_file_get_string (kf, group, "Sources", error)) == NULL ||
      (valid_from = g_key_file_get_string (kf, group, "ValidFrom", error)) == NULL ||
      (impact = g_key_file_get_string (kf, group, "Impact", error)) == NULL ||
      (areas = g_key_file_get_string_list (kf, group, "Areas", NULL, error)) == NULL)
    return FALSE;
  if ((day = rd_date_parse_iso (valid_from, error)) == NULL)
    return FALSE;
  figure->valid_from = *day;
  if (!find_key (impact_keys, RD_REMEDY_N_IMPACTS, impact, &index))
    return invalid (error, "Impact", impact);
  figure->impact = index;
  figure->min = g_key_file_get_integer (kf, group, "Min", error);
  if (error != NULL && *error != NULL)
    return FALSE;
  figure->max = g_key_file_get_integer (kf, group, "Max", error);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (figure->min == 0 || figure->max < figure->min)
    return invalid (error, "range", group);
  for (guint i = 0; areas[i] != NULL; i++)
    {
      if (!find_key (area_keys, RD_REMEDY_N_AREAS, areas[i], &index))
        return invalid (error, "area", areas[i]);
      figure->areas[index] = TRUE;
    }
  return TRUE;
}

static GPtrArray *
get_figures (void)
{
  static GPtrArray *figures;

  if (g_once_init_enter (&figures))
    {
      GPtrArray *loaded = g_ptr_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GKeyFile) kf = g_key_file_new ();
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) groups = NULL;

      bytes = g_resource_lookup_data (rd_core_get_resource (), FIGURES_PATH,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL && g_key_file_load_from_bytes (kf, bytes, G_KEY_FILE_NONE, &error))
        groups = g_key_file_get_groups (kf, NULL);
      if (groups == NULL)
        g_critical ("Cannot read %s: %s", FIGURES_PATH, error->message);
      for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
        {
          RdRemedyFigure *figure = g_new0 (RdRemedyFigure, 1);

          /* Shipped data, checked by the tests: a damaged figure is a bug,
           * and it is left out rather than shown half read. */
          if (!load_figure (kf, groups[i], figure, &error))
            {
              g_critical ("%s [%s]: %s", FIGURES_PATH, groups[i], error->message);
              g_clear_error (&error);
              continue;
            }
          g_ptr_array_add (loaded, figure);
        }
      g_once_init_leave (&figures, loaded);
    }
  return figures;
}

guint
rd_remedy_get_n_figures (void)
{
  return get_figures ()->len;
}

/**
 * rd_remedy_get_figure:
 *
 * Returns: (transfer none): the figure, in the order of the data file
 */
const RdRemedyFigure *
rd_remedy_get_figure (guint index)
{
  g_return_val_if_fail (index < get_figures ()->len, NULL);
  return g_ptr_array_index (get_figures (), index);
}

/**
 * rd_remedy_figure_for:
 * @today: the day the resident asks
 *
 * The newest figure offered for @area on @today: the guidance a resident
 * would read that day, whenever the failures happened.
 *
 * Returns: (transfer none) (nullable): the figure, or %NULL when the
 *   guidance gives none Redress could source
 */
const RdRemedyFigure *
rd_remedy_figure_for (RdRemedyArea  area,
                      const GDate  *today)
{
  const RdRemedyFigure *best = NULL;

  g_return_val_if_fail (area < RD_REMEDY_N_AREAS, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  for (guint i = 0; i < get_figures ()->len; i++)
    {
      const RdRemedyFigure *figure = g_ptr_array_index (get_figures (), i);

      if (!figure->areas[area] || g_date_compare (&figure->valid_from, today) > 0)
        continue;
      if (best == NULL || g_date_compare (&figure->valid_from, &best->valid_from) > 0)
        best = figure;
    }
  return best;
}

const char *
rd_remedy_figure_get_key (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return figure->key;
}

const char *
rd_remedy_figure_get_guidance (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return figure->guidance;
}

/* The revision the figure was read in, "YYYY-MM". */
const char *
rd_remedy_figure_get_revised (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return figure->revised;
}

const GDate *
rd_remedy_figure_get_valid_from (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return &figure->valid_from;
}

const char *
rd_remedy_figure_get_url (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return figure->url;
}

const char *
rd_remedy_figure_get_section (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return figure->section;
}

RdRemedyImpact
rd_remedy_figure_get_impact (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, RD_REMEDY_IMPACT_ADVERSE);
  return figure->impact;
}

guint
rd_remedy_figure_get_min (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, 0);
  return figure->min;
}

guint
rd_remedy_figure_get_max (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, 0);
  return figure->max;
}

gboolean
rd_remedy_figure_covers (const RdRemedyFigure *figure,
                         RdRemedyArea          area)
{
  g_return_val_if_fail (figure != NULL, FALSE);
  return area < RD_REMEDY_N_AREAS && figure->areas[area];
}

const char *
rd_remedy_figure_get_sources (const RdRemedyFigure *figure)
{
  g_return_val_if_fail (figure != NULL, NULL);
  return figure->sources;
}
