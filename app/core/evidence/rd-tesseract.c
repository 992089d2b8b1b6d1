/* rd-tesseract.c: libtesseract, loaded the first time a scan is read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libtesseract brings libcurl, Kerberos, LDAP and a dozen more libraries
 * with it, and the dynamic loader would find and relocate all of them at
 * every start of the window and of every CLI command, though most never
 * read a scan. So Redress does not link to it: the first OCR opens it by
 * the name it was built against (RD_TESSERACT_LIBRARY, its soname, found
 * by meson) and looks up the functions it calls, once per process.
 */
#define G_LOG_DOMAIN "rd-evidence"

#include "config.h"

#include <gio/gio.h>

#include "rd-gettext.h"
#include "rd-library.h"
#include "rd-tesseract-private.h"

static RdTesseract tesseract_functions;

#define RD_TESSERACT_SYMBOL(name) { #name, G_STRUCT_OFFSET (RdTesseract, name) },
static const RdLibrarySymbol tesseract_symbols[] = {
  RD_TESSERACT_FUNCTIONS (RD_TESSERACT_SYMBOL)
};
#undef RD_TESSERACT_SYMBOL

/**
 * _rd_tesseract_load:
 *
 * Returns: (transfer none): libtesseract's functions, or %NULL with
 *   @error set when it cannot be loaded
 */
const RdTesseract *
_rd_tesseract_load (GError **error)
{
  static RdLibrary tesseract = RD_LIBRARY_INIT (RD_TESSERACT_LIBRARY, tesseract_symbols,
                                                &tesseract_functions);

  if (!rd_library_load (&tesseract))
    {
      /* Translators: %s is the system's reason, in English */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   UI_("Redress cannot read text in scans: the Tesseract library could not be "
                       "loaded (%s)."), rd_library_get_failure (&tesseract));
      return NULL;
    }
  return &tesseract_functions;
}
