/* rd-case-entry.h: one row of the adviser's case list: the case, its
 * adviser record, and what the list searches and sorts by.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-types.h"
#include "rd-case.h"
#include "rd-case-admin.h"

G_BEGIN_DECLS

#define RD_TYPE_CASE_ENTRY (rd_case_entry_get_type ())
G_DECLARE_FINAL_TYPE (RdCaseEntry, rd_case_entry, RD, CASE_ENTRY, GObject)

RdCaseEntry  *rd_case_entry_new              (RdCase       *rcase,
                                              RdCaseAdmin  *admin,
                                              const char   *references);
RdCase       *rd_case_entry_get_case         (RdCaseEntry  *self);
RdCaseAdmin  *rd_case_entry_get_admin        (RdCaseEntry  *self);
const char   *rd_case_entry_get_display_name (RdCaseEntry  *self);
const char   *rd_case_entry_get_detail       (RdCaseEntry  *self);
gboolean      rd_case_entry_get_archived     (RdCaseEntry  *self);
gboolean      rd_case_entry_matches          (RdCaseEntry  *self,
                                              const char   *query);
const GDate  *rd_case_entry_get_next_due     (RdCaseEntry  *self);
void          rd_case_entry_set_next_due     (RdCaseEntry  *self,
                                              const GDate  *date);
const GDate  *rd_case_entry_get_overdue_since (RdCaseEntry *self);
void          rd_case_entry_set_overdue_since (RdCaseEntry *self,
                                               const GDate *date);
int           rd_case_entry_compare_due      (RdCaseEntry  *a,
                                              RdCaseEntry  *b);

G_END_DECLS
