/* rd-service-loss.h: days a home was without heating, hot water or power, as a diary entry records them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stored by key ("heating", "hot-water", "power"): never renumber. */
typedef enum {
  RD_SERVICE_HEATING,
  RD_SERVICE_HOT_WATER,
  RD_SERVICE_POWER,
  RD_SERVICE_N_SERVICES
} RdService;

/* What a diary entry of disrepair records of a loss: which services were
 * lost, from which day, and until which day (invalid: still without them).
 * No service lost means nothing is recorded. */
typedef struct {
  gboolean lost[RD_SERVICE_N_SERVICES];
  GDate    from;
  GDate    until;
} RdServiceLoss;

void        rd_service_loss_init      (RdServiceLoss       *loss);
gboolean    rd_service_loss_is_empty  (const RdServiceLoss *loss);
gboolean    rd_service_loss_is_valid  (const RdServiceLoss *loss,
                                       GError             **error);
char       *rd_service_loss_to_key    (const RdServiceLoss *loss);
gboolean    rd_service_loss_from_key  (const char          *text,
                                       RdServiceLoss       *out,
                                       GError             **error);
guint       rd_service_loss_count_days (const RdServiceLoss *loss,
                                        const GDate         *today);

const char *rd_service_to_key         (RdService            service);
gboolean    rd_service_from_key       (const char          *key,
                                       RdService           *out);
const char *rd_service_get_label      (RdService            service);

G_END_DECLS
