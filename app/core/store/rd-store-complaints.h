/* rd-store-complaints.h: the store's parties, contact log, complaints and stage events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-store.h"
#include "rd-party.h"
#include "rd-contact.h"
#include "rd-complaint.h"
#include "rd-complaint-event.h"

G_BEGIN_DECLS

/* Parties */
GListModel       *rd_store_list_parties           (RdStore           *self,
                                                   gint64             case_id,
                                                   GError           **error);
RdParty          *rd_store_get_party              (RdStore           *self,
                                                   gint64             party_id,
                                                   GError           **error);
gboolean          rd_store_save_party             (RdStore           *self,
                                                   RdParty           *party,
                                                   GError           **error);
gboolean          rd_store_delete_party           (RdStore           *self,
                                                   gint64             party_id,
                                                   GError           **error);

/* Contacts */
GListModel       *rd_store_list_contacts          (RdStore           *self,
                                                   gint64             case_id,
                                                   GError           **error);
gboolean          rd_store_foreach_contact        (RdStore           *self,
                                                   gint64             case_id,
                                                   RdStoreEachFunc    func,
                                                   gpointer           user_data,
                                                   GError           **error);
GPtrArray        *rd_store_read_contacts_page     (RdStore           *self,
                                                   gint64             case_id,
                                                   RdStorePageKey    *key,
                                                   guint              limit,
                                                   GError           **error);
RdContact        *rd_store_get_contact            (RdStore           *self,
                                                   gint64             contact_id,
                                                   GError           **error);
gboolean          rd_store_save_contact           (RdStore           *self,
                                                   RdContact         *contact,
                                                   GError           **error);
gboolean          rd_store_delete_contact         (RdStore           *self,
                                                   gint64             contact_id,
                                                   GError           **error);

/* Complaints and their stage events */
GListModel       *rd_store_list_complaints        (RdStore           *self,
                                                   gint64             case_id,
                                                   GError           **error);
RdComplaint      *rd_store_get_complaint          (RdStore           *self,
                                                   gint64             complaint_id,
                                                   GError           **error);
gboolean          rd_store_save_complaint         (RdStore           *self,
                                                   RdComplaint       *complaint,
                                                   GError           **error);
gboolean          rd_store_save_complaint_with_events (RdStore       *self,
                                                   RdComplaint       *complaint,
                                                   RdComplaintEvent **events,
                                                   guint              n_events,
                                                   GError           **error);
gboolean          rd_store_delete_complaint       (RdStore           *self,
                                                   gint64             complaint_id,
                                                   GError           **error);
GListModel       *rd_store_list_complaint_events  (RdStore           *self,
                                                   gint64             complaint_id,
                                                   GError           **error);
RdComplaintEvent *rd_store_get_complaint_event    (RdStore           *self,
                                                   gint64             event_id,
                                                   GError           **error);
gboolean          rd_store_save_complaint_event   (RdStore           *self,
                                                   RdComplaintEvent  *event,
                                                   GError           **error);
gboolean          rd_store_delete_complaint_event (RdStore           *self,
                                                   gint64             event_id,
                                                   GError           **error);

G_END_DECLS
