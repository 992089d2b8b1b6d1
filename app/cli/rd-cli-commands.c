/* rd-cli-commands.c: redress-cli's commands and the options each one takes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-cli.h"

/* The arg_description of an option (FILE, DATE, CODE) stays as written in
 * every language, as the parameters do: they stand for what is typed. */

/* A password typed on the command line can be read by anyone who lists the
 * processes. It is taken here, with or without a value, only so that the
 * command can refuse it with its reason instead of "Unknown option". */
static gboolean
on_password_cb (const char  *option_name,
                const char  *value,
                gpointer     data,
                GError     **error)
{
  RdCliOptions *options = data;

  options->password_given = TRUE;
  return TRUE;
}

#define JSON_ENTRY \
  { "json", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (json), N_("Print JSON instead of text"), NULL }
#define TODAY_ENTRY \
  { "today", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (today), \
    N_("Judge the case as on DATE instead of today"), "YYYY-MM-DD" }
#define PASSWORD_ENTRY \
  { "password", 0, G_OPTION_FLAG_HIDDEN | G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, \
    on_password_cb, NULL, NULL }

static const GOptionEntry no_entries[] = {
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry json_entries[] = {
  JSON_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry case_day_entries[] = {
  TODAY_ENTRY,
  JSON_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry import_entries[] = {
  { "country", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (country),
    N_("Take the case as one in England or in Wales, whatever the file says"), "england|wales" },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry ics_entries[] = {
  TODAY_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry timeline_entries[] = {
  { "output", 0, 0, G_OPTION_ARG_FILENAME, RD_CLI_OPTION (output),
    N_("Write the picture to FILE, as SVG or PNG by its name"), "FILE.svg|FILE.png" },
  TODAY_ENTRY,
  { "language", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (language),
    N_("Write the picture’s words in this language instead of the case’s"), "CODE" },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry add_evidence_entries[] = {
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, RD_CLI_OPTION (password_files),
    N_("Read the passwords of protected PDFs from FILE: lines of the file’s name, a tab, "
       "then its password"), "FILE" },
  PASSWORD_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry ocr_entries[] = {
  { "languages", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (ocr_languages),
    N_("Read in these Tesseract languages, joined by “+”"), "eng+cym" },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry export_entries[] = {
  { "output", 0, 0, G_OPTION_ARG_FILENAME, RD_CLI_OPTION (output),
    N_("Write the PDF to FILE"), "FILE.pdf" },
  { "letter", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (letter),
    N_("Start with this letter instead of the one that fits the complaint’s stage"),
    "stage1|chaser|escalation|ombudsman" },
  { "no-letter", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (no_letter),
    N_("Start with no letter"), NULL },
  { "anonymise", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (anonymise),
    N_("Print other people as labels, such as “Neighbour A”, instead of their names"), NULL },
  { "anonymize", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, RD_CLI_OPTION (anonymise),
    NULL, NULL },
  { "anonymise-key", 0, 0, G_OPTION_ARG_FILENAME, RD_CLI_OPTION (anonymise_key),
    N_("With --anonymise, also write who each label stands for to FILE"), "FILE" },
  { "anonymise-accept-unchecked", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (accept_unchecked),
    N_("With --anonymise, go on although some exhibits’ words were never read"), NULL },
  { "paper", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (paper),
    N_("The paper size of the bundle"), "a4|letter" },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (landscape),
    N_("Keep pages wider than tall on their side"), NULL },
  { "smaller", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (smaller),
    N_("Store photos at a lower resolution, for a smaller file"), NULL },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, RD_CLI_OPTION (password_files),
    N_("Read the passwords of protected PDFs from FILE: lines of the exhibit number, a tab, "
       "then its password"), "FILE" },
  PASSWORD_ENTRY,
  { "chronology-odt", 0, 0, G_OPTION_ARG_FILENAME, RD_CLI_OPTION (chronology_odt),
    N_("Also write the chronology to FILE as an OpenDocument text"), "FILE" },
  { "chronology-csv", 0, 0, G_OPTION_ARG_FILENAME, RD_CLI_OPTION (chronology_csv),
    N_("Also write the chronology to FILE as a CSV table"), "FILE" },
  { "exclude", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (exclude),
    N_("Leave out these exhibits"), "N[,N...]" },
  { "order", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (order),
    N_("Put the exhibits in this order"), "N,N,..." },
  { "layout", 0, 0, G_OPTION_ARG_FILENAME, RD_CLI_OPTION (layout),
    N_("Arrange the bundle’s sections as FILE says (see the layout command)"), "FILE.json" },
  { "language", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (language),
    N_("Write the letter, the bundle’s own pages and the chronology in this language "
       "instead of the case’s"), "CODE" },
  { "max-size", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (max_size),
    N_("Split a bundle larger than this many megabytes into volumes"), "MB" },
  { "stamp", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (stamp),
    N_("Stamp each page with its bundle page only, or with its section page too"),
    "page|section" },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry layout_entries[] = {
  { "reset", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (reset),
    N_("Forget the layout kept for the case first"), NULL },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry case_list_entries[] = {
  { "search", 0, 0, G_OPTION_ARG_STRING, RD_CLI_OPTION (search),
    N_("Only the cases that match TEXT"), "TEXT" },
  { "archived", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (archived),
    N_("Archived cases too"), NULL },
  JSON_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry erase_entries[] = {
  { "yes", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (yes),
    N_("Erase it: without this, only say what would go"), NULL },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry export_case_entries[] = {
  { "output", 0, 0, G_OPTION_ARG_FILENAME, RD_CLI_OPTION (output),
    N_("Write the archive to FILE"), "FILE.redress" },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry import_case_entries[] = {
  { "as-copy", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (as_copy),
    N_("Keep it as a second, separate case, even if the same case is already here"), NULL },
  G_OPTION_ENTRY_NULL
};

/* Taken by every command, before or after its name. --data-dir may be given
 * more than once (remind looks in each); the others use the last. */
const GOptionEntry rd_cli_global_entries[] = {
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, RD_CLI_OPTION (data_dirs),
    N_("Use the case file in DIR instead of the usual place"), "DIR" },
  { "version", 0, 0, G_OPTION_ARG_NONE, RD_CLI_OPTION (version),
    N_("Show the version"), NULL },
  G_OPTION_ENTRY_NULL
};

const RdCliCommand rd_cli_commands[] = {
  { "cases", "", N_("List the cases"), json_entries, rd_cli_cases },
  { "incidents", "CASE_ID", N_("List a case’s diary, newest first"), json_entries, rd_cli_incidents },
  { "holidays", "YEAR", N_("List the England and Wales bank holidays of a year"), json_entries,
    rd_cli_holidays },
  { "workdays", "FROM TO", N_("Count the working days after FROM up to and including TO"),
    no_entries, rd_cli_workdays },
  { "deadlines", "CASE_ID", N_("Every deadline of a case, with how it was worked out"),
    case_day_entries, rd_cli_deadlines },
  { "add-workdays", "DATE N", N_("The date N working days after DATE (day 1 is the next working day)"),
    no_entries, rd_cli_add_workdays },
  { "import", "FILE.json", N_("Create a case from a case JSON file; prints its number"),
    import_entries, rd_cli_import },
  { "export-json", "CASE_ID", N_("Write a whole case as JSON (the import format)"), no_entries,
    rd_cli_export_json },
  { "asb-review", "CASE_ID",
    N_("The case’s reports against its council’s ASB Case Review threshold, as an application summary"),
    case_day_entries, rd_cli_asb_review },
  { "remedies", "CASE_ID",
    N_("What the Housing Ombudsman’s guidance suggests asking for, for each kind of failure found, with its source"),
    case_day_entries, rd_cli_remedies },
  { "ics", "CASE_ID", N_("Write a case’s open deadlines as calendar events"), ics_entries, rd_cli_ics },
  { "timeline", "CASE_ID",
    N_("Draw a case’s incidents, contacts and complaint deadlines week by week, as a picture"),
    timeline_entries, rd_cli_timeline },
  { "add-evidence", "CASE_ID FILE…",
    N_("Keep files as evidence of a case; prints each new exhibit number"), add_evidence_entries,
    rd_cli_add_evidence },
  { "evidence", "CASE_ID", N_("List a case’s evidence with its exhibit numbers, oldest first"),
    json_entries, rd_cli_evidence },
  { "ocr", "CASE_ID",
    N_("Read the text of the case’s scanned pages and photos, for evidence search and the bundle"),
    ocr_entries, rd_cli_ocr },
  { "verify", "CASE_ID", N_("Check that every evidence file is still as it was imported"),
    no_entries, rd_cli_verify },
  { "export", "CASE_ID",
    N_("Write the complaint and its evidence bundle as one PDF. Exhibits keep the numbers that “evidence” lists, which --exclude and --order take; an exhibit left out leaves a gap in the numbers"),
    export_entries, rd_cli_export },
  { "layout", "CASE_ID",
    N_("Print the bundle’s sections and what each holds, as JSON to edit and give to export --layout"),
    layout_entries, rd_cli_layout },
  { "case-list", "", N_("The adviser’s case list: soonest date due first"), case_list_entries,
    rd_cli_case_list },
  { "erase", "CASE_ID", N_("Erase a client’s case for good, with its history and evidence files"),
    erase_entries, rd_cli_erase },
  { "service-loss", "ENTRY_ID [SERVICES FROM [UNTIL]]",
    N_("Show or record the days a diary entry’s home was without heating, hot water or power (SERVICES: heating,hot-water,power or none)"),
    json_entries, rd_cli_service_loss },
  { "language", "CASE_ID [CODE]",
    N_("Show or set the language a case’s letters and bundle are written in"), json_entries,
    rd_cli_language },
  { "export-case", "CASE_ID", N_("Hand a case over: write it with its evidence to one archive"),
    export_case_entries, rd_cli_export_case },
  { "import-case", "FILE.redress",
    N_("Take a handed-over case in, after checking every file; prints its number"),
    import_case_entries, rd_cli_import_case },
  { "remind", "",
    N_("Send a desktop notification for each deadline newly overdue or due by the next working day, in every data folder Redress has opened (or in each DIR given)"),
    no_entries, rd_cli_remind },
};

const guint rd_cli_n_commands = G_N_ELEMENTS (rd_cli_commands);
