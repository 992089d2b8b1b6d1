/* test-evidence-page.c: the Evidence page: thumbnails, filters, search,
 * preview of PDF pages, import on a worker with progress, links, Check
 * Evidence. Fixtures are made by the test (tests/core/evidence-fixtures.c).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With REDRESS_SCREENSHOT_DIR set, a screenshot of the page is kept there.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "evidence-fixtures.h"
#include "rd-application.h"
#include "rd-contacts-page.h"
#include "rd-diary-page.h"
#include "rd-evidence-detail.h"
#include "rd-evidence-links.h"
#include "rd-evidence-page.h"
#include "rd-evidence-tile.h"
#include "rd-window.h"
#include "rd-test-gui.h"

typedef struct {
  char           *dir;
  char           *files;
  RdApplication  *app;
  RdWindow       *window;
  RdEvidencePage *page;
  gint64          case_id;
  gint64          incident_id;
} Fixture;

static RdStore *
store (Fixture *f)
{
  return rd_application_get_store (f->app);
}

static char *
make_file (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RdStore) setup_store = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) when = rd_datetime_parse_local ("2024-03-01T22:15:00", NULL);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "letter.pdf", "damp.jpg", "repairs.eml", NULL };

  f->dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  f->files = g_build_filename (f->dir, "fixtures", NULL);
  g_mkdir (f->files, 0700);
  setup_store = rd_store_open (f->dir, &error);
  g_assert_no_error (error);
  rd_case_set_title (rcase, "Damp and noise");
  g_assert_true (rd_store_save_case (setup_store, rcase, &error));
  f->case_id = rd_case_get_id (rcase);
  rd_incident_set_case_id (incident, f->case_id);
  rd_incident_set_starts_at (incident, when);
  rd_incident_set_description (incident, "Water coming through the ceiling");
  g_assert_true (rd_store_save_incident (setup_store, incident, NULL, &error));
  f->incident_id = rd_incident_get_id (incident);

  {
    g_autofree char *pdf = make_file (f, names[0]);
    g_autofree char *jpg = make_file (f, names[1]);
    g_autofree char *eml = make_file (f, names[2]);

    fixture_write_pdf (pdf, 3, "Letter from the housing officer", "2024-02-20T10:00:00");
    fixture_write_jpeg (jpg, 120, 80, 6, "2024:02:25 08:30:00", 1);
    fixture_write_eml (eml, f->files);
  }
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = make_file (f, names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(RdEvidence) evidence = rd_store_import_evidence (setup_store, f->case_id, file, NULL,
                                                                 NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&setup_store);

  f->app = rd_test_gui_app_new (f->dir);
  f->window = rd_test_gui_window_new (f->app, 1180, 760);
  g_assert_true (rd_window_open_case (f->window, f->case_id, NULL));
  f->page = RD_EVIDENCE_PAGE (rd_window_show_page (f->window, "evidence"));
  g_assert_nonnull (f->page);
  rd_test_gui_wait_for_draw (GTK_WIDGET (f->page));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  rd_test_gui_close_app (&f->app, &f->dir);
  g_free (f->files);
}

static GtkWidget *
child (Fixture    *f,
       const char *id)
{
  return rd_test_gui_child (GTK_WIDGET (f->page), id);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (rd_evidence_page_get_shown (f->page));
}

static RdEvidence *
shown_named (Fixture    *f,
             const char *name)
{
  GListModel *shown = rd_evidence_page_get_shown (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(RdEvidence) evidence = g_list_model_get_item (shown, i);
      if (g_str_equal (rd_evidence_get_original_name (evidence), name))
        return evidence;
    }
  return NULL;
}

typedef struct {
  GtkWidget *root;
  guint      wanted;
} ThumbWait;

static void
count_thumbs (GtkWidget *widget,
              guint     *n)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (RD_IS_EVIDENCE_TILE (c) && rd_evidence_tile_has_thumbnail (RD_EVIDENCE_TILE (c)))
        (*n)++;
      count_thumbs (c, n);
    }
}

static gboolean
thumbs_ready (gpointer data)
{
  ThumbWait *wait = data;
  guint n = 0;

  count_thumbs (wait->root, &n);
  return n >= wait->wanted;
}

static gboolean
previewed (gpointer data)
{
  return rd_evidence_detail_is_previewed (data);
}

static gboolean
not_busy (gpointer data)
{
  return !rd_evidence_page_is_busy (data);
}

static gboolean
dialog_shown (gpointer data)
{
  return rd_test_gui_find_message_dialog () != NULL;
}

static void
test_browse (Fixture       *f,
             gconstpointer  data)
{
  ThumbWait wait = { GTK_WIDGET (f->page), 3 };
  RdEvidenceDetail *detail = RD_EVIDENCE_DETAIL (child (f, "detail"));
  const char *out_dir = g_getenv ("REDRESS_SCREENSHOT_DIR");
  g_autofree char *png = NULL;

  /* The letter, the photo, the email and its two attachments. */
  g_assert_cmpuint (n_shown (f), ==, 5);
  /* Photo, letter, and the inspection PDF attached to the email. */
  g_assert_true (rd_test_gui_wait_until (thumbs_ready, &wait, 10000));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "kind_dropdown")), 1 + RD_EVIDENCE_KIND_PHOTO);
  g_assert_cmpuint (n_shown (f), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "kind_dropdown")), 0);
  g_assert_cmpuint (n_shown (f), ==, 5);

  /* Search reaches the text inside the email and the PDFs. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "evidence_search_entry")), "contractor");
  g_signal_emit_by_name (child (f, "evidence_search_entry"), "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "evidence_search_entry")), "housing officer");
  g_signal_emit_by_name (child (f, "evidence_search_entry"), "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "evidence_search_entry")), "");
  g_signal_emit_by_name (child (f, "evidence_search_entry"), "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 5);

  /* A PDF's pages are previewed, one at a time. */
  g_assert_true (rd_evidence_page_select (f->page, rd_evidence_get_id (shown_named (f, "letter.pdf"))));
  g_assert_true (rd_test_gui_wait_until (previewed, detail, 10000));
  g_assert_cmpint (rd_evidence_detail_get_n_pages (detail), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (detail), "evidence.next-page", NULL);
  g_assert_cmpint (rd_evidence_detail_get_page (detail), ==, 1);
  g_assert_true (rd_test_gui_wait_until (previewed, detail, 10000));

  if (out_dir != NULL)
    {
      png = g_build_filename (out_dir, "evidence-page.png", NULL);
      g_usleep (200 * 1000);
      rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
      g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (f->window), png));
    }

  /* And so is a photo. */
  g_assert_true (rd_evidence_page_select (f->page, rd_evidence_get_id (shown_named (f, "damp.jpg"))));
  g_assert_true (rd_test_gui_wait_until (previewed, detail, 10000));
}

/* The drop-down shows its choice whole, and its button, named for what
 * it chooses, says the choice after its name. */
static void
check_choice_shown (GtkWidget *drop_down)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down));
  const char *choice = gtk_string_object_get_string (item);
  GtkWidget *button = gtk_widget_get_first_child (drop_down);
  g_autofree char *problem = NULL;

  rd_test_gui_iterate ();
  g_assert_cmpstr (choice, !=, "");
  g_assert_nonnull (rd_test_gui_find_by_text (drop_down, choice));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                choice);
  g_assert_cmpstr (problem, ==, NULL);
  rd_test_gui_check_name (button, "Show evidence linked to");
}

static void
test_link (Fixture       *f,
           gconstpointer  data)
{
  RdEvidenceDetail *detail = RD_EVIDENCE_DETAIL (child (f, "detail"));
  RdEvidence *photo = shown_named (f, "damp.jpg");
  g_autoptr(GListModel) links = NULL;
  gint64 photo_id = rd_evidence_get_id (photo);
  g_autoptr(GError) error = NULL;

  g_assert_true (rd_evidence_page_select (f->page, photo_id));
  /* The only diary entry is the first choice. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rd_test_gui_find_by_id (GTK_WIDGET (detail), "target_row")), 0);
  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (detail), "note_row")),
                         "Shows the stain the morning after");
  gtk_widget_activate_action (GTK_WIDGET (detail), "evidence.link", NULL);
  rd_test_gui_iterate ();

  links = rd_store_list_evidence_links (store (f), photo_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  {
    g_autoptr(RdEvidenceLink) link = g_list_model_get_item (links, 0);
    g_assert_cmpint (rd_evidence_link_get_target_id (link), ==, f->incident_id);
    g_assert_cmpstr (rd_evidence_link_get_note (link), ==, "Shows the stain the morning after");
  }
  /* The detail still shows the photo, now with what it proves. */
  g_assert_cmpint (rd_evidence_get_id (rd_evidence_detail_get_evidence (detail)), ==, photo_id);
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (detail), "Shows the stain the morning after"));

  /* Filter by the diary entry: only the photo. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "link_dropdown")), 2);
  g_assert_cmpuint (n_shown (f), ==, 1);
  check_choice_shown (child (f, "link_dropdown"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "link_dropdown")), 1);
  g_assert_cmpuint (n_shown (f), ==, 3);  /* the email is linked to its contact entry */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "link_dropdown")), 0);

  /* The description is saved and searchable. */
  g_assert_true (rd_evidence_page_select (f->page, photo_id));
  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (detail), "description_row")),
                         "Bedroom ceiling");
  g_signal_emit_by_name (rd_test_gui_find_by_id (GTK_WIDGET (detail), "description_row"), "apply");
  rd_test_gui_iterate ();
  {
    g_autoptr(RdEvidence) stored = rd_store_get_evidence (store (f), photo_id, &error);
    g_assert_cmpstr (rd_evidence_get_description (stored), ==, "Bedroom ceiling");
  }
  gtk_editable_set_text (GTK_EDITABLE (child (f, "evidence_search_entry")), "ceiling");
  g_signal_emit_by_name (child (f, "evidence_search_entry"), "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 1);
}

static RdEvidenceTile *
find_tile (GtkWidget  *widget,
           const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      RdEvidenceTile *found;

      if (RD_IS_EVIDENCE_TILE (c) && rd_evidence_tile_get_evidence (RD_EVIDENCE_TILE (c)) != NULL &&
          g_str_equal (rd_evidence_get_original_name (rd_evidence_tile_get_evidence (RD_EVIDENCE_TILE (c))), name))
        return RD_EVIDENCE_TILE (c);
      if ((found = find_tile (c, name)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_import_and_check (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = make_file (f, "noise.wav");
  g_autofree char *b = make_file (f, "empty.pdf");
  g_autofree char *c = make_file (f, "hall.jpg");
  GFile *files[3];
  AdwMessageDialog *dialog;
  g_autofree char *stored = NULL;

  fixture_write_wav (a, 8000, 1500);
  g_assert_true (g_file_set_contents (b, "", 0, NULL));
  fixture_write_jpeg (c, 60, 40, 1, NULL, 9);
  files[0] = g_file_new_for_path (a);
  files[1] = g_file_new_for_path (b);
  files[2] = g_file_new_for_path (c);

  rd_evidence_page_import_files (f->page, files, 3);
  g_assert_true (rd_evidence_page_is_busy (f->page));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "progress_revealer"))));
  g_assert_true (rd_test_gui_wait_until (not_busy, f->page, 20000));
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);

  /* Two kept and shown; the empty one named in a dialog. */
  g_assert_cmpuint (n_shown (f), ==, 7);
  g_assert_nonnull (shown_named (f, "noise.wav"));
  g_assert_true (rd_test_gui_wait_until (dialog_shown, NULL, 5000));
  dialog = rd_test_gui_find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "empty.pdf"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();

  /* Check Evidence names a missing file. */
  stored = g_strdup (rd_evidence_get_path (shown_named (f, "hall.jpg")));
  g_assert_cmpint (g_unlink (stored), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "evidence-page.check", NULL);
  g_assert_true (rd_test_gui_wait_until (not_busy, f->page, 20000));
  g_assert_true (rd_test_gui_wait_until (dialog_shown, NULL, 5000));
  dialog = rd_test_gui_find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "hall.jpg"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "missing"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rd_test_gui_iterate ();

  /* And its tile says so too. */
  {
    RdEvidenceTile *tile = find_tile (GTK_WIDGET (f->page), "hall.jpg");
    const char *tooltip;

    g_assert_nonnull (tile);
    tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (tile));
    g_assert_nonnull (strstr (tooltip, "missing"));
  }
}

static void
test_cancel_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("big-%d.pdf", i);
      g_autofree char *path = make_file (f, name);

      fixture_write_big_pdf (path, 2 * 1024 * 1024, i);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  rd_evidence_page_import_files (f->page, (GFile **) files->pdata, files->len);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "evidence-page.cancel", NULL);
  g_assert_true (rd_test_gui_wait_until (not_busy, f->page, 20000));
  g_assert_cmpuint (n_shown (f), ==, 5);
  {
    g_autoptr(GListModel) all = rd_store_list_evidence (store (f), f->case_id, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5);
  }
}

/* The diary entry's editor shows and links its evidence. */
static void
test_incident_editor (Fixture       *f,
                      gconstpointer  data)
{
  RdDiaryPage *diary = RD_DIARY_PAGE (rd_window_show_page (f->window, "diary"));
  RdEvidenceLinks *links;
  RdEvidence *letter = shown_named (f, "letter.pdf");
  gint64 letter_id = rd_evidence_get_id (letter);
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *row;
  GListModel *choices;
  guint letter_choice = GTK_INVALID_LIST_POSITION;

  g_assert_true (rd_diary_page_select_entry (diary, f->incident_id));
  links = RD_EVIDENCE_LINKS (rd_test_gui_find_by_type (GTK_WIDGET (diary), RD_TYPE_EVIDENCE_LINKS));
  g_assert_nonnull (links);
  g_assert_cmpuint (g_list_model_get_n_items (rd_evidence_links_get_linked (links)), ==, 0);

  row = ADW_COMBO_ROW (rd_test_gui_find_by_id (GTK_WIDGET (links), "evidence_row"));
  choices = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "letter.pdf (Tuesday 20 February 2024)"))
      letter_choice = i;
  g_assert_cmpuint (letter_choice, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (row, letter_choice);
  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (links), "link_note_row")),
                         "The landlord knew in February");
  gtk_widget_activate_action (GTK_WIDGET (links), "evidence-links.link", NULL);
  rd_test_gui_iterate ();

  linked = rd_store_list_linked_evidence (store (f), RD_EVIDENCE_TARGET_INCIDENT, f->incident_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rd_evidence_links_get_linked (links)), ==, 1);
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (links), "The landlord knew in February"));
  if (g_getenv ("REDRESS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("REDRESS_SCREENSHOT_DIR"), "diary-evidence.png", NULL);
      GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (links), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      rd_test_gui_wait_for_draw (GTK_WIDGET (links));
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      g_usleep (200 * 1000);
      rd_test_gui_wait_for_draw (GTK_WIDGET (f->window));
      g_assert_true (rd_test_gui_save_screenshot (GTK_WIDGET (f->window), png));
    }
  /* Linked evidence is no longer offered. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 4);

  /* And the Evidence page says what the letter proves. */
  rd_window_show_page (f->window, "evidence");
  g_assert_true (rd_evidence_page_select (f->page, letter_id));
  g_assert_nonnull (rd_test_gui_find_by_text (child (f, "detail"), "The landlord knew in February"));
}

/* Files dropped on the window go to the Evidence page. */
static void
test_drop_on_window (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = make_file (f, "dropped.jpg");
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GFile) file = NULL;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GSList *list;
  gboolean handled = FALSE;

  fixture_write_jpeg (path, 30, 30, 1, NULL, 77);
  file = g_file_new_for_path (path);
  rd_window_show_page (f->window, "diary");

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  list = g_slist_append (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_slist_free (list);
  g_assert_true (handled);
  g_assert_true (rd_window_get_page (f->window, "evidence") ==
                 adw_view_stack_get_visible_child (ADW_VIEW_STACK (rd_test_gui_find_by_type (GTK_WIDGET (f->window),
                                                                                            ADW_TYPE_VIEW_STACK))));
  g_assert_true (rd_test_gui_wait_until (not_busy, f->page, 20000));
  g_assert_nonnull (shown_named (f, "dropped.jpg"));
}

/* The contact an imported email made shows the email as its evidence. */
static void
test_contact_editor (Fixture       *f,
                     gconstpointer  data)
{
  RdContactsPage *contacts = RD_CONTACTS_PAGE (rd_window_show_page (f->window, "contacts"));
  RdEvidenceLinks *links;
  GListModel *linked;

  g_assert_cmpuint (g_list_model_get_n_items (rd_contacts_page_get_contacts (contacts)), ==, 1);
  links = RD_EVIDENCE_LINKS (rd_test_gui_find_by_type (GTK_WIDGET (contacts), RD_TYPE_EVIDENCE_LINKS));
  g_assert_nonnull (links);
  /* The contacts page opens its newest contact by itself. */
  linked = rd_evidence_links_get_linked (links);
  g_assert_nonnull (linked);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);
  g_assert_nonnull (rd_test_gui_find_by_text (GTK_WIDGET (links), "The email itself"));
}

/* A protected PDF asks for its password, then shows its pages. */
static void
test_password (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *plain = make_file (f, "plain.pdf");
  g_autofree char *locked = make_file (f, "statement.pdf");
  RdEvidenceDetail *detail = RD_EVIDENCE_DETAIL (child (f, "detail"));
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GFile *files[1];
  gint64 id;

  fixture_write_pdf (plain, 2, "Rent statement", NULL);
  if (!fixture_encrypt_pdf (plain, locked, "flat4"))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  files[0] = g_file_new_for_path (locked);
  rd_evidence_page_import_files (f->page, files, 1);
  g_object_unref (files[0]);
  g_assert_true (rd_test_gui_wait_until (not_busy, f->page, 20000));
  id = rd_evidence_get_id (shown_named (f, "statement.pdf"));
  g_assert_true (rd_evidence_page_select (f->page, id));
  g_assert_false (rd_evidence_detail_is_previewed (detail));
  g_assert_true (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (detail), "password_button")));

  gtk_widget_activate_action (GTK_WIDGET (detail), "evidence.password", NULL);
  g_assert_true (rd_test_gui_wait_until (dialog_shown, NULL, 5000));
  dialog = rd_test_gui_find_message_dialog ();
  entry = rd_test_gui_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "flat4");
  adw_message_dialog_response (dialog, "unlock");

  g_assert_true (rd_test_gui_wait_until (previewed, detail, 20000));
  g_assert_cmpint (rd_evidence_detail_get_n_pages (detail), ==, 2);
  {
    g_autoptr(RdEvidence) stored = rd_store_get_evidence (store (f), id, NULL);
    g_assert_false (rd_evidence_get_needs_password (stored));
    g_assert_cmpint (rd_evidence_get_page_count (stored), ==, 2);
  }
  g_assert_false (gtk_widget_get_visible (rd_test_gui_find_by_id (GTK_WIDGET (detail), "password_button")));
}

static gboolean
reading (gpointer data)
{
  return rd_evidence_page_is_reading (data);
}

/* A photographed letter added on the page has its text read in the
 * background, with progress on the page, and search finds its words; the
 * reading can be stopped, and Read text of scans goes on from there. */
static void
test_read_text (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *letter = make_file (f, "letter.png");
  g_autofree char *second = make_file (f, "second.png");
  GtkWidget *read_button = child (f, "read_text_button");
  guint before = n_shown (f);
  GFile *files[1];

  fixture_write_letter_png (letter, "Dear tenant\nYour appointment is confirmed\nfor Thursday morning.");
  fixture_write_letter_png (second, "The surveyor will inspect\nthe bathroom ceiling.");
  files[0] = g_file_new_for_path (letter);
  rd_evidence_page_import_files (f->page, files, 1);
  g_object_unref (files[0]);
  g_assert_true (rd_test_gui_wait_until (not_busy, f->page, 60000));
  g_assert_cmpuint (n_shown (f), ==, before + 1);

  /* Read by now: nothing typed said "appointment". */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "evidence_search_entry")), "appointment");
  g_signal_emit_by_name (child (f, "evidence_search_entry"), "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "evidence_search_entry")), "");
  g_signal_emit_by_name (child (f, "evidence_search_entry"), "search-changed");

  /* The next one: stopped as soon as its reading starts, nothing of it is
   * found; asked again, it is. */
  files[0] = g_file_new_for_path (second);
  rd_evidence_page_import_files (f->page, files, 1);
  g_object_unref (files[0]);
  g_assert_true (rd_test_gui_wait_until (reading, f->page, 60000));
  g_assert_false (gtk_widget_is_sensitive (read_button));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "evidence-page.cancel", NULL);
  g_assert_true (rd_test_gui_wait_until (not_busy, f->page, 60000));
  g_assert_true (gtk_widget_is_sensitive (read_button));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "evidence_search_entry")), "surveyor");
  g_signal_emit_by_name (child (f, "evidence_search_entry"), "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "evidence-page.read-text", NULL);
  g_assert_true (rd_evidence_page_is_busy (f->page));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "progress_revealer"))));
  g_assert_true (rd_test_gui_wait_until (not_busy, f->page, 60000));
  g_signal_emit_by_name (child (f, "evidence_search_entry"), "search-changed");
  g_assert_cmpuint (n_shown (f), ==, 1);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "progress_revealer"))));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test context keeps accessible names and descriptions where
   * the test can read them, without an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  rd_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/evidence-page/browse", test_browse);
  ADD ("/evidence-page/link", test_link);
  ADD ("/evidence-page/import-and-check", test_import_and_check);
  ADD ("/evidence-page/cancel-import", test_cancel_import);
  ADD ("/evidence-page/incident-editor", test_incident_editor);
  ADD ("/evidence-page/drop-on-window", test_drop_on_window);
  ADD ("/evidence-page/contact-editor", test_contact_editor);
  ADD ("/evidence-page/password", test_password);
  ADD ("/evidence-page/read-text", test_read_text);

  return g_test_run ();
}
