/* rd-application.h: the Redress application object.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-window.h"

G_BEGIN_DECLS

#define RD_TYPE_APPLICATION (rd_application_get_type ())
G_DECLARE_FINAL_TYPE (RdApplication, rd_application, RD, APPLICATION, AdwApplication)

RdApplication *rd_application_new            (GApplicationFlags  flags);
RdStore       *rd_application_get_store      (RdApplication     *self);
const GError  *rd_application_get_store_error (RdApplication    *self);
const char    *rd_application_get_data_dir   (RdApplication     *self);
RdClock       *rd_application_get_clock      (RdApplication     *self);
void           rd_application_set_data_dir   (RdApplication     *self,
                                              const char        *data_dir);
RdWindow      *rd_application_new_window     (RdApplication     *self);

G_END_DECLS
