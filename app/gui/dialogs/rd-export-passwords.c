/* rd-export-passwords.c: asking for the passwords of the protected PDFs a bundle includes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A protected PDF's pages go into the bundle only with its password, which
 * Redress never stores: the export assistant asks for it each time, one row
 * per protected PDF; a row left empty leaves that PDF out (the bundle then
 * lists it as not included, with the reason).
 */
#define G_LOG_DOMAIN "rd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-export-passwords.h"
#include "rd-secret.h"

typedef struct
{
  GPtrArray               *evidence;  /* RdEvidence */
  GPtrArray               *rows;      /* AdwPasswordEntryRow, one per evidence */
  RdExportPasswordsFunc    done;
  gpointer                 user_data;
} Ask;

static void
ask_free (Ask *ask)
{
  g_ptr_array_unref (ask->evidence);
  g_ptr_array_unref (ask->rows);
  g_free (ask);
}

static void
on_response_cb (AdwMessageDialog *dialog,
                const char       *response,
                Ask              *ask)
{
  gboolean go_on = g_strcmp0 (response, "continue") == 0;
  g_autoptr(GHashTable) passwords = NULL;

  if (go_on)
    {
      passwords = rd_export_passwords_new ();
      for (guint i = 0; i < ask->rows->len; i++)
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (ask->rows->pdata[i]));
          gint64 id = rd_evidence_get_id (ask->evidence->pdata[i]);

          if (text != NULL && *text)
            g_hash_table_replace (passwords, g_memdup2 (&id, sizeof id), g_strdup (text));
          gtk_editable_set_text (GTK_EDITABLE (ask->rows->pdata[i]), "");
        }
    }
  ask->done (go_on ? passwords : NULL, ask->user_data);
  ask_free (ask);
  /* Focus off the password rows first: libadwaita 1.2's entry rows watch
   * the window's focus, and would hear of it while being torn down. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * rd_export_passwords_new:
 *
 * Returns: (transfer full): an empty table of evidence id (gint64*) →
 *   password, that wipes each password as it lets it go.
 */
GHashTable *
rd_export_passwords_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, rd_secret_free);
}

/**
 * rd_export_ask_passwords:
 * @evidence: (element-type RdEvidence): the protected PDFs
 *
 * Asks for each PDF's password; @done gets the passwords typed (empty rows
 * left out), or %NULL if the resident cancelled.
 */
void
rd_export_ask_passwords (GtkWindow              *parent,
                         GPtrArray              *evidence,
                         RdExportPasswordsFunc   done,
                         gpointer                user_data)
{
  Ask *ask = g_new0 (Ask, 1);
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();

  ask->evidence = g_ptr_array_ref (evidence);
  ask->rows = g_ptr_array_new ();
  ask->done = done;
  ask->user_data = user_data;

  dialog = adw_message_dialog_new (parent,
                                   g_dngettext (GETTEXT_PACKAGE, "A PDF Is Protected by a Password",
                                                "Some PDFs Are Protected by a Password",
                                                evidence->len), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Type each PDF’s password to put its pages in the bundle; the "
                                 "bundle itself will not need one, and Redress does not keep the "
                                 "password. Leave a password empty to leave that PDF out: the "
                                 "bundle will list it as not included."));
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passwords of the protected PDFs"), -1);
  for (guint i = 0; i < evidence->len; i++)
    {
      g_autofree char *name = rd_evidence_dup_display_name (evidence->pdata[i]);
      g_autofree char *label = g_strdup_printf (_("Password of “%s”"), name);
      GtkWidget *row = adw_password_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (ask->rows, row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}
