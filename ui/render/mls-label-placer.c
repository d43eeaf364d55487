/* mls-label-placer.c — collision-free placement of labels around their anchors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A greedy placer in the spirit of cartographic label placement (Imhof 1975; Christensen,
 * Marks & Shieber 1995): labels are placed one at a time, most important first. Each label
 * tries candidate boxes around its anchor on widening rings; a candidate is admissible when it
 * stays inside the bounds and clears every label already placed and every obstacle (markers,
 * the legend). Among the admissible ones the cheapest wins, where the cost adds the candidate's
 * preference, its distance from the anchor and the lines it would cover. When every ring is
 * full the whole area is scanned, and a leader line joins the label to its anchor.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mls-label-placer.h"

/* An oriented box: labels set along a sloped line are rotated, and their axis-aligned boxes
 * would block far more room than the text takes. */
typedef struct
{
  double  cx;
  double  cy;
  double  hw; /* half width and half height, in the box's own frame */
  double  hh;
  double  angle;
  MlsRect aabb;
} Obb;

struct _MlsLabelPlacer
{
  MlsRect bounds;
  double  gap;
  GArray *boxes;    /* Obb, hard: placed labels (inflated by half the gap) and obstacles */
  GArray *segments; /* double[4], soft: lines and leaders */
  GArray *points;   /* double[2]: the anchors of point labels, for ambiguity */
};

static Obb
obb_make (double cx, double cy, double width, double height, double angle)
{
  Obb o = { cx, cy, width / 2, height / 2, angle, { 0 } };

  o.aabb = mls_rect_rotated_bounds (cx, cy, width, height, angle);
  return o;
}

/* Page to box frame: the inverse of the rotation the label is drawn with. */
static void
obb_to_local (const Obb *o, double x, double y, double *lx, double *ly)
{
  double c = cos (o->angle), s = sin (o->angle);

  x -= o->cx;
  y -= o->cy;
  *lx = x * c - y * s;
  *ly = x * s + y * c;
}

static gboolean
obb_contains_point (const Obb *o, double x, double y)
{
  double lx, ly;

  obb_to_local (o, x, y, &lx, &ly);
  return fabs (lx) <= o->hw && fabs (ly) <= o->hh;
}

static gboolean
obb_crosses_segment (const Obb *o, double x0, double y0, double x1, double y1)
{
  MlsRect local = { -o->hw, -o->hh, 2 * o->hw, 2 * o->hh };
  double  a, b, c, d;

  obb_to_local (o, x0, y0, &a, &b);
  obb_to_local (o, x1, y1, &c, &d);
  return mls_segment_intersects_rect (a, b, c, d, &local);
}

/* Separating-axis test of two oriented boxes. */
static gboolean
obb_intersects (const Obb *a, const Obb *b)
{
  const Obb *boxes[2] = { a, b };

  if (!mls_rect_intersects (&a->aabb, &b->aabb))
    return FALSE;
  if (a->angle == 0 && b->angle == 0)
    return TRUE;
  for (int k = 0; k < 2; k++)
    for (int axis = 0; axis < 2; axis++)
      {
        /* The box's axes on the page (y down, angle counter-clockwise). */
        double t = boxes[k]->angle;
        double ux = axis == 0 ? cos (t) : sin (t), uy = axis == 0 ? -sin (t) : cos (t);
        double ra = 0, rb = 0, dist;
        for (int j = 0; j < 2; j++)
          {
            const Obb *o = boxes[j];
            double     c = cos (o->angle), s = sin (o->angle);
            /* Projections of the half axes (c, −s)·hw and (s, c)·hh. */
            double r = o->hw * fabs (ux * c - uy * s) + o->hh * fabs (ux * s + uy * c);
            if (j == 0)
              ra = r;
            else
              rb = r;
          }
        dist = fabs ((b->cx - a->cx) * ux + (b->cy - a->cy) * uy);
        if (dist >= ra + rb)
          return FALSE;
      }
  return TRUE;
}

/* The cost of covering one line, in the unit of half a ring of displacement. */
#define SEGMENT_COST 6.0
#define LEADER_CROSS_COST 20.0
#define AMBIGUITY_COST 4.0

MlsLabelPlacer *
mls_label_placer_new (const MlsRect *bounds, double gap)
{
  MlsLabelPlacer *self = g_new0 (MlsLabelPlacer, 1);

  self->bounds = *bounds;
  self->gap = gap;
  self->boxes = g_array_new (FALSE, FALSE, sizeof (Obb));
  self->segments = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  self->points = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  return self;
}

void
mls_label_placer_free (MlsLabelPlacer *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->boxes);
  g_array_unref (self->segments);
  g_array_unref (self->points);
  g_free (self);
}

void
mls_label_placer_add_obstacle (MlsLabelPlacer *self, const MlsRect *box)
{
  Obb o = obb_make (box->x + box->width / 2, box->y + box->height / 2, box->width, box->height, 0);

  g_array_append_val (self->boxes, o);
}

/* Registers the anchor of a point label: a label nearer to another anchor than to its own
 * seems to name the other one, so such spots cost more. */
void
mls_label_placer_add_point (MlsLabelPlacer *self, double x, double y)
{
  double p[2] = { x, y };

  g_array_append_vals (self->points, p, 1);
}

void
mls_label_placer_add_segment (MlsLabelPlacer *self, double x0, double y0, double x1, double y1)
{
  double s[4] = { x0, y0, x1, y1 };

  if (!isfinite (x0) || !isfinite (y0) || !isfinite (x1) || !isfinite (y1))
    return;
  g_array_append_vals (self->segments, s, 1);
}

/**
 * mls_rect_intersects:
 * @a: a rectangle
 * @b: a rectangle
 *
 * Returns: %TRUE when @a and @b share an area (touching edges do not count)
 */
gboolean
mls_rect_intersects (const MlsRect *a, const MlsRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height
         && b->y < a->y + a->height;
}

/**
 * mls_rect_contains:
 * @outer: a rectangle
 * @inner: a rectangle
 *
 * Returns: %TRUE when @inner lies within @outer (to a millionth of a point)
 */
gboolean
mls_rect_contains (const MlsRect *outer, const MlsRect *inner)
{
  /* A hair of slack: boxes measured in floating point land exactly on the edge. */
  const double e = 1e-6;

  return inner->x >= outer->x - e && inner->y >= outer->y - e
         && inner->x + inner->width <= outer->x + outer->width + e
         && inner->y + inner->height <= outer->y + outer->height + e;
}

MlsRect
mls_rect_rotated_bounds (double cx, double cy, double width, double height, double angle)
{
  double c = fabs (cos (angle)), s = fabs (sin (angle));
  double w = width * c + height * s;
  double h = width * s + height * c;

  return (MlsRect){ cx - w / 2, cy - h / 2, w, h };
}

/* Liang–Barsky clipping: does the segment enter the rectangle? */
gboolean
mls_segment_intersects_rect (double x0, double y0, double x1, double y1, const MlsRect *r)
{
  double dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - r->x, r->x + r->width - x0, y0 - r->y, r->y + r->height - y0 };
  double t0 = 0, t1 = 1;

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static gboolean
clear_of_boxes (MlsLabelPlacer *self, const Obb *box)
{
  for (guint i = 0; i < self->boxes->len; i++)
    if (obb_intersects (box, &g_array_index (self->boxes, Obb, i)))
      return FALSE;
  return TRUE;
}

gboolean
mls_label_placer_is_free (MlsLabelPlacer *self, const MlsRect *box)
{
  Obb o = obb_make (box->x + box->width / 2, box->y + box->height / 2, box->width, box->height, 0);

  return mls_rect_contains (&self->bounds, box) && clear_of_boxes (self, &o);
}

double
mls_label_placer_crossings (MlsLabelPlacer *self, const MlsRect *box)
{
  double n = 0;

  for (guint i = 0; i < self->segments->len; i++)
    {
      const double *s = &g_array_index (self->segments, double, i * 4);
      if (mls_segment_intersects_rect (s[0], s[1], s[2], s[3], box))
        n += 1;
    }
  return n;
}

static gboolean
segments_cross (const double *a, const double *b)
{
  double d1x = a[2] - a[0], d1y = a[3] - a[1], d2x = b[2] - b[0], d2y = b[3] - b[1];
  double den = d1x * d2y - d1y * d2x, t, v;

  if (fabs (den) < 1e-12)
    return FALSE;
  t = ((b[0] - a[0]) * d2y - (b[1] - a[1]) * d2x) / den;
  v = ((b[0] - a[0]) * d1y - (b[1] - a[1]) * d1x) / den;
  return t > 0 && t < 1 && v > 0 && v < 1;
}

/* How many lines the segment from (x0, y0) to (x1, y1) crosses: a label separated from its
 * own line by another line reads as belonging to the other one. */
guint
mls_label_placer_segment_crossings (MlsLabelPlacer *self, double x0, double y0, double x1,
                                    double y1)
{
  double a[4] = { x0, y0, x1, y1 };
  guint  n = 0;

  for (guint i = 0; i < self->segments->len; i++)
    if (segments_cross (a, &g_array_index (self->segments, double, i * 4)))
      n++;
  return n;
}

/* The point of @box nearest to (x, y): where a leader line ends. */
static void
nearest_point (const MlsRect *box, double x, double y, double *px, double *py)
{
  *px = CLAMP (x, box->x, box->x + box->width);
  *py = CLAMP (y, box->y, box->y + box->height);
}

static double
leader_crossings (MlsLabelPlacer *self, const MlsRect *box, double ax, double ay)
{
  double px, py, n = 0;

  nearest_point (box, ax, ay, &px, &py);
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const Obb *o = &g_array_index (self->boxes, Obb, i);
      /* The anchor's own marker is an obstacle the leader must start from. */
      if (obb_contains_point (o, ax, ay))
        continue;
      if (obb_crosses_segment (o, ax, ay, px, py))
        n += 1;
    }
  return n;
}

/* Lines under the label itself: for a rotated label, its own oriented box, not the much
 * larger axis-aligned one, so that text set along a line is not charged for the line. */
static double
oriented_crossings (MlsLabelPlacer *self, double cx, double cy, double width, double height,
                    double angle)
{
  double  c = cos (angle), s = sin (angle), n = 0;
  MlsRect local = { -width / 2, -height / 2, width, height };

  for (guint i = 0; i < self->segments->len; i++)
    {
      const double *p = &g_array_index (self->segments, double, i * 4);
      double        x0 = p[0] - cx, y0 = p[1] - cy, x1 = p[2] - cx, y1 = p[3] - cy;
      /* Page to text frame: the inverse of the rotation the label is drawn with. */
      if (mls_segment_intersects_rect (x0 * c - y0 * s, x0 * s + y0 * c, x1 * c - y1 * s,
                                       x1 * s + y1 * c, &local))
        n += 1;
    }
  return n;
}

static double
box_distance (const MlsRect *box, double x, double y)
{
  double px = CLAMP (x, box->x, box->x + box->width);
  double py = CLAMP (y, box->y, box->y + box->height);

  return hypot (px - x, py - y);
}

static double
ambiguity (MlsLabelPlacer *self, const MlsRect *box, double ax, double ay)
{
  double own = box_distance (box, ax, ay), n = 0;

  for (guint i = 0; i < self->points->len; i++)
    {
      const double *p = &g_array_index (self->points, double, i * 2);
      if (p[0] == ax && p[1] == ay)
        continue;
      /* Another anchor about as near as the own one already confuses. */
      if (box_distance (box, p[0], p[1]) < own * 1.15 + 1.0)
        n += 1;
    }
  return n;
}

static gboolean
try_box (MlsLabelPlacer *self, double cx, double cy, double width, double height, double angle,
         double extra_cost, double ax, double ay, gboolean leader, MlsPlacement *best)
{
  MlsRect box = mls_rect_rotated_bounds (cx, cy, width, height, angle);
  Obb     padded = obb_make (cx, cy, width + self->gap, height + self->gap, angle);
  double  cost;

  /* Admissible: inside the bounds, and (with half the gap around it) clear of every placed
   * label and obstacle, whose boxes carry the other half. */
  if (!mls_rect_contains (&self->bounds, &box) || !clear_of_boxes (self, &padded))
    return FALSE;
  cost = extra_cost + SEGMENT_COST * oriented_crossings (self, cx, cy, width, height, angle);
  /* Near another label's anchor, without a leader to say otherwise, a label is misread. */
  if (!leader && self->points->len > 0)
    cost += AMBIGUITY_COST * ambiguity (self, &box, ax, ay);
  else if (leader && self->points->len > 0)
    cost += 0.5 * AMBIGUITY_COST * ambiguity (self, &box, ax, ay);
  /* A leader across another label seems to point at it: only as a last resort. */
  if (leader)
    cost += LEADER_CROSS_COST * leader_crossings (self, &box, ax, ay);
  if (best->placed && cost >= best->cost)
    return FALSE;
  best->box = box;
  best->width = width;
  best->height = height;
  best->cx = cx;
  best->cy = cy;
  best->angle = angle;
  best->anchor_x = ax;
  best->anchor_y = ay;
  best->leader = leader;
  best->placed = TRUE;
  best->cost = cost;
  return TRUE;
}

/* Directions around the anchor, in order of preference: right, upper right, lower right,
 * above, below, left…  (reading order puts a name after its point). */
static const struct
{
  double dx, dy, pref;
} directions[] = {
  { 1, 0, 0.0 },     { 1, -1, 0.3 },    { 1, 1, 0.5 },      { 0, -1, 0.6 },
  { 0, 1, 0.8 },     { -1, 0, 0.9 },    { -1, -1, 1.0 },    { -1, 1, 1.1 },
  { 1, -0.5, 0.2 },  { 1, 0.5, 0.4 },   { -1, -0.5, 0.95 }, { -1, 0.5, 1.05 },
  { 0.5, -1, 0.65 }, { -0.5, -1, 0.7 }, { 0.5, 1, 0.85 },   { -0.5, 1, 0.9 },
};

gboolean
mls_label_placer_place_around (MlsLabelPlacer *self, double width, double height, double ax,
                               double ay, double radius, gboolean allow_leader, MlsPlacement *out)
{
  double       step = MAX (height * 0.5, 2.0);
  guint        rings = allow_leader ? 10 : 1;
  MlsPlacement best = { 0 };

  for (guint k = 0; k < rings; k++)
    {
      double d = radius + self->gap + k * step;

      /* A label found on an inner ring beats any on the next ones but one. */
      if (best.placed && best.cost < 2.0 * k - 1.0)
        break;
      for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
        {
          double dx = directions[i].dx, dy = directions[i].dy;
          double cx = ax, cy = ay;

          /* A full step puts the box beside the anchor, d away; a half step slides it so
           * that it starts (or ends) at the anchor. */
          if (fabs (dx) == 1)
            cx = ax + dx * (d + width / 2);
          else if (dx != 0)
            cx = ax + (dx > 0 ? 1 : -1) * width * 0.35;
          if (fabs (dy) == 1)
            cy = ay + dy * (d + height / 2);
          else if (dy != 0)
            cy = ay + (dy > 0 ? 1 : -1) * height * 0.5;
          try_box (self, cx, cy, width, height, 0, directions[i].pref + 2.0 * k, ax, ay, k > 0,
                   &best);
        }
    }

  if (!best.placed && allow_leader)
    {
      /* Every ring is full: scan the whole area for the free spot nearest the anchor. */
      double sx = MAX (width / 4, 2.0), sy = MAX (height / 3, 2.0);
      for (double y = self->bounds.y; y + height <= self->bounds.y + self->bounds.height; y += sy)
        for (double x = self->bounds.x; x + width <= self->bounds.x + self->bounds.width; x += sx)
          {
            MlsRect box = { x, y, width, height };
            double  px, py;
            nearest_point (&box, ax, ay, &px, &py);
            double dist = hypot (px - ax, py - ay);
            try_box (self, x + width / 2, y + height / 2, width, height, 0,
                     2.0 * (dist - radius) / step + 2.0, ax, ay, TRUE, &best);
          }
    }

  if (!best.placed)
    {
      /* Nothing is free: report the preferred spot, clamped into the bounds. */
      double cx = ax + radius + self->gap + width / 2;
      cx = CLAMP (cx, self->bounds.x + width / 2, self->bounds.x + self->bounds.width - width / 2);
      double cy = CLAMP (ay, self->bounds.y + height / 2,
                         self->bounds.y + self->bounds.height - height / 2);
      best.box = (MlsRect){ cx - width / 2, cy - height / 2, width, height };
      best.width = width;
      best.height = height;
      best.cx = cx;
      best.cy = cy;
      best.anchor_x = ax;
      best.anchor_y = ay;
      best.cost = G_MAXDOUBLE;
    }
  *out = best;
  return best.placed;
}

gboolean
mls_label_placer_place_among (MlsLabelPlacer *self, double width, double height,
                              const MlsCandidate *candidates, guint n_candidates, double ax,
                              double ay, MlsPlacement *out)
{
  MlsPlacement best = { 0 };

  for (guint i = 0; i < n_candidates; i++)
    {
      const MlsCandidate *c = &candidates[i];
      try_box (self, c->cx, c->cy, width, height, c->angle, c->cost, ax, ay, FALSE, &best);
    }
  if (!best.placed)
    {
      /* Nothing is free: report the preferred candidate. */
      const MlsCandidate *c = NULL;
      for (guint i = 0; i < n_candidates; i++)
        if (c == NULL || candidates[i].cost < c->cost)
          c = &candidates[i];
      if (c)
        {
          best.box = mls_rect_rotated_bounds (c->cx, c->cy, width, height, c->angle);
          best.cx = c->cx;
          best.cy = c->cy;
          best.angle = c->angle;
        }
      else
        {
          best.box = (MlsRect){ ax - width / 2, ay - height / 2, width, height };
          best.cx = ax;
          best.cy = ay;
        }
      best.width = width;
      best.height = height;
      best.anchor_x = ax;
      best.anchor_y = ay;
      best.cost = G_MAXDOUBLE;
    }
  *out = best;
  return best.placed;
}

void
mls_label_placer_commit (MlsLabelPlacer *self, const MlsPlacement *placement)
{
  double w = placement->width > 0 ? placement->width : placement->box.width;
  double h = placement->height > 0 ? placement->height : placement->box.height;
  Obb    padded = obb_make (placement->box.x + placement->box.width / 2,
                            placement->box.y + placement->box.height / 2, w + self->gap, h + self->gap,
                         placement->width > 0 ? placement->angle : 0);

  g_array_append_val (self->boxes, padded);
  if (placement->leader)
    {
      double px, py;
      nearest_point (&placement->box, placement->anchor_x, placement->anchor_y, &px, &py);
      mls_label_placer_add_segment (self, placement->anchor_x, placement->anchor_y, px, py);
    }
}

static MlsLabelPlacer *
placer_copy (MlsLabelPlacer *self)
{
  MlsLabelPlacer *copy = mls_label_placer_new (&self->bounds, self->gap);

  g_array_append_vals (copy->boxes, self->boxes->data, self->boxes->len);
  g_array_append_vals (copy->segments, self->segments->data, self->segments->len);
  g_array_append_vals (copy->points, self->points->data, self->points->len);
  return copy;
}

typedef struct
{
  const MlsLabelRequest *requests;
  int                    key;
} OrderContext;

static int
compare_requests (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const OrderContext    *ctx = user_data;
  const MlsLabelRequest *ra = &ctx->requests[*(const guint *)a];
  const MlsLabelRequest *rb = &ctx->requests[*(const guint *)b];
  double                 va, vb;

  switch (ctx->key)
    {
    case 0:
      va = ra->anchor_x, vb = rb->anchor_x;
      break;
    case 1:
      va = -ra->anchor_x, vb = -rb->anchor_x;
      break;
    case 2:
      va = ra->anchor_y, vb = rb->anchor_y;
      break;
    case 3:
      va = -ra->anchor_y, vb = -rb->anchor_y;
      break;
    case 4:
      /* The ones tied to their lines first. */
      va = ra->n_candidates > 0 ? 0 : 1, vb = rb->n_candidates > 0 ? 0 : 1;
      break;
    case 5:
      va = ra->n_candidates > 0 ? 1 : 0, vb = rb->n_candidates > 0 ? 1 : 0;
      break;
    default:
      va = -ra->width * ra->height, vb = -rb->width * rb->height;
      break;
    }
  if (va != vb)
    return (va > vb) - (va < vb);
  /* Stable: ties keep the given order. */
  return (*(const guint *)a > *(const guint *)b) - (*(const guint *)a < *(const guint *)b);
}

/**
 * mls_label_placer_place_all:
 * @self: a placer
 * @requests: (array length=n): the labels to place around their anchors
 * @n: how many
 * @out: (array length=n): where each one went
 *
 * Places a group of labels of equal importance. Greedy placement depends on the order, so
 * several orders are tried (as given, reversed, by x, by y, the labels tied to lines first
 * or last, largest first) and the one with
 * the lowest total cost wins; a label left without a free spot counts as a large cost.
 *
 * Returns: %TRUE when every label found a free spot
 */
gboolean
mls_label_placer_place_all (MlsLabelPlacer *self, const MlsLabelRequest *requests, guint n,
                            MlsPlacement *out)
{
  g_autofree guint        *order = g_new (guint, MAX (n, 1));
  g_autofree MlsPlacement *trial = g_new0 (MlsPlacement, MAX (n, 1));
  double                   best_cost = G_MAXDOUBLE;
  gboolean                 all = FALSE;

  for (int attempt = 0; attempt < 9; attempt++)
    {
      g_autoptr (MlsLabelPlacer) copy = placer_copy (self);
      double   total = 0;
      gboolean placed_all = TRUE;

      for (guint i = 0; i < n; i++)
        order[i] = (attempt == 1) ? n - 1 - i : i;
      if (attempt >= 2)
        {
          OrderContext ctx = { requests, attempt - 2 };
          g_qsort_with_data (order, n, sizeof (guint), compare_requests, &ctx);
        }
      for (guint i = 0; i < n; i++)
        {
          const MlsLabelRequest *r = &requests[order[i]];
          MlsPlacement          *p = &trial[order[i]];
          gboolean               ok = FALSE;
          if (r->n_candidates > 0)
            ok = mls_label_placer_place_among (copy, r->width, r->height, r->candidates,
                                               r->n_candidates, r->anchor_x, r->anchor_y, p);
          /* A label with candidates that all failed drifts off with a leader: it costs more
           * than any candidate of its own. */
          if (!ok && (r->n_candidates == 0 || r->allow_leader))
            {
              ok = mls_label_placer_place_around (copy, r->width, r->height, r->anchor_x,
                                                  r->anchor_y, r->radius, r->allow_leader, p);
              if (ok && r->n_candidates > 0)
                p->cost += 10;
            }
          if (!ok)
            {
              placed_all = FALSE;
              total += 1000;
            }
          else
            total += p->cost;
          mls_label_placer_commit (copy, p);
          if (total >= best_cost)
            break;
        }
      if (total < best_cost)
        {
          best_cost = total;
          all = placed_all;
          memcpy (out, trial, n * sizeof (MlsPlacement));
        }
    }
  for (guint i = 0; i < n; i++)
    mls_label_placer_commit (self, &out[i]);
  return all;
}
