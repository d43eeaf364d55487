/* mls-tornado-chart.c — one-at-a-time sensitivity of a metric
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each input is moved to its low and its high value with the others at baseline; the bar
 * spans the metric's two outcomes. Bars are sorted by swing, widest first, which gives the
 * chart its tornado shape (Howard 1988, decision analysis practice).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>

#include "mls-figure-private.h"

typedef struct
{
  const MlsTornadoBar *bar;
  double               swing;
  guint                index;
} Row;

static int
compare_rows (const void *a, const void *b)
{
  const Row *ra = a, *rb = b;

  if (ra->swing != rb->swing)
    return ra->swing < rb->swing ? 1 : -1;
  return (ra->index > rb->index) - (ra->index < rb->index);
}

void
mls_tornado_chart_paint (MlsPaint *paint, const MlsTornadoChart *chart)
{
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double u = paint->u, lo = chart->baseline, hi = chart->baseline, x0, x1, top, left, bottom,
         right = 16 * u, label_w = 0, value_w = 0, row_h, bar_h;
  g_autofree Row  *rows = g_new0 (Row, MAX (chart->n_bars, 1));
  g_autofree char *x_title = NULL;
  MlsLegendEntry   legend[2] = { { 0 } };
  MlsChartAxis     axis = { chart->metric, chart->unit, FALSE, 0, 0 };
  MlsAxisMap       x;
  MlsRect          area, size;
  guint            columns;

  mls_paint_background (paint);
  for (guint i = 0; i < chart->n_bars; i++)
    {
      const MlsTornadoBar *b = &chart->bars[i];
      rows[i] = (Row){ b, fabs (b->high - b->low), i };
      if (isfinite (b->low))
        lo = MIN (lo, b->low), hi = MAX (hi, b->low);
      if (isfinite (b->high))
        lo = MIN (lo, b->high), hi = MAX (hi, b->high);
    }
  qsort (rows, chart->n_bars, sizeof (Row), compare_rows);

  /* Symmetric-ish room around the baseline for the value labels at the bar ends. */
  {
    double span = MAX (hi - lo, fabs (chart->baseline) * 0.02 + 1e-12);
    mls_figure_axis_auto_range (&axis, lo - span * 0.02, hi + span * 0.02, FALSE, &x0, &x1);
  }
  mls_figure_axis_map_init (&x, FALSE, x0, x1, chart->unit);
  x_title = mls_figure_axis_title (&x, chart->metric ? chart->metric : "");

  top = mls_paint_title (paint, chart->title);
  legend[0] = (MlsLegendEntry){ .text = _ ("Input at its low value"),
                                .color = pal->low_side,
                                .box = TRUE };
  legend[1] = (MlsLegendEntry){ .text = _ ("Input at its high value"),
                                .color = pal->high_side,
                                .box = TRUE };
  columns = mls_figure_legend_fit_columns (paint, legend, 2, paint->width);
  size = mls_figure_legend_measure (paint, legend, 2, NULL, columns);

  for (guint i = 0; i < chart->n_bars; i++)
    {
      g_autofree char *m = mls_figure_markup_escape (rows[i].bar->parameter);
      g_autoptr (PangoLayout) layout = mls_paint_layout (paint, MLS_FONT_TICK, m, -1);
      double w, h;
      mls_paint_layout_size (layout, &w, &h);
      label_w = MAX (label_w, w);
    }
  /* Value labels sit outside the bar ends; keep room for the widest. */
  for (guint i = 0; i < chart->n_bars; i++)
    for (int side = 0; side < 2; side++)
      {
        const MlsTornadoBar *b = rows[i].bar;
        double               v = side ? b->high : b->low;
        const char          *in = side ? b->high_label : b->low_label;
        g_autofree char     *value = mls_figure_format_si (v, chart->unit, 3);
        g_autofree char     *text = in ? g_strdup_printf ("%s (%s)", value, in) : g_strdup (value);
        g_autofree char     *m = mls_figure_markup_escape (text);
        g_autoptr (PangoLayout) layout = mls_paint_layout (paint, MLS_FONT_LABEL, m, -1);
        double w, h;
        mls_paint_layout_size (layout, &w, &h);
        value_w = MAX (value_w, w);
      }

  left = 10 * u + label_w + 10 * u;
  bottom = mls_paint_axis_margin_bottom (paint, x_title);
  top += size.height + 6 * u;
  /* Room for the baseline's label above the frame. */
  top += mls_paint_font_height (paint, MLS_FONT_SMALL);
  area = (MlsRect){ left, top + 4 * u, paint->width - left - right,
                    paint->height - bottom - top - 4 * u };
  mls_figure_legend_draw (paint, legend, 2, NULL, columns, left,
                          top - size.height - 6 * u
                              - mls_paint_font_height (paint, MLS_FONT_SMALL));
  paint->layout->plot_area = area;

  /* Shrink the data range into the area so that the labels beside the bars fit. */
  x.lo = area.x + value_w + 8 * u;
  x.hi = area.x + area.width - value_w - 8 * u;
  if (x.hi - x.lo < area.width * 0.3)
    {
      x.lo = area.x + area.width * 0.35;
      x.hi = area.x + area.width * 0.65;
    }
  {
    /* Extend the data range to the area's edges, so ticks and grid fill the frame. */
    double per_pt = (x.max - x.min) / (x.hi - x.lo);
    x.min -= (x.lo - area.x) * per_pt;
    x.max += (area.x + area.width - x.hi) * per_pt;
    x.lo = area.x;
    x.hi = area.x + area.width;
  }
  /* Only the x axis carries ticks: the parameters name the rows. */
  mls_paint_axes (paint, &area, &x, NULL, x_title, NULL);

  row_h = chart->n_bars > 0 ? area.height / chart->n_bars : area.height;
  bar_h = MIN (row_h * 0.62, 34 * u);
  {
    double bx = mls_figure_axis_map_to_page (&x, chart->baseline);
    for (guint i = 0; i < chart->n_bars; i++)
      {
        const MlsTornadoBar *b = rows[i].bar;
        double               cy = area.y + row_h * (i + 0.5);
        g_autofree char     *pm = mls_figure_markup_escape (b->parameter);

        mls_paint_text (paint, MLS_FONT_TICK, pm, area.x - 8 * u, cy, MLS_ALIGN_END,
                        MLS_ALIGN_CENTER, 0, MLS_LABEL_TICK, &pal->ink);
        for (int side = 0; side < 2; side++)
          {
            double          v = side ? b->high : b->low;
            const char     *in = side ? b->high_label : b->low_label;
            const MlsColor *c = side ? &pal->high_side : &pal->low_side;
            double vx = mls_figure_axis_map_to_page (&x, v), l = MIN (vx, bx), w = fabs (vx - bx);
            g_autofree char *value = mls_figure_format_si (v, chart->unit, 3);
            g_autofree char *text = in ? g_strdup_printf ("%s (%s)", value, in) : g_strdup (value);
            g_autofree char *m = mls_figure_markup_escape (text);
            /* Both sides on one side of the baseline (a metric that rises either way)
             * share the row: the shorter bar in front of the longer, thinner. */
            double hh = bar_h;
            if (((b->low - chart->baseline) * (b->high - chart->baseline) > 0)
                && fabs (v - chart->baseline) < fabs ((side ? b->low : b->high) - chart->baseline))
              hh = bar_h * 0.55;

            if (!isfinite (v))
              continue;
            mls_paint_set_color (paint, c);
            mls_paint_rounded_rect (cr, l, cy - hh / 2, MAX (w, 0.5 * u), hh, 1.5 * u);
            cairo_fill (cr);
            if (vx >= bx)
              mls_paint_text (paint, MLS_FONT_LABEL, m, vx + 5 * u, cy + (hh < bar_h ? 0 : 0),
                              MLS_ALIGN_START, MLS_ALIGN_CENTER, 0, MLS_LABEL_ANNOTATION,
                              &pal->ink);
            else
              mls_paint_text (paint, MLS_FONT_LABEL, m, vx - 5 * u, cy, MLS_ALIGN_END,
                              MLS_ALIGN_CENTER, 0, MLS_LABEL_ANNOTATION, &pal->ink);
          }
      }

    /* The baseline over the bars, with its value at the top. */
    cairo_save (cr);
    cairo_set_line_width (cr, 1.6 * u);
    mls_paint_set_color (paint, &pal->ink);
    cairo_move_to (cr, bx, area.y);
    cairo_line_to (cr, bx, area.y + area.height);
    cairo_stroke (cr);
    cairo_restore (cr);
    {
      g_autofree char *value = mls_figure_format_si (chart->baseline, chart->unit, 3);
      g_autofree char *text = g_strdup_printf (_ ("Baseline %s"), value);
      g_autofree char *m = mls_figure_markup_escape (text);
      mls_paint_text (paint, MLS_FONT_SMALL, m, bx, area.y - 2 * u, MLS_ALIGN_CENTER, MLS_ALIGN_END,
                      0, MLS_LABEL_ANNOTATION, &pal->ink_secondary);
    }
  }
  mls_paint_frame (paint, &area);
  mls_figure_axis_map_clear (&x);
}
