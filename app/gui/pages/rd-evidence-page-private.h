/* rd-evidence-page-private.h: what the evidence page's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-evidence-detail.h"
#include "rd-evidence-links.h"
#include "rd-evidence-page.h"

G_BEGIN_DECLS

struct _RdEvidencePage
{
  RdCasePage          parent_instance;

  GListStore         *evidence;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GHashTable         *thumbnails;     /* sha256 → GdkTexture */
  GHashTable         *damaged;        /* evidence id → message, from the last check */
  int                 kind;           /* -1: every kind */
  GHashTable         *search_ids;     /* NULL: no search */
  GHashTable         *link_ids;       /* NULL: no link filter */
  gboolean            unlinked_only;
  GArray             *link_choices;   /* RdLinkTarget, after the first two entries */
  gboolean            refilling_links;
  gboolean            link_choices_stale;  /* to be read again when shown */
  gboolean            reloading;      /* the selection passes through nothing */

  RdEvidenceImporter *importer;
  GCancellable       *cancellable;
  RdProgress         *ocr_progress;     /* reading the text of scans; NULL when not */
  GCancellable       *ocr_cancellable;
  gboolean            ocr_failed_once;  /* said already that scans cannot be read */
  gboolean            ocr_resume;       /* stopped for other work: go on after it */

  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkStack           *page_stack;
  AdwLeaflet         *leaflet;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *link_dropdown;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *evidence_search_entry;
  GtkStack           *grid_stack;
  GtkGridView        *grid;
  GtkLabel           *count_label;
  GtkStack           *detail_stack;
  RdEvidenceDetail   *detail;
  GtkWidget          *add_button;
};

void _rd_evidence_page_update_counts (RdEvidencePage *self);
void _rd_evidence_page_add_action    (GtkWidget      *widget,
                                      const char     *action_name,
                                      GVariant       *parameter);
void _rd_evidence_page_check_action  (GtkWidget      *widget,
                                      const char     *action_name,
                                      GVariant       *parameter);
void _rd_evidence_page_cancel_action (GtkWidget      *widget,
                                      const char     *action_name,
                                      GVariant       *parameter);
void _rd_evidence_page_read_action   (GtkWidget      *widget,
                                      const char     *action_name,
                                      GVariant       *parameter);
void _rd_evidence_page_stop_reading  (RdEvidencePage *self);

G_END_DECLS
