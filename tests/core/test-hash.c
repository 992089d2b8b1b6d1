/* test-hash.c: the core's one SHA-256, against GLib's and a published value.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-hash.h"

static void
test_known_value (void)
{
  g_autofree char *abc = rd_sha256_buffer_hex ("abc", 3);
  g_autofree char *empty = rd_sha256_buffer_hex ("", 0);

  /* FIPS 180-2, appendix B.1, and the empty message. */
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

/* A file bigger than one read, in pieces, gives what GLib gives at once. */
static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-hash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "data.bin", NULL);
  gsize len = 3 * 1024 * 1024 + 17;
  g_autofree guint8 *data = g_malloc (len);
  g_autofree char *expected = NULL;
  g_autofree char *from_file = NULL;
  g_autofree char *from_pieces = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(RdSha256) sha = rd_sha256_new ();
  goffset size = 0;
  guint32 x = 1;

  g_assert_no_error (error);
  for (gsize i = 0; i < len; i++)
    {
      x = x * 1103515245 + 12345;
      data[i] = (guint8) (x >> 16);
    }
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) len, &error));
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);

  from_file = rd_sha256_file_hex (path, &size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_file, ==, expected);
  g_assert_cmpint (size, ==, (goffset) len);

  for (gsize at = 0; at < len; at += 100003)
    rd_sha256_update (sha, data + at, MIN (100003, len - at));
  from_pieces = rd_sha256_finish_hex (sha);
  g_assert_cmpstr (from_pieces, ==, expected);

  g_unlink (path);
  missing = rd_sha256_file_hex (path, NULL, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_rmdir (dir);
}

static gpointer
hash_on_thread (gpointer data)
{
  g_autoptr(RdSha256) outer = rd_sha256_new ();
  GPtrArray *digests = g_ptr_array_new_with_free_func (g_free);

  rd_sha256_update (outer, "a", 1);
  /* Each digest lets go of what libcrypto keeps for this thread; the next
   * one, and one still open meanwhile, go on as before. */
  for (int i = 0; i < 3; i++)
    g_ptr_array_add (digests, rd_sha256_buffer_hex ("abc", 3));
  rd_sha256_update (outer, "bc", 2);
  g_ptr_array_add (digests, rd_sha256_finish_hex (outer));
  return digests;
}

/* Digests in a row on a worker thread, and one open across them, come
 * out right after each has let go of libcrypto's state for the thread. */
static void
test_thread (void)
{
  g_autoptr(GPtrArray) digests = NULL;

  for (int round = 0; round < 2; round++)
    {
      digests = g_thread_join (g_thread_new ("test-hash", hash_on_thread, NULL));
      g_assert_cmpuint (digests->len, ==, 4);
      for (guint i = 0; i < digests->len; i++)
        g_assert_cmpstr (g_ptr_array_index (digests, i), ==,
                         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      g_clear_pointer (&digests, g_ptr_array_unref);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hash/known-value", test_known_value);
  g_test_add_func ("/hash/file", test_file);
  g_test_add_func ("/hash/thread", test_thread);

  return g_test_run ();
}
