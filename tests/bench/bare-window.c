/* bare-window.c: bench-startup's reference, a bare libadwaita window in a program of its own.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with libadwaita alone, so that its start loads only what any
 * libadwaita application loads. bench-startup also starts the same window
 * from its own program, which is linked with everything Redress is: the
 * difference between the two is the cost of loading Redress's libraries.
 * (Named so that `make bench`, which runs every bench-*, does not run it.)
 */

#include <locale.h>

#include "bench-first-frame.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.example.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);
  char *args[] = { argv[0], NULL };

  setlocale (LC_ALL, "");
  g_signal_connect (app, "activate", G_CALLBACK (bench_first_frame_bare_window_cb), NULL);
  bench_first_frame_watch (G_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), 1, args);
}
