/* rd-library.c: a shared library opened the first time it is needed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-library"

#include "config.h"

#include <gmodule.h>
#include <string.h>

#include "rd-library.h"

/* The size of the table: it ends with the pointer furthest in. */
static gsize
table_size (const RdLibrary *library)
{
  gsize size = 0;

  for (gsize i = 0; i < library->n_symbols; i++)
    size = MAX (size, library->symbols[i].offset + sizeof (gpointer));
  return size;
}

/* Opens the library and looks up every symbol into a table of our own;
 * the caller's table is written only once all are found, so it is never
 * left half filled. Returns why not, or NULL. */
static char *
open_library (RdLibrary *library)
{
  GModule *module = g_module_open (library->soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  gsize size = table_size (library);
  g_autofree char *found = g_malloc0 (size);

  if (module == NULL)
    return g_strdup (g_module_error ());
  for (gsize i = 0; i < library->n_symbols; i++)
    {
      gpointer symbol = NULL;

      if (!g_module_symbol (module, library->symbols[i].name, &symbol) || symbol == NULL)
        {
          char *failure = g_strdup_printf ("%s: %s", library->symbols[i].name,
                                           g_module_error () != NULL ? g_module_error () : "NULL");
          g_module_close (module);
          return failure;
        }
      memcpy (found + library->symbols[i].offset, &symbol, sizeof symbol);
    }
  /* Kept for the life of the process: the libraries' objects, types and
   * C++ destructors outlive any one caller, and closing would only make
   * the next user load it again. */
  g_module_make_resident (module);
  memcpy (library->table, found, size);
  return NULL;
}

/**
 * rd_library_load:
 * @library: the library and its functions, from RD_LIBRARY_INIT()
 *
 * Opens @library and fills its table, the first time it is called for
 * it; later calls, from any thread, only say whether that worked.
 *
 * Returns: %TRUE if every function was found and the table is filled;
 *   %FALSE otherwise (the table is left as it was: see
 *   rd_library_get_failure())
 */
gboolean
rd_library_load (RdLibrary *library)
{
  g_return_val_if_fail (library != NULL, FALSE);

  if (g_once_init_enter (&library->done))
    {
      library->failure = open_library (library);
      if (library->failure != NULL)
        g_debug ("Cannot load %s: %s", library->soname, library->failure);
      g_once_init_leave (&library->done, 1);
    }
  return library->failure == NULL;
}

/**
 * rd_library_get_failure:
 * @library: a library rd_library_load() has returned for
 *
 * Returns: (nullable): the loader's reason (in English) why @library
 *   could not be loaded, or %NULL if it was
 */
const char *
rd_library_get_failure (RdLibrary *library)
{
  g_return_val_if_fail (library != NULL, NULL);

  return library->failure;
}
