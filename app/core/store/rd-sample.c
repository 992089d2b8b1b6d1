/* rd-sample.c: the made-up case a new resident can open to see how Redress works.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-sample"

#include "config.h"

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-sample.h"
#include "rd-store-complaints.h"
#include "rd-store-private.h"

/*
 * The sample is a few months of a family's diary about a neighbour: noise
 * at night, threats, damage, reports to the landlord, the council and the
 * police. Every person, place and reference number in it is invented.
 *
 * Each kind of record has its own table and its own add_sample_*()
 * function, called from rd_sample_ensure_for(); add contacts, complaints
 * or evidence the same way. Everything is written in one transaction, so a
 * failure leaves no half-made sample behind.
 *
 * The tables are dated as if the sample were opened on STORY_TODAY, two
 * weeks after the stage 2 response was due. A sample opened later is moved
 * forward by whole weeks, so every weekday stays as written, to end on or
 * just before the real today: the dashboard then shows a live case, a few
 * working days late and ready for the Ombudsman, not one from years ago.
 * So no text may name a date ("on 7 September", "Christmas Eve"); dates
 * live in the tables' date fields only, and the year in a reference number
 * is written "{yy}", filled in from the record's own (moved) date.
 */

#define STORY_TODAY "2025-03-07"

/**
 * rd_sample_shift_days:
 * @today: the day the sample is opened
 *
 * Returns: how many days (a multiple of 7, never negative) the sample's
 *   dates are moved forward when it is opened on @today
 */
int
rd_sample_shift_days (const GDate *today)
{
  g_autoptr(GDate) story = rd_date_parse_iso (STORY_TODAY, NULL);
  int days = g_date_days_between (story, today);

  return days > 0 ? days - days % 7 : 0;
}

/* The wall-clock time @text, moved by @shift days (the clock time stays). */
static GDateTime *
sample_datetime (int         shift,
                 const char *text)
{
  g_autoptr(GDateTime) dt = rd_datetime_parse_local (text, NULL);

  g_assert (dt != NULL);
  return g_date_time_add_days (dt, shift);
}

static gint64
local_time (int         shift,
            const char *text)
{
  g_autoptr(GDateTime) dt = sample_datetime (shift, text);

  return g_date_time_to_unix (dt);
}

static GDate *
sample_date (int         shift,
             const char *text)
{
  GDate *date = rd_date_parse_iso (text, NULL);

  g_assert (date != NULL);
  g_date_add_days (date, (guint) shift);
  return date;
}

/* @reference with "{yy}" replaced by the last two digits of @when's year. */
static char *
sample_reference (const char *reference,
                  GDateTime  *when)
{
  g_autofree char *yy = g_strdup_printf ("%02d", g_date_time_get_year (when) % 100);
  g_auto(GStrv) parts = g_strsplit (reference, "{yy}", -1);

  return g_strjoinv (yy, parts);
}

/* -- The case ----------------------------------------------------------- */

static gint64
add_sample_case (RdStore  *store,
                 int       shift,
                 GError  **error)
{
  g_autoptr(RdCase) rcase = rd_case_new ();

  rd_case_set_title (rcase, _("Sample: noise and threats from Flat 5"));
  rd_case_set_resident_name (rcase, "Jo Okafor");
  rd_case_set_address (rcase, "Flat 2, Larch House, 14 Mill Lane, Eastwick EW4 7QT");
  rd_case_set_landlord_name (rcase, "Eastwick Homes");
  rd_case_set_tenancy_type (rcase, RD_TENANCY_ASSURED);
  rd_case_set_contact_preferences (rcase,
                                   _("Email, please: jo.okafor@example.org. I work shifts, so "
                                     "phone calls only after 4 pm on weekdays."));
  rd_case_set_adjustments (rcase,
                           _("Long letters are hard for me to follow when I am tired. Please "
                             "write short letters that say clearly what you will do and by "
                             "when."));
  rd_case_set_notes (rcase,
                     _("This is a made-up case that shows how Redress works. Every name, "
                       "place and reference number in it is invented. Look around and change "
                       "anything you like: your own cases are kept apart from it.\n\n"
                       "Jo lives with two children, aged 7 and 4, below Flat 5."));
  rd_case_set_is_sample (rcase, TRUE);
  if (!rd_store_save_case (store, rcase, error))
    return 0;
  if (!_rd_store_set_case_times (store, rd_case_get_id (rcase),
                                 local_time (shift, "2024-09-07T09:30"),
                                 local_time (shift, "2025-02-08T10:05"), error))
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
  /* When Jo reported it to the landlord, as the contact log has it, or NULL */
  const char   *reported_landlord;
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
    NULL, NULL, 0, NULL,
    "2024-09-07T09:25",
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
    RD_REPORTED_COUNCIL, "NS-{yy}-08812",
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
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "CAD 2231/{yy}",
  },
  {
    "2024-10-19T23:50", "2024-10-20T03:00", RD_CATEGORY_NOISE,
    N_("Children's bedroom, below Flat 5"),
    N_("Music and shouting until three in the morning. The bass was loud enough to rattle "
       "the light shade in the children's room."),
    N_("Nobody in our flat slept before three."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_COUNCIL, "NS-{yy}-09930",
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
    N_("\nThe police gave me a crime number. The landlord booked a repair for two weeks' time."),
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "CR/0048213/{yy}",
    "2024-10-30T09:00",
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
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "CR/0052977/{yy}",
    "2024-12-13T22:30",
  },
  {
    "2024-12-24T23:00", "2024-12-25T03:30", RD_CATEGORY_NOISE,
    N_("Children's bedroom, below Flat 5"),
    N_("Music and stamping on the floor above the children's room until half past three."),
    N_("The children were awake most of the night and upset the next morning."),
    N_("Neighbour A (Flat 5)"), "",
    RD_REPORTED_COUNCIL, "NS-{yy}-11457",
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
    RD_REPORTED_POLICE | RD_REPORTED_LANDLORD, "CR/0003391/{yy}",
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

static void
set_sample_report (RdIncident           *incident,
                   int                   shift,
                   const SampleIncident *s)
{
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDate) day = NULL;

  if (s->reported_landlord == NULL)
    return;
  at = sample_datetime (shift, s->reported_landlord);
  day = rd_datetime_get_date (at);
  rd_incident_set_landlord_reported_on (incident, day);
  rd_incident_set_landlord_reported_minute (incident, g_date_time_get_hour (at) * 60 +
                                                      g_date_time_get_minute (at));
}

static gboolean
add_sample_incident (RdStore               *store,
                     gint64                 case_id,
                     int                    shift,
                     const SampleIncident  *s,
                     GError               **error)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) starts = sample_datetime (shift, s->starts);
  g_autoptr(GDateTime) ends = s->ends ? sample_datetime (shift, s->ends) : NULL;
  g_autofree char *reference = sample_reference (s->reference, starts);
  gint64 written = local_time (shift, s->written);
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
  rd_incident_set_reference (incident, reference);
  /* The report to the landlord goes in the sitting that came after it. */
  if (s->amended == NULL)
    set_sample_report (incident, shift, s);

  if (!rd_store_save_incident (store, incident, &revision, error) ||
      !_rd_store_set_revision_times (store, revision, written, written + 6 * 60, error))
    return FALSE;

  if (s->amended != NULL)
    {
      g_autofree char *description = g_strconcat (_(s->description), _(s->amended_addition), NULL);
      g_autofree char *amended_reference = sample_reference (s->amended_reference, starts);

      updated = local_time (shift, s->amended);
      revision = 0;
      rd_incident_set_description (incident, description);
      rd_incident_set_reported_to (incident, s->amended_reported_to);
      rd_incident_set_reference (incident, amended_reference);
      set_sample_report (incident, shift, s);
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
                      int       shift,
                      GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_incidents); i++)
    if (!add_sample_incident (store, case_id, shift, &sample_incidents[i], error))
      return FALSE;
  return TRUE;
}

/* -- People, contacts and the complaint --------------------------------- */

/*
 * Jo's contacts with the landlord and others, and the complaint they led
 * to: a stage 1 complaint acknowledged late and answered late, then a
 * request for stage 2, acknowledged late and still unanswered. The dates
 * match the diary above.
 */

typedef struct {
  const char  *name;
  RdPartyRole  role;
  const char  *organisation;
} SampleParty;

static const SampleParty sample_parties[] = {
  { "Dee Marsh", RD_PARTY_LANDLORD_OFFICER, "Eastwick Homes" },
  { N_("Neighbour A (Flat 5)"), RD_PARTY_NEIGHBOUR, "" },
  { "PC Ray Hale", RD_PARTY_POLICE, N_("Eastwick neighbourhood policing team") },
  { N_("Noise team"), RD_PARTY_COUNCIL, N_("Eastwick Council") },
  { N_("Caseworker"), RD_PARTY_MP, N_("Office of the local MP") },
};

enum { PARTY_NONE = -1, PARTY_OFFICER, PARTY_NEIGHBOUR, PARTY_POLICE, PARTY_COUNCIL, PARTY_MP };

typedef struct {
  const char         *when;
  RdContactDirection  direction;
  RdContactChannel    channel;
  int                 party;     /* index in sample_parties[], or PARTY_NONE */
  const char         *person;    /* when not one of the parties */
  const char         *summary;
  const char         *promise;
  const char         *promise_due;
} SampleContact;

static const SampleContact sample_contacts[] = {
  { "2024-09-07T09:25", RD_CONTACT_TO, RD_CHANNEL_PHONE, PARTY_NONE, N_("Customer services"),
    N_("Reported the music from Flat 5 last night. The adviser logged it but gave no reference."),
    N_("A housing officer will call me back"), "2024-09-11" },
  { "2024-09-27T08:30", RD_CONTACT_TO, RD_CHANNEL_EMAIL, PARTY_OFFICER, "",
    N_("Emailed about the third night of noise in three weeks, and asked for the call back "
       "I was promised when I first rang."), "", NULL },
  { "2024-10-07T10:05", RD_CONTACT_TO, RD_CHANNEL_PHONE, PARTY_POLICE, "",
    N_("Reported the threat on the landing to the police on 101, and was given an incident "
       "number."), "", NULL },
  { "2024-10-08T14:10", RD_CONTACT_FROM, RD_CHANNEL_PHONE, PARTY_OFFICER, "",
    N_("Dee Marsh rang. She said she had been on leave. She agreed the noise was "
       "unacceptable."),
    N_("Send noise diary sheets and write a warning letter to Flat 5"), "2024-10-18" },
  { "2024-10-30T09:00", RD_CONTACT_TO, RD_CHANNEL_WEB_FORM, PARTY_NONE, N_("Repairs"),
    N_("Reported the damage to our front door and asked for it to be repaired. Repair "
       "booked for two weeks later."), "", NULL },
  { "2024-11-11T10:00", RD_CONTACT_TO, RD_CHANNEL_EMAIL, PARTY_NONE, N_("Complaints team"),
    N_("Sent my formal stage 1 complaint about how my reports have been handled."), "", NULL },
  { "2024-11-26T16:20", RD_CONTACT_FROM, RD_CHANNEL_EMAIL, PARTY_NONE, N_("Complaints team"),
    N_("Acknowledged my complaint and gave it a reference number."), "", NULL },
  { "2025-01-08T11:00", RD_CONTACT_FROM, RD_CHANNEL_LETTER, PARTY_NONE, N_("Complaints team"),
    N_("Stage 1 response. It says the ASB case is “ongoing” and offers £50. It does not "
       "answer the points about the missed call backs or the warning letter."), "", NULL },
  { "2025-01-10T19:30", RD_CONTACT_TO, RD_CHANNEL_EMAIL, PARTY_NONE, N_("Complaints team"),
    N_("Asked for my complaint to go to stage 2, because the response did not deal with "
       "what I complained about."), "", NULL },
  { "2025-01-24T09:45", RD_CONTACT_FROM, RD_CHANNEL_EMAIL, PARTY_NONE, N_("Complaints team"),
    N_("Acknowledged my request for stage 2."), "", NULL },
  { "2025-01-28T12:15", RD_CONTACT_TO, RD_CHANNEL_MP_ENQUIRY, PARTY_MP, "",
    N_("Asked my MP's office for help. The caseworker took the details."),
    N_("Write to Eastwick Homes about my complaint"), "2025-02-04" },
  { "2025-02-06T15:00", RD_CONTACT_FROM, RD_CHANNEL_VISIT, PARTY_OFFICER, "",
    N_("Dee Marsh visited. She said she had spoken to Flat 5 and would review the case "
       "with her manager."),
    N_("Tell me the outcome of the case review"), "2025-02-20" },
};

typedef struct {
  RdComplaintEventKind  kind;
  guint                 stage;
  const char           *date;
  int                   contact;   /* index in sample_contacts[], or -1 */
} SampleStep;

static const SampleStep sample_steps[] = {
  { RD_COMPLAINT_EVENT_MADE, 1, "2024-11-11", 5 },
  { RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, "2024-11-26", 6 },
  { RD_COMPLAINT_EVENT_RESPONSE, 1, "2025-01-08", 7 },
  { RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, "2025-01-10", 8 },
  { RD_COMPLAINT_EVENT_ACKNOWLEDGED, 2, "2025-01-24", 9 },
};

static gboolean
add_sample_contacts (RdStore  *store,
                     gint64    case_id,
                     int       shift,
                     GArray   *contact_ids,
                     GError  **error)
{
  gint64 party_ids[G_N_ELEMENTS (sample_parties)];

  for (guint i = 0; i < G_N_ELEMENTS (sample_parties); i++)
    {
      g_autoptr(RdParty) party = rd_party_new ();
      const SampleParty *s = &sample_parties[i];

      rd_party_set_case_id (party, case_id);
      rd_party_set_name (party, s->role == RD_PARTY_LANDLORD_OFFICER || s->role == RD_PARTY_POLICE
                                ? s->name : _(s->name));
      rd_party_set_role (party, s->role);
      rd_party_set_organisation (party, s->organisation[0] && s->role != RD_PARTY_LANDLORD_OFFICER
                                        ? _(s->organisation) : s->organisation);
      rd_party_set_third_party (party, rd_party_role_default_third_party (s->role));
      if (!rd_store_save_party (store, party, error))
        return FALSE;
      party_ids[i] = rd_party_get_id (party);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sample_contacts); i++)
    {
      const SampleContact *s = &sample_contacts[i];
      g_autoptr(RdContact) contact = rd_contact_new ();
      g_autoptr(GDateTime) when = sample_datetime (shift, s->when);
      g_autoptr(GDate) due = s->promise_due ? sample_date (shift, s->promise_due) : NULL;
      gint64 id;

      rd_contact_set_case_id (contact, case_id);
      rd_contact_set_occurred_at (contact, when);
      rd_contact_set_direction (contact, s->direction);
      rd_contact_set_channel (contact, s->channel);
      rd_contact_set_party_id (contact, s->party == PARTY_NONE ? 0 : party_ids[s->party]);
      rd_contact_set_person (contact, s->person[0] ? _(s->person) : "");
      rd_contact_set_summary (contact, _(s->summary));
      rd_contact_set_promise (contact, s->promise[0] ? _(s->promise) : "");
      rd_contact_set_promise_due (contact, due);
      if (!rd_store_save_contact (store, contact, error))
        return FALSE;
      id = rd_contact_get_id (contact);
      g_array_append_val (contact_ids, id);
      /* Written down about a quarter of an hour after it happened. */
      if (!_rd_store_set_contact_times (store, id, g_date_time_to_unix (when) + 15 * 60,
                                        g_date_time_to_unix (when) + 15 * 60, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_sample_complaint (RdStore  *store,
                      gint64    case_id,
                      int       shift,
                      GArray   *contact_ids,
                      GError  **error)
{
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GArray) about = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) made = sample_datetime (shift, "2024-11-11T10:00");
  g_autofree char *reference = sample_reference ("EH/CMP/{yy}/0577", made);
  const char *points[] = {
    _("How Eastwick Homes handled my reports of noise and threats from Flat 5"),
    _("Call backs and a warning letter that were promised but never came"),
    _("The delay in repairing my front door after it was kicked in"),
    NULL
  };

  /* The complaint is about the entries Jo had reported to the landlord
   * before she complained. */
  incidents = rd_store_list_incidents (store, case_id, error);
  if (incidents == NULL)
    return FALSE;
  for (guint i = 0, n = g_list_model_get_n_items (incidents); i < n; i++)
    {
      g_autoptr(RdIncident) incident = g_list_model_get_item (incidents, i);

      if ((rd_incident_get_reported_to (incident) & RD_REPORTED_LANDLORD) &&
          g_date_time_compare (rd_incident_get_starts_at (incident), made) < 0)
        {
          gint64 id = rd_incident_get_id (incident);
          g_array_append_val (about, id);
        }
    }

  rd_complaint_set_case_id (complaint, case_id);
  rd_complaint_set_reference (complaint, reference);
  rd_complaint_set_points (complaint, points);
  rd_complaint_set_outcomes (complaint, RD_OUTCOME_APOLOGY | RD_OUTCOME_ACTION_PERPETRATOR |
                                        RD_OUTCOME_NAMED_CONTACT | RD_OUTCOME_COMPENSATION);
  rd_complaint_set_incident_ids (complaint, (const gint64 *) about->data, about->len);
  if (!rd_store_save_complaint (store, complaint, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sample_steps); i++)
    {
      const SampleStep *s = &sample_steps[i];
      g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (s->kind);
      g_autoptr(GDate) date = sample_date (shift, s->date);

      rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
      rd_complaint_event_set_stage (event, s->stage);
      rd_complaint_event_set_date (event, date);
      if (s->contact >= 0)
        rd_complaint_event_set_contact_id (event, g_array_index (contact_ids, gint64, s->contact));
      if (!rd_store_save_complaint_event (store, event, error))
        return FALSE;
    }
  return TRUE;
}

/* -- Putting it together ------------------------------------------------ */

/**
 * rd_sample_ensure:
 *
 * Finds the sample case, or writes it when the store has none, dated for
 * today. Opening the sample twice opens the same case.
 *
 * Returns: the id of the sample case, or 0 on error
 */
gint64
rd_sample_ensure (RdStore  *store,
                  GError  **error)
{
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (store));

  return rd_sample_ensure_for (store, today, error);
}

/**
 * rd_sample_ensure_for:
 * @today: the day to date the sample for (see rd_sample_shift_days())
 *
 * Like rd_sample_ensure(), for a given today. A sample already in the
 * store is returned as it is, with the dates it was written with.
 *
 * Returns: the id of the sample case, or 0 on error
 */
gint64
rd_sample_ensure_for (RdStore      *store,
                      const GDate  *today,
                      GError      **error)
{
  int shift;

  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) contact_ids = NULL;
  gint64 case_id;

  g_return_val_if_fail (RD_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

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
  shift = rd_sample_shift_days (today);
  contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  case_id = add_sample_case (store, shift, error);
  if (case_id == 0 ||
      !add_sample_incidents (store, case_id, shift, error) ||
      !add_sample_contacts (store, case_id, shift, contact_ids, error) ||
      !add_sample_complaint (store, case_id, shift, contact_ids, error) ||
      !_rd_store_commit (store, error))
    {
      _rd_store_rollback (store);
      return 0;
    }
  return case_id;
}
