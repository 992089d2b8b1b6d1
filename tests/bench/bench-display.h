/* bench-display.h: a GUI benchmark run without a display starts again under the GUI tests' own.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only for the benchmarks built with BENCH_GUI_WRAPPER (tests/gui/run-gui-test.sh)
 * and BENCH_SCHEMAS_DIR defined, which is why this is a header of its own.
 */
#pragma once

#include <glib.h>
#include <unistd.h>

/* Without a display, runs this program again under the GUI tests' own Xvfb
 * and session bus, with the same arguments; with one, returns. */
static inline void
bench_ensure_display (int    argc,
                      char **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return;
  g_setenv ("GSETTINGS_SCHEMA_DIR", BENCH_SCHEMAS_DIR, FALSE);
  g_ptr_array_add (args, (char *) BENCH_GUI_WRAPPER);
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);
  execv (BENCH_GUI_WRAPPER, (char **) args->pdata);
  g_error ("Could not run %s", BENCH_GUI_WRAPPER);
}
