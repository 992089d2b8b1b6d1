/* rd-zip.h: libzip, loaded the first time a chronology is written as an ODT document.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redress does not link to libzip: it and its libcrypto would be
 * relocated at every start of the window and of every CLI command, for
 * the rare export of a chronology to a word processor. The one way to a
 * zip_t, rd_zip_open(), opens it by the soname it was built against
 * (RD_ZIP_LIBRARY) and fills a table with the functions Redress calls; as
 * in rd-qpdf.h, each of their names below stands for its entry, and a
 * call the list leaves out does not link.
 */
#pragma once

#include <gio/gio.h>
#include <zip.h>

G_BEGIN_DECLS

/* Every libzip function Redress calls, apart from zip_open(). */
#define RD_ZIP_FUNCTIONS(F)     \
  F (zip_close)                 \
  F (zip_discard)               \
  F (zip_file_add)              \
  F (zip_set_file_compression)  \
  F (zip_source_buffer)         \
  F (zip_source_free)

#define RD_ZIP_POINTER(name) __typeof__ (name) *name;
typedef struct {
  __typeof__ (zip_open) *zip_open;
  RD_ZIP_FUNCTIONS (RD_ZIP_POINTER)
} RdZip;
#undef RD_ZIP_POINTER

/* Filled once, before the first zip_t is made; read only after. */
extern RdZip _rd_zip;

gboolean rd_zip_load (GError     **error);
zip_t   *rd_zip_open (const char  *path,
                      int          flags,
                      GError     **error);

/* The loader itself names the functions, not the table's entries. */
#ifndef RD_ZIP_LOADER
#define zip_close                _rd_zip.zip_close
#define zip_discard              _rd_zip.zip_discard
#define zip_file_add             _rd_zip.zip_file_add
#define zip_set_file_compression _rd_zip.zip_set_file_compression
#define zip_source_buffer        _rd_zip.zip_source_buffer
#define zip_source_free          _rd_zip.zip_source_free
#endif

G_END_DECLS
