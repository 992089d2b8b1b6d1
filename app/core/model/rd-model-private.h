/* rd-model-private.h: field helpers and accessor templates the model objects share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_MODEL_COMPILATION)
#error "rd-model-private.h belongs to app/core/model/: include the folder's public headers instead."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

gboolean  _rd_model_replace_string   (char        **field,
                                      const char   *value);
extern const char _rd_model_no_text[];
gboolean  _rd_model_replace_text     (char        **field,
                                      const char   *value);
void      _rd_model_clear_text       (char        **field);
gboolean  _rd_model_datetime_equal   (GDateTime    *a,
                                      GDateTime    *b);
gboolean  _rd_model_replace_datetime (GDateTime   **field,
                                      GDateTime    *value);
gboolean  _rd_model_date_equal       (const GDate  *a,
                                      const GDate  *b);
gboolean  _rd_model_replace_date     (GDate       **field,
                                      const GDate  *value);
void      _rd_model_notify           (GObject      *object,
                                      GParamSpec   *pspec,
                                      GParamSpec   *also);
char     *_rd_model_dup_first_line   (const char   *text);
gboolean  _rd_model_text_contains    (const char   *field,
                                      const char   *casefolded_needle);

/* The templates below expect the file's `static GParamSpec *properties[]`,
 * whose slot 0 (PROP_0) stays NULL: pass PROP_0 as @PROP or @ALSO for "none".
 * @ALSO is a derived property (a headline, a title) that changes with the field.
 */

/* rd_thing_get_<field> / rd_thing_set_<field> for a string held as "" when
 * unset, stored through @REPLACE (one of the _rd_model_replace_*() above). */
#define RD_MODEL_CHARS_ACCESSORS(Type, prefix, IS_TYPE, field, PROP, ALSO, REPLACE) \
  const char *                                                                 \
  prefix##_get_##field (Type *self)                                            \
  {                                                                            \
    g_return_val_if_fail (IS_TYPE (self), NULL);                               \
    return self->field;                                                        \
  }                                                                            \
  void                                                                         \
  prefix##_set_##field (Type       *self,                                      \
                        const char *value)                                     \
  {                                                                            \
    g_return_if_fail (IS_TYPE (self));                                         \
    if (REPLACE (&self->field, value))                                         \
      _rd_model_notify (G_OBJECT (self), properties[PROP], properties[ALSO]);  \
  }

/* A field set with _rd_model_replace_string(). */
#define RD_MODEL_STRING_ACCESSORS(Type, prefix, IS_TYPE, field, PROP, ALSO)      \
  RD_MODEL_CHARS_ACCESSORS (Type, prefix, IS_TYPE, field, PROP, ALSO,          \
                            _rd_model_replace_string)

/* A field set with _rd_model_replace_text(). */
#define RD_MODEL_TEXT_ACCESSORS(Type, prefix, IS_TYPE, field, PROP, ALSO)        \
  RD_MODEL_CHARS_ACCESSORS (Type, prefix, IS_TYPE, field, PROP, ALSO,          \
                            _rd_model_replace_text)

/* The same for a number, a flag or an enumeration compared with ==. */
#define RD_MODEL_SCALAR_ACCESSORS(Type, prefix, IS_TYPE, type, field, PROP, ALSO) \
  type                                                                         \
  prefix##_get_##field (Type *self)                                            \
  {                                                                            \
    g_return_val_if_fail (IS_TYPE (self), 0);                                  \
    return self->field;                                                        \
  }                                                                            \
  void                                                                         \
  prefix##_set_##field (Type *self,                                            \
                        type  value)                                           \
  {                                                                            \
    g_return_if_fail (IS_TYPE (self));                                         \
    if (self->field != value)                                                  \
      {                                                                        \
        self->field = value;                                                   \
        _rd_model_notify (G_OBJECT (self), properties[PROP], properties[ALSO]); \
      }                                                                        \
  }

/* The same for a moment that may be unset (NULL); the object holds a reference. */
#define RD_MODEL_DATETIME_ACCESSORS(Type, prefix, IS_TYPE, field, PROP)          \
  GDateTime *                                                                  \
  prefix##_get_##field (Type *self)                                            \
  {                                                                            \
    g_return_val_if_fail (IS_TYPE (self), NULL);                               \
    return self->field;                                                        \
  }                                                                            \
  void                                                                         \
  prefix##_set_##field (Type      *self,                                       \
                        GDateTime *value)                                      \
  {                                                                            \
    g_return_if_fail (IS_TYPE (self));                                         \
    if (_rd_model_replace_datetime (&self->field, value))                      \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
  }

/* The same for a day that may be unset (NULL); the object holds a copy. */
#define RD_MODEL_DATE_ACCESSORS(Type, prefix, IS_TYPE, field, PROP)              \
  const GDate *                                                                \
  prefix##_get_##field (Type *self)                                            \
  {                                                                            \
    g_return_val_if_fail (IS_TYPE (self), NULL);                               \
    return self->field;                                                        \
  }                                                                            \
  void                                                                         \
  prefix##_set_##field (Type        *self,                                     \
                        const GDate *value)                                    \
  {                                                                            \
    g_return_if_fail (IS_TYPE (self));                                         \
    g_return_if_fail (value == NULL || g_date_valid (value));                  \
    if (_rd_model_replace_date (&self->field, value))                          \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
  }

G_END_DECLS
