/* mls-memory-chart.c — where the memory of a configuration goes, as stacked bars
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-figure-private.h"

/**
 * mls_memory_part_to_string:
 * @part: a part
 *
 * Returns: the part's name, translated ("KV cache")
 */
const char *
mls_memory_part_to_string (MlsMemoryPart part)
{
  switch (part)
    {
    case MLS_MEMORY_WEIGHTS:
      return _ ("Weights");
    case MLS_MEMORY_KV_CACHE:
      return _ ("KV cache");
    case MLS_MEMORY_ACTIVATIONS:
      return _ ("Activations");
    case MLS_MEMORY_OPTIMIZER:
      return _ ("Optimizer state");
    case MLS_MEMORY_N_PARTS:
    default:
      return "";
    }
}

static MlsColor
part_color (const MlsPalette *pal, MlsMemoryPart part)
{
  /* Weights blue, KV cache orange, activations green, optimizer violet: distinct in hue and
   * in lightness, as the print palette's order gives. */
  static const guint light[] = { 0, 3, 2, 4 };
  static const guint print[] = { 0, 4, 2, 3 };

  return pal->series[(pal->dash_series ? print : light)[part] % pal->n_series];
}

static double
bar_total (const MlsMemoryBar *bar)
{
  double t = 0;

  for (guint k = 0; k < MLS_MEMORY_N_PARTS; k++)
    t += bar->bytes[k];
  return t;
}

void
mls_memory_chart_paint (MlsPaint *paint, const MlsMemoryChart *chart)
{
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double u = paint->u, ymax = 0, y0, y1, top, left, bottom, right = 14 * u, slot, bar_w, cat_h = 0;
  MlsLegendEntry   legend[MLS_MEMORY_N_PARTS + 1] = { { 0 } };
  MlsChartAxis     axis = { _ ("Memory"), "B", FALSE, 0, 0 };
  g_autofree char *y_title = NULL;
  gboolean         any_capacity = FALSE;
  guint            n_legend = 0, columns;
  MlsAxisMap       y;
  MlsRect          area, size;

  mls_paint_background (paint);
  for (guint i = 0; i < chart->n_bars; i++)
    {
      ymax = MAX (ymax, bar_total (&chart->bars[i]));
      if (chart->bars[i].capacity > 0)
        {
          ymax = MAX (ymax, chart->bars[i].capacity);
          any_capacity = TRUE;
        }
    }
  mls_figure_axis_auto_range (&axis, 0, ymax * 1.08, TRUE, &y0, &y1);
  mls_figure_axis_map_init (&y, FALSE, y0, y1, "B");
  y_title = mls_figure_axis_title (&y, _ ("Memory"));

  for (guint k = 0; k < MLS_MEMORY_N_PARTS; k++)
    {
      gboolean used = FALSE;
      for (guint i = 0; i < chart->n_bars; i++)
        used |= chart->bars[i].bytes[k] > 0;
      if (used)
        legend[n_legend++] = (MlsLegendEntry){ .text = mls_memory_part_to_string (k),
                                               .color = part_color (pal, k),
                                               .box = TRUE };
    }
  if (any_capacity)
    legend[n_legend++] = (MlsLegendEntry){ .text = _ ("Capacity"),
                                           .color = pal->ink,
                                           .line = TRUE,
                                           .dashed = TRUE,
                                           .marker = MLS_N_MARKERS };

  top = mls_paint_title (paint, chart->title);
  left = mls_paint_axis_margin_left (paint, &y, y_title);
  columns = mls_figure_legend_fit_columns (paint, legend, n_legend, paint->width - left - right);
  size = mls_figure_legend_measure (paint, legend, n_legend, NULL, columns);
  top += size.height + 6 * u;

  /* Category labels wrap to their slot; measure the tallest. */
  slot = (paint->width - left - right) / MAX (chart->n_bars, 1);
  for (guint i = 0; i < chart->n_bars; i++)
    {
      g_autofree char *m = mls_figure_markup_escape (chart->bars[i].label);
      g_autoptr (PangoLayout) layout = mls_paint_layout (paint, MLS_FONT_TICK, m, slot - 6 * u);
      double w, h;
      mls_paint_layout_size (layout, &w, &h);
      cat_h = MAX (cat_h, h);
    }
  bottom = 5 * u + cat_h + 10 * u;
  area = (MlsRect){ left, top + 4 * u, paint->width - left - right,
                    paint->height - bottom - top - 4 * u };
  mls_figure_legend_draw (paint, legend, n_legend, NULL, columns, left, top - size.height - 6 * u);
  paint->layout->plot_area = area;
  y.lo = area.y + area.height;
  y.hi = area.y;
  mls_paint_axes (paint, &area, NULL, &y, NULL, y_title);

  bar_w = MIN (slot * 0.58, 90 * u);
  for (guint i = 0; i < chart->n_bars; i++)
    {
      const MlsMemoryBar *b = &chart->bars[i];
      double              cx = area.x + slot * (i + 0.5), base = 0, total = bar_total (b);
      gboolean            over = b->capacity > 0 && total > b->capacity;
      g_autofree char    *m = mls_figure_markup_escape (b->label);

      for (guint k = 0; k < MLS_MEMORY_N_PARTS; k++)
        {
          double   v = b->bytes[k], ya, yb;
          MlsColor c = part_color (pal, k);
          if (!(v > 0))
            continue;
          ya = mls_figure_axis_map_to_page (&y, base);
          yb = mls_figure_axis_map_to_page (&y, MIN (base + v, y.max));
          mls_paint_set_color (paint, &c);
          cairo_rectangle (cr, cx - bar_w / 2, yb, bar_w, ya - yb);
          cairo_fill (cr);
          /* A hairline of background between parts, so equal colours never merge. */
          mls_paint_set_color (paint, &pal->background);
          cairo_set_line_width (cr, 0.8 * u);
          cairo_move_to (cr, cx - bar_w / 2, yb);
          cairo_line_to (cr, cx + bar_w / 2, yb);
          cairo_stroke (cr);
          /* The part's size inside it, when it fits. */
          {
            g_autofree char *value = mls_figure_format_si (v, "B", 3);
            g_autofree char *vm = mls_figure_markup_escape (value);
            g_autoptr (PangoLayout) layout = mls_paint_layout (paint, MLS_FONT_SMALL, vm, -1);
            double w, h;
            mls_paint_layout_size (layout, &w, &h);
            double ty = (ya + yb) / 2 - h / 2;
            if (b->capacity > 0)
              {
                /* Clear of the capacity line that may cross the part: into the larger of
                 * the two pieces it cuts. */
                double ky = mls_figure_axis_map_to_page (&y, b->capacity);
                if (ky > yb && ky < ya && ty < ky + 2 * u && ty + h > ky - 2 * u)
                  ty = (ky - yb > ya - ky) ? (yb + ky) / 2 - h / 2 : (ky + ya) / 2 - h / 2;
                if (ky > yb && ky < ya
                    && (ty < yb + u || ty + h > ya - u || (ty < ky + 2 * u && ty + h > ky - 2 * u)))
                  ty = G_MAXDOUBLE;
              }
            if (ya - yb > h + 2 * u && w < bar_w - 4 * u && ty != G_MAXDOUBLE)
              {
                MlsColor text = pal->background;
                mls_paint_show_layout (paint, layout, cx - w / 2, ty, 0, MLS_LABEL_TEXT, &text,
                                       NULL);
              }
          }
          base += v;
        }

      if (b->capacity > 0)
        {
          double ky = mls_figure_axis_map_to_page (&y, b->capacity);
          double dash[] = { 5 * u, 3 * u };
          cairo_save (cr);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, 2.0 * u);
          mls_paint_set_color (paint, &pal->ink);
          cairo_move_to (cr, cx - slot * 0.45, ky);
          cairo_line_to (cr, cx + slot * 0.45, ky);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      {
        g_autofree char *value = mls_figure_format_si (total, "B", 3);
        g_autofree char *cap = b->capacity > 0 ? mls_figure_format_si (b->capacity, "B", 3) : NULL;
        g_autofree char *text = NULL;
        double           ty = mls_figure_axis_map_to_page (&y, MIN (total, y.max));
        if (b->capacity > 0)
          ty = MIN (ty, mls_figure_axis_map_to_page (&y, b->capacity));
        if (over)
          /* Translators: a memory total over the device capacity, "152 GB of 80 GB: OOM" */
          text = g_strdup_printf (_ ("%s of %s: OOM"), value, cap);
        else if (cap)
          text = g_strdup_printf (_ ("%s of %s"), value, cap);
        else
          text = g_strdup (value);
        {
          g_autofree char *tm = mls_figure_markup_escape (text);
          g_autofree char *bm = g_strdup_printf ("<b>%s</b>", tm);
          mls_paint_text (paint, MLS_FONT_LABEL, bm, cx, ty - 3 * u, MLS_ALIGN_CENTER,
                          MLS_ALIGN_END, 0, MLS_LABEL_ANNOTATION, over ? &pal->bad : &pal->ink);
        }
      }

      {
        g_autoptr (PangoLayout) layout = mls_paint_layout (paint, MLS_FONT_TICK, m, slot - 6 * u);
        double w, h;
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        mls_paint_layout_size (layout, &w, &h);
        mls_paint_show_layout (paint, layout, cx - w / 2, area.y + area.height + 6 * u, 0,
                               MLS_LABEL_TICK, &pal->ink, NULL);
      }
    }
  mls_paint_frame (paint, &area);
  mls_figure_axis_map_clear (&y);
}
