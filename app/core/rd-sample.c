/* rd-sample.c: the made-up case a new resident can open to see how Redress works.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-sample"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rd-datetime.h"
#include "rd-sample.h"
#include "rd-store-private.h"

/*
 * The sample is a few months of a family's diary about a neighbour: noise
 * at night, threats, damage, reports to the landlord, the council and the
 * police. Every person, place and reference number in it is invented.
 *
 * Each kind of record has its own table and its own add_sample_*()
 * function, called from rd_sample_ensure(); add contacts, complaints or
 * evidence the same way. Everything is written in one transaction, so a
 * failure leaves no half-made sample behind.
 */

static gint64
local_time (const char *text)
{
  g_autoptr(GDateTime) dt = rd_datetime_parse_local (text, NULL);

  g_assert (dt != NULL);
  return g_date_time_to_unix (dt);
}

/* -- The case ----------------------------------------------------------- */

static gint64
add_sample_case (RdStore  *store,
                 GError  **error)
{
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, _("Sample: noise and threats from Flat 5"));
  rd_case_set_resident_name (rcase, "Jo Okafor");
  rd_case_set_address (rcase, "Flat 2, Larch House, 14 Mill Lane, Eastwick EW4 7QT");
  rd_case_set_landlord_name (rcase, "Eastwick Homes");
  rd_case_set_tenancy_type (rcase, RD_TENANCY_ASSURED);
  rd_case_set_notes (rcase,
                     _("This is a made-up case that shows how Redress works. Every name, "
                       "place and reference number in it is invented. Look around and change "
                       "anything you like: your own cases are kept apart from it.\n\n"
                       "Jo lives with two children, aged 7 and 4, below Flat 5."));
  rd_case_set_is_sample (rcase, TRUE);
  if (!rd_store_save_case (store, rcase, error))
    return 0;
  if (!_rd_store_set_case_times (store, rd_case_get_id (rcase),
                                 local_time ("2024-09-07T09:30"),
                                 local_time ("2025-02-08T10:05"), error))
    return 0;
  return rd_case_get_id (rcase);
}

/* -- The diary ---------------------------------------------------------- */

typedef struct {
  const char   *starts;       /* wall-clock time, YYYY-MM-DDTHH:MM */
  const char   *ends;         /* or NULL */
  RdCategory    category;
  const char   *location;
  const char   *description;
  const char   *impact;
  const char   *people;
  const char   *witnesses;
  RdReportedTo  reported_to;
  const char   *reference;
  const char   *written;      /* when Jo wrote it down */
  /* A later sitting that added to the entry, or all NULL/0 */
  const char   *amended;
  const char   *amended_addition;  /* appended to the description */
  RdReportedTo  amended_reported_to;
  const char   *amended_reference;
} SampleIncident;

static const SampleIncident sample_incidents[] = {
  {
    "2024-09-06T23:20", "2024-09-07T02:10", RD_CATEGORY_NOISE,
    N_("Children's bedroom, below Flat 5"),
    N_("Loud music with heavy bass from Flat 5 from about twenty past eleven. "
       "I knocked on their door at midnight; nobody answered and the music got louder."),
    N_("My son (7) woke at 23:40 and could not settle until after two. He was too tired "
       "for school in the morning."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_LANDLORD, "",
    "2024-09-07T09:20",
  },
  {
    "2024-09-14T00:30", "2024-09-14T03:05", RD_CATEGORY_NOISE,
    N_("Stairwell and Flat 5"),
    N_("A party in Flat 5. About ten people shouting on the stairs and the landing, "
       "doors slamming, music through the ceiling.\n"
       "I rang the council's out-of-hours noise line at 01:15."),
    N_("Both children woke up. My daughter (4) was frightened by the shouting outside "
       "our door and slept in my bed."),
    N_("Neighbour A and visitors"), "",
    RD_REPORTED_COUNCIL, "NS-24-08812",
    "2024-09-14T10:45",
  },
  {
    "2024-09-26T22:45", "2024-09-27T01:30", RD_CATEGORY_NOISE,
    N_("Living room and children's bedroom"),
    N_("Banging and furniture being dragged about above us, then music until half past one."),
    N_("My son was late for school the next day. His teacher says he is falling asleep in class."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_LANDLORD, "",
    "2024-09-27T08:15",
  },
  {
    "2024-10-06T18:10", NULL, RD_CATEGORY_HARASSMENT,
    N_("Second-floor landing"),
    N_("I asked Neighbour A politely to keep the music down after ten. He swore at me, "
       "stood very close and said I would “regret grassing”. I went back inside and "
       "locked the door."),
    N_("I was shaking afterwards. I no longer use the stairs when I hear him on the landing, "
       "and I keep the children inside."),
    N_("Neighbour A (Flat 5)"), N_("Mrs K (Flat 3) saw it from her doorway"),
    RD_REPORTED_LANDLORD, "",
    "2024-10-06T21:40",
    "2024-10-07T10:15",
    N_("\nI reported the threat to the police on 101 this morning. They gave me an incident number."),
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "CAD 2231/07OCT24",
  },
  {
    "2024-10-19T23:50", "2024-10-20T03:00", RD_CATEGORY_NOISE,
    N_("Children's bedroom, below Flat 5"),
    N_("Music and shouting until three in the morning. The bass was loud enough to rattle "
       "the light shade in the children's room."),
    N_("Nobody in our flat slept before three."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_COUNCIL, "NS-24-09930",
    "2024-10-20T09:10",
  },
  {
    "2024-10-29T07:55", NULL, RD_CATEGORY_DAMAGE,
    N_("Our front door"),
    N_("When I opened the door to take the children to school the lower panel was split "
       "and dented, as if it had been kicked, and the letterbox was bent inwards. "
       "It was fine at eleven last night. I took photos."),
    N_("The door no longer locks smoothly. The children asked who had tried to get in."),
    "", "",
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "",
    "2024-10-29T08:40",
    "2024-10-30T18:20",
    N_("\nThe police gave me a crime number. The landlord booked a repair for 12 November."),
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "CR/0048213/24",
  },
  {
    "2024-11-09T01:15", "2024-11-09T04:00", RD_CATEGORY_NOISE,
    N_("Flat 5 and the stairwell"),
    N_("Shouting, doors slamming and a dog barking for nearly three hours."),
    N_("My daughter wet the bed, which she had not done for a year."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_NONE, "",
    "2024-11-09T11:30",
  },
  {
    "2024-11-18T17:30", NULL, RD_CATEGORY_HARASSMENT,
    N_("Entrance hall"),
    N_("A friend of Neighbour A stood in the entrance hall and would not move to let us past. "
       "He filmed me and the children on his phone and called me a grass."),
    N_("My daughter now asks whether “the man” is downstairs before we go out."),
    N_("Neighbour A's visitor (tall, grey tracksuit)"), "",
    RD_REPORTED_LANDLORD, "",
    "2024-11-18T20:05",
  },
  {
    "2024-12-13T21:40", NULL, RD_CATEGORY_HARASSMENT,
    N_("Our front door"),
    N_("A note was pushed through our letterbox: “keep your mouth shut or else”. "
       "I have kept the note in a plastic bag."),
    N_("I could not sleep. I have asked my sister to stay with us at weekends."),
    "", "",
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "CR/0052977/24",
    "2024-12-13T22:30",
  },
  {
    "2024-12-24T23:00", "2024-12-25T03:30", RD_CATEGORY_NOISE,
    N_("Children's bedroom, below Flat 5"),
    N_("Music and stamping on the floor above the children's room on Christmas Eve."),
    N_("The children were awake and upset on Christmas morning."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_COUNCIL, "NS-24-11457",
    "2024-12-25T09:00",
  },
  {
    "2025-01-11T00:10", "2025-01-11T02:45", RD_CATEGORY_NOISE,
    N_("Living room and children's bedroom"),
    N_("Loud music again, and people going up and down the stairs all night."),
    N_("My son has an appointment with the GP about his sleep."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_LANDLORD, "",
    "2025-01-11T10:20",
  },
  {
    "2025-01-23T19:20", NULL, RD_CATEGORY_DAMAGE,
    N_("Communal pram store"),
    N_("The hood of our pushchair, kept in the communal pram store, had been cut with a blade."),
    N_("I now carry the pushchair up to the flat every day."),
    "", "",
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "CR/0003391/25",
    "2025-01-23T21:00",
  },
  {
    "2025-02-07T23:30", "2025-02-08T01:15", RD_CATEGORY_NOISE,
    N_("Children's bedroom, below Flat 5"),
    N_("Stamping directly above the children's room, the day after the housing officer "
       "visited Flat 5. It stopped when I switched the light on."),
    N_("It feels as if he is doing it on purpose because we complained. The children are "
       "sleeping in my room again."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_LANDLORD, "",
    "2025-02-08T10:00",
  },
};

static gboolean
add_sample_incident (RdStore               *store,
                     gint64                 case_id,
                     const SampleIncident  *s,
                     GError               **error)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) starts = rd_datetime_parse_local (s->starts, NULL);
  g_autoptr(GDateTime) ends = s->ends ? rd_datetime_parse_local (s->ends, NULL) : NULL;
  gint64 written = local_time (s->written);
  gint64 updated = written;
  gint64 revision = 0;

  rd_incident_set_case_id (incident, case_id);
  rd_incident_set_starts_at (incident, starts);
  rd_incident_set_ends_at (incident, ends);
  rd_incident_set_category (incident, s->category);
  rd_incident_set_location (incident, _(s->location));
  rd_incident_set_description (incident, _(s->description));
  rd_incident_set_impact (incident, _(s->impact));
  rd_incident_set_people (incident, s->people[0] ? _(s->people) : "");
  rd_incident_set_witnesses (incident, s->witnesses[0] ? _(s->witnesses) : "");
  rd_incident_set_reported_to (incident, s->reported_to);
  rd_incident_set_reference (incident, s->reference);

  if (!rd_store_save_incident (store, incident, &revision, error) ||
      !_rd_store_set_revision_times (store, revision, written, written + 6 * 60, error))
    return FALSE;

  if (s->amended != NULL)
    {
      g_autofree char *description = g_strconcat (_(s->description), _(s->amended_addition), NULL);

      updated = local_time (s->amended);
      revision = 0;
      rd_incident_set_description (incident, description);
      rd_incident_set_reported_to (incident, s->amended_reported_to);
      rd_incident_set_reference (incident, s->amended_reference);
      if (!rd_store_save_incident (store, incident, &revision, error) ||
          !_rd_store_set_revision_times (store, revision, updated, updated + 3 * 60, error))
        return FALSE;
    }

  return _rd_store_set_incident_times (store, rd_incident_get_id (incident),
                                       written, updated + (s->amended ? 3 : 6) * 60, error);
}

static gboolean
add_sample_incidents (RdStore  *store,
                      gint64    case_id,
                      GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_incidents); i++)
    if (!add_sample_incident (store, case_id, &sample_incidents[i], error))
      return FALSE;
  return TRUE;
}

/* -- Putting it together ------------------------------------------------ */

/**
 * rd_sample_ensure:
 *
 * Finds the sample case, or writes it when the store has none. Opening the
 * sample twice opens the same case.
 *
 * Returns: the id of the sample case, or 0 on error
 */
gint64
rd_sample_ensure (RdStore  *store,
                  GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 case_id;

  g_return_val_if_fail (RD_IS_STORE (store), 0);

  case_id = rd_store_find_sample_case (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (case_id != 0)
    return case_id;

  if (!_rd_store_begin (store, error))
    return 0;
  case_id = add_sample_case (store, error);
  if (case_id == 0 ||
      !add_sample_incidents (store, case_id, error) ||
      !_rd_store_commit (store, error))
    {
      _rd_store_rollback (store);
      return 0;
    }
  return case_id;
}
