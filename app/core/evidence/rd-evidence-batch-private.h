/* rd-evidence-batch-private.h: what the staging and committing halves of
 * an evidence import share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_EVIDENCE_COMPILATION)
#error "rd-evidence-batch-private.h belongs to app/core/evidence/: include the folder's public headers instead."
#endif

#include "rd-evidence-private.h"
#include "rd-store-evidence.h"

G_BEGIN_DECLS

/* Email attachments can be emails with attachments; stop somewhere. */
#define MAX_NESTING 3

typedef struct {
  char           *temp_path;   /* the staged copy, until it is placed or dropped */
  char           *sha256;
  goffset         size;
  char           *name;
  char           *description;
  RdEvidenceInfo  info;
  int             parent;      /* index of the email this came in, or -1 */
  RdEvidence     *evidence;    /* after commit */
  gboolean        is_new;
  gint64          contact_id;
} Item;

struct _RdEvidenceBatch
{
  RdStore   *store;
  gint64     case_id;
  char      *evidence_dir;
  char      *staging_dir;
  int        staging_lock;  /* held while the staged copies matter */
  GPtrArray *items;
  gboolean   committed;

  /* Staged copies are flushed to disk (fdatasync) by another thread while
   * the next file is read and hashed, so the disk and the CPU work at the
   * same time; commit waits for every flush first. */
  GThreadPool *syncer;
  GMutex       sync_lock;
  GCond        sync_done;
  guint        n_syncing;
  int          sync_errno;
  char        *sync_failed_name;
};

void     _rd_evidence_batch_item_free (Item        *item);
gboolean _rd_evidence_batch_wait_synced (RdEvidenceBatch  *batch,
                                         GError          **error);
gboolean _rd_evidence_set_io_error    (GError     **error,
                                       int          saved_errno,
                                       const char  *name);

G_END_DECLS
