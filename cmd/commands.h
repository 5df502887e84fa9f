/*
 * commands.h - the commands that live in files of their own (init, new,
 * due, sent) and what they share with secondround.c.  Each takes the
 * command line from its own name on and returns the exit code.
 */
#ifndef SR_COMMANDS_H
#define SR_COMMANDS_H

#include <stdio.h>
#include <time.h>

#include "secondround.h"

#define EXIT_USAGE 2
#define EXIT_OVERDUE 3 /* due: a follow-up is overdue */

int sr_cmd_init(int argc, char **argv);
int sr_cmd_new(int argc, char **argv);
int sr_cmd_due(int argc, char **argv);
int sr_cmd_sent(int argc, char **argv);

/* The note template of `new` when the notes folder has none; `init`
 * writes it as notes/template.md. */
extern const char sr_default_template[];

/* secondround.c: a usage error (one line, where help is), and text from a
 * file printed with its control characters made visible. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void print_visible(FILE *f, const char *s);
/* The help of a command, or -1 when there is no such command. */
int command_help(FILE *f, const char *name);
/* Prints and forgets the diagnostics (with quiet, the errors alone). */
void flush_diags(sr_diags *d, bool quiet);
/* What getopt_long's c means when it is none of a command's own
 * options: --now ('n', which sets *now), --help ('h'), a missing value
 * or an unknown option.  -1 to go on, else the exit code to return. */
int common_option(int c, const char *name, char **argv, time_t *now);

#endif
