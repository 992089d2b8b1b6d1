/* rd-complaint-route.h: which body takes a complaint after the landlord, by country, landlord and subject.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case.h"
#include "rd-complaint.h"

G_BEGIN_DECLS

typedef enum {
  RD_ROUTE_BODY_NONE,               /* no ombudsman takes it */
  RD_ROUTE_BODY_HOUSING_OMBUDSMAN,
  RD_ROUTE_BODY_LGSCO,              /* Local Government and Social Care Ombudsman */
  RD_ROUTE_BODY_PSOW,               /* Public Services Ombudsman for Wales */
  RD_ROUTE_BODY_N_BODIES
} RdRouteBody;

/* Who the landlord is, as far as it decides the route. */
typedef enum {
  RD_LANDLORD_COUNCIL             = 1 << 0,
  RD_LANDLORD_HOUSING_ASSOCIATION = 1 << 1,
  RD_LANDLORD_PRIVATE             = 1 << 2,
} RdLandlordKind;

RdLandlordKind  rd_tenancy_landlord_kinds   (RdTenancyType       tenancy);
RdRouteBody     rd_complaint_route_find     (RdCountry           country,
                                             RdLandlordKind      landlord,
                                             RdComplaintSubject  subject,
                                             const char        **rule,
                                             const char        **sources);

RdRouteBody     rd_complaint_route_for_tenancy (RdCountry          country,
                                                RdTenancyType      tenancy,
                                                RdComplaintSubject subject);

G_END_DECLS
