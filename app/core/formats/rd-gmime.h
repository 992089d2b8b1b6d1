/* rd-gmime.h: GMime, loaded the first time an email is read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redress does not link to GMime: it brings gpgme, libassuan, libgpg-error,
 * libidn2 and libunistring, which the dynamic loader would find and
 * relocate at every start of the window and of every CLI command, though
 * only reading a saved email (rd-email.c) needs them. Before it does,
 * rd_gmime_load() opens the library by the soname it was built against
 * (RD_GMIME_LIBRARY), fills a table with the functions Redress calls and
 * initialises GMime; as in rd-poppler.h, each of their names below
 * stands for its entry, and a call the list leaves out does not link. The
 * type macros (GMIME_IS_PART() and the like) call the _get_type()
 * functions, which are in the list for that reason.
 */
#pragma once

#include <gio/gio.h>
#include <gmime/gmime.h>

G_BEGIN_DECLS

/* Every GMime function Redress calls. */
#define RD_GMIME_FUNCTIONS(F) \
  F (g_mime_content_type_get_mime_type)   \
  F (g_mime_data_wrapper_write_to_stream) \
  F (g_mime_filter_checksum_get_string)   \
  F (g_mime_filter_checksum_get_type)     \
  F (g_mime_filter_checksum_new)          \
  F (g_mime_init)                         \
  F (g_mime_message_get_cc)               \
  F (g_mime_message_get_date)             \
  F (g_mime_message_get_from)             \
  F (g_mime_message_get_mime_part)        \
  F (g_mime_message_get_subject)          \
  F (g_mime_message_get_to)               \
  F (g_mime_message_part_get_message)     \
  F (g_mime_message_part_get_type)        \
  F (g_mime_multipart_get_count)          \
  F (g_mime_multipart_get_part)           \
  F (g_mime_multipart_get_type)           \
  F (g_mime_object_get_content_type)      \
  F (g_mime_object_get_type)              \
  F (g_mime_object_write_to_stream)       \
  F (g_mime_parser_construct_message)     \
  F (g_mime_parser_new_with_stream)       \
  F (g_mime_part_get_content)             \
  F (g_mime_part_get_filename)            \
  F (g_mime_part_get_type)                \
  F (g_mime_part_is_attachment)           \
  F (g_mime_stream_filter_add)            \
  F (g_mime_stream_filter_get_type)       \
  F (g_mime_stream_filter_new)            \
  F (g_mime_stream_flush)                 \
  F (g_mime_stream_fs_get_type)           \
  F (g_mime_stream_fs_new)                \
  F (g_mime_stream_fs_set_owner)          \
  F (g_mime_stream_mem_get_byte_array)    \
  F (g_mime_stream_mem_get_type)          \
  F (g_mime_stream_mem_new)               \
  F (g_mime_stream_mem_set_owner)         \
  F (g_mime_stream_null_new)              \
  F (g_mime_text_part_get_text)           \
  F (g_mime_text_part_get_type)           \
  F (internet_address_list_length)        \
  F (internet_address_list_to_string)    

/* A pointer to each, typed as the library's header declares it:
 * __typeof__ names the type without using the function, so nothing links
 * to it. */
#define RD_GMIME_POINTER(name) __typeof__ (name) *name;
typedef struct {
  RD_GMIME_FUNCTIONS (RD_GMIME_POINTER)
} RdGMime;
#undef RD_GMIME_POINTER

/* Filled once by rd_gmime_load(); read only after it returned %TRUE. */
extern RdGMime _rd_gmime;

gboolean rd_gmime_load (GError **error);

/* The loader itself names the functions, not the table's entries. */
#ifndef RD_GMIME_LOADER
#define g_mime_content_type_get_mime_type   _rd_gmime.g_mime_content_type_get_mime_type
#define g_mime_data_wrapper_write_to_stream _rd_gmime.g_mime_data_wrapper_write_to_stream
#define g_mime_filter_checksum_get_string   _rd_gmime.g_mime_filter_checksum_get_string
#define g_mime_filter_checksum_get_type     _rd_gmime.g_mime_filter_checksum_get_type
#define g_mime_filter_checksum_new          _rd_gmime.g_mime_filter_checksum_new
#define g_mime_init                         _rd_gmime.g_mime_init
#define g_mime_message_get_cc               _rd_gmime.g_mime_message_get_cc
#define g_mime_message_get_date             _rd_gmime.g_mime_message_get_date
#define g_mime_message_get_from             _rd_gmime.g_mime_message_get_from
#define g_mime_message_get_mime_part        _rd_gmime.g_mime_message_get_mime_part
#define g_mime_message_get_subject          _rd_gmime.g_mime_message_get_subject
#define g_mime_message_get_to               _rd_gmime.g_mime_message_get_to
#define g_mime_message_part_get_message     _rd_gmime.g_mime_message_part_get_message
#define g_mime_message_part_get_type        _rd_gmime.g_mime_message_part_get_type
#define g_mime_multipart_get_count          _rd_gmime.g_mime_multipart_get_count
#define g_mime_multipart_get_part           _rd_gmime.g_mime_multipart_get_part
#define g_mime_multipart_get_type           _rd_gmime.g_mime_multipart_get_type
#define g_mime_object_get_content_type      _rd_gmime.g_mime_object_get_content_type
#define g_mime_object_get_type              _rd_gmime.g_mime_object_get_type
#define g_mime_object_write_to_stream       _rd_gmime.g_mime_object_write_to_stream
#define g_mime_parser_construct_message     _rd_gmime.g_mime_parser_construct_message
#define g_mime_parser_new_with_stream       _rd_gmime.g_mime_parser_new_with_stream
#define g_mime_part_get_content             _rd_gmime.g_mime_part_get_content
#define g_mime_part_get_filename            _rd_gmime.g_mime_part_get_filename
#define g_mime_part_get_type                _rd_gmime.g_mime_part_get_type
#define g_mime_part_is_attachment           _rd_gmime.g_mime_part_is_attachment
#define g_mime_stream_filter_add            _rd_gmime.g_mime_stream_filter_add
#define g_mime_stream_filter_get_type       _rd_gmime.g_mime_stream_filter_get_type
#define g_mime_stream_filter_new            _rd_gmime.g_mime_stream_filter_new
#define g_mime_stream_flush                 _rd_gmime.g_mime_stream_flush
#define g_mime_stream_fs_get_type           _rd_gmime.g_mime_stream_fs_get_type
#define g_mime_stream_fs_new                _rd_gmime.g_mime_stream_fs_new
#define g_mime_stream_fs_set_owner          _rd_gmime.g_mime_stream_fs_set_owner
#define g_mime_stream_mem_get_byte_array    _rd_gmime.g_mime_stream_mem_get_byte_array
#define g_mime_stream_mem_get_type          _rd_gmime.g_mime_stream_mem_get_type
#define g_mime_stream_mem_new               _rd_gmime.g_mime_stream_mem_new
#define g_mime_stream_mem_set_owner         _rd_gmime.g_mime_stream_mem_set_owner
#define g_mime_stream_null_new              _rd_gmime.g_mime_stream_null_new
#define g_mime_text_part_get_text           _rd_gmime.g_mime_text_part_get_text
#define g_mime_text_part_get_type           _rd_gmime.g_mime_text_part_get_type
#define internet_address_list_length        _rd_gmime.internet_address_list_length
#define internet_address_list_to_string     _rd_gmime.internet_address_list_to_string
#endif

G_END_DECLS
