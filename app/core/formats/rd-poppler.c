/* rd-poppler.c: poppler-glib, loaded the first time a PDF is read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-pdf"

#include "config.h"

#define RD_POPPLER_LOADER

#include <gmodule.h>

#include "rd-gettext.h"
#include "rd-poppler.h"

RdPoppler _rd_poppler;

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
  static gsize done = 0;
  static char *failure;  /* why it could not be loaded, or NULL */

  if (g_once_init_enter (&done))
    {
      GModule *module = g_module_open (RD_POPPLER_LIBRARY,
                                       G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      RdPoppler found = { NULL, };

      if (module == NULL)
        failure = g_strdup (g_module_error ());
#define RD_POPPLER_FIND(name)                                                     \
      if (failure == NULL && !g_module_symbol (module, #name, (gpointer *) &found.name)) \
        failure = g_strdup (g_module_error ());
      RD_POPPLER_FIND (poppler_document_new_from_file)
      RD_POPPLER_FUNCTIONS (RD_POPPLER_FIND)
#undef RD_POPPLER_FIND
      if (failure == NULL)
        {
          /* Kept for the life of the process: documents and pages are
           * objects of its types, which cannot be unloaded. */
          g_module_make_resident (module);
          _rd_poppler = found;
        }
      else
        {
          g_debug ("Cannot load %s: %s", RD_POPPLER_LIBRARY, failure);
          g_clear_pointer (&module, g_module_close);
        }
      g_once_init_leave (&done, 1);
    }
  if (failure != NULL)
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
