/* rd-bundle-audit.c: when evidence stops an export, every missing or changed file in one message.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export checks files as it goes and stops at the first problem. A
 * resident who then repairs that one file only to be stopped by the next
 * loses heart: so when an export stops for a missing or changed file,
 * every exhibit is checked (the ones not yet checked are hashed now, which
 * costs only on this path) and one error names them all.
 */
#define G_LOG_DOMAIN "rd-bundle"

#include "config.h"

#include "rd-gettext.h"
#include <glib/gstdio.h>

#include "rd-bundle-private.h"
#include "rd-hash.h"

/* How many files one message names before "and N more". */
#define MAX_NAMED 5

typedef enum {
  PROBLEM_MISSING,
  PROBLEM_ALTERED,
  PROBLEM_UNREADABLE,
} ProblemKind;

typedef struct
{
  RdBundleExhibit *exhibit;
  ProblemKind      kind;
} Problem;

static const char *
exhibit_name (RdBundleExhibit *ex)
{
  return ex->file_name != NULL ? ex->file_name : ex->title;
}

static const char *
how_to_repair (void)
{
  return UI_("To repair it, add the original file to the case again. “Check evidence” on the "
           "Evidence page, or redress-cli verify, lists every file with a problem.");
}

static void
set_one (Problem  *p,
         GError  **error)
{
  RdBundleExhibit *ex = p->exhibit;

  g_clear_error (error);
  switch (p->kind)
    {
    case PROBLEM_MISSING:
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_MISSING,
                   UI_("The bundle was not made: the stored copy of exhibit %s (“%s”) is missing. "
                     "Redress kept it at “%s”, and it is no longer there. %s"),
                   ex->label, exhibit_name (ex), ex->path, how_to_repair ());
      break;
    case PROBLEM_ALTERED:
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_ALTERED,
                   UI_("The bundle was not made: the stored copy of exhibit %s (“%s”) has changed "
                     "since it was added to the case. Redress keeps it at “%s”. %s"),
                   ex->label, exhibit_name (ex), ex->path, how_to_repair ());
      break;
    case PROBLEM_UNREADABLE:
    default:
      g_set_error (error, RD_BUNDLE_ERROR, RD_BUNDLE_ERROR_EVIDENCE_UNREADABLE,
                   UI_("The bundle was not made: the stored copy of exhibit %s (“%s”) could not "
                     "be read. Redress keeps it at “%s”. %s"),
                   ex->label, exhibit_name (ex), ex->path, how_to_repair ());
      break;
    }
}

static void
set_many (GArray  *problems,
          GError **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *folder = NULL;
  gboolean any_missing = FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      Problem *p = &g_array_index (problems, Problem, i);
      const char *what;

      any_missing |= p->kind == PROBLEM_MISSING;
      if (i >= MAX_NAMED)
        continue;
      what = p->kind == PROBLEM_MISSING ? UI_("missing")
           : p->kind == PROBLEM_ALTERED ? UI_("changed") : UI_("unreadable");
      if (list->len > 0)
        g_string_append (list, "; ");
      /* Translators: one of a list of files: "exhibit 3 (“noise.wav”): missing" */
      g_string_append_printf (list, UI_("exhibit %s (“%s”): %s"), p->exhibit->label,
                              exhibit_name (p->exhibit), what);
    }
  if (problems->len > MAX_NAMED)
    {
      guint more = problems->len - MAX_NAMED;

      g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "; and %u more", "; and %u more",
                                                 more), more);
    }
  folder = g_path_get_dirname (g_array_index (problems, Problem, 0).exhibit->path);
  g_clear_error (error);
  g_set_error (error, RD_BUNDLE_ERROR,
               any_missing ? RD_BUNDLE_ERROR_EVIDENCE_MISSING : RD_BUNDLE_ERROR_EVIDENCE_ALTERED,
               UI_("The bundle was not made: the stored copies of %u evidence files are missing "
                 "or have changed since they were added to the case: %s. Redress keeps its "
                 "copies in “%s”. To repair them, add the original files to the case again. "
                 "“Check evidence” on the Evidence page, or redress-cli verify, lists them all."),
               problems->len, list->str, folder);
}

/**
 * _rd_bundle_audit:
 * @parts: (element-type RdPart): the bundle's parts
 * @error: holds the error that stopped the export; replaced by one naming
 *   every missing, changed or unreadable exhibit when there is any
 *
 * Returns: %FALSE if it was cancelled (@error then says so)
 */
gboolean
_rd_bundle_audit (GPtrArray     *parts,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GArray) problems = g_array_new (FALSE, FALSE, sizeof (Problem));

  for (guint i = 0; i < parts->len; i++)
    {
      RdPart *part = g_ptr_array_index (parts, i);
      RdBundleExhibit *ex = part->exhibit;
      Problem p = { ex, PROBLEM_MISSING };
      GStatBuf st;

      if (part->kind != RD_PART_EXHIBIT || ex == NULL)
        continue;
      if (g_stat (ex->path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_array_append_val (problems, p);
          continue;
        }
      if (ex->sha256 != NULL && !ex->verified)
        {
          g_autoptr(GError) local_error = NULL;
          g_autofree char *actual = rd_sha256_file_hex (ex->path, NULL, cancellable, &local_error);

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_clear_error (error);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (actual == NULL)
            p.kind = PROBLEM_UNREADABLE;
          else if (g_ascii_strcasecmp (actual, ex->sha256) != 0)
            p.kind = PROBLEM_ALTERED;
          else
            continue;
          g_array_append_val (problems, p);
        }
    }

  if (problems->len == 1)
    set_one (&g_array_index (problems, Problem, 0), error);
  else if (problems->len > 1)
    set_many (problems, error);
  return TRUE;
}
