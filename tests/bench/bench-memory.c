/* bench-memory.c: peak memory of redress-cli on large inputs, against the size of the
 * largest single item in them.
 *
 * Each input is made first in a temporary folder, then the real CLI is run on
 * it in a fresh data folder and its peak resident size (getrusage's
 * ru_maxrss, through wait4) is printed beside the item's size:
 *
 *   - a tiny case JSON: what the program needs whatever its input;
 *   - case JSON with one text field at the most a field may hold (every
 *     word different, the search index's worst case), and with one of
 *     100 MB (refused: what refusing costs);
 *   - 100,000 short diary entries, contacts and complaints (the most a
 *     list may have), and the largest case JSON the limits accept with
 *     every text full, as diary entries and as contacts;
 *   - an email with a 150 MB attachment (add-evidence), then the case
 *     handed over (export-case) and taken in again (import-case).
 *
 * Targets (issue 12): peak under 3 × the largest item, and under 200 MB
 * for any input the limits accept. The ratio is judged only for items of
 * RATIO_FROM_MB and more: below that the program's own 25 MB decides it.
 * The folder is removed at the end; the whole run takes some minutes.
 *
 *   bench-memory [ATTACHMENT_MB [INPUT...]]   (default 150; every input)
 *
 * INPUT names the inputs to measure: tiny, one-text, huge-text, entries,
 * contacts, complaints, full, full-contacts, email.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gprintf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rd-core.h"
#include "evidence-fixtures.h"

#define MB (1024 * 1024)
#define TARGET_RATIO 3.0
#define TARGET_PEAK_MB 200.0
#define RATIO_FROM_MB 8.0

static char *root;

static void G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_vfprintf (stderr, format, args);
  va_end (args);
  g_printerr ("\n");
  exit (1);
}

/* Words, not one letter repeated: with @vocabulary 0 every word is new
 * (the worst case for the search index, which keeps each distinct word);
 * otherwise they come from that many different words, as in real text. */
static void
append_words (FILE   *out,
              gsize   size,
              guint   vocabulary,
              guint32 seed)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gsize done = 0;

  while (done < size)
    {
      char word[16];
      guint32 x = vocabulary ? (guint32) g_rand_int_range (rand, 0, vocabulary) : g_rand_int (rand);
      guint len;

      /* The same number always spells the same word. */
      x = x * 2654435761u + 1;
      len = 2 + x % 9;
      for (guint i = 0; i < len; i++)
        {
          x = x * 1103515245u + 12345u;
          word[i] = letters[(x >> 16) % 26];
        }
      word[len] = ' ';
      len = MIN (len + 1, size - done);
      if (fwrite (word, 1, len, out) != len)
        die ("could not write the input: %s", g_strerror (errno));
      done += len;
    }
}

/* Which list of a case JSON the entries go in. */
typedef enum {
  ENTRIES_DIARY,
  ENTRIES_CONTACTS,
  ENTRIES_COMPLAINTS,
} Entries;

/* A case JSON of @n_entries entries of one list, each with one text of
 * @text_size bytes: a diary entry's description, a contact's summary, or
 * a complaint's one point. */
static char *
write_case_json (const char *name,
                 Entries     kind,
                 guint       n_entries,
                 gsize       text_size,
                 guint       vocabulary)
{
  static const char * const lists[] = { "incidents", "contacts", "complaints" };
  char *path = g_build_filename (root, name, NULL);
  FILE *out = fopen (path, "w");

  if (out == NULL)
    die ("could not create %s: %s", path, g_strerror (errno));
  fprintf (out, "{\"format\": \"redress-case\", \"version\": 1,\n"
                "\"case\": {\"title\": \"Memory\"},\n\"%s\": [\n", lists[kind]);
  for (guint i = 0; i < n_entries; i++)
    {
      fputs (i == 0 ? "" : ",\n", out);
      if (kind == ENTRIES_DIARY)
        fprintf (out, "{\"starts_at\": \"2024-03-%02uT10:00\", \"category\": \"noise\",\n"
                      "\"description\": \"", 1 + i % 28);
      else if (kind == ENTRIES_CONTACTS)
        fprintf (out, "{\"occurred_at\": \"2024-03-%02uT10:00\", \"direction\": \"to\", "
                      "\"channel\": \"phone\",\n\"summary\": \"", 1 + i % 28);
      else
        fprintf (out, "{\"reference\": \"C%u\", \"points\": [\"", i + 1);
      append_words (out, text_size, vocabulary, i + 1);
      fputs (kind == ENTRIES_COMPLAINTS ? "\"]}" : "\"}", out);
    }
  fputs ("\n]}\n", out);
  if (fclose (out) != 0)
    die ("could not write %s", path);
  return path;
}

/* An email whose one attachment holds @size bytes, base64-encoded as mail
 * programs send it. */
static char *
write_email (gsize size)
{
  char *path = g_build_filename (root, "large.eml", NULL);
  FILE *out = fopen (path, "w");
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  guchar raw[57 * 1024];
  gsize done = 0;

  if (out == NULL)
    die ("could not create %s: %s", path, g_strerror (errno));
  fputs ("From: Housing Officer <officer@example.org>\r\n"
         "To: Resident <resident@example.org>\r\n"
         "Subject: The survey video\r\n"
         "Date: Mon, 4 Mar 2024 10:00:00 +0000\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
         "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
         "The survey is attached.\r\n"
         "--b\r\nContent-Type: application/octet-stream\r\n"
         "Content-Disposition: attachment; filename=\"survey.bin\"\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n", out);
  /* 57 bytes make one 76-character line of base64. */
  while (done < size)
    {
      gsize n = MIN (sizeof raw, size - done);

      for (gsize i = 0; i < n; i++)
        raw[i] = g_rand_int (rand) & 0xff;
      for (gsize at = 0; at < n; at += 57)
        {
          g_autofree char *line = g_base64_encode (raw + at, MIN (57, n - at));

          fputs (line, out);
          fputs ("\r\n", out);
        }
      done += n;
    }
  fputs ("--b--\r\n", out);
  if (fclose (out) != 0)
    die ("could not write %s", path);
  return path;
}

/* Runs redress-cli with @args in @data_dir; returns its peak resident size
 * in bytes, and whether it succeeded in @ok. */
static double
run_cli (const char  *data_dir,
         const char **args,
         gboolean    *ok,
         char       **out_text)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out_path = g_build_filename (root, "cli-output.txt", NULL);
  struct rusage usage;
  int status = 0;
  pid_t pid;

  g_ptr_array_add (argv, (char *) REDRESS_CLI_PATH);
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, (char *) data_dir);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  pid = fork ();
  if (pid < 0)
    die ("fork failed: %s", g_strerror (errno));
  if (pid == 0)
    {
      FILE *out = freopen (out_path, "w", stdout);

      if (out == NULL || freopen ("/dev/null", "w", stderr) == NULL)
        _exit (127);
      execv (REDRESS_CLI_PATH, (char **) argv->pdata);
      _exit (127);
    }
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      die ("wait4 failed: %s", g_strerror (errno));
  if (WIFEXITED (status) && WEXITSTATUS (status) == 127)
    die ("could not run %s", REDRESS_CLI_PATH);
  *ok = WIFEXITED (status) && WEXITSTATUS (status) == 0;
  if (out_text != NULL)
    {
      if (!g_file_get_contents (out_path, out_text, NULL, NULL))
        *out_text = g_strdup ("");
      g_strstrip (*out_text);
    }
  return usage.ru_maxrss * 1024.0;
}

static gboolean all_within = TRUE;
static char **only;

/* Whether the input named @key is to be measured: all, unless some are named. */
static gboolean
wanted (const char *key)
{
  return only == NULL || *only == NULL || g_strv_contains ((const char * const *) only, key);
}

static void
report (const char *what,
        double      item,
        double      peak,
        gboolean    accepted)
{
  double ratio = peak / item;
  gboolean within = (item < RATIO_FROM_MB * MB || ratio < TARGET_RATIO) &&
                    (!accepted || peak < TARGET_PEAK_MB * MB);

  g_autofree char *ratio_text = item < RATIO_FROM_MB * MB ? g_strdup ("—")
                                                          : g_strdup_printf ("%.2f×", ratio);

  g_print ("%-44s %9.1f %9.1f %8s  %-9s %s\n", what, item / MB, peak / MB, ratio_text,
           accepted ? "accepted" : "refused", within ? "ok" : "OVER");
  all_within = all_within && within;
}

static char *
fresh_data_dir (const char *name)
{
  char *dir = g_build_filename (root, name, NULL);

  if (g_mkdir (dir, 0700) != 0)
    die ("could not create %s", dir);
  return dir;
}

static void
clear_input (char **json,
             char **data)
{
  g_unlink (*json);
  g_clear_pointer (json, g_free);
  g_clear_pointer (data, g_free);
}

int
main (int   argc,
      char *argv[])
{
  gsize attachment = (argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 150) * MB;
  g_autofree char *data = NULL;
  g_autofree char *json = NULL;
  g_autofree char *email = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *case_id = NULL;
  gboolean ok;
  double peak;

  setlocale (LC_ALL, "");
  if (attachment == 0)
    die ("usage: bench-memory [ATTACHMENT_MB [INPUT...]]");
  only = argc > 2 ? argv + 2 : NULL;
  root = g_dir_make_tmp ("bench-memory-XXXXXX", NULL);
  if (root == NULL)
    die ("could not make a temporary folder");

  g_print ("Peak resident memory of redress-cli (MB); targets: under %.0f× the largest item, "
           "and under %.0f MB when accepted\n\n", TARGET_RATIO, TARGET_PEAK_MB);
  g_print ("%-44s %9s %9s %8s  %-9s\n", "input", "item", "peak", "ratio", "result");

  /* A tiny case: what the program needs whatever the input. */
  if (wanted ("tiny"))
    {
      json = write_case_json ("tiny.json", ENTRIES_DIARY, 1, 100, 1000);
      data = fresh_data_dir ("data-tiny");
      peak = run_cli (data, (const char *[]) { "import", json, NULL }, &ok, NULL);
      report ("import: case JSON, one short entry", 100, peak, ok);
      clear_input (&json, &data);
    }

  /* The longest text the limits take, every word different, then one far
   * over the limit. */
  if (wanted ("one-text"))
    {
      json = write_case_json ("one-text.json", ENTRIES_DIARY, 1, RD_CASE_JSON_MAX_TEXT_BYTES, 0);
      data = fresh_data_dir ("data-text");
      peak = run_cli (data, (const char *[]) { "import", json, NULL }, &ok, NULL);
      report ("import: case JSON, one text at the limit", RD_CASE_JSON_MAX_TEXT_BYTES, peak, ok);
      clear_input (&json, &data);
    }

  if (wanted ("huge-text"))
    {
      json = write_case_json ("huge-text.json", ENTRIES_DIARY, 1, 100 * MB, 50000);
      data = fresh_data_dir ("data-huge");
      peak = run_cli (data, (const char *[]) { "import", json, NULL }, &ok, NULL);
      report ("import: case JSON, one 100 MB text", 100.0 * MB, peak, ok);
      clear_input (&json, &data);
    }

  /* The most entries a list may have, in each of the three large lists. */
  for (Entries kind = ENTRIES_DIARY; kind <= ENTRIES_COMPLAINTS; kind++)
    {
      static const char * const keys[] = { "entries", "contacts", "complaints" };
      static const char * const whats[] = {
        "import: 100,000 short diary entries", "import: 100,000 short contacts",
        "import: 100,000 short complaints"
      };
      g_autofree char *file = g_strdup_printf ("%s.json", keys[kind]);

      if (!wanted (keys[kind]))
        continue;
      json = write_case_json (file, kind, 100000, 40, 50000);
      data = fresh_data_dir (keys[kind]);
      peak = run_cli (data, (const char *[]) { "import", json, NULL }, &ok, NULL);
      report (whats[kind], 40, peak, ok);
      clear_input (&json, &data);
    }

  /* The largest document the limits accept, every text full: as diary
   * entries, and as contacts. */
  for (Entries kind = ENTRIES_DIARY; kind <= ENTRIES_CONTACTS; kind++)
    {
      static const char * const keys[] = { "full", "full-contacts" };
      static const char * const whats[] = {
        "import: the largest case JSON, every text full",
        "import: the same as contacts"
      };
      g_autofree char *file = g_strdup_printf ("%s.json", keys[kind]);

      if (!wanted (keys[kind]))
        continue;
      json = write_case_json (file, kind,
                              (RD_CASE_JSON_MAX_DOCUMENT_BYTES - 4096) / (RD_CASE_JSON_MAX_TEXT_BYTES + 128),
                              RD_CASE_JSON_MAX_TEXT_BYTES, 50000);
      data = fresh_data_dir (keys[kind]);
      peak = run_cli (data, (const char *[]) { "import", json, NULL }, &ok, NULL);
      report (whats[kind], RD_CASE_JSON_MAX_TEXT_BYTES, peak, ok);
      /* Some 300 MB each: not kept for the end. */
      fixture_remove_tree (data);
      clear_input (&json, &data);
    }

  /* An email with one big attachment, kept, handed over and taken in. */
  if (wanted ("email"))
    {
      email = write_email (attachment);
      data = fresh_data_dir ("data-email");
      json = write_case_json ("small.json", ENTRIES_DIARY, 1, 100, 1000);
      run_cli (data, (const char *[]) { "import", json, NULL }, &ok, &case_id);
      if (!ok)
        die ("could not make the case for the email");
      peak = run_cli (data, (const char *[]) { "add-evidence", case_id, email, NULL }, &ok, NULL);
      report ("add-evidence: an email with one attachment", attachment, peak, ok);
      g_unlink (email);

      archive = g_build_filename (root, "handover.redress", NULL);
      peak = run_cli (data, (const char *[]) { "export-case", case_id, "--output", archive, NULL },
                      &ok, NULL);
      report ("export-case: that case", attachment, peak, ok);
      g_clear_pointer (&data, g_free);
      data = fresh_data_dir ("data-import");
      peak = run_cli (data, (const char *[]) { "import-case", archive, NULL }, &ok, NULL);
      report ("import-case: that archive", attachment, peak, ok);
    }

  fixture_remove_tree (root);
  g_print ("\n%s\n", all_within ? "All within the targets." : "Some inputs are OVER the targets.");
  return all_within ? 0 : 1;
}
