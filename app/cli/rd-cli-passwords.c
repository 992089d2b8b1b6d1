/* rd-cli-passwords.c: passwords of protected PDFs, from a file or typed at the terminal.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Never from the command line: other people on the computer can see a
 * program's arguments, and the shell keeps them in its history.
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "rd-cli.h"
#include "rd-secret.h"

/**
 * rd_cli_read_password_file:
 *
 * Reads lines "KEY<TAB>password" (blank lines and lines starting with #
 * are skipped; the password is everything after the first tab, up to the
 * end of the line).
 *
 * Returns: (transfer full): KEY → password, or %NULL after printing why.
 */
GHashTable *
rd_cli_read_password_file (const char *path)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, rd_secret_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_printerr (_("redress-cli: The password file could not be read: %s\n"), error->message);
      return NULL;
    }
  lines = g_strsplit (contents, "\n", -1);
  memset (contents, 0, len);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize n = strlen (line);
      char *tab;

      if (n > 0 && line[n - 1] == '\r')
        line[--n] = '\0';
      if (n == 0 || line[0] == '#')
        continue;
      tab = strchr (line, '\t');
      if (tab == NULL || tab == line)
        {
          g_printerr (_("redress-cli: Line %u of the password file is not “NAME”, a tab, then the "
                        "password.\n"), i + 1);
          for (guint j = 0; lines[j] != NULL; j++)
            rd_secret_wipe (lines[j]);
          return NULL;
        }
      g_hash_table_replace (table, g_strndup (line, (gsize) (tab - line)), g_strdup (tab + 1));
    }
  for (guint j = 0; lines[j] != NULL; j++)
    rd_secret_wipe (lines[j]);
  return g_steal_pointer (&table);
}

/**
 * rd_cli_ask_password:
 *
 * Asks for a password at the terminal, without showing what is typed.
 *
 * Returns: (transfer full) (nullable): the password, or %NULL when there is
 *   no terminal or nothing was typed.
 */
char *
rd_cli_ask_password (const char *prompt)
{
  struct termios old, quiet;
  char buffer[1024];
  gboolean hidden;
  FILE *tty;
  char *password = NULL;
  int fd;

  if (!isatty (STDIN_FILENO))
    return NULL;
  fd = g_open ("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    return NULL;
  tty = fdopen (fd, "r+");
  if (tty == NULL)
    {
      close (fd);
      return NULL;
    }
  fputs (prompt, tty);
  fflush (tty);
  hidden = tcgetattr (fd, &old) == 0;
  if (hidden)
    {
      quiet = old;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      quiet.c_lflag |= ECHONL;
      hidden = tcsetattr (fd, TCSAFLUSH, &quiet) == 0;
    }
  if (fgets (buffer, sizeof buffer, tty) != NULL)
    {
      buffer[strcspn (buffer, "\r\n")] = '\0';
      if (buffer[0] != '\0')
        password = g_strdup (buffer);
    }
  explicit_bzero (buffer, sizeof buffer);
  if (hidden)
    tcsetattr (fd, TCSAFLUSH, &old);
  fclose (tty);
  return password;
}
