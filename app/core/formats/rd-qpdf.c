/* rd-qpdf.c: libqpdf, loaded the first time a bundle reads or writes a PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-pdf"

#include "config.h"

#define RD_QPDF_LOADER

#include "rd-gettext.h"
#include "rd-library.h"
#include "rd-qpdf.h"

RdQpdf _rd_qpdf;

#define RD_QPDF_SYMBOL(name) { #name, G_STRUCT_OFFSET (RdQpdf, name) },
static const RdLibrarySymbol qpdf_symbols[] = {
  RD_QPDF_SYMBOL (qpdf_init)
  RD_QPDF_FUNCTIONS (RD_QPDF_SYMBOL)
};
#undef RD_QPDF_SYMBOL

static RdLibrary libqpdf = RD_LIBRARY_INIT (RD_QPDF_LIBRARY, qpdf_symbols, &_rd_qpdf);

/**
 * rd_qpdf_load:
 *
 * Opens libqpdf and finds the functions Redress calls, once per process;
 * later calls only say whether that worked.
 *
 * Returns: %TRUE if qpdf can be used; otherwise %FALSE with @error set to
 *   a sentence for the person at the computer
 */
gboolean
rd_qpdf_load (GError **error)
{
  if (!rd_library_load (&libqpdf))
    {
      /* Translators: %s is the library's file name, such as libqpdf.so.29 */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   UI_("Putting PDF files into an evidence bundle needs the qpdf library "
                       "(%s), which is not installed or could not be loaded."),
                   RD_QPDF_LIBRARY);
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_qpdf_init:
 *
 * qpdf_init(), once libqpdf is loaded: the one way to a qpdf_data, so
 * that whoever holds one can call qpdf.
 *
 * Returns: (transfer full): a qpdf_data to free with qpdf_cleanup(), or
 *   %NULL with @error set
 */
qpdf_data
rd_qpdf_init (GError **error)
{
  if (!rd_qpdf_load (error))
    return NULL;
  return _rd_qpdf.qpdf_init ();
}
