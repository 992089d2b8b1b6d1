/* rd-ical.h: libical, loaded the first time deadlines are written as calendar events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redress does not link to libical: it brings ICU and the C++ runtime,
 * which the dynamic loader would find and relocate at every start of the
 * window and of every CLI command, for the rare `ics` export. Before
 * making a calendar, rd_ical_load() opens it by the soname it was built
 * against (RD_ICAL_LIBRARY) and fills a table with the functions Redress
 * calls; as in rd-poppler.h, each of their names below stands for its
 * entry, and a call the list leaves out does not link.
 */
#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

G_BEGIN_DECLS

/* Every libical function Redress calls. */
#define RD_ICAL_FUNCTIONS(F) \
  F (icalcomponent_add_component)    \
  F (icalcomponent_add_property)     \
  F (icalcomponent_as_ical_string_r) \
  F (icalcomponent_free)             \
  F (icalcomponent_new_valarm)       \
  F (icalcomponent_new_vcalendar)    \
  F (icalcomponent_new_vevent)       \
  F (icaldurationtype_from_int)      \
  F (icalmemory_free_buffer)         \
  F (icalproperty_new_action)        \
  F (icalproperty_new_calscale)      \
  F (icalproperty_new_categories)    \
  F (icalproperty_new_description)   \
  F (icalproperty_new_dtend)         \
  F (icalproperty_new_dtstamp)       \
  F (icalproperty_new_dtstart)       \
  F (icalproperty_new_method)        \
  F (icalproperty_new_prodid)        \
  F (icalproperty_new_summary)       \
  F (icalproperty_new_transp)        \
  F (icalproperty_new_trigger)       \
  F (icalproperty_new_uid)           \
  F (icalproperty_new_version)       \
  F (icalproperty_new_x)             \
  F (icalproperty_set_x_name)        \
  F (icaltime_adjust)                \
  F (icaltime_from_timet_with_zone)  \
  F (icaltime_null_date)             \
  F (icaltime_null_time)             \
  F (icaltimezone_get_utc_timezone) 

/* A pointer to each, typed as ical.h declares it: __typeof__ names the
 * type without using the function, so nothing links to it. */
#define RD_ICAL_POINTER(name) __typeof__ (name) *name;
typedef struct {
  RD_ICAL_FUNCTIONS (RD_ICAL_POINTER)
} RdIcal;
#undef RD_ICAL_POINTER

/* Filled once by rd_ical_load(); read only after it returned %TRUE. */
extern RdIcal _rd_ical;

gboolean rd_ical_load (GError **error);

/* The loader itself names the functions, not the table's entries. */
#ifndef RD_ICAL_LOADER
#define icalcomponent_add_component    _rd_ical.icalcomponent_add_component
#define icalcomponent_add_property     _rd_ical.icalcomponent_add_property
#define icalcomponent_as_ical_string_r _rd_ical.icalcomponent_as_ical_string_r
#define icalcomponent_free             _rd_ical.icalcomponent_free
#define icalcomponent_new_valarm       _rd_ical.icalcomponent_new_valarm
#define icalcomponent_new_vcalendar    _rd_ical.icalcomponent_new_vcalendar
#define icalcomponent_new_vevent       _rd_ical.icalcomponent_new_vevent
#define icaldurationtype_from_int      _rd_ical.icaldurationtype_from_int
#define icalmemory_free_buffer         _rd_ical.icalmemory_free_buffer
#define icalproperty_new_action        _rd_ical.icalproperty_new_action
#define icalproperty_new_calscale      _rd_ical.icalproperty_new_calscale
#define icalproperty_new_categories    _rd_ical.icalproperty_new_categories
#define icalproperty_new_description   _rd_ical.icalproperty_new_description
#define icalproperty_new_dtend         _rd_ical.icalproperty_new_dtend
#define icalproperty_new_dtstamp       _rd_ical.icalproperty_new_dtstamp
#define icalproperty_new_dtstart       _rd_ical.icalproperty_new_dtstart
#define icalproperty_new_method        _rd_ical.icalproperty_new_method
#define icalproperty_new_prodid        _rd_ical.icalproperty_new_prodid
#define icalproperty_new_summary       _rd_ical.icalproperty_new_summary
#define icalproperty_new_transp        _rd_ical.icalproperty_new_transp
#define icalproperty_new_trigger       _rd_ical.icalproperty_new_trigger
#define icalproperty_new_uid           _rd_ical.icalproperty_new_uid
#define icalproperty_new_version       _rd_ical.icalproperty_new_version
#define icalproperty_new_x             _rd_ical.icalproperty_new_x
#define icalproperty_set_x_name        _rd_ical.icalproperty_set_x_name
#define icaltime_adjust                _rd_ical.icaltime_adjust
#define icaltime_from_timet_with_zone  _rd_ical.icaltime_from_timet_with_zone
#define icaltime_null_date             _rd_ical.icaltime_null_date
#define icaltime_null_time             _rd_ical.icaltime_null_time
#define icaltimezone_get_utc_timezone  _rd_ical.icaltimezone_get_utc_timezone
#endif

G_END_DECLS
