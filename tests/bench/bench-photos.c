/* bench-photos.c: photos that are not JPEGs (PNG, HEIC) in a bundle: time,
 * peak RSS and output size, against a 12-megapixel JPEG photo.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates photo-like pictures (smooth shading with grain, so that PNG
 * cannot shrink them much): a 12-MP JPEG (the reference: its bytes go in
 * as they are), a 12-MP and a 48-MP PNG, and, when ImageMagick here can
 * write HEIC, a 12-MP HEIC. Each is exported alone, in a bundle with a
 * cover and an index, in a child process so that its peak RSS is its own;
 * best of three runs. Prints the time, peak RSS, input and output sizes,
 * the output's size against the input's, and the time against the JPEG's.
 * Targets: peak RSS ≤ 150 MB whatever the photo. Everything generated is
 * deleted at the end.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <png.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "rd-core.h"
#include "rd-hash.h"
#include "rd-test-fixtures.h"

#define RUNS 3

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

/* A photo-like PNG written row by row (a 48-MP picture never in memory). */
static void
write_png (const char *path,
           int         width,
           int         height)
{
  FILE *fp = fopen (path, "wb");
  png_structp png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  g_autofree guint8 *row = g_malloc ((gsize) width * 3);
  guint32 seed = 1;

  g_assert_nonnull (fp);
  if (setjmp (png_jmpbuf (png)))
    g_error ("could not write %s", path);
  png_init_io (png, fp);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8, PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);
  for (int y = 0; y < height; y++)
    {
      for (int x = 0; x < width; x++)
        {
          guint8 *p = row + x * 3;

          seed = seed * 1103515245 + 12345;
          p[0] = (guint8) (80 + 120 * x / width + ((seed >> 16) & 15));
          p[1] = (guint8) (60 + 100 * y / height + ((seed >> 20) & 15));
          p[2] = (guint8) (40 + 60 * (x + y) / (width + height) + ((seed >> 24) & 15));
        }
      png_write_row (png, row);
    }
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
  fclose (fp);
}

/* The export, in a child (argv: --export PHOTO OUT). */
static int
export_main (const char *photo,
             const char *out)
{
  g_autoptr(RdBundle) bundle = rd_bundle_new ();
  g_autoptr(RdBundleSection) cover = rd_bundle_section_new ("Cover");
  g_autoptr(RdBundleExhibit) ex = rd_bundle_exhibit_new (RD_EXHIBIT_PHOTO, photo, "Photo");
  g_autoptr(GError) error = NULL;

  rd_bundle_set_title (bundle, "Benchmark bundle");
  rd_bundle_section_add (cover, RD_BLOCK_TITLE, NULL, "Evidence bundle");
  rd_bundle_add_section (bundle, cover);
  rd_bundle_add_index (bundle);
  rd_bundle_exhibit_set_description (ex, "Damp above the window.");
  rd_bundle_add_exhibit (bundle, ex);
  rd_bundle_set_smaller_file (bundle, g_getenv ("BENCH_SMALLER") != NULL);
  if (!rd_bundle_write (bundle, out, NULL, NULL, NULL, &error))
    {
      g_printerr ("export failed: %s\n", error->message);
      return 1;
    }
  if (rd_bundle_exhibit_get_omitted_reason (ex) != NULL)
    {
      g_printerr ("photo left out: %s\n", rd_bundle_exhibit_get_omitted_reason (ex));
      return 1;
    }
  return 0;
}

typedef struct
{
  double seconds;
  long   max_rss_kb;
  int    status;
} Run;

static Run
run_child (const char * const *argv)
{
  Run run = { 0, 0, -1 };
  gint64 start = g_get_monotonic_time ();
  struct rusage ru;
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    {
      execvp (argv[0], (char * const *) argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &ru) < 0)
    return run;
  run.seconds = (g_get_monotonic_time () - start) / 1e6;
  run.max_rss_kb = ru.ru_maxrss;
  run.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return run;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  g_autofree char *out = NULL;
  g_autofree char *src12 = NULL;
  struct { const char *name; char *path; } photos[5] = { { NULL, NULL } };
  double reference = 0;
  int n = 0, failed = 0;

  if (argc == 4 && g_str_equal (argv[1], "--export"))
    return export_main (argv[2], argv[3]);

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = g_dir_make_tmp ("redress-bench-photos-XXXXXX", &error);
  g_assert_no_error (error);
  out = g_build_filename (dir, "bundle.pdf", NULL);

  printf ("Generating photos in %s…\n", dir);
  photos[n].name = "12-MP JPEG (reference)";
  photos[n].path = g_build_filename (dir, "photo-12mp.jpg", NULL);
  {
    g_autoptr(GBytes) jpeg = rd_fixture_jpeg (4000, 3000, 1, "GPS", 12, 1);
    rd_fixture_write_bytes (photos[n].path, jpeg);
  }
  n++;
  src12 = g_build_filename (dir, "photo-12mp.png", NULL);
  photos[n].name = "12-MP PNG";
  photos[n].path = g_strdup (src12);
  write_png (photos[n].path, 4000, 3000);
  n++;
  photos[n].name = "48-MP PNG";
  photos[n].path = g_build_filename (dir, "photo-48mp.png", NULL);
  write_png (photos[n].path, 8000, 6000);
  n++;
  {
    g_autofree char *heic = g_build_filename (dir, "photo-12mp.heic", NULL);
    const char *convert[] = { "convert", src12, "-quality", "60", heic, NULL };
    int status = -1;

    g_free (rd_fixture_run (convert, &status));
    if (status == 0 && file_size (heic) > 0)
      {
        photos[n].name = "12-MP HEIC";
        photos[n].path = g_steal_pointer (&heic);
        n++;
      }
    else
      printf ("  (ImageMagick cannot write HEIC here: no HEIC figures)\n");
  }

  for (int smaller = 0; smaller < 2; smaller++)
    {
      if (smaller)
        g_setenv ("BENCH_SMALLER", "1", TRUE);
      printf ("\n%s\n", smaller ? "With the smaller-file option:" : "As it is:");
      printf ("  %-24s %8s %9s %10s %10s %7s %8s\n", "photo", "time", "peak RSS", "input",
              "output", "out/in", "vs JPEG");
      for (int i = 0; i < n; i++)
        {
          const char *export_argv[] = { self, "--export", photos[i].path, out, NULL };
          Run best = { 1e9, 0, 0 };

          for (int r = 0; r < RUNS; r++)
            {
              Run run;

              g_unlink (out);
              run = run_child (export_argv);
              if (run.status != 0)
                {
                  printf ("  %s: FAILED (exit %d)\n", photos[i].name, run.status);
                  failed = 1;
                  break;
                }
              best.seconds = MIN (best.seconds, run.seconds);
              best.max_rss_kb = MAX (best.max_rss_kb, run.max_rss_kb);
            }
          if (i == 0)
            reference = best.seconds;
          printf ("  %-24s %7.2fs %6.1f MB %7.1f MB %7.2f MB %6.2fx %7.2fx%s\n", photos[i].name,
                  best.seconds, best.max_rss_kb / 1024.0, file_size (photos[i].path) / 1e6,
                  file_size (out) / 1e6, (double) file_size (out) / file_size (photos[i].path),
                  best.seconds / reference, best.max_rss_kb / 1024.0 > 150 ? "  OVER 150 MB" : "");
        }
    }
  printf ("\nTarget: peak RSS ≤ 150 MB whatever the photo.\n");

  for (int i = 0; i < n; i++)
    {
      g_unlink (photos[i].path);
      g_free (photos[i].path);
    }
  g_unlink (src12);
  g_unlink (out);
  g_rmdir (dir);
  return failed;
}
