/* fuzz-email.c: libFuzzer harness for the saved email (.eml) reader.
 *
 * Every input is written to a file and read as adding an .eml as evidence
 * reads it, attachments decoded; then through the evidence readers, which
 * also make the contact entry's text. Nothing may crash, leak or hang.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <stdint.h>

#include "rd-core.h"
#include "rd-email.h"
#include "rd-evidence-probe.h"

static char *work_dir;
static char *eml_path;

static void
quiet_log (const char     *domain,
           GLogLevelFlags  level,
           const char     *message,
           gpointer        user_data)
{
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  work_dir = g_dir_make_tmp ("redress-fuzz-eml-XXXXXX", NULL);
  g_assert (work_dir != NULL);
  eml_path = g_build_filename (work_dir, "message.eml", NULL);
  g_log_set_default_handler (quiet_log, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdEmail) email = NULL;
  g_autofree char *content_type = NULL;

  g_assert (g_file_set_contents (eml_path, (const char *) data, (gssize) size, NULL));
  /* Every way the importer and the bundle read it: in memory, by
   * fingerprint, and saved to a file piece by piece. */
  email = rd_email_read (eml_path, RD_EMAIL_ATTACHMENT_DATA | RD_EMAIL_ATTACHMENT_SHA256 |
                                   RD_EMAIL_KEEP_PARTS, &error);
  g_assert ((email == NULL) == (error != NULL));
  if (email != NULL)
    {
      g_assert (email->subject != NULL && email->text != NULL);
      for (guint i = 0; i < email->attachments->len; i++)
        {
          RdEmailAttachment *a = g_ptr_array_index (email->attachments, i);
          g_autoptr(GError) save_error = NULL;
          goffset saved = -1;
          int fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);

          g_assert (a->name != NULL && *a->name != '\0');
          g_assert (fd >= 0);
          if (rd_email_save_attachment (email, i, fd, &saved, &save_error))
            g_assert (saved >= 0);
          close (fd);
        }
    }
  content_type = rd_evidence_probe_file (eml_path, "message.eml");
  g_unlink (eml_path);
  return 0;
}
