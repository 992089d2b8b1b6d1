/* rd-routes.c: which body takes a complaint once the landlord's own process is over.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-gettext.h"

#include "rd-deadline-engine-private.h"

/*
 * After the landlord's complaints process, a resident in England goes to
 * the Housing Ombudsman if the landlord is a social landlord (housing
 * associations, and councils as landlords); to the Local Government and
 * Social Care Ombudsman when a council acted as the housing authority
 * (homelessness, temporary accommodation placements, the housing register);
 * and, renting privately, to no ombudsman yet: the landlord redress scheme
 * of the Renters' Rights Act 2025 is not open. Redress knows the tenancy,
 * not what each complaint is about, so it names the body that usually
 * applies and says when another may. Its words are shown as notes in What
 * Next, the CLI and the bundle's deadline pages.
 *
 * In Wales a council or housing association as landlord answers to the
 * Public Services Ombudsman for Wales instead, whose time limit runs from
 * when the resident became aware of the problem, not from the landlord's
 * final response; private renting there has no ombudsman either.
 */

static void
routes_in_wales (RdEngine      *engine,
                 RdTenancyType  tenancy)
{
  _rd_engine_note (engine, _("Your home is in Wales. The Housing Ombudsman’s Complaint Handling Code "
                             "and Awaab’s Law apply in England only: Redress checks your complaint "
                             "against the Welsh model complaints policy instead (stage 1 within 10 "
                             "working days, stage 2 acknowledged within 5 and answered within 20)."));
  if (tenancy == RD_TENANCY_PRIVATE)
    {
      _rd_engine_note (engine, _("After your landlord’s complaints process: no ombudsman takes "
                                 "complaints about private landlords in Wales. The council can "
                                 "inspect hazards in your home, and Rent Smart Wales licenses "
                                 "private landlords and letting agents. The Welsh model policy’s "
                                 "times are good practice, not your landlord’s legal duty."));
      return;
    }
  _rd_engine_note (engine, _("After your landlord’s complaints process: a council or housing "
                             "association in Wales answers to the Public Services Ombudsman for "
                             "Wales, not the Housing Ombudsman. It normally looks at a complaint "
                             "only if the events happened or came to light within the last 12 "
                             "months and the landlord has had a fair chance to put things right. "
                             "Have ready the landlord’s final response, your complaint reference, "
                             "what went wrong and what you want done."));
  if (tenancy == RD_TENANCY_ASSURED_SHORTHOLD || tenancy == RD_TENANCY_UNKNOWN ||
      tenancy == RD_TENANCY_OTHER)
    _rd_engine_note (engine, _("If your landlord is a private landlord rather than a council or "
                               "housing association, the Public Services Ombudsman for Wales cannot "
                               "help, but the council can inspect hazards in your home."));
}

void
_rd_engine_routes (RdEngine *engine)
{
  RdTenancyType tenancy = rd_deadline_input_get_tenancy (engine->input);
  gboolean complained = FALSE;

  /* The route matters once there is a complaint; before that, What Next
   * has the landlord's own steps to show. */
  for (guint i = 0; i < rd_deadline_input_get_n_events (engine->input); i++)
    complained |= rd_deadline_input_get_event (engine->input, i)->type == RD_CASE_EVENT_COMPLAINT;
  if (!complained)
    return;
  if (_rd_engine_in_wales (engine))
    {
      routes_in_wales (engine, tenancy);
      return;
    }

  switch (tenancy)
    {
    case RD_TENANCY_PRIVATE:
      _rd_engine_note (engine, _("After your landlord’s complaints process: a private landlord is not "
                                 "a member of the Housing Ombudsman’s scheme, and the landlord "
                                 "ombudsman the Renters’ Rights Act 2025 provides for is not open "
                                 "yet. The council’s private housing team can inspect hazards in "
                                 "your home; a complaint about a letting agent goes to the agent’s "
                                 "redress scheme."));
      return;
    case RD_TENANCY_SHARED_OWNERSHIP:
    case RD_TENANCY_LEASEHOLD:
    case RD_TENANCY_SECURE:
    case RD_TENANCY_ASSURED:
    case RD_TENANCY_STARTER:
    case RD_TENANCY_AFFORDABLE_RENT:
    case RD_TENANCY_ASSURED_SHORTHOLD:
    case RD_TENANCY_SUPPORTED:
    case RD_TENANCY_LICENCE:
    case RD_TENANCY_TEMPORARY:
    case RD_TENANCY_OTHER:
    case RD_TENANCY_UNKNOWN:
    case RD_TENANCY_N_TYPES:
    default:
      break;
    }

  _rd_engine_note (engine, _("After your landlord’s complaints process: a housing association or a "
                             "council as your landlord answers to the Housing Ombudsman. Since 13 "
                             "January 2026 it takes new complaints only through the online form on "
                             "its website, not by email. Have ready your landlord’s final response "
                             "(or the date it was due), your complaint reference, what went wrong, "
                             "and what you want done to put it right."));
  if (tenancy == RD_TENANCY_SECURE || tenancy == RD_TENANCY_TEMPORARY ||
      tenancy == RD_TENANCY_UNKNOWN || tenancy == RD_TENANCY_OTHER)
    _rd_engine_note (engine, _("If your complaint is about the council acting as the housing "
                               "authority rather than as your landlord (homelessness, a temporary "
                               "accommodation placement, the housing register or allocations), it "
                               "goes to the Local Government and Social Care Ombudsman instead."));
  if (tenancy == RD_TENANCY_ASSURED_SHORTHOLD || tenancy == RD_TENANCY_UNKNOWN ||
      tenancy == RD_TENANCY_OTHER)
    _rd_engine_note (engine, _("If your landlord is a private landlord rather than a housing "
                               "association or council, the Housing Ombudsman cannot help: there is "
                               "no ombudsman for private landlords yet, but the council’s private "
                               "housing team can inspect hazards."));
}
