/* rd-case-facts.c: everything recorded about one case, loaded at once, for
 * the dashboard, letters and exports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-facts"

#include "config.h"

#include "rd-gettext.h"

#include "rd-case-facts.h"

/* A snapshot: the objects are the facts' own, so a page editing the store
 * meanwhile never changes what a letter or a dashboard is built from. */
struct _RdCaseFacts
{
  GObject     parent_instance;

  RdCase     *rcase;
  RdCaseAdmin *admin;       /* the adviser's record, or NULL */
  GPtrArray  *parties;      /* RdParty, in the order added */
  GPtrArray  *incidents;    /* RdIncident, oldest first */
  GPtrArray  *contacts;     /* RdContact, oldest first */
  gboolean    incidents_unsorted;  /* one was added out of order */
  gboolean    contacts_unsorted;
  GPtrArray  *complaints;   /* RdComplaint, in the order recorded */
  GHashTable *events;       /* RdComplaint* → GPtrArray of RdComplaintEvent, first step first */
};

G_DEFINE_FINAL_TYPE (RdCaseFacts, rd_case_facts, G_TYPE_OBJECT)

static void
rd_case_facts_finalize (GObject *object)
{
  RdCaseFacts *self = (RdCaseFacts *)object;

  g_clear_pointer (&self->events, g_hash_table_unref);
  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->incidents, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->complaints, g_ptr_array_unref);
  g_clear_object (&self->rcase);
  g_clear_object (&self->admin);

  G_OBJECT_CLASS (rd_case_facts_parent_class)->finalize (object);
}

static void
rd_case_facts_class_init (RdCaseFactsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rd_case_facts_finalize;
}

static void
rd_case_facts_init (RdCaseFacts *self)
{
  self->parties = g_ptr_array_new_with_free_func (g_object_unref);
  self->incidents = g_ptr_array_new_with_free_func (g_object_unref);
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  self->complaints = g_ptr_array_new_with_free_func (g_object_unref);
  self->events = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * rd_case_facts_new:
 *
 * Empty facts about @rcase, to fill with the add functions (tests, import).
 */
RdCaseFacts *
rd_case_facts_new (RdCase *rcase)
{
  RdCaseFacts *self;

  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);

  self = g_object_new (RD_TYPE_CASE_FACTS, NULL);
  self->rcase = g_object_ref (rcase);
  return self;
}

static void
take_reversed (GListModel *model,
               GPtrArray  *into)
{
  for (guint n = g_list_model_get_n_items (model); n > 0; n--)
    g_ptr_array_add (into, g_list_model_get_item (model, n - 1));
}

static void
take_in_order (GListModel *model,
               GPtrArray  *into)
{
  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    g_ptr_array_add (into, g_list_model_get_item (model, i));
}

/**
 * rd_case_facts_add_lists:
 * @parties: #RdParty, in the order they were added
 * @incidents: #RdIncident, newest first
 * @contacts: #RdContact, newest first
 *
 * Adds whole lists as the store hands them out (the pages show the newest
 * first). They are already in time order, so they are only reversed, not
 * sorted again: the order of equal times stays the store's, and loading a
 * long diary stays linear.
 */
void
rd_case_facts_add_lists (RdCaseFacts *self,
                         GListModel  *parties,
                         GListModel  *incidents,
                         GListModel  *contacts)
{
  g_return_if_fail (RD_IS_CASE_FACTS (self));
  g_return_if_fail (G_IS_LIST_MODEL (parties));
  g_return_if_fail (G_IS_LIST_MODEL (incidents));
  g_return_if_fail (G_IS_LIST_MODEL (contacts));

  take_in_order (parties, self->parties);
  take_reversed (incidents, self->incidents);
  take_reversed (contacts, self->contacts);
}

RdCase *
rd_case_facts_get_case (RdCaseFacts *self)
{
  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  return self->rcase;
}

/**
 * rd_case_facts_get_admin:
 *
 * Returns: (transfer none) (nullable): the adviser's record of the case
 *   (client number, consent, authority to act)
 */
RdCaseAdmin *
rd_case_facts_get_admin (RdCaseFacts *self)
{
  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  return self->admin;
}

void
rd_case_facts_set_admin (RdCaseFacts *self,
                         RdCaseAdmin *admin)
{
  g_return_if_fail (RD_IS_CASE_FACTS (self));
  g_return_if_fail (admin == NULL || RD_IS_CASE_ADMIN (admin));

  g_set_object (&self->admin, admin);
}

/**
 * rd_case_facts_get_parties:
 *
 * Returns: (transfer none) (element-type RdParty): the people of the case
 */
GPtrArray *
rd_case_facts_get_parties (RdCaseFacts *self)
{
  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  return self->parties;
}

static gint
compare_incidents (gconstpointer a,
                   gconstpointer b)
{
  RdIncident *ia = *(RdIncident **) a;
  RdIncident *ib = *(RdIncident **) b;
  GDateTime *ta = rd_incident_get_starts_at (ia);
  GDateTime *tb = rd_incident_get_starts_at (ib);

  if (ta == NULL || tb == NULL)
    return (ta != NULL) - (tb != NULL);
  return g_date_time_compare (ta, tb);
}

static gint
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  GDateTime *ta = rd_contact_get_occurred_at (*(RdContact **) a);
  GDateTime *tb = rd_contact_get_occurred_at (*(RdContact **) b);

  if (ta == NULL || tb == NULL)
    return (ta != NULL) - (tb != NULL);
  return g_date_time_compare (ta, tb);
}

/*
 * An import adds a long diary one entry at a time, nearly always in time
 * order already. Sorting after every add made that quadratic; instead an
 * entry that comes after the last is only appended, and one that does not
 * marks the list for one stable sort when it is next read. A stable sort
 * of everything added gives the order that sorting after each add gave.
 */
static void
append_in_order (GPtrArray    *array,
                 gpointer      item,
                 gboolean     *unsorted,
                 GCompareFunc  compare)
{
  if (array->len > 0 && compare (&g_ptr_array_index (array, array->len - 1), &item) > 0)
    *unsorted = TRUE;
  g_ptr_array_add (array, g_object_ref (item));
}

static void
ensure_sorted (GPtrArray    *array,
               gboolean     *unsorted,
               GCompareFunc  compare)
{
  if (!*unsorted)
    return;
  g_ptr_array_sort (array, compare);
  *unsorted = FALSE;
}

/**
 * rd_case_facts_get_incidents:
 *
 * Returns: (transfer none) (element-type RdIncident): the diary, oldest first
 */
GPtrArray *
rd_case_facts_get_incidents (RdCaseFacts *self)
{
  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  ensure_sorted (self->incidents, &self->incidents_unsorted, compare_incidents);
  return self->incidents;
}

/**
 * rd_case_facts_get_contacts:
 *
 * Returns: (transfer none) (element-type RdContact): the contact log, oldest first
 */
GPtrArray *
rd_case_facts_get_contacts (RdCaseFacts *self)
{
  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  ensure_sorted (self->contacts, &self->contacts_unsorted, compare_contacts);
  return self->contacts;
}

/**
 * rd_case_facts_get_complaints:
 *
 * Returns: (transfer none) (element-type RdComplaint): the complaints
 */
GPtrArray *
rd_case_facts_get_complaints (RdCaseFacts *self)
{
  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  return self->complaints;
}

/**
 * rd_case_facts_get_events:
 *
 * Returns: (transfer none) (element-type RdComplaintEvent): the complaint's
 *   steps, first step first
 */
GPtrArray *
rd_case_facts_get_events (RdCaseFacts *self,
                          RdComplaint *complaint)
{
  GPtrArray *events;

  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  events = g_hash_table_lookup (self->events, complaint);
  g_return_val_if_fail (events != NULL, NULL);
  return events;
}

void
rd_case_facts_add_party (RdCaseFacts *self,
                         RdParty     *party)
{
  g_return_if_fail (RD_IS_CASE_FACTS (self));
  g_return_if_fail (RD_IS_PARTY (party));

  g_ptr_array_add (self->parties, g_object_ref (party));
}

/* Appends and keeps the diary in time order (stable for equal times). */
void
rd_case_facts_add_incident (RdCaseFacts *self,
                            RdIncident  *incident)
{
  g_return_if_fail (RD_IS_CASE_FACTS (self));
  g_return_if_fail (RD_IS_INCIDENT (incident));

  append_in_order (self->incidents, incident, &self->incidents_unsorted, compare_incidents);
}

void
rd_case_facts_add_contact (RdCaseFacts *self,
                           RdContact   *contact)
{
  g_return_if_fail (RD_IS_CASE_FACTS (self));
  g_return_if_fail (RD_IS_CONTACT (contact));

  append_in_order (self->contacts, contact, &self->contacts_unsorted, compare_contacts);
}

void
rd_case_facts_add_complaint (RdCaseFacts *self,
                             RdComplaint *complaint)
{
  g_return_if_fail (RD_IS_CASE_FACTS (self));
  g_return_if_fail (RD_IS_COMPLAINT (complaint));
  g_return_if_fail (!g_hash_table_contains (self->events, complaint));

  g_ptr_array_add (self->complaints, g_object_ref (complaint));
  g_hash_table_insert (self->events, complaint,
                       g_ptr_array_new_with_free_func (g_object_unref));
}

static gint
compare_events (gconstpointer a,
                gconstpointer b)
{
  return rd_complaint_event_compare (*(gpointer *) a, *(gpointer *) b, NULL);
}

void
rd_case_facts_add_event (RdCaseFacts      *self,
                         RdComplaint      *complaint,
                         RdComplaintEvent *event)
{
  GPtrArray *events;

  g_return_if_fail (RD_IS_CASE_FACTS (self));
  g_return_if_fail (RD_IS_COMPLAINT_EVENT (event));

  events = g_hash_table_lookup (self->events, complaint);
  g_return_if_fail (events != NULL);
  g_ptr_array_add (events, g_object_ref (event));
  g_ptr_array_sort (events, compare_events);
}

/**
 * rd_case_facts_find_party:
 *
 * Returns: (transfer none) (nullable): the party with this id
 */
RdParty *
rd_case_facts_find_party (RdCaseFacts *self,
                          gint64       party_id)
{
  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  for (guint i = 0; party_id != 0 && i < self->parties->len; i++)
    if (rd_party_get_id (g_ptr_array_index (self->parties, i)) == party_id)
      return g_ptr_array_index (self->parties, i);
  return NULL;
}

/**
 * rd_case_facts_find_contact:
 *
 * Returns: (transfer none) (nullable): the contact with this id
 */
RdContact *
rd_case_facts_find_contact (RdCaseFacts *self,
                            gint64       contact_id)
{
  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);

  ensure_sorted (self->contacts, &self->contacts_unsorted, compare_contacts);
  for (guint i = 0; contact_id != 0 && i < self->contacts->len; i++)
    if (rd_contact_get_id (g_ptr_array_index (self->contacts, i)) == contact_id)
      return g_ptr_array_index (self->contacts, i);
  return NULL;
}

/**
 * rd_case_facts_dup_contact_who:
 *
 * Returns: (transfer full): who the contact was with: the party's name,
 *   else the person written on the contact, else ""
 */
char *
rd_case_facts_dup_contact_who (RdCaseFacts *self,
                               RdContact   *contact)
{
  RdParty *party;

  g_return_val_if_fail (RD_IS_CASE_FACTS (self), NULL);
  g_return_val_if_fail (RD_IS_CONTACT (contact), NULL);

  party = rd_case_facts_find_party (self, rd_contact_get_party_id (contact));
  if (party != NULL)
    return rd_party_dup_display_name (party);
  return g_strstrip (g_strdup (rd_contact_get_person (contact)));
}
