/* mls-scorecard-chart.c — the three-level evaluation: verdict cards and utilisation bars
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * After MLSys·im's scorecard() (three levels: "Will it run?", "Is it fast enough?", "Is it
 * worth it?") and plot_evaluation_scorecard() (demand over supply against a dashed limit at 1).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "mls-figure-private.h"

static const char *
status_glyph (MlsFigureStatus status)
{
  /* A shape as well as a colour, for greyscale copies and colour-blind readers. */
  switch (status)
    {
    case MLS_FIGURE_STATUS_PASS:
      return "✓";
    case MLS_FIGURE_STATUS_FAIL:
      return "✗";
    case MLS_FIGURE_STATUS_WARNING:
      return "!";
    case MLS_FIGURE_STATUS_SKIPPED:
    default:
      return "–";
    }
}

static const char *
level_name (guint level)
{
  switch (level)
    {
    case 0:
      return _ ("Feasibility");
    case 1:
      return _ ("Performance");
    default:
      return _ ("Macro");
    }
}

static const char *
level_question (guint level)
{
  switch (level)
    {
    case 0:
      return _ ("Will it run?");
    case 1:
      return _ ("Is it fast enough?");
    default:
      return _ ("Is it worth it?");
    }
}

/* One card; returns its height. With @draw FALSE it only measures. */
static double
paint_card (MlsPaint *paint, const MlsScorecardLevel *level, guint index, double x, double y,
            double width, double pill_w, gboolean compact, gboolean draw)
{
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double u = paint->u, pad = 7 * u, text_x = x + pad + 4 * u + pill_w + 10 * u, head_w, head_h,
         sum_w = 0, sum_h = 0, h;
  MlsColor         status = mls_figure_style_status_color (paint->style, level->status);
  g_autofree char *name = mls_figure_markup_escape (level->name ? level->name : level_name (index));
  g_autofree char *question = mls_figure_markup_escape (level_question (index));
  g_autofree char *hex = mls_figure_color_to_hex (&pal->ink_secondary);
  g_autofree char *head = NULL;
  g_autoptr (PangoLayout) head_layout = NULL;
  g_autoptr (PangoLayout) sum_layout = NULL;

  /* Translators: "Level 1 · Feasibility  Will it run?" on a scorecard */
  head = g_strdup_printf (_ ("<b>Level %u · %s</b>   <span foreground=\"%s\">%s</span>"), index + 1,
                          name, hex, question);
  head_layout = mls_paint_layout (paint, compact ? MLS_FONT_LABEL : MLS_FONT_AXIS, head,
                                  width - (text_x - x) - pad);
  mls_paint_layout_size (head_layout, &head_w, &head_h);
  if (level->summary && *level->summary)
    {
      g_autofree char *sm = mls_figure_markup_escape (level->summary);
      sum_layout = mls_paint_layout (paint, compact ? MLS_FONT_SMALL : MLS_FONT_LABEL, sm,
                                     width - (text_x - x) - pad);
      mls_paint_layout_size (sum_layout, &sum_w, &sum_h);
    }
  h = pad + head_h + (sum_h > 0 ? 2 * u + sum_h : 0) + pad;
  if (!draw)
    return h;

  {
    MlsColor card = mls_figure_color_mix (&pal->background, &pal->ink, 0.045);
    mls_paint_set_color (paint, &card);
    mls_paint_rounded_rect (cr, x, y, width, h, 4 * u);
    cairo_fill (cr);
    cairo_save (cr);
    mls_paint_rounded_rect (cr, x, y, width, h, 4 * u);
    cairo_clip (cr);
    mls_paint_set_color (paint, &status);
    cairo_rectangle (cr, x, y, 4 * u, h);
    cairo_fill (cr);
    cairo_restore (cr);
  }

  {
    /* The verdict pill, vertically centred. */
    g_autofree char *text = g_strdup_printf ("<b>%s %s</b>", status_glyph (level->status),
                                             mls_figure_status_to_string (level->status));
    g_autoptr (PangoLayout) pill = mls_paint_layout (paint, MLS_FONT_LABEL, text, -1);
    double pw, ph, px = x + pad + 4 * u, py;
    mls_paint_layout_size (pill, &pw, &ph);
    py = y + h / 2 - (ph + 5 * u) / 2;
    mls_paint_set_color (paint, &status);
    mls_paint_rounded_rect (cr, px, py, pill_w, ph + 5 * u, (ph + 5 * u) / 2);
    cairo_fill (cr);
    mls_paint_show_layout (paint, pill, px + (pill_w - pw) / 2, py + 2.5 * u, 0, MLS_LABEL_TEXT,
                           &pal->background, NULL);
  }
  mls_paint_show_layout (paint, head_layout, text_x, y + pad, 0, MLS_LABEL_TEXT, &pal->ink, NULL);
  if (sum_layout)
    mls_paint_show_layout (paint, sum_layout, text_x, y + pad + head_h + 2 * u, 0, MLS_LABEL_TEXT,
                           &pal->ink, NULL);
  return h;
}

void
mls_scorecard_chart_paint (MlsPaint *paint, const MlsScorecardChart *chart)
{
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double            u = paint->u, pad = 10 * u, y, pill_w = 0, cards_h = 0, umax = 0, label_w = 0;
  g_autofree char  *title = NULL;
  const char       *x_title = _ ("Resource utilization (demand / supply)");
  gboolean          compact;

  mls_paint_background (paint);
  if (chart->title)
    title = g_strdup (chart->title);
  else if (chart->scenario)
    title = g_strdup_printf (_ ("System evaluation: %s"), chart->scenario);
  else
    title = g_strdup (_ ("System evaluation"));
  y = mls_paint_title (paint, title) + 2 * u;

  /* Pills share one width, the widest verdict's, so the cards line up. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text
          = g_strdup_printf ("<b>%s %s</b>", status_glyph (chart->levels[i].status),
                             mls_figure_status_to_string (chart->levels[i].status));
      g_autoptr (PangoLayout) pill = mls_paint_layout (paint, MLS_FONT_LABEL, text, -1);
      double w, h;
      mls_paint_layout_size (pill, &w, &h);
      pill_w = MAX (pill_w, w + 14 * u);
    }
  for (guint i = 0; i < 3; i++)
    cards_h += paint_card (paint, &chart->levels[i], i, pad, 0, paint->width - 2 * pad, pill_w,
                           FALSE, FALSE);
  cards_h += 2 * 5 * u;
  /* Small pages: set the cards a size smaller rather than squeeze the bars out. */
  compact = chart->n_bars > 0 && cards_h > 0.5 * (paint->height - y);

  for (guint i = 0; i < 3; i++)
    y += paint_card (paint, &chart->levels[i], i, pad, y, paint->width - 2 * pad, pill_w, compact,
                     TRUE)
         + 5 * u;
  paint->layout->plot_area = (MlsRect){ pad, y, paint->width - 2 * pad, 0 };
  if (chart->n_bars == 0)
    return;

  for (guint i = 0; i < chart->n_bars; i++)
    {
      const MlsScorecardBar *b = &chart->bars[i];
      g_autofree char       *lm = mls_figure_markup_escape (b->label);
      g_autoptr (PangoLayout) ll = mls_paint_layout (paint, MLS_FONT_TICK, lm, -1);
      double w, h;
      mls_paint_layout_size (ll, &w, &h);
      label_w = MAX (label_w, w);
      if (isfinite (b->utilization))
        umax = MAX (umax, b->utilization);
    }

  {
    /* The reference's range: 0 to max(max + 0.5, 1.5). */
    double x1 = MAX (umax + 0.5, 1.5),
           top = y + 4 * u + mls_paint_font_height (paint, MLS_FONT_SMALL);
    double     bottom = mls_paint_axis_margin_bottom (paint, x_title);
    MlsRect    area = { pad + label_w + 10 * u, top, 0, paint->height - bottom - top };
    MlsAxisMap x;
    double     row_h, bar_h, lx;
    double     dash[] = { 5 * u, 3 * u };

    area.width = paint->width - area.x - 14 * u;
    if (area.height < 20 * u)
      return;
    paint->layout->plot_area = area;
    mls_figure_axis_map_init (&x, FALSE, 0, x1, NULL);
    x.lo = area.x;
    x.hi = area.x + area.width;
    mls_paint_axes (paint, &area, &x, NULL, x_title, NULL);

    row_h = area.height / chart->n_bars;
    /* Tall enough for the value set inside the bar's end. */
    bar_h = MIN (
        MAX (MIN (row_h * 0.55, 30 * u), mls_paint_font_height (paint, MLS_FONT_LABEL) + 3 * u),
        row_h * 0.8);
    lx = mls_figure_axis_map_to_page (&x, 1.0);
    for (guint i = 0; i < chart->n_bars; i++)
      {
        const MlsScorecardBar *b = &chart->bars[i];
        double cy = area.y + row_h * (i + 0.5), v = isfinite (b->utilization) ? b->utilization : 0;
        double bx = mls_figure_axis_map_to_page (&x, MIN (MAX (v, 0), x1));
        const MlsColor  *c = v > 1.0 ? &pal->bad : &pal->good;
        g_autofree char *lm = mls_figure_markup_escape (b->label);

        mls_paint_text (paint, MLS_FONT_TICK, lm, area.x - 8 * u, cy, MLS_ALIGN_END,
                        MLS_ALIGN_CENTER, 0, MLS_LABEL_TICK, &pal->ink);
        mls_paint_set_color (paint, c);
        mls_paint_rounded_rect (cr, area.x, cy - bar_h / 2, MAX (bx - area.x, 0.5 * u), bar_h,
                                1.5 * u);
        cairo_fill (cr);
      }

    /* The limit over the bars, so it shows where each one crosses it. */
    cairo_save (cr);
    cairo_set_dash (cr, dash, 2, 0);
    cairo_set_line_width (cr, 2.0 * u);
    mls_paint_set_color (paint, &pal->ink);
    cairo_move_to (cr, lx, area.y);
    cairo_line_to (cr, lx, area.y + area.height);
    cairo_stroke (cr);
    cairo_restore (cr);

    /* Values last, each on a patch of what lies under it, so the limit line never runs
     * through the digits. */
    for (guint i = 0; i < chart->n_bars; i++)
      {
        const MlsScorecardBar *b = &chart->bars[i];
        double cy = area.y + row_h * (i + 0.5), v = isfinite (b->utilization) ? b->utilization : 0;
        double bx = mls_figure_axis_map_to_page (&x, MIN (MAX (v, 0), x1)), w, h, tx, ph;
        const MlsColor  *c = v > 1.0 ? &pal->bad : &pal->good;
        g_autofree char *pct = mls_figure_format_number (v * 100, 3);
        g_autofree char *text = b->detail ? g_strdup_printf ("%s %% · %s", pct, b->detail)
                                          : g_strdup_printf ("%s %%", pct);
        g_autofree char *tm = mls_figure_markup_escape (text);
        g_autofree char *bm = g_strdup_printf ("<b>%s</b>", tm);
        g_autoptr (PangoLayout) vl = mls_paint_layout (paint, MLS_FONT_LABEL, bm, -1);
        gboolean inside;

        mls_paint_layout_size (vl, &w, &h);
        /* After the bar, or inside its end when the bar runs to the frame. */
        inside = bx + 6 * u + w > area.x + area.width - 4 * u;
        tx = inside ? MAX (area.x + 4 * u, bx - 6 * u - w) : bx + 6 * u;
        mls_paint_set_color (paint, inside ? c : &pal->background);
        /* Inside the bar, the patch never pokes out of it. */
        ph = inside ? MIN (h + 5 * u, bar_h) : h + 5 * u;
        mls_paint_rounded_rect (cr, tx - 3 * u, cy - ph / 2, w + 6 * u, ph, 2 * u);
        cairo_fill (cr);
        mls_paint_show_layout (paint, vl, tx, cy - h / 2, 0, MLS_LABEL_ANNOTATION,
                               inside ? &pal->background : &pal->ink, NULL);
      }

    mls_paint_text (paint, MLS_FONT_SMALL, _ ("Physical limit / SLA"), lx, area.y - 2 * u,
                    MLS_ALIGN_CENTER, MLS_ALIGN_END, 0, MLS_LABEL_ANNOTATION, &pal->ink);
    mls_paint_frame (paint, &area);
    mls_figure_axis_map_clear (&x);
  }
  (void)cards_h;
}
