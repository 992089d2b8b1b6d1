/* rd-library.h: a shared library opened the first time it is needed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Redress links none of the large libraries that only some tasks use
 * (poppler, qpdf, libzip, libcrypto, tesseract): the dynamic loader would
 * otherwise find and relocate them, and all they bring, at every start of
 * the window and of every CLI command. Each is opened on first use, by the
 * soname it was built against, and the functions Redress calls are looked
 * up into a table of pointers, once per process.
 *
 * The table is a struct of typed function pointers; RdLibrarySymbol says
 * where each name's pointer goes in it:
 *
 *   #define ENTRY(name) { #name, G_STRUCT_OFFSET (RdPoppler, name) },
 *   static const RdLibrarySymbol symbols[] = { FUNCTIONS (ENTRY) };
 *   static RdLibrary library = RD_LIBRARY_INIT (SONAME, symbols, &table);
 *
 *   if (!rd_library_load (&library)) ... rd_library_get_failure (&library)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *name;    /* the function's name in the library */
  gsize       offset;  /* where its pointer goes in the table */
} RdLibrarySymbol;

typedef struct {
  /*< private >*/
  const char            *soname;
  const RdLibrarySymbol *symbols;
  gsize                  n_symbols;
  gpointer               table;      /* filled only if every symbol is found */
  gsize                  done;       /* g_once_init_enter() */
  char                  *failure;    /* why it could not be loaded, or NULL */
} RdLibrary;

#define RD_LIBRARY_INIT(soname, symbols, table) \
  { (soname), (symbols), G_N_ELEMENTS (symbols), (table), 0, NULL }

gboolean    rd_library_load        (RdLibrary *library);
const char *rd_library_get_failure (RdLibrary *library);

G_END_DECLS
