/* rd-chronology.c: a case's incidents, contacts and complaint steps merged by date.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same entries make the bundle's chronology (numbered paragraphs), a
 * CSV file and an OpenDocument text file a solicitor can edit. The .odt is
 * a zip written with libzip: "mimetype" first and stored uncompressed, as
 * the OpenDocument format requires, then the manifest and the content.
 */
#define G_LOG_DOMAIN "rd-chronology"

#include "config.h"

#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>

#include "rd-chronology.h"
#include "rd-chronology-private.h"
#include "rd-datetime.h"
#include "rd-output.h"
#include "rd-zip.h"

/**
 * rd_chronology_entry_free:
 */
void
rd_chronology_entry_free (RdChronologyEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->when);
  g_free (e->what);
  g_free (e->text);
  g_free (e->exhibits);
  g_free (e->written);
  g_free (e->when_iso);
  g_free (e->written_iso);
  g_free (e);
}

static char *
written_on (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *when = NULL;

  if (unix_time <= 0)
    return g_strdup ("");
  dt = rd_datetime_new_from_unix_local (unix_time);
  when = rd_datetime_format_on (dt);
  /* Translators: %s is a date and time with its preposition, "on Monday 4
   * November 2024 at 22:30" */
  return g_strdup_printf (_("First written in the diary %s."), when);
}

/* ISO 8601 with a space for the "T" (as RFC 3339 allows), so that
 * spreadsheets both sort it as text and read it as a date and time.
 * Copied to its own length: g_date_time_format() hands back a buffer of
 * 128 bytes, which at 100,000 entries is 13 MB for 17-byte strings. */
static char *
iso_format (GDateTime  *dt,
            const char *format)
{
  g_autofree char *text = g_date_time_format (dt, format);

  return g_strdup (text);
}

static char *
iso_minute (GDateTime *dt)
{
  return iso_format (dt, "%Y-%m-%d %H:%M");
}

static char *
written_on_iso (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time <= 0)
    return g_strdup ("");
  dt = rd_datetime_new_from_unix_local (unix_time);
  return iso_minute (dt);
}

static RdChronologyEntry *
make_entry (RdChronology *self,
            gint64        sort_key,
            char         *when,
            char         *when_iso,
            const char   *what,
            GString      *text,
            const char   *ref_key,
            gint64        written_at)
{
  RdChronologyEntry *e = g_new0 (RdChronologyEntry, 1);
  const char *labels = self->refs ? g_hash_table_lookup (self->refs, ref_key) : NULL;

  e->sort_key = sort_key;
  e->when = when;
  e->when_iso = when_iso;
  e->what = g_strdup (what);
  e->text = rd_anonymiser_apply (self->anon, text->str);
  e->exhibits = g_strdup (labels ? labels : "");
  e->written = written_on (written_at);
  e->written_iso = written_on_iso (written_at);
  return e;
}

/* @sentence is "Label: %s." already translated; only its one %s is filled. */
static void
append_sentence (GString    *s,
                 const char *sentence,
                 const char *value)
{
  const char *hole;

  if (value == NULL || *value == '\0')
    return;
  if (s->len > 0)
    g_string_append_c (s, ' ');
  hole = strstr (sentence, "%s");
  if (hole == NULL)
    {
      g_string_append (s, sentence);
      return;
    }
  g_string_append_len (s, sentence, hole - sentence);
  g_string_append (s, value);
  g_string_append (s, hole + 2);
}

RdChronologyEntry *
_rd_chronology_incident_entry (RdChronology *self,
                               RdIncident   *inc)
{
  GDateTime *start = rd_incident_get_starts_at (inc);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *key = g_strdup_printf ("incident:%" G_GINT64_FORMAT, rd_incident_get_id (inc));
  g_autofree char *reported = rd_reported_to_get_label (rd_incident_get_reported_to (inc));
  RdMoment told;

  g_string_append_printf (text, "%s: ", rd_category_get_label (rd_incident_get_category (inc)));
  g_string_append (text, rd_incident_get_description (inc));
  append_sentence (text, _("Where: %s."), rd_incident_get_location (inc));
  append_sentence (text, _("Who: %s."), rd_incident_get_people (inc));
  append_sentence (text, _("Witnesses: %s."), rd_incident_get_witnesses (inc));
  append_sentence (text, _("Effect on the household: %s"), rd_incident_get_impact (inc));
  append_sentence (text, _("Reported to: %s."), reported);
  append_sentence (text, _("Reference: %s."), rd_incident_get_reference (inc));
  if (rd_incident_get_landlord_reported (inc, &told))
    {
      g_autofree char *when = rd_moment_format_on (&told);

      /* Translators: %s is a date with its preposition, "on Monday 4
       * November 2024", maybe with a time */
      append_sentence (text, _("Reported to the landlord %s."), when);
    }
  return make_entry (self, g_date_time_to_unix (start) * G_USEC_PER_SEC, rd_datetime_format_long (start),
                     iso_minute (start), _("Incident"), text, key,
                     rd_incident_get_created_at (inc));
}

RdChronologyEntry *
_rd_chronology_contact_entry (RdChronology *self,
                              RdContact    *c)
{
  GDateTime *at = rd_contact_get_occurred_at (c);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *key = g_strdup_printf ("contact:%" G_GINT64_FORMAT, rd_contact_get_id (c));
  g_autofree char *who = rd_case_facts_dup_contact_who (self->facts, c);
  const GDate *due = rd_contact_get_promise_due (c);

  g_string_append_printf (text, "%s, %s", rd_contact_direction_get_label (rd_contact_get_direction (c)),
                          rd_contact_channel_get_label (rd_contact_get_channel (c)));
  if (who != NULL && *who)
    g_string_append_printf (text, " (%s)", who);
  g_string_append (text, ": ");
  g_string_append (text, rd_contact_get_summary (c));
  if (rd_contact_get_promise (c) != NULL && *rd_contact_get_promise (c))
    {
      g_autofree char *due_text = due && g_date_valid (due) ? rd_date_format_long (due) : NULL;

      append_sentence (text, _("Promised: %s."), rd_contact_get_promise (c));
      append_sentence (text, _("Due by %s."), due_text);
    }
  return make_entry (self, g_date_time_to_unix (at) * G_USEC_PER_SEC, rd_datetime_format_long (at),
                     iso_minute (at), _("Contact"), text, key,
                     rd_contact_get_created_at (c));
}

/* A complaint step counts from the start of its day. */
static GDateTime *
event_start (RdComplaintEvent *ev)
{
  const GDate *date = rd_complaint_event_get_date (ev);

  if (date == NULL || !g_date_valid (date))
    return NULL;
  return rd_datetime_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
}

RdChronologyEntry *
_rd_chronology_event_entry (RdChronology     *self,
                            RdComplaint      *complaint,
                            RdComplaintEvent *ev)
{
  const GDate *date = rd_complaint_event_get_date (ev);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *complaint_title = rd_complaint_dup_title (complaint);
  g_autofree char *title = rd_complaint_event_dup_title (ev);
  g_autofree char *key = g_strdup_printf ("event:%" G_GINT64_FORMAT, rd_complaint_event_get_id (ev));
  g_autoptr(GDateTime) dt = event_start (ev);
  const GDate *new_date = rd_complaint_event_get_new_date (ev);

  g_string_append_printf (text, "%s: %s.", complaint_title, title);
  if (new_date != NULL && g_date_valid (new_date))
    {
      g_autofree char *nd = rd_date_format_long (new_date);
      append_sentence (text, _("New date: %s."), nd);
    }
  append_sentence (text, _("Reason given: %s"), rd_complaint_event_get_reason (ev));
  append_sentence (text, "%s", rd_complaint_event_get_notes (ev));
  return make_entry (self, g_date_time_to_unix (dt) * G_USEC_PER_SEC, rd_date_format_long (date),
                     iso_format (dt, "%Y-%m-%d"), _("Complaint"), text, key, 0);
}

static void
add_row (GArray    *rows,
         GDateTime *at,
         RdChronologyRowKind    kind,
         guint      index,
         guint      event)
{
  RdChronologyRow row = { g_date_time_to_unix (at) * G_USEC_PER_SEC, kind, index, event };

  g_array_append_val (rows, row);
}

static int
by_date (gconstpointer a,
         gconstpointer b)
{
  const RdChronologyRow *x = a;
  const RdChronologyRow *y = b;

  return x->sort_key < y->sort_key ? -1 : x->sort_key > y->sort_key;
}

RdChronology *
_rd_chronology_new_rows (RdCaseFacts *facts,
                         GHashTable  *exhibit_refs)
{
  RdChronology *self = g_new0 (RdChronology, 1);
  GPtrArray *incidents = rd_case_facts_get_incidents (facts);
  GPtrArray *contacts = rd_case_facts_get_contacts (facts);
  GPtrArray *complaints = rd_case_facts_get_complaints (facts);

  self->facts = g_object_ref (facts);
  self->refs = exhibit_refs ? g_hash_table_ref (exhibit_refs) : NULL;
  self->rows = g_array_new (FALSE, FALSE, sizeof (RdChronologyRow));
  for (guint i = 0; i < incidents->len; i++)
    {
      GDateTime *start = rd_incident_get_starts_at (incidents->pdata[i]);

      if (start != NULL)
        add_row (self->rows, start, RD_CHRONOLOGY_INCIDENT, i, 0);
    }
  for (guint i = 0; i < contacts->len; i++)
    {
      GDateTime *at = rd_contact_get_occurred_at (contacts->pdata[i]);

      if (at != NULL)
        add_row (self->rows, at, RD_CHRONOLOGY_CONTACT, i, 0);
    }
  for (guint i = 0; i < complaints->len; i++)
    {
      GPtrArray *events = rd_case_facts_get_events (facts, complaints->pdata[i]);

      for (guint k = 0; events != NULL && k < events->len; k++)
        {
          g_autoptr(GDateTime) dt = event_start (events->pdata[k]);

          if (dt != NULL)
            add_row (self->rows, dt, RD_CHRONOLOGY_EVENT, i, k);
        }
    }
  /* Stable: on the same minute, incidents before contacts before steps,
   * each in the order the facts hold them. */
  g_array_sort (self->rows, by_date);
  self->n_entries = self->rows->len;
  return self;
}

/**
 * rd_chronology_new:
 * @exhibit_refs: (nullable): exhibit labels by "incident:ID", "contact:ID"
 *   and "event:ID"; kept by reference
 * @anonymise: whether third parties are replaced, as in a bundle made
 *   with anonymising on (rd_anonymiser_new_for_case())
 *
 * The case's incidents, contacts and complaint steps in date order. It
 * keeps @facts and writes each entry only when asked for
 * (rd_chronology_dup_entry()), so that a long chronology is put on pages
 * one entry at a time. Entries are written in the language of the thread
 * that asks (rd_i18n_push_language()).
 *
 * Returns: (transfer full): the chronology
 */
RdChronology *
rd_chronology_new (RdCaseFacts *facts,
                   GHashTable  *exhibit_refs,
                   gboolean     anonymise)
{
  RdChronology *self;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);

  self = _rd_chronology_new_rows (facts, exhibit_refs);
  if (anonymise)
    {
      self->anon = rd_anonymiser_new_for_case (rd_case_facts_get_case (facts),
                                               rd_case_facts_get_parties (facts));
      self->owns_anon = TRUE;
    }
  return self;
}

void
rd_chronology_free (RdChronology *self)
{
  if (self == NULL)
    return;
  if (self->owns_anon)
    rd_anonymiser_free (self->anon);
  g_clear_pointer (&self->refs, g_hash_table_unref);
  g_clear_object (&self->facts);
  g_array_unref (self->rows);
  g_clear_pointer (&self->pages, _rd_chronology_pages_free);
  g_free (self);
}

guint
rd_chronology_get_n_entries (RdChronology *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_entries;
}

/**
 * rd_chronology_dup_entry:
 * @index: from 0, in date order
 *
 * Returns: (transfer full): the entry; free with rd_chronology_entry_free()
 */
RdChronologyEntry *
rd_chronology_dup_entry (RdChronology *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);

  if (self->pages != NULL)
    return _rd_chronology_pages_dup_entry (self, index);
  return _rd_chronology_row_entry (self, &g_array_index (self->rows, RdChronologyRow, index));
}

/* The entry of a row whose record is in the facts. */
RdChronologyEntry *
_rd_chronology_row_entry (RdChronology          *self,
                          const RdChronologyRow *row)
{
  switch (row->kind)
    {
    case RD_CHRONOLOGY_INCIDENT:
      return _rd_chronology_incident_entry (self, rd_case_facts_get_incidents (self->facts)->pdata[row->index]);
    case RD_CHRONOLOGY_CONTACT:
      return _rd_chronology_contact_entry (self, rd_case_facts_get_contacts (self->facts)->pdata[row->index]);
    case RD_CHRONOLOGY_EVENT:
    default:
      {
        RdComplaint *complaint = rd_case_facts_get_complaints (self->facts)->pdata[row->index];

        return _rd_chronology_event_entry (self, complaint,
                                           rd_case_facts_get_events (self->facts, complaint)->pdata[row->event]);
      }
    }
}

/**
 * rd_chronology_build:
 * @exhibit_refs: (nullable): exhibit labels by "incident:ID", "contact:ID"
 *   and "event:ID"
 * @anonymiser: (nullable)
 *
 * Every entry of the chronology at once, for the CSV and .odt writers.
 *
 * Returns: (transfer full) (element-type RdChronologyEntry): in date order
 */
GPtrArray *
rd_chronology_build (RdCaseFacts  *facts,
                     GHashTable   *exhibit_refs,
                     RdAnonymiser *anon)
{
  RdChronology *self = _rd_chronology_new_rows (facts, exhibit_refs);
  GPtrArray *entries = g_ptr_array_new_full (self->rows->len,
                                             (GDestroyNotify) rd_chronology_entry_free);

  self->anon = anon;  /* borrowed */
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (entries, rd_chronology_dup_entry (self, i));
  rd_chronology_free (self);
  return entries;
}

/* "Monday 4 March 2024 at 23:10. Incident: … (Exhibits 3, 5.) First written …" */
char *
rd_chronology_entry_dup_paragraph (const RdChronologyEntry *e)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s. %s", e->when, e->text);
  if (*e->exhibits && strchr (e->exhibits, ',') != NULL)
    g_string_append_printf (s, _(" (Exhibits %s.)"), e->exhibits);
  else if (*e->exhibits)
    g_string_append_printf (s, _(" (Exhibit %s.)"), e->exhibits);
  if (*e->written)
    g_string_append_printf (s, " %s", e->written);
  return g_string_free (s, FALSE);
}

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  g_string_append_c (out, '"');
  for (const char *p = value ? value : ""; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, last ? "\"\r\n" : "\",");
}

static void
set_write_error (const char  *path,
                 GError      *cause,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, RD_OUTPUT_ERROR, RD_OUTPUT_ERROR_WRITE,
               _("Redress could not write the chronology to “%s”: %s"), display,
               cause != NULL ? cause->message
                             : _("Nothing was written. Check that the disk has space."));
}

/* Beside @path under a temporary name, renamed when complete, owner only:
 * the chronology is the resident's private record. */
static gboolean
write_whole (const char  *path,
             const char  *data,
             gsize        len,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = rd_output_make_temp (path, &local_error);

  if (temp == NULL ||
      !g_file_set_contents_full (temp, data, (gssize) len, G_FILE_SET_CONTENTS_NONE, 0600,
                                 &local_error))
    {
      set_write_error (path, local_error, error);
      if (temp != NULL)
        {
          rd_output_explain_full_disk (path, error);
          rd_output_discard (temp);
        }
      return FALSE;
    }
  return rd_output_commit (temp, path, error);
}

/* RFC 4180: quoted fields, CRLF line ends, a header row; dates in ISO 8601
 * so the table sorts by them. It starts with a UTF-8 byte order mark,
 * without which Excel reads the file in the computer's old code page and
 * garbles "£", accents and curly quotes. */
gboolean
rd_chronology_write_csv (GPtrArray   *entries,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  csv_field (out, _("No."), FALSE);
  csv_field (out, _("Date"), FALSE);
  csv_field (out, _("Type"), FALSE);
  csv_field (out, _("What happened"), FALSE);
  csv_field (out, _("Exhibits"), FALSE);
  csv_field (out, _("First written"), TRUE);
  for (guint i = 0; i < entries->len; i++)
    {
      RdChronologyEntry *e = entries->pdata[i];
      g_autofree char *num = g_strdup_printf ("%u", i + 1);

      csv_field (out, num, FALSE);
      csv_field (out, e->when_iso, FALSE);
      csv_field (out, e->what, FALSE);
      csv_field (out, e->text, FALSE);
      csv_field (out, e->exhibits, FALSE);
      csv_field (out, e->written_iso, TRUE);
    }
  return write_whole (path, out->str, out->len, error);
}

static void
xml_cell (GString    *out,
          const char *style,
          const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  g_string_append (out, "<table:table-cell office:value-type=\"string\">");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);
      g_string_append_printf (out, "<text:p text:style-name=\"%s\">%s</text:p>", style, escaped);
    }
  g_string_append (out, "</table:table-cell>");
}

static char *
odt_content (GPtrArray  *entries,
             const char *title)
{
  GString *out = g_string_new (NULL);
  g_autofree char *title_escaped = g_markup_escape_text (title, -1);
  const char *headers[] = { N_("No."), N_("Date"), N_("What happened"), N_("Exhibits") };

  g_string_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document-content"
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
    " office:version=\"1.2\">"
    "<office:automatic-styles>"
    "<style:style style:name=\"Title\" style:family=\"paragraph\">"
    "<style:text-properties fo:font-size=\"16pt\" fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Head\" style:family=\"paragraph\">"
    "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
    "<style:style style:name=\"Body\" style:family=\"paragraph\"/>"
    "<style:style style:name=\"Note\" style:family=\"paragraph\">"
    "<style:text-properties fo:font-size=\"8pt\" fo:font-style=\"italic\"/></style:style>"
    "<style:style style:name=\"C1\" style:family=\"table-column\">"
    "<style:table-column-properties style:column-width=\"1.2cm\"/></style:style>"
    "<style:style style:name=\"C2\" style:family=\"table-column\">"
    "<style:table-column-properties style:column-width=\"4cm\"/></style:style>"
    "<style:style style:name=\"C3\" style:family=\"table-column\">"
    "<style:table-column-properties style:column-width=\"9.5cm\"/></style:style>"
    "<style:style style:name=\"C4\" style:family=\"table-column\">"
    "<style:table-column-properties style:column-width=\"2.3cm\"/></style:style>"
    "</office:automatic-styles><office:body><office:text>");
  g_string_append_printf (out, "<text:p text:style-name=\"Title\">%s</text:p>", title_escaped);
  g_string_append (out,
    "<table:table table:name=\"Chronology\">"
    "<table:table-column table:style-name=\"C1\"/><table:table-column table:style-name=\"C2\"/>"
    "<table:table-column table:style-name=\"C3\"/><table:table-column table:style-name=\"C4\"/>"
    "<table:table-header-rows><table:table-row>");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    xml_cell (out, "Head", _(headers[i]));
  g_string_append (out, "</table:table-row></table:table-header-rows>");

  for (guint i = 0; i < entries->len; i++)
    {
      RdChronologyEntry *e = entries->pdata[i];
      g_autofree char *num = g_strdup_printf ("%u", i + 1);
      g_autofree char *what = g_strdup_printf ("%s\n%s", e->text, e->written);

      g_string_append (out, "<table:table-row>");
      xml_cell (out, "Body", num);
      xml_cell (out, "Body", e->when);
      xml_cell (out, "Body", *e->written ? what : e->text);
      xml_cell (out, "Body", e->exhibits);
      g_string_append (out, "</table:table-row>");
    }
  g_string_append (out, "</table:table></office:text></office:body></office:document-content>\n");
  return g_string_free (out, FALSE);
}

static const char manifest[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
  " manifest:version=\"1.2\">"
  "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
  " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
  "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
  "</manifest:manifest>\n";

static gboolean
add_to_zip (zip_t      *zip,
         const char *name,
         const char *data,
         gboolean    store)
{
  zip_source_t *src = zip_source_buffer (zip, data, strlen (data), 0);
  zip_int64_t index;

  if (src == NULL)
    return FALSE;
  index = zip_file_add (zip, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
  if (index < 0)
    {
      zip_source_free (src);
      return FALSE;
    }
  return zip_set_file_compression (zip, (zip_uint64_t) index,
                                   store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0;
}

/* Written beside @path under a temporary name, renamed when complete. */
gboolean
rd_chronology_write_odt (GPtrArray   *entries,
                         const char  *title,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *content = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = NULL;
  zip_t *zip;

  if (!rd_zip_load (&local_error))
    {
      set_write_error (path, local_error, error);
      return FALSE;
    }
  content = odt_content (entries, title);
  temp = rd_output_make_temp (path, &local_error);
  if (temp == NULL)
    {
      set_write_error (path, local_error, error);
      return FALSE;
    }
  zip = rd_zip_open (temp, ZIP_CREATE | ZIP_TRUNCATE, NULL);
  if (zip == NULL ||
      !add_to_zip (zip, "mimetype", "application/vnd.oasis.opendocument.text", TRUE) ||
      !add_to_zip (zip, "META-INF/manifest.xml", manifest, FALSE) ||
      !add_to_zip (zip, "content.xml", content, FALSE) ||
      zip_close (zip) != 0)
    {
      if (zip != NULL)
        zip_discard (zip);
      set_write_error (path, NULL, error);
      rd_output_explain_full_disk (path, error);
      rd_output_discard (temp);
      return FALSE;
    }
  /* Owner only, whatever the umask (libzip follows it). */
  return rd_output_commit (temp, path, error);
}
