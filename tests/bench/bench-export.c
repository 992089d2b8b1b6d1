/* bench-export.c: exporting a large case against qpdf merging the same PDFs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates 50 evidence PDFs (500 pages: text and scanned pages) and 100
 * 12-megapixel JPEG photos with EXIF, then, in the same run, times
 *   - `qpdf --empty --pages <the 50 PDFs> -- out.pdf` (the reference), and
 *   - the whole bundle export (cover, index, chronology, 150 exhibits),
 * each in a child process so that its peak RSS is its own, in alternating
 * rounds (the machine is shared: min and median are printed). Prints the
 * times, their ratios, peak RSS and output size against input size, and
 * the targets: ≤ 2× qpdf's time, ≤ 150 MB, ≤ 1.05× the inputs. Then it
 * exports the case 4× and 8× over (2,000 and 4,000 PDF pages, 400 and
 * 800 photos) to show whether peak RSS stays flat as the bundle grows;
 * the 8× bundle needs about 3.5 GB of free space in the temporary folder.
 * Everything generated is deleted at the end.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "rd-core.h"
#include "rd-hash.h"
#include "rd-test-fixtures.h"

#define N_PDFS         50
#define PAGES_PER_PDF  10
#define N_PHOTOS       100
#define PHOTO_W        4000
#define PHOTO_H        3000
#define ROUNDS         5

static char *
pdf_path (const char *dir,
          int         i)
{
  return g_strdup_printf ("%s/evidence-%02d.pdf", dir, i);
}

static char *
photo_path (const char *dir,
            int         i)
{
  return g_strdup_printf ("%s/photo-%03d.jpg", dir, i);
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

/* Fingerprints are recorded when evidence is added (outside the timing),
 * kept beside each file here. */
static void
write_sha (const char *path)
{
  g_autofree char *sha = rd_sha256_file_hex (path, NULL, NULL, NULL);
  g_autofree char *side = g_strconcat (path, ".sha256", NULL);

  g_file_set_contents (side, sha, -1, NULL);
}

static char *
read_sha (const char *path)
{
  g_autofree char *side = g_strconcat (path, ".sha256", NULL);
  char *sha = NULL;

  g_file_get_contents (side, &sha, NULL, NULL);
  return sha;
}

static goffset
generate (const char *dir)
{
  goffset total = 0;

  for (int i = 0; i < N_PDFS; i++)
    {
      g_autofree char *path = pdf_path (dir, i);

      /* Half letters and notices as text, half scanned pages. */
      if (i % 2 == 0)
        {
          g_autofree char *marker = g_strdup_printf ("EVIDENCE%02d", i);
          rd_fixture_text_pdf (path, PAGES_PER_PDF, marker, 595.276, 841.89);
        }
      else
        rd_fixture_scan_pdf (path, PAGES_PER_PDF, 1240, 1754, (guint) i);
      write_sha (path);
      total += file_size (path);
    }
  for (int i = 0; i < N_PHOTOS; i++)
    {
      g_autofree char *path = photo_path (dir, i);
      static const int orientations[] = { 1, 6, 8, 3 };
      g_autoptr(GBytes) jpeg = rd_fixture_jpeg (PHOTO_W, PHOTO_H, orientations[i % 4],
                                                "GPS-51.5074N-0.1278W", 12, (guint) i);

      rd_fixture_write_bytes (path, jpeg);
      write_sha (path);
      total += file_size (path);
    }
  return total;
}

/* The export itself, run in a child process (argv: --export DIR OUT SCALE).
 * For profiling by hand, BENCH_NO_PDFS or BENCH_NO_PHOTOS leave one kind out. */
/* @scale: in eighths of the case (8 = the case, 16 = every exhibit twice). */
static int
export_main (const char *dir,
             const char *out,
             int         scale)
{
  g_autoptr(RdBundle) bundle = rd_bundle_new ();
  g_autoptr(RdBundleSection) cover = rd_bundle_section_new ("Cover");
  g_autoptr(RdBundleSection) chron = rd_bundle_section_new ("Chronology");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2024, 3, 4, 14, 5, 0);

  rd_bundle_set_title (bundle, "Benchmark bundle");
  rd_bundle_set_author (bundle, "Bench Resident");
  rd_bundle_section_add (cover, RD_BLOCK_TITLE, NULL, "Evidence bundle");
  rd_bundle_section_add (cover, RD_BLOCK_FIELD, "Resident", "Bench Resident");
  rd_bundle_add_section (bundle, cover);
  rd_bundle_add_index (bundle);
  rd_bundle_section_add (chron, RD_BLOCK_TITLE, NULL, "Chronology");
  for (int i = 1; i <= 60; i++)
    {
      g_autofree char *num = g_strdup_printf ("%d.", i);
      rd_bundle_section_add (chron, RD_BLOCK_NUMBERED, num,
                             "Shouting and banging from the flat above after 23:00; reported to "
                             "the landlord the next day (see the exhibits).");
    }
  rd_bundle_add_section (bundle, chron);

  for (int k = 0; k < (g_getenv ("BENCH_NO_PDFS") ? 0 : N_PDFS * scale / 8); k++)
    {
      int i = k % N_PDFS;
      g_autofree char *path = pdf_path (dir, i);
      g_autofree char *title = g_strdup_printf ("Letter %d", i + 1);
      g_autoptr(RdBundleExhibit) ex = rd_bundle_exhibit_new (RD_EXHIBIT_PDF, path, title);

      g_autofree char *sha = read_sha (path);

      rd_bundle_exhibit_set_sha256 (ex, sha);
      rd_bundle_exhibit_set_date (ex, when, "the date on the letter");
      rd_bundle_add_exhibit (bundle, ex);
    }
  for (int k = 0; k < (g_getenv ("BENCH_NO_PHOTOS") ? 0 : N_PHOTOS * scale / 8); k++)
    {
      int i = k % N_PHOTOS;
      g_autofree char *path = photo_path (dir, i);
      g_autofree char *title = g_strdup_printf ("Photo %d", i + 1);
      g_autoptr(RdBundleExhibit) ex = rd_bundle_exhibit_new (RD_EXHIBIT_PHOTO, path, title);

      g_autofree char *sha = read_sha (path);

      /* As the evidence store would: the fingerprint recorded on import. */
      rd_bundle_exhibit_set_sha256 (ex, sha);
      rd_bundle_exhibit_set_date (ex, when, "taken from the photo’s own data");
      rd_bundle_exhibit_set_description (ex, "Damage to the front door.");
      rd_bundle_add_exhibit (bundle, ex);
    }

  if (!rd_bundle_write (bundle, out, NULL, NULL, NULL, &error))
    {
      g_printerr ("export failed: %s\n", error->message);
      return 1;
    }
  printf ("%d\n", rd_bundle_get_n_pages (bundle));
  return 0;
}

typedef struct
{
  double seconds;
  double cpu;         /* user + system, every thread */
  long   max_rss_kb;
  int    status;
} Run;

static Run
run_child (const char * const *argv)
{
  Run run = { 0, 0, 0, -1 };
  gint64 start = g_get_monotonic_time ();
  struct rusage ru;
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int devnull = open ("/dev/null", O_WRONLY);
      dup2 (devnull, STDOUT_FILENO);
      execvp (argv[0], (char * const *) argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &ru) < 0)
    return run;
  run.seconds = (g_get_monotonic_time () - start) / 1e6;
  run.max_rss_kb = ru.ru_maxrss;
  run.cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  run.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return run;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @values (n of them) and returns the median; values[0] is the min. */
static double
median (double *values,
        int     n)
{
  qsort (values, (size_t) n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = g_build_filename (path, name, NULL);
      g_unlink (p);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self = NULL;
  g_autofree char *ref_out = NULL;
  g_autofree char *bundle_out = NULL;
  g_autoptr(GPtrArray) qpdf_argv = g_ptr_array_new_with_free_func (g_free);
  goffset inputs, pdf_inputs = 0, ref_size = 0, out_size = 0;
  double ref_wall[ROUNDS], ref_cpu[ROUNDS], exp_wall[ROUNDS], exp_cpu[ROUNDS];
  double ratio_wall[ROUNDS], ratio_cpu[ROUNDS];
  long ref_rss = 0, exp_rss = 0;
  gint64 t0;
  int failed = 0;

  if (argc == 5 && g_str_equal (argv[1], "--export"))
    return export_main (argv[2], argv[3], atoi (argv[4]));
  if (argc == 3 && g_str_equal (argv[1], "--generate"))
    {
      /* For profiling by hand: make the case and keep it. */
      g_mkdir_with_parents (argv[2], 0755);
      printf ("%.1f MB\n", generate (argv[2]) / 1e6);
      return 0;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = g_dir_make_tmp ("redress-bench-export-XXXXXX", &error);
  g_assert_no_error (error);
  ref_out = g_build_filename (dir, "qpdf-merged.pdf", NULL);
  bundle_out = g_build_filename (dir, "bundle.pdf", NULL);

  printf ("Generating %d PDFs (%d pages) and %d %d×%d photos in %s…\n",
          N_PDFS, N_PDFS * PAGES_PER_PDF, N_PHOTOS, PHOTO_W, PHOTO_H, dir);
  t0 = g_get_monotonic_time ();
  inputs = generate (dir);
  for (int i = 0; i < N_PDFS; i++)
    {
      g_autofree char *p = pdf_path (dir, i);
      pdf_inputs += file_size (p);
    }
  printf ("  generated in %.1f s: %.1f MB of PDFs, %.1f MB of photos\n",
          (g_get_monotonic_time () - t0) / 1e6, pdf_inputs / 1e6, (inputs - pdf_inputs) / 1e6);

  g_ptr_array_add (qpdf_argv, g_strdup ("qpdf"));
  g_ptr_array_add (qpdf_argv, g_strdup ("--empty"));
  g_ptr_array_add (qpdf_argv, g_strdup ("--pages"));
  for (int i = 0; i < N_PDFS; i++)
    g_ptr_array_add (qpdf_argv, pdf_path (dir, i));
  g_ptr_array_add (qpdf_argv, g_strdup ("--"));
  g_ptr_array_add (qpdf_argv, g_strdup (ref_out));
  g_ptr_array_add (qpdf_argv, NULL);

  /* Alternating rounds after a warm-up of each, so both see a warm page
   * cache; each round's ratio is taken from its own pair of runs, which
   * keeps it meaningful when the load on the machine drifts. */
  for (int round = -1; round < ROUNDS; round++)
    {
      const char *export_argv[] = { self, "--export", dir, bundle_out, "8", NULL };
      Run r, e;

      g_unlink (ref_out);
      g_unlink (bundle_out);
      r = run_child ((const char * const *) qpdf_argv->pdata);
      e = run_child (export_argv);
      if (r.status != 0 || e.status != 0)
        {
          printf ("FAILED: qpdf exit %d, export exit %d\n", r.status, e.status);
          failed = 1;
          break;
        }
      if (round < 0)
        continue;
      printf ("  round %d: qpdf %.2f s (cpu %.2f s), export %.2f s (cpu %.2f s)\n", round + 1,
              r.seconds, r.cpu, e.seconds, e.cpu);
      ref_wall[round] = r.seconds;
      ref_cpu[round] = r.cpu;
      exp_wall[round] = e.seconds;
      exp_cpu[round] = e.cpu;
      ratio_wall[round] = e.seconds / r.seconds;
      ratio_cpu[round] = e.cpu / r.cpu;
      ref_rss = MAX (ref_rss, r.max_rss_kb);
      exp_rss = MAX (exp_rss, e.max_rss_kb);
    }

  if (!failed)
    {
      static const int scales[] = { 32, 64 };
      Run bigger[G_N_ELEMENTS (scales)];
      double rw, rc, ew, ec, qw, qc;

      ref_size = file_size (ref_out);
      out_size = file_size (bundle_out);
      g_unlink (bundle_out);
      for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
        {
          g_autofree char *scale = g_strdup_printf ("%d", scales[i]);
          const char *big_argv[] = { self, "--export", dir, bundle_out, scale, NULL };

          bigger[i] = run_child (big_argv);
          g_unlink (bundle_out);
          if (bigger[i].status != 0)
            {
              printf ("FAILED: export of the case %d× over exit %d\n", scales[i] / 8,
                      bigger[i].status);
              failed = 1;
            }
        }

      rw = median (ref_wall, ROUNDS);
      rc = median (ref_cpu, ROUNDS);
      ew = median (exp_wall, ROUNDS);
      ec = median (exp_cpu, ROUNDS);
      qw = median (ratio_wall, ROUNDS);
      qc = median (ratio_cpu, ROUNDS);
      printf ("\n%d rounds, min / median:\n", ROUNDS);
      printf ("qpdf --empty --pages (%d PDFs):  wall %.2f / %.2f s, cpu %.2f / %.2f s, "
              "peak RSS %.1f MB, %.1f MB written\n", N_PDFS, ref_wall[0], rw, ref_cpu[0], rc,
              ref_rss / 1024.0, ref_size / 1e6);
      printf ("export (%d PDFs + %d photos):   wall %.2f / %.2f s, cpu %.2f / %.2f s, "
              "peak RSS %.1f MB, %.1f MB written\n", N_PDFS, N_PHOTOS, exp_wall[0], ew,
              exp_cpu[0], ec, exp_rss / 1024.0, out_size / 1e6);
      for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
        printf ("export of the case %d× over (%d PDF pages, %d photos): %.2f s, cpu %.2f s, "
                "peak RSS %.1f MB\n", scales[i] / 8, N_PDFS * PAGES_PER_PDF * scales[i] / 8,
                N_PHOTOS * scales[i] / 8, bigger[i].seconds, bigger[i].cpu,
                bigger[i].max_rss_kb / 1024.0);

      printf ("\nwall ratio export / qpdf:     %.2f min, %.2f median  (target ≤ 2.00) %s\n",
              ratio_wall[0], qw, qw <= 2 ? "met" : "NOT MET");
      printf ("cpu ratio export / qpdf:      %.2f min, %.2f median  (the export also hashes, "
              "strips and writes %.0f MB of photos that qpdf is not given)\n",
              ratio_cpu[0], qc, (inputs - pdf_inputs) / 1e6);
      {
        long peak = exp_rss;

        for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
          peak = MAX (peak, bigger[i].max_rss_kb);
        printf ("peak RSS:                     %.1f MB at 1×, %.1f MB at 4×, %.1f MB at 8× "
                "(target ≤ 150 MB whatever the size) %s\n", exp_rss / 1024.0,
                bigger[0].max_rss_kb / 1024.0, bigger[1].max_rss_kb / 1024.0,
                peak <= 150 * 1024 ? "met" : "NOT MET");
      }
      printf ("output / inputs:              %.3f (%.1f MB / %.1f MB, target ≤ 1.05) %s\n",
              (double) out_size / inputs, out_size / 1e6, inputs / 1e6,
              out_size <= 1.05 * inputs ? "met" : "NOT MET");
    }

  remove_dir (dir);
  return failed;
}
