/* rd-landlord-steps.c: what the landlord did about a reported repair or hazard, and when.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-landlord-steps.h"

/*
 * The steps travel as one short text, "investigated=2025-11-03T10:15;
 * repaired=2025-12-01", in the store, its revisions and archives alike:
 * they are one record of one report, and a step added later (a new key)
 * then needs no new column anywhere. A day without a time means the time
 * of day is not known, as for the day an entry was reported.
 */

static const struct {
  const char *key;
  const char *label;
} steps_info[RD_STEP_N_STEPS] = {
  /* Translators: the landlord's steps after a repair or hazard was reported */
  { "investigated", N_("Inspected or investigated") },
  { "summary", N_("Written summary of findings given") },
  { "made-safe", N_("Made safe") },
  { "works-started", N_("Works started") },
  { "repaired", N_("Repair completed") },
  { "alternative-accommodation", N_("Alternative accommodation offered") },
};

void
rd_landlord_steps_init (RdLandlordSteps *steps)
{
  g_return_if_fail (steps != NULL);

  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      g_date_clear (&steps->at[i].date, 1);
      steps->at[i].minute = -1;
    }
}

gboolean
rd_landlord_steps_is_empty (const RdLandlordSteps *steps)
{
  g_return_val_if_fail (steps != NULL, TRUE);

  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    if (rd_moment_is_set (&steps->at[i]))
      return FALSE;
  return TRUE;
}

gboolean
rd_landlord_steps_equal (const RdLandlordSteps *a,
                         const RdLandlordSteps *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      gboolean set_a = rd_moment_is_set (&a->at[i]);

      if (set_a != rd_moment_is_set (&b->at[i]))
        return FALSE;
      if (set_a && rd_moment_compare (&a->at[i], &b->at[i]) != 0)
        return FALSE;
      if (set_a && a->at[i].minute != b->at[i].minute)
        return FALSE;
    }
  return TRUE;
}

/**
 * rd_moment_to_key:
 *
 * Returns: (transfer full): "2025-11-03", or "2025-11-03T10:15" when the
 *   time of day is known; "" for an unset moment
 */
char *
rd_moment_to_key (const RdMoment *moment)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (moment != NULL, NULL);

  if (!rd_moment_is_set (moment))
    return g_strdup ("");
  day = rd_date_to_iso (&moment->date);
  if (moment->minute < 0)
    return g_steal_pointer (&day);
  return g_strdup_printf ("%sT%02d:%02d", day, moment->minute / 60, moment->minute % 60);
}

/**
 * rd_moment_from_key:
 *
 * Reads what rd_moment_to_key() writes.
 *
 * Returns: whether @text was a real day, with a real time if it has one
 */
gboolean
rd_moment_from_key (const char *text,
                    RdMoment   *out)
{
  g_autofree char *day_text = NULL;
  g_autoptr(GDate) day = NULL;
  const char *t;
  int minute = -1;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  t = strchr (text, 'T');
  day_text = t != NULL ? g_strndup (text, t - text) : g_strdup (text);
  day = rd_date_parse_iso (day_text, NULL);
  if (day == NULL)
    return FALSE;
  if (t != NULL)
    {
      t++;
      if (strlen (t) != 5 || !g_ascii_isdigit (t[0]) || !g_ascii_isdigit (t[1]) || t[2] != ':' ||
          !g_ascii_isdigit (t[3]) || !g_ascii_isdigit (t[4]))
        return FALSE;
      minute = ((t[0] - '0') * 10 + (t[1] - '0')) * 60 + (t[3] - '0') * 10 + (t[4] - '0');
      if ((t[0] - '0') * 10 + (t[1] - '0') > 23 || (t[3] - '0') * 10 + (t[4] - '0') > 59)
        return FALSE;
    }
  rd_moment_set_date (out, day);
  out->minute = minute;
  return TRUE;
}

/**
 * rd_landlord_steps_to_key:
 *
 * Returns: (transfer full): the storage form, "" when no step is recorded
 */
char *
rd_landlord_steps_to_key (const RdLandlordSteps *steps)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (steps != NULL, NULL);

  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      g_autofree char *when = NULL;

      if (!rd_moment_is_set (&steps->at[i]))
        continue;
      when = rd_moment_to_key (&steps->at[i]);
      if (out->len > 0)
        g_string_append_c (out, ';');
      g_string_append_printf (out, "%s=%s", steps_info[i].key, when);
    }
  return g_string_free (out, FALSE);
}

/**
 * rd_landlord_steps_from_key:
 * @out: (out): the steps; all unset on an error
 *
 * Reads what rd_landlord_steps_to_key() writes; "" and %NULL are no steps.
 */
gboolean
rd_landlord_steps_from_key (const char       *text,
                            RdLandlordSteps  *out,
                            GError          **error)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  rd_landlord_steps_init (out);
  if (text == NULL || *text == '\0')
    return TRUE;
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_autofree char *key = eq != NULL ? g_strndup (parts[i], eq - parts[i]) : NULL;
      RdLandlordStep step;

      if (key == NULL || !rd_landlord_step_from_key (key, &step) ||
          !rd_moment_from_key (eq + 1, &out->at[step]))
        {
          rd_landlord_steps_init (out);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a dated step of a repair Redress knows."), parts[i]);
          return FALSE;
        }
    }
  return TRUE;
}

const char *
rd_landlord_step_to_key (RdLandlordStep step)
{
  g_return_val_if_fail (step < RD_STEP_N_STEPS, NULL);
  return steps_info[step].key;
}

gboolean
rd_landlord_step_from_key (const char     *key,
                           RdLandlordStep *out)
{
  g_return_val_if_fail (key != NULL && out != NULL, FALSE);

  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    if (g_str_equal (key, steps_info[i].key))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_landlord_step_get_label (RdLandlordStep step)
{
  g_return_val_if_fail (step < RD_STEP_N_STEPS, NULL);
  return _(steps_info[step].label);
}
