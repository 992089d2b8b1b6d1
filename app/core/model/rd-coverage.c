/* rd-coverage.c: whether Awaab's Law covers a home, from its tenancy, and what a private renter has instead.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case"

#include "config.h"

#include "rd-gettext.h"

#include "rd-coverage.h"

/*
 * Awaab's Law (section 10A of the Landlord and Tenant Act 1985) is a term
 * implied into social housing tenancies in England: leases of social
 * housing by a registered provider (a housing association or a council)
 * to which the fitness-for-habitation rule of section 9A applies, which
 * excludes leases of seven years or more. So a council or housing
 * association tenancy is covered; a licence (not a lease), a long lease
 * (shared ownership, leasehold) and a private tenancy are not; and where
 * the tenancy's form does not say who the landlord is, the resident must
 * check. Every answer carries its reason, in words the resident can act on.
 */

/**
 * rd_tenancy_awaab_coverage:
 * @reason: (out) (optional) (transfer none): why, in one or two sentences
 *
 * Returns: whether Awaab's Law covers a home let on a tenancy of @type
 */
RdCoverage
rd_tenancy_awaab_coverage (RdTenancyType   type,
                           const char    **reason)
{
  RdCoverage coverage;
  const char *why;

  switch (type)
    {
    case RD_TENANCY_SECURE:
      coverage = RD_COVERAGE_COVERED;
      why = _("A council’s secure tenancy is a social tenancy, which Awaab’s Law covers.");
      break;
    case RD_TENANCY_ASSURED:
      coverage = RD_COVERAGE_COVERED;
      why = _("An assured tenancy from a housing association is a social tenancy, which Awaab’s Law "
              "covers.");
      break;
    case RD_TENANCY_STARTER:
      coverage = RD_COVERAGE_COVERED;
      why = _("A starter or introductory tenancy from a council or housing association is a social "
              "tenancy, which Awaab’s Law covers.");
      break;
    case RD_TENANCY_AFFORDABLE_RENT:
      coverage = RD_COVERAGE_COVERED;
      why = _("Affordable rent is social housing let by a housing association or council, which "
              "Awaab’s Law covers.");
      break;
    case RD_TENANCY_ASSURED_SHORTHOLD:
      coverage = RD_COVERAGE_ASK;
      why = _("An assured shorthold tenancy is covered by Awaab’s Law when the landlord is a housing "
              "association or council (starter and affordable-rent tenancies often are), and not "
              "when it is a private landlord. Check who your landlord is.");
      break;
    case RD_TENANCY_SUPPORTED:
      coverage = RD_COVERAGE_ASK;
      why = _("Supported housing is covered by Awaab’s Law when a housing association or council lets "
              "it on a tenancy, and not when you live there on a licence. Check your agreement.");
      break;
    case RD_TENANCY_TEMPORARY:
      coverage = RD_COVERAGE_ASK;
      why = _("Temporary accommodation is covered by Awaab’s Law only when a housing association or "
              "council lets it to you on a tenancy; hostels, nightly lets and private placements "
              "usually are not. The council’s own duties to you still apply.");
      break;
    case RD_TENANCY_SHARED_OWNERSHIP:
      coverage = RD_COVERAGE_NOT_COVERED;
      why = _("A shared owner holds a long lease. Awaab’s Law covers social tenancies of less than "
              "seven years, so it does not cover shared ownership.");
      break;
    case RD_TENANCY_LEASEHOLD:
      coverage = RD_COVERAGE_NOT_COVERED;
      why = _("A leaseholder holds a long lease. Awaab’s Law covers social tenancies of less than "
              "seven years, so it does not cover leasehold homes.");
      break;
    case RD_TENANCY_LICENCE:
      coverage = RD_COVERAGE_NOT_COVERED;
      why = _("A licence is not a tenancy, and Awaab’s Law covers social tenancies only.");
      break;
    case RD_TENANCY_PRIVATE:
      coverage = RD_COVERAGE_NOT_COVERED;
      why = _("Awaab’s Law does not cover private renting yet: the Renters’ Rights Act 2025 allows it "
              "to be extended to private landlords later.");
      break;
    case RD_TENANCY_UNKNOWN:
    case RD_TENANCY_OTHER:
    case RD_TENANCY_N_TYPES:
    default:
      coverage = RD_COVERAGE_ASK;
      why = _("Redress does not know your kind of tenancy. Awaab’s Law covers you if a housing "
              "association or council lets you your home on a tenancy: set the tenancy in the "
              "case’s details.");
      break;
    }
  if (reason != NULL)
    *reason = why;
  return coverage;
}

/**
 * rd_tenancy_private_rules:
 *
 * Returns: (nullable): for a private tenancy, which rules bind the landlord
 *   and which do not; %NULL for any other tenancy
 */
const char *
rd_tenancy_private_rules (RdTenancyType type)
{
  if (type != RD_TENANCY_PRIVATE)
    return NULL;
  return _("You rent privately. Your landlord must keep the home fit to live in and in repair "
           "(Landlord and Tenant Act 1985, sections 9A and 11), and the council can inspect hazards "
           "under the Housing Act 2004. Awaab’s Law and the Housing Ombudsman’s Complaint Handling "
           "Code bind social landlords, not private ones: the complaint times Redress shows are "
           "what good practice looks like, not your landlord’s legal duty, unless its own policy "
           "says the same.");
}
