/* mls-pareto-chart.c — design points with their Pareto front
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "mls-figure-private.h"

static void
sense_signs (MlsParetoSense sense, double *sx, double *sy)
{
  /* +1 where larger is better, so that "better" is always "larger" after multiplying. */
  *sx = (sense == MLS_PARETO_MAX_X_MAX_Y || sense == MLS_PARETO_MAX_X_MIN_Y) ? 1 : -1;
  *sy = (sense == MLS_PARETO_MIN_X_MAX_Y || sense == MLS_PARETO_MAX_X_MAX_Y) ? 1 : -1;
}

/**
 * mls_pareto_front:
 * @points: (array length=n_points): design points
 * @n_points: the number of @points
 * @sense: which directions are better
 * @on_front: (array length=n_points) (out caller-allocates) (optional): set to whether each
 *   point is on the front
 *
 * Finds the non-dominated points: those for which no other point is at least as good in
 * both objectives and better in one. Points with a non-finite objective are never on it.
 *
 * Returns: the number of points on the front
 */
guint
mls_pareto_front (const MlsParetoPoint *points, guint n_points, MlsParetoSense sense,
                  gboolean *on_front)
{
  double sx, sy;
  guint  count = 0;

  sense_signs (sense, &sx, &sy);
  for (guint i = 0; i < n_points; i++)
    {
      gboolean dominated = !isfinite (points[i].x) || !isfinite (points[i].y);
      double   xi = sx * points[i].x, yi = sy * points[i].y;
      for (guint j = 0; j < n_points && !dominated; j++)
        {
          double xj = sx * points[j].x, yj = sy * points[j].y;
          if (j == i || !isfinite (xj) || !isfinite (yj))
            continue;
          if (xj >= xi && yj >= yi && (xj > xi || yj > yi))
            dominated = TRUE;
        }
      if (on_front)
        on_front[i] = !dominated;
      if (!dominated)
        count++;
    }
  return count;
}

typedef struct
{
  double x;
  double y;
} Point;

static int
compare_x (const void *a, const void *b)
{
  const Point *pa = a, *pb = b;

  return (pa->x > pb->x) - (pa->x < pb->x);
}

void
mls_pareto_chart_paint (MlsPaint *paint, const MlsParetoChart *chart)
{
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double            u = paint->u, xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE, ymin = G_MAXDOUBLE,
         ymax = -G_MAXDOUBLE, x0, x1, y0, y1, sx, sy;
  g_autofree gboolean *front = g_new0 (gboolean, MAX (chart->n_points, 1));
  g_autofree Point    *fp = g_new0 (Point, MAX (chart->n_points, 1));
  g_autofree char     *x_title = NULL;
  g_autofree char     *y_title = NULL;
  g_autoptr (MlsLabelPlacer) placer = NULL;
  g_autoptr (GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) requests = g_array_new (FALSE, TRUE, sizeof (MlsLabelRequest));
  MlsColor       muted = mls_figure_color_mix (&pal->ink_secondary, &pal->background, 0.35);
  MlsLegendEntry legend[2] = { { 0 } };
  MlsAxisMap     x, y;
  MlsRect        area;
  guint          n_front;

  n_front = mls_pareto_front (chart->points, chart->n_points, chart->sense, front);
  for (guint i = 0; i < chart->n_points; i++)
    {
      const MlsParetoPoint *p = &chart->points[i];
      if (!isfinite (p->x) || !isfinite (p->y) || (chart->x_axis.log && p->x <= 0)
          || (chart->y_axis.log && p->y <= 0))
        continue;
      xmin = MIN (xmin, p->x);
      xmax = MAX (xmax, p->x);
      ymin = MIN (ymin, p->y);
      ymax = MAX (ymax, p->y);
    }
  mls_figure_axis_auto_range (&chart->x_axis, xmin, xmax, FALSE, &x0, &x1);
  mls_figure_axis_auto_range (&chart->y_axis, ymin, ymax, FALSE, &y0, &y1);
  mls_figure_axis_map_init (&x, chart->x_axis.log, x0, x1, chart->x_axis.unit);
  mls_figure_axis_map_init (&y, chart->y_axis.log, y0, y1, chart->y_axis.unit);
  x_title = mls_figure_axis_title (&x, chart->x_axis.label ? chart->x_axis.label : "");
  y_title = mls_figure_axis_title (&y, chart->y_axis.label ? chart->y_axis.label : "");

  legend[0] = (MlsLegendEntry){ .text = _ ("Design points"),
                                .color = muted,
                                .marker = MLS_MARKER_CIRCLE };
  legend[1] = (MlsLegendEntry){
    .text = _ ("Pareto front"), .color = pal->accent, .line = TRUE, .marker = MLS_MARKER_DIAMOND
  };
  area = mls_paint_xy_layout (paint, chart->title, &x, &y, x_title, y_title, legend, 2);
  {
    MlsRect inner = { area.x + 2 * u, area.y + 2 * u, area.width - 4 * u, area.height - 4 * u };
    placer = mls_label_placer_new (&inner, 3 * u);
  }

  /* The front as a staircase. With X = ±x and Y = ±y signed so that larger is better, and
   * the front sorted by X (so Y falls), the region it dominates is bounded by
   * (worst, Y1) (X1, Y1) (X1, Y2) (X2, Y2) … (Xn, Yn) (Xn, worst). */
  sense_signs (chart->sense, &sx, &sy);
  {
    guint  n = 0;
    double wx = sx > 0 ? x.lo : x.hi, wy = sy > 0 ? y.lo : y.hi;

    for (guint i = 0; i < chart->n_points; i++)
      if (front[i])
        fp[n++] = (Point){ sx * chart->points[i].x, sy * chart->points[i].y };
    qsort (fp, n, sizeof (Point), compare_x);
    for (guint k = 0; k < n; k++)
      {
        fp[k].x = mls_figure_axis_map_to_page (&x, sx * fp[k].x);
        fp[k].y = mls_figure_axis_map_to_page (&y, sy * fp[k].y);
      }

    cairo_save (cr);
    cairo_rectangle (cr, area.x, area.y, area.width, area.height);
    cairo_clip (cr);
    if (n > 0)
      {
        MlsColor shade = mls_figure_color_mix (&pal->background, &pal->accent, 0.06);

        cairo_move_to (cr, wx, wy);
        cairo_line_to (cr, wx, fp[0].y);
        for (guint k = 0; k < n; k++)
          {
            if (k > 0)
              cairo_line_to (cr, fp[k - 1].x, fp[k].y);
            cairo_line_to (cr, fp[k].x, fp[k].y);
          }
        cairo_line_to (cr, fp[n - 1].x, wy);
        cairo_close_path (cr);
        mls_paint_set_color (paint, &shade);
        cairo_fill (cr);

        cairo_set_line_width (cr, 2.2 * u);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        mls_paint_set_color (paint, &pal->accent);
        cairo_move_to (cr, fp[0].x, fp[0].y);
        for (guint k = 1; k < n; k++)
          {
            cairo_line_to (cr, fp[k - 1].x, fp[k].y);
            cairo_line_to (cr, fp[k].x, fp[k].y);
            mls_label_placer_add_segment (placer, fp[k - 1].x, fp[k - 1].y, fp[k - 1].x, fp[k].y);
            mls_label_placer_add_segment (placer, fp[k - 1].x, fp[k].y, fp[k].x, fp[k].y);
          }
        cairo_stroke (cr);
      }
    cairo_restore (cr);
  }

  /* Dominated points first, muted; the front over them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < chart->n_points; i++)
      {
        const MlsParetoPoint *p = &chart->points[i];
        double                px, py;
        if (front[i] != (pass == 1) || !isfinite (p->x) || !isfinite (p->y)
            || (chart->x_axis.log && p->x <= 0) || (chart->y_axis.log && p->y <= 0))
          continue;
        px = mls_figure_axis_map_to_page (&x, p->x);
        py = mls_figure_axis_map_to_page (&y, p->y);
        if (px < area.x - 1 || px > area.x + area.width + 1 || py < area.y - 1
            || py > area.y + area.height + 1)
          continue;
        mls_paint_marker (paint, front[i] ? MLS_MARKER_DIAMOND : MLS_MARKER_CIRCLE, px, py,
                          front[i] ? 5.0 * u : 3.6 * u, front[i] ? &pal->accent : &muted,
                          &pal->background);
        {
          double  r = front[i] ? 6.5 * u : 4.5 * u;
          MlsRect box = { px - r, py - r, 2 * r, 2 * r };
          mls_label_placer_add_obstacle (placer, &box);
          mls_label_placer_add_point (placer, px, py);
        }
        if (p->label && (front[i] || chart->label_all))
          {
            g_autofree char *m = mls_figure_markup_escape (p->label);
            g_autofree char *markup = front[i] ? g_strdup_printf ("<b>%s</b>", m) : g_strdup (m);
            PangoLayout     *layout = mls_paint_layout (paint, MLS_FONT_LABEL, markup, -1);
            MlsLabelRequest  req = { 0 };
            mls_paint_layout_size (layout, &req.width, &req.height);
            req.anchor_x = px;
            req.anchor_y = py;
            req.radius = front[i] ? 6 * u : 4.5 * u;
            req.allow_leader = TRUE;
            g_ptr_array_add (layouts, layout);
            g_array_append_val (requests, req);
          }
      }

  /* Which corner is better, so that nobody has to think about it. */
  {
    const char      *text = sx < 0 ? (sy > 0 ? _ ("↖ better") : _ ("↙ better"))
                                   : (sy > 0 ? _ ("better ↗") : _ ("better ↘"));
    g_autofree char *m = mls_figure_markup_escape (text);
    g_autoptr (PangoLayout) layout = mls_paint_layout (paint, MLS_FONT_SMALL, m, -1);
    double       w, h;
    MlsPlacement p;
    MlsCandidate c;
    mls_paint_layout_size (layout, &w, &h);
    c.cx = sx < 0 ? area.x + 8 * u + w / 2 : area.x + area.width - 8 * u - w / 2;
    c.cy = sy > 0 ? area.y + 6 * u + h / 2 : area.y + area.height - 6 * u - h / 2;
    c.angle = 0;
    c.cost = 0;
    if (mls_label_placer_place_among (placer, w, h, &c, 1, c.cx, c.cy, &p))
      {
        MlsColor ink = pal->ink_secondary;
        mls_label_placer_commit (placer, &p);
        mls_paint_placed_label (paint, layout, &p, MLS_LABEL_ANNOTATION, &ink, &ink);
      }
  }

  if (requests->len > 0)
    {
      g_autofree MlsPlacement *placed = g_new0 (MlsPlacement, requests->len);
      mls_label_placer_place_all (placer, (MlsLabelRequest *)(void *)requests->data, requests->len,
                                  placed);
      for (guint i = 0; i < requests->len; i++)
        mls_paint_placed_label (paint, g_ptr_array_index (layouts, i), &placed[i], MLS_LABEL_POINT,
                                &pal->ink, &pal->ink_secondary);
    }

  (void)n_front;
  mls_paint_frame (paint, &area);
  mls_figure_axis_map_clear (&x);
  mls_figure_axis_map_clear (&y);
}
