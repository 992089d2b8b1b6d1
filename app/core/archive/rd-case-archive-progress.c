/* rd-case-archive-progress.c: a hand-over's progress and cancel, handed down
 * through its phases.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each phase asks often whether it was cancelled (every record, every
 * chunk of a file) and says how far it has got now and then: asking is
 * cheap, while the caller's callback may take a lock and wake a main loop.
 */
#define G_LOG_DOMAIN "rd-case-archive"

#include "config.h"

#include "rd-case-archive-private.h"

/* Steps between two reports of how far a phase has got. */
#define REPORT_EVERY 64

void
_rd_archive_progress_init (RdArchiveProgress         *progress,
                           RdCaseArchiveProgressFunc  func,
                           gpointer                   data,
                           GCancellable              *cancellable)
{
  *progress = (RdArchiveProgress) { func, data, cancellable };
}

/**
 * _rd_archive_progress_begin:
 * @total: how many units (bytes, records) the phase counts with
 *   _rd_archive_progress_add(), or 0 when it gives fractions itself
 *
 * Says that @phase has begun.
 */
void
_rd_archive_progress_begin (RdArchiveProgress  *progress,
                            RdCaseArchivePhase  phase,
                            gint64              total)
{
  if (progress == NULL)
    return;
  progress->phase = phase;
  progress->total = total;
  progress->done = 0;
  progress->steps = 0;
  if (progress->func != NULL)
    progress->func (phase, 0, progress->data);
}

/**
 * _rd_archive_progress_step:
 * @fraction: how much of the phase is done, from 0 to 1
 *
 * One step of the current phase: reported now and then.
 *
 * Returns: %FALSE with @error set when the hand-over was cancelled
 */
gboolean
_rd_archive_progress_step (RdArchiveProgress  *progress,
                           double              fraction,
                           GError            **error)
{
  if (progress == NULL)
    return TRUE;
  if (progress->func != NULL && ++progress->steps % REPORT_EVERY == 0)
    progress->func (progress->phase, CLAMP (fraction, 0, 1), progress->data);
  return !g_cancellable_set_error_if_cancelled (progress->cancellable, error);
}

/**
 * _rd_archive_progress_add:
 * @n: units of the phase's total just done
 *
 * _rd_archive_progress_step() for a phase that counts its units.
 */
gboolean
_rd_archive_progress_add (RdArchiveProgress  *progress,
                          gint64              n,
                          GError            **error)
{
  if (progress == NULL)
    return TRUE;
  progress->done += n;
  return _rd_archive_progress_step (progress, (double) progress->done / MAX (progress->total, 1), error);
}

/* Whether the hand-over was cancelled, without a step. */
gboolean
_rd_archive_progress_cancelled (RdArchiveProgress  *progress,
                                GError            **error)
{
  return progress != NULL && g_cancellable_set_error_if_cancelled (progress->cancellable, error);
}
