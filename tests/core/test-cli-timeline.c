/* test-cli-timeline.c: redress-cli timeline draws the sample case as SVG and PNG, in its language.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with REDRESS_LOCALEDIR at the build's po/ folder, so that the
 * Welsh picture comes from the catalogue this build made.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "evidence-fixtures.h"
#include "store-fixtures.h"

/* The day the sample case is written for: it is not moved. */
#define TODAY "2025-03-07"

typedef struct {
  RdStore    *store;
  char       *data_dir;
  char       *out_dir;
  gint64      case_id;
  RdTimeline *timeline;   /* the same picture built in this process, in English */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = rd_date_parse_iso (TODAY, NULL);
  g_autoptr(RdCaseSnapshot) snapshot = NULL;

  f->store = fixture_store_open_temp ("redress-cli-timeline-XXXXXX", &f->data_dir);
  f->out_dir = g_dir_make_tmp ("redress-timeline-out-XXXXXX", &error);
  g_assert_no_error (error);
  f->case_id = rd_sample_ensure_for (f->store, today, &error);
  g_assert_no_error (error);
  snapshot = rd_case_snapshot_load (f->store, f->case_id, &error);
  g_assert_no_error (error);
  f->timeline = rd_case_snapshot_build_timeline (snapshot, today);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->timeline, rd_timeline_unref);
  fixture_store_close_temp (&f->store, &f->data_dir);
  fixture_remove_tree (f->out_dir);
  g_clear_pointer (&f->out_dir, g_free);
}

static int
run_timeline (Fixture     *f,
              const char  *output,
              const char  *language,
              char       **err)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->case_id);
  const char *args[] = { "timeline", id, "--output", output, "--today", TODAY,
                         language ? "--language" : NULL, language, NULL };
  g_autofree char *out = NULL;

  return fixture_run_cli (f->data_dir, args, &out, err);
}

static char *
dup_element (const char *svg,
             const char *name)
{
  g_autofree char *open = g_strdup_printf ("<%s>", name);
  g_autofree char *close = g_strdup_printf ("</%s>", name);
  const char *start = strstr (svg, open);
  const char *end = start != NULL ? strstr (start, close) : NULL;

  g_assert_nonnull (end);
  start += strlen (open);
  return g_strndup (start, end - start);
}

/* The sample case has incidents, reports, contacts and a complaint with
 * its deadlines: every kind the picture draws. */
static void
test_sample_content (Fixture       *f,
                     gconstpointer  data)
{
  for (RdTimelineKind kind = RD_TIMELINE_WEEK; kind <= RD_TIMELINE_STAGE; kind++)
    g_assert_cmpuint (rd_timeline_count_kind (f->timeline, kind), >, 0);
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "timeline.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *desc = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf st;

  g_assert_cmpint (run_timeline (f, path, NULL, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));
  /* Categories are told apart by patterns, not colour alone. */
  g_assert_nonnull (strstr (svg, "<pattern"));
  g_assert_true (g_str_has_suffix (g_strchomp (svg), "</svg>"));
  {
    g_autofree char *title = dup_element (svg, "title");

    g_assert_cmpstr (title, ==, "Timeline of the case");
  }

  /* One line per item, as the window's list reads them. */
  desc = dup_element (svg, "desc");
  lines = g_strsplit (desc, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, rd_timeline_get_n_items (f->timeline));
  for (guint i = 0; i < rd_timeline_get_n_items (f->timeline); i++)
    {
      g_autofree char *text = rd_timeline_item_dup_text (rd_timeline_get_item (f->timeline, i));
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_assert_cmpstr (lines[i], ==, escaped);
    }
  g_assert_nonnull (strstr (desc, "Week "));
  g_assert_nonnull (strstr (desc, "Stage 1 acknowledgement"));
  g_assert_nonnull (strstr (desc, "Reported to the landlord: "));
}

/* Whether any pixel inside @area differs from the lane's plain background. */
static gboolean
has_ink (cairo_surface_t         *image,
         const cairo_rectangle_t *area)
{
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  int x0 = MAX (0, (int) area->x), y0 = MAX (0, (int) area->y);
  int x1 = MIN (cairo_image_surface_get_width (image), (int) (area->x + area->width));
  int y1 = MIN (cairo_image_surface_get_height (image), (int) (area->y + area->height));

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        guint8 r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        /* The lanes are white or a grey lighter than 240. */
        if (r < 200 || g < 200 || b < 200)
          return TRUE;
      }
  return FALSE;
}

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "timeline.png", NULL);
  g_autofree char *err = NULL;
  cairo_surface_t *image;
  double width, height;
  gboolean kinds[RD_TIMELINE_N_KINDS] = { FALSE };

  g_assert_cmpint (run_timeline (f, path, NULL, &err), ==, 0);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);

  rd_timeline_measure (f->timeline, &width, &height);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) height);
  /* Wide enough for its weeks, and not a banner. */
  g_assert_cmpint (cairo_image_surface_get_width (image), >=, 600);
  g_assert_cmpint (cairo_image_surface_get_width (image), <=, 3000);
  g_assert_cmpint (cairo_image_surface_get_height (image), <=, 2000);

  /* Something is drawn where each item is. */
  for (guint i = 0; i < rd_timeline_get_n_items (f->timeline); i++)
    {
      const RdTimelineItem *item = rd_timeline_get_item (f->timeline, i);
      cairo_rectangle_t area;

      g_assert_true (rd_timeline_get_item_area (f->timeline, i, &area));
      g_assert_cmpfloat (area.x + area.width, <=, width);
      g_assert_cmpfloat (area.y + area.height, <=, height);
      if (has_ink (image, &area))
        kinds[item->kind] = TRUE;
      else
        g_test_message ("nothing drawn for item %u (kind %d)", i, item->kind);
      g_assert_true (item->kind != RD_TIMELINE_WEEK || has_ink (image, &area));
    }
  for (RdTimelineKind kind = RD_TIMELINE_WEEK; kind <= RD_TIMELINE_STAGE; kind++)
    g_assert_true (kinds[kind]);
  cairo_surface_destroy (image);
}

/* A Welsh case's picture is in Welsh, whatever the interface speaks. */
static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "llinell-amser.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *title = NULL;
  g_autofree char *desc = NULL;
  g_autofree char *err = NULL;

  if (!rd_i18n_language_is_available ("cy"))
    {
      g_test_skip ("The Welsh catalogue is not built");
      return;
    }
  g_assert_cmpint (run_timeline (f, path, "cy", &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  title = dup_element (svg, "title");
  g_assert_cmpstr (title, !=, "Timeline of the case");
  desc = dup_element (svg, "desc");
  g_assert_null (strstr (desc, "Week "));
  g_assert_null (strstr (desc, "Reported to the landlord"));
  g_assert_nonnull (strstr (desc, "Wythnos "));
}

static void
test_bad_name (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->out_dir, "timeline.pdf", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_timeline (f, path, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, ".svg or .png"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-timeline/sample", test_sample_content);
  ADD ("/cli-timeline/svg", test_svg);
  ADD ("/cli-timeline/png", test_png);
  ADD ("/cli-timeline/language", test_language);
  ADD ("/cli-timeline/bad-name", test_bad_name);
#undef ADD

  return g_test_run ();
}
