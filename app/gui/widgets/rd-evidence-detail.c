/* rd-evidence-detail.c: one piece of evidence, in full: a preview (photos,
 * PDF pages, email text), what is known about it, its description, what it
 * proves, and Open With, Enter Password and Delete.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-evidence-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rd-evidence-detail.h"
#include "rd-evidence-links.h"
#include "rd-evidence-tile.h"
#include "rd-gui-list.h"
#include "rd-gui-undo.h"
#include "rd-gui-util.h"
#include "rd-secret.h"

#define PREVIEW_SIZE 1000
#define PREVIEW_TEXT_CHARS 4000

struct _RdEvidenceDetail
{
  GtkWidget             parent_instance;

  RdStore              *store;
  RdEvidence           *evidence;
  char                 *password;     /* typed this session for this evidence; never stored */
  int                   page;
  int                   n_pages;
  GCancellable         *preview_cancellable;
  GArray               *targets;      /* RdLinkTarget, parallel to the combo row's model */

  GtkLabel             *name_label;
  GtkLabel             *summary_label;
  GtkLabel             *problem_label;
  GtkWidget            *password_button;
  GtkStack             *preview_stack;
  GtkSpinner           *preview_spinner;
  GtkPicture           *preview_picture;
  AdwStatusPage        *preview_message;
  GtkWidget            *pager;
  GtkLabel             *page_label;
  AdwEntryRow          *description_row;
  GtkListBox           *links_list;
  AdwComboRow          *target_row;
  AdwEntryRow          *note_row;
};

G_DEFINE_FINAL_TYPE (RdEvidenceDetail, rd_evidence_detail, GTK_TYPE_WIDGET)

/**
 * rd_evidence_dup_record_label:
 * @record: an #RdIncident, #RdContact or #RdComplaintEvent
 *
 * A line naming what evidence is linked to: "Diary: Monday 3 June 2024,
 * 23:10 — Loud music…", "Contact: …", from the record itself, so that a
 * list of them is labelled from the one query that read it.
 */
char *
rd_evidence_dup_record_label (gpointer record)
{
  if (RD_IS_INCIDENT (record))
    {
      g_autofree char *when = rd_datetime_format_long (rd_incident_get_starts_at (record));
      g_autofree char *summary = rd_incident_dup_summary (record);

      return g_strdup_printf (_("Diary: %s — %s"), when, summary);
    }
  if (RD_IS_CONTACT (record))
    {
      g_autofree char *headline = rd_contact_dup_headline (record);

      return g_strdup_printf (_("Contact: %s"), headline);
    }
  if (RD_IS_COMPLAINT_EVENT (record))
    {
      g_autofree char *title = rd_complaint_event_dup_title (record);
      g_autofree char *when = NULL;

      if (rd_complaint_event_get_date (record) == NULL)
        return g_strdup_printf (_("Complaint: %s"), title);
      when = rd_date_format_long (rd_complaint_event_get_date (record));
      /* Translators: a complaint step evidence can be linked to, and its day */
      return g_strdup_printf (_("Complaint: %s, %s"), title, when);
    }
  return g_strdup (_("Something that no longer exists"));
}

/**
 * rd_evidence_dup_target_label:
 *
 * The label of rd_evidence_dup_record_label() for one link target, read
 * from the store.
 */
char *
rd_evidence_dup_target_label (RdStore              *store,
                              RdEvidenceTargetKind  kind,
                              gint64                target_id)
{
  g_autoptr(GObject) record = NULL;

  switch (kind)
    {
    case RD_EVIDENCE_TARGET_INCIDENT:
      record = G_OBJECT (rd_store_get_incident (store, target_id, NULL));
      break;
    case RD_EVIDENCE_TARGET_CONTACT:
      record = G_OBJECT (rd_store_get_contact (store, target_id, NULL));
      break;
    case RD_EVIDENCE_TARGET_COMPLAINT_EVENT:
      record = G_OBJECT (rd_store_get_complaint_event (store, target_id, NULL));
      break;
    case RD_EVIDENCE_TARGET_N_KINDS:
    default:
      break;
    }
  return rd_evidence_dup_record_label (record);
}

static void
show_message (RdEvidenceDetail *self,
              const char       *icon_name,
              const char       *title,
              const char       *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  adw_status_page_set_icon_name (self->preview_message, icon_name);
  adw_status_page_set_title (self->preview_message, title ? title : "");
  adw_status_page_set_description (self->preview_message, escaped);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
  gtk_spinner_stop (self->preview_spinner);
}

static void
update_pager (RdEvidenceDetail *self)
{
  g_autofree char *text = NULL;
  gboolean paged = self->evidence && rd_evidence_get_kind (self->evidence) == RD_EVIDENCE_KIND_PDF &&
                   self->n_pages > 1;

  gtk_widget_set_visible (self->pager, paged);
  /* Translators: "Page 2 of 7" under a PDF preview */
  text = g_strdup_printf (_("Page %d of %d"), self->page + 1, MAX (self->n_pages, 1));
  gtk_label_set_text (self->page_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.previous-page", paged && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.next-page",
                                 paged && self->page + 1 < self->n_pages);
}

/* Says what the preview shows, for a screen reader: which file, which page. */
static void
name_preview (RdEvidenceDetail *self)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (self->evidence == NULL || gtk_picture_get_paintable (self->preview_picture) == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"), -1);
      return;
    }
  name = rd_evidence_dup_display_name (self->evidence);
  if (rd_evidence_get_kind (self->evidence) == RD_EVIDENCE_KIND_PDF)
    /* Translators: the name of a PDF preview, for screen readers:
     * "Preview, page 1 of 3: letter.pdf". The file's name comes last,
     * after the colon, so that no word of the sentence has to agree with it. */
    label = g_strdup_printf (_("Preview, page %d of %d: %s"), self->page + 1,
                             MAX (self->n_pages, 1), name);
  else
    /* Translators: the name of a photo preview, for screen readers: "Preview: photo.jpg" */
    label = g_strdup_printf (_("Preview: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The evidence the preview was asked for, to drop an answer that came too late. */
typedef struct {
  RdEvidenceDetail *self;
  RdEvidence       *evidence;
} PreviewCall;

static void
on_preview_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PreviewCall *call = user_data;
  g_autoptr(RdEvidenceDetail) self = call->self;
  g_autoptr(RdEvidence) evidence = call->evidence;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int n_pages = 0;

  g_free (call);
  pixbuf = rd_evidence_preview_finish (result, &n_pages, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || evidence != self->evidence)
    return;
  self->n_pages = n_pages;
  update_pager (self);
  if (pixbuf == NULL)
    {
      show_message (self, "dialog-warning-symbolic", _("No Preview"), error->message);
      return;
    }
  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack, "picture");
  gtk_spinner_stop (self->preview_spinner);
  name_preview (self);
}

static void
load_preview (RdEvidenceDetail *self)
{
  RdEvidenceKind kind;
  PreviewCall *call;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  gtk_picture_set_paintable (self->preview_picture, NULL);
  name_preview (self);
  update_pager (self);
  if (self->evidence == NULL)
    return;

  kind = rd_evidence_get_kind (self->evidence);
  if (kind == RD_EVIDENCE_KIND_EMAIL)
    {
      g_autofree char *text = rd_store_dup_evidence_text (self->store, rd_evidence_get_id (self->evidence), NULL);

      if (text && g_utf8_strlen (text, -1) > PREVIEW_TEXT_CHARS)
        *g_utf8_offset_to_pointer (text, PREVIEW_TEXT_CHARS) = '\0';
      show_message (self, "mail-unread-symbolic", rd_evidence_get_title (self->evidence), text);
      return;
    }
  if (kind != RD_EVIDENCE_KIND_PHOTO && kind != RD_EVIDENCE_KIND_PDF)
    {
      show_message (self, rd_evidence_kind_icon_name (kind), NULL,
                    _("Redress keeps this file safe but cannot show it itself. Use “Open With "
                      "Another App” to see or play it."));
      return;
    }
  if (rd_evidence_get_needs_password (self->evidence) && self->password == NULL)
    {
      show_message (self, "dialog-password-symbolic", _("Protected by a Password"),
                    rd_evidence_get_problem (self->evidence));
      return;
    }

  gtk_stack_set_visible_child_name (self->preview_stack, "loading");
  gtk_spinner_start (self->preview_spinner);
  call = g_new0 (PreviewCall, 1);
  call->self = g_object_ref (self);
  call->evidence = g_object_ref (self->evidence);
  self->preview_cancellable = g_cancellable_new ();
  rd_evidence_preview_async (self->evidence, self->password, self->page, PREVIEW_SIZE,
                             self->preview_cancellable, on_preview_ready_cb, call);
}

static void
on_unlink_clicked_cb (GtkButton        *button,
                      RdEvidenceDetail *self)
{
  RdEvidenceLink *link = g_object_get_data (G_OBJECT (button), "link");
  g_autoptr(GError) error = NULL;
  gint64 evidence_id;

  if (self->evidence == NULL || link == NULL)
    return;
  /* The button, the link and perhaps this evidence go with the rows: keep
   * the id only. */
  evidence_id = rd_evidence_get_id (self->evidence);
  if (rd_gui_unlink_evidence_undoably (self->store, evidence_id,
                                       rd_evidence_link_get_target_kind (link),
                                       rd_evidence_link_get_target_id (link), &error))
    rd_gui_offer_undo (GTK_WIDGET (self), _("Link removed"), _("Link restored"), "evidence",
                       evidence_id);
  else if (error != NULL)
    rd_gui_show_toast (GTK_WIDGET (self), error->message);
}

static void
fill_links (RdEvidenceDetail *self)
{
  g_autoptr(GListModel) links = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);
  if (self->evidence == NULL || self->store == NULL)
    return;

  /* A piece of evidence has a handful of links: a row each is fine. */
  links = rd_store_list_evidence_links (self->store, rd_evidence_get_id (self->evidence), NULL);
  for (guint i = 0, n = links ? g_list_model_get_n_items (links) : 0; i < n; i++)
    {
      g_autoptr(RdEvidenceLink) link = g_list_model_get_item (links, i);
      g_autofree char *title = rd_evidence_dup_target_label (self->store,
                                                              rd_evidence_link_get_target_kind (link),
                                                              rd_evidence_link_get_target_id (link));
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *note = g_markup_escape_text (rd_evidence_link_get_note (link), -1);
      g_autofree char *remove_label = g_strdup_printf (_("Remove link: %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this link"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data_full (G_OBJECT (remove), "link", g_object_ref (link), g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_unlink_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->links_list, row);
    }
  if (links == NULL || g_list_model_get_n_items (links) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not linked to anything yet"));
      gtk_list_box_append (self->links_list, row);
    }
}

/* What this evidence can be linked to: the case's diary entries, contacts
 * and complaint steps. */
static void
fill_targets (RdEvidenceDetail *self)
{
  g_autoptr(GtkStringList) labels =
    rd_link_targets_list (self->store, self->evidence ? rd_evidence_get_case_id (self->evidence) : 0,
                          self->targets);

  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (labels));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.link", self->targets->len > 0);
}

void
rd_evidence_detail_set_store (RdEvidenceDetail *self,
                              RdStore          *store)
{
  g_return_if_fail (RD_IS_EVIDENCE_DETAIL (self));
  g_set_object (&self->store, store);
}

/**
 * rd_evidence_detail_set_evidence:
 *
 * Shows @evidence. The same evidence again (after a reload) keeps the page
 * of the PDF that was shown, and the password typed for it.
 */
void
rd_evidence_detail_set_evidence (RdEvidenceDetail *self,
                                 RdEvidence       *evidence)
{
  gboolean same;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (RD_IS_EVIDENCE_DETAIL (self));

  same = evidence && self->evidence && rd_evidence_get_id (evidence) == rd_evidence_get_id (self->evidence);
  if (!same)
    {
      g_clear_pointer (&self->password, g_free);
      self->page = 0;
      self->n_pages = evidence ? MAX (rd_evidence_get_page_count (evidence), 1) : 0;
    }
  g_set_object (&self->evidence, evidence);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.open", evidence != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.delete", evidence != NULL);
  if (evidence == NULL)
    {
      load_preview (self);
      return;
    }

  name = rd_evidence_dup_display_name (evidence);
  summary = rd_evidence_dup_summary (evidence);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->problem_label, rd_evidence_get_problem (evidence));
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), *rd_evidence_get_problem (evidence) != '\0');
  gtk_widget_set_visible (self->password_button, rd_evidence_get_needs_password (evidence));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), rd_evidence_get_description (evidence));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  fill_links (self);
  fill_targets (self);
  if (!same || gtk_picture_get_paintable (self->preview_picture) == NULL)
    load_preview (self);
}

RdEvidence *
rd_evidence_detail_get_evidence (RdEvidenceDetail *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_DETAIL (self), NULL);
  return self->evidence;
}

int
rd_evidence_detail_get_page (RdEvidenceDetail *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_DETAIL (self), 0);
  return self->page;
}

int
rd_evidence_detail_get_n_pages (RdEvidenceDetail *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_DETAIL (self), 0);
  return self->n_pages;
}

/* Whether a picture (photo or PDF page) is showing. */
gboolean
rd_evidence_detail_is_previewed (RdEvidenceDetail *self)
{
  g_return_val_if_fail (RD_IS_EVIDENCE_DETAIL (self), FALSE);
  return g_str_equal (gtk_stack_get_visible_child_name (self->preview_stack), "picture") &&
         gtk_picture_get_paintable (self->preview_picture) != NULL;
}

static void
on_description_apply_cb (RdEvidenceDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (self->evidence == NULL)
    return;
  if (!rd_store_set_evidence_description (self->store, rd_evidence_get_id (self->evidence),
                                          gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                          &error))
    rd_gui_show_toast (GTK_WIDGET (self), error->message);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdEvidenceDetail *self = RD_EVIDENCE_DETAIL (widget);
  guint selected = adw_combo_row_get_selected (self->target_row);
  g_autoptr(GError) error = NULL;
  RdLinkTarget *target;

  if (self->evidence == NULL || selected >= self->targets->len)
    return;
  target = &g_array_index (self->targets, RdLinkTarget, selected);
  if (!rd_store_link_evidence (self->store, rd_evidence_get_id (self->evidence), target->kind, target->id,
                               gtk_editable_get_text (GTK_EDITABLE (self->note_row)), &error))
    rd_gui_show_toast (GTK_WIDGET (self), error->message);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
}

static void
turn_page (RdEvidenceDetail *self,
           int               delta)
{
  int page = CLAMP (self->page + delta, 0, MAX (self->n_pages - 1, 0));

  if (page == self->page)
    return;
  self->page = page;
  load_preview (self);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  turn_page (RD_EVIDENCE_DETAIL (widget), -1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  turn_page (RD_EVIDENCE_DETAIL (widget), 1);
}

static void
on_copied_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RdEvidenceDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAppInfo) app = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autofree char *path = NULL;
  GList files = { NULL, NULL, NULL };
  GFile *target = g_object_get_data (source, "target");

  if (!g_file_copy_finish (G_FILE (source), result, &error))
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  path = g_file_get_path (target);
  /* Read-only, so another program cannot quietly save over it. */
  g_chmod (path, 0400);

  /* The program this computer uses for the file's type, given the local
   * file itself: nothing here goes near the network. */
  if (self->evidence != NULL)
    app = g_app_info_get_default_for_type (rd_evidence_get_content_type (self->evidence), FALSE);
  if (app == NULL)
    {
      rd_gui_show_toast (GTK_WIDGET (self), _("No program on this computer opens this kind of file."));
      return;
    }
  files.data = target;
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self))));
  if (!g_app_info_launch (app, &files, context, &error))
    rd_gui_show_toast (GTK_WIDGET (self), error->message);
}

/*
 * Opens a copy, named as the resident knows it, in the system's viewer: the
 * stored file keeps its hash for a name and must never be edited in place.
 */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdEvidenceDetail *self = RD_EVIDENCE_DETAIL (widget);
  g_autofree char *dir = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target_path = NULL;
  g_autoptr(GFile) source = NULL;
  GFile *target;

  if (self->evidence == NULL)
    return;
  sub = g_strdup_printf ("redress-open/%" G_GINT64_FORMAT, rd_evidence_get_id (self->evidence));
  dir = g_build_filename (g_get_user_runtime_dir (), sub, NULL);
  g_mkdir_with_parents (dir, 0700);
  name = g_path_get_basename (rd_evidence_get_original_name (self->evidence));
  if (*name == '\0' || g_str_equal (name, ".") || g_str_equal (name, G_DIR_SEPARATOR_S))
    {
      g_free (name);
      name = g_strdup ("evidence");
    }
  target_path = g_build_filename (dir, name, NULL);
  target = g_file_new_for_path (target_path);
  g_chmod (target_path, 0600);
  source = g_file_new_for_path (rd_evidence_get_path (self->evidence));
  g_object_set_data_full (G_OBJECT (source), "target", target, g_object_unref);
  g_file_copy_async (source, target, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT, NULL, NULL, NULL,
                     on_copied_cb, g_object_ref (self));
}

/* The password tried, kept for the preview once the PDF opens with it. */
typedef struct {
  RdEvidenceDetail *self;
  gint64            evidence_id;
  char             *password;
} UnlockCall;

static void
unlock_call_free (UnlockCall *call)
{
  g_object_unref (call->self);
  rd_secret_free (call->password);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnlockCall, unlock_call_free)

static void
on_unlocked_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UnlockCall) call = user_data;
  RdEvidenceDetail *self = call->self;
  g_autoptr(GError) error = NULL;

  /* The store has announced the change by now: the page reloads from it. */
  if (!rd_evidence_unlock_finish (result, &error))
    {
      rd_gui_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (self->evidence != NULL && rd_evidence_get_id (self->evidence) == call->evidence_id)
    {
      g_free (self->password);
      self->password = g_strdup (call->password);
      load_preview (self);
    }
}

static void
on_password_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         RdEvidenceDetail *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  UnlockCall *call;

  if (!g_str_equal (response, "unlock") || self->evidence == NULL)
    return;
  call = g_new0 (UnlockCall, 1);
  call->self = g_object_ref (self);
  call->evidence_id = rd_evidence_get_id (self->evidence);
  call->password = g_strdup (gtk_editable_get_text (entry));
  rd_evidence_unlock_async (self->store, call->evidence_id, call->password, NULL,
                            on_unlocked_cb, call);
}

static void
password_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RdEvidenceDetail *self = RD_EVIDENCE_DETAIL (widget);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->evidence == NULL)
    return;
  name = rd_evidence_dup_display_name (self->evidence);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Enter the PDF’s Password"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” is protected by a password. Redress uses it to read the "
                                    "pages and text, and does not keep it."), name);
  /* A GtkEntry that hides what is typed: GTK 4.8's GtkPasswordEntry
   * warns about a dead pointer when its dialog is destroyed. */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Password"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "unlock", _("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "unlock");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_password_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RdEvidenceDetail *self)
{
  RdEvidence *evidence = g_object_get_data (G_OBJECT (dialog), "evidence");
  gint64 id = rd_evidence_get_id (evidence);
  /* The page may put this detail away as the evidence goes: ask its
   * window, taken now, to offer Undo. */
  g_autoptr(GtkWidget) root = GTK_WIDGET (g_object_ref (gtk_widget_get_root (GTK_WIDGET (self))));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (rd_store_delete_undoable (self->store, rd_store_delete_evidence, id, &error) == 0)
    rd_gui_show_toast (GTK_WIDGET (self), error->message);
  else
    rd_gui_offer_undo (root, _("Evidence deleted"), _("Evidence restored"), "evidence", id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdEvidenceDetail *self = RD_EVIDENCE_DETAIL (widget);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->evidence == NULL)
    return;
  name = rd_evidence_dup_display_name (self->evidence);
  body = g_strdup_printf (_("Redress will no longer keep “%s”, its description or its "
                            "links. The file you imported it from is not touched. You can "
                            "undo this straight after."), name);
  dialog = rd_gui_confirm_destructive (widget, _("Delete This Evidence?"), body,
                                       _("_Keep It"), "delete", _("_Delete"),
                                       G_CALLBACK (on_delete_response_cb), self);
  g_object_set_data_full (G_OBJECT (dialog), "evidence", g_object_ref (self->evidence), g_object_unref);
}

static void
rd_evidence_detail_dispose (GObject *object)
{
  RdEvidenceDetail *self = RD_EVIDENCE_DETAIL (object);

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_EVIDENCE_DETAIL);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->evidence);
  g_clear_object (&self->store);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->targets, g_array_unref);

  G_OBJECT_CLASS (rd_evidence_detail_parent_class)->dispose (object);
}

static void
rd_evidence_detail_class_init (RdEvidenceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_evidence_detail_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-evidence-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, password_button);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, preview_message);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, pager);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, page_label);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, description_row);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, links_list);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, target_row);
  gtk_widget_class_bind_template_child (widget_class, RdEvidenceDetail, note_row);
  gtk_widget_class_bind_template_callback (widget_class, on_description_apply_cb);

  gtk_widget_class_install_action (widget_class, "evidence.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "evidence.password", NULL, password_action);
  gtk_widget_class_install_action (widget_class, "evidence.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "evidence.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "evidence.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "evidence.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "evidence.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "evidence.next-page", NULL);
}

static void
rd_evidence_detail_init (RdEvidenceDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->targets = g_array_new (FALSE, FALSE, sizeof (RdLinkTarget));
  rd_gui_label_entry_row (self->description_row, _("Description"));
  rd_gui_label_entry_row (self->note_row, _("What it shows"));
  rd_gui_combo_row_show_choice_in_full (self->target_row, NULL);
  update_pager (self);
}
