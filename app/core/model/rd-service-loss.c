/* rd-service-loss.c: days a home was without heating, hot water or power, as a diary entry records them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-service-loss.h"

/*
 * One short text, "heating;hot-water;from=2025-11-01;until=2025-11-09", in
 * the store, its revisions and archives alike, as the landlord's steps and
 * the ASB report days are: no column per service. A loss with no "until"
 * is still going on, and is counted up to today.
 */

static const char * const service_keys[RD_SERVICE_N_SERVICES] = {
  [RD_SERVICE_HEATING] = "heating",
  [RD_SERVICE_HOT_WATER] = "hot-water",
  [RD_SERVICE_POWER] = "power",
};

const char *
rd_service_to_key (RdService service)
{
  g_return_val_if_fail (service < RD_SERVICE_N_SERVICES, NULL);
  return service_keys[service];
}

gboolean
rd_service_from_key (const char *key,
                     RdService  *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; key != NULL && i < RD_SERVICE_N_SERVICES; i++)
    if (g_str_equal (key, service_keys[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_service_get_label (RdService service)
{
  switch (service)
    {
    case RD_SERVICE_HEATING: return _("Heating");
    case RD_SERVICE_HOT_WATER: return _("Hot water");
    case RD_SERVICE_POWER: return _("Power");
    case RD_SERVICE_N_SERVICES:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
rd_service_loss_init (RdServiceLoss *loss)
{
  g_return_if_fail (loss != NULL);

  memset (loss->lost, 0, sizeof loss->lost);
  g_date_clear (&loss->from, 1);
  g_date_clear (&loss->until, 1);
}

gboolean
rd_service_loss_is_empty (const RdServiceLoss *loss)
{
  g_return_val_if_fail (loss != NULL, TRUE);

  for (guint i = 0; i < RD_SERVICE_N_SERVICES; i++)
    if (loss->lost[i])
      return FALSE;
  return TRUE;
}

/**
 * rd_service_loss_is_valid:
 *
 * A loss names at least one service and the day it began, and ends (if it
 * has) no earlier than it began; nothing recorded is valid too.
 */
gboolean
rd_service_loss_is_valid (const RdServiceLoss  *loss,
                          GError              **error)
{
  g_return_val_if_fail (loss != NULL, FALSE);

  if (rd_service_loss_is_empty (loss))
    {
      if (g_date_valid (&loss->from) || g_date_valid (&loss->until))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Say which service was lost: heating, hot water or power."));
          return FALSE;
        }
      return TRUE;
    }
  if (!g_date_valid (&loss->from))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Say from which day the home was without it."));
      return FALSE;
    }
  if (g_date_valid (&loss->until) && g_date_compare (&loss->until, &loss->from) < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The day it came back is before the day it was lost."));
      return FALSE;
    }
  return TRUE;
}

static void
append_part (GString    *out,
             const char *part)
{
  if (out->len > 0)
    g_string_append_c (out, ';');
  g_string_append (out, part);
}

/**
 * rd_service_loss_to_key:
 *
 * Returns: (transfer full): the storage form, "" when nothing is recorded
 */
char *
rd_service_loss_to_key (const RdServiceLoss *loss)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (loss != NULL, NULL);

  if (rd_service_loss_is_empty (loss))
    return g_string_free (out, FALSE);
  for (guint i = 0; i < RD_SERVICE_N_SERVICES; i++)
    if (loss->lost[i])
      append_part (out, service_keys[i]);
  if (g_date_valid (&loss->from))
    {
      g_autofree char *iso = rd_date_to_iso (&loss->from);
      g_autofree char *part = g_strconcat ("from=", iso, NULL);

      append_part (out, part);
    }
  if (g_date_valid (&loss->until))
    {
      g_autofree char *iso = rd_date_to_iso (&loss->until);
      g_autofree char *part = g_strconcat ("until=", iso, NULL);

      append_part (out, part);
    }
  return g_string_free (out, FALSE);
}

static gboolean
read_part (const char    *part,
           RdServiceLoss *out)
{
  const char *eq = strchr (part, '=');
  g_autoptr(GDate) day = NULL;
  RdService service;

  if (rd_service_from_key (part, &service))
    return (out->lost[service] = TRUE);
  if (eq == NULL || (day = rd_date_parse_iso (eq + 1, NULL)) == NULL)
    return FALSE;
  if (strncmp (part, "from=", 5) == 0)
    out->from = *day;
  else if (strncmp (part, "until=", 6) == 0)
    out->until = *day;
  else
    return FALSE;
  return TRUE;
}

/**
 * rd_service_loss_from_key:
 * @out: (out): the loss; empty on an error
 *
 * Reads what rd_service_loss_to_key() writes; "" and %NULL are nothing
 * recorded. A loss that rd_service_loss_is_valid() refuses is an error.
 */
gboolean
rd_service_loss_from_key (const char     *text,
                          RdServiceLoss  *out,
                          GError        **error)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  rd_service_loss_init (out);
  if (text == NULL || *text == '\0')
    return TRUE;
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (!read_part (parts[i], out))
      {
        rd_service_loss_init (out);
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("“%s” is not a record of lost heating, hot water or power Redress knows."),
                     parts[i]);
        return FALSE;
      }
  if (!rd_service_loss_is_valid (out, error))
    {
      rd_service_loss_init (out);
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_service_loss_count_days:
 * @today: the end of a loss still going on
 *
 * Counts the days of the loss, both ends included (lost on Monday, back on
 * Wednesday: three days without it). A loss still going on counts up to
 * @today; one that begins after @today counts none.
 *
 * Returns: the number of days
 */
guint
rd_service_loss_count_days (const RdServiceLoss *loss,
                            const GDate         *today)
{
  const GDate *until;

  g_return_val_if_fail (loss != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  if (rd_service_loss_is_empty (loss) || !g_date_valid (&loss->from))
    return 0;
  /* A day it came back that is still to come is not a day without it yet */
  until = g_date_valid (&loss->until) && g_date_compare (&loss->until, today) < 0 ? &loss->until : today;
  if (g_date_compare (until, &loss->from) < 0)
    return 0;
  return g_date_get_julian (until) - g_date_get_julian (&loss->from) + 1;
}
