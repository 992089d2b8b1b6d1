/* rd-poppler.h: poppler-glib, loaded the first time a PDF is read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redress does not link to poppler-glib: poppler and what it brings (NSS,
 * lcms, openjpeg and more) would be found and relocated at every start of
 * the window and of every CLI command, though most never read a PDF. The
 * one way to a PopplerDocument, rd_poppler_document_new_from_file(), opens
 * the library by the soname it was built against (RD_POPPLER_LIBRARY) and
 * fills a table of the functions Redress calls. Below, each of those names
 * stands for its entry in the table (as libepoxy does for OpenGL), so the
 * code that reads a document calls poppler as usual; a function missing
 * from the list does not link.
 */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* Every poppler-glib function Redress calls, apart from the opening. */
#define RD_POPPLER_FUNCTIONS(F)                \
  F (poppler_document_get_author)              \
  F (poppler_document_get_creation_date_time)  \
  F (poppler_document_get_n_pages)             \
  F (poppler_document_get_page)                \
  F (poppler_document_get_title)               \
  F (poppler_error_quark)                      \
  F (poppler_page_free_image_mapping)          \
  F (poppler_page_get_image_mapping)           \
  F (poppler_page_get_size)                    \
  F (poppler_page_get_text)                    \
  F (poppler_page_get_text_layout)             \
  F (poppler_page_get_type)                    \
  F (poppler_page_render)                      \
  F (poppler_page_render_for_printing)

/* A pointer to each, typed as poppler.h declares it: __typeof__ names the
 * type without using the function, so nothing links to it. */
#define RD_POPPLER_POINTER(name) __typeof__ (name) *name;
typedef struct {
  __typeof__ (poppler_document_new_from_file) *poppler_document_new_from_file;
  RD_POPPLER_FUNCTIONS (RD_POPPLER_POINTER)
} RdPoppler;
#undef RD_POPPLER_POINTER

/* Filled once, before the first document is opened; read only after. */
extern RdPoppler _rd_poppler;

gboolean         rd_poppler_load                   (GError     **error);
PopplerDocument *rd_poppler_document_new_from_file (const char  *uri,
                                                    const char  *password,
                                                    GError     **error);

/* poppler-glib 22.12 declares no cleanup functions of its own. */
#ifndef RD_POPPLER_AUTOPTR
#define RD_POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

/* The loader itself names the functions, not the table's entries. */
#ifndef RD_POPPLER_LOADER
#define poppler_document_get_author             _rd_poppler.poppler_document_get_author
#define poppler_document_get_creation_date_time _rd_poppler.poppler_document_get_creation_date_time
#define poppler_document_get_n_pages            _rd_poppler.poppler_document_get_n_pages
#define poppler_document_get_page               _rd_poppler.poppler_document_get_page
#define poppler_document_get_title              _rd_poppler.poppler_document_get_title
#define poppler_error_quark                     _rd_poppler.poppler_error_quark
#define poppler_page_free_image_mapping         _rd_poppler.poppler_page_free_image_mapping
#define poppler_page_get_image_mapping          _rd_poppler.poppler_page_get_image_mapping
#define poppler_page_get_size                   _rd_poppler.poppler_page_get_size
#define poppler_page_get_text                   _rd_poppler.poppler_page_get_text
#define poppler_page_get_text_layout            _rd_poppler.poppler_page_get_text_layout
#define poppler_page_get_type                   _rd_poppler.poppler_page_get_type
#define poppler_page_render                     _rd_poppler.poppler_page_render
#define poppler_page_render_for_printing        _rd_poppler.poppler_page_render_for_printing
#endif

G_END_DECLS
