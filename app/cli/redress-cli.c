/* redress-cli.c: the Redress core from a terminal, for advisers' scripts and tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "rd-cli.h"
#include "rd-memory.h"

/* The table's entries point at offsets into RdCliOptions: here they are
 * pointed at @options itself. Callbacks keep their function. */
static GOptionEntry *
bind_entries (const GOptionEntry *table,
              RdCliOptions       *options)
{
  guint n = 0;
  GOptionEntry *entries;

  while (table[n].long_name != NULL)
    n++;
  entries = g_new0 (GOptionEntry, n + 1);
  for (guint i = 0; i < n; i++)
    {
      entries[i] = table[i];
      if (table[i].arg != G_OPTION_ARG_CALLBACK)
        entries[i].arg_data = (char *) options + GPOINTER_TO_SIZE (table[i].arg_data);
    }
  return entries;
}

static GOptionGroup *
new_group (const char         *name,
           const char         *description,
           const char         *help_description,
           const GOptionEntry *table,
           RdCliOptions       *options)
{
  GOptionGroup *group = g_option_group_new (name, description, help_description, options, NULL);
  g_autofree GOptionEntry *entries = bind_entries (table, options);

  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  return group;
}

/* The column where GOptionContext starts its options' descriptions, so that
 * the commands listed above them line up with them. */
static glong
find_help_column (GOptionContext *context)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
  g_auto(GStrv) lines = g_strsplit (help, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *gap;

      if (!g_str_has_prefix (lines[i], "  -") || (gap = strstr (lines[i] + 2, "  ")) == NULL)
        continue;
      while (*gap == ' ')
        gap++;
      return g_utf8_pointer_to_offset (lines[i], gap);
    }
  return 24;
}

/* "redress-cli --help": the global options, and the commands a line each. */
static GOptionContext *
new_main_context (RdCliOptions *options)
{
  GOptionContext *context = g_option_context_new ("COMMAND [ARGUMENTS…]");
  g_autoptr(GString) summary = g_string_new (_("Commands:"));
  glong column;

  g_option_context_set_main_group (context, new_group ("redress-cli", NULL, NULL,
                                                       rd_cli_global_entries, options));
  column = find_help_column (context);
  for (guint i = 0; i < rd_cli_n_commands; i++)
    {
      glong width = 2 + g_utf8_strlen (rd_cli_commands[i].name, -1);

      /* printf pads by bytes; this pads by characters. */
      g_string_append_printf (summary, "\n  %s%*s%s", rd_cli_commands[i].name,
                              (int) MAX (1, column - width), "", _(rd_cli_commands[i].summary));
    }
  g_option_context_set_summary (context, summary->str);
  g_option_context_set_description (context, _("Run “redress-cli COMMAND --help” to see a "
                                               "command’s options."));
  return context;
}

/* "redress-cli COMMAND …": the command's own options, then the global ones. */
static GOptionContext *
new_command_context (const RdCliCommand *command,
                     RdCliOptions       *options)
{
  GOptionContext *context = g_option_context_new (command->parameters);

  g_option_context_set_main_group (context, new_group (command->name, NULL, NULL,
                                                       command->entries, options));
  g_option_context_add_group (context,
                              new_group ("global", _("Options of every command:"),
                                         _("Show the options every command takes"),
                                         rd_cli_global_entries, options));
  g_option_context_set_summary (context, command->summary);
  /* Left for us: a negative number ("add-workdays DATE -1") is an argument. */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  return context;
}

static void
clear_options (RdCliOptions *o)
{
  char **strings[] = { &o->today, &o->output, &o->language, &o->country, &o->search,
                       &o->ocr_languages, &o->letter, &o->anonymise_key, &o->paper,
                       &o->chronology_odt, &o->chronology_csv, &o->exclude, &o->order,
                       &o->layout, &o->max_size, &o->stamp };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&o->password_files, g_strfreev);
  g_clear_pointer (&o->data_dirs, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RdCliOptions, clear_options)

/* The command is the first word that is neither an option nor the folder
 * of a --data-dir before it; -1 when there is none. */
static int
find_command (int    argc,
              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return -1;
      if (g_str_equal (argv[i], "--data-dir"))
        i++;
      else if (argv[i][0] != '-' || argv[i][1] == '\0')
        return i;
    }
  return -1;
}

static gboolean
is_negative_number (const char *arg)
{
  return arg[0] == '-' && g_ascii_isdigit (arg[1]);
}

static int
run_without_command (int    argc,
                     char **argv)
{
  g_auto(RdCliOptions) options = { 0 };
  g_autoptr(GOptionContext) context = new_main_context (&options);
  g_autoptr(GError) error = NULL;
  g_autofree char *help = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rd_cli_usage_error ("%s", error->message);
  if (options.version)
    {
      g_print ("redress-cli %s\n", PACKAGE_VERSION);
      return RD_CLI_OK;
    }
  help = g_option_context_get_help (context, TRUE, NULL);
  g_print ("%s", help);
  return RD_CLI_USAGE;
}

/* Parses the command's options into @options and leaves its arguments in
 * @rest: what follows "--" is never an option, so it is kept from GOption. */
static int
parse_command (const RdCliCommand *command,
               int                 argc,
               char              **argv,
               int                 at,
               RdCliOptions       *options,
               GPtrArray          *rest)
{
  g_autoptr(GOptionContext) context = new_command_context (command, options);
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("redress-cli %s", command->name);
  char **parsed;
  int n_parsed, i;

  g_ptr_array_add (before, argv[0]);
  for (i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (i != at)
      g_ptr_array_add (before, argv[i]);
  n_parsed = before->len;
  g_ptr_array_add (before, NULL);
  parsed = (char **) before->pdata;

  /* The usage line of "--help" names the command. */
  g_set_prgname (prgname);
  if (!g_option_context_parse (context, &n_parsed, &parsed, &error))
    return rd_cli_usage_error ("%s: %s", command->name, error->message);
  g_set_prgname ("redress-cli");

  for (int j = 1; j < n_parsed; j++)
    {
      if (parsed[j][0] == '-' && parsed[j][1] != '\0' && !is_negative_number (parsed[j]))
        return rd_cli_usage_error (_("“%s” is not an option of %s. Run “redress-cli %s --help” "
                                     "to see its options."),
                                   parsed[j], command->name, command->name);
      g_ptr_array_add (rest, parsed[j]);
    }
  for (i++; i < argc; i++)
    g_ptr_array_add (rest, argv[i]);
  return RD_CLI_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) data_dirs = g_strv_builder_new ();
  g_auto(GStrv) all_data_dirs = NULL;
  g_autofree char *absolute_data_dir = NULL;
  g_autoptr(RdClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RdCliOptions) options = { 0 };
  RdCliContext ctx = { 0 };
  const RdCliCommand *command = NULL;
  int at, status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("redress-cli");

  /* Options may come before or after the command; "--" ends the options,
   * so a file named "--json" still works. */
  at = find_command (argc, argv);
  if (at < 0)
    return run_without_command (argc, argv);
  for (guint i = 0; i < rd_cli_n_commands && command == NULL; i++)
    if (g_str_equal (argv[at], rd_cli_commands[i].name))
      command = &rd_cli_commands[i];
  if (command == NULL)
    return rd_cli_usage_error (_("“%s” is not a command. Run “redress-cli --help” to see them."),
                               argv[at]);

  status = parse_command (command, argc, argv, at, &options, rest);
  if (status != RD_CLI_OK)
    return status;
  if (options.version)
    {
      g_print ("redress-cli %s\n", PACKAGE_VERSION);
      return RD_CLI_OK;
    }
  /* A bundle's drawing makes and lets go of millions of small blocks,
   * which GLib 2.74's slices would keep: its peak at 100,000 entries is
   * about a fifth lower without them. The window is not started so: GTK's
   * own small blocks took more memory from the C library than as slices. */
  if (command->func == rd_cli_export)
    rd_memory_restart_without_slices (argv);

  /* Made absolute once, here: libraries given a file path later (poppler
   * takes URIs, staging folders are compared by prefix) must all see the
   * same folder, whatever the current directory is then. */
  for (guint i = 0; options.data_dirs != NULL && options.data_dirs[i] != NULL; i++)
    {
      g_free (absolute_data_dir);
      absolute_data_dir = g_canonicalize_filename (options.data_dirs[i], NULL);
      g_strv_builder_add (data_dirs, absolute_data_dir);
    }
  ctx.data_dir = absolute_data_dir;
  ctx.data_dirs = all_data_dirs = g_strv_builder_end (data_dirs);
  ctx.json = options.json;
  ctx.options = &options;
  ctx.command = command;

  g_ptr_array_add (rest, NULL);
  ctx.n_args = rest->len - 1;
  ctx.args = (char **) rest->pdata;
  /* REDRESS_TODAY=YYYY-MM-DD is for tests: every command then runs as if
   * it were noon that day. */
  clock = rd_clock_new_from_env ("REDRESS_TODAY", &error);
  if (clock == NULL)
    return rd_cli_usage_error ("%s", error->message);
  ctx.clock = clock;

  return command->func (&ctx);
}
