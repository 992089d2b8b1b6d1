/* rd-export-dialog-volumes.c: the assistant's volumes and section stamps, and what it says was written.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rd-export-dialog-private.h"
#include "rd-export-service.h"

/* The choices of the "Paper and Size" group that are not the paper. */
void
_rd_export_dialog_volume_options (RdExportDialog      *self,
                                  RdCaseBundleOptions *options)
{
  options->section_stamps = gtk_switch_get_active (self->section_stamps_switch);
  /* Megabytes of 1,000,000 bytes, as portals count them: the lower reading. */
  if (gtk_switch_get_active (self->volumes_switch))
    options->max_volume_size =
      (goffset) gtk_spin_button_get_value_as_int (self->volume_size_spin) * 1000 * 1000;
}

/**
 * _rd_export_dialog_describe_done:
 *
 * What the done page says of @bundle: the file and its pages, or each
 * volume's file and pages, any volume over the limit because of one
 * exhibit, and the volumes of an earlier export that were removed. A split bundle's first volume is then the file that Open, Print
 * and the previews show.
 *
 * Returns: (transfer full): the description
 */
char *
_rd_export_dialog_describe_done (RdExportDialog *self,
                                 RdBundle       *bundle)
{
  g_autofree char *omissions = rd_bundle_describe_omissions (bundle);
  g_autofree char *oversize = rd_bundle_describe_oversize (bundle);
  g_autofree char *name = NULL;
  g_autofree char *volumes = NULL;
  GString *text = g_string_new (NULL);
  guint n_volumes = rd_bundle_get_n_volumes (bundle);

  self->n_pages = rd_bundle_get_n_pages (bundle);
  if (n_volumes > 1)
    {
      g_free (self->path);
      self->path = g_strdup (rd_bundle_get_volume_path (bundle, 0));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%d page, in %u volumes:\n",
                                                 "%d pages, in %u volumes:\n", self->n_pages),
                              self->n_pages, n_volumes);
      for (guint i = 0; i < n_volumes; i++)
        {
          g_autofree char *volume = g_path_get_basename (rd_bundle_get_volume_path (bundle, i));
          g_autofree char *size = g_format_size ((guint64) rd_bundle_get_volume_size (bundle, i));
          int first, last;

          rd_bundle_get_volume_pages (bundle, i, &first, &last);
          g_string_append_printf (text, _("%s: pages %d to %d, %s\n"), volume, first, last, size);
        }
    }
  else
    {
      name = g_path_get_basename (self->path);
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s, %d page.\n%s",
                                                 "%s, %d pages.\n%s", self->n_pages),
                              name, self->n_pages, "");
    }
  if (oversize != NULL)
    g_string_append (text, oversize);
  /* Removed so that the folder holds one set: say so, or they seem lost. */
  for (const char * const *removed = rd_bundle_get_removed_volumes (bundle);
       removed != NULL && *removed != NULL; removed++)
    {
      g_autofree char *volume = g_path_get_basename (*removed);

      g_string_append_printf (text, _("Removed “%s”, a volume left by an earlier export of this "
                                      "bundle in more volumes.\n"), volume);
    }
  g_string_append (text, omissions);
  return g_string_free (text, FALSE);
}
