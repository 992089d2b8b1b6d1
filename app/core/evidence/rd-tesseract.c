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
#include <gmodule.h>

#include "rd-gettext.h"
#include "rd-tesseract-private.h"

/**
 * _rd_tesseract_load:
 *
 * Returns: (transfer none): libtesseract's functions, or %NULL with
 *   @error set when it cannot be loaded
 */
const RdTesseract *
_rd_tesseract_load (GError **error)
{
  static gsize done = 0;
  static RdTesseract functions;
  static char *failure;  /* why it could not be loaded, or NULL */

  if (g_once_init_enter (&done))
    {
      GModule *module = g_module_open (RD_TESSERACT_LIBRARY,
                                       G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL)
        failure = g_strdup (g_module_error ());
#define RD_TESSERACT_FIND(name)                                                   \
      if (failure == NULL && !g_module_symbol (module, #name, (gpointer *) &functions.name)) \
        failure = g_strdup (g_module_error ());
      RD_TESSERACT_FUNCTIONS (RD_TESSERACT_FIND)
#undef RD_TESSERACT_FIND
      /* Kept for the life of the process: an engine may outlive any one
       * caller, and closing would only make the next OCR load it again. */
      if (module != NULL)
        g_module_make_resident (module);
      g_once_init_leave (&done, 1);
    }
  if (failure != NULL)
    {
      /* Translators: %s is the system's reason, in English */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   UI_("Redress cannot read text in scans: the Tesseract library could not be "
                       "loaded (%s)."), failure);
      return NULL;
    }
  return &functions;
}
