/* rd-pdf-writer.h: a PDF written object by object, and objects copied into it from other PDFs.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <qpdf/qpdf-c.h>

G_BEGIN_DECLS

typedef struct _RdPdfWriter RdPdfWriter;
typedef struct _RdPdfCopier RdPdfCopier;

RdPdfWriter *_rd_pdf_writer_new          (const char   *path,
                                          GError      **error);
void         _rd_pdf_writer_free         (RdPdfWriter  *w);
int          _rd_pdf_writer_reserve      (RdPdfWriter  *w);
void         _rd_pdf_writer_begin_object (RdPdfWriter  *w,
                                          int           id);
void         _rd_pdf_writer_end_object   (RdPdfWriter  *w);
void         _rd_pdf_writer_append       (RdPdfWriter  *w,
                                          const void   *data,
                                          gsize         len);
void         _rd_pdf_writer_puts         (RdPdfWriter  *w,
                                          const char   *text);
void         _rd_pdf_writer_printf       (RdPdfWriter  *w,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (2, 3);
void         _rd_pdf_writer_number       (RdPdfWriter  *w,
                                          double        value);
void         _rd_pdf_writer_name         (RdPdfWriter  *w,
                                          const char   *name);
void         _rd_pdf_writer_text         (RdPdfWriter  *w,
                                          const char   *utf8);
void         _rd_pdf_writer_date         (RdPdfWriter  *w,
                                          GDateTime    *when);
void         _rd_pdf_writer_stream       (RdPdfWriter  *w,
                                          int           id,
                                          const char   *dict_entries,
                                          const void   *data,
                                          gsize         len);
gboolean     _rd_pdf_writer_check        (RdPdfWriter  *w,
                                          GError      **error);
goffset      _rd_pdf_writer_get_offset   (RdPdfWriter  *w);
gboolean     _rd_pdf_writer_finish       (RdPdfWriter  *w,
                                          int           root,
                                          int           info,
                                          const char   *id_seed,
                                          GError      **error);

RdPdfCopier *_rd_pdf_copier_new          (RdPdfWriter  *w);
void         _rd_pdf_copier_free         (RdPdfCopier  *c);
void         _rd_pdf_copier_set_source   (RdPdfCopier  *c,
                                          qpdf_data     q);
void         _rd_pdf_copier_map          (RdPdfCopier  *c,
                                          qpdf_oh       oh,
                                          int           id);
void         _rd_pdf_copier_value        (RdPdfCopier  *c,
                                          qpdf_oh       oh);
void         _rd_pdf_copier_entries      (RdPdfCopier  *c,
                                          qpdf_oh       dict,
                                          const char * const *skip);
void         _rd_pdf_copier_stream_open  (RdPdfCopier  *c,
                                          int           id,
                                          qpdf_oh       stream,
                                          const char * const *skip);
void         _rd_pdf_copier_stream_close (RdPdfCopier  *c,
                                          qpdf_oh       stream);
gboolean     _rd_pdf_copier_flush        (RdPdfCopier  *c,
                                          GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdPdfWriter, _rd_pdf_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdPdfCopier, _rd_pdf_copier_free)

G_END_DECLS
