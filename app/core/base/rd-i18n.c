/* rd-i18n.c: the core's translations, in the interface's language or a document's.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rd-i18n.h"

/*
 * A document's language cannot go through gettext itself: gettext takes
 * its language from the process (LANGUAGE, LC_MESSAGES), and the interface
 * must stay as it is while a letter is written, maybe on another thread.
 * So the compiled catalogues (.mo files, the same ones gettext reads) are
 * read here, once each, and looked up by binary search: msgfmt sorts the
 * original strings. Messages written with PRId64 (the "system dependent"
 * strings of the .mo format) are not read; they are error messages, never
 * part of a document, and fall back to English.
 */

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

/* The plural rule of a catalogue's header, "plural=EXPR;", as a tree. */
typedef enum {
  EXPR_N,
  EXPR_NUMBER,
  EXPR_NOT,
  EXPR_BINARY,
  EXPR_CONDITION,
} ExprKind;

typedef struct _Expr Expr;
struct _Expr {
  ExprKind  kind;
  char      op[3];      /* for EXPR_BINARY: "==", "%", "&&" … */
  gulong    number;
  Expr     *a, *b, *c;
};

typedef struct {
  GMappedFile  *file;
  const guint8 *data;
  gsize         size;
  gboolean      swapped;
  guint32       n_strings;
  guint32       originals;
  guint32       translations;
  Expr         *plural;
  gulong        n_plurals;
} Catalogue;

static GMutex catalogues_lock;
static GHashTable *catalogues;   /* language → Catalogue*, or NULL when it has none */
static GPrivate document_language = G_PRIVATE_INIT (g_free);

/* Plural expressions ------------------------------------------------------ */

typedef struct {
  const char *at;
  gboolean    failed;
} Parser;

static void
expr_free (Expr *e)
{
  if (e == NULL)
    return;
  expr_free (e->a);
  expr_free (e->b);
  expr_free (e->c);
  g_free (e);
}

static Expr *
expr_new (ExprKind kind)
{
  Expr *e = g_new0 (Expr, 1);

  e->kind = kind;
  return e;
}

static void
skip_space (Parser *p)
{
  while (g_ascii_isspace (*p->at))
    p->at++;
}

static gboolean
accept (Parser     *p,
        const char *token)
{
  gsize len = strlen (token);

  skip_space (p);
  if (strncmp (p->at, token, len) != 0)
    return FALSE;
  /* "=" must not take the first half of "==", nor "<" of "<=" */
  if (len == 1 && (*token == '<' || *token == '>' || *token == '!') && p->at[1] == '=')
    return FALSE;
  p->at += len;
  return TRUE;
}

static Expr *parse_condition (Parser *p);

static Expr *
parse_primary (Parser *p)
{
  Expr *e;

  skip_space (p);
  if (accept (p, "("))
    {
      e = parse_condition (p);
      if (!accept (p, ")"))
        p->failed = TRUE;
      return e;
    }
  if (accept (p, "!"))
    {
      e = expr_new (EXPR_NOT);
      e->a = parse_primary (p);
      return e;
    }
  if (*p->at == 'n')
    {
      p->at++;
      return expr_new (EXPR_N);
    }
  if (g_ascii_isdigit (*p->at))
    {
      char *end;

      e = expr_new (EXPR_NUMBER);
      e->number = strtoul (p->at, &end, 10);
      p->at = end;
      return e;
    }
  p->failed = TRUE;
  return expr_new (EXPR_NUMBER);
}

/* One level of left-associative binary operators, from the tightest. */
static const char * const levels[][5] = {
  { "*", "/", "%", NULL },
  { "+", "-", NULL },
  { "<=", ">=", "<", ">", NULL },
  { "==", "!=", NULL },
  { "&&", NULL },
  { "||", NULL },
};

static Expr *
parse_level (Parser *p,
             int     level)
{
  Expr *left = level == 0 ? parse_primary (p) : parse_level (p, level - 1);

  while (!p->failed)
    {
      const char *op = NULL;
      Expr *e;

      for (guint i = 0; levels[level][i] != NULL && op == NULL; i++)
        if (accept (p, levels[level][i]))
          op = levels[level][i];
      if (op == NULL)
        break;
      e = expr_new (EXPR_BINARY);
      g_strlcpy (e->op, op, sizeof e->op);
      e->a = left;
      e->b = level == 0 ? parse_primary (p) : parse_level (p, level - 1);
      left = e;
    }
  return left;
}

static Expr *
parse_condition (Parser *p)
{
  Expr *test = parse_level (p, G_N_ELEMENTS (levels) - 1);
  Expr *e;

  if (!accept (p, "?"))
    return test;
  e = expr_new (EXPR_CONDITION);
  e->a = test;
  e->b = parse_condition (p);
  if (!accept (p, ":"))
    p->failed = TRUE;
  e->c = parse_condition (p);
  return e;
}

static gulong
expr_eval (const Expr *e,
           gulong      n)
{
  gulong a, b;

  switch (e->kind)
    {
    case EXPR_N:
      return n;
    case EXPR_NUMBER:
      return e->number;
    case EXPR_NOT:
      return !expr_eval (e->a, n);
    case EXPR_CONDITION:
      return expr_eval (e->a, n) ? expr_eval (e->b, n) : expr_eval (e->c, n);
    case EXPR_BINARY:
    default:
      break;
    }

  a = expr_eval (e->a, n);
  b = expr_eval (e->b, n);
  switch (e->op[0])
    {
    case '*': return a * b;
    case '/': return b != 0 ? a / b : 0;
    case '%': return b != 0 ? a % b : 0;
    case '+': return a + b;
    case '-': return a - b;
    case '<': return e->op[1] == '=' ? a <= b : a < b;
    case '>': return e->op[1] == '=' ? a >= b : a > b;
    case '=': return a == b;
    case '!': return a != b;
    case '&': return a && b;
    case '|': return a || b;
    default:  return 0;
    }
}

/* Reads "nplurals=N; plural=EXPR;" from a catalogue's header. A header
 * that cannot be read gives the English rule. */
static void
read_plural_forms (Catalogue  *cat,
                   const char *header)
{
  const char *line = header ? strstr (header, "Plural-Forms:") : NULL;
  const char *nplurals, *plural;
  g_autofree char *text = NULL;
  Parser p = { 0 };
  Expr *e;

  cat->n_plurals = 2;
  if (line == NULL)
    return;
  text = g_strndup (line, strcspn (line, "\n"));
  nplurals = strstr (text, "nplurals=");
  plural = strstr (text, "plural=");
  /* "nplurals=" contains "plural=": find the one that stands alone */
  while (plural != NULL && plural > text && plural[-1] == 'n')
    plural = strstr (plural + 1, "plural=");
  if (nplurals == NULL || plural == NULL)
    return;

  p.at = plural + strlen ("plural=");
  e = parse_condition (&p);
  skip_space (&p);
  if (p.failed || (*p.at != ';' && *p.at != '\0'))
    {
      g_warning ("Cannot read the plural rule “%s”", text);
      expr_free (e);
      return;
    }
  cat->plural = e;
  cat->n_plurals = CLAMP (strtoul (nplurals + strlen ("nplurals="), NULL, 10), 1, 10);
}

/* Catalogues -------------------------------------------------------------- */

static const char *
get_localedir (void)
{
  const char *dir = g_getenv ("REDRESS_LOCALEDIR");

  /* Tests and an uninstalled build point this at the build's po/ folder */
  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

static char *
catalogue_path (const char *language)
{
  g_autofree char *name = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);

  return g_build_filename (get_localedir (), language, "LC_MESSAGES", name, NULL);
}

static guint32
read_u32 (const Catalogue *cat,
          gsize            offset)
{
  guint32 v;

  memcpy (&v, cat->data + offset, sizeof v);
  return cat->swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The @i-th string of the table at @table, or NULL if the file is damaged
 * there; @len gets its length (which for plurals covers all forms). */
static const char *
table_string (const Catalogue *cat,
              guint32          table,
              guint32          i,
              guint32         *len)
{
  gsize entry = (gsize) table + (gsize) i * 8;
  guint32 length, offset;

  if (entry + 8 > cat->size)
    return NULL;
  length = read_u32 (cat, entry);
  offset = read_u32 (cat, entry + 4);
  if ((gsize) offset + length >= cat->size || cat->data[offset + length] != '\0')
    return NULL;
  if (len != NULL)
    *len = length;
  return (const char *) cat->data + offset;
}

static const char *
catalogue_lookup (const Catalogue *cat,
                  const char      *key,
                  guint32         *len)
{
  guint32 lo = 0, hi = cat->n_strings;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      const char *original = table_string (cat, cat->originals, mid, NULL);
      int cmp;

      if (original == NULL)
        return NULL;
      cmp = strcmp (key, original);
      if (cmp == 0)
        {
          const char *translation = table_string (cat, cat->translations, mid, len);

          return translation != NULL && *translation != '\0' ? translation : NULL;
        }
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

static Catalogue *
catalogue_load (const char *language)
{
  g_autofree char *path = catalogue_path (language);
  g_autoptr(GError) error = NULL;
  Catalogue *cat;
  guint32 magic;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  cat = g_new0 (Catalogue, 1);
  cat->file = g_mapped_file_new (path, FALSE, &error);
  if (cat->file == NULL)
    {
      g_warning ("Cannot read the %s translation: %s", language, error->message);
      g_free (cat);
      return NULL;
    }
  cat->data = (const guint8 *) g_mapped_file_get_contents (cat->file);
  cat->size = g_mapped_file_get_length (cat->file);
  if (cat->size < 28)
    goto damaged;
  memcpy (&magic, cat->data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto damaged;
  cat->swapped = magic == MO_MAGIC_SWAPPED;
  cat->n_strings = read_u32 (cat, 8);
  cat->originals = read_u32 (cat, 12);
  cat->translations = read_u32 (cat, 16);
  if ((gsize) cat->originals + (gsize) cat->n_strings * 8 > cat->size ||
      (gsize) cat->translations + (gsize) cat->n_strings * 8 > cat->size)
    goto damaged;

  read_plural_forms (cat, catalogue_lookup (cat, "", NULL));
  return cat;

damaged:
  g_warning ("The %s translation (%s) is damaged; documents in it will be in English",
             language, path);
  g_mapped_file_unref (cat->file);
  g_free (cat);
  return NULL;
}

static const Catalogue *
get_catalogue (const char *language)
{
  Catalogue *cat;

  g_mutex_lock (&catalogues_lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (catalogues, language, NULL, (gpointer *) &cat))
    {
      /* Loaded once per process and kept: a handful of small files. */
      cat = catalogue_load (language);
      g_hash_table_insert (catalogues, g_strdup (language), cat);
    }
  g_mutex_unlock (&catalogues_lock);
  return cat;
}

/* Looking messages up ----------------------------------------------------- */

/**
 * rd_gettext:
 *
 * `_()` of the core: @msgid in the document language of this thread if one
 * is set (rd_i18n_push_language()), else in the interface's.
 */
const char *
rd_gettext (const char *msgid)
{
  const char *language = g_private_get (&document_language);
  const Catalogue *cat;
  const char *found;

  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (g_str_equal (language, RD_I18N_SOURCE_LANGUAGE) || (cat = get_catalogue (language)) == NULL)
    return msgid;
  found = catalogue_lookup (cat, msgid, NULL);
  return found != NULL ? found : msgid;
}

/**
 * rd_pgettext:
 * @msgctxt_id: the context, a byte 4 and the message, as C_() joins them
 * @msgid_offset: where the message starts in @msgctxt_id
 */
const char *
rd_pgettext (const char *msgctxt_id,
             gsize       msgid_offset)
{
  const char *language = g_private_get (&document_language);
  const Catalogue *cat;
  const char *found;

  if (language == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxt_id, msgid_offset);
  if (g_str_equal (language, RD_I18N_SOURCE_LANGUAGE) || (cat = get_catalogue (language)) == NULL)
    return msgctxt_id + msgid_offset;
  found = catalogue_lookup (cat, msgctxt_id, NULL);
  return found != NULL ? found : msgctxt_id + msgid_offset;
}

/* The form of @msgid (looked up as @key) for @n in the catalogue of
 * @language, by its plural rule; the English forms when it has none. */
static const char *
lookup_plural (const char *language,
               const char *key,
               const char *msgid,
               const char *msgid_plural,
               gulong      n)
{
  const Catalogue *cat;
  const char *found, *form;
  guint32 len;
  gulong index;

  if (g_str_equal (language, RD_I18N_SOURCE_LANGUAGE) || (cat = get_catalogue (language)) == NULL ||
      (found = catalogue_lookup (cat, key, &len)) == NULL)
    return n == 1 ? msgid : msgid_plural;

  index = cat->plural != NULL ? expr_eval (cat->plural, n) : (n != 1);
  if (index >= cat->n_plurals)
    index = 0;
  /* The forms follow each other, each ending in a NUL, within @len. */
  form = found;
  for (gulong i = 0; i < index; i++)
    {
      form += strlen (form) + 1;
      if (form > found + len)
        return n == 1 ? msgid : msgid_plural;
    }
  return form;
}

/**
 * rd_ngettext:
 *
 * The form of @msgid for the number @n, by the plural rule of the language.
 */
const char *
rd_ngettext (const char *msgid,
             const char *msgid_plural,
             gulong      n)
{
  const char *language = g_private_get (&document_language);

  if (language == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  return lookup_plural (language, msgid, msgid, msgid_plural, n);
}

/**
 * rd_npgettext_joined:
 * @msgctxt_id: the context, a byte 4 and the singular, as rd_npgettext()
 *   joins them
 * @msgid_offset: where the singular starts in @msgctxt_id
 *
 * rd_ngettext() for a message with a context: the same words may take
 * another form in another place (Polish says "1 godzina" for a time limit,
 * and "1 godzinę" for how late something was).
 */
const char *
rd_npgettext_joined (const char *msgctxt_id,
                     gsize       msgid_offset,
                     const char *msgid_plural,
                     gulong      n)
{
  const char *language = g_private_get (&document_language);
  const char *found;

  if (language == NULL)
    {
      found = g_dngettext (GETTEXT_PACKAGE, msgctxt_id, msgid_plural, n);
      /* gettext gives the key back when it has no translation */
      return found == msgctxt_id ? msgctxt_id + msgid_offset : found;
    }
  return lookup_plural (language, msgctxt_id, msgctxt_id + msgid_offset, msgid_plural, n);
}

/* The document language --------------------------------------------------- */

/**
 * rd_i18n_push_language:
 * @language: (nullable): a language code ("cy", "pl", "en"…), or %NULL for
 *   the interface's language
 *
 * Makes this thread write in @language until rd_i18n_pop_language(): the
 * text of a letter, a bundle's own pages or a chronology. Other threads,
 * and the interface, keep theirs.
 *
 * Returns: (transfer full): what to hand to rd_i18n_pop_language()
 */
char *
rd_i18n_push_language (const char *language)
{
  char *previous = g_strdup (g_private_get (&document_language));

  g_private_replace (&document_language, language != NULL && *language != '\0' ? g_strdup (language) : NULL);
  return previous;
}

/**
 * rd_i18n_pop_language:
 * @previous: (transfer full): what rd_i18n_push_language() returned
 */
void
rd_i18n_pop_language (char *previous)
{
  g_private_replace (&document_language, previous);
}

/**
 * rd_i18n_get_document_language:
 *
 * Returns: (nullable): this thread's document language, or %NULL when it
 *   writes in the interface's language
 */
const char *
rd_i18n_get_document_language (void)
{
  return g_private_get (&document_language);
}

/**
 * rd_i18n_language_code_is_valid:
 *
 * Whether @language has the shape of a catalogue's language code: two or
 * three lower-case letters, then maybe "_" and a region ("pt_BR") and
 * "@" and a variant ("sr@latin"). A case may name a language whose
 * translation this computer lacks; it must still be a code, never a path.
 */
gboolean
rd_i18n_language_code_is_valid (const char *language)
{
  const char *p = language;
  guint n = 0;

  if (language == NULL)
    return FALSE;
  while (g_ascii_islower (*p))
    p++, n++;
  if (n < 2 || n > 3)
    return FALSE;
  if (*p == '_')
    {
      p++;
      for (n = 0; g_ascii_isupper (*p); p++)
        n++;
      if (n != 2)
        return FALSE;
    }
  if (*p == '@')
    {
      p++;
      for (n = 0; g_ascii_islower (*p); p++)
        n++;
      if (n == 0)
        return FALSE;
    }
  return *p == '\0';
}

/**
 * rd_i18n_language_is_available:
 *
 * Whether documents can be written in @language: English always, another
 * language when its translation is installed.
 */
gboolean
rd_i18n_language_is_available (const char *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  if (g_str_equal (language, RD_I18N_SOURCE_LANGUAGE))
    return TRUE;
  /* A code is a folder name: nothing that could leave the locale folder */
  if (*language == '\0' || strchr (language, '/') != NULL || strchr (language, '.') != NULL)
    return FALSE;
  return get_catalogue (language) != NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rd_i18n_list_languages:
 *
 * Returns: (transfer full): English and every language Redress's
 *   translation is installed in, by code
 */
GStrv
rd_i18n_list_languages (void)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (get_localedir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = catalogue_path (name);

      if (!g_str_equal (name, RD_I18N_SOURCE_LANGUAGE) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (codes, g_strdup (name));
    }
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_insert (codes, 0, g_strdup (RD_I18N_SOURCE_LANGUAGE));
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

/* Each language by its own name, as its speakers look for it in a list. */
static const struct {
  const char *code;
  const char *name;
  gboolean    rtl;
} known_languages[] = {
  { "ar", "العربية", TRUE },
  { "bn", "বাংলা", FALSE },
  { "cy", "Cymraeg", FALSE },
  { "en", "English", FALSE },
  { "fa", "فارسی", TRUE },
  { "gu", "ગુજરાતી", FALSE },
  { "he", "עברית", TRUE },
  { "pa", "ਪੰਜਾਬੀ", FALSE },
  { "pl", "Polski", FALSE },
  { "ps", "پښتو", TRUE },
  { "ro", "Română", FALSE },
  { "so", "Soomaali", FALSE },
  { "ur", "اردو", TRUE },
};

/**
 * rd_i18n_get_language_name:
 *
 * Returns: @language's name in itself ("Cymraeg"), or its code when
 *   Redress does not know it
 */
const char *
rd_i18n_get_language_name (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known_languages); i++)
    if (g_str_equal (known_languages[i].code, language))
      return known_languages[i].name;
  return language;
}

/**
 * rd_i18n_language_is_rtl:
 *
 * Whether @language is written from right to left.
 */
gboolean
rd_i18n_language_is_rtl (const char *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (known_languages); i++)
    if (g_str_equal (known_languages[i].code, language))
      return known_languages[i].rtl;
  return FALSE;
}
