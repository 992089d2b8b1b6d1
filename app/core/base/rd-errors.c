/* rd-errors.c: the error domain of the core's records and their store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-errors"

#include "config.h"

#include "rd-errors.h"

G_DEFINE_QUARK (rd-store-error-quark, rd_store_error)
