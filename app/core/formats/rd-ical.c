/* rd-ical.c: libical, loaded the first time deadlines are written as calendar events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-ical"

#include "config.h"

#define RD_ICAL_LOADER

#include "rd-gettext.h"
#include "rd-library.h"
#include "rd-ical.h"

RdIcal _rd_ical;

#define RD_ICAL_SYMBOL(name) { #name, G_STRUCT_OFFSET (RdIcal, name) },
static const RdLibrarySymbol ical_symbols[] = {
  RD_ICAL_FUNCTIONS (RD_ICAL_SYMBOL)
};
#undef RD_ICAL_SYMBOL

static RdLibrary libical = RD_LIBRARY_INIT (RD_ICAL_LIBRARY, ical_symbols, &_rd_ical);

/**
 * rd_ical_load:
 *
 * Opens libical and finds the functions Redress calls, once per process;
 * later calls only say whether that worked.
 *
 * Returns: %TRUE if libical can be used; otherwise %FALSE with @error set
 *   to a sentence for the person at the computer
 */
gboolean
rd_ical_load (GError **error)
{
  if (!rd_library_load (&libical))
    {
      /* Translators: %s is the library's file name, such as libical.so.3 */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   UI_("Writing calendar events needs the libical library (%s), which is not "
                       "installed or could not be loaded."), RD_ICAL_LIBRARY);
      return FALSE;
    }
  return TRUE;
}
