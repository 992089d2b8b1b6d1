/* rd-qpdf.c: libqpdf, loaded the first time a bundle reads or writes a PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-pdf"

#include "config.h"

#define RD_QPDF_LOADER

#include <gmodule.h>

#include "rd-gettext.h"
#include "rd-qpdf.h"

RdQpdf _rd_qpdf;

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
  static gsize done = 0;
  static char *failure;  /* why it could not be loaded, or NULL */

  if (g_once_init_enter (&done))
    {
      GModule *module = g_module_open (RD_QPDF_LIBRARY,
                                       G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      RdQpdf found = { NULL, };

      if (module == NULL)
        failure = g_strdup (g_module_error ());
#define RD_QPDF_FIND(name)                                                        \
      if (failure == NULL && !g_module_symbol (module, #name, (gpointer *) &found.name)) \
        failure = g_strdup (g_module_error ());
      RD_QPDF_FIND (qpdf_init)
      RD_QPDF_FUNCTIONS (RD_QPDF_FIND)
#undef RD_QPDF_FIND
      if (failure == NULL)
        {
          /* Kept for the life of the process: unloading a C++ library
           * runs its destructors, and the next bundle would load it again. */
          g_module_make_resident (module);
          _rd_qpdf = found;
        }
      else
        {
          g_debug ("Cannot load %s: %s", RD_QPDF_LIBRARY, failure);
          g_clear_pointer (&module, g_module_close);
        }
      g_once_init_leave (&done, 1);
    }
  if (failure != NULL)
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
