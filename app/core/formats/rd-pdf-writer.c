/* rd-pdf-writer.c: a PDF written object by object, and objects copied into it from other PDFs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle can have thousands of evidence pages. Assembling it inside one
 * qpdf document kept every copied object in memory until the end (about
 * 35 KB a page), so the bundle is written here as it goes instead: each
 * object goes to the file as soon as it is complete, and only its offset
 * (8 bytes) stays behind for the cross-reference table.
 *
 * The copier reads objects from a PDF opened with qpdf and writes them
 * with new numbers. Streams are copied as stored (still compressed, never
 * decoded), so scans keep their own bytes. A page tree or catalog met on
 * the way becomes null: a page's /Parent is the caller's to write, and
 * following it would pull in every other page of the document.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "rd-gettext.h"
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-pdf-writer.h"
#include "rd-qpdf.h"

#define BUFFER_SIZE (256 * 1024)

struct _RdPdfWriter
{
  int      fd;
  guint8  *buffer;
  gsize    used;
  goffset  offset;     /* bytes written so far, buffered ones included */
  GArray  *offsets;    /* guint64 by object number; 0: not written yet */
  int      saved_errno;
};

/* Writes all of @len bytes, retrying after signals; the first failure is kept. */
static void
write_all (RdPdfWriter  *w,
           const guint8 *p,
           gsize         len)
{
  while (len > 0 && w->saved_errno == 0)
    {
      gssize n = write (w->fd, p, MIN (len, (gsize) 1 << 30));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          w->saved_errno = errno;
          break;
        }
      p += n;
      len -= (gsize) n;
    }
}

static void
flush_buffer (RdPdfWriter *w)
{
  write_all (w, w->buffer, w->used);
  w->used = 0;
}

/**
 * _rd_pdf_writer_new:
 *
 * Creates (or empties) @path and writes the PDF header to it.
 */
RdPdfWriter *
_rd_pdf_writer_new (const char  *path,
                    GError     **error)
{
  RdPdfWriter *w;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  guint64 zero = 0;

  /* Owner only, whatever the umask, and also when the file was there. */
  if (fd >= 0 && fchmod (fd, 0600) != 0)
    {
      close (fd);
      fd = -1;
    }
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Redress could not write the bundle (%s). Check that the folder exists "
                     "and that you may write to it."), g_strerror (saved));
      return NULL;
    }
  w = g_new0 (RdPdfWriter, 1);
  w->fd = fd;
  w->buffer = g_malloc (BUFFER_SIZE);
  w->offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_val (w->offsets, zero);  /* object 0 is never used */
  /* The comment's high bytes tell transfer programs the file is binary. */
  _rd_pdf_writer_puts (w, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  return w;
}

void
_rd_pdf_writer_free (RdPdfWriter *w)
{
  if (w == NULL)
    return;
  if (w->fd >= 0)
    close (w->fd);
  g_array_unref (w->offsets);
  g_free (w->buffer);
  g_free (w);
}

void
_rd_pdf_writer_append (RdPdfWriter *w,
                       const void  *data,
                       gsize        len)
{
  w->offset += (goffset) len;
  if (w->saved_errno != 0)
    return;
  if (w->used + len <= BUFFER_SIZE)
    {
      memcpy (w->buffer + w->used, data, len);
      w->used += len;
      return;
    }
  flush_buffer (w);
  if (len < BUFFER_SIZE)
    {
      memcpy (w->buffer, data, len);
      w->used = len;
      return;
    }
  /* Large data (a photo) goes straight to the file. */
  write_all (w, data, len);
}

void
_rd_pdf_writer_puts (RdPdfWriter *w,
                     const char  *text)
{
  _rd_pdf_writer_append (w, text, strlen (text));
}

void
_rd_pdf_writer_printf (RdPdfWriter *w,
                       const char  *format,
                       ...)
{
  char small[256];
  va_list args;
  int n;

  va_start (args, format);
  n = g_vsnprintf (small, sizeof small, format, args);
  va_end (args);
  if (n >= 0 && (gsize) n < sizeof small)
    {
      _rd_pdf_writer_append (w, small, (gsize) n);
      return;
    }
  {
    g_autofree char *big = NULL;

    va_start (args, format);
    big = g_strdup_vprintf (format, args);
    va_end (args);
    _rd_pdf_writer_puts (w, big);
  }
}

/* Up to four decimals, without trailing zeros: "595.276", "36", "-0.5". */
void
_rd_pdf_writer_number (RdPdfWriter *w,
                       double       value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (value > -5e-5 && value < 5e-5)
    value = 0;
  g_ascii_formatd (buf, sizeof buf, "%.4f", value);
  end = buf + strlen (buf);
  while (end > buf && end[-1] == '0')
    end--;
  if (end > buf && end[-1] == '.')
    end--;
  _rd_pdf_writer_append (w, buf, (gsize) (end - buf));
}

/* @name in qpdf's canonical form ("/A B"), written in PDF syntax ("/A#20B"). */
void
_rd_pdf_writer_name (RdPdfWriter *w,
                     const char  *name)
{
  char buf[512];
  gsize n = 0;

  buf[n++] = '/';
  for (const guchar *c = (const guchar *) name + (name[0] == '/'); *c; c++)
    {
      if (n + 4 > sizeof buf)
        {
          _rd_pdf_writer_append (w, buf, n);
          n = 0;
        }
      if (*c < 0x21 || *c > 0x7e || strchr ("()<>[]{}/%#", *c) != NULL)
        n += (gsize) g_snprintf (buf + n, 4, "#%02X", *c);
      else
        buf[n++] = (char) *c;
    }
  _rd_pdf_writer_append (w, buf, n);
}

/* A text string: plain ASCII as a literal, anything else as UTF-16BE. */
void
_rd_pdf_writer_text (RdPdfWriter *w,
                     const char  *utf8)
{
  gboolean ascii = TRUE;

  for (const guchar *c = (const guchar *) utf8; *c && ascii; c++)
    ascii = *c >= 0x20 && *c < 0x7f;
  if (ascii)
    {
      _rd_pdf_writer_puts (w, "(");
      for (const char *c = utf8; *c; c++)
        {
          if (*c == '(' || *c == ')' || *c == '\\')
            _rd_pdf_writer_puts (w, "\\");
          _rd_pdf_writer_append (w, c, 1);
        }
      _rd_pdf_writer_puts (w, ")");
    }
  else
    {
      glong n = 0;
      g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);

      _rd_pdf_writer_puts (w, "<FEFF");
      for (glong i = 0; units != NULL && i < n; i++)
        _rd_pdf_writer_printf (w, "%04X", units[i]);
      _rd_pdf_writer_puts (w, ">");
    }
}

/* A date as PDF writes them: (D:20241118100000+00'00') */
void
_rd_pdf_writer_date (RdPdfWriter *w,
                     GDateTime   *when)
{
  g_autofree char *local = g_date_time_format (when, "%Y%m%d%H%M%S");
  gint64 offset = g_date_time_get_utc_offset (when) / G_TIME_SPAN_MINUTE;
  gint64 magnitude = ABS (offset);

  _rd_pdf_writer_printf (w, "(D:%s%c%02d'%02d')", local, offset < 0 ? '-' : '+',
                         (int) (magnitude / 60), (int) (magnitude % 60));
}

/* A new object number; the object must be written before the end. */
int
_rd_pdf_writer_reserve (RdPdfWriter *w)
{
  guint64 zero = 0;

  g_array_append_val (w->offsets, zero);
  return (int) w->offsets->len - 1;
}

void
_rd_pdf_writer_begin_object (RdPdfWriter *w,
                             int          id)
{
  g_assert (id > 0 && (guint) id < w->offsets->len);
  g_array_index (w->offsets, guint64, id) = (guint64) w->offset;
  _rd_pdf_writer_printf (w, "%d 0 obj\n", id);
}

void
_rd_pdf_writer_end_object (RdPdfWriter *w)
{
  _rd_pdf_writer_puts (w, "\nendobj\n");
}

/* Object @id: a stream whose dictionary holds @dict_entries and /Length. */
void
_rd_pdf_writer_stream (RdPdfWriter *w,
                       int          id,
                       const char  *dict_entries,
                       const void  *data,
                       gsize        len)
{
  _rd_pdf_writer_begin_object (w, id);
  _rd_pdf_writer_printf (w, "<<%s /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                         dict_entries ? dict_entries : "", len);
  _rd_pdf_writer_append (w, data, len);
  _rd_pdf_writer_puts (w, "\nendstream");
  _rd_pdf_writer_end_object (w);
}

goffset
_rd_pdf_writer_get_offset (RdPdfWriter *w)
{
  return w->offset;
}

/* Whether everything so far reached the file (or its buffer). */
gboolean
_rd_pdf_writer_check (RdPdfWriter  *w,
                      GError      **error)
{
  if (w->saved_errno == 0)
    return TRUE;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (w->saved_errno),
               _("Redress could not finish writing the bundle (%s). Check that the disk has "
                 "space and try again."), g_strerror (w->saved_errno));
  return FALSE;
}

/**
 * _rd_pdf_writer_finish:
 * @info: 0 for none
 * @id_seed: anything that tells this file from others, for its /ID
 *
 * Writes the cross-reference table and the trailer, and closes the file.
 */
gboolean
_rd_pdf_writer_finish (RdPdfWriter  *w,
                       int           root,
                       int           info,
                       const char   *id_seed,
                       GError      **error)
{
  goffset xref = w->offset;
  g_autofree char *file_id = g_compute_checksum_for_string (G_CHECKSUM_MD5, id_seed, -1);
  int fd;

  _rd_pdf_writer_printf (w, "xref\n0 %u\n0000000000 65535 f \n", w->offsets->len);
  for (guint i = 1; i < w->offsets->len; i++)
    {
      guint64 at = g_array_index (w->offsets, guint64, i);

      g_assert (at > 0);
      _rd_pdf_writer_printf (w, "%010" G_GUINT64_FORMAT " 00000 n \n", at);
    }
  _rd_pdf_writer_printf (w, "trailer\n<< /Size %u /Root %d 0 R", w->offsets->len, root);
  if (info > 0)
    _rd_pdf_writer_printf (w, " /Info %d 0 R", info);
  _rd_pdf_writer_printf (w, " /ID [<%s> <%s>] >>\nstartxref\n%" G_GINT64_FORMAT "\n%%%%EOF\n",
                         file_id, file_id, (gint64) xref);
  flush_buffer (w);

  fd = w->fd;
  w->fd = -1;
  if (close (fd) != 0 && w->saved_errno == 0)
    w->saved_errno = errno;
  return _rd_pdf_writer_check (w, error);
}

/* The copier */

typedef struct
{
  int objid;
  int generation;
  int id;
} Pending;

struct _RdPdfCopier
{
  RdPdfWriter *w;
  qpdf_data    q;
  GHashTable  *ids;       /* packed object and generation numbers → new number, or -1 */
  GArray      *pending;   /* Pending: objects referred to and not written yet */
};

RdPdfCopier *
_rd_pdf_copier_new (RdPdfWriter *w)
{
  RdPdfCopier *c = g_new0 (RdPdfCopier, 1);

  c->w = w;
  c->ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  return c;
}

void
_rd_pdf_copier_free (RdPdfCopier *c)
{
  if (c == NULL)
    return;
  g_hash_table_unref (c->ids);
  g_array_unref (c->pending);
  g_free (c);
}

/**
 * _rd_pdf_copier_set_source:
 *
 * Objects are read from @q from now on. The numbers given so far are kept,
 * so the same file opened again (to let go of what qpdf had parsed) goes
 * on sharing the objects already written.
 */
void
_rd_pdf_copier_set_source (RdPdfCopier *c,
                           qpdf_data    q)
{
  g_assert (c->pending->len == 0);
  c->q = q;
}

static gint64 *
key_of (qpdf_data q,
        qpdf_oh   oh)
{
  gint64 *key = g_new (gint64, 1);

  *key = (gint64) qpdf_oh_get_object_id (q, oh) << 16 | (qpdf_oh_get_generation (q, oh) & 0xffff);
  return key;
}

/* @oh (indirect) is written as object @id by the caller, or is @id already. */
void
_rd_pdf_copier_map (RdPdfCopier *c,
                    qpdf_oh      oh,
                    int          id)
{
  g_hash_table_replace (c->ids, key_of (c->q, oh), GINT_TO_POINTER (id));
}

static gboolean
is_type (qpdf_data   q,
         qpdf_oh     dict,
         const char *type)
{
  return qpdf_oh_is_name_and_equals (q, qpdf_oh_get_key (q, dict, "/Type"), type);
}

/* The new number of the indirect object @oh, queued to be written; -1 for
 * what is not copied. */
static int
ref_id (RdPdfCopier *c,
        qpdf_oh      oh)
{
  g_autofree gint64 *key = key_of (c->q, oh);
  gpointer value;
  int id;

  if (g_hash_table_lookup_extended (c->ids, key, NULL, &value))
    return GPOINTER_TO_INT (value);

  if (qpdf_oh_is_null (c->q, oh) ||
      (qpdf_oh_is_dictionary (c->q, oh) &&
       (is_type (c->q, oh, "/Pages") || is_type (c->q, oh, "/Catalog"))))
    id = -1;
  else
    {
      Pending p = { qpdf_oh_get_object_id (c->q, oh), qpdf_oh_get_generation (c->q, oh), 0 };

      id = p.id = _rd_pdf_writer_reserve (c->w);
      g_array_append_val (c->pending, p);
    }
  g_hash_table_insert (c->ids, g_steal_pointer (&key), GINT_TO_POINTER (id));
  return id;
}

static void write_value (RdPdfCopier *c,
                         qpdf_oh      oh,
                         gboolean     top);

static void
write_entries (RdPdfCopier        *c,
               qpdf_oh             dict,
               const char * const *skip,
               gboolean            skip_length)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  /* qpdf has one key iterator: take the keys before looking inside. */
  qpdf_oh_begin_dict_key_iter (c->q, dict);
  while (qpdf_oh_dict_more_keys (c->q))
    g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (c->q)));

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];

      if ((skip_length && g_str_equal (key, "/Length")) ||
          (skip != NULL && g_strv_contains (skip, key)))
        continue;
      _rd_pdf_writer_puts (c->w, " ");
      _rd_pdf_writer_name (c->w, key);
      _rd_pdf_writer_puts (c->w, " ");
      write_value (c, qpdf_oh_get_key (c->q, dict, key), FALSE);
    }
}

static void
write_value (RdPdfCopier *c,
             qpdf_oh      oh,
             gboolean     top)
{
  if (!top && qpdf_oh_is_indirect (c->q, oh))
    {
      int id = ref_id (c, oh);

      if (id < 0)
        _rd_pdf_writer_puts (c->w, "null");
      else
        _rd_pdf_writer_printf (c->w, "%d 0 R", id);
      return;
    }

  switch (qpdf_oh_get_type_code (c->q, oh))
    {
    case ot_dictionary:
      _rd_pdf_writer_puts (c->w, "<<");
      write_entries (c, oh, NULL, FALSE);
      _rd_pdf_writer_puts (c->w, " >>");
      break;

    case ot_array:
      {
        int n = qpdf_oh_get_array_n_items (c->q, oh);

        _rd_pdf_writer_puts (c->w, "[");
        for (int i = 0; i < n; i++)
          {
            if (i > 0)
              _rd_pdf_writer_puts (c->w, " ");
            write_value (c, qpdf_oh_get_array_item (c->q, oh, i), FALSE);
          }
        _rd_pdf_writer_puts (c->w, "]");
        break;
      }

    case ot_boolean:
    case ot_integer:
    case ot_real:
    case ot_string:
    case ot_name:
      _rd_pdf_writer_puts (c->w, qpdf_oh_unparse_binary (c->q, oh));
      break;

    default:
      /* null, and what cannot stand here (a stream inside another object) */
      _rd_pdf_writer_puts (c->w, "null");
      break;
    }
}

/**
 * _rd_pdf_copier_value:
 *
 * Writes @oh: a reference to its copy if it is an indirect object (the copy
 * is written by the next _rd_pdf_copier_flush()), or the object itself.
 */
void
_rd_pdf_copier_value (RdPdfCopier *c,
                      qpdf_oh      oh)
{
  write_value (c, oh, FALSE);
}

/* Writes the entries of @dict but those named in @skip, each preceded by a
 * space, without the brackets (so the caller can add its own). */
void
_rd_pdf_copier_entries (RdPdfCopier        *c,
                        qpdf_oh             dict,
                        const char * const *skip)
{
  if (qpdf_oh_is_dictionary (c->q, dict))
    write_entries (c, dict, skip, FALSE);
}

/**
 * _rd_pdf_copier_stream_open:
 * @skip: (nullable): entries of the stream's dictionary left out
 *
 * Begins object @id, a copy of @stream: its dictionary is left open for the
 * caller to add entries; _rd_pdf_copier_stream_close() ends it.
 */
void
_rd_pdf_copier_stream_open (RdPdfCopier        *c,
                            int                 id,
                            qpdf_oh             stream,
                            const char * const *skip)
{
  _rd_pdf_writer_begin_object (c->w, id);
  _rd_pdf_writer_puts (c->w, "<<");
  write_entries (c, qpdf_oh_get_dict (c->q, stream), skip, TRUE);
}

/* Ends the object begun by _rd_pdf_copier_stream_open() with the stream's
 * data as stored (compressed as it was, never decoded). */
void
_rd_pdf_copier_stream_close (RdPdfCopier *c,
                             qpdf_oh      stream)
{
  unsigned char *data = NULL;
  size_t len = 0;

  if (qpdf_oh_get_stream_data (c->q, stream, qpdf_dl_none, NULL, &data, &len) & QPDF_ERRORS)
    {
      /* The flush reports qpdf's error; the object is written all the
       * same, so the file stays well formed meanwhile. */
      free (data);
      data = NULL;
      len = 0;
    }
  _rd_pdf_writer_printf (c->w, " /Length %" G_GSIZE_FORMAT " >>\nstream\n", (gsize) len);
  _rd_pdf_writer_append (c->w, data, len);
  _rd_pdf_writer_puts (c->w, "\nendstream");
  _rd_pdf_writer_end_object (c->w);
  free (data);
}

/**
 * _rd_pdf_copier_flush:
 *
 * Writes every object referred to so far, and those they refer to, then
 * releases every qpdf handle of the source (the caller's too).
 */
gboolean
_rd_pdf_copier_flush (RdPdfCopier  *c,
                      GError      **error)
{
  for (guint i = 0; i < c->pending->len; i++)
    {
      Pending p = g_array_index (c->pending, Pending, i);
      qpdf_oh oh = qpdf_get_object_by_id (c->q, p.objid, p.generation);

      if (qpdf_oh_is_stream (c->q, oh))
        {
          _rd_pdf_copier_stream_open (c, p.id, oh, NULL);
          _rd_pdf_copier_stream_close (c, oh);
        }
      else
        {
          _rd_pdf_writer_begin_object (c->w, p.id);
          write_value (c, oh, TRUE);
          _rd_pdf_writer_end_object (c->w);
        }
      /* Handles pile up in the qpdf_data until released. */
      if (i % 64 == 63)
        qpdf_oh_release_all (c->q);
    }
  g_array_set_size (c->pending, 0);
  qpdf_oh_release_all (c->q);

  if (qpdf_has_error (c->q))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                   qpdf_get_error_full_text (c->q, qpdf_get_error (c->q)));
      return FALSE;
    }
  return _rd_pdf_writer_check (c->w, error);
}
