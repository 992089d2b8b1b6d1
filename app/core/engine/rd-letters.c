/* rd-letters.c: the letters Redress writes from a case's own facts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-letters"

#include "config.h"

#include "rd-gettext.h"

#include "rd-calendar.h"
#include "rd-datetime.h"
#include "rd-complaint-route.h"
#include "rd-letters.h"
#include "rd-letters-private.h"
#include "rd-policy.h"

/*
 * Every letter is built from what the case records: the points and the
 * outcome of the complaint, the dates of its steps, the deadlines the
 * landlord missed with their working-day counts (from the deadline
 * engine, through the dashboard), and the resident's contact preferences
 * and adjustments. Short sentences, plain words; the resident edits the
 * result before sending it.
 */

typedef struct {
  RdLetter    *letter;
  RdCaseFacts *facts;
  RdCase      *rcase;
  RdComplaint *complaint;   /* nullable */
  RdDashboard *dashboard;
  const GDate *today;
  gboolean     counted;     /* a working-day count or limit is in the letter */
} Ctx;

static const char *
or_default (const char *text,
            const char *fallback)
{
  return text != NULL && *text != '\0' ? text : fallback;
}

static void
add_head (Ctx        *ctx,
          const char *recipient,
          const char *subject)
{
  g_autofree char *date = rd_date_format_long (ctx->today);
  g_autofree char *sender = NULL;
  const char *name = rd_case_get_resident_name (ctx->rcase);
  const char *address = rd_case_get_address (ctx->rcase);

  sender = g_strjoin ("\n", or_default (name, ""), or_default (address, ""), NULL);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_SENDER, sender);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_RECIPIENT, recipient);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_DATE, date);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_SUBJECT, subject);
}

static char *
landlord_recipient (Ctx *ctx)
{
  const char *landlord = rd_case_get_landlord_name (ctx->rcase);

  /* Translators: who a complaint letter goes to, "Complaints team\nEastwick Homes" */
  return g_strdup_printf (_("Complaints team\n%s"), or_default (landlord, _("Your landlord")));
}

static void
add_closing (Ctx *ctx)
{
  g_autofree char *closing = NULL;
  const char *name = rd_case_get_resident_name (ctx->rcase);

  closing = g_strdup_printf ("%s\n%s", _("Yours faithfully,"), or_default (name, ""));
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_CLOSING, closing);
}

/* Once, after the counts: how they were made, so that nobody reading the
 * letter counts differently and thinks Redress wrong. */
static void
add_convention (Ctx *ctx)
{
  if (ctx->counted)
    rd_letter_add (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH, rd_calendar_get_convention ());
}

/* How the resident wants to be contacted, and the adjustments they need. */
static void
add_preferences (Ctx *ctx)
{
  const char *preferences = rd_case_get_contact_preferences (ctx->rcase);
  const char *adjustments = rd_case_get_adjustments (ctx->rcase);

  if (*preferences == '\0' && *adjustments == '\0')
    return;
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_HEADING, _("How to contact me"));
  if (*preferences != '\0')
    rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH, _("Please contact me this way: %s"),
                          preferences);
  if (*adjustments != '\0')
    rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                          _("I need these adjustments, and I ask you to make them: %s"), adjustments);
}

static void
add_points (Ctx        *ctx,
            const char *heading)
{
  const char * const *points;

  if (ctx->complaint == NULL || rd_complaint_get_n_points (ctx->complaint) == 0)
    return;
  points = rd_complaint_get_points (ctx->complaint);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_HEADING, heading);
  for (guint i = 0; points[i] != NULL; i++)
    rd_letter_add (ctx->letter, RD_LETTER_BLOCK_LIST_ITEM, points[i]);
}

static const char *
outcome_sentence (RdOutcome outcome)
{
  switch (outcome)
    {
    case RD_OUTCOME_APOLOGY:
      return _("An apology in writing.");
    case RD_OUTCOME_REPAIRS:
      return _("The repairs done, with a date for the work.");
    case RD_OUTCOME_ACTION_PERPETRATOR:
      return _("Action against the person responsible, and to be told what you will do.");
    case RD_OUTCOME_CCTV:
      return _("CCTV or other monitoring, to gather evidence.");
    case RD_OUTCOME_COMPENSATION:
      return _("Compensation for the distress and inconvenience caused.");
    case RD_OUTCOME_NAMED_CONTACT:
      return _("One named person to deal with my case, and regular updates.");
    case RD_OUTCOME_NONE:
    case RD_OUTCOME_OTHER:
    default:
      return NULL;
    }
}

static void
add_outcomes (Ctx        *ctx,
              const char *heading)
{
  RdOutcome outcomes;

  if (ctx->complaint == NULL)
    return;
  outcomes = rd_complaint_get_outcomes (ctx->complaint);
  if (outcomes == RD_OUTCOME_NONE)
    return;
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_HEADING, heading);
  for (guint i = 0; i < RD_N_OUTCOMES; i++)
    {
      RdOutcome outcome = rd_outcome_from_index (i);

      if (!(outcomes & outcome))
        continue;
      if (outcome == RD_OUTCOME_OTHER)
        rd_letter_add (ctx->letter, RD_LETTER_BLOCK_LIST_ITEM,
                       or_default (rd_complaint_get_outcome_other (ctx->complaint), NULL));
      else
        rd_letter_add (ctx->letter, RD_LETTER_BLOCK_LIST_ITEM, outcome_sentence (outcome));
    }
}

/*
 * The landlord's deadlines for this complaint (and the promises made in
 * contacts) that it missed, done late or still not done, each as the
 * engine's own sentence with its dates and working-day count.
 */
static guint
add_missed (Ctx        *ctx,
            const char *heading,
            gboolean    open_only,
            gboolean    of_complaint,
            gboolean    promises)
{
  GListModel *items = rd_dashboard_get_items (ctx->dashboard);
  guint added = 0;

  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      RdDeadline *deadline = rd_dashboard_item_get_deadline (item);
      RdDeadlineKind kind = rd_deadline_get_kind (deadline);
      gboolean ours = ctx->complaint != NULL &&
                      rd_dashboard_item_get_complaint_id (item) == rd_complaint_get_id (ctx->complaint);

      if (rd_deadline_get_party (deadline) != RD_DEADLINE_ON_LANDLORD ||
          rd_deadline_get_status (deadline) != RD_DEADLINE_MISSED)
        continue;
      if (!((of_complaint && ours) || (promises && kind == RD_DEADLINE_KIND_PROMISE)))
        continue;
      if (open_only && rd_dashboard_item_get_group (item) != RD_DASHBOARD_OVERDUE)
        continue;
      if (added++ == 0 && heading != NULL)
        rd_letter_add (ctx->letter, RD_LETTER_BLOCK_HEADING, heading);
      rd_letter_add (ctx->letter, RD_LETTER_BLOCK_LIST_ITEM, rd_dashboard_item_get_explanation (item));
    }
  if (added > 0)
    ctx->counted = TRUE;
  return added;
}

static RdComplaintEvent *
find_event (Ctx                  *ctx,
            RdComplaintEventKind  kind,
            gboolean              last)
{
  GPtrArray *events;
  RdComplaintEvent *found = NULL;

  if (ctx->complaint == NULL)
    return NULL;
  events = rd_case_facts_get_events (ctx->facts, ctx->complaint);
  for (guint i = 0; i < events->len; i++)
    if (rd_complaint_event_get_kind (g_ptr_array_index (events, i)) == kind)
      {
        found = g_ptr_array_index (events, i);
        if (!last)
          break;
      }
  return found;
}

static guint
current_stage (Ctx *ctx)
{
  GPtrArray *events;
  guint stage = 1;

  if (ctx->complaint == NULL)
    return 1;
  events = rd_case_facts_get_events (ctx->facts, ctx->complaint);
  for (guint i = 0; i < events->len; i++)
    stage = MAX (stage, rd_complaint_event_get_stage (g_ptr_array_index (events, i)));
  return stage;
}

static char *
subject_with_reference (Ctx        *ctx,
                        const char *subject)
{
  const char *reference = ctx->complaint ? rd_complaint_get_reference (ctx->complaint) : "";

  if (*reference != '\0')
    /* Translators: a letter's subject and the landlord's reference, "Formal complaint (your reference EH/24/0577)" */
    return g_strdup_printf (_("%s (your reference %s)"), subject, reference);
  return g_strdup (subject);
}

/* "Please acknowledge … within 5 working days and respond within 10 working
 * days of acknowledging it", from the Code in force today. */
static void
add_timescales (Ctx   *ctx,
                guint  stage)
{
  RdPolicy *code = rd_policy_get_code_for_date (ctx->today);
  const RdPolicyStage *limits;
  g_autofree char *ack = NULL;
  g_autofree char *respond = NULL;

  if (code == NULL || stage < 1 || stage > rd_policy_get_n_stages (code))
    return;
  limits = rd_policy_get_stage (code, stage);
  if (limits == NULL || !rd_limit_is_set (&limits->acknowledge) || !rd_limit_is_set (&limits->respond))
    return;
  ack = rd_limit_format (&limits->acknowledge);
  respond = rd_limit_format (&limits->respond);
  ctx->counted = TRUE;
  /* The two limits stand alone after colons: "within %s" would need the
   * genitive in Polish, and which form that is depends on the number. */
  if (limits->respond_from == RD_RESPOND_FROM_ACKNOWLEDGEMENT)
    rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                          _("The Housing Ombudsman’s Complaint Handling Code sets the time limits "
                            "for this. To acknowledge it: %s. To send me your response, counted "
                            "from the acknowledgement: %s."),
                          ack, respond);
  else
    rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                          _("The Housing Ombudsman’s Complaint Handling Code sets the time limits "
                            "for this. To acknowledge it: %s. To send me your response, counted "
                            "from when you receive it: %s."),
                          ack, respond);
}

static void
build_stage1 (Ctx *ctx)
{
  g_autofree char *recipient = landlord_recipient (ctx);
  g_autofree char *subject = subject_with_reference (ctx, _("Formal complaint"));
  RdComplaintEvent *made = find_event (ctx, RD_COMPLAINT_EVENT_MADE, FALSE);

  add_head (ctx, recipient, subject);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_SALUTATION, _("Dear Complaints Team,"));
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                 _("I am making a formal complaint. Please deal with it at stage 1 of your "
                   "complaints procedure."));
  add_points (ctx, _("What my complaint is about"));
  _rd_letters_add_incidents (ctx->letter, ctx->facts, ctx->complaint, _("What happened"));
  _rd_letters_add_repairs (ctx->letter, ctx->facts, ctx->dashboard,
                           _("Repairs and hazards: what you have done so far"));
  /* What was said before the complaint, not the complaint itself. */
  _rd_letters_add_told_landlord (ctx->letter, ctx->facts,
                                 made ? rd_complaint_event_get_date (made) : ctx->today);
  add_missed (ctx, _("What you promised and did not do"), FALSE, FALSE, TRUE);
  add_outcomes (ctx, _("What I want you to do to put this right"));
  _rd_letters_add_remedies (ctx->letter, ctx->dashboard, _("Compensation I ask you to consider"));
  add_timescales (ctx, 1);
  add_convention (ctx);
  add_preferences (ctx);
  add_closing (ctx);
}

static void
build_chaser (Ctx *ctx)
{
  g_autofree char *recipient = landlord_recipient (ctx);
  g_autofree char *subject = subject_with_reference (ctx, _("Complaint: your reply is overdue"));
  RdComplaintEvent *made = find_event (ctx, RD_COMPLAINT_EVENT_MADE, FALSE);
  GDate reply_by;
  g_autofree char *reply_by_text = NULL;
  guint stage = current_stage (ctx);

  add_head (ctx, recipient, subject);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_SALUTATION, _("Dear Complaints Team,"));
  if (made != NULL)
    {
      g_autofree char *when = rd_date_format_on (rd_complaint_event_get_date (made));

      /* Translators: %s is a date with its preposition, "on Monday 4 November 2024" */
      rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                            _("I made a formal complaint %s. I am writing because your reply is "
                              "overdue."), when);
    }
  else
    rd_letter_add (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                   _("I am writing because your reply to my complaint is overdue."));

  if (add_missed (ctx, _("What is overdue"), TRUE, TRUE, FALSE) == 0)
    rd_letter_add (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                   _("I have not yet had the reply I am waiting for."));
  add_missed (ctx, _("What you promised and have not done"), TRUE, FALSE, TRUE);

  if (rd_calendar_add_working_days (ctx->today, 5, &reply_by, NULL))
    reply_by_text = rd_date_format_long (&reply_by);
  if (reply_by_text != NULL)
    {
      rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                            _("Please put this right by %s, which is 5 working days from today."),
                            reply_by_text);
      ctx->counted = TRUE;
    }
  if (stage >= 2)
    rd_letter_add (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                   _("If I do not hear from you by then, I will refer my complaint to the Housing "
                     "Ombudsman."));
  else
    rd_letter_add (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                   _("If I do not hear from you by then, I will ask for my complaint to go to "
                     "stage 2, and I may contact the Housing Ombudsman."));
  add_convention (ctx);
  add_preferences (ctx);
  add_closing (ctx);
}

/* The stage to ask for: the one after the last response, or after the
 * current stage when none came, but no further than the Code allows. */
static guint
escalation_stage (Ctx *ctx)
{
  RdComplaintEvent *response = find_event (ctx, RD_COMPLAINT_EVENT_RESPONSE, TRUE);
  RdPolicy *code = rd_policy_get_code_for_date (ctx->today);
  guint last = code ? rd_policy_get_n_stages (code) : 2;
  guint next = response ? rd_complaint_event_get_stage (response) + 1 : current_stage (ctx) + 1;

  return CLAMP (next, 2, MAX (last, 2));
}

static void
build_escalation (Ctx *ctx)
{
  g_autofree char *recipient = landlord_recipient (ctx);
  guint next_stage = escalation_stage (ctx);
  g_autofree char *plain_subject = g_strdup_printf (_("Complaint: please escalate to stage %u"), next_stage);
  g_autofree char *subject = subject_with_reference (ctx, plain_subject);
  RdComplaintEvent *made = find_event (ctx, RD_COMPLAINT_EVENT_MADE, FALSE);
  RdComplaintEvent *response = find_event (ctx, RD_COMPLAINT_EVENT_RESPONSE, TRUE);

  add_head (ctx, recipient, subject);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_SALUTATION, _("Dear Complaints Team,"));
  if (made != NULL)
    {
      g_autofree char *when = rd_date_format_on (rd_complaint_event_get_date (made));
      /* Translators: %s is a date with its preposition, "on Monday 4 November 2024" */
      rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH, _("I made a formal complaint %s."), when);
    }
  if (response != NULL)
    {
      g_autofree char *when = rd_date_format_on (rd_complaint_event_get_date (response));
      /* Translators: %s is a date with its preposition, "on Monday 4 November 2024" */
      rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                            _("You sent your response %s. It did not put things right."), when);
    }
  else
    rd_letter_add (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH, _("I have not had your response."));
  rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                        _("I ask you to escalate my complaint to stage %u of your complaints "
                          "procedure."), next_stage);
  add_points (ctx, _("What my complaint is about"));
  add_missed (ctx, _("The deadlines you missed"), FALSE, TRUE, TRUE);
  _rd_letters_add_repairs (ctx->letter, ctx->facts, ctx->dashboard,
                           _("Repairs and hazards: what you have done so far"));
  add_outcomes (ctx, _("What I want you to do to put this right"));
  _rd_letters_add_remedies (ctx->letter, ctx->dashboard, _("Compensation I ask you to consider"));
  add_timescales (ctx, next_stage);
  add_convention (ctx);
  add_preferences (ctx);
  add_closing (ctx);
}

static char *
describe_event (Ctx              *ctx,
                RdComplaintEvent *event)
{
  g_autofree char *when = rd_date_format_long (rd_complaint_event_get_date (event));
  g_autofree char *title = rd_complaint_event_dup_title (event);
  GString *out = g_string_new (NULL);

  /* Translators: one step of a complaint, "Tuesday 26 November 2024: Acknowledged (stage 1)" */
  g_string_append_printf (out, _("%s: %s."), when, title);
  if (rd_complaint_event_get_new_date (event) != NULL)
    {
      g_autofree char *new_date = rd_date_format_long (rd_complaint_event_get_new_date (event));
      g_string_append_printf (out, _(" The new date given was %s."), new_date);
    }
  if (*rd_complaint_event_get_reason (event) != '\0')
    g_string_append_printf (out, _(" The reason given: %s"), rd_complaint_event_get_reason (event));
  if (*rd_complaint_event_get_notes (event) != '\0')
    g_string_append_printf (out, " %s", rd_complaint_event_get_notes (event));
  return g_string_free (out, FALSE);
}

/* The body the complaint goes to (complaint-routes.txt): in England the
 * Housing Ombudsman unless every landlord the tenancy allows sends it
 * elsewhere; in Wales the only ombudsman there is. */
static void
add_ombudsman_head (Ctx        *ctx,
                    const char *subject)
{
  RdCountry country = rd_case_get_country (ctx->rcase);
  RdRouteBody body = country == RD_COUNTRY_WALES ? RD_ROUTE_BODY_PSOW : rd_complaint_route_for_tenancy (
    country, rd_case_get_tenancy_type (ctx->rcase),
    ctx->complaint ? rd_complaint_get_subject (ctx->complaint) : RD_COMPLAINT_SUBJECT_NOT_SAID);

  if (body == RD_ROUTE_BODY_LGSCO || body == RD_ROUTE_BODY_PSOW)
    {
      add_head (ctx, body == RD_ROUTE_BODY_LGSCO ? _("Local Government and Social Care Ombudsman")
                                                 : _("Public Services Ombudsman for Wales"), subject);
      rd_letter_add (ctx->letter, RD_LETTER_BLOCK_SALUTATION, _("Dear Ombudsman,"));
      return;
    }
  add_head (ctx, _("Housing Ombudsman Service"), subject);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_SALUTATION, _("Dear Housing Ombudsman,"));
}

static void
build_ombudsman (Ctx *ctx)
{
  const char *landlord = rd_case_get_landlord_name (ctx->rcase);
  /* The landlord's name is as the resident typed it: after "about" Welsh
   * would mutate it and Polish decline it, so it stands after a colon. */
  g_autofree char *subject = landlord != NULL && *landlord != '\0'
    /* Translators: a letter's subject, "Summary of my complaint (landlord: Northgate Homes)":
     * %s is the landlord's name as typed, which must stand alone */
    ? g_strdup_printf (_("Summary of my complaint (landlord: %s)"), landlord)
    : g_strdup (_("Summary of my complaint"));
  GPtrArray *events = ctx->complaint ? rd_case_facts_get_events (ctx->facts, ctx->complaint) : NULL;
  const char *name = rd_case_get_resident_name (ctx->rcase);
  const char *address = rd_case_get_address (ctx->rcase);
  const char *reference = ctx->complaint ? rd_complaint_get_reference (ctx->complaint) : "";
  RdCaseAdmin *admin = rd_case_facts_get_admin (ctx->facts);
  g_autofree char *authority = admin ? rd_case_admin_dup_authority (admin) : NULL;

  add_ombudsman_head (ctx, subject);
  if (*name != '\0' && *address != '\0')
    rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH, _("My name is %s. I live at %s."),
                          name, address);
  rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH, _("My landlord is %s. My tenancy: %s."),
                        or_default (landlord, _("my landlord")), rd_tenancy_type_get_label (rd_case_get_tenancy_type (ctx->rcase)));
  if (*reference != '\0')
    rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                          _("My landlord’s reference for the complaint is %s."), reference);
  if (authority != NULL)
    rd_letter_add_printf (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                          /* Translators: %s is a date with its preposition, "on
                           * Monday 3 March 2025", maybe followed by what it covers */
                          _("An adviser acts for me on this complaint. I gave them my written "
                            "authority to act for me %s."), authority);
  rd_letter_add (ctx->letter, RD_LETTER_BLOCK_PARAGRAPH,
                 _("I have been through my landlord’s complaints procedure and I am not satisfied. "
                   "I ask you to look at my complaint. This is a summary; my records and evidence "
                   "come with it."));
  add_points (ctx, _("What my complaint is about"));

  if (events != NULL && events->len > 0)
    {
      rd_letter_add (ctx->letter, RD_LETTER_BLOCK_HEADING, _("The complaint, step by step"));
      for (guint i = 0; i < events->len; i++)
        {
          g_autofree char *text = describe_event (ctx, g_ptr_array_index (events, i));
          rd_letter_add (ctx->letter, RD_LETTER_BLOCK_LIST_ITEM, text);
        }
    }
  add_missed (ctx, _("Where my landlord missed its deadlines"), FALSE, TRUE, TRUE);
  _rd_letters_add_incidents (ctx->letter, ctx->facts, ctx->complaint, _("What happened (from my diary)"));
  _rd_letters_add_repairs (ctx->letter, ctx->facts, ctx->dashboard,
                           _("Repairs and hazards: what my landlord has done so far"));
  add_outcomes (ctx, _("What I want"));
  _rd_letters_add_remedies (ctx->letter, ctx->dashboard, _("Compensation I ask you to consider"));
  add_convention (ctx);
  add_preferences (ctx);
  add_closing (ctx);
}

/**
 * rd_letter_build:
 * @complaint: (nullable): the complaint the letter is about
 * @dashboard: the case's dashboard, for its deadlines and today
 *
 * Writes a letter from the case's facts: the points and the outcome of the
 * complaint, the dates of its steps (with weekdays), the deadlines the
 * landlord missed with their working-day counts, and the resident's
 * contact preferences and adjustments.
 *
 * Returns: (transfer full): the letter as title and blocks
 */
RdLetter *
rd_letter_build (RdLetterKind  kind,
                 RdCaseFacts  *facts,
                 RdComplaint  *complaint,
                 RdDashboard  *dashboard)
{
  Ctx ctx = { 0 };

  g_return_val_if_fail (kind < RD_LETTER_N_KINDS, NULL);
  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (complaint == NULL || RD_IS_COMPLAINT (complaint), NULL);
  g_return_val_if_fail (RD_IS_DASHBOARD (dashboard), NULL);

  ctx.letter = rd_letter_new (kind, rd_letter_kind_get_label (kind));
  ctx.facts = facts;
  ctx.rcase = rd_case_facts_get_case (facts);
  ctx.complaint = complaint;
  ctx.dashboard = dashboard;
  ctx.today = rd_dashboard_get_today (dashboard);

  switch (kind)
    {
    case RD_LETTER_STAGE1_COMPLAINT:
      build_stage1 (&ctx);
      break;
    case RD_LETTER_CHASER:
      build_chaser (&ctx);
      break;
    case RD_LETTER_ESCALATION:
      build_escalation (&ctx);
      break;
    case RD_LETTER_OMBUDSMAN_SUMMARY:
      build_ombudsman (&ctx);
      break;
    case RD_LETTER_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return ctx.letter;
}

static gboolean
has_event (RdCaseFacts          *facts,
           RdComplaint          *complaint,
           RdComplaintEventKind  kind)
{
  GPtrArray *events = rd_case_facts_get_events (facts, complaint);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (rd_complaint_event_get_kind (g_ptr_array_index (events, i)) == kind)
      return TRUE;
  return FALSE;
}

/* The letters a next step calls for, most advanced first: the Ombudsman
 * summary once it is time to go there, then a request to escalate, then a
 * chaser. */
static int
letter_rank (RdLetterKind kind)
{
  switch (kind)
    {
    case RD_LETTER_OMBUDSMAN_SUMMARY: return 3;
    case RD_LETTER_ESCALATION: return 2;
    case RD_LETTER_CHASER: return 1;
    case RD_LETTER_STAGE1_COMPLAINT:
    case RD_LETTER_N_KINDS:
    default: return 0;
    }
}

/**
 * rd_letter_suggest:
 * @complaint: (nullable): the complaint the letter is about, usually the latest
 * @kind: (out): the letter for where @complaint stands
 *
 * The letter that fits the complaint's stage on the dashboard's day: the
 * stage 1 complaint before one is made; the Ombudsman summary after the
 * final response (or a referral); otherwise the letter of the What Next
 * step for the complaint (escalate after a stage 1 response, chase a
 * deadline the landlord missed, the Ombudsman once a final stage is long
 * overdue). While the landlord is still in time there is none: any letter
 * dated today would leave out what has happened since it fitted.
 *
 * Returns: %TRUE if a letter fits, with @kind set
 */
gboolean
rd_letter_suggest (RdCaseFacts  *facts,
                   RdComplaint  *complaint,
                   RdDashboard  *dashboard,
                   RdLetterKind *kind)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), FALSE);
  g_return_val_if_fail (complaint == NULL || RD_IS_COMPLAINT (complaint), FALSE);
  g_return_val_if_fail (RD_IS_DASHBOARD (dashboard), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (complaint == NULL || !has_event (facts, complaint, RD_COMPLAINT_EVENT_MADE))
    {
      *kind = RD_LETTER_STAGE1_COMPLAINT;
      return TRUE;
    }
  if (has_event (facts, complaint, RD_COMPLAINT_EVENT_FINAL_RESPONSE) ||
      has_event (facts, complaint, RD_COMPLAINT_EVENT_REFERRED) ||
      has_event (facts, complaint, RD_COMPLAINT_EVENT_OMBUDSMAN_DECISION))
    {
      *kind = RD_LETTER_OMBUDSMAN_SUMMARY;
      return TRUE;
    }
  items = rd_dashboard_get_complaint_deadlines (dashboard, rd_complaint_get_id (complaint));
  for (guint i = 0; i < items->len; i++)
    {
      RdLetterKind step_letter;

      if (!rd_next_step_get_letter (rd_dashboard_item_get_next_step (items->pdata[i]), &step_letter))
        continue;
      if (!found || letter_rank (step_letter) > letter_rank (*kind))
        *kind = step_letter;
      found = TRUE;
    }
  return found;
}
