/* rd-case-json-fields.c: reading a record's plain members from a table of its fields.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most members of a record's object in case JSON are one property of the
 * record, written as it is: text, a key naming one value of an enum, a
 * day, a moment, true or false. Each record type lists them in tables
 * (beside its parser), in the order they are checked, which is the order
 * of the messages a file with several faults gets; _rd_json_read_fields()
 * reads a table. What needs more (ids and references, lists, a time of
 * day that needs its day, the landlord's steps) stays in the parsers.
 */
#define G_LOG_DOMAIN "rd-case-json"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-json-private.h"

/* "a, b, c": the keys of the enum's values from @field's first_value up. */
static char *
list_keys (const RdJsonField *field)
{
  GString *out = g_string_new (NULL);

  for (int v = field->first_value; v < field->n_values; v++)
    g_string_append_printf (out, "%s%s", v > field->first_value ? ", " : "", field->to_key (v));
  return g_string_free (out, FALSE);
}

/* An empty key is the field's unset value unless the field is required;
 * then, as any other text that is not a key, it is refused with the keys
 * that would do. */
static gboolean
read_key (RdJsonCtx         *ctx,
          JsonObject        *object,
          const char        *path,
          const RdJsonField *field,
          GValue            *value)
{
  const char *text;
  int key_value = field->unset_value;

  if (!_rd_json_read_string (ctx, object, path, field->member, field->required, &text))
    return FALSE;
  if ((field->required || *text != '\0') && !field->from_key (text, &key_value))
    {
      g_autofree char *member_path = _rd_json_join_path (path, field->member);
      g_autofree char *keys = field->choices ? g_strdup (field->choices) : list_keys (field);

      return _rd_json_fail (ctx, _rd_json_member_line (ctx, object, field->member), member_path,
                            _("“%s” is not one of: %s."), text, keys);
    }
  g_value_set_enum (value, key_value);
  return TRUE;
}

static gboolean
read_field (RdJsonCtx         *ctx,
            JsonObject        *object,
            const char        *path,
            const RdJsonField *field,
            GValue            *value)
{
  switch (field->kind)
    {
    case RD_JSON_FIELD_STRING:
      {
        const char *text;

        if (!_rd_json_read_string (ctx, object, path, field->member, field->required, &text))
          return FALSE;
        g_value_set_string (value, text);
        return TRUE;
      }
    case RD_JSON_FIELD_KEY:
      return read_key (ctx, object, path, field, value);
    case RD_JSON_FIELD_DATE:
      {
        GDate *date;

        if (!_rd_json_read_date (ctx, object, path, field->member, field->required, &date))
          return FALSE;
        g_value_take_boxed (value, date);
        return TRUE;
      }
    case RD_JSON_FIELD_DATETIME:
      {
        GDateTime *moment;

        if (!_rd_json_read_datetime (ctx, object, path, field->member, field->required, &moment))
          return FALSE;
        g_value_take_boxed (value, moment);
        return TRUE;
      }
    case RD_JSON_FIELD_BOOLEAN:
      {
        /* Missing keeps what the record has: a default the parser set. */
        gboolean flag = g_value_get_boolean (value);

        if (!_rd_json_read_bool (ctx, object, path, field->member, &flag))
          return FALSE;
        g_value_set_boolean (value, flag);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/**
 * _rd_json_read_fields:
 * @record: the record the members are properties of
 * @fields: (array length=n_fields): its fields, in the order they are checked
 *
 * Reads each field's member of @object into its property of @record,
 * stopping at the first that is wrong (ctx's error then says which, as
 * the _rd_json_read_*() functions do).
 *
 * Returns: %FALSE when a member is wrong
 */
gboolean
_rd_json_read_fields (RdJsonCtx         *ctx,
                      JsonObject        *object,
                      const char        *path,
                      gpointer           record,
                      const RdJsonField *fields,
                      gsize              n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (record, fields[i].property, &value);
      if (!read_field (ctx, object, path, &fields[i], &value))
        return FALSE;
      g_object_set_property (record, fields[i].property, &value);
    }
  return TRUE;
}
