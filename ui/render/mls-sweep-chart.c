/* mls-sweep-chart.c — a metric against a swept axis, one line per series
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-figure-private.h"

static gboolean
usable (const MlsChartAxis *axis, double v)
{
  return isfinite (v) && (!axis->log || v > 0);
}

static const MlsMarker series_markers[] = {
  MLS_MARKER_CIRCLE,   MLS_MARKER_SQUARE,        MLS_MARKER_TRIANGLE, MLS_MARKER_DIAMOND,
  MLS_MARKER_PENTAGON, MLS_MARKER_TRIANGLE_DOWN, MLS_MARKER_STAR,     MLS_MARKER_CROSS,
};

void
mls_sweep_chart_paint (MlsPaint *paint, const MlsSweepChart *chart)
{
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double            u = paint->u, xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE, ymin = G_MAXDOUBLE,
         ymax = -G_MAXDOUBLE, x0, x1, y0, y1;
  gboolean                   has_reference = isfinite (chart->reference) && chart->reference != 0;
  g_autofree MlsLegendEntry *legend = g_new0 (MlsLegendEntry, MAX (chart->n_series, 1));
  g_autofree char           *x_title = NULL;
  g_autofree char           *y_title = NULL;
  g_autoptr (MlsLabelPlacer) placer = NULL;
  MlsAxisMap x, y;
  MlsRect    area;
  guint      n_points_total = 0;

  for (guint i = 0; i < chart->n_series; i++)
    for (guint k = 0; k < chart->series[i].n_points; k++)
      {
        double vx = chart->series[i].x[k], vy = chart->series[i].y[k];
        if (!usable (&chart->x_axis, vx) || !usable (&chart->y_axis, vy))
          continue;
        xmin = MIN (xmin, vx);
        xmax = MAX (xmax, vx);
        ymin = MIN (ymin, vy);
        ymax = MAX (ymax, vy);
        n_points_total++;
      }
  if (has_reference && usable (&chart->y_axis, chart->reference))
    {
      ymin = MIN (ymin, chart->reference);
      ymax = MAX (ymax, chart->reference);
    }
  mls_figure_axis_auto_range (&chart->x_axis, xmin, xmax, FALSE, &x0, &x1);
  mls_figure_axis_auto_range (&chart->y_axis, ymin, ymax, TRUE, &y0, &y1);
  mls_figure_axis_map_init (&x, chart->x_axis.log, x0, x1, chart->x_axis.unit);
  mls_figure_axis_map_init (&y, chart->y_axis.log, y0, y1, chart->y_axis.unit);
  x_title = mls_figure_axis_title (&x, chart->x_axis.label ? chart->x_axis.label : "");
  y_title = mls_figure_axis_title (&y, chart->y_axis.label ? chart->y_axis.label : "");

  for (guint i = 0; i < chart->n_series; i++)
    {
      legend[i].text = chart->series[i].name ? chart->series[i].name : "";
      legend[i].color = pal->series[i % pal->n_series];
      legend[i].line = TRUE;
      legend[i].dash = i;
      legend[i].marker = series_markers[i % G_N_ELEMENTS (series_markers)];
    }
  area = mls_paint_xy_layout (paint, chart->title, &x, &y, x_title, y_title, legend,
                              chart->n_series);
  {
    MlsRect inner = { area.x + 2 * u, area.y + 2 * u, area.width - 4 * u, area.height - 4 * u };
    placer = mls_label_placer_new (&inner, 3 * u);
  }

  /* Lines, broken at missing (infeasible) points, then markers on top. Markers are dropped
   * when points are so dense that they would merge into a thick line. */
  cairo_save (cr);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  for (guint i = 0; i < chart->n_series; i++)
    {
      const MlsSeries *se = &chart->series[i];
      MlsColor         c = pal->series[i % pal->n_series];
      gboolean         pen_down = FALSE;
      double           lx = 0, ly = 0;

      cairo_save (cr);
      cairo_set_line_width (cr, 2.6 * u);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      mls_paint_series_dash (paint, i, 2.6 * u);
      mls_paint_set_color (paint, &c);
      for (guint k = 0; k < se->n_points; k++)
        {
          if (!usable (&chart->x_axis, se->x[k]) || !usable (&chart->y_axis, se->y[k]))
            {
              pen_down = FALSE;
              continue;
            }
          double px = mls_figure_axis_map_to_page (&x, se->x[k]),
                 py = mls_figure_axis_map_to_page (&y, se->y[k]);
          if (pen_down)
            {
              cairo_line_to (cr, px, py);
              mls_label_placer_add_segment (placer, lx, ly, px, py);
            }
          else
            cairo_move_to (cr, px, py);
          pen_down = TRUE;
          lx = px;
          ly = py;
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  for (guint i = 0; i < chart->n_series; i++)
    {
      const MlsSeries *se = &chart->series[i];
      MlsColor         c = pal->series[i % pal->n_series];
      double           spacing = se->n_points > 1 ? area.width / se->n_points : area.width;
      if (spacing < 9 * u)
        continue;
      for (guint k = 0; k < se->n_points; k++)
        if (usable (&chart->x_axis, se->x[k]) && usable (&chart->y_axis, se->y[k]))
          {
            double  px = mls_figure_axis_map_to_page (&x, se->x[k]);
            double  py = mls_figure_axis_map_to_page (&y, se->y[k]);
            MlsRect box = { px - 5 * u, py - 5 * u, 10 * u, 10 * u };
            mls_paint_marker (paint, series_markers[i % G_N_ELEMENTS (series_markers)], px, py,
                              4.2 * u, &c, &pal->background);
            mls_label_placer_add_obstacle (placer, &box);
          }
    }
  cairo_restore (cr);

  /* The limit: a dashed line in ink (a colour would read as one more series) with its label
   * on it, right-aligned where it is free. */
  if (has_reference && usable (&chart->y_axis, chart->reference) && chart->reference >= y.min
      && chart->reference <= y.max)
    {
      double           ry = mls_figure_axis_map_to_page (&y, chart->reference), w, h;
      double           dash[] = { 6 * u, 3.5 * u };
      g_autofree char *value = mls_figure_format_si (chart->reference, chart->y_axis.unit, 3);
      g_autofree char *text = chart->reference_label ? g_strdup (chart->reference_label)
                                                     : g_strdup_printf (_ ("Limit %s"), value);
      g_autofree char *markup = mls_figure_markup_escape (text);
      g_autoptr (PangoLayout) layout = mls_paint_layout (paint, MLS_FONT_LABEL, markup, -1);
      MlsCandidate cand[48];
      guint        n = 0;
      MlsPlacement p;

      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.8 * u);
      mls_paint_set_color (paint, &pal->ink);
      cairo_move_to (cr, area.x, ry);
      cairo_line_to (cr, area.x + area.width, ry);
      cairo_stroke (cr);
      cairo_restore (cr);

      mls_paint_layout_size (layout, &w, &h);
      for (int side = 0; side < 2; side++)
        for (int k = 0; k < 24; k++)
          {
            double cx = area.x + area.width - 4 * u - w / 2 - k * (area.width - w) / 24;
            double cy = ry + (side ? 1 : -1) * (h / 2 + 2 * u);
            cand[n++] = (MlsCandidate){ cx, cy, 0, k * 0.2 + side * 1.0 };
          }
      if (!mls_label_placer_place_among (placer, w, h, cand, n, area.x + area.width, ry, &p))
        mls_label_placer_place_around (placer, w, h, area.x + area.width - w, ry, 2 * u, TRUE, &p);
      mls_label_placer_commit (placer, &p);
      mls_paint_placed_label (paint, layout, &p, MLS_LABEL_ANNOTATION, &pal->ink, &pal->ink);
    }

  if (n_points_total == 0)
    mls_paint_text (paint, MLS_FONT_AXIS, _ ("No feasible points"), area.x + area.width / 2,
                    area.y + area.height / 2, MLS_ALIGN_CENTER, MLS_ALIGN_CENTER, 0,
                    MLS_LABEL_ANNOTATION, &pal->ink_secondary);

  mls_paint_frame (paint, &area);
  mls_figure_axis_map_clear (&x);
  mls_figure_axis_map_clear (&y);
}
