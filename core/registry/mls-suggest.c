/* mls-suggest.c — "did you mean …?" for names typed by people
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "mlsysim.h"

/**
 * mls_edit_distance:
 * @a: a string
 * @b: a string
 *
 * The Levenshtein distance between @a and @b, ignoring ASCII case and the separators `_`,
 * `-` and space (so "llama3-8b" is next to "Llama3_8B").
 *
 * Returns: the number of single-character edits that turn @a into @b
 */
guint
mls_edit_distance (const char *a,
                   const char *b)
{
  g_autofree char *x = NULL, *y = NULL;
  g_autofree guint *row = NULL;
  gsize n, m, k = 0;

  x = g_ascii_strdown (a, -1);
  y = g_ascii_strdown (b, -1);
  for (gsize i = 0; x[i]; i++)
    if (x[i] != '_' && x[i] != '-' && x[i] != ' ')
      x[k++] = x[i];
  x[k] = '\0';
  k = 0;
  for (gsize i = 0; y[i]; i++)
    if (y[i] != '_' && y[i] != '-' && y[i] != ' ')
      y[k++] = y[i];
  y[k] = '\0';

  n = strlen (x);
  m = strlen (y);
  row = g_new (guint, m + 1);
  for (gsize j = 0; j <= m; j++)
    row[j] = j;
  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];
      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = x[i - 1] == y[j - 1] ? 0 : 1;
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[m];
}

typedef struct
{
  const char *name;
  guint       score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return g_ascii_strcasecmp (x->name, y->name);
}

/**
 * mls_suggest_nearest:
 * @name: what the user typed
 * @candidates: (array zero-terminated=1): the valid names
 * @max_results: at most this many suggestions
 *
 * Finds the valid names closest to @name: those containing it (ignoring case) first, then
 * those within an edit distance of about a third of the name's length.
 *
 * Returns: (transfer full) (array zero-terminated=1): the suggestions, best first; empty when
 *   nothing is close
 */
char **
mls_suggest_nearest (const char         *name,
                     const char * const *candidates,
                     guint               max_results)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint limit = MAX (2, (guint) strlen (name) / 3);

  for (guint i = 0; candidates != NULL && candidates[i] != NULL; i++)
    {
      g_autofree char *cand = g_ascii_strdown (candidates[i], -1);
      Candidate c = { candidates[i], G_MAXUINT };

      if (*lower != '\0' && strstr (cand, lower) != NULL)
        c.score = 0;
      else
        {
          guint d = mls_edit_distance (name, candidates[i]);
          if (d <= limit)
            c.score = d;
        }
      if (c.score != G_MAXUINT)
        g_array_append_val (found, c);
    }

  g_array_sort (found, compare_candidates);
  for (guint i = 0; i < found->len && i < max_results; i++)
    g_strv_builder_add (builder, g_array_index (found, Candidate, i).name);
  return g_strv_builder_end (builder);
}
