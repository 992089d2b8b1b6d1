/* rd-routes.c: which body takes a complaint once the landlord's own process is over.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-complaint-route.h"
#include "rd-deadline-engine-private.h"

/*
 * After the landlord's complaints process, a resident in England goes to
 * the Housing Ombudsman if the landlord is a social landlord (housing
 * associations, and councils as landlords); to the Local Government and
 * Social Care Ombudsman when a council acted as the housing authority
 * (homelessness, the housing register and allocations); and, renting
 * privately, to no ombudsman yet: the landlord redress scheme of the
 * Renters' Rights Act 2025 is not open. In Wales a council or housing
 * association answers to the Public Services Ombudsman for Wales, whose
 * time limit runs from when the resident became aware of the problem.
 *
 * Which body takes what is data (complaint-routes.txt, with its sources):
 * rd_complaint_route_find() answers for one kind of landlord, and the
 * tenancy says which kinds the landlord can be. This file words the
 * answer, once for each body the complaints of the case can reach, so a
 * case with a repairs complaint and a homelessness complaint against a
 * council names both ombudsmen. A complaint that has not said what it is
 * about is worded as before subjects were recorded: the body that usually
 * applies, and when another may. The words are notes in What Next, the CLI
 * and the bundle's deadline pages.
 */

/* Which bodies a complaint can reach, one bit per RdRouteBody. */
typedef guint RouteBodies;

#define BODY(b) (1u << (b))

static RouteBodies
bodies_for (RdCountry           country,
            RdLandlordKind      kinds,
            RdComplaintSubject  subject)
{
  static const RdLandlordKind each[] = {
    RD_LANDLORD_COUNCIL, RD_LANDLORD_HOUSING_ASSOCIATION, RD_LANDLORD_PRIVATE,
  };
  RouteBodies bodies = 0;

  for (guint i = 0; i < G_N_ELEMENTS (each); i++)
    if (kinds & each[i])
      bodies |= BODY (rd_complaint_route_find (country, each[i], subject, NULL, NULL));
  return bodies;
}

static gboolean
about_council_functions (RdComplaintSubject subject)
{
  return subject == RD_COMPLAINT_SUBJECT_HOMELESSNESS ||
         subject == RD_COMPLAINT_SUBJECT_ALLOCATIONS;
}

static void
word_wales (RdEngine           *engine,
            RdTenancyType       tenancy,
            RdComplaintSubject  subject,
            RouteBodies         bodies)
{
  if (bodies == BODY (RD_ROUTE_BODY_NONE))
    {
      _rd_engine_note (engine, _("After your landlord’s complaints process: no ombudsman takes "
                                 "complaints about private landlords in Wales. The council can "
                                 "inspect hazards in your home, and Rent Smart Wales licenses "
                                 "private landlords and letting agents. The Welsh model policy’s "
                                 "times are good practice, not your landlord’s legal duty."));
      return;
    }
  if (tenancy == RD_TENANCY_PRIVATE && about_council_functions (subject))
    {
      _rd_engine_note (engine, _("After the council’s own complaints process, a complaint about "
                                 "homelessness, the housing register or allocations goes to the "
                                 "Public Services Ombudsman for Wales: it is about the council as "
                                 "the housing authority, not about your private landlord. It "
                                 "normally looks at a complaint only if the events happened or "
                                 "came to light within the last 12 months."));
      return;
    }
  _rd_engine_note (engine, _("After your landlord’s complaints process: a council or housing "
                             "association in Wales answers to the Public Services Ombudsman for "
                             "Wales, not the Housing Ombudsman. It normally looks at a complaint "
                             "only if the events happened or came to light within the last 12 "
                             "months and the landlord has had a fair chance to put things right. "
                             "Have ready the landlord’s final response, your complaint reference, "
                             "what went wrong and what you want done."));
  if (bodies & BODY (RD_ROUTE_BODY_NONE))
    _rd_engine_note (engine, _("If your landlord is a private landlord rather than a council or "
                               "housing association, the Public Services Ombudsman for Wales cannot "
                               "help, but the council can inspect hazards in your home."));
}

static void
word_england (RdEngine           *engine,
              RdTenancyType       tenancy,
              RdComplaintSubject  subject,
              RouteBodies         bodies)
{
  if (bodies == BODY (RD_ROUTE_BODY_NONE))
    {
      _rd_engine_note (engine, _("After your landlord’s complaints process: a private landlord is not "
                                 "a member of the Housing Ombudsman’s scheme, and the landlord "
                                 "ombudsman the Renters’ Rights Act 2025 provides for is not open "
                                 "yet. The council’s private housing team can inspect hazards in "
                                 "your home; a complaint about a letting agent goes to the agent’s "
                                 "redress scheme."));
      return;
    }
  if (bodies == BODY (RD_ROUTE_BODY_LGSCO))
    {
      _rd_engine_note (engine, _("After the council’s own complaints process, a complaint about "
                                 "homelessness, the housing register or allocations goes to the "
                                 "Local Government and Social Care Ombudsman, not the Housing "
                                 "Ombudsman: the council does that work as the housing authority, "
                                 "not as a landlord. It normally looks at a complaint made within 12 "
                                 "months of when you first knew of the problem. Have ready the "
                                 "council’s final response, your complaint reference, what went "
                                 "wrong and what you want done."));
      return;
    }
  if (bodies & BODY (RD_ROUTE_BODY_HOUSING_OMBUDSMAN))
    _rd_engine_note (engine, _("After your landlord’s complaints process: a housing association or a "
                               "council as your landlord answers to the Housing Ombudsman. Since 13 "
                               "January 2026 it takes new complaints only through the online form on "
                               "its website, not by email. Have ready your landlord’s final response "
                               "(or the date it was due), your complaint reference, what went wrong, "
                               "and what you want done to put it right."));
  /* A housing association's own lettings stay with the Housing Ombudsman,
   * but the same subject is the council's when the council decided it. */
  if (about_council_functions (subject))
    _rd_engine_note (engine, _("If your complaint about homelessness, the housing register or "
                               "allocations is about a council’s decision, it goes after the "
                               "council’s own complaints process to the Local Government and Social "
                               "Care Ombudsman instead, normally within 12 months of when you first "
                               "knew of the problem. A housing association’s own lettings and "
                               "transfers stay with the Housing Ombudsman."));
  else if (subject == RD_COMPLAINT_SUBJECT_NOT_SAID &&
           (tenancy == RD_TENANCY_SECURE || tenancy == RD_TENANCY_TEMPORARY ||
            tenancy == RD_TENANCY_UNKNOWN || tenancy == RD_TENANCY_OTHER))
    _rd_engine_note (engine, _("If your complaint is about the council acting as the housing "
                               "authority rather than as your landlord (homelessness, a temporary "
                               "accommodation placement, the housing register or allocations), it "
                               "goes to the Local Government and Social Care Ombudsman instead."));
  if (bodies & BODY (RD_ROUTE_BODY_NONE))
    _rd_engine_note (engine, _("If your landlord is a private landlord rather than a housing "
                               "association or council, the Housing Ombudsman cannot help: there is "
                               "no ombudsman for private landlords yet, but the council’s private "
                               "housing team can inspect hazards."));
}

/*
 * Whether the complaint @complaint_id can go only to the Local Government
 * and Social Care Ombudsman: then the Housing Ombudsman's referral time
 * limit is not the resident's, and its note says the one that is.
 */
gboolean
_rd_engine_route_is_lgsco (RdEngine *engine,
                           gint64    complaint_id)
{
  RdCountry country = _rd_engine_in_wales (engine) ? RD_COUNTRY_WALES : RD_COUNTRY_ENGLAND;
  RdLandlordKind kinds = rd_tenancy_landlord_kinds (rd_deadline_input_get_tenancy (engine->input));
  RdComplaintSubject subject = rd_deadline_input_get_complaint_subject (engine->input, complaint_id);

  return bodies_for (country, kinds, subject) == BODY (RD_ROUTE_BODY_LGSCO);
}

void
_rd_engine_routes (RdEngine *engine)
{
  RdTenancyType tenancy = rd_deadline_input_get_tenancy (engine->input);
  RdCountry country = _rd_engine_in_wales (engine) ? RD_COUNTRY_WALES : RD_COUNTRY_ENGLAND;
  RdLandlordKind kinds = rd_tenancy_landlord_kinds (tenancy);
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The route matters once there is a complaint; before that, What Next
   * has the landlord's own steps to show. */
  for (guint i = 0; i < rd_deadline_input_get_n_events (engine->input); i++)
    {
      const RdCaseEvent *event = rd_deadline_input_get_event (engine->input, i);
      gboolean seen = FALSE;

      if (event->type != RD_CASE_EVENT_COMPLAINT)
        continue;
      for (guint g = 0; g < groups->len; g++)
        seen |= g_array_index (groups, gint64, g) == event->group;
      if (!seen)
        g_array_append_val (groups, event->group);
    }
  if (groups->len == 0)
    return;
  if (country == RD_COUNTRY_WALES)
    _rd_engine_note (engine, _("Your home is in Wales. The Housing Ombudsman’s Complaint Handling Code "
                               "and Awaab’s Law apply in England only: Redress checks your complaint "
                               "against the Welsh model complaints policy instead (stage 1 within 10 "
                               "working days, stage 2 acknowledged within 5 and answered within 20)."));

  /* Notes are kept once each, so complaints about the same thing share them. */
  for (guint g = 0; g < groups->len; g++)
    {
      RdComplaintSubject subject =
        rd_deadline_input_get_complaint_subject (engine->input, g_array_index (groups, gint64, g));
      RouteBodies bodies = bodies_for (country, kinds, subject);

      if (country == RD_COUNTRY_WALES)
        word_wales (engine, tenancy, subject, bodies);
      else
        word_england (engine, tenancy, subject, bodies);
    }
}
