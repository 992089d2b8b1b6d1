/* rd-gmime.c: GMime, loaded the first time an email is read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-email"

#include "config.h"

#define RD_GMIME_LOADER

#include "rd-gettext.h"
#include "rd-library.h"
#include "rd-gmime.h"

RdGMime _rd_gmime;

#define RD_GMIME_SYMBOL(name) { #name, G_STRUCT_OFFSET (RdGMime, name) },
static const RdLibrarySymbol gmime_symbols[] = {
  RD_GMIME_FUNCTIONS (RD_GMIME_SYMBOL)
};
#undef RD_GMIME_SYMBOL

static RdLibrary libgmime = RD_LIBRARY_INIT (RD_GMIME_LIBRARY, gmime_symbols, &_rd_gmime);

/**
 * rd_gmime_load:
 *
 * Opens GMime, finds the functions Redress calls and initialises it, once
 * per process; later calls only say whether that worked.
 *
 * Returns: %TRUE if GMime can be used; otherwise %FALSE with @error set
 *   to a sentence for the person at the computer
 */
gboolean
rd_gmime_load (GError **error)
{
  static gsize initialised = 0;

  if (!rd_library_load (&libgmime))
    {
      /* Translators: %s is the library's file name, such as libgmime-3.0.so.0 */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   UI_("Reading emails needs the GMime library (%s), which is not installed "
                       "or could not be loaded."), RD_GMIME_LIBRARY);
      return FALSE;
    }
  if (g_once_init_enter (&initialised))
    {
      _rd_gmime.g_mime_init ();
      g_once_init_leave (&initialised, 1);
    }
  return TRUE;
}
