/* rd-cli-progress.c: long commands show their progress on a terminal and stop on Ctrl+C.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A command starts a core service's _async function with the job's progress
 * and cancellable, then waits for it here. The bar is drawn on stderr only
 * when stderr is a terminal, so scripts and logs get no carriage returns;
 * stdout is left for the command's result. Ctrl+C cancels the service, which
 * then undoes what it had begun (as the GUI's Cancel does) before the
 * command ends.
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <unistd.h>

#include "rd-cli.h"

#define BAR_WIDTH 30
#define MESSAGE_WIDTH 40

/* Set once Ctrl+C has cancelled a job: its "cancelled" error is then the
 * user's own doing, not a failure. */
static gboolean interrupted;

static void
draw_bar (RdCliJob *job)
{
  double fraction = rd_progress_get_fraction (job->progress);
  const char *message = rd_progress_get_message (job->progress);
  int filled = (int) (fraction * BAR_WIDTH + 0.5);
  g_autofree char *shown = NULL;
  g_autoptr(GString) line = g_string_new ("\r[");

  for (int i = 0; i < BAR_WIDTH; i++)
    g_string_append_c (line, i < filled ? '#' : '-');
  g_string_append_printf (line, "] %3d%%  ", (int) (fraction * 100 + 0.5));
  /* One line however long the message: a wrapped line cannot be redrawn. */
  if (g_utf8_strlen (message, -1) > MESSAGE_WIDTH)
    {
      g_autofree char *start = g_utf8_substring (message, 0, MESSAGE_WIDTH - 1);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (message);
  g_string_append (line, shown);
  for (glong n = g_utf8_strlen (shown, -1); n < MESSAGE_WIDTH; n++)
    g_string_append_c (line, ' ');
  g_printerr ("%s", line->str);
  job->drawn = TRUE;
}

static void
on_progress_cb (RdProgress *progress,
                GParamSpec *pspec,
                RdCliJob   *job)
{
  draw_bar (job);
}

static gboolean
on_interrupt_cb (gpointer data)
{
  RdCliJob *job = data;

  if (!g_cancellable_is_cancelled (job->cancellable))
    {
      if (job->drawn)
        g_printerr ("\n");
      job->drawn = FALSE;
      g_printerr ("%s\n", _("Stopping…"));
      interrupted = TRUE;
      g_cancellable_cancel (job->cancellable);
    }
  return G_SOURCE_CONTINUE;
}

/**
 * rd_cli_job_init:
 *
 * Readies @job for one service call: a progress drawn as a bar on stderr
 * when it is a terminal, and a cancellable that Ctrl+C cancels.
 */
void
rd_cli_job_init (RdCliJob *job)
{
  job->progress = rd_progress_new ();
  job->cancellable = g_cancellable_new ();
  job->result = NULL;
  job->drawn = FALSE;
  if (isatty (STDERR_FILENO))
    g_signal_connect (job->progress, "notify", G_CALLBACK (on_progress_cb), job);
  job->interrupt_id = g_unix_signal_add (SIGINT, on_interrupt_cb, job);
}

void
rd_cli_job_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  RdCliJob *job = data;

  job->result = g_object_ref (result);
}

/**
 * rd_cli_job_wait:
 *
 * Runs the main loop until the service given rd_cli_job_done_cb() and @job
 * finishes, and ends the bar's line.
 *
 * Returns: (transfer none): the result, for the service's _finish function
 */
GAsyncResult *
rd_cli_job_wait (RdCliJob *job)
{
  while (job->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* The last notifications may still wait in an idle. */
  while (g_main_context_iteration (NULL, FALSE));
  if (job->drawn)
    g_printerr ("\n");
  job->drawn = FALSE;
  return job->result;
}

void
rd_cli_job_clear (RdCliJob *job)
{
  g_clear_handle_id (&job->interrupt_id, g_source_remove);
  if (job->progress != NULL)
    g_signal_handlers_disconnect_by_data (job->progress, job);
  g_clear_object (&job->progress);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->result);
}

/**
 * rd_cli_job_failed:
 * @error: why a job's service failed
 * @status: the exit status for this failure
 *
 * Says why the command failed, on stderr. A job that Ctrl+C stopped gets
 * one plain sentence instead of the service's own, and the status
 * %RD_CLI_INTERRUPTED: every service undoes what it had begun when it is
 * cancelled, so there is nothing more to tell.
 *
 * Returns: the exit status
 */
int
rd_cli_job_failed (const GError *error,
                   int           status)
{
  if (interrupted && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_printerr ("%s\n", _("redress-cli: Stopped. Nothing was saved or changed."));
      return RD_CLI_INTERRUPTED;
    }
  g_printerr ("redress-cli: %s\n", error->message);
  return status;
}
