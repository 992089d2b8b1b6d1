/* test-bundle.c: the evidence bundle: pages, stamps, index links, outline, photos, bad input.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rd-core.h"
#include "rd-hash.h"
#include "rd-test-fixtures.h"

/* poppler-glib 22.12 declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDest, poppler_dest_free)

#define GPS_MARKER "GPS-SECRET-51.5074N"

typedef struct
{
  char   *dir;
  char   *out;
  GBytes *photo;
} Fixture;

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *b0 = NULL, *enc = NULL, *photo = NULL;
  g_autofree char *eml = NULL, *audio = NULL;
  const char *message =
    "From: Housing Officer <officer@example.org>\r\n"
    "To: Resident <resident@example.net>\r\n"
    "Subject: =?utf-8?Q?Your_complaint_=E2=80=93_reference_C123?=\r\n"
    "Date: Mon, 4 Mar 2024 09:15:00 +0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/alternative; boundary=\"xyz\"\r\n"
    "\r\n"
    "--xyz\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "We will inspect the damp on Friday =E2=80=93 EMAILMARKER.\r\n"
    "\r\n"
    "Regards,\r\nHousing\r\n"
    "--xyz\r\n"
    "Content-Type: text/html\r\n\r\n<p>HTML version</p>\r\n"
    "--xyz--\r\n";

  f->dir = g_dir_make_tmp ("redress-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  f->out = fixture_path (f, "bundle.pdf");

  a = fixture_path (f, "letter.pdf");
  rd_fixture_text_pdf (a, 3, "ALPHAMARKER", 595.276, 841.89);
  b0 = fixture_path (f, "notice-plain.pdf");
  rd_fixture_text_pdf (b0, 2, "BRAVOMARKER", 612, 792);
  b = fixture_path (f, "notice.pdf");
  rd_fixture_rotate_page (b0, b, 2, 90);
  enc = fixture_path (f, "locked.pdf");
  rd_fixture_encrypt_pdf (a, enc, "user-secret");
  photo = fixture_path (f, "mould.jpg");
  f->photo = rd_fixture_jpeg (400, 300, 6, GPS_MARKER, 0, 1);
  rd_fixture_write_bytes (photo, f->photo);
  eml = fixture_path (f, "reply.eml");
  g_file_set_contents (eml, message, -1, &error);
  g_assert_no_error (error);
  audio = fixture_path (f, "call.m4a");
  g_file_set_contents (audio, "not really audio, but bytes with a hash", -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *p = fixture_path (f, name);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->out);
  g_bytes_unref (f->photo);
}

static void
add_exhibit (RdBundle      *bundle,
             Fixture       *f,
             RdExhibitKind  kind,
             const char    *name,
             const char    *title)
{
  g_autofree char *path = fixture_path (f, name);
  RdBundleExhibit *ex = rd_bundle_exhibit_new (kind, path, title);
  g_autoptr(GDateTime) when = g_date_time_new_local (2024, 3, 4, 14, 5, 0);

  rd_bundle_exhibit_set_date (ex, when, "the date you entered");
  rd_bundle_exhibit_set_description (ex, "A description written by the resident.");
  rd_bundle_add_exhibit (bundle, ex);
  rd_bundle_exhibit_unref (ex);
}

static RdBundle *
make_bundle (Fixture *f)
{
  RdBundle *bundle = rd_bundle_new ();
  g_autoptr(RdBundleSection) cover = rd_bundle_section_new ("Cover");
  g_autoptr(RdBundleSection) chron = rd_bundle_section_new ("Chronology");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 11, 18, 10, 0, 0);

  rd_bundle_set_title (bundle, "Complaint bundle: 4 Acacia Avenue");
  rd_bundle_set_author (bundle, "Sam Resident");
  rd_bundle_set_creation_date (bundle, created);

  rd_bundle_section_add (cover, RD_BLOCK_TITLE, NULL, "Evidence bundle");
  rd_bundle_section_add (cover, RD_BLOCK_FIELD, "Resident", "Sam Resident");
  rd_bundle_section_add (cover, RD_BLOCK_FIELD, "Landlord", "Example Homes");
  rd_bundle_add_section (bundle, cover);
  rd_bundle_add_index (bundle);
  rd_bundle_section_add (chron, RD_BLOCK_TITLE, NULL, "Chronology");
  for (int i = 1; i <= 80; i++)
    {
      g_autofree char *num = g_strdup_printf ("%d.", i);
      rd_bundle_section_add (chron, RD_BLOCK_NUMBERED, num,
                             "Loud music from the flat above from 23:00 until 02:30; I reported "
                             "it to the landlord by phone the next morning (Exhibit 1).");
    }
  rd_bundle_add_section (bundle, chron);

  add_exhibit (bundle, f, RD_EXHIBIT_PDF, "letter.pdf", "Letter from the landlord");
  return bundle;
}

static RdBundleExhibit *
exhibit_n (RdBundle *bundle,
           guint     n)
{
  g_autoptr(GPtrArray) all = rd_bundle_get_exhibits (bundle);

  g_assert_cmpuint (n, <, all->len);
  return all->pdata[n];
}

static void
assert_no_leftovers (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".bundle.pdf"));
}

/* The colour at a fraction of a rendered page: 'r', 'b' or '?' */
static char
colour_at (GdkPixbuf *page,
           double     fx,
           double     fy)
{
  int x = (int) (gdk_pixbuf_get_width (page) * fx), y = (int) (gdk_pixbuf_get_height (page) * fy);
  const guint8 *p = gdk_pixbuf_read_pixels (page) + (gsize) y * gdk_pixbuf_get_rowstride (page)
                    + x * gdk_pixbuf_get_n_channels (page);

  if (p[0] > 150 && p[2] < 90)
    return 'r';
  if (p[2] > 150 && p[0] < 90)
    return 'b';
  return '?';
}

/* The characters whose centres fall inside @area (top-left origin). */
static char *
text_in_area (PopplerPage      *page,
              PopplerRectangle *area)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n = 0;
  GString *out = g_string_new (NULL);
  const char *c = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (guint i = 0; i < n && *c; i++, c = g_utf8_next_char (c))
    {
      double cx = (rects[i].x1 + rects[i].x2) / 2, cy = (rects[i].y1 + rects[i].y2) / 2;

      if (cx >= area->x1 && cx <= area->x2 && cy >= area->y1 && cy <= area->y2)
        g_string_append_len (out, c, g_utf8_next_char (c) - c);
    }
  return g_string_free (out, FALSE);
}

static void
test_full_bundle (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) omissions = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autofree char *audio = fixture_path (f, "call.m4a");
  g_autofree char *audio_sha = NULL;
  g_autofree char *letter = fixture_path (f, "letter.pdf");
  g_autofree char *notice = fixture_path (f, "notice.pdf");
  RdBundleExhibit *ex_letter, *ex_notice, *ex_photo, *ex_email, *ex_locked, *ex_audio;
  int total, index_page = 2;
  PopplerIndexIter *iter;
  GList *links;
  guint n_outline_exhibits = 0;

  add_exhibit (bundle, f, RD_EXHIBIT_PDF, "notice.pdf", "Notice, one page turned");
  add_exhibit (bundle, f, RD_EXHIBIT_PHOTO, "mould.jpg", "Mould above the bedroom window");
  add_exhibit (bundle, f, RD_EXHIBIT_EMAIL, "reply.eml", "The landlord’s reply");
  add_exhibit (bundle, f, RD_EXHIBIT_PDF, "locked.pdf", "Tenancy agreement");
  add_exhibit (bundle, f, RD_EXHIBIT_AUDIO, "call.m4a", "Recording of the noise");
  ex_letter = exhibit_n (bundle, 0);
  ex_notice = exhibit_n (bundle, 1);
  ex_photo = exhibit_n (bundle, 2);
  ex_email = exhibit_n (bundle, 3);
  ex_locked = exhibit_n (bundle, 4);
  ex_audio = exhibit_n (bundle, 5);

  rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  assert_no_leftovers (f);
  if (g_getenv ("REDRESS_TEST_KEEP_BUNDLE") != NULL)
    {
      g_autoptr(GFile) src = g_file_new_for_path (f->out);
      g_autoptr(GFile) dst = g_file_new_for_path (g_getenv ("REDRESS_TEST_KEEP_BUNDLE"));
      g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }

  /* Page count: what pdfinfo says is every part added up. */
  total = rd_fixture_pdf_n_pages (f->out);
  g_assert_cmpint (total, ==, rd_bundle_get_n_pages (bundle));
  g_assert_cmpint (rd_bundle_exhibit_get_n_pages (ex_letter), ==, 1 + rd_fixture_pdf_n_pages (letter));
  g_assert_cmpint (rd_bundle_exhibit_get_n_pages (ex_notice), ==, 1 + rd_fixture_pdf_n_pages (notice));
  g_assert_cmpint (rd_bundle_exhibit_get_n_pages (ex_photo), ==, 1);
  g_assert_cmpint (rd_bundle_exhibit_get_n_pages (ex_email), ==, 1);
  g_assert_cmpint (rd_bundle_exhibit_get_n_pages (ex_locked), ==, 1);
  g_assert_cmpint (rd_bundle_exhibit_get_n_pages (ex_audio), ==, 0);
  {
    int chron_first = index_page + 1;
    int chron_pages = rd_bundle_exhibit_get_first_page (ex_letter) - chron_first;
    int schedule = 1;

    g_assert_cmpint (chron_pages, >=, 2);
    g_assert_cmpint (total, ==, 1 + 1 + chron_pages + 4 + 3 + 1 + 1 + 1 + schedule);
    g_assert_cmpint (rd_bundle_exhibit_get_first_page (ex_audio), ==, total);
  }

  /* Every page carries its stamp; the evidence's own text is there. */
  pages = rd_fixture_pdf_text_pages (f->out);
  g_assert_cmpuint (g_strv_length (pages), >=, (guint) total);
  for (int p = 1; p <= total; p++)
    {
      g_autofree char *stamp = g_strdup_printf ("Page %d of %d", p, total);
      g_assert_nonnull (strstr (pages[p - 1], stamp));
    }
  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *marker = g_strdup_printf ("ALPHAMARKER page %d", i);
      g_assert_nonnull (strstr (pages[rd_bundle_exhibit_get_first_page (ex_letter) + i - 1], marker));
    }
  for (int i = 1; i <= 2; i++)
    {
      g_autofree char *marker = g_strdup_printf ("BRAVOMARKER page %d", i);
      g_assert_nonnull (strstr (pages[rd_bundle_exhibit_get_first_page (ex_notice) + i - 1], marker));
    }
  g_assert_nonnull (strstr (pages[rd_bundle_exhibit_get_first_page (ex_email) - 1], "EMAILMARKER"));
  g_assert_nonnull (strstr (pages[rd_bundle_exhibit_get_first_page (ex_email) - 1],
                            "Your complaint – reference C123"));
  g_assert_null (strstr (pages[rd_bundle_exhibit_get_first_page (ex_email) - 1], "HTML version"));
  /* The Date header, as every date Redress prints: with its weekday. */
  g_assert_nonnull (strstr (pages[rd_bundle_exhibit_get_first_page (ex_email) - 1],
                            "Monday 4 March 2024"));

  /* The encrypted PDF is listed as not included, with the reason. */
  omissions = rd_bundle_dup_omissions (bundle);
  g_assert_cmpuint (omissions->len, ==, 1);
  g_assert_true (omissions->pdata[0] == ex_locked);
  g_assert_nonnull (strstr (rd_bundle_exhibit_get_omitted_reason (ex_locked), "password"));
  g_assert_nonnull (strstr (pages[rd_bundle_exhibit_get_first_page (ex_locked) - 1], "Not included"));
  g_assert_nonnull (strstr (pages[rd_bundle_exhibit_get_first_page (ex_locked) - 1], "password"));

  /* Audio is in the schedule with its hash. */
  audio_sha = rd_sha256_file_hex (audio, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pages[total - 1], "Schedule of exhibits supplied separately"));
  g_assert_nonnull (strstr (pages[total - 1], audio_sha));

  /* Metadata */
  {
    const char *argv[] = { "pdfinfo", f->out, NULL };
    g_autofree char *info = rd_fixture_run (argv, NULL);

    g_assert_nonnull (strstr (info, "Complaint bundle: 4 Acacia Avenue"));
    g_assert_nonnull (strstr (info, "Sam Resident"));
    g_assert_nonnull (strstr (info, "2024"));
  }

  uri = g_filename_to_uri (f->out, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  /* Every page is A4 portrait, whatever the evidence's size (A4, US
   * Letter) or turn (the notice's second page has /Rotate 90), and none is
   * turned: the evidence is fitted, upright, inside the page. */
  for (int number = 1; number <= total; number++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, number - 1);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, 595.276, 0.01);
      g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
    }
  {
    const char *argv[] = { "pdfinfo", "-box", "-f", "1", "-l", "9999", f->out, NULL };
    g_autofree char *info = rd_fixture_run (argv, NULL);
    const double a4[4] = { 0, 0, 595.28, 841.89 };
    guint n = 0;

    for (const char *p = strstr (info, "MediaBox:"); p != NULL; p = strstr (p + 1, "MediaBox:"))
      {
        char *at = (char *) p + strlen ("MediaBox:");

        for (int k = 0; k < 4; k++)
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (at, &at), a4[k], 0.01);
        n++;
      }
    g_assert_cmpuint (n, ==, (guint) total);
    n = 0;
    for (const char *p = strstr (info, " rot:"); p != NULL; p = strstr (p + 1, " rot:"))
      {
        g_assert_cmpint (atoi (p + strlen (" rot:")), ==, 0);
        n++;
      }
    g_assert_cmpuint (n, ==, (guint) total);
  }
  /* The turned page reads upright: its text runs across the page. */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, rd_bundle_exhibit_get_first_page (ex_notice) + 1);
    g_autofree char *text = poppler_page_get_text (page);

    g_assert_nonnull (strstr (text, "BRAVOMARKER page 2"));
  }

  /* Every stamp sits in the same place, inside the page: bottom right, in
   * the band at its foot, alone there (the evidence is fitted above it),
   * on plain and turned evidence alike. */
  for (int number = 1; number <= total; number++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, number - 1);
      g_autofree char *stamp = g_strdup_printf ("Page %d of %d", number, total);
      double w, h;
      PopplerRectangle band;
      g_autofree char *in_band = NULL;

      poppler_page_get_size (page, &w, &h);
      band.x1 = 0;
      band.x2 = w;
      band.y1 = h - 36;
      band.y2 = h;
      in_band = text_in_area (page, &band);
      g_assert_cmpstr (in_band, ==, stamp);
      {
        g_autofree PopplerRectangle *rects = NULL;
        guint n = 0;
        g_autofree char *all = poppler_page_get_text (page);
        const char *hit = strstr (all, stamp);
        glong at;
        double right;

        g_assert_nonnull (hit);
        g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
        at = g_utf8_pointer_to_offset (all, hit);
        right = rects[at + strlen (stamp) - 1].x2;
        g_assert_cmpfloat (fabs (right - (w - 36)), <, 3);
        g_assert_cmpfloat (h - rects[at].y2, >, 14);
        g_assert_cmpfloat (h - rects[at].y2, <, 22);
      }
    }

  /* Index links land on the pages their rows name. */
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, index_page - 1);
    g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);
    g_autoptr(GPtrArray) all = rd_bundle_get_exhibits (bundle);

    guint matched = 0;

    links = poppler_page_get_link_mapping (page);
    for (GList *l = links; l != NULL; l = l->next)
      {
        PopplerLinkMapping *m = l->data;
        double pw, ph;
        PopplerRectangle area;
        g_autofree char *row = NULL;

        /* Link areas have their origin at the bottom left; text areas at the top left. */
        poppler_page_get_size (page, &pw, &ph);
        area.x1 = m->area.x1;
        area.x2 = m->area.x2;
        area.y1 = ph - m->area.y2;
        area.y2 = ph - m->area.y1;
        row = text_in_area (page, &area);

        g_assert_cmpint (m->action->type, ==, POPPLER_ACTION_GOTO_DEST);
        g_assert_cmpint (m->action->goto_dest.dest->type, ==, POPPLER_DEST_FIT);
        g_hash_table_insert (targets, GINT_TO_POINTER (m->action->goto_dest.dest->page_num), (char *) "");
        for (guint i = 0; i < all->len; i++)
          {
            RdBundleExhibit *ex = all->pdata[i];

            if (strstr (row, rd_bundle_exhibit_get_title (ex)) != NULL)
              {
                g_assert_cmpint (m->action->goto_dest.dest->page_num, ==,
                                 rd_bundle_exhibit_get_first_page (ex));
                matched++;
              }
          }
        if (strstr (row, "Chronology") != NULL)
          g_assert_cmpint (m->action->goto_dest.dest->page_num, ==, index_page + 1);
      }
    g_assert_cmpuint (matched, ==, all->len);
    g_assert_cmpuint (g_list_length (links), ==, 2 + all->len + 1);
    for (guint i = 0; i < all->len; i++)
      g_assert_true (g_hash_table_contains (targets,
                                            GINT_TO_POINTER (rd_bundle_exhibit_get_first_page (all->pdata[i]))));
    poppler_page_free_link_mapping (links);
  }

  /* The outline has every section and exhibit. */
  iter = poppler_index_iter_new (doc);
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      g_autoptr(GPtrArray) all = rd_bundle_get_exhibits (bundle);

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      for (guint i = 0; i < all->len; i++)
        {
          g_autofree char *heading = g_strdup_printf ("Exhibit %s: %s",
                                                      rd_bundle_exhibit_get_label (all->pdata[i]),
                                                      rd_bundle_exhibit_get_title (all->pdata[i]));
          if (g_str_equal (action->goto_dest.title, heading))
            {
              PopplerDest *dest = action->goto_dest.dest;
              int page_num = dest->page_num;

              if (dest->type == POPPLER_DEST_NAMED)
                {
                  g_autoptr(PopplerDest) named = poppler_document_find_dest (doc, dest->named_dest);
                  page_num = named->page_num;
                }
              g_assert_cmpint (page_num, ==, rd_bundle_exhibit_get_first_page (all->pdata[i]));
              n_outline_exhibits++;
            }
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_assert_cmpuint (n_outline_exhibits, ==, 6);

  /* The photo: upright, its own JPEG bytes, without EXIF or GPS. */
  {
    g_autofree char *contents = NULL;
    gsize len = 0;
    gsize photo_len;
    const guint8 *photo = g_bytes_get_data (f->photo, &photo_len);

    g_assert_true (g_file_get_contents (f->out, &contents, &len, NULL));
    out_bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
    g_assert_false (rd_fixture_bytes_contain (out_bytes, GPS_MARKER, strlen (GPS_MARKER)));
    g_assert_false (rd_fixture_bytes_contain (out_bytes, "RedressTestCam", 14));
    g_assert_false (rd_fixture_bytes_contain (out_bytes, "Exif\0\0", 6));
    g_assert_true (rd_fixture_bytes_contain (out_bytes, photo + photo_len - 300, 300));
  }
  {
    g_autofree char *prefix = fixture_path (f, "render");
    g_autofree char *png = fixture_path (f, "render.png");
    g_autofree char *pg = g_strdup_printf ("%d", rd_bundle_exhibit_get_first_page (ex_photo));
    const char *argv[] = { "pdftoppm", "-r", "30", "-f", pg, "-l", pg, "-png", "-singlefile",
                           f->out, prefix, NULL };
    g_autoptr(GdkPixbuf) render = NULL;
    int status;

    g_free (rd_fixture_run (argv, &status));
    g_assert_cmpint (status, ==, 0);
    render = gdk_pixbuf_new_from_file (png, &error);
    g_assert_no_error (error);
    /* Stored: red above blue. Turned a quarter clockwise: blue left, red right. */
    g_assert_cmpint (colour_at (render, 0.35, 0.45), ==, 'b');
    g_assert_cmpint (colour_at (render, 0.65, 0.45), ==, 'r');
    /* Portrait now: the photo fills more height than width. */
    g_assert_cmpint (colour_at (render, 0.5, 0.2), !=, '?');
  }
}

/* Long evidence: the skeleton comes in several files and the evidence PDF
 * is opened again on the way (RD_SKELETON_CHUNK, SOURCE_REOPEN); a link
 * inside the evidence still lands on its page, and a scan's bytes are its
 * own. */
static void
test_long_evidence (Fixture       *f,
                    gconstpointer  data)
{
  const int n_long = 600, link_to = 590;
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = fixture_path (f, "long-plain.pdf");
  g_autofree char *linked = fixture_path (f, "long.pdf");
  g_autofree char *scan = fixture_path (f, "scan.pdf");
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GBytes) scan_image = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_auto(GStrv) pages = NULL;
  RdBundleExhibit *ex_long, *ex_scan;
  int total, first_evidence;

  rd_fixture_text_pdf (plain, n_long, "LONGMARKER", 595.276, 841.89);
  rd_fixture_link_pages (plain, linked, 1, link_to);
  rd_fixture_scan_pdf (scan, 2, 320, 440, 5);
  add_exhibit (bundle, f, RD_EXHIBIT_PDF, "long.pdf", "A very long letter");
  add_exhibit (bundle, f, RD_EXHIBIT_PDF, "scan.pdf", "A scanned notice");
  ex_long = exhibit_n (bundle, 1);
  ex_scan = exhibit_n (bundle, 2);

  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  assert_no_leftovers (f);

  total = rd_fixture_pdf_n_pages (f->out);
  g_assert_cmpint (total, ==, rd_bundle_get_n_pages (bundle));
  g_assert_cmpint (total, >, 2 * 256);
  first_evidence = rd_bundle_exhibit_get_first_page (ex_long) +
                   rd_bundle_exhibit_get_n_pages (ex_long) - n_long;
  pages = rd_fixture_pdf_text_pages (f->out);
  for (int p = 1; p <= total; p++)
    {
      g_autofree char *stamp = g_strdup_printf ("Page %d of %d", p, total);
      g_assert_nonnull (strstr (pages[p - 1], stamp));
    }
  for (int i = 1; i <= n_long; i++)
    {
      g_autofree char *marker = g_strdup_printf ("LONGMARKER page %d\n", i);
      g_assert_nonnull (strstr (pages[first_evidence + i - 2], marker));
    }

  uri = g_filename_to_uri (f->out, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, first_evidence - 1);
    GList *links = poppler_page_get_link_mapping (page);
    PopplerLinkMapping *m;

    g_assert_cmpuint (g_list_length (links), ==, 1);
    m = links->data;
    g_assert_cmpint (m->action->type, ==, POPPLER_ACTION_GOTO_DEST);
    g_assert_cmpint (m->action->goto_dest.dest->page_num, ==, first_evidence + link_to - 1);
    poppler_page_free_link_mapping (links);
  }

  /* The scanned page's image is in the bundle byte for byte. */
  scan_image = rd_fixture_first_image_raw (scan);
  g_assert_cmpuint (g_bytes_get_size (scan_image), >, 1000);
  {
    g_autofree char *contents = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (f->out, &contents, &len, NULL));
    out_bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  }
  g_assert_true (rd_fixture_bytes_contain (out_bytes, g_bytes_get_data (scan_image, NULL),
                                           g_bytes_get_size (scan_image)));
  g_assert_cmpint (rd_bundle_exhibit_get_n_pages (ex_scan), ==, 1 + 2);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *photo = fixture_path (f, "mould.jpg");

  add_exhibit (bundle, f, RD_EXHIBIT_PHOTO, "mould.jpg", "Mould");
  g_unlink (photo);
  g_assert_false (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING);
  g_assert_nonnull (strstr (error->message, "mould.jpg"));
  /* Where the copy was kept, in full, and how to repair it. */
  g_assert_nonnull (strstr (error->message, photo));
  g_assert_nonnull (strstr (error->message, "add the original file to the case again"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  assert_no_leftovers (f);
}

/* Several problems: one error names every one, with where the copies are kept. */
static void
test_every_problem_named (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = fixture_path (f, "letter.pdf");
  g_autofree char *photo = fixture_path (f, "mould.jpg");
  g_autofree char *audio = fixture_path (f, "call.m4a");
  g_autofree char *sha = rd_sha256_file_hex (letter, NULL, NULL, &error);
  g_autofree char *audio_sha = rd_sha256_file_hex (audio, NULL, NULL, &error);

  g_assert_no_error (error);
  rd_bundle_exhibit_set_sha256 (exhibit_n (bundle, 0), sha);
  add_exhibit (bundle, f, RD_EXHIBIT_PHOTO, "mould.jpg", "Mould");
  add_exhibit (bundle, f, RD_EXHIBIT_AUDIO, "call.m4a", "Call");
  rd_bundle_exhibit_set_sha256 (exhibit_n (bundle, 2), audio_sha);
  rd_fixture_text_pdf (letter, 3, "CHANGED", 595.276, 841.89);
  g_unlink (photo);
  g_unlink (audio);

  g_assert_false (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING);
  g_assert_nonnull (strstr (error->message, "exhibit 1 (“letter.pdf”): changed"));
  g_assert_nonnull (strstr (error->message, "exhibit 2 (“mould.jpg”): missing"));
  g_assert_nonnull (strstr (error->message, "exhibit 3 (“call.m4a”): missing"));
  g_assert_nonnull (strstr (error->message, f->dir));
  g_assert_nonnull (strstr (error->message, "redress-cli verify"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  assert_no_leftovers (f);
}

/* Past five, the rest are counted. */
static void
test_many_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = rd_bundle_new ();
  g_autoptr(RdBundleSection) cover = rd_bundle_section_new ("Cover");
  g_autoptr(GError) error = NULL;

  rd_bundle_section_add (cover, RD_BLOCK_TITLE, NULL, "Evidence bundle");
  rd_bundle_add_section (bundle, cover);
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("gone-%d.jpg", i);
      add_exhibit (bundle, f, RD_EXHIBIT_PHOTO, name, name);
    }
  g_assert_false (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING);
  g_assert_nonnull (strstr (error->message, "copies of 8 evidence files"));
  g_assert_nonnull (strstr (error->message, "gone-4.jpg"));
  g_assert_null (strstr (error->message, "gone-5.jpg"));
  g_assert_nonnull (strstr (error->message, "and 3 more"));
}

static void
test_altered_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *letter = fixture_path (f, "letter.pdf");
  g_autofree char *photo = fixture_path (f, "mould.jpg");
  g_autofree char *sha = rd_sha256_file_hex (letter, NULL, NULL, &error);
  g_autofree char *photo_sha = rd_sha256_buffer_hex (g_bytes_get_data (f->photo, NULL),
                                                     g_bytes_get_size (f->photo));

  for (int which = 0; which < 2; which++)
    {
      g_autoptr(RdBundle) bundle = make_bundle (f);
      RdBundleExhibit *ex;
      FILE *fp;

      g_clear_error (&error);
      if (which == 0)
        {
          ex = exhibit_n (bundle, 0);
          rd_bundle_exhibit_set_sha256 (ex, sha);
          rd_fixture_text_pdf (letter, 3, "CHANGED", 595.276, 841.89);
        }
      else
        {
          add_exhibit (bundle, f, RD_EXHIBIT_PHOTO, "mould.jpg", "Mould");
          ex = exhibit_n (bundle, 1);
          rd_bundle_exhibit_set_sha256 (ex, photo_sha);
          fp = fopen (photo, "ab");
          fputs ("tampered", fp);
          fclose (fp);
        }
      g_assert_false (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
      g_assert_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_ALTERED);
      g_assert_nonnull (strstr (error->message, which == 0 ? "letter.pdf" : "mould.jpg"));
      g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
      assert_no_leftovers (f);
    }
}

/* A file that is not an email is listed as not included, with the reason. */
static void
test_not_an_email (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (f, "odd.eml");
  g_autoptr(GPtrArray) omissions = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  add_exhibit (bundle, f, RD_EXHIBIT_EMAIL, "odd.eml", "A saved reply");
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  omissions = rd_bundle_dup_omissions (bundle);
  g_assert_cmpuint (omissions->len, ==, 1);
  g_assert_nonnull (strstr (rd_bundle_exhibit_get_omitted_reason (omissions->pdata[0]), "email"));
}

static void
test_letter_paper (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "1", NULL, NULL };
  g_autofree char *info = NULL;

  rd_bundle_set_paper (bundle, RD_PAPER_LETTER);
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  argv[5] = f->out;
  info = rd_fixture_run (argv, NULL);
  g_assert_nonnull (strstr (info, "612 x 792"));
  /* The evidence too (the letter is A4): every page is Letter. */
  {
    const char *all[] = { "pdfinfo", "-f", "1", "-l", "9999", f->out, NULL };
    g_autofree char *pages = rd_fixture_run (all, NULL);
    guint n = 0;

    /* "Page    3 size:  612 x 792 pts (letter)", one line a page. */
    g_auto(GStrv) lines = g_strsplit (pages, "\n", -1);

    for (guint k = 0; lines[k] != NULL; k++)
      {
        char *at = strstr (lines[k], " size:");

        if (!g_str_has_prefix (lines[k], "Page ") || at == NULL)
          continue;
        at += strlen (" size:");
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (at, &at), 612, 0.01);
        g_assert_true (g_str_has_prefix (at, " x "));
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (at + 3, NULL), 792, 0.01);
        n++;
      }
    g_assert_cmpuint (n, ==, (guint) rd_bundle_get_n_pages (bundle));
  }
}

/* Landscape only when asked: the notice's turned page then goes on A4
 * turned sideways, and every other page stays upright. */
static void
test_keep_landscape (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  RdBundleExhibit *notice;
  int turned;

  add_exhibit (bundle, f, RD_EXHIBIT_PDF, "notice.pdf", "Notice, one page turned");
  notice = exhibit_n (bundle, 1);
  rd_bundle_set_keep_landscape (bundle, TRUE);
  g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rd_fixture_assert_qpdf_check (f->out);
  uri = g_filename_to_uri (f->out, NULL, NULL);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  turned = rd_bundle_exhibit_get_first_page (notice) + 2;
  for (int number = 1; number <= rd_bundle_get_n_pages (bundle); number++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, number - 1);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, number == turned ? 841.89 : 595.276, 0.01);
      g_assert_cmpfloat_with_epsilon (h, number == turned ? 595.276 : 841.89, 0.01);
    }
}

static void
cancel_halfway (double      fraction,
                const char *message,
                gpointer    data)
{
  g_assert_nonnull (message);
  if (fraction > 0.3)
    g_cancellable_cancel (data);
}

/* Row 30 of 60 cannot be made, as when the store fails part way
 * through a chronology read a page at a time. */
static char *
row_failing_cb (gpointer   data,
                guint      index,
                char     **label,
                GError   **error)
{
  guint *made = data;

  if (index == 30)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the diary could not be read");
      return NULL;
    }
  (*made)++;
  *label = g_strdup_printf ("%u.", index + 1);
  return g_strdup_printf ("Paragraph %u of the chronology.", index + 1);
}

/* A row that cannot be made stops the bundle with its reason, and leaves
 * no bundle with a gap in it behind. */
static void
test_row_fails (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(RdBundleSection) rows = rd_bundle_section_new ("Entries");
  g_autoptr(GError) error = NULL;
  guint made = 0;

  rd_bundle_section_add (rows, RD_BLOCK_TITLE, NULL, "Entries");
  rd_bundle_section_add_rows (rows, RD_BLOCK_NUMBERED, 60, row_failing_cb, &made, NULL);
  rd_bundle_add_section (bundle, rows);
  g_assert_false (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "the diary could not be read");
  g_assert_cmpuint (made, >=, 30);
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  assert_no_leftovers (f);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rd_bundle_write (bundle, f->out, cancel_halfway, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  assert_no_leftovers (f);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  guint      notifies;
  GError    *error;
} AsyncState;

static void
on_fraction (GObject    *object,
             GParamSpec *pspec,
             gpointer    data)
{
  AsyncState *state = data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  state->notifies++;
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  AsyncState *state = data;

  state->ok = rd_bundle_write_finish (RD_BUNDLE (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RdBundle) bundle = make_bundle (f);
  AsyncState state = { g_main_loop_new (NULL, FALSE), FALSE, 0, NULL };

  add_exhibit (bundle, f, RD_EXHIBIT_PHOTO, "mould.jpg", "Mould");
  g_signal_connect (bundle, "notify::fraction", G_CALLBACK (on_fraction), &state);
  rd_bundle_write_async (bundle, f->out, NULL, on_written, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.notifies, >, 0);
  rd_fixture_assert_qpdf_check (f->out);
  g_main_loop_unref (state.loop);
}

static void
test_smaller_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *big = fixture_path (f, "big.jpg");
  g_autoptr(GBytes) jpeg = rd_fixture_jpeg (3200, 2400, 6, GPS_MARKER, 16, 7);
  g_autoptr(GError) error = NULL;
  GStatBuf full, small;

  rd_fixture_write_bytes (big, jpeg);
  for (int smaller = 0; smaller < 2; smaller++)
    {
      g_autoptr(RdBundle) bundle = make_bundle (f);

      add_exhibit (bundle, f, RD_EXHIBIT_PHOTO, "big.jpg", "Big photo");
      rd_bundle_set_smaller_file (bundle, smaller);
      g_assert_true (rd_bundle_write (bundle, f->out, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      rd_fixture_assert_qpdf_check (f->out);
      g_stat (f->out, smaller ? &small : &full);
      if (smaller)
        {
          g_autofree char *prefix = fixture_path (f, "render");
          g_autofree char *png = fixture_path (f, "render.png");
          g_autofree char *pg = g_strdup_printf ("%d", rd_bundle_exhibit_get_first_page (exhibit_n (bundle, 1)));
          const char *argv[] = { "pdftoppm", "-r", "30", "-f", pg, "-l", pg, "-png", "-singlefile",
                                 f->out, prefix, NULL };
          g_autoptr(GdkPixbuf) render = NULL;

          g_free (rd_fixture_run (argv, NULL));
          render = gdk_pixbuf_new_from_file (png, &error);
          g_assert_no_error (error);
          g_assert_cmpint (colour_at (render, 0.35, 0.45), ==, 'b');
          g_assert_cmpint (colour_at (render, 0.65, 0.45), ==, 'r');
        }
    }
  g_assert_cmpint (small.st_size * 2, <, full.st_size);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle/full", Fixture, NULL, fixture_set_up, test_full_bundle, fixture_tear_down);
  g_test_add ("/bundle/long-evidence", Fixture, NULL, fixture_set_up, test_long_evidence, fixture_tear_down);
  g_test_add ("/bundle/missing-file", Fixture, NULL, fixture_set_up, test_missing_file, fixture_tear_down);
  g_test_add ("/bundle/every-problem-named", Fixture, NULL, fixture_set_up, test_every_problem_named,
              fixture_tear_down);
  g_test_add ("/bundle/many-missing", Fixture, NULL, fixture_set_up, test_many_missing, fixture_tear_down);
  g_test_add ("/bundle/altered-file", Fixture, NULL, fixture_set_up, test_altered_file, fixture_tear_down);
  g_test_add ("/bundle/not-an-email", Fixture, NULL, fixture_set_up, test_not_an_email, fixture_tear_down);
  g_test_add ("/bundle/letter-paper", Fixture, NULL, fixture_set_up, test_letter_paper, fixture_tear_down);
  g_test_add ("/bundle/keep-landscape", Fixture, NULL, fixture_set_up, test_keep_landscape,
              fixture_tear_down);
  g_test_add ("/bundle/row-fails", Fixture, NULL, fixture_set_up, test_row_fails, fixture_tear_down);
  g_test_add ("/bundle/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/bundle/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/bundle/smaller-file", Fixture, NULL, fixture_set_up, test_smaller_file, fixture_tear_down);

  return g_test_run ();
}
