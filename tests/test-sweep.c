/* test-sweep.c — sweeps: the cartesian product on every core, progress, cancellation, CSV and
 * JSON, design-space search and Pareto fronts
 *
 * The searches run over a hand-made set: a test-only solver ("toy") writes, for the point
 * with batch size i, the i-th row of a table written out below, so the expected best points
 * and fronts are read off that table by hand.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <mlsysim.h>

static MlsRegistry *registry;
static MlsEngine *engine;

/* --- a solver with hand-made results ------------------------------------------------------ */

/* Row i (batch size i + 1): a in ms (minimised), b (maximised), c (minimised), feasible. */
static const struct
{
  double a, b, c, feasible;
} toy_rows[] = {
  { 1.0, 1.0, 1, 1 },   /* 0 */
  { 2.0, 3.0, 1, 1 },   /* 1 */
  { 3.0, 2.0, 0, 1 },   /* 2: dominated by 1 in (a, b); best c */
  { 4.0, 5.0, 1, 1 },   /* 3 */
  { 4.0, 4.0, 1, 1 },   /* 4: dominated by 3 (same a, worse b) */
  { 5.0, 5.0, 1, 1 },   /* 5: dominated by 3 (worse a, same b) */
  { 6.0, 6.0, 1, 1 },   /* 6 */
  { 2.0, 3.0, 1, 1 },   /* 7: equal to 1: neither dominates the other */
  { 0.5, 0.5, 1, 1 },   /* 8 */
  { 0.1, 10.0, 0, 0 },  /* 9: would dominate all, but is infeasible */
};

#define TOY_TYPE_SOLVER (toy_solver_get_type ())
G_DECLARE_FINAL_TYPE (ToySolver, toy_solver, TOY, SOLVER, GObject)

struct _ToySolver
{
  GObject parent_instance;
};

static void toy_solver_iface_init (MlsSolverInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ToySolver, toy_solver, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MLS_TYPE_SOLVER, toy_solver_iface_init))

static MlsSolverInfo *
toy_describe (MlsSolver *solver)
{
  MlsSolverInfo *info = mls_solver_info_new ("toy", "Toy", "Hand-made rows",
                                             MLS_SOLVER_KIND_MODEL);

  mls_solver_info_add_metric (info, "toy.a", "A", "ms", "minimised");
  mls_solver_info_add_metric (info, "toy.b", "B", "", "maximised");
  mls_solver_info_add_metric (info, "toy.c", "C", "", "minimised");
  mls_solver_info_add_metric (info, "toy.feasible", "Feasible", "", "0 or 1");
  mls_solver_info_add_metric (info, "toy.parity", "Parity", "text", "even or odd, with a comma");
  return info;
}

static gboolean
toy_solve (MlsSolver   *solver,
           MlsScenario *scenario,
           MlsLedger   *ledger,
           GError     **error)
{
  guint i = mls_scenario_get_batch_size (scenario) - 1;
  MlsQuantity a, b, c, f;

  if (i >= G_N_ELEMENTS (toy_rows))
    {
      g_set_error (error, MLS_SOLVER_ERROR, MLS_SOLVER_ERROR_INVALID_INPUT, "no row %u", i);
      return FALSE;
    }
  g_assert_true (mls_quantity_from_unit (toy_rows[i].a, "ms", &a, NULL));
  b = mls_quantity_scalar (toy_rows[i].b);
  c = mls_quantity_scalar (toy_rows[i].c);
  f = mls_quantity_scalar (toy_rows[i].feasible);
  mls_ledger_set (ledger, "toy.a", &a);
  mls_ledger_set (ledger, "toy.b", &b);
  mls_ledger_set (ledger, "toy.c", &c);
  mls_ledger_set (ledger, "toy.feasible", &f);
  mls_ledger_set_text_quark (ledger, g_quark_from_static_string ("toy.parity"),
                             i % 2 ? "odd, \"uneven\"" : "even");
  return TRUE;
}

static void
toy_solver_iface_init (MlsSolverInterface *iface)
{
  iface->describe = toy_describe;
  iface->solve = toy_solve;
}

static void
toy_solver_class_init (ToySolverClass *klass)
{
}

static void
toy_solver_init (ToySolver *self)
{
}

/* --- helpers ---------------------------------------------------------------------------- */

static MlsEntry *
lookup (const char *category,
        const char *key)
{
  g_autoptr(GError) error = NULL;
  MlsEntry *entry = mls_registry_lookup (registry, category, key, &error);

  g_assert_no_error (error);
  return entry;
}

static MlsScenario *
base_scenario (void)
{
  MlsScenario *s = mls_scenario_new ("sweep");

  mls_scenario_set_workload (s, MLS_WORKLOAD (lookup ("models", "Llama3_8B")));
  mls_scenario_set_hardware (s, MLS_HARDWARE_NODE (lookup ("hardware", "H100")));
  return s;
}

static void
add_axis (MlsSweep   *sweep,
          const char *spec)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mls_sweep_add_axis_from_string (sweep, spec, &error));
  g_assert_no_error (error);
}

static void
add_metric (MlsSweep   *sweep,
            const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mls_sweep_add_metric (sweep, id, &error));
  g_assert_no_error (error);
}

/* The row holding the given axis values (labels), or -1. */
static gint64
find_row (MlsSweepTable      *table,
          const char * const *labels)
{
  for (guint64 row = 0; row < mls_sweep_table_get_n_rows (table); row++)
    {
      gboolean match = TRUE;

      for (guint a = 0; a < mls_sweep_table_get_n_axes (table) && match; a++)
        match = g_strcmp0 (mls_sweep_table_get_axis_label (table, a, row), labels[a]) == 0;
      if (match)
        return (gint64) row;
    }
  return -1;
}

typedef struct
{
  guint   calls;
  guint   signals;
  guint64 last;
  guint64 total;
  gboolean monotone;
  GThread *thread;
  gboolean same_thread;
  GCancellable *cancel_at_first;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer data)
{
  Progress *p = data;

  if (done < p->last)
    p->monotone = FALSE;
  if (g_thread_self () != p->thread)
    p->same_thread = FALSE;
  p->last = done;
  p->total = total;
  p->calls++;
  if (p->cancel_at_first != NULL && done > 0)
    g_cancellable_cancel (p->cancel_at_first);
}

static void
on_progress_signal (MlsSweep *sweep,
                    guint64   done,
                    guint64   total,
                    gpointer  data)
{
  ((Progress *) data)->signals++;
}

/* --- a large sweep on every core ------------------------------------------------------------ */

/* 10 devices × 100 batch sizes × 4 precisions × 25 efficiencies = 100,000 points. */
static void
test_sweep_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) base = base_scenario ();
  g_autoptr(MlsSweep) sweep = mls_sweep_new (engine, base);
  g_autoptr(MlsSweepTable) table = NULL;
  Progress progress = { 0, 0, 0, 0, TRUE, g_thread_self (), TRUE, NULL };
  guint64 sum = 0;
  guint n_cpu = MAX (g_get_num_processors (), 1);
  const char *h100[] = { "H100", "1", "fp16", "0.5" };
  int latency, bottleneck;
  gint64 row;

  add_axis (sweep, "hardware=H100,A100,H200,B200,V100,T4,L4,MI300X,TPUv5p,A10G");
  add_axis (sweep, "batch_size=1:100");
  add_axis (sweep, "precision=fp32,fp16,int8,int4");
  add_axis (sweep, "efficiency=0.02:0.5:0.02");
  add_metric (sweep, "roofline.latency");
  add_metric (sweep, "roofline.bottleneck");
  add_metric (sweep, "roofline.mfu");
  g_assert_cmpuint (mls_sweep_get_n_points (sweep), ==, 100000);
  g_signal_connect (sweep, "progress", G_CALLBACK (on_progress_signal), &progress);

  table = mls_sweep_run (sweep, NULL, on_progress, &progress, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpuint (mls_sweep_table_get_n_rows (table), ==, 100000);
  g_assert_true (mls_sweep_table_is_complete (table));

  /* Every core took part: one worker per processor, each evaluated some of the points, and
   * together all of them. */
  g_assert_cmpuint (mls_sweep_table_get_n_threads (table), ==, n_cpu);
  for (guint t = 0; t < mls_sweep_table_get_n_threads (table); t++)
    {
      guint64 n = mls_sweep_table_get_thread_points (table, t);

      g_test_message ("thread %u evaluated %" G_GUINT64_FORMAT " points", t, n);
      g_assert_cmpuint (n, >, 0);
      sum += n;
    }
  g_assert_cmpuint (sum, ==, 100000);

  /* Progress: reported in this thread, never backwards, ending at the total; the signal too. */
  g_assert_cmpuint (progress.calls, >=, 2);
  g_assert_true (progress.monotone);
  g_assert_true (progress.same_thread);
  g_assert_cmpuint (progress.last, ==, 100000);
  g_assert_cmpuint (progress.total, ==, 100000);
  g_assert_cmpuint (progress.signals, ==, progress.calls);

  /* Points are in cartesian order, the last axis fastest: point 1 is H100, batch 1, fp32,
   * η = 0.04; point 25 (4 × 25 + 0 … ) is H100, batch 1, fp16, η = 0.02. */
  g_assert_cmpstr (mls_sweep_table_get_axis_label (table, 3, 1), ==, "0.04");
  g_assert_cmpstr (mls_sweep_table_get_axis_label (table, 2, 25), ==, "fp16");
  g_assert_cmpstr (mls_sweep_table_get_axis_label (table, 1, 100), ==, "2");
  g_assert_cmpstr (mls_sweep_table_get_axis_label (table, 0, 10000), ==, "A100");

  /* C39: Llama3_8B on H100, batch 1, fp16, η = 0.5 streams W(1 + 0.1) = 16.06 GB × 1.1 =
   * 17.666 GB at 3.35 TB/s = 5.27343 ms, plus the 0.01 ms dispatch tax and 32 layers ×
   * 0.01 ms = 5.60343 ms, memory-bound. */
  row = find_row (table, h100);
  g_assert_cmpint (row, >=, 0);
  latency = mls_sweep_table_find_metric (table, "roofline.latency");
  bottleneck = mls_sweep_table_find_metric (table, "roofline.bottleneck");
  g_assert_cmpint (latency, >=, 0);
  g_assert_cmpfloat_with_epsilon (mls_sweep_table_get_value (table, latency, row), 5.60343e-3,
                                  1e-8);
  g_assert_cmpfloat_with_epsilon (mls_sweep_table_get_display_value (table, latency, row),
                                  5.60343, 1e-5);
  g_assert_cmpstr (mls_sweep_table_get_text (table, bottleneck, row), ==, "Memory");
  for (guint64 r = 0; r < mls_sweep_table_get_n_rows (table); r++)
    g_assert_cmpuint (mls_sweep_table_get_failures (table, r), ==, 0);
}

/* --- cancellation ------------------------------------------------------------------------- */

/* Cancelled from the first progress report (after a tenth of a second), a sweep of three
 * million points stops mid-way with G_IO_ERROR_CANCELLED and keeps what it evaluated. */
static void
test_sweep_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) base = base_scenario ();
  g_autoptr(MlsSweep) sweep = mls_sweep_new (engine, base);
  g_autoptr(MlsSweepTable) partial = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MlsLedger) ledger = mls_ledger_new ();
  g_autoptr(MlsScenario) check = NULL;
  Progress progress = { 0, 0, 0, 0, TRUE, g_thread_self (), TRUE, cancellable };
  const char *ids[] = { "roofline", NULL };
  guint64 n_rows, previous = 0, point;
  MlsQuantity q;
  int latency;

  /* two workers whatever the machine, so that three million points outlast 0.1 s */
  mls_sweep_set_n_threads (sweep, 2);
  add_axis (sweep, "batch_size=1:3000");
  add_axis (sweep, "efficiency=0.001:1:0.001");
  add_metric (sweep, "roofline.latency");
  g_assert_cmpuint (mls_sweep_get_n_points (sweep), ==, 3000000);

  g_assert_null (mls_sweep_run (sweep, cancellable, on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  partial = mls_sweep_get_table (sweep);
  g_assert_nonnull (partial);
  g_assert_false (mls_sweep_table_is_complete (partial));
  n_rows = mls_sweep_table_get_n_rows (partial);
  g_test_message ("cancelled after %" G_GUINT64_FORMAT " of 3000000 points", n_rows);
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <, 3000000);
  g_assert_cmpuint (mls_sweep_table_get_n_points (partial), ==, 3000000);

  /* The rows kept are in point order and hold what a single evaluation gives. */
  latency = mls_sweep_table_find_metric (partial, "roofline.latency");
  for (guint64 r = 0; r < n_rows; r++)
    {
      point = mls_sweep_table_get_point_index (partial, r);
      g_assert_true (r == 0 || point > previous);
      previous = point;
    }
  point = mls_sweep_table_get_point_index (partial, n_rows - 1);
  check = base_scenario ();
  g_assert_true (mls_scenario_set_knob (check, MLS_KNOB_BATCH_SIZE, point / 1000 + 1, NULL));
  g_assert_true (mls_scenario_set_knob (check, MLS_KNOB_EFFICIENCY,
                                        g_ascii_strtod (mls_sweep_table_get_axis_label (
                                                          partial, 1, n_rows - 1), NULL),
                                        NULL));
  g_assert_true (mls_engine_solve (engine, ids, check, ledger, NULL));
  g_assert_true (mls_ledger_get (ledger, "roofline.latency", &q));
  g_assert_cmpfloat (mls_sweep_table_get_value (partial, latency, n_rows - 1), ==, q.value);
}

/* Already cancelled: nothing is evaluated. */
static void
test_sweep_cancel_before (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) base = base_scenario ();
  g_autoptr(MlsSweep) sweep = mls_sweep_new (engine, base);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MlsSweepTable) partial = NULL;

  add_axis (sweep, "batch_size=1:1000");
  g_cancellable_cancel (cancellable);
  g_assert_null (mls_sweep_run (sweep, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  partial = mls_sweep_get_table (sweep);
  g_assert_cmpuint (mls_sweep_table_get_n_rows (partial), ==, 0);
}

/* --- CSV and JSON --------------------------------------------------------------------------- */

/* A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
static GPtrArray *
read_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; *p; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
          continue;
        }
      if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p += 2;
          continue;
        }
      /* a bare LF is not a record end in RFC 4180 */
      g_assert_cmpint (*p, !=, '\n');
      g_string_append_c (field, *p++);
    }
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (record->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);
  return records;
}

static MlsSweepTable *
toy_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) base = base_scenario ();
  g_autoptr(MlsSweep) sweep = mls_sweep_new (engine, base);
  MlsSweepTable *table;
  const char *toy[] = { "toy", NULL };

  add_axis (sweep, "batch_size=1:10");
  g_assert_true (mls_sweep_set_solvers (sweep, toy, &error));
  g_assert_no_error (error);
  table = mls_sweep_run (sweep, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* no metric asked for: every metric of the solvers */
  g_assert_cmpuint (mls_sweep_table_get_n_metrics (table), ==, 5);
  return table;
}

static void
test_sweep_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) base = base_scenario ();
  g_autoptr(MlsSweep) sweep = mls_sweep_new (engine, base);
  g_autoptr(MlsSweepTable) table = NULL;
  g_autoptr(MlsSweepTable) toy = toy_table ();
  g_autofree char *csv = NULL;
  g_autofree char *toy_csv = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) toy_records = NULL;
  GPtrArray *header;
  int latency;

  add_axis (sweep, "hardware=H100,A100");
  add_axis (sweep, "batch_size=1,8,64");
  add_axis (sweep, "precision=fp16,int8");
  add_metric (sweep, "roofline.latency");
  add_metric (sweep, "roofline.bottleneck");
  add_metric (sweep, "roofline.memory_footprint");
  add_metric (sweep, "roofline.mfu");
  table = mls_sweep_run (sweep, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  csv = mls_sweep_table_to_csv (table);
  records = read_csv (csv);
  /* a header and 2 × 3 × 2 = 12 rows, each of 3 axes + 4 metrics */
  g_assert_cmpuint (records->len, ==, 13);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (header->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "hardware");
  g_assert_cmpstr (g_ptr_array_index (header, 1), ==, "batch_size");
  g_assert_cmpstr (g_ptr_array_index (header, 2), ==, "precision");
  g_assert_cmpstr (g_ptr_array_index (header, 3), ==, "roofline.latency [ms]");
  g_assert_cmpstr (g_ptr_array_index (header, 4), ==, "roofline.bottleneck");
  g_assert_cmpstr (g_ptr_array_index (header, 5), ==, "roofline.memory_footprint [GB]");
  g_assert_cmpstr (g_ptr_array_index (header, 6), ==, "roofline.mfu");

  latency = mls_sweep_table_find_metric (table, "roofline.latency");
  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);

      g_assert_cmpuint (record->len, ==, 7);
      g_assert_cmpstr (g_ptr_array_index (record, 0), ==,
                       mls_sweep_table_get_axis_label (table, 0, r - 1));
      /* the numbers read back, in ms, to the 15 significant digits a double holds */
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (g_ptr_array_index (record, 3), NULL) /
                                      mls_sweep_table_get_display_value (table, latency, r - 1),
                                      1, 1e-14);
    }
  /* Row 1 is H100, batch 1, fp16: the weights are 8.03e9 × 2 B = 16.06 GB. */
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (records, 1), 5), ==,
                   "16.06");

  /* Quoting: the toy's odd rows say «odd, "uneven"», which needs quotes around it and its
   * quotes doubled; the reader above gets the text back. */
  toy_csv = mls_sweep_table_to_csv (toy);
  g_assert_nonnull (strstr (toy_csv, "\"odd, \"\"uneven\"\"\""));
  toy_records = read_csv (toy_csv);
  g_assert_cmpuint (toy_records->len, ==, 11);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (toy_records, 2), 5), ==,
                   "odd, \"uneven\"");
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (toy_records, 0), 1), ==,
                   "toy.a [ms]");
}

static void
test_sweep_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsSweepTable) table = toy_table ();
  g_autofree char *json = mls_sweep_table_to_json (table);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *row;
  JsonArray *rows;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "n_points"), ==, 10);
  g_assert_true (json_object_get_boolean_member (root, "complete"));
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 10);
  row = json_array_get_object_element (rows, 3);
  g_assert_cmpint (json_object_get_int_member (row, "batch_size"), ==, 4);
  g_assert_cmpfloat (json_object_get_double_member (row, "toy.a"), ==, 4.0);
  g_assert_cmpstr (json_object_get_string_member (row, "toy.parity"), ==, "odd, \"uneven\"");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (root,
                                                                                  "metrics"), 0),
                     "unit"), ==, "ms");
}

/* --- search ----------------------------------------------------------------------------- */

static void
assert_rows (const guint64 *rows,
             guint64        n,
             const guint64 *expected,
             guint64        n_expected)
{
  g_assert_cmpuint (n, ==, n_expected);
  for (guint64 i = 0; i < n; i++)
    g_assert_cmpuint (rows[i], ==, expected[i]);
}

static void
test_sweep_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsSweepTable) table = toy_table ();
  g_autofree guint64 *best = NULL;
  g_autofree guint64 *best_b = NULL;
  g_autofree guint64 *one = NULL;
  const char *at_least_3[] = { "toy.b >= 3", NULL };
  const char *under_4ms[] = { "toy.a < 4", NULL };
  const char *in_seconds[] = { "toy.a < 0.004 s", "batch_size <= 8", NULL };
  const char *none[] = { "toy.a < 0", NULL };
  const char *text[] = { "toy.parity == even", NULL };
  const char *wrong_unit[] = { "toy.a < 4 GB", NULL };
  /* b ≥ 3: rows 1 (a 2), 3 (4), 4 (4), 5 (5), 6 (6), 7 (2); row 9 is infeasible. By a, ties
   * in row order: 1, 7, 3, 4, 5. */
  const guint64 expect_min_a[] = { 1, 7, 3, 4, 5 };
  /* a < 4 ms: rows 0 (b 1), 1 (3), 2 (2), 7 (3), 8 (0.5). By b, largest first. */
  const guint64 expect_max_b[] = { 1, 7, 2, 0, 8 };
  guint n;

  best = mls_sweep_table_search (table, "minimize: toy.a", at_least_3, 5, &n, &error);
  g_assert_no_error (error);
  assert_rows (best, n, expect_min_a, 5);

  best_b = mls_sweep_table_search (table, "maximize(toy.b)", under_4ms, 5, &n, &error);
  g_assert_no_error (error);
  assert_rows (best_b, n, expect_max_b, 5);

  /* 0.004 s is 4 ms; batch ≤ 8 drops rows 8 and 9; the best b then is row 1 (first of two). */
  one = mls_sweep_table_search (table, "max toy.b", in_seconds, 1, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (one[0], ==, 1);
  g_clear_pointer (&one, g_free);

  /* Text: even rows are 0, 2, 4, 6, 8; the smallest a among them is row 8 (0.5 ms). */
  one = mls_sweep_table_search (table, "min: toy.a", text, 1, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one[0], ==, 8);

  g_assert_null (mls_sweep_table_search (table, "minimize: toy.a", none, 5, &n, &error));
  g_assert_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_NO_SOLUTION);
  g_assert_nonnull (strstr (error->message, "No valid configurations"));
  g_clear_error (&error);

  g_assert_null (mls_sweep_table_search (table, "fastest toy.a", NULL, 5, &n, &error));
  g_assert_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_OBJECTIVE);
  g_assert_nonnull (strstr (error->message, "Invalid objective format"));
  g_clear_error (&error);

  g_assert_null (mls_sweep_table_search (table, "minimize: toy.nope", NULL, 5, &n, &error));
  g_assert_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_UNKNOWN_METRIC);
  g_clear_error (&error);

  g_assert_null (mls_sweep_table_search (table, "minimize: toy.a", wrong_unit, 5, &n, &error));
  g_assert_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_CONSTRAINT);
}

static void
test_sweep_pareto (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsSweepTable) table = toy_table ();
  g_autofree guint64 *front2 = NULL;
  g_autofree guint64 *front3 = NULL;
  g_autofree guint64 *front_c = NULL;
  const char *two[] = { "minimize: toy.a", "maximize: toy.b", NULL };
  const char *three[] = { "minimize: toy.a", "maximize: toy.b", "minimize: toy.c", NULL };
  const char *one[] = { "minimize: toy.a", NULL };
  const char *small_batch[] = { "batch_size <= 4", NULL };
  /* (a min, b max) without the infeasible row 9, sorted by a: 8 (0.5, 0.5), 0 (1, 1),
   * 1 (2, 3), 7 (2, 3), 3 (4, 5), 6 (6, 6). Row 2 (3, 2) loses to 1; 4 (4, 4) and 5 (5, 5)
   * to 3. Equal rows 1 and 7 do not dominate each other. */
  const guint64 expect2[] = { 8, 0, 1, 7, 3, 6 };
  /* Adding c (min): row 2 is the only one with c = 0, so nothing dominates it any more; 4
   * and 5 still lose to 3 (same c). */
  const guint64 expect3[] = { 8, 0, 1, 7, 2, 3, 6 };
  /* Only rows 0–3 (batch ≤ 4): 0 (1, 1), 1 (2, 3), 3 (4, 5); 2 loses to 1. */
  const guint64 expect_c[] = { 0, 1, 3 };
  guint64 n;

  front2 = mls_sweep_table_pareto_front (table, two, NULL, &n, &error);
  g_assert_no_error (error);
  assert_rows (front2, n, expect2, G_N_ELEMENTS (expect2));

  front3 = mls_sweep_table_pareto_front (table, three, NULL, &n, &error);
  g_assert_no_error (error);
  assert_rows (front3, n, expect3, G_N_ELEMENTS (expect3));

  front_c = mls_sweep_table_pareto_front (table, two, small_batch, &n, &error);
  g_assert_no_error (error);
  assert_rows (front_c, n, expect_c, G_N_ELEMENTS (expect_c));

  g_assert_null (mls_sweep_table_pareto_front (table, one, NULL, &n, &error));
  g_assert_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_OBJECTIVE);
}

/* The front of a real sweep: no front point is dominated by any admissible row (brute force). */
static void
test_sweep_pareto_real (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) base = base_scenario ();
  g_autoptr(MlsSweep) sweep = mls_sweep_new (engine, base);
  g_autoptr(MlsSweepTable) table = NULL;
  g_autofree guint64 *front = NULL;
  const char *objectives[] = { "minimize: roofline.latency", "maximize: roofline.throughput",
                               NULL };
  int lat, thr;
  guint64 n;

  add_axis (sweep, "hardware=all");
  add_axis (sweep, "batch_size=1:64:x2");
  add_metric (sweep, "roofline.latency");
  add_metric (sweep, "roofline.throughput");
  add_metric (sweep, "roofline.feasible");
  table = mls_sweep_run (sweep, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  front = mls_sweep_table_pareto_front (table, objectives, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 1);
  lat = mls_sweep_table_find_metric (table, "roofline.latency");
  thr = mls_sweep_table_find_metric (table, "roofline.throughput");
  for (guint64 i = 0; i < n; i++)
    {
      double l = mls_sweep_table_get_value (table, lat, front[i]);
      double t = mls_sweep_table_get_value (table, thr, front[i]);

      for (guint64 r = 0; r < mls_sweep_table_get_n_rows (table); r++)
        {
          double l2 = mls_sweep_table_get_value (table, lat, r);
          double t2 = mls_sweep_table_get_value (table, thr, r);

          if (mls_sweep_table_get_value (table, 2, r) == 0)
            continue;
          g_assert_false (l2 <= l && t2 >= t && (l2 < l || t2 > t));
        }
      if (i > 0)
        g_assert_cmpfloat (mls_sweep_table_get_value (table, lat, front[i - 1]), <=, l);
    }
}

/* --- axes ----------------------------------------------------------------------------------- */

static void
test_sweep_axes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsScenario) base = base_scenario ();
  g_autoptr(MlsSweep) sweep = mls_sweep_new (engine, base);
  g_autoptr(MlsSweepTable) table = NULL;
  const char *bad[] = {
    "batch_size", "batch_size=", "batch_size=0", "batch_size=1:8:x1", "batch_size=8:1",
    "efficiency=1.5", "hardware=H1000", "precision=fp6", "nonsense=1,2",
    "serving.nonsense=1", "serving.network_bandwidth=10 TFLOP/s",
  };

  /* 1:256:x2 is 1, 2, 4 … 256: nine values; 0.1:1:0.1 keeps 1 despite rounding: ten. */
  add_axis (sweep, "batch=1:256:x2");
  g_assert_cmpuint (mls_sweep_get_n_points (sweep), ==, 9);
  add_axis (sweep, "eta=0.1:1:0.1");
  g_assert_cmpuint (mls_sweep_get_n_points (sweep), ==, 90);
  /* a parameter with a unit: bare numbers are in GB/s */
  add_axis (sweep, "serving.network_bandwidth=50, 100 GB/s, 0.2 TB/s");
  g_assert_cmpuint (mls_sweep_get_n_points (sweep), ==, 270);
  add_axis (sweep, "precision=fp16,INT8");
  add_metric (sweep, "serving.ttft");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(MlsSweep) fresh = mls_sweep_new (engine, base);

      g_assert_false (mls_sweep_add_axis_from_string (fresh, bad[i], &error));
      g_assert_nonnull (error);
      g_test_message ("%s: %s", bad[i], error->message);
      g_clear_error (&error);
    }
  /* the same axis twice */
  g_assert_false (mls_sweep_add_axis_from_string (sweep, "batch_size=3", &error));
  g_assert_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_INVALID_AXIS);
  g_clear_error (&error);
  g_assert_false (mls_sweep_add_metric (sweep, "roofline.nope", &error));
  g_assert_error (error, MLS_SWEEP_ERROR, MLS_SWEEP_ERROR_UNKNOWN_METRIC);
  g_clear_error (&error);

  table = mls_sweep_run (sweep, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mls_sweep_table_get_n_rows (table), ==, 540);
  g_assert_cmpstr (mls_sweep_table_get_axis_name (table, 2), ==, "serving.network_bandwidth");
  g_assert_cmpstr (mls_sweep_table_get_axis_unit (table, 2), ==, "GB/s");
  g_assert_cmpfloat (mls_sweep_table_get_axis_number (table, 2, 4), ==, 200);
  g_assert_cmpstr (mls_sweep_table_get_axis_label (table, 2, 4), ==, "200 GB/s");
  g_assert_cmpstr (mls_sweep_table_get_axis_label (table, 0, 539), ==, "256");
  g_assert_cmpfloat_with_epsilon (mls_sweep_table_get_axis_number (table, 1, 539), 1.0, 1e-12);
}

/* --- async ------------------------------------------------------------------------------- */

typedef struct
{
  GMainLoop     *loop;
  MlsSweepTable *table;
  GError        *error;
  guint          signals;
  GThread       *thread;
  gboolean       same_thread;
} Async;

static void
on_async_progress (MlsSweep *sweep,
                   guint64   done,
                   guint64   total,
                   gpointer  data)
{
  Async *a = data;

  a->signals++;
  if (g_thread_self () != a->thread)
    a->same_thread = FALSE;
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Async *a = data;

  a->table = mls_sweep_run_finish (MLS_SWEEP (source), result, &a->error);
  g_main_loop_quit (a->loop);
}

static void
test_sweep_async (void)
{
  g_autoptr(MlsScenario) base = base_scenario ();
  g_autoptr(MlsSweep) sweep = mls_sweep_new (engine, base);
  Async a = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, g_thread_self (), TRUE };

  add_axis (sweep, "hardware=all");
  add_axis (sweep, "batch_size=1:512");
  add_metric (sweep, "roofline.latency");
  g_signal_connect (sweep, "progress", G_CALLBACK (on_async_progress), &a);
  mls_sweep_run_async (sweep, NULL, on_async_done, &a);
  g_main_loop_run (a.loop);
  g_assert_no_error (a.error);
  g_assert_nonnull (a.table);
  g_assert_true (mls_sweep_table_is_complete (a.table));
  /* the progress signal came to this thread's main context */
  g_assert_cmpuint (a.signals, >=, 1);
  g_assert_true (a.same_thread);
  g_object_unref (a.table);
  g_main_loop_unref (a.loop);
}

/* A file written atomically, read back. */
static void
test_sweep_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MlsSweepTable) table = toy_table ();
  g_autofree char *dir = g_dir_make_tmp ("mls-sweep-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "toy.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = mls_sweep_table_to_csv (table);

  g_assert_no_error (error);
  g_assert_true (mls_sweep_table_save (table, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, expected);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ToySolver) toy = NULL;

  g_test_init (&argc, &argv, NULL);

  registry = mls_registry_get_default (&error);
  g_assert_no_error (error);
  engine = mls_engine_new (registry);
  toy = g_object_new (TOY_TYPE_SOLVER, NULL);
  g_assert_true (mls_engine_add_solver (engine, MLS_SOLVER (toy), &error));
  g_assert_no_error (error);

  g_test_add_func ("/sweep/large", test_sweep_large);
  g_test_add_func ("/sweep/cancel", test_sweep_cancel);
  g_test_add_func ("/sweep/cancel-before", test_sweep_cancel_before);
  g_test_add_func ("/sweep/csv", test_sweep_csv);
  g_test_add_func ("/sweep/json", test_sweep_json);
  g_test_add_func ("/sweep/search", test_sweep_search);
  g_test_add_func ("/sweep/pareto", test_sweep_pareto);
  g_test_add_func ("/sweep/pareto-real", test_sweep_pareto_real);
  g_test_add_func ("/sweep/axes", test_sweep_axes);
  g_test_add_func ("/sweep/async", test_sweep_async);
  g_test_add_func ("/sweep/save", test_sweep_save);
  return g_test_run ();
}
