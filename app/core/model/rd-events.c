/* rd-events.c: storage keys and labels of the shared event kinds.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-events"

#include "config.h"

#include "rd-gettext.h"

#include "rd-events.h"

typedef struct {
  const char *key;
  const char *label;
} KeyLabel;

static const KeyLabel event_kinds[RD_COMPLAINT_EVENT_N_KINDS] = {
  { "made", N_("Complaint made") },
  { "acknowledged", N_("Acknowledged") },
  { "response", N_("Response received") },
  { "escalation-requested", N_("Escalation requested") },
  { "extension-notified", N_("Extension notified") },
  { "final-response", N_("Final response") },
  { "referred", N_("Referred to the Ombudsman") },
  { "ombudsman-decision", N_("Ombudsman’s decision") },
};

static const KeyLabel directions[] = {
  { "to", N_("To them") },
  { "from", N_("From them") },
};

static const KeyLabel channels[RD_CHANNEL_N_CHANNELS] = {
  { "email", N_("Email") },
  { "phone", N_("Phone call") },
  { "letter", N_("Letter") },
  { "web-form", N_("Web form") },
  { "webchat", N_("Webchat") },
  { "visit", N_("Visit or meeting") },
  { "mp-enquiry", N_("MP enquiry") },
};

static gboolean
find_key (const KeyLabel *table,
          guint           n,
          const char     *key,
          guint          *out)
{
  for (guint i = 0; key != NULL && i < n; i++)
    if (g_str_equal (key, table[i].key))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rd_complaint_event_kind_to_key (RdComplaintEventKind kind)
{
  g_return_val_if_fail (kind < RD_COMPLAINT_EVENT_N_KINDS, "");

  return event_kinds[kind].key;
}

gboolean
rd_complaint_event_kind_from_key (const char           *key,
                                  RdComplaintEventKind *out)
{
  guint i;

  if (!find_key (event_kinds, G_N_ELEMENTS (event_kinds), key, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
rd_complaint_event_kind_get_label (RdComplaintEventKind kind)
{
  g_return_val_if_fail (kind < RD_COMPLAINT_EVENT_N_KINDS, "");

  return _(event_kinds[kind].label);
}

const char *
rd_contact_direction_to_key (RdContactDirection direction)
{
  g_return_val_if_fail (direction < G_N_ELEMENTS (directions), "");

  return directions[direction].key;
}

gboolean
rd_contact_direction_from_key (const char         *key,
                               RdContactDirection *out)
{
  guint i;

  if (!find_key (directions, G_N_ELEMENTS (directions), key, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
rd_contact_direction_get_label (RdContactDirection direction)
{
  g_return_val_if_fail (direction < G_N_ELEMENTS (directions), "");

  return _(directions[direction].label);
}

const char *
rd_contact_channel_to_key (RdContactChannel channel)
{
  g_return_val_if_fail (channel < RD_CHANNEL_N_CHANNELS, "");

  return channels[channel].key;
}

gboolean
rd_contact_channel_from_key (const char       *key,
                             RdContactChannel *out)
{
  guint i;

  if (!find_key (channels, G_N_ELEMENTS (channels), key, &i))
    return FALSE;
  *out = i;
  return TRUE;
}

const char *
rd_contact_channel_get_label (RdContactChannel channel)
{
  g_return_val_if_fail (channel < RD_CHANNEL_N_CHANNELS, "");

  return _(channels[channel].label);
}
