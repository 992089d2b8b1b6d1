/* rd-qpdf.h: libqpdf, loaded the first time a bundle reads or writes a PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redress does not link to libqpdf, a C++ library that the dynamic loader
 * would find and relocate, with the C++ runtime and gnutls, at every start
 * of the window and of every CLI command, though only the bundle uses it.
 * The one way to a qpdf_data, rd_qpdf_init(), opens it by the soname it was
 * built against (RD_QPDF_LIBRARY) and fills a table with the functions of
 * its C API that Redress calls. Below, each of those names stands for its
 * entry in the table (as libepoxy does for OpenGL), so the code that reads
 * a PDF calls qpdf as usual; a function missing from the list does not
 * link.
 */
#pragma once

#include <gio/gio.h>
#include <qpdf/qpdf-c.h>

G_BEGIN_DECLS

/* Every function of qpdf-c.h Redress calls, apart from qpdf_init(). */
#define RD_QPDF_FUNCTIONS(F) \
  F (qpdf_cleanup)                           \
  F (qpdf_get_error)                         \
  F (qpdf_get_error_code)                    \
  F (qpdf_get_error_full_text)               \
  F (qpdf_get_num_pages)                     \
  F (qpdf_get_object_by_id)                  \
  F (qpdf_get_page_n)                        \
  F (qpdf_has_error)                         \
  F (qpdf_oh_begin_dict_key_iter)            \
  F (qpdf_oh_dict_more_keys)                 \
  F (qpdf_oh_dict_next_key)                  \
  F (qpdf_oh_get_array_item)                 \
  F (qpdf_oh_get_array_n_items)              \
  F (qpdf_oh_get_dict)                       \
  F (qpdf_oh_get_generation)                 \
  F (qpdf_oh_get_int_value)                  \
  F (qpdf_oh_get_key)                        \
  F (qpdf_oh_get_numeric_value)              \
  F (qpdf_oh_get_object_id)                  \
  F (qpdf_oh_get_stream_data)                \
  F (qpdf_oh_get_type_code)                  \
  F (qpdf_oh_is_array)                       \
  F (qpdf_oh_is_dictionary)                  \
  F (qpdf_oh_is_indirect)                    \
  F (qpdf_oh_is_integer)                     \
  F (qpdf_oh_is_name_and_equals)             \
  F (qpdf_oh_is_null)                        \
  F (qpdf_oh_is_number)                      \
  F (qpdf_oh_is_stream)                      \
  F (qpdf_oh_release_all)                    \
  F (qpdf_oh_unparse_binary)                 \
  F (qpdf_push_inherited_attributes_to_page) \
  F (qpdf_read)                              \
  F (qpdf_read_memory)                       \
  F (qpdf_set_suppress_warnings)             \
  F (qpdf_silence_errors)

/* A pointer to each, typed as qpdf-c.h declares it: __typeof__ names the
 * type without using the function, so nothing links to it. */
#define RD_QPDF_POINTER(name) __typeof__ (name) *name;
typedef struct {
  __typeof__ (qpdf_init) *qpdf_init;
  RD_QPDF_FUNCTIONS (RD_QPDF_POINTER)
} RdQpdf;
#undef RD_QPDF_POINTER

/* Filled once, before the first qpdf_data is made; read only after. */
extern RdQpdf _rd_qpdf;

gboolean  rd_qpdf_load (GError **error);
qpdf_data rd_qpdf_init (GError **error);

/* The loader itself names the functions, not the table's entries. */
#ifndef RD_QPDF_LOADER
#define qpdf_cleanup                           _rd_qpdf.qpdf_cleanup
#define qpdf_get_error                         _rd_qpdf.qpdf_get_error
#define qpdf_get_error_code                    _rd_qpdf.qpdf_get_error_code
#define qpdf_get_error_full_text               _rd_qpdf.qpdf_get_error_full_text
#define qpdf_get_num_pages                     _rd_qpdf.qpdf_get_num_pages
#define qpdf_get_object_by_id                  _rd_qpdf.qpdf_get_object_by_id
#define qpdf_get_page_n                        _rd_qpdf.qpdf_get_page_n
#define qpdf_has_error                         _rd_qpdf.qpdf_has_error
#define qpdf_oh_begin_dict_key_iter            _rd_qpdf.qpdf_oh_begin_dict_key_iter
#define qpdf_oh_dict_more_keys                 _rd_qpdf.qpdf_oh_dict_more_keys
#define qpdf_oh_dict_next_key                  _rd_qpdf.qpdf_oh_dict_next_key
#define qpdf_oh_get_array_item                 _rd_qpdf.qpdf_oh_get_array_item
#define qpdf_oh_get_array_n_items              _rd_qpdf.qpdf_oh_get_array_n_items
#define qpdf_oh_get_dict                       _rd_qpdf.qpdf_oh_get_dict
#define qpdf_oh_get_generation                 _rd_qpdf.qpdf_oh_get_generation
#define qpdf_oh_get_int_value                  _rd_qpdf.qpdf_oh_get_int_value
#define qpdf_oh_get_key                        _rd_qpdf.qpdf_oh_get_key
#define qpdf_oh_get_numeric_value              _rd_qpdf.qpdf_oh_get_numeric_value
#define qpdf_oh_get_object_id                  _rd_qpdf.qpdf_oh_get_object_id
#define qpdf_oh_get_stream_data                _rd_qpdf.qpdf_oh_get_stream_data
#define qpdf_oh_get_type_code                  _rd_qpdf.qpdf_oh_get_type_code
#define qpdf_oh_is_array                       _rd_qpdf.qpdf_oh_is_array
#define qpdf_oh_is_dictionary                  _rd_qpdf.qpdf_oh_is_dictionary
#define qpdf_oh_is_indirect                    _rd_qpdf.qpdf_oh_is_indirect
#define qpdf_oh_is_integer                     _rd_qpdf.qpdf_oh_is_integer
#define qpdf_oh_is_name_and_equals             _rd_qpdf.qpdf_oh_is_name_and_equals
#define qpdf_oh_is_null                        _rd_qpdf.qpdf_oh_is_null
#define qpdf_oh_is_number                      _rd_qpdf.qpdf_oh_is_number
#define qpdf_oh_is_stream                      _rd_qpdf.qpdf_oh_is_stream
#define qpdf_oh_release_all                    _rd_qpdf.qpdf_oh_release_all
#define qpdf_oh_unparse_binary                 _rd_qpdf.qpdf_oh_unparse_binary
#define qpdf_push_inherited_attributes_to_page _rd_qpdf.qpdf_push_inherited_attributes_to_page
#define qpdf_read                              _rd_qpdf.qpdf_read
#define qpdf_read_memory                       _rd_qpdf.qpdf_read_memory
#define qpdf_set_suppress_warnings             _rd_qpdf.qpdf_set_suppress_warnings
#define qpdf_silence_errors                    _rd_qpdf.qpdf_silence_errors
#endif

G_END_DECLS
