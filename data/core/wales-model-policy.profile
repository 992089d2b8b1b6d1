# wales-model-policy.profile: the complaint timescales a social landlord in
# Wales follows, as a policy profile in the same keys as the Code's
# (complaint-handling-code.profile explains them).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# England's Complaint Handling Code is the Housing Ombudsman's and binds
# landlords in England only. Councils in Wales follow the model concerns
# and complaints policy of the Public Services Ombudsman for Wales, and
# Welsh housing associations publish policies on the same two stages. Its
# timescales are targets ("we aim to"), not a statutory code: Redress
# checks them as the landlord's own promise, and where the wording left a
# choice it takes the reading kinder to the landlord, so that it never
# reports a failure the Ombudsman would not.
#
# The model policy's own document could not be read while this file was
# written; the figures below were read in the complaints procedures Welsh
# councils publish under it (see Sources), and in the Ombudsman's own fact
# sheet for its time limit. README.md says so.

[wales-model-2020]
Kind=wales-model
Name=Welsh model concerns and complaints policy
ValidFrom=2020-12-07
Stages=2
Stage1Respond=10 working-days
Stage1RespondFrom=request
Stage2Acknowledge=5 working-days
Stage2Respond=20 working-days
Stage2RespondFrom=acknowledgement
Sources=Public Services Ombudsman for Wales, news of 7 December 2020 "New Complaints Standards Authority for Wales" (https://www.ombudsman.wales/blog/2020/12/07/new-complaints-authority-for-wales/): the Complaints Standards Authority set common complaint-handling standards and a model policy for Welsh public bodies; Redress applies this profile to complaints made from that day. Stage 1 (informal resolution) resolved within 10 working days and stage 2 (formal investigation) within 20 working days: Carmarthenshire County Council, "Have you asked us yet?" (https://www.bromyrddin.co.uk/have-you-asked-us-yet/investigation/). Stage 2 acknowledged within 5 working days and answered usually within 20 working days, a delay explained in writing before the deadline with a new date; complaints normally raised within 6 months: Neath Port Talbot County Borough Council (https://www.npt.gov.uk/30224 and https://www.npt.gov.uk/30226). The Ombudsman normally takes a complaint only if the events happened or came to light within the previous year and the landlord has had a chance to put things right: PSOW fact sheet "Complaints against public bodies: our procedure" (https://www.ombudsman.wales/fact-sheets/complaints-against-public-bodies-our-procedure/).
Notes=The model policy sets no maximum extension: a landlord that needs longer must explain why and give a new date before the response is due. Redress checks that the new date came in time and sets no other limit. The Ombudsman's 12 months run from when you became aware of the problem, not from the final response, so Redress gives no referral date; see What Next.
