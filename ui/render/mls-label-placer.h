/* mls-label-placer.h — collision-free placement of labels around their anchors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "mls-figure.h"

G_BEGIN_DECLS

typedef struct _MlsLabelPlacer MlsLabelPlacer;

/* A position to try: the centre of the text and its rotation, with a preference cost. */
typedef struct
{
  double cx;
  double cy;
  double angle;
  double cost;
} MlsCandidate;

/* The outcome of a placement. */
typedef struct
{
  MlsRect  box;   /* axis-aligned box of the (rotated) label, padding excluded */
  double   width; /* the label's own size, before rotation */
  double   height;
  double   cx; /* centre of the text */
  double   cy;
  double   angle;
  double   anchor_x;
  double   anchor_y;
  gboolean leader; /* far enough from the anchor to need a leader line */
  gboolean placed; /* FALSE when nothing was free: the box is the least bad spot */
  double   cost;
} MlsPlacement;

/* A label to place: among its candidates when it has some (a roof value along its roof),
 * else around its anchor, a marker of the given radius; with a leader line when displaced,
 * if allowed. */
typedef struct
{
  double              width;
  double              height;
  double              anchor_x;
  double              anchor_y;
  double              radius;
  const MlsCandidate *candidates;
  guint               n_candidates;
  gboolean            allow_leader;
} MlsLabelRequest;

MlsLabelPlacer *mls_label_placer_new (const MlsRect *bounds, double gap);
void            mls_label_placer_free (MlsLabelPlacer *self);
void            mls_label_placer_add_obstacle (MlsLabelPlacer *self, const MlsRect *box);
void            mls_label_placer_add_point (MlsLabelPlacer *self, double x, double y);
void            mls_label_placer_add_segment (MlsLabelPlacer *self, double x0, double y0, double x1,
                                              double y1);
gboolean        mls_label_placer_is_free (MlsLabelPlacer *self, const MlsRect *box);
double          mls_label_placer_crossings (MlsLabelPlacer *self, const MlsRect *box);
guint    mls_label_placer_segment_crossings (MlsLabelPlacer *self, double x0, double y0, double x1,
                                             double y1);
gboolean mls_label_placer_place_around (MlsLabelPlacer *self, double width, double height,
                                        double anchor_x, double anchor_y, double radius,
                                        gboolean allow_leader, MlsPlacement *out);
gboolean mls_label_placer_place_among (MlsLabelPlacer *self, double width, double height,
                                       const MlsCandidate *candidates, guint n_candidates,
                                       double anchor_x, double anchor_y, MlsPlacement *out);
gboolean mls_label_placer_place_all (MlsLabelPlacer *self, const MlsLabelRequest *requests, guint n,
                                     MlsPlacement *out);
void     mls_label_placer_commit (MlsLabelPlacer *self, const MlsPlacement *placement);

MlsRect  mls_rect_rotated_bounds (double cx, double cy, double width, double height, double angle);
gboolean mls_segment_intersects_rect (double x0, double y0, double x1, double y1,
                                      const MlsRect *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlsLabelPlacer, mls_label_placer_free)

G_END_DECLS
