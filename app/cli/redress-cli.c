/* redress-cli.c: the Redress core from a terminal, for advisers' scripts and tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "rd-cli.h"

static const RdCliCommand commands[] = {
  { "cases", "cases [--json]", N_("List the cases"), rd_cli_cases },
  { "incidents", "incidents CASE_ID [--json]", N_("List a case’s diary, newest first"), rd_cli_incidents },
  { "holidays", "holidays YEAR [--json]", N_("List the England and Wales bank holidays of a year"), rd_cli_holidays },
  { "workdays", "workdays FROM TO", N_("Count the working days after FROM up to and including TO"), rd_cli_workdays },
  { "deadlines", "deadlines CASE_ID [--today DATE] [--json]", N_("Every deadline of a case, with how it was worked out"), rd_cli_deadlines },
  { "add-workdays", "add-workdays DATE N", N_("The date N working days after DATE (day 1 is the next working day)"), rd_cli_add_workdays },
  { "import", "import FILE.json [--country england|wales]", N_("Create a case from a case JSON file; prints its number"), rd_cli_import },
  { "export-json", "export-json CASE_ID", N_("Write a whole case as JSON (the import format)"), rd_cli_export_json },
  { "asb-review", "asb-review CASE_ID [--today DATE] [--json]", N_("The case’s reports against its council’s ASB Case Review threshold, as an application summary"), rd_cli_asb_review },
  { "remedies", "remedies CASE_ID [--today DATE] [--json]", N_("What the Housing Ombudsman’s guidance suggests asking for, for each kind of failure found, with its source"), rd_cli_remedies },
  { "ics", "ics CASE_ID > file.ics", N_("Write a case’s open deadlines as calendar events"), rd_cli_ics },
  { "timeline", "timeline CASE_ID --output FILE.svg|FILE.png [--today DATE] [--language CODE]", N_("Draw a case’s incidents, contacts and complaint deadlines week by week, as a picture"), rd_cli_timeline },
  { "add-evidence", "add-evidence CASE_ID [--password-file FILE] FILE…", N_("Keep files as evidence of a case; prints each new exhibit number"), rd_cli_add_evidence },
  { "evidence", "evidence CASE_ID [--json]", N_("List a case’s evidence with its exhibit numbers, oldest first"), rd_cli_evidence },
  { "ocr", "ocr CASE_ID [--languages eng+cym]", N_("Read the text of the case’s scanned pages and photos, for evidence search and the bundle"), rd_cli_ocr },
  { "verify", "verify CASE_ID", N_("Check that every evidence file is still as it was imported"), rd_cli_verify },
  { "export", "export CASE_ID --output FILE.pdf [--letter stage1|chaser|escalation|ombudsman] [--no-letter] [--anonymise [--anonymise-key FILE] [--anonymise-accept-unchecked]] [--paper a4|letter] [--landscape] [--smaller] [--password-file FILE] [--chronology-odt FILE] [--chronology-csv FILE] [--exclude N[,N...]] [--order N,N,...] [--layout FILE.json] [--language CODE] [--max-size MB] [--stamp page|section]", N_("Write the complaint and its evidence bundle as one PDF. Exhibits keep the numbers that “evidence” lists, which --exclude and --order take; an exhibit left out leaves a gap in the numbers"), rd_cli_export },
  { "layout", "layout CASE_ID [--reset]", N_("Print the bundle’s sections and what each holds, as JSON to edit and give to export --layout"), rd_cli_layout },
  { "case-list", "case-list [--search TEXT] [--archived] [--json]", N_("The adviser’s case list: soonest date due first"), rd_cli_case_list },
  { "erase", "erase CASE_ID --yes", N_("Erase a client’s case for good, with its history and evidence files"), rd_cli_erase },
  { "language", "language CASE_ID [CODE] [--json]", N_("Show or set the language a case’s letters and bundle are written in"), rd_cli_language },
  { "export-case", "export-case CASE_ID --output FILE.redress", N_("Hand a case over: write it with its evidence to one archive"), rd_cli_export_case },
  { "import-case", "import-case FILE.redress [--as-copy]", N_("Take a handed-over case in, after checking every file; prints its number"), rd_cli_import_case },
  { "remind", "remind [--data-dir DIR]…", N_("Send a desktop notification for each deadline newly overdue or due by the next working day, in every data folder Redress has opened (or in each DIR given)"), rd_cli_remind },
};

/* printf pads by bytes; this pads by characters, so "FILE…" lines up too.
 * A usage too long for its column gets a line of its own. */
static void
print_help_line (const char *usage,
                 const char *summary)
{
  glong width = g_utf8_strlen (usage, -1);

  if (width > 44)
    g_print ("  %s\n  %44s %s\n", usage, "", summary);
  else
    g_print ("  %s%*s %s\n", usage, (int) (44 - width), "", summary);
}

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: redress-cli [--data-dir DIR] COMMAND [ARGUMENTS…]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    print_help_line (commands[i].usage, _(commands[i].summary));
  g_print ("\n%s\n", _("Options:"));
  print_help_line ("--data-dir DIR", _("Use the case file in DIR instead of the usual place"));
  print_help_line ("--json", _("Print JSON instead of text, where a command offers it"));
  print_help_line ("--help", _("Show this help"));
  print_help_line ("--version", _("Show the version"));
}

static void
add_data_dir (GStrvBuilder *builder,
              const char   *data_dir)
{
  g_autofree char *absolute = g_canonicalize_filename (data_dir, NULL);

  g_strv_builder_add (builder, absolute);
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
  RdCliContext ctx = { 0 };
  const char *name = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Options may come before or after the command; everything else is an
   * argument. "--" ends the options, so a file named "--json" still works. */
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        {
          for (i++; i < argc; i++)
            g_ptr_array_add (rest, argv[i]);
          break;
        }
      else if (g_str_equal (arg, "--data-dir"))
        {
          if (i + 1 >= argc)
            return rd_cli_usage_error (_("--data-dir needs a folder."));
          ctx.data_dir = argv[++i];
          add_data_dir (data_dirs, ctx.data_dir);
        }
      else if (g_str_has_prefix (arg, "--data-dir="))
        {
          ctx.data_dir = arg + strlen ("--data-dir=");
          add_data_dir (data_dirs, ctx.data_dir);
        }
      else if (g_str_equal (arg, "--json"))
        ctx.json = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help ();
          return RD_CLI_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("redress-cli %s\n", PACKAGE_VERSION);
          return RD_CLI_OK;
        }
      else if (name == NULL && arg[0] != '-')
        name = arg;
      else
        g_ptr_array_add (rest, (gpointer) arg);
    }

  if (name == NULL)
    {
      print_help ();
      return RD_CLI_USAGE;
    }

  /* Made absolute once, here: libraries given a file path later (poppler
   * takes URIs, staging folders are compared by prefix) must all see the
   * same folder, whatever the current directory is then. */
  if (ctx.data_dir != NULL)
    ctx.data_dir = absolute_data_dir = g_canonicalize_filename (ctx.data_dir, NULL);
  ctx.data_dirs = all_data_dirs = g_strv_builder_end (data_dirs);

  g_ptr_array_add (rest, NULL);
  ctx.n_args = rest->len - 1;
  ctx.args = (char **) rest->pdata;
  /* REDRESS_TODAY=YYYY-MM-DD is for tests: every command then runs as if
   * it were noon that day. */
  clock = rd_clock_new_from_env ("REDRESS_TODAY", &error);
  if (clock == NULL)
    return rd_cli_usage_error ("%s", error->message);
  ctx.clock = clock;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return commands[i].func (&ctx);

  return rd_cli_usage_error (_("“%s” is not a command. Run “redress-cli --help” to see them."), name);
}
