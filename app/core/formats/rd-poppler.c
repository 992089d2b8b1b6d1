/* rd-poppler.c: poppler-glib, loaded the first time a PDF is read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-pdf"

#include "config.h"

#define RD_POPPLER_LOADER

#include "rd-gettext.h"
#include "rd-library.h"
#include "rd-poppler.h"

RdPoppler _rd_poppler;

#define RD_POPPLER_SYMBOL(name) { #name, G_STRUCT_OFFSET (RdPoppler, name) },
static const RdLibrarySymbol poppler_symbols[] = {
  RD_POPPLER_SYMBOL (poppler_document_new_from_file)
  RD_POPPLER_FUNCTIONS (RD_POPPLER_SYMBOL)
};
#undef RD_POPPLER_SYMBOL

static RdLibrary libpoppler = RD_LIBRARY_INIT (RD_POPPLER_LIBRARY, poppler_symbols, &_rd_poppler);

/**
 * rd_poppler_load:
 *
 * Opens poppler-glib and finds the functions Redress calls, once per
 * process; later calls only say whether that worked.
 *
 * Returns: %TRUE if poppler can be used; otherwise %FALSE with @error set
 *   to a sentence for the person at the computer
 */
gboolean
rd_poppler_load (GError **error)
{
  if (!rd_library_load (&libpoppler))
    {
      /* Translators: %s is the library's file name, such as libpoppler-glib.so.8 */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   UI_("Reading PDF files needs the Poppler library (%s), which is not "
                       "installed or could not be loaded."), RD_POPPLER_LIBRARY);
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_poppler_document_new_from_file:
 *
 * poppler_document_new_from_file(), once poppler is loaded: the one way
 * to a #PopplerDocument, so that whoever holds one can call poppler.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
PopplerDocument *
rd_poppler_document_new_from_file (const char  *uri,
                                   const char  *password,
                                   GError     **error)
{
  if (!rd_poppler_load (error))
    return NULL;
  return _rd_poppler.poppler_document_new_from_file (uri, password, error);
}
