/* mls-ledger.c — the named results of one evaluation
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <string.h>

#include "mlsysim.h"
#include "mls-ledger-private.h"

/* A ledger is reset and refilled for every evaluation of a sweep, so its storage is kept
 * between evaluations. MlsLedgerMetrics live in a flat array in the order written; an index by quark
 * (quarks are small consecutive integers) finds them in constant time. Each index slot carries
 * the generation it was written in, so a reset is one increment, not a clear. */

typedef struct
{
  const char    *solver; /* interned */
  MlsSolveStatus status;
  char          *message;
  GPtrArray     *explanations;
} SolverRecord;

typedef struct
{
  guint32 generation;
  guint32 position;
} IndexSlot;

struct _MlsLedger
{
  GObject    parent_instance;
  MlsLedgerMetric    *metrics;
  guint      n_metrics;
  guint      metrics_capacity;
  IndexSlot *index;    /* by quark */
  guint      index_size;
  guint32    generation;
  GArray  *solvers;  /* SolverRecord */
  gboolean explain;
};

G_DEFINE_FINAL_TYPE (MlsLedger, mls_ledger, G_TYPE_OBJECT)

static void
clear_record (SolverRecord *record)
{
  g_clear_pointer (&record->message, g_free);
  g_clear_pointer (&record->explanations, g_ptr_array_unref);
}

static void
mls_ledger_finalize (GObject *object)
{
  MlsLedger *self = MLS_LEDGER (object);

  for (guint i = 0; i < self->solvers->len; i++)
    clear_record (&g_array_index (self->solvers, SolverRecord, i));
  g_free (self->metrics);
  g_free (self->index);
  g_array_unref (self->solvers);
  G_OBJECT_CLASS (mls_ledger_parent_class)->finalize (object);
}

static void
mls_ledger_class_init (MlsLedgerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mls_ledger_finalize;
}

static void
mls_ledger_init (MlsLedger *self)
{
  self->metrics_capacity = 64;
  self->metrics = g_new (MlsLedgerMetric, self->metrics_capacity);
  self->solvers = g_array_sized_new (FALSE, FALSE, sizeof (SolverRecord), 16);
  self->explain = TRUE;
  self->generation = 1;
}

/**
 * mls_ledger_new:
 *
 * Returns: (transfer full): an empty ledger that records explanations
 */
MlsLedger *
mls_ledger_new (void)
{
  return g_object_new (MLS_TYPE_LEDGER, NULL);
}

/**
 * mls_ledger_reset:
 * @self: a #MlsLedger
 *
 * Forgets every metric and solver record, keeping the storage for the next evaluation.
 */
void
mls_ledger_reset (MlsLedger *self)
{
  /* Records are kept, marked pending, so that the next evaluation reuses their storage. */
  for (guint i = 0; i < self->solvers->len; i++)
    {
      SolverRecord *r = &g_array_index (self->solvers, SolverRecord, i);
      r->status = MLS_SOLVE_PENDING;
      if (r->explanations != NULL)
        g_ptr_array_set_size (r->explanations, 0);
    }
  self->n_metrics = 0;
  self->generation++;
}

void
mls_ledger_truncate_metrics (MlsLedger *self,
                             guint      n_metrics)
{
  for (guint i = n_metrics; i < self->n_metrics; i++)
    {
      GQuark id = self->metrics[i].id;
      /* any generation but the current one makes the slot empty */
      if (id < self->index_size && self->index[id].position == i)
        self->index[id].generation = self->generation - 1;
    }
  if (n_metrics < self->n_metrics)
    self->n_metrics = n_metrics;
}

/**
 * mls_ledger_set_explain:
 * @self: a #MlsLedger
 * @explain: whether solvers should write explanations
 *
 * Sweeps turn explanations off: they cost an allocation each.
 */
void
mls_ledger_set_explain (MlsLedger *self,
                        gboolean   explain)
{
  self->explain = !!explain;
}

/**
 * mls_ledger_get_explain:
 * @self: a #MlsLedger
 *
 * Returns: whether solvers should write explanations
 */
gboolean
mls_ledger_get_explain (MlsLedger *self)
{
  return self->explain;
}

static inline MlsLedgerMetric *
find_metric (MlsLedger *self,
             GQuark     id)
{
  if (id < self->index_size && self->index[id].generation == self->generation)
    return &self->metrics[self->index[id].position];
  return NULL;
}

static MlsLedgerMetric *
ensure_metric (MlsLedger *self,
               GQuark     id)
{
  MlsLedgerMetric *m = find_metric (self, id);
  guint position;

  if (G_LIKELY (m != NULL))
    return m;

  if (id >= self->index_size)
    {
      guint size = MAX (id + 1, self->index_size * 2);
      self->index = g_renew (IndexSlot, self->index, size);
      memset (self->index + self->index_size, 0, (size - self->index_size) * sizeof (IndexSlot));
      self->index_size = size;
    }
  if (self->n_metrics == self->metrics_capacity)
    {
      self->metrics_capacity *= 2;
      self->metrics = g_renew (MlsLedgerMetric, self->metrics, self->metrics_capacity);
    }
  position = self->n_metrics++;
  self->index[id].generation = self->generation;
  self->index[id].position = position;
  m = &self->metrics[position];
  m->id = id;
  m->text = NULL;
  return m;
}

/**
 * mls_ledger_set_quark:
 * @self: a #MlsLedger
 * @metric: the interned metric id
 * @value: the value
 *
 * Records a metric without allocating (after the ledger's first use).
 */
void
mls_ledger_set_quark (MlsLedger         *self,
                      GQuark             metric,
                      const MlsQuantity *value)
{
  MlsLedgerMetric *m = ensure_metric (self, metric);

  m->value = *value;
  m->text = NULL;
}

/**
 * mls_ledger_set:
 * @self: a #MlsLedger
 * @metric_id: the metric id, "<solver>.<name>"
 * @value: the value
 *
 * Records a metric.
 */
void
mls_ledger_set (MlsLedger         *self,
                const char        *metric_id,
                const MlsQuantity *value)
{
  mls_ledger_set_quark (self, g_quark_from_string (metric_id), value);
}

/**
 * mls_ledger_set_number:
 * @self: a #MlsLedger
 * @metric_id: the metric id
 * @value: a plain number (a ratio, a count, 1 or 0 for yes or no)
 *
 * Records a dimensionless metric.
 */
void
mls_ledger_set_number (MlsLedger  *self,
                       const char *metric_id,
                       double      value)
{
  MlsQuantity q = mls_quantity_scalar (value);

  mls_ledger_set (self, metric_id, &q);
}

/**
 * mls_ledger_set_text_quark:
 * @self: a #MlsLedger
 * @metric: the interned metric id
 * @static_text: a string that lives as long as the process (a literal or interned)
 *
 * Records a text metric, such as a bottleneck, without allocating.
 */
void
mls_ledger_set_text_quark (MlsLedger  *self,
                           GQuark      metric,
                           const char *static_text)
{
  MlsLedgerMetric *m = ensure_metric (self, metric);

  m->value = mls_quantity_scalar (0.0);
  m->text = static_text;
}

/**
 * mls_ledger_set_text:
 * @self: a #MlsLedger
 * @metric_id: the metric id
 * @text: the text ("Memory", "Compute")
 *
 * Records a text metric; @text is interned.
 */
void
mls_ledger_set_text (MlsLedger  *self,
                     const char *metric_id,
                     const char *text)
{
  mls_ledger_set_text_quark (self, g_quark_from_string (metric_id), g_intern_string (text));
}

/**
 * mls_ledger_get_quark:
 * @self: a #MlsLedger
 * @metric: the interned metric id
 * @out: (out caller-allocates) (optional): the value
 *
 * Returns: whether the metric has a quantity value
 */
gboolean
mls_ledger_get_quark (MlsLedger   *self,
                      GQuark       metric,
                      MlsQuantity *out)
{
  MlsLedgerMetric *m = find_metric (self, metric);

  if (m == NULL || m->text != NULL)
    return FALSE;
  if (out != NULL)
    *out = m->value;
  return TRUE;
}

/**
 * mls_ledger_get:
 * @self: a #MlsLedger
 * @metric_id: the metric id
 * @out: (out caller-allocates) (optional): the value
 *
 * Returns: whether the metric has a quantity value
 */
gboolean
mls_ledger_get (MlsLedger   *self,
                const char  *metric_id,
                MlsQuantity *out)
{
  GQuark q = g_quark_try_string (metric_id);

  return q != 0 && mls_ledger_get_quark (self, q, out);
}

/**
 * mls_ledger_get_text:
 * @self: a #MlsLedger
 * @metric_id: the metric id
 *
 * Returns: (nullable): the text of a text metric
 */
const char *
mls_ledger_get_text (MlsLedger  *self,
                     const char *metric_id)
{
  GQuark q = g_quark_try_string (metric_id);
  MlsLedgerMetric *m = q ? find_metric (self, q) : NULL;

  return m ? m->text : NULL;
}

/**
 * mls_ledger_has:
 * @self: a #MlsLedger
 * @metric_id: the metric id
 *
 * Returns: whether the metric was recorded, as a quantity or a text
 */
gboolean
mls_ledger_has (MlsLedger  *self,
                const char *metric_id)
{
  GQuark q = g_quark_try_string (metric_id);

  return q != 0 && find_metric (self, q) != NULL;
}

const MlsLedgerMetric *
mls_ledger_peek_metrics (MlsLedger *self,
                         guint     *n_metrics)
{
  *n_metrics = self->n_metrics;
  return self->metrics;
}

/**
 * mls_ledger_get_n_metrics:
 * @self: a #MlsLedger
 *
 * Returns: the number of metrics recorded
 */
guint
mls_ledger_get_n_metrics (MlsLedger *self)
{
  return self->n_metrics;
}

/**
 * mls_ledger_list_metrics:
 * @self: a #MlsLedger
 *
 * Returns: (transfer full) (array zero-terminated=1): the metric ids, in the order recorded
 */
char **
mls_ledger_list_metrics (MlsLedger *self)
{
  char **ids = g_new0 (char *, self->n_metrics + 1);

  for (guint i = 0; i < self->n_metrics; i++)
    ids[i] = g_strdup (g_quark_to_string (self->metrics[i].id));
  return ids;
}

/* Compares strings rather than quarks: interning takes a global lock, and parallel sweeps
 * write statuses on every evaluation. */
static SolverRecord *
find_record (MlsLedger  *self,
             const char *solver_id)
{
  for (guint i = 0; solver_id != NULL && i < self->solvers->len; i++)
    if (strcmp (g_array_index (self->solvers, SolverRecord, i).solver, solver_id) == 0)
      return &g_array_index (self->solvers, SolverRecord, i);
  return NULL;
}

static SolverRecord *
ensure_record (MlsLedger  *self,
               const char *solver_id)
{
  SolverRecord *found = find_record (self, solver_id);

  if (found != NULL)
    return found;

  SolverRecord fresh = { g_intern_string (solver_id), MLS_SOLVE_PENDING, NULL, NULL };
  g_array_append_val (self->solvers, fresh);
  return &g_array_index (self->solvers, SolverRecord, self->solvers->len - 1);
}

/**
 * mls_ledger_set_status:
 * @self: a #MlsLedger
 * @solver_id: the solver's id
 * @status: how it fared
 * @message: (nullable): its verdict or bottleneck ("Memory-bound"), or the error
 *
 * Records a solver's outcome.
 */
void
mls_ledger_set_status (MlsLedger     *self,
                       const char    *solver_id,
                       MlsSolveStatus status,
                       const char    *message)
{
  SolverRecord *record = ensure_record (self, solver_id);

  record->status = status;
  if (g_strcmp0 (record->message, message) != 0)
    {
      g_free (record->message);
      record->message = g_strdup (message);
    }
}

/**
 * mls_ledger_get_status:
 * @self: a #MlsLedger
 * @solver_id: the solver's id
 * @out_message: (out) (optional) (nullable) (transfer none): its verdict or error
 *
 * Returns: the solver's status, %MLS_SOLVE_PENDING if it did not run
 */
MlsSolveStatus
mls_ledger_get_status (MlsLedger   *self,
                       const char  *solver_id,
                       const char **out_message)
{
  SolverRecord *r = find_record (self, solver_id);

  if (out_message != NULL)
    *out_message = (r != NULL && r->status != MLS_SOLVE_PENDING) ? r->message : NULL;
  return r != NULL ? r->status : MLS_SOLVE_PENDING;
}

/**
 * mls_ledger_add_explanation:
 * @self: a #MlsLedger
 * @solver_id: the solver's id
 * @text: one short sentence
 *
 * Adds an explanation, if the ledger records them.
 */
void
mls_ledger_add_explanation (MlsLedger  *self,
                            const char *solver_id,
                            const char *text)
{
  SolverRecord *record;

  if (!self->explain)
    return;
  record = ensure_record (self, solver_id);
  if (record->explanations == NULL)
    record->explanations = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (record->explanations, g_strdup (text));
}

/**
 * mls_ledger_explain: (skip)
 * @self: a #MlsLedger
 * @solver_id: the solver's id
 * @format: a printf() format
 * @...: its arguments
 *
 * Adds a formatted explanation, if the ledger records them.
 */
void
mls_ledger_explain (MlsLedger  *self,
                    const char *solver_id,
                    const char *format,
                    ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (!self->explain)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  mls_ledger_add_explanation (self, solver_id, text);
}

/**
 * mls_ledger_get_explanations:
 * @self: a #MlsLedger
 * @solver_id: the solver's id
 *
 * Returns: (transfer full) (array zero-terminated=1): the solver's explanations
 */
char **
mls_ledger_get_explanations (MlsLedger  *self,
                             const char *solver_id)
{
  SolverRecord *r = find_record (self, solver_id);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  if (r != NULL && r->explanations != NULL)
    for (guint j = 0; j < r->explanations->len; j++)
      g_strv_builder_add (builder, g_ptr_array_index (r->explanations, j));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/**
 * mls_ledger_list_solvers:
 * @self: a #MlsLedger
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the solvers with a record,
 *   in the order they ran
 */
char **
mls_ledger_list_solvers (MlsLedger *self)
{
  char **ids = g_new0 (char *, self->solvers->len + 1);
  guint n = 0;

  for (guint i = 0; i < self->solvers->len; i++)
    {
      SolverRecord *r = &g_array_index (self->solvers, SolverRecord, i);
      if (r->status != MLS_SOLVE_PENDING)
        ids[n++] = g_strdup (r->solver);
    }
  return ids;
}
