/* rd-date-time-picker.h: a date (with its weekday) and a time of day, as two buttons.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RD_TYPE_DATE_TIME_PICKER (rd_date_time_picker_get_type ())
G_DECLARE_FINAL_TYPE (RdDateTimePicker, rd_date_time_picker, RD, DATE_TIME_PICKER, GtkWidget)

GtkWidget *rd_date_time_picker_new                  (void);
GDateTime *rd_date_time_picker_get_date_time        (RdDateTimePicker *self);
void       rd_date_time_picker_set_date_time        (RdDateTimePicker *self,
                                                     GDateTime        *date_time);
const char *rd_date_time_picker_get_problem         (RdDateTimePicker *self);
void       rd_date_time_picker_set_show_time        (RdDateTimePicker *self,
                                                     gboolean          show_time);
gboolean   rd_date_time_picker_get_show_time        (RdDateTimePicker *self);
void       rd_date_time_picker_set_accessible_names (RdDateTimePicker *self,
                                                     const char       *date_name,
                                                     const char       *time_name);

G_END_DECLS
