/* mls-cli.h — shared plumbing of the `mlsysim` command's subcommands
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <mlsysim.h>

G_BEGIN_DECLS

/* Exit codes, as the reference defines them. */
typedef enum
{
  MLS_EXIT_OK = 0,
  MLS_EXIT_BAD_INPUT = 1,
  MLS_EXIT_PHYSICS = 2,
  MLS_EXIT_SLA = 3,
} MlsExitCode;

typedef enum
{
  MLS_FORMAT_TEXT = 1 << 0,
  MLS_FORMAT_JSON = 1 << 1,
  MLS_FORMAT_MARKDOWN = 1 << 2,
  MLS_FORMAT_HTML = 1 << 3,
  MLS_FORMAT_CSV = 1 << 4,
  MLS_FORMAT_FILE = 1 << 5, /* -o names a file (figures): PNG, SVG or PDF by extension */
} MlsFormat;

#define MLS_FORMAT_ALL (MLS_FORMAT_TEXT | MLS_FORMAT_JSON | MLS_FORMAT_MARKDOWN | MLS_FORMAT_HTML | \
                        MLS_FORMAT_CSV)

typedef struct _MlsCli MlsCli;

typedef int (*MlsCliRunFunc) (MlsCli *cli,
                              int     argc,
                              char  **argv);

typedef struct
{
  const char   *name;
  const char   *parameter_string; /* e.g. N_("EXPR [UNIT]") */
  const char   *summary;          /* N_() */
  MlsFormat     formats;          /* the output formats this command supports */
  MlsCliRunFunc run;
} MlsCliCommand;

struct _MlsCli
{
  const MlsCliCommand *command;
  MlsFormat            format;
  char                *format_name;
  char                *output_path; /* for MLS_FORMAT_FILE commands */
};

/* Options every subcommand accepts; add them to each GOptionContext. */
GOptionEntry *mls_cli_common_entries (MlsCli       *cli);

GOptionContext *mls_cli_option_context (MlsCli       *cli,
                                        GOptionEntry *entries);
gboolean     mls_cli_parse_options  (MlsCli         *cli,
                                     GOptionContext *context,
                                     int            *argc,
                                     char         ***argv);

/* Reports an error and returns the exit code: a JSON object on stdout with -o json, a line on
 * stderr otherwise. */
int          mls_cli_fail           (MlsCli      *cli,
                                     MlsExitCode  code,
                                     const char  *title,
                                     const char  *reason);
int          mls_cli_fail_error     (MlsCli       *cli,
                                     MlsExitCode   code,
                                     const char   *title,
                                     const GError *error);
void         mls_cli_warn           (MlsCli      *cli,
                                     const char  *format,
                                     ...) G_GNUC_PRINTF (2, 3);

/* Writes a JSON node to stdout, pretty-printed, with a final newline. */
void         mls_cli_print_json     (JsonNode    *node);

/* The subcommands. */
int          mls_cli_plot           (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);
int          mls_cli_units          (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);

int          mls_cli_zoo            (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);
int          mls_cli_audit          (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);

/* eval, serve, solve, solvers, walls (mls-cli-eval.c, -serve.c, -solvers.c, -walls.c) */
int          mls_cli_eval           (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);
int          mls_cli_serve          (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);
int          mls_cli_solve          (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);
int          mls_cli_solvers        (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);
int          mls_cli_walls          (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);

/* sweep and optimize (mls-cli-sweep.c, mls-cli-optimize.c) */
int          mls_cli_sweep          (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);
int          mls_cli_optimize       (MlsCli      *cli,
                                     int          argc,
                                     char       **argv);
/* TARGET [HARDWARE] as eval takes them: a plan file, a model and hardware, or a scenario key.
 * On failure, reports it and sets @status. */
MlsScenario *mls_cli_load_target    (MlsCli      *cli,
                                     MlsRegistry *registry,
                                     int          argc,
                                     char       **argv,
                                     int         *status);

/* Scenarios from the command line (mls-cli-scenario.c). Numbers are kept as typed until
 * mls_cli_apply_knobs(), so errors can name them; NULL means not given. */
typedef struct
{
  char *batch_size;
  char *seq_len;
  char *precision;
  char *efficiency;
  char *region;
  char *duration_days;
} MlsCliKnobs;

void          mls_cli_knobs_init      (MlsCliKnobs        *knobs);
void          mls_cli_knobs_clear     (MlsCliKnobs        *knobs);
GOptionEntry *mls_cli_knob_entries    (MlsCliKnobs        *knobs,
                                       gboolean            operations);
gboolean      mls_cli_apply_knobs     (MlsCliKnobs        *knobs,
                                       MlsScenario        *scenario,
                                       MlsRegistry        *registry,
                                       GError            **error);
MlsScenario  *mls_cli_quick_scenario  (MlsRegistry        *registry,
                                       const char         *model,
                                       const char         *hardware,
                                       GError            **error);
void          mls_cli_warn_efficiency (MlsCli             *cli,
                                       MlsRegistry        *registry,
                                       MlsScenario        *scenario);
MlsRegistry  *mls_cli_registry        (MlsCli             *cli,
                                       int                *status);
void          mls_cli_print_json_short (JsonNode        *node);
const char * const *mls_cli_load_errors (MlsCli        *cli,
                                       MlsEngine          *engine,
                                       gboolean            warn);
gboolean      mls_cli_set_parameter   (MlsEngine          *engine,
                                       const char * const *solver_ids,
                                       MlsScenario        *scenario,
                                       const char         *name,
                                       const char         *text,
                                       const MlsQuantity  *given,
                                       GError            **error);

G_END_DECLS
