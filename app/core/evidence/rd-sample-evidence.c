/* rd-sample-evidence.c: the sample case's evidence, made when the sample is.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-sample-evidence"

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "rd-gettext.h"

#include "rd-datetime.h"
#include "rd-evidence-files.h"
#include "rd-sample-evidence.h"
#include "rd-store-complaints.h"

/*
 * Three pieces of evidence, drawn here rather than shipped, so nobody need
 * wonder whose they are: the landlord's stage 1 response (a PDF letter), a
 * photo of the damaged front door, and the resident's email making the
 * complaint. Each carries its date where a real one would (the PDF's
 * creation date, the file's time, the email's Date header), on the story's
 * dates as rd-sample.c moves them, and is linked to the diary entry or
 * contact it belongs to. No text names a date, for the same reason as there.
 */
#define LETTER_AT "2025-01-08T11:00"
#define PHOTO_AT  "2024-10-29T08:02"
#define EMAIL_AT  "2024-11-11T10:00"
#define DOOR_AT   "2024-10-29T07:55"

static GDateTime *
story_time (int         shift,
            const char *text)
{
  g_autoptr(GDateTime) dt = rd_datetime_parse_local (text, NULL);

  g_assert (dt != NULL);
  return g_date_time_add_days (dt, shift);
}

static gboolean
cairo_ok (cairo_status_t   status,
          const char      *path,
          GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, UI_("Redress could not write “%s”: %s."),
               path, cairo_status_to_string (status));
  return FALSE;
}

static void
show_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double     *y,
           double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, *y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  *y += (double) height / PANGO_SCALE + 14;
  g_object_unref (layout);
}

static gboolean
write_letter (const char  *path,
              GDateTime   *when,
              const char  *resident,
              GError     **error)
{
  g_autofree char *created = g_date_time_format_iso8601 (when);
  g_autofree char *greeting = g_strdup_printf (_("Dear %s,"), resident);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  double y = 72;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Stage 1 complaint response"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Eastwick Homes");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cairo_set_source_rgb (cr, 0, 0, 0);
  show_text (cr, "Eastwick Homes", "Sans Bold 16", 72, &y, 451);
  show_text (cr, _("Complaints team"), "Sans 10", 72, &y, 451);
  y += 20;
  show_text (cr, _("Stage 1 complaint response"), "Sans Bold 12", 72, &y, 451);
  show_text (cr, greeting, "Serif 11", 72, &y, 451);
  show_text (cr, _("Thank you for your complaint about noise from Flat 5 and how we handled your "
                   "reports. We have read your noise diary and spoken to the housing officer."),
             "Serif 11", 72, &y, 451);
  show_text (cr, _("We agree that we did not call you back when we said we would, and we are sorry. "
                   "We do not agree that we failed to act on the noise: we wrote to the household "
                   "in Flat 5 and will install noise monitoring equipment."),
             "Serif 11", 72, &y, 451);
  show_text (cr, _("If you are not happy with this response, you can ask us to look at your "
                   "complaint again at stage 2."),
             "Serif 11", 72, &y, 451);
  show_text (cr, _("Yours sincerely,\nDee Marsh\nComplaints team"), "Serif 11", 72, &y, 451);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return cairo_ok (status, path, error);
}

/* A front door, its lower panel split and dented, the letterbox bent. */
static gboolean
write_photo (const char  *path,
             GDateTime   *when,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 640);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_set_source_rgb (cr, 0.82, 0.80, 0.76);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.16, 0.29, 0.45);
  cairo_rectangle (cr, 90, 40, 300, 580);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.12, 0.22, 0.35);
  cairo_set_line_width (cr, 6);
  cairo_rectangle (cr, 130, 80, 220, 200);
  cairo_rectangle (cr, 130, 340, 220, 240);
  cairo_stroke (cr);
  /* The letterbox, bent in */
  cairo_set_source_rgb (cr, 0.70, 0.62, 0.30);
  cairo_move_to (cr, 180, 300);
  cairo_line_to (cr, 240, 312);
  cairo_line_to (cr, 300, 300);
  cairo_line_to (cr, 300, 318);
  cairo_line_to (cr, 180, 318);
  cairo_close_path (cr);
  cairo_fill (cr);
  /* The split in the lower panel */
  cairo_set_source_rgb (cr, 0.93, 0.90, 0.82);
  cairo_set_line_width (cr, 3);
  cairo_move_to (cr, 160, 560);
  cairo_line_to (cr, 205, 500);
  cairo_line_to (cr, 190, 455);
  cairo_line_to (cr, 250, 395);
  cairo_stroke (cr);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (!cairo_ok (status, path, error))
    return FALSE;
  /* A picture with no EXIF is dated by its file, as a copied photo is. */
  return g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                      (guint64) g_date_time_to_unix (when),
                                      G_FILE_QUERY_INFO_NONE, NULL, error);
}

/* The Date header in RFC 5322's own English names, whatever the locale. */
static char *
format_email_date (GDateTime *when)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autofree char *rest = g_date_time_format (when, "%Y %H:%M:%S %z");

  return g_strdup_printf ("%s, %d %s %s", days[g_date_time_get_day_of_week (when) - 1],
                          g_date_time_get_day_of_month (when), months[g_date_time_get_month (when) - 1],
                          rest);
}

static gboolean
write_email (const char  *path,
             GDateTime   *when,
             const char  *resident,
             GError     **error)
{
  g_autofree char *date = format_email_date (when);
  g_autofree char *subject = g_strdup (_("Formal complaint: noise from Flat 5"));
  g_autofree char *body =
    g_strdup_printf (_("I am making a formal complaint at stage 1 of your complaints policy.\n\n"
                       "I have reported loud music and parties from Flat 5 many times since the "
                       "summer, and the damage to our front door. A housing officer was to call "
                       "me back and did not. My noise diary is attached to my reports.\n\n"
                       "Please acknowledge this complaint and tell me when you will respond.\n\n"
                       "%s"), resident);
  g_autofree char *email =
    g_strdup_printf ("From: %s <resident@example.org>\r\n"
                     "To: Eastwick Homes <complaints@eastwick-homes.example>\r\n"
                     "Subject: %s\r\n"
                     "Date: %s\r\n"
                     "Message-ID: <stage1-complaint@sample.redress.example>\r\n"
                     "MIME-Version: 1.0\r\n"
                     "Content-Type: text/plain; charset=UTF-8\r\n"
                     "Content-Transfer-Encoding: 8bit\r\n"
                     "\r\n"
                     "%s\r\n",
                     resident, subject, date, body);

  return g_file_set_contents (path, email, -1, error);
}

/* The record of @model (incidents or contacts) whose time is @when. */
static gint64
find_at (GListModel *model,
         GDateTime  *when)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      GDateTime *at = RD_IS_INCIDENT (item) ? rd_incident_get_starts_at (RD_INCIDENT (item))
                                            : rd_contact_get_occurred_at (RD_CONTACT (item));

      if (at != NULL && g_date_time_equal (at, when))
        return RD_IS_INCIDENT (item) ? rd_incident_get_id (RD_INCIDENT (item))
                                     : rd_contact_get_id (RD_CONTACT (item));
    }
  return 0;
}

static gboolean
describe_and_link (RdStore               *store,
                   RdEvidence            *evidence,
                   const char            *description,
                   RdEvidenceTargetKind   target_kind,
                   gint64                 target_id,
                   GError               **error)
{
  gint64 id = rd_evidence_get_id (evidence);

  if (!rd_store_set_evidence_description (store, id, description, error))
    return FALSE;
  return target_id == 0 || rd_store_link_evidence (store, id, target_kind, target_id, NULL, error);
}

/**
 * rd_sample_evidence_add:
 * @case_id: the sample case, just made by rd_sample_ensure_for()
 * @shift: the days its dates were moved by (rd_sample_shift_days())
 *
 * Makes the sample's letter, photo and email in a temporary folder and
 * imports them as exhibits 1 to 3, described and linked.
 */
gboolean
rd_sample_evidence_add (RdStore  *store,
                        gint64    case_id,
                        int       shift,
                        GError  **error)
{
  g_autoptr(RdCase) rcase = NULL;
  g_autoptr(GDateTime) letter_at = story_time (shift, LETTER_AT);
  g_autoptr(GDateTime) photo_at = story_time (shift, PHOTO_AT);
  g_autoptr(GDateTime) email_at = story_time (shift, EMAIL_AT);
  g_autoptr(GDateTime) door_at = story_time (shift, DOOR_AT);
  g_autoptr(RdEvidenceBatch) batch = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autofree char *dir = NULL;
  char *paths[3] = { NULL, NULL, NULL };
  gboolean ok = FALSE;

  g_return_val_if_fail (RD_IS_STORE (store), FALSE);

  rcase = rd_store_get_case (store, case_id, error);
  if (rcase == NULL)
    return FALSE;
  dir = g_dir_make_tmp ("redress-sample-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  /* Named as a resident would save them; the names show in the bundle. */
  paths[0] = g_build_filename (dir, "stage-1-response.pdf", NULL);
  paths[1] = g_build_filename (dir, "front-door.png", NULL);
  paths[2] = g_build_filename (dir, "stage-1-complaint.eml", NULL);

  batch = rd_evidence_batch_new (store, case_id);
  if (write_letter (paths[0], letter_at, rd_case_get_resident_name (rcase), error) &&
      write_photo (paths[1], photo_at, error) &&
      write_email (paths[2], email_at, rd_case_get_resident_name (rcase), error))
    {
      ok = TRUE;
      for (guint i = 0; ok && i < G_N_ELEMENTS (paths); i++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
          ok = rd_evidence_batch_add_file (batch, file, NULL, NULL, error);
        }
      ok = ok && rd_evidence_batch_commit (batch, error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_unlink (paths[i]);
      g_free (paths[i]);
    }
  g_rmdir (dir);
  if (!ok)
    return FALSE;

  incidents = rd_store_list_incidents (store, case_id, error);
  contacts = incidents ? rd_store_list_contacts (store, case_id, error) : NULL;
  if (contacts == NULL)
    return FALSE;
  return describe_and_link (store, rd_evidence_batch_get_item (batch, 0),
                            _("The landlord’s stage 1 response"),
                            RD_EVIDENCE_TARGET_CONTACT, find_at (contacts, letter_at), error) &&
         describe_and_link (store, rd_evidence_batch_get_item (batch, 1),
                            _("Our front door, kicked in overnight"),
                            RD_EVIDENCE_TARGET_INCIDENT, find_at (incidents, door_at), error) &&
         describe_and_link (store, rd_evidence_batch_get_item (batch, 2),
                            _("My email making the stage 1 complaint"),
                            RD_EVIDENCE_TARGET_CONTACT, find_at (contacts, email_at), error);
}
