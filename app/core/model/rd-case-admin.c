/* rd-case-admin.c: an adviser's record of a client.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-admin"

#include "config.h"

#include <inttypes.h>
#include "rd-gettext.h"

#include "rd-case-admin.h"
#include "rd-datetime.h"

struct _RdCaseAdmin
{
  GObject   parent_instance;

  gint64    case_id;
  char     *client_number;
  gboolean  use_client_number;
  gint64    archived_at;
  GDate    *consent_given;
  GDate    *consent_renew;
  GDate    *authority_date;
  char     *authority_scope;
};

G_DEFINE_FINAL_TYPE (RdCaseAdmin, rd_case_admin, G_TYPE_OBJECT)

static void
rd_case_admin_finalize (GObject *object)
{
  RdCaseAdmin *self = RD_CASE_ADMIN (object);

  g_clear_pointer (&self->client_number, g_free);
  g_clear_pointer (&self->consent_given, g_date_free);
  g_clear_pointer (&self->consent_renew, g_date_free);
  g_clear_pointer (&self->authority_date, g_date_free);
  g_clear_pointer (&self->authority_scope, g_free);

  G_OBJECT_CLASS (rd_case_admin_parent_class)->finalize (object);
}

static void
rd_case_admin_class_init (RdCaseAdminClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_case_admin_finalize;
}

static void
rd_case_admin_init (RdCaseAdmin *self)
{
  self->client_number = g_strdup ("");
  self->authority_scope = g_strdup ("");
}

RdCaseAdmin *
rd_case_admin_new (gint64 case_id)
{
  RdCaseAdmin *self = g_object_new (RD_TYPE_CASE_ADMIN, NULL);

  self->case_id = case_id;
  return self;
}

RdCaseAdmin *
rd_case_admin_copy (RdCaseAdmin *self)
{
  RdCaseAdmin *copy;

  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);

  copy = rd_case_admin_new (self->case_id);
  rd_case_admin_set_client_number (copy, self->client_number);
  copy->use_client_number = self->use_client_number;
  copy->archived_at = self->archived_at;
  rd_case_admin_set_consent_given (copy, self->consent_given);
  rd_case_admin_set_consent_renew (copy, self->consent_renew);
  rd_case_admin_set_authority_date (copy, self->authority_date);
  rd_case_admin_set_authority_scope (copy, self->authority_scope);
  return copy;
}

static void
set_date (GDate       **field,
          const GDate  *date)
{
  g_clear_pointer (field, g_date_free);
  if (date != NULL && g_date_valid (date))
    *field = g_date_copy (date);
}

static void
set_text (char       **field,
          const char  *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  g_free (*field);
  *field = copy;
}

gint64
rd_case_admin_get_case_id (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), 0);
  return self->case_id;
}

void
rd_case_admin_set_case_id (RdCaseAdmin *self,
                           gint64       case_id)
{
  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  self->case_id = case_id;
}

const char *
rd_case_admin_get_client_number (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);
  return self->client_number;
}

void
rd_case_admin_set_client_number (RdCaseAdmin *self,
                                 const char  *number)
{
  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  set_text (&self->client_number, number);
}

gboolean
rd_case_admin_get_use_client_number (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), FALSE);
  return self->use_client_number;
}

void
rd_case_admin_set_use_client_number (RdCaseAdmin *self,
                                     gboolean     use)
{
  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  self->use_client_number = !!use;
}

gint64
rd_case_admin_get_archived_at (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), 0);
  return self->archived_at;
}

void
rd_case_admin_set_archived_at (RdCaseAdmin *self,
                               gint64       unix_time)
{
  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  self->archived_at = MAX (unix_time, 0);
}

gboolean
rd_case_admin_get_archived (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), FALSE);
  return self->archived_at > 0;
}

const GDate *
rd_case_admin_get_consent_given (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);
  return self->consent_given;
}

void
rd_case_admin_set_consent_given (RdCaseAdmin *self,
                                 const GDate *date)
{
  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  set_date (&self->consent_given, date);
}

const GDate *
rd_case_admin_get_consent_renew (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);
  return self->consent_renew;
}

void
rd_case_admin_set_consent_renew (RdCaseAdmin *self,
                                 const GDate *date)
{
  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  set_date (&self->consent_renew, date);
}

/**
 * rd_case_admin_give_consent:
 *
 * Records consent given on @date, to be asked for again
 * %RD_CONSENT_RENEW_MONTHS months later (the last day of a shorter month
 * when the day does not exist: 31 August renews on 28 or 29 February).
 */
void
rd_case_admin_give_consent (RdCaseAdmin *self,
                            const GDate *date)
{
  GDate renew;

  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  set_date (&self->consent_given, date);
  renew = *date;
  g_date_add_months (&renew, RD_CONSENT_RENEW_MONTHS);
  set_date (&self->consent_renew, &renew);
}

const GDate *
rd_case_admin_get_authority_date (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);
  return self->authority_date;
}

void
rd_case_admin_set_authority_date (RdCaseAdmin *self,
                                  const GDate *date)
{
  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  set_date (&self->authority_date, date);
}

const char *
rd_case_admin_get_authority_scope (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);
  return self->authority_scope;
}

void
rd_case_admin_set_authority_scope (RdCaseAdmin *self,
                                   const char  *scope)
{
  g_return_if_fail (RD_IS_CASE_ADMIN (self));
  set_text (&self->authority_scope, scope);
}

/**
 * rd_case_admin_is_client_case:
 *
 * Returns: %TRUE when an adviser keeps a client record for the case: a
 *   client number, a consent date or an authority to act. A resident's own
 *   case has none of these.
 */
gboolean
rd_case_admin_is_client_case (RdCaseAdmin *self)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), FALSE);

  return (self->client_number != NULL && *self->client_number != '\0') ||
         self->consent_given != NULL || self->consent_renew != NULL ||
         self->authority_date != NULL ||
         (self->authority_scope != NULL && *self->authority_scope != '\0');
}

/**
 * rd_case_admin_consent_prompt_due:
 * @adviser: whoever uses Redress here says they are an adviser helping
 *   others (rd_store_get_adviser_mode())
 *
 * Whether to remind about the client's consent: only for an adviser's
 * client, never on a resident's own case (who would ask themselves?).
 */
gboolean
rd_case_admin_consent_prompt_due (RdCaseAdmin *self,
                                  gboolean     adviser,
                                  const GDate *today)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), FALSE);

  return (adviser || rd_case_admin_is_client_case (self)) &&
         !rd_case_admin_get_archived (self) && rd_case_admin_consent_due (self, today);
}

/**
 * rd_case_admin_consent_due:
 *
 * Returns: %TRUE when the client's consent has never been recorded, or is
 *   due for renewal on or before @today
 */
gboolean
rd_case_admin_consent_due (RdCaseAdmin *self,
                           const GDate *today)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (self->consent_given == NULL)
    return TRUE;
  return self->consent_renew != NULL && g_date_compare (self->consent_renew, today) <= 0;
}

/**
 * rd_case_admin_dup_authority:
 *
 * The authority to act, as the Ombudsman asks for it, for a sentence that
 * says when it was given: "on Monday 3 March 2025 (scope)", or the date
 * alone (see rd_date_format_on()).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when no
 *   authority to act is recorded
 */
char *
rd_case_admin_dup_authority (RdCaseAdmin *self)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);

  if (self->authority_date == NULL || !g_date_valid (self->authority_date))
    return NULL;
  when = rd_date_format_on (self->authority_date);
  if (self->authority_scope == NULL || *self->authority_scope == '\0')
    return g_steal_pointer (&when);
  /* Translators: the date an authority to act was given, with its
   * preposition ("on Monday 3 March 2025"), and what it covers */
  return g_strdup_printf (_("%s (%s)"), when, self->authority_scope);
}

/**
 * rd_case_admin_dup_consent_message:
 *
 * Returns: (transfer full) (nullable): a sentence for the adviser when
 *   consent is due, else %NULL
 */
char *
rd_case_admin_dup_consent_message (RdCaseAdmin *self,
                                   const GDate *today)
{
  g_autofree char *given = NULL;
  g_autofree char *renew = NULL;

  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);

  if (!rd_case_admin_consent_due (self, today))
    return NULL;
  if (self->consent_given == NULL)
    return g_strdup (_("This client’s consent to keep their data is not recorded. Ask them, "
                       "and record the date in the client record."));
  given = rd_date_format_on (self->consent_given);
  renew = rd_date_format_on (self->consent_renew);
  /* Translators: each %s is a date with its preposition, "on Monday 3 March 2025" */
  return g_strdup_printf (_("This client gave consent to keep their data %s; it was due to "
                            "be renewed %s. Ask them again, and record the new date."),
                          given, renew);
}

/**
 * rd_case_admin_dup_display_name:
 *
 * Returns: (transfer full): how to name the client in lists and titles:
 *   "Client 0042" when they prefer not to be named, else their name, else
 *   the case's title
 */
char *
rd_case_admin_dup_display_name (RdCaseAdmin *self,
                                RdCase      *rcase)
{
  g_return_val_if_fail (RD_IS_CASE_ADMIN (self), NULL);
  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);

  if (self->use_client_number)
    {
      if (*self->client_number != '\0')
        return g_strdup_printf (_("Client %s"), self->client_number);
      return g_strdup_printf (_("Client %" PRId64), rd_case_get_id (rcase));
    }
  if (*rd_case_get_resident_name (rcase) != '\0')
    return g_strdup (rd_case_get_resident_name (rcase));
  return g_strdup (rd_case_get_title (rcase));
}
