/* rd-model.c: field helpers the model objects (case, incident, contact, ...) share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-model"

#include "config.h"

#include <string.h>

#include "rd-model-private.h"

/* Replaces *@field with a copy of @value (NULL stands for ""); TRUE when it changed. */
gboolean
_rd_model_replace_string (char       **field,
                          const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* The one empty text of the fields set with _rd_model_replace_text(). */
const char _rd_model_no_text[] = "";

/*
 * As _rd_model_replace_string(), for a field of an object a case holds by
 * the hundred thousand (a diary entry): an empty value is the shared
 * _rd_model_no_text rather than an allocation of its own, which for a
 * diary's mostly empty fields is most of what an entry takes. Such a
 * field starts as _rd_model_no_text and is freed by _rd_model_clear_text().
 */
gboolean
_rd_model_replace_text (char       **field,
                        const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  _rd_model_clear_text (field);
  *field = *value == '\0' ? (char *) _rd_model_no_text : g_strdup (value);
  return TRUE;
}

void
_rd_model_clear_text (char **field)
{
  if (*field != _rd_model_no_text)
    g_free (*field);
  *field = NULL;
}

gboolean
_rd_model_datetime_equal (GDateTime *a,
                          GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

gboolean
_rd_model_replace_datetime (GDateTime **field,
                            GDateTime  *value)
{
  if (_rd_model_datetime_equal (*field, value))
    return FALSE;
  g_clear_pointer (field, g_date_time_unref);
  if (value != NULL)
    *field = g_date_time_ref (value);
  return TRUE;
}

gboolean
_rd_model_date_equal (const GDate *a,
                      const GDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_compare (a, b) == 0;
}

gboolean
_rd_model_replace_date (GDate       **field,
                        const GDate  *value)
{
  if (_rd_model_date_equal (*field, value))
    return FALSE;
  g_clear_pointer (field, g_date_free);
  if (value != NULL)
    *field = g_date_copy (value);
  return TRUE;
}

/* Notifies @pspec, then @also, skipping either when NULL. */
void
_rd_model_notify (GObject    *object,
                  GParamSpec *pspec,
                  GParamSpec *also)
{
  if (pspec != NULL)
    g_object_notify_by_pspec (object, pspec);
  if (also != NULL)
    g_object_notify_by_pspec (object, also);
}

/* The first line of @text that list rows show, trimmed; "" when nothing is written. */
char *
_rd_model_dup_first_line (const char *text)
{
  const char *end;
  char *line;

  while (g_ascii_isspace (*text))
    text++;
  end = strchr (text, '\n');
  line = end ? g_strndup (text, end - text) : g_strdup (text);
  return g_strstrip (line);
}

/* Whether @field contains @casefolded_needle, ignoring case; an empty field never does. */
gboolean
_rd_model_text_contains (const char *field,
                         const char *casefolded_needle)
{
  g_autofree char *folded = NULL;

  if (field == NULL || *field == '\0')
    return FALSE;
  folded = g_utf8_casefold (field, -1);
  return strstr (folded, casefolded_needle) != NULL;
}
