/* mls-sweep-table.c — the results of a sweep: one row per point, one column per metric
 *
 * Columns are flat arrays of doubles in base units (or interned strings), so a million points
 * cost a few megabytes and a search is a linear scan. The axis values of a row are not
 * stored: a row's point index, decoded in the mixed radix of the axes' sizes, gives them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mlsysim.h"
#include "mls-sweep-private.h"

struct _MlsSweepTable
{
  GObject    parent_instance;

  GPtrArray *axes;          /* MlsSweepAxis*, first axis slowest */
  guint64   *strides;       /* per axis: points per step of that axis */
  GArray    *columns;       /* MlsSweepColumn */
  guint64    n_points;      /* of the whole sweep */
  guint64    n_rows;        /* evaluated rows kept (n_points unless cancelled) */
  guint64   *point_index;   /* row → point; NULL when every point is there, in order */
  guint8    *failures;      /* per row: solvers that failed */

  guint64   *thread_points; /* per worker thread */
  guint      n_threads;
  double     elapsed;
};

G_DEFINE_FINAL_TYPE (MlsSweepTable, mls_sweep_table, G_TYPE_OBJECT)

G_DEFINE_QUARK (mls-sweep-error-quark, mls_sweep_error)

/* --- axes ---------------------------------------------------------------------------- */

MlsSweepAxis *
mls_sweep_axis_ref (MlsSweepAxis *axis)
{
  g_atomic_ref_count_inc (&axis->ref_count);
  return axis;
}

void
mls_sweep_axis_unref (MlsSweepAxis *axis)
{
  if (!g_atomic_ref_count_dec (&axis->ref_count))
    return;
  if (axis->entries != NULL)
    for (guint i = 0; i < axis->n_values; i++)
      g_clear_object (&axis->entries[i]);
  g_free (axis->entries);
  g_free (axis->precisions);
  g_free (axis->quantities);
  g_strfreev (axis->labels);
  g_free (axis->numbers);
  g_free (axis->unit);
  g_free (axis->name);
  g_free (axis);
}

/* --- construction -------------------------------------------------------------------- */

static void
mls_sweep_table_finalize (GObject *object)
{
  MlsSweepTable *self = MLS_SWEEP_TABLE (object);

  for (guint i = 0; i < self->columns->len; i++)
    {
      MlsSweepColumn *c = &g_array_index (self->columns, MlsSweepColumn, i);

      g_free (c->id);
      g_free (c->label);
      g_free (c->unit);
      g_free (c->values);
      g_free (c->texts);
    }
  g_array_unref (self->columns);
  g_ptr_array_unref (self->axes);
  g_free (self->strides);
  g_free (self->point_index);
  g_free (self->failures);
  g_free (self->thread_points);
  G_OBJECT_CLASS (mls_sweep_table_parent_class)->finalize (object);
}

static void
mls_sweep_table_class_init (MlsSweepTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_sweep_table_finalize;
}

static void
mls_sweep_table_init (MlsSweepTable *self)
{
}

MlsSweepTable *
mls_sweep_table_new (GPtrArray *axes,
                     GArray    *columns,
                     guint64    n_points,
                     GError   **error)
{
  g_autoptr(MlsSweepTable) self = g_object_new (MLS_TYPE_SWEEP_TABLE, NULL);
  guint64 stride = 1;

  self->axes = g_ptr_array_new_with_free_func ((GDestroyNotify) mls_sweep_axis_unref);
  for (guint i = 0; i < axes->len; i++)
    g_ptr_array_add (self->axes, mls_sweep_axis_ref (g_ptr_array_index (axes, i)));
  self->strides = g_new (guint64, MAX (axes->len, 1));
  for (guint i = axes->len; i-- > 0;)
    {
      self->strides[i] = stride;
      stride *= ((MlsSweepAxis *) g_ptr_array_index (axes, i))->n_values;
    }
  self->columns = g_array_new (FALSE, TRUE, sizeof (MlsSweepColumn));
  self->n_points = n_points;
  self->n_rows = n_points;

  /* Every column, then the failure counts: all or nothing. */
  self->failures = g_try_malloc0 (MAX (n_points, 1));
  if (self->failures == NULL)
    goto too_large;
  for (guint i = 0; i < columns->len; i++)
    {
      MlsSweepColumn c = g_array_index (columns, MlsSweepColumn, i);

      c.id = g_strdup (c.id);
      c.label = g_strdup (c.label);
      c.unit = g_strdup (c.unit);
      if (c.text)
        {
          c.values = NULL;
          c.texts = g_try_malloc0_n (MAX (n_points, 1), sizeof (char *));
        }
      else
        {
          c.texts = NULL;
          c.values = g_try_malloc_n (MAX (n_points, 1), sizeof (double));
        }
      g_array_append_val (self->columns, c);
      if (c.text ? c.texts == NULL : c.values == NULL)
        goto too_large;
    }
  return g_steal_pointer (&self);

too_large:
  g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_TOO_LARGE,
               _("A sweep of %" G_GUINT64_FORMAT " points with %u metrics needs more memory "
                 "than is available; use fewer values or fewer metrics"),
               n_points, columns->len);
  return NULL;
}

MlsSweepColumn *
mls_sweep_table_peek_columns (MlsSweepTable *self,
                              guint         *n_columns)
{
  *n_columns = self->columns->len;
  return (MlsSweepColumn *) (gpointer) self->columns->data;
}

guint8 *
mls_sweep_table_peek_failures (MlsSweepTable *self)
{
  return self->failures;
}

void
mls_sweep_table_compact (MlsSweepTable *self,
                         const guint8  *chunk_done,
                         guint64        chunk_size)
{
  guint64 kept = 0;

  g_clear_pointer (&self->point_index, g_free);
  self->point_index = g_new (guint64, MAX (self->n_points, 1));
  for (guint64 p = 0; p < self->n_points; p++)
    {
      if (!chunk_done[p / chunk_size])
        continue;
      if (kept != p)
        {
          for (guint i = 0; i < self->columns->len; i++)
            {
              MlsSweepColumn *c = &g_array_index (self->columns, MlsSweepColumn, i);

              if (c->text)
                c->texts[kept] = c->texts[p];
              else
                c->values[kept] = c->values[p];
            }
          self->failures[kept] = self->failures[p];
        }
      self->point_index[kept++] = p;
    }
  self->n_rows = kept;
}

void
mls_sweep_table_set_stats (MlsSweepTable *self,
                           const guint64 *thread_points,
                           guint          n_threads,
                           double         elapsed)
{
  g_free (self->thread_points);
  self->thread_points = g_memdup2 (thread_points, n_threads * sizeof (guint64));
  self->n_threads = n_threads;
  self->elapsed = elapsed;
}

/* --- shape ------------------------------------------------------------------------------ */

/**
 * mls_sweep_table_get_n_rows:
 * @self: a #MlsSweepTable
 *
 * Returns: the rows of the table: every point of the sweep, or fewer after a cancellation
 */
guint64
mls_sweep_table_get_n_rows (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  return self->n_rows;
}

/**
 * mls_sweep_table_get_n_points:
 * @self: a #MlsSweepTable
 *
 * Returns: the points of the sweep the table came from (the product of the axes' sizes)
 */
guint64
mls_sweep_table_get_n_points (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  return self->n_points;
}

/**
 * mls_sweep_table_is_complete:
 * @self: a #MlsSweepTable
 *
 * Returns: whether every point was evaluated; %FALSE for the partial table of a cancelled
 *   sweep
 */
gboolean
mls_sweep_table_is_complete (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), FALSE);
  return self->n_rows == self->n_points;
}

/**
 * mls_sweep_table_get_point_index:
 * @self: a #MlsSweepTable
 * @row: a row
 *
 * Points are numbered in the order of the cartesian product, the last axis varying fastest.
 * A complete table has row i at point i.
 *
 * Returns: the point of the sweep @row holds
 */
guint64
mls_sweep_table_get_point_index (MlsSweepTable *self,
                                 guint64        row)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  return self->point_index != NULL ? self->point_index[row] : row;
}

/**
 * mls_sweep_table_get_n_axes:
 * @self: a #MlsSweepTable
 *
 * Returns: the axes the sweep varied
 */
guint
mls_sweep_table_get_n_axes (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  return self->axes->len;
}

static MlsSweepAxis *
get_axis (MlsSweepTable *self,
          guint          axis)
{
  return g_ptr_array_index (self->axes, axis);
}

/**
 * mls_sweep_table_get_axis_name:
 * @self: a #MlsSweepTable
 * @axis: an axis
 *
 * Returns: the axis' name: "hardware", "model", "region", "cluster", "precision", a knob
 *   ("batch_size") or a solver parameter id
 */
const char *
mls_sweep_table_get_axis_name (MlsSweepTable *self,
                               guint          axis)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  g_return_val_if_fail (axis < self->axes->len, NULL);
  return get_axis (self, axis)->name;
}

/**
 * mls_sweep_table_get_axis_kind:
 * @self: a #MlsSweepTable
 * @axis: an axis
 *
 * Returns: what the axis varies
 */
MlsSweepAxisKind
mls_sweep_table_get_axis_kind (MlsSweepTable *self,
                               guint          axis)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), MLS_SWEEP_AXIS_KNOB);
  g_return_val_if_fail (axis < self->axes->len, MLS_SWEEP_AXIS_KNOB);
  return get_axis (self, axis)->kind;
}

/**
 * mls_sweep_table_get_axis_unit:
 * @self: a #MlsSweepTable
 * @axis: an axis
 *
 * Returns: (nullable): the unit of mls_sweep_table_get_axis_number() for a parameter axis
 *   with dimensions ("GB/s"); %NULL otherwise
 */
const char *
mls_sweep_table_get_axis_unit (MlsSweepTable *self,
                               guint          axis)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  g_return_val_if_fail (axis < self->axes->len, NULL);
  return get_axis (self, axis)->unit;
}

/**
 * mls_sweep_table_get_axis_n_values:
 * @self: a #MlsSweepTable
 * @axis: an axis
 *
 * Returns: how many values the axis takes
 */
guint
mls_sweep_table_get_axis_n_values (MlsSweepTable *self,
                                   guint          axis)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  g_return_val_if_fail (axis < self->axes->len, 0);
  return get_axis (self, axis)->n_values;
}

static guint
axis_index (MlsSweepTable *self,
            guint          axis,
            guint64        row)
{
  guint64 point = self->point_index != NULL ? self->point_index[row] : row;

  return (guint) ((point / self->strides[axis]) % get_axis (self, axis)->n_values);
}

/**
 * mls_sweep_table_get_axis_index:
 * @self: a #MlsSweepTable
 * @axis: an axis
 * @row: a row
 *
 * Returns: which of the axis' values @row has
 */
guint
mls_sweep_table_get_axis_index (MlsSweepTable *self,
                                guint          axis,
                                guint64        row)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  g_return_val_if_fail (axis < self->axes->len && row < self->n_rows, 0);
  return axis_index (self, axis, row);
}

/**
 * mls_sweep_table_get_axis_label:
 * @self: a #MlsSweepTable
 * @axis: an axis
 * @row: a row
 *
 * Returns: the axis' value at @row as text: a registry key ("H100"), a precision ("fp16"), a
 *   number ("32") or a quantity ("100 GB/s")
 */
const char *
mls_sweep_table_get_axis_label (MlsSweepTable *self,
                                guint          axis,
                                guint64        row)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  g_return_val_if_fail (axis < self->axes->len && row < self->n_rows, NULL);
  return get_axis (self, axis)->labels[axis_index (self, axis, row)];
}

/**
 * mls_sweep_table_get_axis_number:
 * @self: a #MlsSweepTable
 * @axis: an axis
 * @row: a row
 *
 * Returns: the axis' value at @row as a number (a knob's value, a parameter in the unit
 *   mls_sweep_table_get_axis_unit() names); NAN for registry entries and precisions
 */
double
mls_sweep_table_get_axis_number (MlsSweepTable *self,
                                 guint          axis,
                                 guint64        row)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NAN);
  g_return_val_if_fail (axis < self->axes->len && row < self->n_rows, NAN);
  return get_axis (self, axis)->numbers[axis_index (self, axis, row)];
}

/* --- metrics ------------------------------------------------------------------------- */

static MlsSweepColumn *
get_column (MlsSweepTable *self,
            guint          metric)
{
  return &g_array_index (self->columns, MlsSweepColumn, metric);
}

/**
 * mls_sweep_table_get_n_metrics:
 * @self: a #MlsSweepTable
 *
 * Returns: the metrics collected at every point
 */
guint
mls_sweep_table_get_n_metrics (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  return self->columns->len;
}

/**
 * mls_sweep_table_get_metric_id:
 * @self: a #MlsSweepTable
 * @metric: a metric column
 *
 * Returns: its id ("roofline.latency")
 */
const char *
mls_sweep_table_get_metric_id (MlsSweepTable *self,
                               guint          metric)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  g_return_val_if_fail (metric < self->columns->len, NULL);
  return get_column (self, metric)->id;
}

/**
 * mls_sweep_table_get_metric_label:
 * @self: a #MlsSweepTable
 * @metric: a metric column
 *
 * Returns: its label, as the solver describes it ("Latency")
 */
const char *
mls_sweep_table_get_metric_label (MlsSweepTable *self,
                                  guint          metric)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  g_return_val_if_fail (metric < self->columns->len, NULL);
  return get_column (self, metric)->label;
}

/**
 * mls_sweep_table_get_metric_unit:
 * @self: a #MlsSweepTable
 * @metric: a metric column
 *
 * Returns: the unit it is shown in ("ms"): "" for plain numbers, "text" for text
 */
const char *
mls_sweep_table_get_metric_unit (MlsSweepTable *self,
                                 guint          metric)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  g_return_val_if_fail (metric < self->columns->len, NULL);
  return get_column (self, metric)->unit;
}

/**
 * mls_sweep_table_metric_is_text:
 * @self: a #MlsSweepTable
 * @metric: a metric column
 *
 * Returns: whether the metric is text ("Memory", "Compute") rather than a number
 */
gboolean
mls_sweep_table_metric_is_text (MlsSweepTable *self,
                                guint          metric)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), FALSE);
  g_return_val_if_fail (metric < self->columns->len, FALSE);
  return get_column (self, metric)->text;
}

/**
 * mls_sweep_table_find_metric:
 * @self: a #MlsSweepTable
 * @metric_id: a metric id
 *
 * Returns: the column of @metric_id, or -1
 */
int
mls_sweep_table_find_metric (MlsSweepTable *self,
                             const char    *metric_id)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), -1);
  for (guint i = 0; i < self->columns->len; i++)
    if (g_ascii_strcasecmp (get_column (self, i)->id, metric_id) == 0)
      return (int) i;
  return -1;
}

/**
 * mls_sweep_table_get_value:
 * @self: a #MlsSweepTable
 * @metric: a numeric metric column
 * @row: a row
 *
 * Returns: the value in base units (seconds, bytes, FLOP/s…); NAN where the solver did not
 *   produce it (it failed, or was skipped)
 */
double
mls_sweep_table_get_value (MlsSweepTable *self,
                           guint          metric,
                           guint64        row)
{
  MlsSweepColumn *c;

  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NAN);
  g_return_val_if_fail (metric < self->columns->len && row < self->n_rows, NAN);
  c = get_column (self, metric);
  return c->text ? NAN : c->values[row];
}

/**
 * mls_sweep_table_get_display_value:
 * @self: a #MlsSweepTable
 * @metric: a numeric metric column
 * @row: a row
 *
 * Returns: the value in the unit mls_sweep_table_get_metric_unit() names; NAN where missing
 */
double
mls_sweep_table_get_display_value (MlsSweepTable *self,
                                   guint          metric,
                                   guint64        row)
{
  MlsSweepColumn *c;

  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NAN);
  g_return_val_if_fail (metric < self->columns->len && row < self->n_rows, NAN);
  c = get_column (self, metric);
  return c->text ? NAN : c->values[row] / c->scale;
}

/**
 * mls_sweep_table_get_text:
 * @self: a #MlsSweepTable
 * @metric: a text metric column
 * @row: a row
 *
 * Returns: (nullable): the text, or %NULL where missing or for a numeric column
 */
const char *
mls_sweep_table_get_text (MlsSweepTable *self,
                          guint          metric,
                          guint64        row)
{
  MlsSweepColumn *c;

  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  g_return_val_if_fail (metric < self->columns->len && row < self->n_rows, NULL);
  c = get_column (self, metric);
  return c->text ? c->texts[row] : NULL;
}

/**
 * mls_sweep_table_peek_column:
 * @self: a #MlsSweepTable
 * @metric: a numeric metric column
 * @n_rows: (out): the length of the column
 *
 * Returns: (array length=n_rows) (transfer none) (nullable): the column in base units, or
 *   %NULL for a text column
 */
const double *
mls_sweep_table_peek_column (MlsSweepTable *self,
                             guint          metric,
                             guint64       *n_rows)
{
  MlsSweepColumn *c;

  *n_rows = 0;
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  g_return_val_if_fail (metric < self->columns->len, NULL);
  c = get_column (self, metric);
  if (c->text)
    return NULL;
  *n_rows = self->n_rows;
  return c->values;
}

/**
 * mls_sweep_table_get_failures:
 * @self: a #MlsSweepTable
 * @row: a row
 *
 * Returns: how many solvers failed at @row (bad input for that point, such as a batch that
 *   one device rejects); 0 when all ran
 */
guint
mls_sweep_table_get_failures (MlsSweepTable *self,
                              guint64        row)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  return self->failures[row];
}

/**
 * mls_sweep_table_get_n_threads:
 * @self: a #MlsSweepTable
 *
 * Returns: the worker threads that evaluated the sweep
 */
guint
mls_sweep_table_get_n_threads (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  return self->n_threads;
}

/**
 * mls_sweep_table_get_thread_points:
 * @self: a #MlsSweepTable
 * @thread: a worker, below mls_sweep_table_get_n_threads()
 *
 * Returns: the points that worker evaluated
 */
guint64
mls_sweep_table_get_thread_points (MlsSweepTable *self,
                                   guint          thread)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  g_return_val_if_fail (thread < self->n_threads, 0);
  return self->thread_points[thread];
}

/**
 * mls_sweep_table_get_elapsed:
 * @self: a #MlsSweepTable
 *
 * Returns: the wall time the evaluation took, in seconds
 */
double
mls_sweep_table_get_elapsed (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), 0);
  return self->elapsed;
}

/* --- writing --------------------------------------------------------------------------- */

/* Fifteen significant digits: every decimal a double can hold, without the binary noise of
 * the last two ("0.15000000000000002"). Callers switch the thread to the C locale first (see
 * CLocale), so "." is the decimal point whatever the user's locale, without
 * g_ascii_formatd()'s extra pass. */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, isnan (value) ? "" : value > 0 ? "inf" : "-inf");
      return;
    }
  g_string_append_len (out, buf, snprintf (buf, sizeof buf, "%.15g", value));
}

/* The C locale for this thread while writing, restored after. */
typedef struct
{
  locale_t c;
  locale_t previous;
} CLocale;

static void
c_locale_enter (CLocale *l)
{
  l->c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  l->previous = l->c != (locale_t) 0 ? uselocale (l->c) : (locale_t) 0;
}

static void
c_locale_leave (CLocale *l)
{
  if (l->c != (locale_t) 0)
    {
      uselocale (l->previous);
      freelocale (l->c);
    }
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_json_number (GString *out,
                    double   value)
{
  if (!isfinite (value))
    g_string_append (out, "null");
  else
    append_number (out, value);
}

static char *
column_header (const MlsSweepColumn *c)
{
  if (c->text || c->unit == NULL || *c->unit == '\0')
    return g_strdup (c->id);
  return g_strdup_printf ("%s [%s]", c->id, c->unit);
}

static char *
axis_header (const MlsSweepAxis *axis)
{
  if (axis->unit == NULL || *axis->unit == '\0')
    return g_strdup (axis->name);
  return g_strdup_printf ("%s [%s]", axis->name, axis->unit);
}

static gboolean
flush (GOutputStream *stream,
       GString       *buffer,
       gboolean       force,
       GCancellable  *cancellable,
       GError       **error)
{
  /* 64 KiB at a time: large enough for few writes, small enough to stay in cache. */
  if (!force && buffer->len < 65536)
    return TRUE;
  if (!g_output_stream_write_all (stream, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

/* Each axis value as a CSV field (or a JSON value), written once rather than per row. */
static GPtrArray *
axis_cells (MlsSweepTable *self,
            gboolean       json)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint a = 0; a < self->axes->len; a++)
    {
      MlsSweepAxis *axis = get_axis (self, a);
      char **texts = g_new0 (char *, axis->n_values + 1);

      for (guint v = 0; v < axis->n_values; v++)
        {
          g_autoptr(GString) cell = g_string_new (NULL);

          if (!isnan (axis->numbers[v]))
            append_number (cell, axis->numbers[v]);
          else if (json)
            append_json_string (cell, axis->labels[v]);
          else
            append_csv_field (cell, axis->labels[v]);
          texts[v] = g_string_free (g_steal_pointer (&cell), FALSE);
        }
      g_ptr_array_add (cells, texts);
    }
  return cells;
}

/**
 * mls_sweep_table_write_csv:
 * @self: a #MlsSweepTable
 * @stream: where to write
 * @rows: (array length=n_rows) (nullable): the rows to write, or %NULL for all
 * @n_rows: the length of @rows
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the table as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas or
 * quotes quoted). The header names each axis and each metric with its unit,
 * "roofline.latency [ms]"; values are in those units. A metric a solver did not produce is an
 * empty field. A spreadsheet opens it as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
mls_sweep_table_write_csv (MlsSweepTable *self,
                           GOutputStream *stream,
                           const guint64 *rows,
                           guint64        n_rows,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (65536 + 4096);
  g_autoptr(GPtrArray) cells = NULL;
  guint64 n = rows != NULL ? n_rows : self->n_rows;
  gboolean ok = TRUE;
  CLocale locale;

  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  c_locale_enter (&locale);
  cells = axis_cells (self, FALSE);
  for (guint a = 0; a < self->axes->len; a++)
    {
      g_autofree char *h = axis_header (get_axis (self, a));

      if (a > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, h);
    }
  for (guint m = 0; m < self->columns->len; m++)
    {
      g_autofree char *h = column_header (get_column (self, m));

      if (self->axes->len > 0 || m > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, h);
    }
  g_string_append (out, "\r\n");

  for (guint64 i = 0; i < n; i++)
    {
      guint64 row = rows != NULL ? rows[i] : i;

      if (row >= self->n_rows)
        continue;
      for (guint a = 0; a < self->axes->len; a++)
        {
          if (a > 0)
            g_string_append_c (out, ',');
          g_string_append (out, ((char **) g_ptr_array_index (cells, a))[axis_index (self, a,
                                                                                    row)]);
        }
      for (guint m = 0; m < self->columns->len; m++)
        {
          MlsSweepColumn *c = get_column (self, m);

          if (self->axes->len > 0 || m > 0)
            g_string_append_c (out, ',');
          if (c->text)
            append_csv_field (out, c->texts[row]);
          else
            append_number (out, c->values[row] / c->scale);
        }
      g_string_append (out, "\r\n");
      if (!(ok = flush (stream, out, FALSE, cancellable, error)))
        break;
    }
  c_locale_leave (&locale);
  return ok && flush (stream, out, TRUE, cancellable, error);
}

static char *
write_to_string (MlsSweepTable *self,
                 gboolean       json)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  gboolean ok;

  ok = json ? mls_sweep_table_write_json (self, stream, NULL, 0, NULL, NULL)
            : mls_sweep_table_write_csv (self, stream, NULL, 0, NULL, NULL);
  /* A memory stream does not fail but for lack of memory, which GLib aborts on anyway. */
  g_assert (ok);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/**
 * mls_sweep_table_to_csv:
 * @self: a #MlsSweepTable
 *
 * Returns: (transfer full): the whole table as CSV, as mls_sweep_table_write_csv() writes it
 */
char *
mls_sweep_table_to_csv (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  return write_to_string (self, FALSE);
}

static const char *
axis_kind_name (MlsSweepAxisKind kind)
{
  switch (kind)
    {
    case MLS_SWEEP_AXIS_ENTRY:
      return "entry";
    case MLS_SWEEP_AXIS_KNOB:
      return "knob";
    case MLS_SWEEP_AXIS_PRECISION:
      return "precision";
    case MLS_SWEEP_AXIS_PARAMETER:
    default:
      return "parameter";
    }
}

/**
 * mls_sweep_table_write_json:
 * @self: a #MlsSweepTable
 * @stream: where to write
 * @rows: (array length=n_rows) (nullable): the rows to write, or %NULL for all
 * @n_rows: the length of @rows
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the table as one JSON object: `n_points`, `n_rows`, `complete`, `axes` (name, kind,
 * unit, values), `metrics` (id, label, unit) and `rows`, one object per row keyed by axis
 * names and metric ids, with values in the units `metrics` gives (null where missing).
 *
 * Returns: %TRUE on success
 */
gboolean
mls_sweep_table_write_json (MlsSweepTable *self,
                            GOutputStream *stream,
                            const guint64 *rows,
                            guint64        n_rows,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GString) out = g_string_sized_new (65536 + 4096);
  g_autoptr(GPtrArray) cells = NULL;
  guint64 n = rows != NULL ? n_rows : self->n_rows;
  gboolean ok = TRUE;
  CLocale locale;

  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  c_locale_enter (&locale);
  cells = axis_cells (self, TRUE);
  g_string_append_printf (out, "{\n  \"n_points\": %" G_GUINT64_FORMAT ",\n  \"n_rows\": %"
                          G_GUINT64_FORMAT ",\n  \"complete\": %s,\n  \"axes\": [",
                          self->n_points, n, mls_sweep_table_is_complete (self) ? "true"
                                                                                : "false");
  for (guint a = 0; a < self->axes->len; a++)
    {
      MlsSweepAxis *axis = get_axis (self, a);

      g_string_append (out, a ? ",\n    {\"name\": " : "\n    {\"name\": ");
      append_json_string (out, axis->name);
      g_string_append_printf (out, ", \"kind\": \"%s\", \"unit\": ", axis_kind_name (axis->kind));
      append_json_string (out, axis->unit);
      g_string_append (out, ", \"values\": [");
      for (guint v = 0; v < axis->n_values; v++)
        {
          if (v > 0)
            g_string_append (out, ", ");
          if (!isnan (axis->numbers[v]))
            append_json_number (out, axis->numbers[v]);
          else
            append_json_string (out, axis->labels[v]);
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, self->axes->len ? "\n  ],\n  \"metrics\": [" : "],\n  \"metrics\": [");
  for (guint m = 0; m < self->columns->len; m++)
    {
      MlsSweepColumn *c = get_column (self, m);

      g_string_append (out, m ? ",\n    {\"id\": " : "\n    {\"id\": ");
      append_json_string (out, c->id);
      g_string_append (out, ", \"label\": ");
      append_json_string (out, c->label);
      g_string_append (out, ", \"unit\": ");
      append_json_string (out, c->unit);
      g_string_append_c (out, '}');
    }
  g_string_append (out, self->columns->len ? "\n  ],\n  \"rows\": [" : "],\n  \"rows\": [");
  for (guint64 i = 0; i < n; i++)
    {
      guint64 row = rows != NULL ? rows[i] : i;
      gboolean first = TRUE;

      if (row >= self->n_rows)
        continue;
      g_string_append (out, i ? ",\n    {" : "\n    {");
      for (guint a = 0; a < self->axes->len; a++)
        {
          MlsSweepAxis *axis = get_axis (self, a);
          guint v = axis_index (self, a, row);

          if (!first)
            g_string_append (out, ", ");
          first = FALSE;
          append_json_string (out, axis->name);
          g_string_append (out, ": ");
          g_string_append (out, ((char **) g_ptr_array_index (cells, a))[v]);
        }
      for (guint m = 0; m < self->columns->len; m++)
        {
          MlsSweepColumn *c = get_column (self, m);

          if (!first)
            g_string_append (out, ", ");
          first = FALSE;
          append_json_string (out, c->id);
          g_string_append (out, ": ");
          if (c->text)
            append_json_string (out, c->texts[row]);
          else
            append_json_number (out, c->values[row] / c->scale);
        }
      g_string_append_c (out, '}');
      if (!(ok = flush (stream, out, FALSE, cancellable, error)))
        break;
    }
  c_locale_leave (&locale);
  g_string_append (out, n ? "\n  ]\n}\n" : "]\n}\n");
  return ok && flush (stream, out, TRUE, cancellable, error);
}

/**
 * mls_sweep_table_to_json:
 * @self: a #MlsSweepTable
 *
 * Returns: (transfer full): the whole table as JSON, as mls_sweep_table_write_json() writes it
 */
char *
mls_sweep_table_to_json (MlsSweepTable *self)
{
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  return write_to_string (self, TRUE);
}

/**
 * mls_sweep_table_save:
 * @self: a #MlsSweepTable
 * @path: a file ending in .csv or .json
 * @error: return location for a #GError
 *
 * Writes the table to @path atomically: a half-written file never replaces an existing one.
 *
 * Returns: %TRUE on success
 */
gboolean
mls_sweep_table_save (MlsSweepTable *self,
                      const char    *path,
                      GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  gboolean json = g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON");
  gboolean ok;

  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), FALSE);

  /* g_file_replace writes a temporary file and renames it over @path on close. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;
  ok = json ? mls_sweep_table_write_json (self, G_OUTPUT_STREAM (stream), NULL, 0, NULL, error)
            : mls_sweep_table_write_csv (self, G_OUTPUT_STREAM (stream), NULL, 0, NULL, error);
  if (!ok)
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

/* --- searching ----------------------------------------------------------------------- */

/* What a constraint or an objective refers to: a metric column or an axis. */
typedef struct
{
  MlsSweepColumn *column; /* or NULL for an axis */
  MlsSweepAxis   *axis;
  guint           axis_position;
  const char     *name;
} Ref;

typedef enum
{
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
  OP_EQ,
  OP_NE,
} Op;

typedef struct
{
  Ref     ref;
  Op      op;
  double  number;   /* base units */
  char   *text;     /* for text columns and named axes */
} Constraint;

static void
constraint_clear (gpointer data)
{
  g_free (((Constraint *) data)->text);
}

static char *
valid_names (MlsSweepTable *self)
{
  GString *s = g_string_new (NULL);

  for (guint m = 0; m < self->columns->len; m++)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", get_column (self, m)->id);
  for (guint a = 0; a < self->axes->len; a++)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", get_axis (self, a)->name);
  return g_string_free (s, FALSE);
}

static gboolean
resolve_ref (MlsSweepTable *self,
             const char    *name,
             Ref           *out,
             GError       **error)
{
  g_autofree char *valid = NULL;
  int m = mls_sweep_table_find_metric (self, name);

  memset (out, 0, sizeof *out);
  if (m >= 0)
    {
      out->column = get_column (self, m);
      out->name = out->column->id;
      return TRUE;
    }
  for (guint a = 0; a < self->axes->len; a++)
    if (g_ascii_strcasecmp (get_axis (self, a)->name, name) == 0)
      {
        out->axis = get_axis (self, a);
        out->axis_position = a;
        out->name = out->axis->name;
        return TRUE;
      }
  valid = valid_names (self);
  g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_UNKNOWN_METRIC,
               _("The sweep has no metric or axis “%s”; it has %s"), name, valid);
  return FALSE;
}

static gboolean
ref_is_text (const Ref *ref)
{
  if (ref->column != NULL)
    return ref->column->text;
  return ref->axis->kind == MLS_SWEEP_AXIS_ENTRY || ref->axis->kind == MLS_SWEEP_AXIS_PRECISION;
}

/* A number in base units; NAN when missing. */
static double
ref_number (MlsSweepTable *self,
            const Ref     *ref,
            guint64        row)
{
  guint v;

  if (ref->column != NULL)
    return ref->column->values[row];
  v = axis_index (self, ref->axis_position, row);
  if (ref->axis->kind == MLS_SWEEP_AXIS_PARAMETER)
    return ref->axis->quantities[v].value;
  return ref->axis->numbers[v];
}

static const char *
ref_text (MlsSweepTable *self,
          const Ref     *ref,
          guint64        row)
{
  if (ref->column != NULL)
    return ref->column->texts[row];
  return ref->axis->labels[axis_index (self, ref->axis_position, row)];
}

/* A value as written in a constraint, into base units: a bare number is in the unit the
 * table shows the metric in ("roofline.latency < 10" means 10 ms); a quantity must have the
 * metric's dimensions ("roofline.latency < 0.01 s"). */
static gboolean
parse_bound (const Ref  *ref,
             const char *text,
             const char *constraint,
             double     *out,
             GError    **error)
{
  MlsQuantity q, unit;
  const char *unit_name = ref->column != NULL ? ref->column->unit : ref->axis->unit;
  double scale = ref->column != NULL ? ref->column->scale : 1;
  g_autoptr(GError) local = NULL;

  if (!mls_quantity_evaluate (text, &q, &local))
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_CONSTRAINT,
                   _("Constraint “%s”: “%s” is not a number or a quantity (%s)"), constraint,
                   text, local->message);
      return FALSE;
    }
  if (ref->axis != NULL && ref->axis->kind == MLS_SWEEP_AXIS_PARAMETER && unit_name != NULL &&
      mls_quantity_from_unit (1, unit_name, &unit, NULL))
    scale = unit.value;
  if (mls_quantity_is_dimensionless (&q))
    {
      *out = q.value * scale;
      return TRUE;
    }
  if (unit_name == NULL || *unit_name == '\0' ||
      !mls_quantity_from_unit (1, unit_name, &unit, NULL) ||
      !mls_quantity_same_dimension (&q, &unit))
    {
      g_autofree char *got = mls_quantity_describe_dimension (&q);

      if (unit_name == NULL || *unit_name == '\0')
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_CONSTRAINT,
                     _("Constraint “%s”: %s is a plain number, but the bound is %s"),
                     constraint, ref->name, got);
      else
        g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_CONSTRAINT,
                     _("Constraint “%s”: %s is measured in %s, but the bound is %s"),
                     constraint, ref->name, unit_name, got);
      return FALSE;
    }
  *out = q.value;
  return TRUE;
}

static gboolean
parse_constraint (MlsSweepTable *self,
                  const char    *text,
                  Constraint    *out,
                  GError       **error)
{
  static const struct { const char *symbol; Op op; } ops[] = {
    { "<=", OP_LE }, { ">=", OP_GE }, { "==", OP_EQ }, { "!=", OP_NE },
    { "<", OP_LT }, { ">", OP_GT }, { "=", OP_EQ },
  };
  const char *at = NULL;
  guint which = 0;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  memset (out, 0, sizeof *out);
  /* The first operator character splits name and bound; the longest operator there wins. */
  for (const char *p = text; *p && at == NULL; p++)
    for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
      if (g_str_has_prefix (p, ops[i].symbol))
        {
          at = p;
          which = i;
          break;
        }
  if (at == NULL)
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_CONSTRAINT,
                   _("Constraint “%s” has no operator; write “METRIC OP VALUE” with OP one "
                     "of < <= > >= == !=, such as “roofline.latency <= 10 ms”"), text);
      return FALSE;
    }
  name = g_strstrip (g_strndup (text, at - text));
  value = g_strstrip (g_strdup (at + strlen (ops[which].symbol)));
  if (*name == '\0' || *value == '\0')
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_CONSTRAINT,
                   _("Constraint “%s” needs a metric and a value on either side of “%s”"),
                   text, ops[which].symbol);
      return FALSE;
    }
  if (!resolve_ref (self, name, &out->ref, error))
    return FALSE;
  out->op = ops[which].op;
  if (ref_is_text (&out->ref))
    {
      if (out->op != OP_EQ && out->op != OP_NE)
        {
          g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_CONSTRAINT,
                       _("Constraint “%s”: %s is text; compare it with == or !="), text,
                       out->ref.name);
          return FALSE;
        }
      /* Quotes around the text are allowed. */
      if (strlen (value) >= 2 && (value[0] == '"' || value[0] == '\'') &&
          value[strlen (value) - 1] == value[0])
        out->text = g_strndup (value + 1, strlen (value) - 2);
      else
        out->text = g_strdup (value);
      return TRUE;
    }
  return parse_bound (&out->ref, value, text, &out->number, error);
}

static gboolean
constraint_holds (MlsSweepTable    *self,
                  const Constraint *c,
                  guint64           row)
{
  if (c->text != NULL)
    {
      const char *t = ref_text (self, &c->ref, row);
      gboolean equal = t != NULL && g_ascii_strcasecmp (t, c->text) == 0;

      return c->op == OP_EQ ? equal : !equal;
    }
  else
    {
      double v = ref_number (self, &c->ref, row);

      /* A missing value meets no bound (the reference counts it as ±∞, on the wrong side). */
      if (isnan (v))
        return FALSE;
      switch (c->op)
        {
        case OP_LT:
          return v < c->number;
        case OP_LE:
          return v <= c->number;
        case OP_GT:
          return v > c->number;
        case OP_GE:
          return v >= c->number;
        case OP_EQ:
          return v == c->number;
        case OP_NE:
        default:
          return v != c->number;
        }
    }
}

/* An objective: "minimize: METRIC", "maximize(METRIC)", "min METRIC", "max:METRIC". */
static gboolean
parse_objective (MlsSweepTable *self,
                 const char    *text,
                 gboolean      *out_maximize,
                 Ref           *out_ref,
                 GError       **error)
{
  static const struct { const char *word; gboolean maximize; } words[] = {
    { "minimize", FALSE }, { "minimise", FALSE }, { "maximize", TRUE }, { "maximise", TRUE },
    { "min", FALSE }, { "max", TRUE },
  };
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *rest = NULL;
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (words) && rest == NULL; i++)
    if (g_ascii_strncasecmp (copy, words[i].word, strlen (words[i].word)) == 0)
      {
        const char *after = copy + strlen (words[i].word);

        if (*after == ':' || *after == '(' || g_ascii_isspace (*after))
          {
            rest = after;
            *out_maximize = words[i].maximize;
          }
      }
  if (rest != NULL)
    {
      name = g_strdup (rest + (*rest == ':' || *rest == '(' ? 1 : 0));
      g_strstrip (name);
      if (*rest == '(')
        {
          gsize len = strlen (name);

          if (len == 0 || name[len - 1] != ')')
            rest = NULL;
          else
            {
              name[len - 1] = '\0';
              g_strstrip (name);
            }
        }
    }
  if (rest == NULL || name == NULL || *name == '\0' || strchr (name, ' ') != NULL)
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_OBJECTIVE,
                   _("Invalid objective format: '%s'. Write “minimize: METRIC” or "
                     "“maximize: METRIC”, such as “minimize: roofline.latency”"), text);
      return FALSE;
    }
  if (!resolve_ref (self, name, out_ref, error))
    return FALSE;
  if (ref_is_text (out_ref))
    {
      g_set_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_OBJECTIVE,
                   _("Objective “%s”: %s is text, not a number to minimize or maximize"), text,
                   out_ref->name);
      return FALSE;
    }
  return TRUE;
}

static GArray *
parse_constraints (MlsSweepTable      *self,
                   const char * const *constraints,
                   GError            **error)
{
  g_autoptr(GArray) parsed = g_array_new (FALSE, TRUE, sizeof (Constraint));

  g_array_set_clear_func (parsed, constraint_clear);
  for (guint i = 0; constraints != NULL && constraints[i] != NULL; i++)
    {
      Constraint c;

      if (!parse_constraint (self, constraints[i], &c, error))
        return NULL;
      g_array_append_val (parsed, c);
    }
  return g_steal_pointer (&parsed);
}

/* A row a search may pick: every solver ran, nothing reports itself infeasible (a
 * "<solver>.feasible" column of 0, as the reference skips candidates whose feasibility is not
 * PASS), and every constraint holds. */
static gboolean
row_admissible (MlsSweepTable *self,
                GArray        *constraints,
                guint64        row)
{
  if (self->failures[row] != 0)
    return FALSE;
  for (guint m = 0; m < self->columns->len; m++)
    {
      MlsSweepColumn *c = get_column (self, m);

      if (!c->text && g_str_has_suffix (c->id, ".feasible") && c->values[row] == 0)
        return FALSE;
    }
  for (guint i = 0; i < constraints->len; i++)
    if (!constraint_holds (self, &g_array_index (constraints, Constraint, i), row))
      return FALSE;
  return TRUE;
}

/**
 * mls_sweep_table_search:
 * @self: a #MlsSweepTable
 * @objective: "minimize: METRIC" or "maximize: METRIC" (also "min METRIC", "maximize(METRIC)")
 * @constraints: (nullable) (array zero-terminated=1): "METRIC OP VALUE" each, OP one of
 *   `< <= > >= == !=`; a bare VALUE is in the metric's display unit ("roofline.latency <= 10"
 *   is 10 ms), or give a unit ("roofline.latency <= 0.01 s"); text metrics and axes compare
 *   with == and != ("roofline.bottleneck == Memory", "hardware != T4")
 * @max_results: how many of the best rows to return (the reference's top 5), at least 1
 * @n_results: (out): how many rows are returned
 * @error: return location for a #GError
 *
 * Design-space exploration over the table (the reference's `DSE`): the rows where every
 * solver ran, no `*.feasible` metric is 0 and every constraint holds, best first; ties keep
 * point order. Axes may be constrained and optimised like metrics.
 *
 * Returns: (transfer full) (array length=n_results) (nullable): the best rows, or %NULL with
 *   %MLS_SWEEP_ERROR_NO_SOLUTION when none qualifies
 */
guint64 *
mls_sweep_table_search (MlsSweepTable      *self,
                        const char         *objective,
                        const char * const *constraints,
                        guint               max_results,
                        guint              *n_results,
                        GError            **error)
{
  g_autoptr(GArray) parsed = NULL;
  g_autofree guint64 *best = NULL;
  g_autofree double *keys = NULL;
  gboolean maximize = FALSE;
  guint n = 0;
  Ref ref;

  *n_results = 0;
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  max_results = MAX (max_results, 1);

  if (!parse_objective (self, objective, &maximize, &ref, error) ||
      (parsed = parse_constraints (self, constraints, error)) == NULL)
    return NULL;

  best = g_new (guint64, max_results);
  keys = g_new (double, max_results);
  for (guint64 row = 0; row < self->n_rows; row++)
    {
      double v, key;
      guint at;

      if (!row_admissible (self, parsed, row))
        continue;
      v = ref_number (self, &ref, row);
      if (isnan (v))
        continue;
      key = maximize ? -v : v;
      if (n == max_results && !(key < keys[n - 1]))
        continue;
      /* insertion into the sorted top list; equal keys keep the earlier row first */
      at = n < max_results ? n : n - 1;
      while (at > 0 && key < keys[at - 1])
        {
          if (at < max_results)
            {
              keys[at] = keys[at - 1];
              best[at] = best[at - 1];
            }
          at--;
        }
      keys[at] = key;
      best[at] = row;
      if (n < max_results)
        n++;
    }

  if (n == 0)
    {
      g_set_error_literal (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_NO_SOLUTION,
                           _("No valid configurations found in the search space."));
      return NULL;
    }
  *n_results = n;
  return g_steal_pointer (&best);
}

typedef struct
{
  const double *keys; /* n_rows × n_objectives, minimisation keys */
  guint         n_objectives;
} ParetoSort;

static int
compare_pareto (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const ParetoSort *s = data;
  guint64 i = *(const guint64 *) a, j = *(const guint64 *) b;
  const double *x = s->keys + i * s->n_objectives, *y = s->keys + j * s->n_objectives;

  for (guint k = 0; k < s->n_objectives; k++)
    if (x[k] != y[k])
      return x[k] < y[k] ? -1 : 1;
  return (i > j) - (i < j);
}

/**
 * mls_sweep_table_pareto_front:
 * @self: a #MlsSweepTable
 * @objectives: (array zero-terminated=1): two or more objectives, each "minimize: METRIC" or
 *   "maximize: METRIC" as mls_sweep_table_search() takes them
 * @constraints: (nullable) (array zero-terminated=1): constraints, as
 *   mls_sweep_table_search() takes them
 * @n_rows: (out): how many rows are on the front
 * @error: return location for a #GError
 *
 * The rows no other admissible row dominates: none is at least as good in every objective
 * and better in one. Rows with equal objectives are all kept. The front is sorted by the
 * first objective, best first.
 *
 * Returns: (transfer full) (array length=n_rows) (nullable): the front, or %NULL with an
 *   error (%MLS_SWEEP_ERROR_NO_SOLUTION when no row qualifies)
 */
guint64 *
mls_sweep_table_pareto_front (MlsSweepTable      *self,
                              const char * const *objectives,
                              const char * const *constraints,
                              guint64            *n_rows,
                              GError            **error)
{
  g_autoptr(GArray) parsed = NULL;
  g_autofree Ref *refs = NULL;
  g_autofree gboolean *maximize = NULL;
  g_autofree double *keys = NULL;
  g_autofree guint64 *order = NULL;
  g_autoptr(GArray) front = NULL;
  guint n_obj = objectives != NULL ? g_strv_length ((char **) objectives) : 0;
  guint64 n = 0;
  ParetoSort sort;

  *n_rows = 0;
  g_return_val_if_fail (MLS_IS_SWEEP_TABLE (self), NULL);
  if (n_obj < 2)
    {
      g_set_error_literal (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_OBJECTIVE,
                           _("A Pareto front needs two or more objectives, such as "
                             "“minimize: roofline.latency” and “maximize: roofline.throughput”"));
      return NULL;
    }
  refs = g_new0 (Ref, n_obj);
  maximize = g_new0 (gboolean, n_obj);
  for (guint k = 0; k < n_obj; k++)
    if (!parse_objective (self, objectives[k], &maximize[k], &refs[k], error))
      return NULL;
  if ((parsed = parse_constraints (self, constraints, error)) == NULL)
    return NULL;

  /* Minimisation keys of the admissible rows, row-major. */
  keys = g_try_malloc_n (MAX (self->n_rows, 1), n_obj * sizeof (double));
  order = g_try_malloc_n (MAX (self->n_rows, 1), sizeof (guint64));
  if (keys == NULL || order == NULL)
    {
      g_set_error_literal (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_TOO_LARGE,
                           _("Not enough memory to sort the table for its Pareto front"));
      return NULL;
    }
  for (guint64 row = 0; row < self->n_rows; row++)
    {
      gboolean ok = row_admissible (self, parsed, row);

      for (guint k = 0; ok && k < n_obj; k++)
        {
          double v = ref_number (self, &refs[k], row);

          ok = !isnan (v);
          keys[row * n_obj + k] = maximize[k] ? -v : v;
        }
      if (ok)
        order[n++] = row;
    }
  if (n == 0)
    {
      g_set_error_literal (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_NO_SOLUTION,
                           _("No valid configurations found in the search space."));
      return NULL;
    }

  /* Sorted lexicographically, a row can only be dominated by rows before it, and a row
   * dominated by anything is dominated by a row of the front (dominance is transitive): so
   * one pass, comparing each row with the front so far, finds the front. */
  sort.keys = keys;
  sort.n_objectives = n_obj;
  g_qsort_with_data (order, (gint) MIN (n, G_MAXINT), sizeof (guint64), compare_pareto, &sort);
  front = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint64 i = 0; i < n; i++)
    {
      const double *p = keys + order[i] * n_obj;
      gboolean dominated = FALSE;

      for (guint f = 0; f < front->len && !dominated; f++)
        {
          const double *q = keys + g_array_index (front, guint64, f) * n_obj;
          gboolean no_worse = TRUE, better = FALSE;

          for (guint k = 0; k < n_obj && no_worse; k++)
            {
              no_worse = q[k] <= p[k];
              better = better || q[k] < p[k];
            }
          dominated = no_worse && better;
        }
      if (!dominated)
        g_array_append_val (front, order[i]);
    }
  *n_rows = front->len;
  return (guint64 *) g_array_free (g_steal_pointer (&front), FALSE);
}
