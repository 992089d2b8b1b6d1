/* test-bundle-volumes.c: a bundle split into volumes under a size limit, and section page stamps.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rd-core.h"
#include "evidence-fixtures.h"
#include "rd-test-fixtures.h"
#include "store-fixtures.h"

#define N_PHOTOS 6

typedef struct
{
  char *root;
  char *photos[N_PHOTOS];
  char *scans[2];
  char *text_pdf;
  char *big_pdf;   /* larger than any limit the tests set */
} Files;

static void
files_make (Files *f)
{
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("redress-volumes-XXXXXX", &error);
  g_assert_no_error (error);
  for (int i = 0; i < N_PHOTOS; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo%d.jpg", i + 1);

      f->photos[i] = g_build_filename (f->root, name, NULL);
      fixture_write_big_jpeg (f->photos[i], 420 * 1000, 10 + i);
    }
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("scan%d.pdf", i + 1);

      f->scans[i] = g_build_filename (f->root, name, NULL);
      fixture_write_big_pdf (f->scans[i], 300 * 1000, 40 + i);
    }
  f->text_pdf = g_build_filename (f->root, "letters.pdf", NULL);
  rd_fixture_text_pdf (f->text_pdf, 5, "Landlord letter", 595, 842);
  f->big_pdf = g_build_filename (f->root, "survey.pdf", NULL);
  fixture_write_big_pdf (f->big_pdf, 1600 * 1000, 77);
}

static void
files_clear (Files *f)
{
  fixture_remove_tree (f->root);
  for (int i = 0; i < N_PHOTOS; i++)
    g_free (f->photos[i]);
  g_free (f->scans[0]);
  g_free (f->scans[1]);
  g_free (f->text_pdf);
  g_free (f->big_pdf);
  g_free (f->root);
}

static void
add (RdBundle      *bundle,
     RdExhibitKind  kind,
     const char    *path,
     const char    *title)
{
  g_autoptr(RdBundleExhibit) ex = rd_bundle_exhibit_new (kind, path, title);

  rd_bundle_exhibit_set_file_name (ex, strrchr (path, '/') + 1);
  rd_bundle_add_exhibit (bundle, ex);
}

/* Cover, index, then sections A (a letter and a text PDF), B (photos) and
 * C (scans; with @big, a survey larger than the limit first). */
static RdBundle *
make_bundle (Files    *f,
             gboolean  big)
{
  RdBundle *bundle = rd_bundle_new ();
  g_autoptr(RdBundleSection) cover = rd_bundle_section_new ("Cover");
  g_autoptr(RdBundleSection) letter = rd_bundle_section_new ("Letter");

  rd_bundle_section_add (cover, RD_BLOCK_TITLE, NULL, "Evidence bundle");
  rd_bundle_section_add (cover, RD_BLOCK_FIELD, "Resident", "Sam Resident");
  rd_bundle_add_section (bundle, cover);
  rd_bundle_add_index (bundle);

  rd_bundle_add_divider (bundle, "A", "The complaint and letters");
  rd_bundle_section_add (letter, RD_BLOCK_TITLE, NULL, "Letter");
  for (int i = 0; i < 40; i++)
    rd_bundle_section_add (letter, RD_BLOCK_PARAGRAPH, NULL,
                           "The mould in the back bedroom came back within a month of the "
                           "repair, and the window still does not close.");
  rd_bundle_add_section (bundle, letter);
  add (bundle, RD_EXHIBIT_PDF, f->text_pdf, "Letters from the landlord");

  rd_bundle_add_divider (bundle, "B", "Photographs");
  for (int i = 0; i < N_PHOTOS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Photograph number %d", i + 1);
      add (bundle, RD_EXHIBIT_PHOTO, f->photos[i], title);
    }

  rd_bundle_add_divider (bundle, "C", "Other documents");
  if (big)
    add (bundle, RD_EXHIBIT_PDF, f->big_pdf, "Damp survey");
  add (bundle, RD_EXHIBIT_PDF, f->scans[0], "Scanned inspection report");
  add (bundle, RD_EXHIBIT_PDF, f->scans[1], "Scanned repair notice");
  return bundle;
}

static goffset
stat_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The N of "Page N of M" on a page, or 0 if it has none. */
static int
page_number (const char *page,
             int        *of)
{
  g_autoptr(GRegex) regex = g_regex_new ("Page (\\d+) of (\\d+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *n = NULL;
  g_autofree char *m = NULL;

  if (!g_regex_match (regex, page, 0, &match))
    return 0;
  n = g_match_info_fetch (match, 1);
  m = g_match_info_fetch (match, 2);
  *of = atoi (m);
  return atoi (n);
}

/* Each volume: a file under the limit (unless it holds one exhibit alone
 * over it), qpdf-clean, opening with its cover and the index of every
 * volume, its pages numbered on from the volume before; every exhibit's
 * pages (found by its fingerprint) in exactly one volume. */
static void
check_volumes (RdBundle    *bundle,
               Files       *f,
               const char  *output,
               goffset      limit,
               gboolean     big)
{
  guint n = rd_bundle_get_n_volumes (bundle);
  g_autoptr(GString) all_text = g_string_new (NULL);
  int next = 1, total = rd_bundle_get_n_pages (bundle);

  g_assert_cmpuint (n, >=, 2);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  for (guint v = 0; v < n; v++)
    {
      const char *path = rd_bundle_get_volume_path (bundle, v);
      g_autofree char *expected = g_strdup_printf ("bundle-volume-%u.pdf", v + 1);
      g_autofree char *heading = g_strdup_printf ("Volume %u of %u", v + 1, n);
      g_auto(GStrv) pages = NULL;
      RdBundleExhibit *alone = rd_bundle_get_volume_alone (bundle, v);
      gboolean front = TRUE;
      int first, last;

      g_assert_true (g_str_has_suffix (path, expected));
      g_assert_cmpint (stat_size (path), ==, rd_bundle_get_volume_size (bundle, v));
      if (alone != NULL)
        {
          g_assert_true (big);
          g_assert_cmpstr (rd_bundle_exhibit_get_title (alone), ==, "Damp survey");
          g_assert_cmpint (stat_size (path), >, limit);
        }
      else
        g_assert_cmpint (stat_size (path), <=, limit);
      rd_fixture_assert_qpdf_check (path);

      pages = rd_fixture_pdf_text_pages (path);
      g_assert_nonnull (strstr (pages[0], heading));
      rd_bundle_get_volume_pages (bundle, v, &first, &last);
      g_assert_cmpint (first, ==, next);
      for (guint p = 0; pages[p] != NULL && pages[p + 1] != NULL; p++)
        {
          int of = 0, number = page_number (pages[p], &of);

          if (v > 0 && front && number == 0)
            {
              /* The cover and index a later volume repeats: not numbered. */
              g_assert_nonnull (strstr (pages[p], heading));
              continue;
            }
          front = FALSE;
          g_assert_cmpint (number, ==, next);
          g_assert_cmpint (of, ==, total);
          next++;
          if (v > 0 || p > 0)
            g_string_append (all_text, pages[p]);
        }
      g_assert_cmpint (last, ==, next - 1);
    }
  g_assert_cmpint (next - 1, ==, total);

  /* Each photo and scan once, outside the indexes (which name, but do not
   * fingerprint, them). */
  for (int i = 0; i < N_PHOTOS + 2 + (big ? 1 : 0); i++)
    {
      const char *file = i < N_PHOTOS ? f->photos[i] : i < N_PHOTOS + 2 ? f->scans[i - N_PHOTOS]
                                                                         : f->big_pdf;
      g_autofree char *sha = fixture_sha256_of (file);

      sha[16] = '\0';
      g_assert_cmpuint (count (all_text->str, sha), ==, 1);
    }
}

static void
test_split (void)
{
  Files f = { 0 };
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const goffset limit = 1500 * 1000;

  files_make (&f);
  output = g_build_filename (f.root, "bundle.pdf", NULL);
  bundle = make_bundle (&f, FALSE);
  rd_bundle_set_max_volume_size (bundle, limit);
  g_assert_true (rd_bundle_write (bundle, output, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_volumes (bundle, &f, output, limit, FALSE);

  /* Every volume's index says where each exhibit is, as "Volume N, page P". */
  for (guint v = 0; v < rd_bundle_get_n_volumes (bundle); v++)
    {
      g_autofree char *text = rd_fixture_pdf_text (rd_bundle_get_volume_path (bundle, v));

      for (guint k = 1; k <= rd_bundle_get_n_volumes (bundle); k++)
        {
          g_autofree char *where = g_strdup_printf ("Volume %u, page", k);
          g_assert_nonnull (strstr (text, where));
        }
      g_assert_nonnull (strstr (text, "Photograph number 6"));
      g_assert_nonnull (strstr (text, "Scanned repair notice"));
    }
  g_assert_null (rd_bundle_describe_oversize (bundle));
  files_clear (&f);
}

/* An exhibit larger than the limit gets a volume of its own, which is over
 * the limit, and is named as the reason; the others stay under it. */
static void
test_oversize (void)
{
  Files f = { 0 };
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *said = NULL;
  const goffset limit = 1200 * 1000;
  guint n_alone = 0;

  files_make (&f);
  output = g_build_filename (f.root, "bundle.pdf", NULL);
  bundle = make_bundle (&f, TRUE);
  rd_bundle_set_max_volume_size (bundle, limit);
  g_assert_true (rd_bundle_write (bundle, output, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_volumes (bundle, &f, output, limit, TRUE);
  for (guint v = 0; v < rd_bundle_get_n_volumes (bundle); v++)
    n_alone += rd_bundle_get_volume_alone (bundle, v) != NULL;
  g_assert_cmpuint (n_alone, ==, 1);
  said = rd_bundle_describe_oversize (bundle);
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, "Damp survey"));
  files_clear (&f);
}

/* Under the limit: one file at the path asked for, as without one. */
static void
test_fits (void)
{
  Files f = { 0 };
  g_autoptr(RdBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;

  files_make (&f);
  output = g_build_filename (f.root, "bundle.pdf", NULL);
  bundle = make_bundle (&f, FALSE);
  rd_bundle_set_max_volume_size (bundle, 50 * 1000 * 1000);
  g_assert_true (rd_bundle_write (bundle, output, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rd_bundle_get_n_volumes (bundle), ==, 1);
  g_assert_cmpstr (rd_bundle_get_volume_path (bundle, 0), ==, output);
  rd_fixture_assert_qpdf_check (output);
  text = rd_fixture_pdf_text (output);
  g_assert_null (strstr (text, "Volume 1"));
  g_assert_false (g_file_test (rd_bundle_get_volume_path (bundle, 0), G_FILE_TEST_IS_DIR));
  files_clear (&f);
}

/* redress-cli export --max-size: the volumes named on stdout, each under
 * the limit; a size that is not one is refused. */
static void
test_cli (void)
{
  Files f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(RdCase) rcase = NULL;
  g_autofree char *data = NULL;
  g_autofree char *output = NULL;
  g_autofree char *case_arg = NULL;
  g_autofree char *out = NULL;
  guint n = 0;

  files_make (&f);
  data = g_build_filename (f.root, "data", NULL);
  output = g_build_filename (f.root, "bundle.pdf", NULL);
  store = rd_store_open (data, &error);
  g_assert_no_error (error);
  rcase = fixture_make_case (store, "Damp");
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, rd_case_get_id (rcase));
  g_clear_object (&store);
  {
    const char *args[] = { "add-evidence", case_arg, f.photos[0], f.photos[1], f.photos[2],
                           f.photos[3], f.scans[0], NULL };
    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
  }
  {
    const char *args[] = { "export", case_arg, "--output", output, "--max-size", "0.5", NULL };
    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 2);
  }
  {
    const char *args[] = { "export", case_arg, "--output", output, "--max-size", "1", NULL };
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (fixture_run_cli (data, args, &out, NULL), ==, 0);
    lines = g_strsplit (out, "\n", -1);
    for (guint i = 0; lines[i] != NULL && *lines[i]; i++)
      {
        g_autofree char *path = g_strdup_printf ("%s-volume-%u.pdf", output, ++n);

        /* "bundle.pdf" names "bundle-volume-N.pdf" */
        memmove (path + strlen (output) - 4, path + strlen (output), strlen (path + strlen (output)) + 1);
        g_assert_true (g_str_has_prefix (lines[i], path));
        g_assert_cmpint (stat_size (path), <=, 1000 * 1000);
      }
  }
  g_assert_cmpuint (n, >=, 2);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  files_clear (&f);
}

/* With section stamps, a page in section B carries "B<n>", n counting from
 * the page after B's divider, beside "Page N of M"; the cover and dividers
 * carry none. Across volumes the section pages run on, like the numbers. */
static void
test_section_stamps (void)
{
  Files f = { 0 };

  files_make (&f);
  for (int split = 0; split < 2; split++)
    {
      g_autoptr(RdBundle) bundle = make_bundle (&f, FALSE);
      g_autoptr(GError) error = NULL;
      g_autofree char *output = g_build_filename (f.root, "bundle.pdf", NULL);
      g_autoptr(GRegex) regex = g_regex_new ("\\b([A-C])(\\d+)\\s+Page (\\d+) of", 0, 0, NULL);
      char last_letter = 0;
      int last_n = 0, last_divider = 0, n_stamped = 0;

      rd_bundle_set_section_stamps (bundle, TRUE);
      if (split)
        rd_bundle_set_max_volume_size (bundle, 1500 * 1000);
      g_assert_true (rd_bundle_write (bundle, output, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      /* No limit: no volumes, the one file. */
      if (split)
        g_assert_cmpuint (rd_bundle_get_n_volumes (bundle), >=, 2);
      else
        g_assert_cmpuint (rd_bundle_get_n_volumes (bundle), ==, 0);
      for (guint v = 0; v < MAX (1, rd_bundle_get_n_volumes (bundle)); v++)
        {
          g_auto(GStrv) pages = rd_fixture_pdf_text_pages (split ? rd_bundle_get_volume_path (bundle, v)
                                                                 : output);

          for (guint p = 0; pages[p] != NULL && pages[p + 1] != NULL; p++)
            {
              g_autoptr(GMatchInfo) match = NULL;
              int of = 0, number = page_number (pages[p], &of);

              if (strstr (pages[p], "Section ") != NULL && strstr (pages[p], "Index") == NULL)
                {
                  /* A divider: no section page of its own. */
                  g_assert_false (g_regex_match (regex, pages[p], 0, NULL));
                  last_divider = number;
                  continue;
                }
              if (!g_regex_match (regex, pages[p], 0, &match))
                {
                  /* Only the cover and index are outside the sections
                   * (in later volumes, unnumbered). */
                  g_assert_true (last_divider == 0 || number == 0);
                  continue;
                }
              {
                g_autofree char *letter = g_match_info_fetch (match, 1);
                g_autofree char *n = g_match_info_fetch (match, 2);
                g_autofree char *page = g_match_info_fetch (match, 3);

                g_assert_cmpint (atoi (page), ==, number);
                g_assert_cmpint (atoi (n), ==, number - last_divider);
                if (letter[0] == last_letter)
                  g_assert_cmpint (atoi (n), ==, last_n + 1);
                last_letter = letter[0];
                last_n = atoi (n);
                n_stamped++;
              }
            }
        }
      g_assert_cmpint (last_letter, ==, 'C');
      g_assert_cmpint (n_stamped, >, 10);
    }
  files_clear (&f);
}

/* Each entry directly in @dir, by name: a file's SHA-256, or what else it is. */
static GHashTable *
dir_digest (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (child, &st), ==, 0);
      g_hash_table_insert (files, g_strdup (name),
                           S_ISREG (st.st_mode) ? fixture_sha256_of (child)
                           : g_strdup (S_ISDIR (st.st_mode) ? "folder" : "link"));
    }
  return files;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Everything under @dir, one line a file, in a fixed order. */
static void
tree_digest_into (GString    *out,
                  const char *dir)
{
  g_autoptr(GHashTable) files = dir_digest (dir);
  guint n = 0;
  g_autofree gpointer *names = g_hash_table_get_keys_as_array (files, &n);

  qsort (names, n, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n; i++)
    {
      const char *sum = g_hash_table_lookup (files, names[i]);
      g_autofree char *child = g_build_filename (dir, names[i], NULL);

      g_string_append_printf (out, "%s %s\n", child, sum);
      if (g_str_equal (sum, "folder"))
        tree_digest_into (out, child);
    }
}

static char *
tree_digest (const char *dir)
{
  GString *out = g_string_new (NULL);

  tree_digest_into (out, dir);
  return g_string_free (out, FALSE);
}

/* The CLI with @env_name set to @env_value in its environment; returns its
 * wait status (it may be killed). */
static int
run_cli_env (const char         *data,
             const char         *env_name,
             const char         *env_value,
             const char * const *args,
             char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("REDRESS_CLI"));
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, (char *) data);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  if (env_name != NULL)
    env = g_environ_setenv (env, env_name, env_value, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, env,
                G_SPAWN_STDOUT_TO_DEV_NULL | (err == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);
  return status;
}

/* A store in @f->root/data with a case holding four photos and a scan,
 * about 2 MB: three volumes or so at --max-size 1. Returns the case's id. */
static char *
make_store (Files      *f,
            const char *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (data, &error);
  g_autoptr(RdCase) rcase = NULL;
  char *case_arg;

  g_assert_no_error (error);
  rcase = fixture_make_case (store, "Damp");
  case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, rd_case_get_id (rcase));
  g_clear_object (&store);
  {
    const char *args[] = { "add-evidence", case_arg, f->photos[0], f->photos[1], f->photos[2],
                           f->photos[3], f->scans[0], NULL };
    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
  }
  {
    /* Whatever a first opening of the store does is done before comparing. */
    const char *args[] = { "evidence", case_arg, NULL };
    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
  }
  return case_arg;
}

static char *
find_stored (const char *data)
{
  g_autofree char *evidence = g_build_filename (data, "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (evidence, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (strlen (name) == 64)
      return g_build_filename (evidence, name, NULL);
  g_assert_not_reached ();
  return NULL;
}

/* A volume's name clashing with any other output of the run, or leading
 * into the data folder, or a folder where a volume would go: refused before
 * any work, with the store and the output folder untouched. */
static void
test_clash (void)
{
  Files f = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *out = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *case_arg = NULL;
  g_autofree char *db = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *data_before = NULL;
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *v3 = NULL;
  g_autofree char *v12 = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *spelled = NULL;

  files_make (&f);
  data = g_build_filename (f.root, "data", NULL);
  out = g_build_filename (f.root, "out", NULL);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  bundle = g_build_filename (out, "bundle.pdf", NULL);
  v1 = g_build_filename (out, "bundle-volume-1.pdf", NULL);
  v2 = g_build_filename (out, "bundle-volume-2.pdf", NULL);
  v3 = g_build_filename (out, "bundle-volume-3.pdf", NULL);
  v12 = g_build_filename (out, "bundle-volume-12.pdf", NULL);
  csv = g_build_filename (out, "chronology.csv", NULL);
  spelled = g_build_filename (out, "..", "out", ".", "bundle-volume-2.pdf", NULL);
  case_arg = make_store (&f, data);
  db = rd_store_dup_database_path (data);
  stored = find_stored (data);
  data_before = tree_digest (data);

  for (int k = 0; k < 8; k++)
    {
      g_autofree char *err = NULL;
      g_autofree char *data_after = NULL;
      g_autofree char *out_before = NULL;
      g_autofree char *out_after = NULL;
      const char *what = NULL;
      const char *args[16] = { "export", case_arg, "--output", bundle, "--max-size", "1", NULL };
      guint n = 6;

      switch (k)
        {
        case 0: /* the chronologies and the key, each named as a volume */
          args[n++] = "--chronology-odt";
          args[n++] = v2;
          what = "volume 2 of the bundle";
          break;
        case 1:
          args[n++] = "--chronology-csv";
          args[n++] = v12;
          what = "volume 12 of the bundle";
          break;
        case 2:
          args[n++] = "--anonymise";
          args[n++] = "--anonymise-accept-unchecked";
          args[n++] = "--anonymise-key";
          args[n++] = v1;
          what = "volume 1 of the bundle";
          break;
        case 3: /* another spelling of a volume's name */
          args[n++] = "--chronology-csv";
          args[n++] = spelled;
          what = "volume 2 of the bundle";
          break;
        case 4: /* a volume there now that is the same file as the chronology */
          g_assert_true (g_file_set_contents (v3, "an earlier volume", -1, NULL));
          g_assert_cmpint (link (v3, csv), ==, 0);
          args[n++] = "--chronology-csv";
          args[n++] = csv;
          what = "volume 3 of the bundle";
          break;
        case 5: /* a link in the series to the case file, or to evidence */
          g_assert_cmpint (symlink (db, v2), ==, 0);
          what = "data folder";
          break;
        case 6:
          g_assert_cmpint (symlink (stored, v1), ==, 0);
          what = "data folder";
          break;
        case 7: /* a folder where a volume would go */
          g_assert_cmpint (g_mkdir (v3, 0700), ==, 0);
          what = "is a folder";
          break;
        }
      out_before = tree_digest (out);
      args[n] = NULL;
      g_assert_cmpint (fixture_run_cli (data, args, NULL, &err), ==, 2);
      if (strstr (err, what) == NULL || strstr (err, "Nothing was written") == NULL)
        g_error ("case %d: “%s” does not say “%s”", k, err, what);
      data_after = tree_digest (data);
      g_assert_cmpstr (data_after, ==, data_before);
      out_after = tree_digest (out);
      g_assert_cmpstr (out_after, ==, out_before);
      fixture_remove_tree (out);
      g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
    }

  /* With none of those, the same export goes through. */
  {
    const char *args[] = { "export", case_arg, "--output", bundle, "--max-size", "1",
                           "--chronology-csv", csv, NULL };

    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (v2, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  }
  g_free (case_arg);
  case_arg = NULL;
  files_clear (&f);
}

static guint
count_volumes (const char *dir)
{
  g_autoptr(GHashTable) files = dir_digest (dir);
  guint n = 0;

  for (guint k = 1; k < 100; k++)
    {
      g_autofree char *name = g_strdup_printf ("bundle-volume-%u.pdf", k);

      if (!g_hash_table_contains (files, name))
        break;
      n = k;
    }
  return n;
}

/* A second export of the same name in fewer volumes removes the volumes
 * beyond its own, and says so; one that fits in one file removes them all.
 * Files that only look like volumes are left alone. */
static void
test_stale (void)
{
  Files f = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *out = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *case_arg = NULL;
  const char *others[] = { "bundle-volume-02.pdf", "bundle-volume-9.pdf.bak",
                           "bundle-volume-x.pdf", "other-volume-7.pdf", NULL };
  guint first, second;

  files_make (&f);
  data = g_build_filename (f.root, "data", NULL);
  out = g_build_filename (f.root, "out", NULL);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  bundle = g_build_filename (out, "bundle.pdf", NULL);
  case_arg = make_store (&f, data);
  for (guint i = 0; others[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (out, others[i], NULL);
      g_assert_true (g_file_set_contents (path, "not a volume", -1, NULL));
    }

  {
    const char *args[] = { "export", case_arg, "--output", bundle, "--max-size", "1", NULL };
    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
  }
  first = count_volumes (out);
  g_assert_cmpuint (first, >=, 3);
  {
    const char *args[] = { "export", case_arg, "--output", bundle, "--max-size", "1.6", NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (fixture_run_cli (data, args, NULL, &err), ==, 0);
    second = count_volumes (out);
    g_assert_cmpuint (second, >=, 2);
    g_assert_cmpuint (second, <, first);
    for (guint k = second + 1; k <= first; k++)
      {
        g_autofree char *name = g_strdup_printf ("bundle-volume-%u.pdf", k);
        g_autofree char *path = g_build_filename (out, name, NULL);

        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
        g_assert_nonnull (strstr (err, path));
      }
    g_assert_nonnull (strstr (err, "Removed"));
  }
  /* Fits in one: bundle.pdf, and no volumes left beside it. */
  {
    const char *args[] = { "export", case_arg, "--output", bundle, "--max-size", "50", NULL };
    g_autofree char *err = NULL;
    g_autoptr(GHashTable) files = NULL;

    g_assert_cmpint (fixture_run_cli (data, args, NULL, &err), ==, 0);
    g_assert_cmpuint (count_volumes (out), ==, 0);
    g_assert_nonnull (strstr (err, "bundle-volume-1.pdf"));
    files = dir_digest (out);
    g_assert_true (g_hash_table_contains (files, "bundle.pdf"));
    for (guint i = 0; others[i] != NULL; i++)
      g_assert_true (g_hash_table_contains (files, others[i]));
    g_assert_cmpuint (g_hash_table_size (files), ==, g_strv_length ((char **) others) + 1);
  }
  files_clear (&f);
}

/* A rename that fails part way through putting the volumes in place: the
 * new ones are taken out, the earlier set is back byte for byte, no
 * temporary file is left, and the error says so. */
static void
test_rename_fails (void)
{
  Files f = { 0 };
  g_autofree char *output = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  const goffset limit = 1500 * 1000;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  files_make (&f);
  output = g_build_filename (f.root, "bundle.pdf", NULL);
  {
    g_autoptr(RdBundle) bundle = make_bundle (&f, FALSE);
    g_autoptr(GError) error = NULL;

    rd_bundle_set_max_volume_size (bundle, limit);
    g_assert_true (rd_bundle_write (bundle, output, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    n = rd_bundle_get_n_volumes (bundle);
    g_assert_cmpuint (n, >=, 2);
  }
  before = dir_digest (f.root);

  for (guint fail = 1; fail <= n; fail++)
    {
      g_autoptr(RdBundle) bundle = make_bundle (&f, TRUE);
      g_autoptr(GError) error = NULL;
      g_autofree char *point = g_strdup_printf ("output-set-rename-%u", fail);

      rd_bundle_set_max_volume_size (bundle, limit);
      g_setenv ("REDRESS_TEST_FAIL_AT", point, TRUE);
      g_assert_false (rd_bundle_write (bundle, output, NULL, NULL, NULL, &error));
      g_unsetenv ("REDRESS_TEST_FAIL_AT");
      g_assert_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "None of the new files was kept"));
      after = dir_digest (f.root);
      g_hash_table_iter_init (&iter, after);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpstr (g_hash_table_lookup (before, key), ==, value);
      g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
      g_clear_pointer (&after, g_hash_table_unref);
    }

  /* Without the failure the new set replaces the old. */
  {
    g_autoptr(RdBundle) bundle = make_bundle (&f, TRUE);
    g_autoptr(GError) error = NULL;

    rd_bundle_set_max_volume_size (bundle, limit);
    g_assert_true (rd_bundle_write (bundle, output, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    check_volumes (bundle, &f, output, limit, TRUE);
  }
  files_clear (&f);
}

static guint
count_temps (const char *dir)
{
  g_autoptr(GHashTable) files = dir_digest (dir);
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += g_str_has_prefix (key, RD_OUTPUT_TEMP_PREFIX);
  return n;
}

/* An export killed while it puts its volumes in place (after the journal,
 * after the first volume, after the last): the next export to the folder
 * puts the earlier set back whole before it starts, and leaves no
 * temporary file; then it writes its own. */
static void
test_killed (void)
{
  Files f = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *out = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *case_arg = NULL;
  g_autoptr(GHashTable) old_set = NULL;
  const char *points[] = { "output-set-journal-written", "output-set-first-in",
                           "output-set-all-in", NULL };

  files_make (&f);
  data = g_build_filename (f.root, "data", NULL);
  out = g_build_filename (f.root, "out", NULL);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  bundle = g_build_filename (out, "bundle.pdf", NULL);
  case_arg = make_store (&f, data);
  {
    const char *args[] = { "export", case_arg, "--output", bundle, "--max-size", "1", NULL };
    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
  }
  old_set = dir_digest (out);
  g_assert_cmpuint (count_volumes (out), >=, 3);

  for (guint i = 0; points[i] != NULL; i++)
    {
      /* Section stamps: every volume differs from the earlier set. */
      const char *args[] = { "export", case_arg, "--output", bundle, "--max-size", "1",
                             "--stamp", "section", NULL };
      g_autoptr(GHashTable) killed = NULL;
      g_autoptr(GHashTable) recovered = NULL;
      int status = run_cli_env (data, "REDRESS_TEST_KILL_AT", points[i], args, NULL);
      GHashTableIter iter;
      gpointer key, value;
      guint changed = 0;

      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      killed = dir_digest (out);
      g_hash_table_iter_init (&iter, old_set);
      while (g_hash_table_iter_next (&iter, &key, &value))
        changed += g_strcmp0 (g_hash_table_lookup (killed, key), value) != 0;
      /* Killed after the first rename, the folder holds a mixed set. */
      if (i > 0)
        g_assert_cmpuint (changed, >, 0);
      g_assert_cmpuint (count_temps (out), >, 0);

      /* What the next export does first. */
      rd_output_remove_stale (out);
      recovered = dir_digest (out);
      g_hash_table_iter_init (&iter, recovered);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpstr (g_hash_table_lookup (old_set, key), ==, value);
      g_assert_cmpuint (g_hash_table_size (recovered), ==, g_hash_table_size (old_set));
    }

  /* Killed again, then the next export itself: the new set, nothing else. */
  {
    const char *args[] = { "export", case_arg, "--output", bundle, "--max-size", "1",
                           "--stamp", "section", NULL };
    g_autoptr(GHashTable) files = NULL;
    int status = run_cli_env (data, "REDRESS_TEST_KILL_AT", "output-set-first-in", args, NULL);

    g_assert_true (WIFSIGNALED (status));
    g_assert_cmpint (fixture_run_cli (data, args, NULL, NULL), ==, 0);
    g_assert_cmpuint (count_temps (out), ==, 0);
    files = dir_digest (out);
    g_assert_cmpuint (g_hash_table_size (files), ==, count_volumes (out));
    g_assert_true (g_hash_table_size (files) >= 3);
  }
  files_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bundle-volumes/split", test_split);
  g_test_add_func ("/bundle-volumes/oversize", test_oversize);
  g_test_add_func ("/bundle-volumes/fits", test_fits);
  g_test_add_func ("/bundle-volumes/cli", test_cli);
  g_test_add_func ("/bundle-volumes/section-stamps", test_section_stamps);
  g_test_add_func ("/bundle-volumes/clash", test_clash);
  g_test_add_func ("/bundle-volumes/stale", test_stale);
  g_test_add_func ("/bundle-volumes/rename-fails", test_rename_fails);
  g_test_add_func ("/bundle-volumes/killed", test_killed);
  return g_test_run ();
}
