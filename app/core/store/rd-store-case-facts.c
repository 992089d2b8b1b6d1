/* rd-store-case-facts.c: loading everything recorded about one case from the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts are a record type of the model and know nothing of the store;
 * the loader lives here, where the rows are, so that the model stays below
 * the store.
 */
#define G_LOG_DOMAIN "rd-store-case-facts"

#include "config.h"

#include <string.h>

#include "rd-store-advisers.h"
#include "rd-store-case-facts.h"
#include "rd-store-complaints.h"

/* The diary and the contact log go straight into the facts, a row at a
 * time and oldest first, as the facts keep them: read as lists first,
 * a diary of 100,000 entries took 14 MB more (a list store, and the
 * array it was made from) while it was read, at the window's peak. */
static gboolean
add_incident_cb (gpointer   item,
                 gpointer   user_data,
                 GError   **error)
{
  rd_case_facts_add_incident (user_data, item);
  return TRUE;
}

/* Lets go of what only the diary itself shows: the description past the
 * line rd_incident_dup_summary() gives (its first line not blank, which
 * it gives the same after), where it happened, its effect, who was
 * involved and the witnesses. */
static void
keep_summary (RdIncident *incident)
{
  const char *text = rd_incident_get_description (incident);
  const char *end;

  while (g_ascii_isspace (*text))
    text++;
  end = strchr (text, '\n');
  if (end != NULL)
    {
      g_autofree char *line = g_strndup (text, (gsize) (end - text));

      rd_incident_set_description (incident, line);
    }
  if (*rd_incident_get_location (incident) != '\0')
    rd_incident_set_location (incident, "");
  if (*rd_incident_get_impact (incident) != '\0')
    rd_incident_set_impact (incident, "");
  if (*rd_incident_get_people (incident) != '\0')
    rd_incident_set_people (incident, "");
  if (*rd_incident_get_witnesses (incident) != '\0')
    rd_incident_set_witnesses (incident, "");
}

/* As add_incident_cb(), keeping of each entry only what working out
 * deadlines reads (keep_summary()). */
static gboolean
add_brief_incident_cb (gpointer   item,
                       gpointer   user_data,
                       GError   **error)
{
  keep_summary (item);
  rd_case_facts_add_incident (user_data, item);
  return TRUE;
}

static gboolean
add_contact_cb (gpointer   item,
                gpointer   user_data,
                GError   **error)
{
  rd_case_facts_add_contact (user_data, item);
  return TRUE;
}

static RdCaseFacts *
load_facts (RdStore         *store,
            gint64           case_id,
            RdStoreEachFunc  add_incident,
            GError         **error)
{
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(GListModel) parties = NULL;
  g_autoptr(GListModel) complaints = NULL;
  g_autoptr(RdCaseAdmin) admin = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  rcase = rd_store_get_case (store, case_id, error);
  if (rcase == NULL)
    return NULL;
  facts = rd_case_facts_new (rcase);

  if ((parties = rd_store_list_parties (store, case_id, error)) == NULL ||
      !rd_store_foreach_incident (store, case_id, add_incident, facts, error) ||
      !rd_store_foreach_contact (store, case_id, add_contact_cb, facts, error) ||
      (complaints = rd_store_list_complaints (store, case_id, error)) == NULL ||
      (admin = rd_store_get_case_admin (store, case_id, error)) == NULL)
    return NULL;

  rd_case_facts_set_admin (facts, admin);
  for (guint i = 0, n = g_list_model_get_n_items (parties); i < n; i++)
    {
      g_autoptr(RdParty) party = g_list_model_get_item (parties, i);

      rd_case_facts_add_party (facts, party);
    }
  for (guint i = 0, n = g_list_model_get_n_items (complaints); i < n; i++)
    {
      g_autoptr(RdComplaint) complaint = g_list_model_get_item (complaints, i);
      g_autoptr(GListModel) events = NULL;

      events = rd_store_list_complaint_events (store, rd_complaint_get_id (complaint), error);
      if (events == NULL)
        return NULL;
      rd_case_facts_add_complaint (facts, complaint);
      for (guint e = 0, m = g_list_model_get_n_items (events); e < m; e++)
        {
          g_autoptr(RdComplaintEvent) event = g_list_model_get_item (events, e);
          rd_case_facts_add_event (facts, complaint, event);
        }
    }
  return g_steal_pointer (&facts);
}

/**
 * rd_case_facts_load_people:
 *
 * Reads the case and its parties only: no diary, contacts or complaints.
 * For work that needs no more than who is named (a title, anonymising
 * labels), so that a long diary is not read for it (issue 17).
 *
 * Returns: (transfer full): the facts, or %NULL with @error set
 */
RdCaseFacts *
rd_case_facts_load_people (RdStore  *store,
                           gint64    case_id,
                           GError  **error)
{
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(GListModel) parties = NULL;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  rcase = rd_store_get_case (store, case_id, error);
  if (rcase == NULL)
    return NULL;
  parties = rd_store_list_parties (store, case_id, error);
  if (parties == NULL)
    return NULL;
  facts = rd_case_facts_new (rcase);
  for (guint i = 0, n = g_list_model_get_n_items (parties); i < n; i++)
    {
      g_autoptr(RdParty) party = g_list_model_get_item (parties, i);

      rd_case_facts_add_party (facts, party);
    }
  return g_steal_pointer (&facts);
}

/**
 * rd_case_facts_load:
 *
 * Reads the case and everything that belongs to it.
 *
 * Returns: (transfer full): the facts, or %NULL with @error set
 */
RdCaseFacts *
rd_case_facts_load (RdStore  *store,
                    gint64    case_id,
                    GError  **error)
{
  return load_facts (store, case_id, add_incident_cb, error);
}

/**
 * rd_case_facts_load_brief:
 *
 * Reads the case as rd_case_facts_load() does, but keeps of each diary
 * entry only what working out its deadlines, What Next, the timeline and
 * the reminders read (its summary, rd_incident_dup_summary()): not the text a letter,
 * the chronology or the diary itself shows. With 100,000 entries the
 * text left out is about 6 MB, held for as long as the case's jobs share
 * it (issue 17).
 *
 * Returns: (transfer full): the facts, or %NULL with @error set
 */
RdCaseFacts *
rd_case_facts_load_brief (RdStore  *store,
                          gint64    case_id,
                          GError  **error)
{
  return load_facts (store, case_id, add_brief_incident_cb, error);
}
