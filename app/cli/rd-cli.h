/* rd-cli.h: shared plumbing of redress-cli's commands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "rd-core.h"

G_BEGIN_DECLS

/* Exit statuses: 0 done, 1 the command ran and found a problem or failed,
 * 2 the command line or its input was wrong, 130 Ctrl+C stopped it (the
 * shell's own number for a command ended by SIGINT). */
enum {
  RD_CLI_OK = 0,
  RD_CLI_FAILED = 1,
  RD_CLI_USAGE = 2,
  RD_CLI_INTERRUPTED = 130,
};

/* Every option any command takes, filled by GOptionContext from the
 * command's own table (see rd-cli-commands.c); a command reads only the
 * fields of its own options. Strings are as typed, unchecked. */
typedef struct {
  gboolean    json;
  char       *today;           /* --today DATE */
  char       *output;
  char       *language;        /* --language CODE */
  char       *country;         /* import --country */
  char      **password_files;  /* --password-file FILE, as often as given */
  gboolean    password_given;  /* --password, refused: see rd_cli_refuse_password */
  gboolean    as_copy;
  gboolean    yes;
  gboolean    archived;
  char       *search;
  gboolean    reset;
  char       *ocr_languages;   /* ocr --languages */
  /* export */
  char       *letter;
  gboolean    no_letter;
  gboolean    anonymise;
  char       *anonymise_key;
  gboolean    accept_unchecked;
  char       *paper;
  gboolean    landscape;
  gboolean    smaller;
  char       *chronology_odt;
  char       *chronology_csv;
  char       *exclude;
  char       *order;
  char       *layout;
  char       *max_size;
  char       *stamp;
  /* the global group, taken by every command */
  char      **data_dirs;
  gboolean    version;
} RdCliOptions;

typedef struct _RdCliContext RdCliContext;

typedef int (*RdCliCommandFunc) (RdCliContext *ctx);

/* A command: its name, the arguments after its options ("CASE_ID"), a
 * one-line summary, and its option table. The table's arg_data are offsets
 * into RdCliOptions (RD_CLI_OPTION), made into pointers when parsing. */
typedef struct {
  const char        *name;
  const char        *parameters;
  const char        *summary;
  const GOptionEntry *entries;
  RdCliCommandFunc   func;
} RdCliCommand;

struct _RdCliContext
{
  const char         *data_dir;  /* NULL for the default; the last --data-dir given */
  GStrv               data_dirs; /* every --data-dir given, absolute, for commands that take several */
  gboolean            json;
  char              **args;      /* the command's own arguments, options removed */
  int                 n_args;
  RdClock            *clock;     /* today, for every command and the store */
  RdCliOptions       *options;   /* the command's options, parsed */
  const RdCliCommand *command;   /* the one being run, for its usage line */
};

#define RD_CLI_OPTION(field) GSIZE_TO_POINTER (G_STRUCT_OFFSET (RdCliOptions, field))

extern const RdCliCommand rd_cli_commands[];
extern const guint        rd_cli_n_commands;
extern const GOptionEntry rd_cli_global_entries[];

/* One service call at a time: see rd-cli-progress.c. */
typedef struct {
  RdProgress   *progress;
  GCancellable *cancellable;
  GAsyncResult *result;
  guint         interrupt_id;
  gboolean      drawn;
} RdCliJob;

void          rd_cli_job_init    (RdCliJob     *job);
void          rd_cli_job_done_cb (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      job);
GAsyncResult *rd_cli_job_wait    (RdCliJob     *job);
void          rd_cli_job_clear   (RdCliJob     *job);
int           rd_cli_job_failed  (const GError *error,
                                  int           status);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RdCliJob, rd_cli_job_clear)

RdStore  *rd_cli_open_store     (RdCliContext *ctx);
GSettings *rd_cli_dup_settings  (void);
GHashTable *rd_cli_read_password_file (const char *path);
char     *rd_cli_ask_password   (const char   *prompt);
RdStore  *rd_cli_open_existing_store (RdCliContext *ctx);
RdStore  *rd_cli_open_store_for_writing (RdCliContext *ctx);
gboolean  rd_cli_parse_id       (const char   *text,
                                 gint64       *out);
RdCase   *rd_cli_get_case       (RdStore      *store,
                                 gint64        case_id);

/* A service call that judges one case on one day, such as
 * rd_case_service_compute_deadlines(). */
typedef gpointer (*RdCliCaseDayFunc) (RdStore      *store,
                                      gint64        case_id,
                                      const GDate  *today,
                                      GError      **error);

int       rd_cli_compute_case_day (RdCliContext     *ctx,
                                   RdCliCaseDayFunc  compute,
                                   gint64           *case_id,
                                   GDate           **today,
                                   gpointer         *result);
int       rd_cli_usage          (RdCliContext *ctx);
int       rd_cli_usage_error    (const char   *format,
                                 ...) G_GNUC_PRINTF (1, 2);
void      rd_cli_print_json     (JsonNode     *node);
int       rd_cli_parse_today    (RdCliContext *ctx,
                                 GDate       **today);
const char *rd_cli_last_password_file (RdCliContext *ctx);

int       rd_cli_cases          (RdCliContext *ctx);
int       rd_cli_incidents      (RdCliContext *ctx);
int       rd_cli_holidays       (RdCliContext *ctx);
int       rd_cli_workdays       (RdCliContext *ctx);
int       rd_cli_add_workdays   (RdCliContext *ctx);
int       rd_cli_deadlines      (RdCliContext *ctx);
int       rd_cli_asb_review     (RdCliContext *ctx);
int       rd_cli_import         (RdCliContext *ctx);
int       rd_cli_export_json    (RdCliContext *ctx);
int       rd_cli_ics            (RdCliContext *ctx);
int       rd_cli_add_evidence   (RdCliContext *ctx);
int       rd_cli_evidence       (RdCliContext *ctx);
int       rd_cli_verify         (RdCliContext *ctx);
int       rd_cli_erase          (RdCliContext *ctx);
int       rd_cli_case_list      (RdCliContext *ctx);
int       rd_cli_export         (RdCliContext *ctx);
int       rd_cli_layout         (RdCliContext *ctx);
int       rd_cli_export_case    (RdCliContext *ctx);
int       rd_cli_import_case    (RdCliContext *ctx);
int       rd_cli_language       (RdCliContext *ctx);
int       rd_cli_service_loss   (RdCliContext *ctx);
int       rd_cli_ocr            (RdCliContext *ctx);
int       rd_cli_timeline       (RdCliContext *ctx);
int       rd_cli_remind         (RdCliContext *ctx);
int       rd_cli_remedies       (RdCliContext *ctx);

G_END_DECLS
