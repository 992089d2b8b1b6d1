/* rd-libarchive.c: libarchive, loaded the first time a case archive is written or read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-libarchive"

#include "config.h"

#define RD_LIBARCHIVE_LOADER

#include "rd-gettext.h"
#include "rd-library.h"
#include "rd-libarchive.h"

RdLibarchive _rd_libarchive;

#define RD_LIBARCHIVE_SYMBOL(name) { #name, G_STRUCT_OFFSET (RdLibarchive, name) },
static const RdLibrarySymbol libarchive_symbols[] = {
  RD_LIBARCHIVE_FUNCTIONS (RD_LIBARCHIVE_SYMBOL)
};
#undef RD_LIBARCHIVE_SYMBOL

static RdLibrary libarchive_lib = RD_LIBRARY_INIT (RD_LIBARCHIVE_LIBRARY, libarchive_symbols, &_rd_libarchive);

/**
 * rd_libarchive_load:
 *
 * Opens libarchive and finds the functions Redress calls, once per process;
 * later calls only say whether that worked.
 *
 * Returns: %TRUE if libarchive can be used; otherwise %FALSE with @error set
 *   to a sentence for the person at the computer
 */
gboolean
rd_libarchive_load (GError **error)
{
  if (!rd_library_load (&libarchive_lib))
    {
      /* Translators: %s is the library's file name, such as libarchive.so.13 */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   UI_("Reading or writing a Redress case archive needs the libarchive "
                       "library (%s), which is not installed or could not be loaded."),
                   RD_LIBARCHIVE_LIBRARY);
      return FALSE;
    }
  return TRUE;
}
