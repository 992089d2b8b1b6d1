/* rd-libarchive.h: libarchive, loaded the first time a case archive is written or read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redress does not link to libarchive: it brings libxml2, ICU, nettle and
 * five compression libraries, which the dynamic loader would find and
 * relocate at every start of the window and of every CLI command, though
 * only handing a case over (rd-case-archive.c) writes or reads a .redress
 * archive. Before it does, rd_libarchive_load() opens the library by the
 * soname it was built against (RD_LIBARCHIVE_LIBRARY) and fills a table
 * with the functions Redress calls; as in rd-poppler.h, each of their
 * names below stands for its entry, and a call the list leaves out does
 * not link.
 */
#pragma once

#include <gio/gio.h>
#include <archive.h>
#include <archive_entry.h>

G_BEGIN_DECLS

/* Every libarchive function Redress calls. */
#define RD_LIBARCHIVE_FUNCTIONS(F) \
  F (archive_entry_filetype)                  \
  F (archive_entry_free)                      \
  F (archive_entry_hardlink)                  \
  F (archive_entry_new)                       \
  F (archive_entry_pathname)                  \
  F (archive_entry_set_filetype)              \
  F (archive_entry_set_mtime)                 \
  F (archive_entry_set_pathname)              \
  F (archive_entry_set_perm)                  \
  F (archive_entry_set_size)                  \
  F (archive_entry_size)                      \
  F (archive_entry_size_is_set)               \
  F (archive_entry_symlink)                   \
  F (archive_errno)                           \
  F (archive_error_string)                    \
  F (archive_read_data)                       \
  F (archive_read_free)                       \
  F (archive_read_new)                        \
  F (archive_read_next_header)                \
  F (archive_read_open_filename)              \
  F (archive_read_open_memory)                \
  F (archive_read_support_format_tar)         \
  F (archive_write_close)                     \
  F (archive_write_data)                      \
  F (archive_write_free)                      \
  F (archive_write_header)                    \
  F (archive_write_new)                       \
  F (archive_write_open_fd)                   \
  F (archive_write_set_format_pax_restricted)

/* A pointer to each, typed as the library's header declares it:
 * __typeof__ names the type without using the function, so nothing links
 * to it. */
#define RD_LIBARCHIVE_POINTER(name) __typeof__ (name) *name;
typedef struct {
  RD_LIBARCHIVE_FUNCTIONS (RD_LIBARCHIVE_POINTER)
} RdLibarchive;
#undef RD_LIBARCHIVE_POINTER

/* Filled once by rd_libarchive_load(); read only after it returned %TRUE. */
extern RdLibarchive _rd_libarchive;

gboolean rd_libarchive_load (GError **error);

/* The loader itself names the functions, not the table's entries. */
#ifndef RD_LIBARCHIVE_LOADER
#define archive_entry_filetype                  _rd_libarchive.archive_entry_filetype
#define archive_entry_free                      _rd_libarchive.archive_entry_free
#define archive_entry_hardlink                  _rd_libarchive.archive_entry_hardlink
#define archive_entry_new                       _rd_libarchive.archive_entry_new
#define archive_entry_pathname                  _rd_libarchive.archive_entry_pathname
#define archive_entry_set_filetype              _rd_libarchive.archive_entry_set_filetype
#define archive_entry_set_mtime                 _rd_libarchive.archive_entry_set_mtime
#define archive_entry_set_pathname              _rd_libarchive.archive_entry_set_pathname
#define archive_entry_set_perm                  _rd_libarchive.archive_entry_set_perm
#define archive_entry_set_size                  _rd_libarchive.archive_entry_set_size
#define archive_entry_size                      _rd_libarchive.archive_entry_size
#define archive_entry_size_is_set               _rd_libarchive.archive_entry_size_is_set
#define archive_entry_symlink                   _rd_libarchive.archive_entry_symlink
#define archive_errno                           _rd_libarchive.archive_errno
#define archive_error_string                    _rd_libarchive.archive_error_string
#define archive_read_data                       _rd_libarchive.archive_read_data
#define archive_read_free                       _rd_libarchive.archive_read_free
#define archive_read_new                        _rd_libarchive.archive_read_new
#define archive_read_next_header                _rd_libarchive.archive_read_next_header
#define archive_read_open_filename              _rd_libarchive.archive_read_open_filename
#define archive_read_open_memory                _rd_libarchive.archive_read_open_memory
#define archive_read_support_format_tar         _rd_libarchive.archive_read_support_format_tar
#define archive_write_close                     _rd_libarchive.archive_write_close
#define archive_write_data                      _rd_libarchive.archive_write_data
#define archive_write_free                      _rd_libarchive.archive_write_free
#define archive_write_header                    _rd_libarchive.archive_write_header
#define archive_write_new                       _rd_libarchive.archive_write_new
#define archive_write_open_fd                   _rd_libarchive.archive_write_open_fd
#define archive_write_set_format_pax_restricted \
  _rd_libarchive.archive_write_set_format_pax_restricted
#endif

G_END_DECLS
