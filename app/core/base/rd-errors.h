/* rd-errors.h: the error domain of the core's records and their store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The domain is named after the store, where most of these errors happen,
 * but it lives down here so that the record types can refuse an invalid
 * value with the same error the store gives, without reaching up to it. */
#define RD_STORE_ERROR (rd_store_error_quark ())

typedef enum {
  RD_STORE_ERROR_FAILED,
  RD_STORE_ERROR_CANNOT_OPEN,
  RD_STORE_ERROR_NEWER_VERSION,
  RD_STORE_ERROR_CORRUPT,
  RD_STORE_ERROR_NOT_OURS,
  RD_STORE_ERROR_READ_ONLY,
  RD_STORE_ERROR_DISK_FULL,
  RD_STORE_ERROR_BUSY,
  RD_STORE_ERROR_NOT_FOUND,
  RD_STORE_ERROR_INVALID,
} RdStoreError;

GQuark rd_store_error_quark (void);

G_END_DECLS
