/* mls-figure.c — a chart with a style: draw it on any cairo_t
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-figure-private.h"

G_DEFINE_QUARK (mls - figure - error - quark, mls_figure_error)

/**
 * mls_figure_init:
 * @figure: (out caller-allocates): the figure to fill
 * @kind: the kind of @chart
 * @chart: the chart, borrowed
 * @style: (nullable): the style; %NULL is a light 16:9 slide
 *
 * Fills @figure.
 */
void
mls_figure_init (MlsFigure *figure, MlsFigureKind kind, gconstpointer chart,
                 const MlsFigureStyle *style)
{
  g_return_if_fail (figure != NULL);

  figure->kind = kind;
  figure->chart.any = chart;
  if (style)
    figure->style = *style;
  else
    mls_figure_style_init (&figure->style, MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_PRESET_SLIDE_16_9);
}

static gboolean
check_finite (const char *what, const char *name, double value, GError **error)
{
  if (isfinite (value))
    return TRUE;
  g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA, _ ("%s “%s” is not a number"), what,
               name ? name : "?");
  return FALSE;
}

/**
 * mls_figure_validate:
 * @figure: a figure
 * @error: a #GError
 *
 * Checks that the chart can be drawn: it has data, and the data fits its axes (positive
 * values on log axes). Drawing never fails; it shows the message of this error instead.
 *
 * Returns: %TRUE when the chart can be drawn
 */
gboolean
mls_figure_validate (const MlsFigure *figure, GError **error)
{
  if (figure->chart.any == NULL)
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA, _ ("The figure has no chart"));
      return FALSE;
    }
  switch (figure->kind)
    {
    case MLS_FIGURE_ROOFLINE:
      return mls_roofline_chart_validate (figure->chart.roofline, error);
    case MLS_FIGURE_SCORECARD:
      for (guint i = 0; i < figure->chart.scorecard->n_bars; i++)
        if (!check_finite (_ ("Utilisation"), figure->chart.scorecard->bars[i].label,
                           figure->chart.scorecard->bars[i].utilization, error))
          return FALSE;
      return TRUE;
    case MLS_FIGURE_SWEEP:
      {
        const MlsSweepChart *c = figure->chart.sweep;
        if (c->n_series == 0)
          {
            g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                         _ ("A sweep chart needs at least one series"));
            return FALSE;
          }
        for (guint i = 0; i < c->n_series; i++)
          for (guint k = 0; k < c->series[i].n_points; k++)
            if ((c->x_axis.log && !(c->series[i].x[k] > 0))
                || (c->y_axis.log && c->series[i].y[k] <= 0))
              {
                g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                             _ ("Series “%s” has a value ≤ 0 at point %u on a log axis"),
                             c->series[i].name ? c->series[i].name : "?", k + 1);
                return FALSE;
              }
        return TRUE;
      }
    case MLS_FIGURE_PARETO:
      {
        const MlsParetoChart *c = figure->chart.pareto;
        if (c->n_points == 0)
          {
            g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                         _ ("A Pareto chart needs at least one point"));
            return FALSE;
          }
        for (guint i = 0; i < c->n_points; i++)
          if (!isfinite (c->points[i].x) || !isfinite (c->points[i].y)
              || (c->x_axis.log && c->points[i].x <= 0) || (c->y_axis.log && c->points[i].y <= 0))
            {
              g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                           _ ("Point “%s” cannot be drawn on these axes (%g, %g)"),
                           c->points[i].label ? c->points[i].label : "?", c->points[i].x,
                           c->points[i].y);
              return FALSE;
            }
        return TRUE;
      }
    case MLS_FIGURE_TORNADO:
      {
        const MlsTornadoChart *c = figure->chart.tornado;
        if (c->n_bars == 0)
          {
            g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                         _ ("A tornado chart needs at least one parameter"));
            return FALSE;
          }
        if (!check_finite (_ ("Baseline"), c->metric, c->baseline, error))
          return FALSE;
        for (guint i = 0; i < c->n_bars; i++)
          if (!check_finite (_ ("Parameter"), c->bars[i].parameter, c->bars[i].low, error)
              || !check_finite (_ ("Parameter"), c->bars[i].parameter, c->bars[i].high, error))
            return FALSE;
        return TRUE;
      }
    case MLS_FIGURE_MEMORY:
      {
        const MlsMemoryChart *c = figure->chart.memory;
        if (c->n_bars == 0)
          {
            g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                         _ ("A memory chart needs at least one bar"));
            return FALSE;
          }
        for (guint i = 0; i < c->n_bars; i++)
          for (guint k = 0; k < MLS_MEMORY_N_PARTS; k++)
            if (!isfinite (c->bars[i].bytes[k]) || c->bars[i].bytes[k] < 0)
              {
                g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                             _ ("Bar “%s” has a negative or missing size for %s"),
                             c->bars[i].label ? c->bars[i].label : "?",
                             mls_memory_part_to_string (k));
                return FALSE;
              }
        return TRUE;
      }
    default:
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA, _ ("Unknown chart kind %d"),
                   figure->kind);
      return FALSE;
    }
}

/**
 * mls_figure_get_title:
 * @figure: a figure
 *
 * Returns: (nullable): the chart's own title, for file metadata
 */
const char *
mls_figure_get_title (const MlsFigure *figure)
{
  if (figure->chart.any == NULL)
    return NULL;
  switch (figure->kind)
    {
    case MLS_FIGURE_ROOFLINE:
      return figure->chart.roofline->title;
    case MLS_FIGURE_SCORECARD:
      return figure->chart.scorecard->title;
    case MLS_FIGURE_SWEEP:
      return figure->chart.sweep->title;
    case MLS_FIGURE_PARETO:
      return figure->chart.pareto->title;
    case MLS_FIGURE_TORNADO:
      return figure->chart.tornado->title;
    case MLS_FIGURE_MEMORY:
      return figure->chart.memory->title;
    default:
      return NULL;
    }
}

/**
 * mls_figure_get_page_size:
 * @figure: a figure
 * @width_pt: (out): the width of the style's preset [pt]
 * @height_pt: (out): the height [pt]
 *
 * The page size of the figure's preset, the size its SVG and PDF have by default.
 */
void
mls_figure_get_page_size (const MlsFigure *figure, double *width_pt, double *height_pt)
{
  double w, h;

  mls_figure_style_get_size (&figure->style, &w, &h, NULL);
  *width_pt = w * 72.0;
  *height_pt = h * 72.0;
}

/* Draws, and hands back the text runs for the SVG text layer. */
MlsFigureLayout *
mls_figure_draw_full (const MlsFigure *figure, cairo_t *cr, double width, double height,
                      GArray **out_runs)
{
  MlsFigureLayout *layout = g_new0 (MlsFigureLayout, 1);
  MlsPaint         paint;

  mls_paint_init (&paint, figure, cr, width, height, layout);
  cairo_save (cr);
  if (figure->chart.any == NULL)
    mls_paint_background (&paint);
  else
    switch (figure->kind)
      {
      case MLS_FIGURE_ROOFLINE:
        mls_roofline_chart_paint (&paint, figure->chart.roofline);
        break;
      case MLS_FIGURE_SCORECARD:
        mls_scorecard_chart_paint (&paint, figure->chart.scorecard);
        break;
      case MLS_FIGURE_SWEEP:
        mls_sweep_chart_paint (&paint, figure->chart.sweep);
        break;
      case MLS_FIGURE_PARETO:
        mls_pareto_chart_paint (&paint, figure->chart.pareto);
        break;
      case MLS_FIGURE_TORNADO:
        mls_tornado_chart_paint (&paint, figure->chart.tornado);
        break;
      case MLS_FIGURE_MEMORY:
        mls_memory_chart_paint (&paint, figure->chart.memory);
        break;
      default:
        mls_paint_background (&paint);
        break;
      }
  cairo_restore (cr);
  if (out_runs)
    *out_runs = g_steal_pointer (&paint.runs);
  mls_paint_clear (&paint);
  return layout;
}

/**
 * mls_figure_draw:
 * @figure: a figure
 * @cr: where to draw; one user unit is one point of the figure's type sizes
 * @width: the width to fill, in user units
 * @height: the height to fill, in user units
 *
 * Draws @figure into the rectangle (0, 0, @width, @height) of @cr: the app's widget, a PNG,
 * an SVG or a PDF page. Invalid data draws its error message instead of a chart.
 *
 * Returns: (transfer full): where everything went; free with mls_figure_layout_free()
 */
MlsFigureLayout *
mls_figure_draw (const MlsFigure *figure, cairo_t *cr, double width, double height)
{
  g_return_val_if_fail (figure != NULL, NULL);
  g_return_val_if_fail (cr != NULL, NULL);

  return mls_figure_draw_full (figure, cr, width, height, NULL);
}

/**
 * mls_figure_compute_layout:
 * @figure: a figure
 * @width: the width [pt]
 * @height: the height [pt]
 *
 * Lays @figure out without drawing it anywhere visible: the placed labels and the plot area,
 * exactly as mls_figure_draw() and the exports place them.
 *
 * Returns: (transfer full): the layout; free with mls_figure_layout_free()
 */
MlsFigureLayout *
mls_figure_compute_layout (const MlsFigure *figure, double width, double height)
{
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t  *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t          *cr = cairo_create (surface);
  MlsFigureLayout  *layout = mls_figure_draw (figure, cr, width, height);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

/**
 * mls_figure_layout_free:
 * @layout: (transfer full) (nullable): a layout
 *
 * Frees @layout.
 */
void
mls_figure_layout_free (MlsFigureLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->labels, g_array_unref);
  g_free (layout);
}
