/* rd-test-gui.h: helpers for in-process GUI tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-application.h"
#include "rd-incident-editor.h"
#include "rd-window.h"

G_BEGIN_DECLS

void           rd_test_gui_init             (int          *argc,
                                             char       ***argv);
RdApplication *rd_test_gui_app_new          (const char   *data_dir);
void           rd_test_gui_iterate          (void);
gboolean       rd_test_gui_wait_until       (gboolean    (*condition) (gpointer),
                                             gpointer      data,
                                             guint         timeout_ms);
void           rd_test_gui_wait_for_draw    (GtkWidget    *widget);
GtkWidget     *rd_test_gui_find_by_type     (GtkWidget    *root,
                                             GType         type);
GtkWidget     *rd_test_gui_find_by_text     (GtkWidget    *root,
                                             const char   *text);
GtkWidget     *rd_test_gui_find_by_id       (GtkWidget    *root,
                                             const char   *id);
void           rd_test_gui_make_newer_store (const char   *path);
void           rd_test_gui_remove_tree      (const char   *path);
RdWindow      *rd_test_gui_window_new       (RdApplication *app,
                                             int           width,
                                             int           height);
void           rd_test_gui_close_app        (RdApplication **app,
                                             char         **dir);
gboolean       rd_test_gui_save_screenshot  (GtkWidget    *widget,
                                             const char   *png_path);

char          *rd_test_gui_data_dir_new     (RdCase       *rcase);
RdIncident    *rd_test_gui_stored_incident  (RdStore      *store,
                                             gint64        id);
GtkWidget     *rd_test_gui_child            (GtkWidget    *root,
                                             const char   *id);
RdIncidentEditor *rd_test_gui_incident_editor (RdWindow   *window);
gboolean       rd_test_gui_switch_is_on     (gpointer      toggle);
void           rd_test_gui_press_switch     (GtkWidget    *toggle);
void           rd_test_gui_set_day          (GtkWidget    *picker,
                                             int           year,
                                             int           month,
                                             int           day);
GtkWidget     *rd_test_gui_find_label_showing (GtkWidget  *widget,
                                              const char *text);
void           rd_test_gui_check_name       (GtkWidget    *widget,
                                             const char   *name);
AdwMessageDialog *rd_test_gui_find_message_dialog (void);

char          *rd_test_gui_describe         (GtkWidget    *widget);
char          *rd_test_gui_path_to          (const char   *path,
                                             GtkWidget    *widget);
int            rd_test_gui_min_width        (GtkWidget    *widget);
void           rd_test_gui_name_wide_widgets (GtkWidget   *widget,
                                             int           limit,
                                             gboolean      with_children,
                                             GString      *out);
guint          rd_test_gui_open_expanders   (GtkWidget    *root);
gboolean       rd_test_gui_press_key        (GtkWidget       *widget,
                                             guint            keyval,
                                             GdkModifierType  state);
gboolean       rd_test_gui_press_key_on_focus (GtkWindow     *window,
                                               guint          keyval,
                                               GdkModifierType state);

G_END_DECLS
