/* mls-sweep-private.h — what a sweep and its table share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mlsysim.h"

G_BEGIN_DECLS

/* One axis: its values as the scenario takes them, and as the table shows them. Immutable
 * once added; shared by the sweep and every table it made. */
typedef struct
{
  gatomicrefcount  ref_count;
  MlsSweepAxisKind kind;
  char            *name;      /* "hardware", "batch_size", "precision", "serving.network_bandwidth" */
  guint            n_values;
  char           **labels;    /* one per value: "H100", "32", "fp16", "100 GB/s" */
  double          *numbers;   /* one per value, in the display unit; NAN for names */
  char            *unit;      /* display unit of a parameter axis; NULL otherwise */
  /* how a value is applied */
  const char      *category;  /* ENTRY: "hardware", "models", "grids", "clusters" (interned) */
  guint            category_index; /* ENTRY: 0 hardware, 1 models, 2 grids, 3 clusters */
  MlsEntry       **entries;   /* ENTRY: strong references */
  MlsKnob          knob;      /* KNOB */
  MlsPrecision    *precisions; /* PRECISION */
  const char      *parameter; /* PARAMETER: interned id */
  MlsQuantity     *quantities; /* PARAMETER: base units */
} MlsSweepAxis;

MlsSweepAxis *mls_sweep_axis_ref   (MlsSweepAxis *axis);
void          mls_sweep_axis_unref (MlsSweepAxis *axis);

/* One column of results. */
typedef struct
{
  char       *id;
  char       *label;
  char       *unit;     /* display unit ("ms"), "" when dimensionless, "text" for text */
  double      scale;    /* base units per display unit */
  GQuark      quark;
  gboolean    text;
  double     *values;   /* base units; NAN where the metric was not produced */
  const char **texts;   /* interned; NULL where not produced */
} MlsSweepColumn;

/* Built by mls_sweep_run(): the table owns the axes (references) and columns given. */
MlsSweepTable *mls_sweep_table_new          (GPtrArray      *axes,
                                             GArray         *columns,
                                             guint64         n_points,
                                             GError        **error);
MlsSweepColumn *mls_sweep_table_peek_columns (MlsSweepTable *self,
                                             guint          *n_columns);
guint8        *mls_sweep_table_peek_failures (MlsSweepTable  *self);
/* After a cancelled run: keeps only the rows of the chunks evaluated, in point order. */
void           mls_sweep_table_compact      (MlsSweepTable  *self,
                                             const guint8   *chunk_done,
                                             guint64         chunk_size);
void           mls_sweep_table_set_stats    (MlsSweepTable  *self,
                                             const guint64  *thread_points,
                                             guint           n_threads,
                                             double          elapsed);

G_END_DECLS
