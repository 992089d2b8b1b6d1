/* rd-contacts-page.h: the case page that logs every contact with the landlord and others.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-record-list-page.h"

G_BEGIN_DECLS

#define RD_TYPE_CONTACTS_PAGE (rd_contacts_page_get_type ())
G_DECLARE_FINAL_TYPE (RdContactsPage, rd_contacts_page, RD, CONTACTS_PAGE, RdRecordListPage)

GListModel *rd_contacts_page_get_contacts (RdContactsPage *self);

G_END_DECLS
