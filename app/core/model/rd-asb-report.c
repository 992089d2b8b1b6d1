/* rd-asb-report.c: when an entry was reported to the police and the council, and whether it was a hate incident.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include "rd-gettext.h"

#include "rd-asb-report.h"
#include "rd-datetime.h"

/*
 * One short text, "police=2025-03-02;council=2025-03-04;hate", in the
 * store, its revisions and archives alike, as the landlord's steps are:
 * a fact added later (a new key) needs no new column anywhere.
 */

void
rd_asb_report_init (RdAsbReport *report)
{
  g_return_if_fail (report != NULL);

  g_date_clear (&report->police, 1);
  g_date_clear (&report->council, 1);
  report->hate = FALSE;
}

gboolean
rd_asb_report_is_empty (const RdAsbReport *report)
{
  g_return_val_if_fail (report != NULL, TRUE);

  return !g_date_valid (&report->police) && !g_date_valid (&report->council) && !report->hate;
}

static void
append_date (GString     *out,
             const char  *key,
             const GDate *date)
{
  g_autofree char *iso = NULL;

  if (!g_date_valid (date))
    return;
  iso = rd_date_to_iso (date);
  if (out->len > 0)
    g_string_append_c (out, ';');
  g_string_append_printf (out, "%s=%s", key, iso);
}

/**
 * rd_asb_report_to_key:
 *
 * Returns: (transfer full): the storage form, "" when nothing is recorded
 */
char *
rd_asb_report_to_key (const RdAsbReport *report)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);

  append_date (out, "police", &report->police);
  append_date (out, "council", &report->council);
  if (report->hate)
    g_string_append (out, out->len > 0 ? ";hate" : "hate");
  return g_string_free (out, FALSE);
}

static gboolean
read_part (const char  *part,
           RdAsbReport *out)
{
  const char *eq = strchr (part, '=');
  g_autofree char *key = NULL;
  g_autoptr(GDate) day = NULL;

  if (g_str_equal (part, "hate"))
    return (out->hate = TRUE);
  if (eq == NULL)
    return FALSE;
  key = g_strndup (part, eq - part);
  day = rd_date_parse_iso (eq + 1, NULL);
  if (day == NULL)
    return FALSE;
  if (g_str_equal (key, "police"))
    out->police = *day;
  else if (g_str_equal (key, "council"))
    out->council = *day;
  else
    return FALSE;
  return TRUE;
}

/**
 * rd_asb_report_from_key:
 * @out: (out): the report; empty on an error
 *
 * Reads what rd_asb_report_to_key() writes; "" and %NULL are nothing recorded.
 */
gboolean
rd_asb_report_from_key (const char   *text,
                        RdAsbReport  *out,
                        GError      **error)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  rd_asb_report_init (out);
  if (text == NULL || *text == '\0')
    return TRUE;
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (!read_part (parts[i], out))
      {
        rd_asb_report_init (out);
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("“%s” is not a report of anti-social behaviour Redress knows."), parts[i]);
        return FALSE;
      }
  return TRUE;
}
