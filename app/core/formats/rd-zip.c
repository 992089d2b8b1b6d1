/* rd-zip.c: libzip, loaded the first time a chronology is written as an ODT document.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-zip"

#include "config.h"

#define RD_ZIP_LOADER

#include <gmodule.h>

#include "rd-gettext.h"
#include "rd-zip.h"

RdZip _rd_zip;

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
  static gsize done = 0;
  static char *failure;  /* why it could not be loaded, or NULL */

  if (g_once_init_enter (&done))
    {
      GModule *module = g_module_open (RD_ZIP_LIBRARY, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      RdZip found = { NULL, };

      if (module == NULL)
        failure = g_strdup (g_module_error ());
#define RD_ZIP_FIND(name)                                                         \
      if (failure == NULL && !g_module_symbol (module, #name, (gpointer *) &found.name)) \
        failure = g_strdup (g_module_error ());
      RD_ZIP_FIND (zip_open)
      RD_ZIP_FUNCTIONS (RD_ZIP_FIND)
#undef RD_ZIP_FIND
      if (failure == NULL)
        {
          g_module_make_resident (module);
          _rd_zip = found;
        }
      else
        {
          g_debug ("Cannot load %s: %s", RD_ZIP_LIBRARY, failure);
          g_clear_pointer (&module, g_module_close);
        }
      g_once_init_leave (&done, 1);
    }
  if (failure != NULL)
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
