/* rd-awaab.c: the phases of Awaab's Law, which hazards each covers and from when.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-policy"

#include "config.h"

#include <gio/gio.h>

#include "rd-awaab.h"
#include "rd-core-resources.h"
#include "rd-datetime.h"
#include "rd-incident.h"

/*
 * Awaab's Law arrives in phases, each adding kinds of hazard. The phases
 * are data (awaabs-law-phases.txt, with their sources), not code, so that
 * a phase whose regulations are made later is one edited line. A phase
 * with no confirmed start day is "announced": it covers its hazards in
 * name only, and the engine finds no fault under it.
 */

struct _RdAwaabPhase {
  char     *key;
  char     *name;
  GDate     in_force;     /* invalid when announced but not confirmed */
  char     *announced;    /* "2026", or NULL */
  char     *sources;
  gboolean  covers[RD_HAZARD_N_LEVELS];
};

#define PHASES_PATH "/app/redress/Redress/core/awaabs-law-phases.txt"

static gboolean
load_phase (GKeyFile      *kf,
            const char    *group,
            RdAwaabPhase  *phase,
            GError       **error)
{
  g_autofree char *status = g_key_file_get_string (kf, group, "Status", error);
  g_auto(GStrv) hazards = NULL;

  if (status == NULL)
    return FALSE;
  phase->key = g_strdup (group);
  phase->name = g_key_file_get_string (kf, group, "Name", error);
  phase->sources = g_key_file_get_string (kf, group, "Sources", error);
  hazards = g_key_file_get_string_list (kf, group, "Hazards", NULL, error);
  if (phase->name == NULL || phase->sources == NULL || hazards == NULL)
    return FALSE;
  g_date_clear (&phase->in_force, 1);
  if (g_str_equal (status, "in-force"))
    {
      g_autofree char *day_text = g_key_file_get_string (kf, group, "InForce", error);
      g_autoptr(GDate) day = day_text ? rd_date_parse_iso (day_text, error) : NULL;

      if (day == NULL)
        return FALSE;
      phase->in_force = *day;
    }
  else if (g_str_equal (status, "announced"))
    phase->announced = g_key_file_get_string (kf, group, "Announced", NULL);
  else
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "unknown Status “%s”", status);
      return FALSE;
    }
  for (guint i = 0; hazards[i] != NULL; i++)
    {
      RdHazardLevel level;

      if (!rd_hazard_level_from_key (hazards[i], &level) || level == RD_HAZARD_N_LEVELS)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "unknown hazard “%s”", hazards[i]);
          return FALSE;
        }
      phase->covers[level] = TRUE;
    }
  return TRUE;
}

static GPtrArray *
get_phases (void)
{
  static GPtrArray *phases;

  if (g_once_init_enter (&phases))
    {
      GPtrArray *loaded = g_ptr_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GKeyFile) kf = g_key_file_new ();
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) groups = NULL;

      bytes = g_resource_lookup_data (rd_core_get_resource (), PHASES_PATH,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL && g_key_file_load_from_bytes (kf, bytes, G_KEY_FILE_NONE, &error))
        groups = g_key_file_get_groups (kf, NULL);
      if (groups == NULL)
        g_critical ("Cannot read %s: %s", PHASES_PATH, error->message);
      for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
        {
          RdAwaabPhase *phase = g_new0 (RdAwaabPhase, 1);

          /* Shipped data, checked by the tests: a damaged phase is a bug. */
          if (!load_phase (kf, groups[i], phase, &error))
            {
              g_critical ("%s [%s]: %s", PHASES_PATH, groups[i], error->message);
              g_clear_error (&error);
            }
          g_ptr_array_add (loaded, phase);
        }
      g_once_init_leave (&phases, loaded);
    }
  return phases;
}

guint
rd_awaab_get_n_phases (void)
{
  return get_phases ()->len;
}

/**
 * rd_awaab_get_phase:
 *
 * Returns: (transfer none): the phase, in the order of the data file
 */
const RdAwaabPhase *
rd_awaab_get_phase (guint index)
{
  g_return_val_if_fail (index < get_phases ()->len, NULL);
  return g_ptr_array_index (get_phases (), index);
}

/**
 * rd_awaab_phase_for_hazard:
 *
 * Returns: (transfer none) (nullable): the phase that brings @hazard under
 *   Awaab's Law, or %NULL for "none"
 */
const RdAwaabPhase *
rd_awaab_phase_for_hazard (RdHazardLevel hazard)
{
  if (hazard >= RD_HAZARD_N_LEVELS)
    return NULL;
  for (guint i = 0; i < get_phases ()->len; i++)
    {
      const RdAwaabPhase *phase = g_ptr_array_index (get_phases (), i);

      if (phase->covers[hazard])
        return phase;
    }
  return NULL;
}

const char *
rd_awaab_phase_get_key (const RdAwaabPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return phase->key;
}

const char *
rd_awaab_phase_get_name (const RdAwaabPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return phase->name;
}

/**
 * rd_awaab_phase_get_in_force:
 *
 * Returns: (nullable): the day the phase came into force, or %NULL when
 *   it is announced but its start could not be confirmed
 */
const GDate *
rd_awaab_phase_get_in_force (const RdAwaabPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return g_date_valid (&phase->in_force) ? &phase->in_force : NULL;
}

/**
 * rd_awaab_phase_get_announced:
 *
 * Returns: (nullable): when the government said an announced phase would
 *   come ("2026"), or %NULL
 */
const char *
rd_awaab_phase_get_announced (const RdAwaabPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return phase->announced;
}

const char *
rd_awaab_phase_get_sources (const RdAwaabPhase *phase)
{
  g_return_val_if_fail (phase != NULL, NULL);
  return phase->sources;
}

gboolean
rd_awaab_phase_covers (const RdAwaabPhase *phase,
                       RdHazardLevel       hazard)
{
  g_return_val_if_fail (phase != NULL, FALSE);
  return hazard < RD_HAZARD_N_LEVELS && phase->covers[hazard];
}

/**
 * rd_awaab_phase_in_force_on:
 *
 * Whether the phase binds landlords on @day: never for an announced phase.
 */
gboolean
rd_awaab_phase_in_force_on (const RdAwaabPhase *phase,
                            const GDate        *day)
{
  g_return_val_if_fail (phase != NULL && day != NULL, FALSE);
  return g_date_valid (&phase->in_force) && g_date_compare (day, &phase->in_force) >= 0;
}
