/* rd-letter-dialog.c: a letter written from the case, to read, change, copy and print.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-letter-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-gui-util.h"
#include "rd-letter-dialog.h"
#include "rd-letter-print.h"

struct _RdLetterDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *complaint_label;
  GtkTextView     *text_view;
};

G_DEFINE_FINAL_TYPE (RdLetterDialog, rd_letter_dialog, ADW_TYPE_WINDOW)

/**
 * rd_letter_dialog_dup_text:
 *
 * Returns: (transfer full): the letter as it stands, with the resident's changes
 */
char *
rd_letter_dialog_dup_text (RdLetterDialog *self)
{
  g_return_val_if_fail (RD_IS_LETTER_DIALOG (self), NULL);

  return rd_gui_text_view_dup_text (self->text_view);
}

void
rd_letter_dialog_copy (RdLetterDialog *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (RD_IS_LETTER_DIALOG (self));

  text = rd_letter_dialog_dup_text (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Copied. Paste it into an email or a document.")));
}

static RdLetterPrint *
new_print_operation (RdLetterDialog *self)
{
  g_autofree char *text = rd_letter_dialog_dup_text (self);

  return rd_letter_print_new (gtk_window_get_title (GTK_WINDOW (self)), text);
}

/**
 * rd_letter_dialog_print:
 *
 * Opens the print dialog for the letter as it stands; the dialog does not
 * block the window, and a failure is shown as a toast.
 */
void
rd_letter_dialog_print (RdLetterDialog *self)
{
  g_autoptr(RdLetterPrint) operation = NULL;

  g_return_if_fail (RD_IS_LETTER_DIALOG (self));

  operation = new_print_operation (self);
  rd_letter_print_run_dialog (operation, GTK_WINDOW (self), self->toast_overlay);
}

/**
 * rd_letter_dialog_print_to_pdf:
 * @path: the PDF to write
 *
 * Lays the letter out exactly as Print does, on the default paper, and
 * writes it to @path without a dialog.
 */
gboolean
rd_letter_dialog_print_to_pdf (RdLetterDialog  *self,
                               const char      *path,
                               GError         **error)
{
  g_autoptr(RdLetterPrint) operation = NULL;

  g_return_val_if_fail (RD_IS_LETTER_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = new_print_operation (self);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  return gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  rd_letter_dialog_print (RD_LETTER_DIALOG (widget));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rd_letter_dialog_copy (RD_LETTER_DIALOG (widget));
}

static void
rd_letter_dialog_class_init (RdLetterDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdLetterDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdLetterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RdLetterDialog, complaint_label);
  gtk_widget_class_bind_template_child (widget_class, RdLetterDialog, text_view);

  gtk_widget_class_install_action (widget_class, "letter.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "letter.copy", NULL);
  gtk_widget_class_install_action (widget_class, "letter.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "letter.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_letter_dialog_init (RdLetterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The keyboard starts in the letter, where a screen reader reads it and
   * a change is typed; Print and Copy are a Shift+Tab away, and their
   * shortcuts work from there. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));
}

/**
 * rd_letter_dialog_new_for_text:
 *
 * Shows @text, already written (the guided complaint's letter), to change
 * and copy.
 */
RdLetterDialog *
rd_letter_dialog_new_for_text (GtkWindow  *parent,
                               const char *title,
                               const char *text)
{
  RdLetterDialog *self = g_object_new (RD_TYPE_LETTER_DIALOG, "transient-for", parent, NULL);

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  return self;
}

/* The window's title for a letter of @kind, in header case as a title is;
 * the kind's label names it in sentence case in lists and on the CLI. */
static const char *
get_window_title (RdLetterKind kind)
{
  switch (kind)
    {
    case RD_LETTER_STAGE1_COMPLAINT:
      return _("Stage 1 Complaint");
    case RD_LETTER_CHASER:
      return _("Chaser");
    case RD_LETTER_ESCALATION:
      return _("Request to Escalate");
    case RD_LETTER_OMBUDSMAN_SUMMARY:
      return _("Summary for the Ombudsman");
    case RD_LETTER_N_KINDS:
    default:
      break;
    }
  g_return_val_if_reached ("");
}

/* Says which complaint the letter is about, by the name the complaints
 * page gives it: its first point, with the landlord's reference. That is
 * the resident's own text, of any length: as the header's subtitle it
 * took seven lines at 360 pixels, the header's buttons as tall. Over
 * the letter it wraps as a paragraph the window's width, and the header
 * keeps to Redress's own short title. */
static void
name_complaint (RdLetterDialog *self,
                RdComplaint    *complaint)
{
  g_autofree char *name = rd_complaint_dup_title (complaint);
  /* Translators: the complaint's name, as the complaints page lists it */
  g_autofree char *about = g_strdup_printf (_("This letter is about your complaint “%s”."), name);

  gtk_label_set_text (self->complaint_label, about);
  gtk_widget_set_visible (GTK_WIDGET (self->complaint_label), TRUE);
}

/**
 * rd_letter_dialog_new:
 * @complaint_id: the complaint the letter is about, or 0
 *
 * Writes the letter from what the store holds today, and shows it.
 */
RdLetterDialog *
rd_letter_dialog_new (GtkWindow    *parent,
                      RdStore      *store,
                      gint64        case_id,
                      gint64        complaint_id,
                      RdLetterKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseSnapshot) snapshot = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdLetter) letter = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *text = NULL;
  RdComplaint *complaint = NULL;
  RdLetterDialog *self;

  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  today = rd_clock_dup_today (rd_store_get_clock (store));
  snapshot = rd_case_service_load_snapshot (store, case_id, &error);
  if (snapshot == NULL)
    text = g_strdup (error->message);
  else
    {
      RdCaseFacts *facts = rd_case_snapshot_get_facts (snapshot);
      GPtrArray *complaints = rd_case_facts_get_complaints (facts);
      char *previous;

      for (guint i = 0; i < complaints->len; i++)
        if (rd_complaint_get_id (g_ptr_array_index (complaints, i)) == complaint_id)
          complaint = g_ptr_array_index (complaints, i);

      /* The letter, and the deadlines it quotes, in the case's document
       * language rather than the interface's */
      previous = rd_i18n_push_language (rd_case_get_writing_language (rd_case_facts_get_case (facts)));
      dashboard = rd_case_snapshot_compute_dashboard (snapshot, today);
      letter = rd_letter_build (kind, facts, complaint, dashboard);
      text = rd_letter_to_text (letter);
      rd_i18n_pop_language (previous);
    }

  self = rd_letter_dialog_new_for_text (parent, get_window_title (kind), text);
  if (complaint != NULL)
    name_complaint (self, complaint);
  return self;
}
