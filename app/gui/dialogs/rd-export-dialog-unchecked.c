/* rd-export-dialog-unchecked.c: before an anonymised bundle, the exhibits whose names cannot be checked.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An anonymised bundle blacks out names found in the text of its evidence,
 * the words read on scans and photos included. A picture whose words have
 * never been read may show a name nothing can find: the assistant names
 * those exhibits and asks before the bundle is made, so nobody sends one
 * believing it was checked.
 */
#define G_LOG_DOMAIN "rd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-case-bundle-check.h"
#include "rd-export-dialog-private.h"

/**
 * rd_export_dialog_dup_unchecked:
 *
 * Returns: (transfer full): the exhibit numbers (gint64) going into an
 *   anonymised bundle that cannot be checked for names; empty when the
 *   anonymise switch is off
 */
GArray *
rd_export_dialog_dup_unchecked (RdExportDialog *self)
{
  g_autoptr(GArray) evidence_ids = NULL;
  RdCaseBundleOptions options;
  GArray *unchecked;
  RdCase *rcase;

  g_return_val_if_fail (RD_IS_EXPORT_DIALOG (self), NULL);

  if (!gtk_switch_get_active (self->anonymise_switch))
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  rd_case_bundle_options_init (&options);
  options.anonymise = TRUE;
  evidence_ids = _rd_export_dialog_dup_evidence_ids (self);
  options.evidence_ids = evidence_ids;
  options.passwords = self->passwords;
  rcase = rd_store_dialog_get_case (RD_STORE_DIALOG (self));
  unchecked = rd_case_bundle_list_unchecked (rd_store_dialog_get_store (RD_STORE_DIALOG (self)),
                                             rd_case_get_id (rcase), &options, NULL);
  return unchecked != NULL ? unchecked : g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
on_unchecked_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          RdExportDialog   *self)
{
  RdExportGoOn go_on = g_object_get_data (G_OBJECT (dialog), "go-on");

  if (g_str_equal (response, "export"))
    go_on (self);
}

/*
 * _rd_export_dialog_ask_unchecked:
 * @go_on: what to do next when nothing needs asking or the resident says
 *   to go on
 *
 * Asks before an anonymised bundle that holds exhibits it cannot check.
 */
void
_rd_export_dialog_ask_unchecked (RdExportDialog *self,
                                 RdExportGoOn    go_on)
{
  g_autoptr(GArray) unchecked = rd_export_dialog_dup_unchecked (self);
  g_autofree char *list = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (unchecked->len == 0)
    {
      go_on (self);
      return;
    }
  list = rd_case_bundle_format_exhibits (unchecked);
  body = g_strdup_printf (_("These exhibits are pictures whose words have not been read, so "
                            "names in them cannot be found and blacked out: %s. Go back to leave "
                            "them out or to read them first (redress-cli ocr), or export them as "
                            "they are: the cover will list them as not checked."), list);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Some Exhibits Cannot Be Checked for Names"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Go Back"),
                                    "export", _("_Export Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "export", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "go-on", go_on);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unchecked_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
