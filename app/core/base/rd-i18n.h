/* rd-i18n.h: the core's translations, in the interface's language or a document's.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's `_()`, `C_()`, rd_ngettext() and rd_npgettext() (rd-gettext.h)
 * look a message up in the usual way (gettext, the interface's language) unless the
 * calling thread is writing a document in another language: a resident may
 * read Redress in Urdu and still send the landlord a letter in English, or
 * write to a Welsh landlord in Welsh. rd_i18n_push_language() sets that
 * language for the thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of the source strings: no catalogue is needed for it. */
#define RD_I18N_SOURCE_LANGUAGE "en"

const char  *rd_gettext                   (const char  *msgid) G_GNUC_FORMAT (1);
const char  *rd_pgettext                  (const char  *msgctxt_id,
                                           gsize        msgid_offset) G_GNUC_FORMAT (1);
const char  *rd_ngettext                  (const char  *msgid,
                                           const char  *msgid_plural,
                                           gulong       n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);
const char  *rd_npgettext_joined          (const char  *msgctxt_id,
                                           gsize        msgid_offset,
                                           const char  *msgid_plural,
                                           gulong       n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (3);

char        *rd_i18n_push_language        (const char  *language);
void         rd_i18n_pop_language         (char        *previous);
const char  *rd_i18n_get_document_language (void);

gboolean     rd_i18n_language_code_is_valid (const char *language);
gboolean     rd_i18n_language_is_available (const char *language);
GStrv        rd_i18n_list_languages       (void);
const char  *rd_i18n_get_language_name    (const char  *language);
gboolean     rd_i18n_language_is_rtl      (const char  *language);

G_END_DECLS
