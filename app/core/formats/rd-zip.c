/* rd-zip.c: libzip, loaded the first time a chronology is written as an ODT document.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-zip"

#include "config.h"

#define RD_ZIP_LOADER

#include "rd-gettext.h"
#include "rd-library.h"
#include "rd-zip.h"

RdZip _rd_zip;

#define RD_ZIP_SYMBOL(name) { #name, G_STRUCT_OFFSET (RdZip, name) },
static const RdLibrarySymbol zip_symbols[] = {
  RD_ZIP_SYMBOL (zip_open)
  RD_ZIP_FUNCTIONS (RD_ZIP_SYMBOL)
};
#undef RD_ZIP_SYMBOL

static RdLibrary libzip = RD_LIBRARY_INIT (RD_ZIP_LIBRARY, zip_symbols, &_rd_zip);

/**
 * rd_zip_load:
 *
 * Opens libzip and finds the functions Redress calls, once per process;
 * later calls only say whether that worked.
 *
 * Returns: %TRUE if libzip can be used; otherwise %FALSE with @error set
 *   to a sentence for the person at the computer
 */
gboolean
rd_zip_load (GError **error)
{
  if (!rd_library_load (&libzip))
    {
      /* Translators: %s is the library's file name, such as libzip.so.4 */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   UI_("Writing an ODT document needs the libzip library (%s), which is not "
                       "installed or could not be loaded."), RD_ZIP_LIBRARY);
      return FALSE;
    }
  return TRUE;
}

/**
 * rd_zip_open:
 *
 * zip_open(), once libzip is loaded: the one way to a zip_t, so that
 * whoever holds one can call libzip.
 *
 * Returns: (transfer full): the archive, or %NULL with @error set: why
 *   libzip cannot be loaded, or %G_IO_ERROR_FAILED if it cannot open @path
 */
zip_t *
rd_zip_open (const char  *path,
             int          flags,
             GError     **error)
{
  zip_t *zip;
  int zerr = 0;

  if (!rd_zip_load (error))
    return NULL;
  zip = _rd_zip.zip_open (path, flags, &zerr);
  if (zip == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "zip_open: error %d", zerr);
  return zip;
}
