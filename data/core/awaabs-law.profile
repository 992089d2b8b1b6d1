# awaabs-law.profile: Awaab's Law, phase 1, as a policy profile.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Applies to social housing in England (registered providers, including
# councils) from 27 October 2025. Phase 1 covers emergency hazards of every
# kind except overcrowding, and significant damp and mould hazards; the
# government plans to add other significant hazards in 2026 and 2027.
# "Working day" in the regulations excludes weekends and bank holidays, as in
# the rest of Redress. Hours are clock hours.

[awaabs-law-2025]
Kind=awaab
Name=Awaab’s Law (from 27 October 2025)
ValidFrom=2025-10-27
EmergencyInvestigate=24 hours
EmergencyMakeSafe=24 hours
SignificantInvestigate=10 working-days
SignificantSummary=3 working-days
SignificantMakeSafe=5 working-days
SignificantWorksStart=12 weeks
Sources=The Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025, made under section 10A of the Landlord and Tenant Act 1985 (inserted by section 42 of the Social Housing (Regulation) Act 2023), in force 27 October 2025; GOV.UK, "Awaab's Law: guidance for social landlords" (June 2025). Emergency hazards: investigate, and do the relevant safety work, within 24 hours of becoming aware. Significant hazards: investigate within 10 working days of becoming aware; written summary of the findings to the tenant within 3 working days of the investigation ending; relevant safety work within 5 working days of the investigation ending; further work begun within 5 working days where possible and physically started within 12 weeks.
Notes=The 24-hour limit stops applying if the household is moved out first, or if the work needs someone else's consent that could not be obtained. Redress cannot know these things: check them before relying on a missed 24-hour limit.
