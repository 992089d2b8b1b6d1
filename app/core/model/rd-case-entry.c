/* rd-case-entry.c: a row of the adviser's case list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-entry"

#include "config.h"

#include "rd-gettext.h"
#include <string.h>

#include "rd-case-entry.h"

struct _RdCaseEntry
{
  GObject      parent_instance;

  RdCase      *rcase;
  RdCaseAdmin *admin;
  char        *display_name;
  char        *detail;
  char        *haystack;  /* case-folded text the search looks in */
  GDate       *next_due;
  GDate       *overdue_since;
};

G_DEFINE_FINAL_TYPE (RdCaseEntry, rd_case_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_DETAIL,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rd_case_entry_finalize (GObject *object)
{
  RdCaseEntry *self = RD_CASE_ENTRY (object);

  g_clear_object (&self->rcase);
  g_clear_object (&self->admin);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->haystack, g_free);
  g_clear_pointer (&self->next_due, g_date_free);
  g_clear_pointer (&self->overdue_since, g_date_free);

  G_OBJECT_CLASS (rd_case_entry_parent_class)->finalize (object);
}

static void
rd_case_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RdCaseEntry *self = RD_CASE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, rd_case_entry_get_archived (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_case_entry_class_init (RdCaseEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_case_entry_finalize;
  object_class->get_property = rd_case_entry_get_property;

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_case_entry_init (RdCaseEntry *self)
{
}

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

/**
 * rd_case_entry_new:
 * @references: (nullable): the case's complaint and diary references,
 *   separated by newlines, for the search
 */
RdCaseEntry *
rd_case_entry_new (RdCase      *rcase,
                   RdCaseAdmin *admin,
                   const char  *references)
{
  RdCaseEntry *self;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GString) haystack = g_string_new (NULL);
  gboolean named;

  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);
  g_return_val_if_fail (RD_IS_CASE_ADMIN (admin), NULL);

  self = g_object_new (RD_TYPE_CASE_ENTRY, NULL);
  self->rcase = g_object_ref (rcase);
  self->admin = g_object_ref (admin);
  self->display_name = rd_case_admin_dup_display_name (admin, rcase);
  named = !rd_case_admin_get_use_client_number (admin);

  /* A client who prefers not to be named is not named in the list, nor
   * found by their name: only by the number, landlord or a reference. */
  if (named)
    append_part (detail, rd_case_get_address (rcase));
  append_part (detail, rd_case_get_landlord_name (rcase));
  if (rd_case_admin_get_archived (admin))
    append_part (detail, _("Archived"));
  self->detail = g_string_free (g_steal_pointer (&detail), FALSE);

  g_string_append_printf (haystack, "%s\n%s\n%s\n",
                          self->display_name, rd_case_admin_get_client_number (admin),
                          rd_case_get_landlord_name (rcase));
  if (named)
    g_string_append_printf (haystack, "%s\n%s\n%s\n", rd_case_get_title (rcase),
                            rd_case_get_resident_name (rcase), rd_case_get_address (rcase));
  if (references != NULL)
    g_string_append (haystack, references);
  self->haystack = g_utf8_casefold (haystack->str, -1);
  return self;
}

RdCase *
rd_case_entry_get_case (RdCaseEntry *self)
{
  g_return_val_if_fail (RD_IS_CASE_ENTRY (self), NULL);
  return self->rcase;
}

RdCaseAdmin *
rd_case_entry_get_admin (RdCaseEntry *self)
{
  g_return_val_if_fail (RD_IS_CASE_ENTRY (self), NULL);
  return self->admin;
}

const char *
rd_case_entry_get_display_name (RdCaseEntry *self)
{
  g_return_val_if_fail (RD_IS_CASE_ENTRY (self), NULL);
  return self->display_name;
}

const char *
rd_case_entry_get_detail (RdCaseEntry *self)
{
  g_return_val_if_fail (RD_IS_CASE_ENTRY (self), NULL);
  return self->detail;
}

gboolean
rd_case_entry_get_archived (RdCaseEntry *self)
{
  g_return_val_if_fail (RD_IS_CASE_ENTRY (self), FALSE);
  return rd_case_admin_get_archived (self->admin);
}

/**
 * rd_case_entry_matches:
 *
 * Returns: %TRUE when every word of @query appears (ignoring case) in the
 *   client's name or number, the title, address, landlord, or a complaint
 *   or diary reference
 */
gboolean
rd_case_entry_matches (RdCaseEntry *self,
                       const char  *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (RD_IS_CASE_ENTRY (self), FALSE);

  if (query == NULL)
    return TRUE;
  folded = g_utf8_casefold (query, -1);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (self->haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * rd_case_entry_get_next_due:
 *
 * Returns: (nullable): the next date something is due in the case: an open
 *   deadline, or the renewal of the client's consent
 */
const GDate *
rd_case_entry_get_next_due (RdCaseEntry *self)
{
  g_return_val_if_fail (RD_IS_CASE_ENTRY (self), NULL);
  return self->next_due;
}

void
rd_case_entry_set_next_due (RdCaseEntry *self,
                            const GDate *date)
{
  g_return_if_fail (RD_IS_CASE_ENTRY (self));

  g_clear_pointer (&self->next_due, g_date_free);
  if (date != NULL && g_date_valid (date))
    self->next_due = g_date_copy (date);
}

/**
 * rd_case_entry_get_overdue_since:
 *
 * Returns: (nullable): the due date of the oldest deadline the landlord
 *   has missed and still not met, or %NULL when there is none
 */
const GDate *
rd_case_entry_get_overdue_since (RdCaseEntry *self)
{
  g_return_val_if_fail (RD_IS_CASE_ENTRY (self), NULL);
  return self->overdue_since;
}

void
rd_case_entry_set_overdue_since (RdCaseEntry *self,
                                 const GDate *date)
{
  g_return_if_fail (RD_IS_CASE_ENTRY (self));

  g_clear_pointer (&self->overdue_since, g_date_free);
  if (date != NULL && g_date_valid (date))
    self->overdue_since = g_date_copy (date);
}

/**
 * rd_case_entry_compare_due:
 *
 * Orders the case list: cases with a deadline the landlord has missed and
 * not met first (the longest overdue first), then the soonest date due,
 * then cases with no date, most recently changed first.
 */
int
rd_case_entry_compare_due (RdCaseEntry *a,
                           RdCaseEntry *b)
{
  const GDate *da = a->overdue_since ? a->overdue_since : a->next_due;
  const GDate *db = b->overdue_since ? b->overdue_since : b->next_due;
  gint64 ua, ub;

  if ((a->overdue_since != NULL) != (b->overdue_since != NULL))
    return a->overdue_since != NULL ? -1 : 1;
  if (da != NULL && db != NULL)
    {
      int c = g_date_compare (da, db);
      if (c != 0)
        return c;
    }
  else if (da != NULL || db != NULL)
    return da != NULL ? -1 : 1;

  ua = rd_case_get_updated_at (a->rcase);
  ub = rd_case_get_updated_at (b->rcase);
  if (ua != ub)
    return ua > ub ? -1 : 1;
  return rd_case_get_id (a->rcase) > rd_case_get_id (b->rcase) ? -1 : 1;
}
