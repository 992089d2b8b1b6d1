# complaint-handling-code.profile: the Housing Ombudsman's Complaint Handling
# Code, every published version, as policy profiles.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Redress judges each complaint stage by the version in force on the day the
# stage began (the complaint, or the request to escalate), so a complaint made
# in 2022 is judged by the 2022 rules. Before July 2020 no Code applied.
#
# Keys: StageNAcknowledge is counted from the complaint (stage 1) or the
# escalation request (stage 2); StageNRespond from the acknowledgement
# (StageNRespondFrom=acknowledgement) or from the request itself
# (=request); StageNExtension is the most the response may be put back past
# its limit. Limits are "<number> <unit>", units: working-days,
# calendar-days, weeks, months, working-hours, hours. A key left out means
# the version sets no limit for it, and Redress then finds no fault there.
# ComplaintTimeLimit is the time a resident has to make a complaint, from
# when they became aware of the problem; a landlord's profile may set its
# own.
#
# Where we were not sure of an earlier version's wording we chose the reading
# that is kinder to the landlord, so that Redress never reports a failure the
# Ombudsman would not: working days where a version says "days"; no stage 2
# acknowledgement limit and no limit on the number of stages before 2024.

[code-2024]
Kind=code
Name=Complaint Handling Code (statutory, from 1 April 2024)
ValidFrom=2024-04-01
Stages=2
MaxStages=2
StageZeroForbidden=true
Stage1Acknowledge=5 working-days
Stage1Respond=10 working-days
Stage1RespondFrom=acknowledgement
Stage1Extension=10 working-days
Stage2Acknowledge=5 working-days
Stage2Respond=20 working-days
Stage2RespondFrom=acknowledgement
Stage2Extension=20 working-days
OmbudsmanReferral=12 months
ComplaintTimeLimit=12 months
Sources=Housing Ombudsman, Complaint Handling Code (statutory from 1 April 2024, under the Social Housing (Regulation) Act 2023), https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/ : 5.2 no extra named stages such as "stage 0"; 5.3 no process with more than two stages; 6.2 acknowledge within five working days of receipt; 6.3 respond within 10 working days of acknowledging; 6.4 extension of no more than 10 working days without good reason, reasons explained to the resident; 6.11 stage 2 acknowledged within five working days of the escalation request; 6.13-6.15 stage 2 response within 20 working days of acknowledging, extension of no more than 20 working days. Wording checked against the Ombudsman's page "Help if you are waiting for a final response" (https://www.housing-ombudsman.org.uk/residents/make-a-complaint/waiting-for-a-final-response) and landlords' published self-assessments against the 2024 Code (for example Slough Borough Council, Great Yarmouth Borough Council). The 12-month limit for bringing a complaint to the Ombudsman after the final response is the Housing Ombudsman Scheme's (paragraph 42.c); the Ombudsman may still accept a later complaint for good reason. ComplaintTimeLimit is provision 2.3: landlords must accept complaints made within 12 months of the issue occurring or of the resident becoming aware of it (unless excluded on other grounds), and must consider accepting later ones where there are good reasons; provision 2.2 lists "occurred over twelve months ago" among acceptable exclusions. Wording read in landlords' published self-assessments against the 2024 Code (Oxford City Council, https://www.oxford.gov.uk/complaints-council-housing/council-housing-complaint-handling-code-self-assessment-2024-25/3 ; Slough Borough Council, https://www.slough.gov.uk/complaints-feedback/housing-ombudsman-complaint-handling-code-self-assessment/2 ; Great Yarmouth Borough Council). Earlier versions of the Code are not given this key: their wording on it was not checked.
Notes=Extensions need reasons given in writing and the Ombudsman's details; Redress checks the dates, not the reasons. The time limit for making a complaint runs from when the resident became aware of the problem (the case's aware_on, or its first diary entry) and is only ever a warning: the landlord may accept a later complaint.

[code-2022]
Kind=code
Name=Complaint Handling Code (April 2022)
ValidFrom=2022-04-01
Stages=2
Stage1Acknowledge=5 working-days
Stage1Respond=10 working-days
Stage1RespondFrom=acknowledgement
Stage1Extension=10 working-days
Stage2Respond=20 working-days
Stage2RespondFrom=request
Stage2Extension=10 working-days
OmbudsmanReferral=12 months
Sources=Housing Ombudsman, Complaint Handling Code 2022 (https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/complaint-handling-code-2022): took effect on 1 April 2022, landlords to self-assess and comply by 1 October 2022; two stages "necessary". Provision 5.1: respond within 10 working days of the complaint being logged, exceptionally a further 10 days with an explanation and a clear timeframe; stage 2: respond within 20 working days of the escalation request, a further 10 days exceptionally; complaints acknowledged and logged within five working days. Wording read in landlords' published self-assessments against the 2022 Code (Slough Borough Council, Great Yarmouth Borough Council) and the Ombudsman's determinations of 2022-2023.
Notes=The 2022 Code counts the stage 1 response from when the complaint was logged; Redress takes the acknowledgement as the logging. It sets no separate time for acknowledging a stage 2 request, so Redress does not check one.

[code-2020]
Kind=code
Name=Complaint Handling Code (July 2020)
ValidFrom=2020-07-01
Stages=2
Stage1Acknowledge=5 working-days
Stage1Respond=10 working-days
Stage1RespondFrom=acknowledgement
Stage1Extension=10 working-days
Stage2Respond=20 working-days
Stage2RespondFrom=request
Stage2Extension=10 working-days
OmbudsmanReferral=12 months
Sources=Housing Ombudsman, Complaint Handling Code, published July 2020 with the revised Housing Ombudsman Scheme; landlords were to self-assess against it by 31 December 2020. Same timescales as the 2022 revision for responses (stage 1: 10 working days from logging, stage 2: 20 working days from the escalation request, extensions of a further 10 days exceptionally); acknowledgement and logging within five days of receipt.
Notes=Landlords were asked to comply by 31 December 2020; Redress applies this version to complaints made from 1 July 2020. A third, optional stage was tolerated under the 2020 Code, so Redress does not flag one.
