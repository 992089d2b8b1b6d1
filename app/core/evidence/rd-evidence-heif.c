/* rd-evidence-heif.c: the EXIF block of a HEIF/HEIC/AVIF photo (as phones
 * take them), found through the file's own item tables (meta → iinf for
 * the "Exif" item, iloc for where it is), so its DateTimeOriginal can date
 * the evidence. Every read is bounds-checked: a damaged file gives no EXIF,
 * never a crash.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rd-evidence-private.h"

/* Phones write a few kilobytes of metadata; anything huge is not that. */
#define MAX_META_BYTES (4 * 1024 * 1024)
#define MAX_EXIF_BYTES (1024 * 1024)

typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         pos;
  gboolean      bad;
} Reader;

static guint64
read_uint (Reader *r,
           guint   bytes)
{
  guint64 value = 0;

  if (bytes > 8 || r->pos + bytes > r->len)
    {
      r->bad = TRUE;
      return 0;
    }
  for (guint i = 0; i < bytes; i++)
    value = (value << 8) | r->data[r->pos++];
  return value;
}

/* Finds the child box @type among the boxes in [@start, @end) of @r's
 * buffer; returns its payload's offset and sets *@size, or returns 0. */
static gsize
find_child (const guint8 *data,
            gsize         start,
            gsize         end,
            const char   *type,
            gsize        *size)
{
  gsize pos = start;

  while (pos + 8 <= end)
    {
      guint64 box = ((guint64) data[pos] << 24) | (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3];
      gsize header = 8;

      if (box == 1)
        {
          Reader r = { data, end, pos + 8, FALSE };
          box = read_uint (&r, 8);
          header = 16;
          if (r.bad)
            return 0;
        }
      else if (box == 0)
        box = end - pos;
      if (box < header || box > end - pos)
        return 0;
      if (memcmp (data + pos + 4, type, 4) == 0)
        {
          *size = box - header;
          return pos + header;
        }
      pos += box;
    }
  return 0;
}

/* The id of the item whose type is "Exif", from iinf; 0 when none. */
static guint32
find_exif_item (const guint8 *data,
                gsize         iinf,
                gsize         iinf_size)
{
  Reader r = { data, iinf + iinf_size, iinf, FALSE };
  guint version = read_uint (&r, 1);
  guint32 count;

  read_uint (&r, 3);
  count = read_uint (&r, version == 0 ? 2 : 4);
  for (guint32 i = 0; i < count && !r.bad && r.pos + 8 <= r.len; i++)
    {
      gsize size = read_uint (&r, 4);
      gsize box_start = r.pos - 4;
      Reader e;
      guint infe_version;
      guint32 item_id;

      if (r.bad || size < 8 || size > r.len - box_start)
        return 0;
      e = (Reader) { data, box_start + size, box_start + 4, FALSE };
      if (read_uint (&e, 4) != 0x696e6665)  /* "infe" */
        return 0;
      infe_version = read_uint (&e, 1);
      read_uint (&e, 3);
      if (infe_version >= 2)
        {
          item_id = read_uint (&e, infe_version == 2 ? 2 : 4);
          read_uint (&e, 2);  /* protection index */
          if (!e.bad && e.pos + 4 <= e.len && memcmp (data + e.pos, "Exif", 4) == 0)
            return item_id;
        }
      r.pos = box_start + size;
    }
  return 0;
}

/* Where the item @item_id is in the file, from iloc (file offsets only). */
static gboolean
find_item_extent (const guint8 *data,
                  gsize         iloc,
                  gsize         iloc_size,
                  guint32       item_id,
                  guint64      *offset,
                  guint64      *length)
{
  Reader r = { data, iloc + iloc_size, iloc, FALSE };
  guint version = read_uint (&r, 1);
  guint sizes, offset_size, length_size, base_size, index_size;
  guint32 count;

  read_uint (&r, 3);
  sizes = read_uint (&r, 1);
  offset_size = sizes >> 4;
  length_size = sizes & 0x0f;
  sizes = read_uint (&r, 1);
  base_size = sizes >> 4;
  index_size = (version == 1 || version == 2) ? (sizes & 0x0f) : 0;
  count = read_uint (&r, version < 2 ? 2 : 4);

  for (guint32 i = 0; i < count && !r.bad; i++)
    {
      guint32 id = read_uint (&r, version < 2 ? 2 : 4);
      guint method = 0;
      guint64 base;
      guint extents;

      if (version == 1 || version == 2)
        method = read_uint (&r, 2) & 0x0f;
      read_uint (&r, 2);  /* data reference index */
      base = read_uint (&r, base_size);
      extents = read_uint (&r, 2);
      for (guint k = 0; k < extents && !r.bad; k++)
        {
          guint64 extent_offset, extent_length;

          if (index_size > 0)
            read_uint (&r, index_size);
          extent_offset = read_uint (&r, offset_size);
          extent_length = read_uint (&r, length_size);
          if (id == item_id && k == 0 && method == 0 && !r.bad)
            {
              *offset = base + extent_offset;
              *length = extent_length;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/**
 * _rd_evidence_read_heif_exif:
 *
 * Returns: (transfer full) (nullable): the photo's EXIF as libexif reads it
 *   ("Exif\0\0" and the TIFF data), or %NULL when there is none
 */
GBytes *
_rd_evidence_read_heif_exif (const char *path)
{
  g_autofree guint8 *meta = NULL;
  guint8 header[16];
  gint64 file_size, pos = 0;
  gsize meta_size = 0, iinf_size = 0, iloc_size = 0, iinf, iloc;
  guint64 exif_offset = 0, exif_length = 0;
  guint32 item_id;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;
  file_size = lseek (fd, 0, SEEK_END);

  /* Top-level boxes: find "meta" (HEIF keeps it near the start). */
  for (int guard = 0; guard < 64 && pos + 8 <= file_size; guard++)
    {
      guint64 box;
      gint64 header_len = 8;

      if (pread (fd, header, 16, pos) < 8)
        break;
      box = ((guint64) header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
      if (box == 1)
        {
          Reader r = { header, 16, 8, FALSE };
          box = read_uint (&r, 8);
          header_len = 16;
        }
      else if (box == 0)
        box = file_size - pos;
      if ((gint64) box < header_len || (gint64) box > file_size - pos)
        break;
      if (memcmp (header + 4, "meta", 4) == 0)
        {
          meta_size = box - header_len;
          if (meta_size < 4 || meta_size > MAX_META_BYTES)
            break;
          meta = g_malloc (meta_size);
          if (pread (fd, meta, meta_size, pos + header_len) != (gssize) meta_size)
            g_clear_pointer (&meta, g_free);
          break;
        }
      pos += box;
    }

  if (meta == NULL)
    {
      close (fd);
      return NULL;
    }

  /* meta is a full box: four bytes of version and flags, then children. */
  iinf = find_child (meta, 4, meta_size, "iinf", &iinf_size);
  iloc = find_child (meta, 4, meta_size, "iloc", &iloc_size);
  item_id = iinf ? find_exif_item (meta, iinf, iinf_size) : 0;
  if (item_id == 0 || iloc == 0 ||
      !find_item_extent (meta, iloc, iloc_size, item_id, &exif_offset, &exif_length) ||
      exif_length < 4 + 8 || exif_length > MAX_EXIF_BYTES ||
      exif_offset > (guint64) file_size || exif_length > (guint64) file_size - exif_offset)
    {
      close (fd);
      return NULL;
    }

  {
    g_autofree guint8 *item = g_malloc (exif_length);
    guint32 tiff_offset;
    GByteArray *exif;

    if (pread (fd, item, exif_length, exif_offset) != (gssize) exif_length)
      {
        close (fd);
        return NULL;
      }
    close (fd);

    /* The item starts with the offset of the TIFF header after itself. */
    tiff_offset = ((guint32) item[0] << 24) | (item[1] << 16) | (item[2] << 8) | item[3];
    if (tiff_offset > exif_length - 4 - 8)
      return NULL;
    exif = g_byte_array_new ();
    g_byte_array_append (exif, (const guint8 *) "Exif\0\0", 6);
    g_byte_array_append (exif, item + 4 + tiff_offset, exif_length - 4 - tiff_offset);
    return g_byte_array_free_to_bytes (exif);
  }
}
