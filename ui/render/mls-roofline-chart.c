/* mls-roofline-chart.c — the roofline figure: roofs, ridge points, regions and workloads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Williams, Waterman & Patterson (2009), "Roofline: an insightful visual performance model
 * for multicore architectures", CACM 52(4): attainable = min(bandwidth × intensity, peak); the
 * ridge point is peak / bandwidth. The layout follows MLSys·im's plot_roofline and
 * plot_distributed_roofline.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mls-figure-private.h"

/**
 * mls_roofline_device_ridge_point:
 * @device: a device
 *
 * Returns: the ridge point, peak / bandwidth [FLOP/B], or 0 when either is unknown
 */
double
mls_roofline_device_ridge_point (const MlsRooflineDevice *device)
{
  if (!(device->peak_flops > 0) || !(device->bandwidth > 0))
    return 0;
  return device->peak_flops / device->bandwidth;
}

/**
 * mls_roofline_device_attainable:
 * @device: a device
 * @intensity: an arithmetic intensity [FLOP/B]
 *
 * Returns: the attainable performance, min(bandwidth × @intensity, peak) [FLOP/s]
 */
double
mls_roofline_device_attainable (const MlsRooflineDevice *device, double intensity)
{
  return MIN (device->bandwidth * intensity, device->peak_flops);
}

static gboolean
positive (double v)
{
  return isfinite (v) && v > 0;
}

gboolean
mls_roofline_chart_validate (const MlsRooflineChart *chart, GError **error)
{
  if (chart->n_devices == 0 || chart->devices == NULL)
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                   _ ("A roofline chart needs at least one device"));
      return FALSE;
    }
  for (guint i = 0; i < chart->n_devices; i++)
    {
      const MlsRooflineDevice *d = &chart->devices[i];
      const char              *name = d->name ? d->name : "?";
      if (!positive (d->peak_flops))
        {
          g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                       _ ("Device “%s” has no peak performance (got %g FLOP/s); a roofline "
                          "needs a positive compute roof"),
                       name, d->peak_flops);
          return FALSE;
        }
      if (!positive (d->bandwidth))
        {
          g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                       _ ("Device “%s” has no bandwidth (got %g B/s); a roofline needs a "
                          "positive memory roof"),
                       name, d->bandwidth);
          return FALSE;
        }
      for (guint k = 0; k < d->n_roofs; k++)
        if (!positive (d->roofs[k].bandwidth))
          {
            g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                         _ ("Extra roof %u of device “%s” has no bandwidth (got %g B/s)"), k + 1,
                         name, d->roofs[k].bandwidth);
            return FALSE;
          }
    }
  for (guint i = 0; i < chart->n_workloads; i++)
    {
      const MlsRooflineWorkload *w = &chart->workloads[i];
      const char                *name = w->name ? w->name : "?";
      if (!positive (w->intensity))
        {
          g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                       _ ("Workload “%s” has arithmetic intensity %g FLOP/B; a log axis needs "
                          "a positive value"),
                       name, w->intensity);
          return FALSE;
        }
      if (w->device >= chart->n_devices)
        {
          g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                       _ ("Workload “%s” refers to device %u, but the chart has %u"), name,
                       w->device + 1, chart->n_devices);
          return FALSE;
        }
      if (w->performance < 0 || !isfinite (w->performance))
        {
          g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                       _ ("Workload “%s” has performance %g FLOP/s; use 0 to put it on the roof"),
                       name, w->performance);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
roof_kind_name (const MlsRoof *roof)
{
  if (roof->label)
    return roof->label;
  switch (roof->kind)
    {
    case MLS_ROOF_SRAM:
      return _ ("SRAM");
    case MLS_ROOF_CACHE:
      return _ ("Cache");
    case MLS_ROOF_FLASH:
      return _ ("Flash");
    case MLS_ROOF_HOST_LINK:
      return _ ("Host link");
    case MLS_ROOF_OTHER:
    default:
      return _ ("Memory");
    }
}

/* Clips a segment to a rectangle (Liang–Barsky); FALSE when nothing is left. */
static gboolean
clip_segment (const MlsRect *r, double *x0, double *y0, double *x1, double *y1)
{
  double dx = *x1 - *x0, dy = *y1 - *y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x0 - r->x, r->x + r->width - *x0, *y0 - r->y, r->y + r->height - *y0 };
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
  *x1 = *x0 + t1 * dx;
  *y1 = *y0 + t1 * dy;
  *x0 = *x0 + t0 * dx;
  *y0 = *y0 + t0 * dy;
  return TRUE;
}

typedef struct
{
  MlsPaint               *paint;
  const MlsRooflineChart *chart;
  MlsAxisMap              x;
  MlsAxisMap              y;
  MlsRect                 area;
  MlsLabelPlacer         *placer;
  GArray                 *pending;  /* Pending */
  GArray                 *requests; /* MlsLabelRequest */
  gboolean                network;
  gboolean                single;
  double                  marker_r;
} Roofline;

static double
px (Roofline *r, double v)
{
  return mls_figure_axis_map_to_page (&r->x, v);
}

static double
py (Roofline *r, double v)
{
  return mls_figure_axis_map_to_page (&r->y, v);
}

static MlsColor
device_color (Roofline *r, guint index)
{
  if (r->single)
    return r->network ? r->paint->palette->network_roof : r->paint->palette->roof;
  return r->paint->palette->series[index % r->paint->palette->n_series];
}

static MlsColor
workload_color (Roofline *r, guint index, guint device)
{
  /* One device: the textbook's cycle crimson, green, violet, brown. Several: the device's. */
  static const guint cycle[] = { 1, 2, 4, 5, 3, 6 };
  const MlsPalette  *pal = r->paint->palette;

  if (r->single)
    return pal->series[cycle[index % G_N_ELEMENTS (cycle)] % pal->n_series];
  return device_color (r, device);
}

static MlsMarker
workload_marker (guint index)
{
  /* The diamond marks ridge points, so workloads skip it. */
  static const MlsMarker cycle[]
      = { MLS_MARKER_CIRCLE,   MLS_MARKER_SQUARE,        MLS_MARKER_TRIANGLE,
          MLS_MARKER_PENTAGON, MLS_MARKER_TRIANGLE_DOWN, MLS_MARKER_STAR };

  return cycle[index % G_N_ELEMENTS (cycle)];
}

static double
workload_performance (const MlsRooflineChart *chart, const MlsRooflineWorkload *w)
{
  if (w->performance > 0)
    return w->performance;
  return mls_roofline_device_attainable (&chart->devices[w->device], w->intensity);
}

/* Points outside a range the caller fixed are left out, labels and all. */
static gboolean
workload_visible (Roofline *r, const MlsRooflineWorkload *w)
{
  double wx = px (r, w->intensity), wy = py (r, workload_performance (r->chart, w));

  return wx >= r->area.x - 0.5 && wx <= r->area.x + r->area.width + 0.5 && wy >= r->area.y - 0.5
         && wy <= r->area.y + r->area.height + 0.5;
}

static void
choose_ranges (const MlsRooflineChart *chart, double *x0, double *x1, double *y0, double *y1)
{
  double xlo = 0.1, xhi = 1e4, peak_min = G_MAXDOUBLE, peak_max = 0, ylo;

  /* The textbook's window is 0.1 … 10,000 FLOP/B; it widens to keep every ridge point well
   * inside and every workload a third of a decade from the edge. */
  for (guint i = 0; i < chart->n_devices; i++)
    {
      const MlsRooflineDevice *d = &chart->devices[i];
      double                   ridge = mls_roofline_device_ridge_point (d);
      xhi = MAX (xhi, ridge * 30);
      xlo = MIN (xlo, ridge / 30);
      for (guint k = 0; k < d->n_roofs; k++)
        {
          double rk = d->peak_flops / d->roofs[k].bandwidth;
          xhi = MAX (xhi, rk * 10);
          xlo = MIN (xlo, rk / 10);
        }
      peak_min = MIN (peak_min, d->peak_flops);
      peak_max = MAX (peak_max, d->peak_flops);
    }
  /* Down to a thousandth of the smallest peak, as plot_roofline, snapped to a decade. */
  ylo = peak_min * 1e-3;
  for (guint i = 0; i < chart->n_workloads; i++)
    {
      const MlsRooflineWorkload *w = &chart->workloads[i];
      xlo = MIN (xlo, w->intensity / 3);
      xhi = MAX (xhi, w->intensity * 3);
      ylo = MIN (ylo, workload_performance (chart, w) / 3);
    }
  *x0 = chart->x_min > 0 ? chart->x_min : pow (10, floor (log10 (xlo) + 1e-9));
  *x1 = chart->x_max > 0 ? chart->x_max : pow (10, ceil (log10 (xhi) - 1e-9));
  *y0 = chart->y_min > 0 ? chart->y_min : pow (10, floor (log10 (ylo) + 1e-9));
  /* Headroom above the highest roof for its label. */
  *y1 = chart->y_max > 0 ? chart->y_max : peak_max * 4;
}

static void
fill_hatched (Roofline *r, const MlsRect *box, const MlsColor *fill, gboolean hatch)
{
  cairo_t *cr = r->paint->cr;
  double   u = r->paint->u;

  cairo_save (cr);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  mls_paint_set_color (r->paint, fill);
  cairo_fill_preserve (cr);
  if (hatch)
    {
      /* Print: diagonal hatching survives photocopying where tints do not. */
      cairo_clip (cr);
      MlsColor hatch = mls_figure_color_mix (&r->paint->palette->grid, fill, 0.35);
      cairo_set_line_width (cr, 0.6 * u);
      mls_paint_set_color (r->paint, &hatch);
      for (double s = box->x - box->height; s < box->x + box->width; s += 9 * u)
        {
          cairo_move_to (cr, s, box->y + box->height);
          cairo_line_to (cr, s + box->height, box->y);
        }
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
draw_regions (Roofline *r)
{
  const MlsPalette        *pal = r->paint->palette;
  const MlsRooflineDevice *d = &r->chart->devices[0];
  double                   ridge_x
      = CLAMP (px (r, mls_roofline_device_ridge_point (d)), r->area.x, r->area.x + r->area.width);
  MlsRect left = { r->area.x, r->area.y, ridge_x - r->area.x, r->area.height };
  MlsRect right = { ridge_x, r->area.y, r->area.x + r->area.width - ridge_x, r->area.height };

  fill_hatched (r, &left, r->network ? &pal->network_fill : &pal->memory_fill, pal->hatch_regions);
  fill_hatched (r, &right, &pal->compute_fill, FALSE);
}

/* The page points of a roof: from the left edge to the ridge, then flat to the right edge. */
static void
roof_points (Roofline *r, double bandwidth, double peak, double pts[6])
{
  double ridge = peak / bandwidth;

  pts[0] = px (r, r->x.min);
  pts[1] = py (r, bandwidth * r->x.min);
  pts[2] = px (r, ridge);
  pts[3] = py (r, peak);
  pts[4] = px (r, r->x.max);
  pts[5] = py (r, peak);
}

static void
stroke_roof (Roofline *r, const double pts[6], gboolean flat, const MlsColor *color, double width,
             guint dash_index, gboolean dashed)
{
  cairo_t *cr = r->paint->cr;
  double   u = r->paint->u;

  cairo_save (cr);
  cairo_rectangle (cr, r->area.x, r->area.y, r->area.width, r->area.height);
  cairo_clip (cr);
  mls_paint_set_color (r->paint, color);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (dashed)
    {
      double d[] = { 5 * u, 3 * u };
      cairo_set_dash (cr, d, 2, 0);
    }
  else
    mls_paint_series_dash (r->paint, dash_index, width);
  cairo_move_to (cr, pts[0], pts[1]);
  cairo_line_to (cr, pts[2], pts[3]);
  if (flat)
    cairo_line_to (cr, pts[4], pts[5]);
  cairo_stroke (cr);
  cairo_restore (cr);

  {
    double a[4] = { pts[0], pts[1], pts[2], pts[3] };
    if (clip_segment (&r->area, &a[0], &a[1], &a[2], &a[3]))
      mls_label_placer_add_segment (r->placer, a[0], a[1], a[2], a[3]);
    if (flat)
      {
        double b[4] = { pts[2], pts[3], pts[4], pts[5] };
        if (clip_segment (&r->area, &b[0], &b[1], &b[2], &b[3]))
          mls_label_placer_add_segment (r->placer, b[0], b[1], b[2], b[3]);
      }
  }
}

/* Candidates along a line from (x0, y0) to (x1, y1). A sloped line takes the label rotated
 * to follow it, centred at fractions of its length near @prefer_t, just above it (preferred)
 * or just below. A flat line takes it level, flush with the right end first, then sliding
 * left, above or below, one or two rows away. */
static guint
line_candidates (Roofline *r, double x0, double y0, double x1, double y1, double w, double h,
                 gboolean rotate, double prefer_t, MlsCandidate *out, guint max)
{
  double len = hypot (x1 - x0, y1 - y0), u = r->paint->u;
  double angle = rotate ? atan2 (-(y1 - y0), x1 - x0) : 0;
  guint  n = 0;

  if (!rotate)
    {
      double left = MIN (x0, x1), right = MAX (x0, x1), y = (y0 + y1) / 2;
      double step = MAX (w / 8, 4 * u);
      for (int row = 0; row < 2; row++)
        for (int side = 0; side < 2; side++)
          for (int k = 0; n < max; k++)
            {
              double cx = right - w / 2 - 2 * u - k * step;
              double off = h / 2 + 2.5 * u + row * h * 1.05;
              double cost = k * 0.12 + side * 1.5 + row * 2.5;
              /* Past the left end of the flat roof the label hangs over the slope: allowed,
               * but only as a last resort. */
              if (cx - w / 2 < left - w * 0.6)
                break;
              if (cx - w / 2 < left)
                cost += 3;
              out[n++] = (MlsCandidate){ cx, y + (side ? off : -off), 0, cost };
            }
      return n;
    }

  if (len < w * 0.5)
    return 0;
  for (int side = 0; side < 2; side++)
    for (int i = 0; i <= 40 && n < max; i++)
      {
        double t = i / 40.0, cx, cy, off = h / 2 + 2.5 * u;
        /* The normal pointing up the page, in page coordinates. */
        double nx = -sin (angle), ny = -cos (angle), sgn = side == 0 ? 1 : -1;
        double along = t * len;
        /* Keep the text within the drawn part of the line. */
        if (along < w / 2 || along > len - w / 2)
          continue;
        cx = x0 + (x1 - x0) * t + sgn * nx * off;
        cy = y0 + (y1 - y0) * t + sgn * ny * off;
        out[n++] = (MlsCandidate){ cx, cy, angle, fabs (t - prefer_t) * 3.0 + side * 1.5 };
      }
  return n;
}

/* Labels are queued, then placed together (mls_label_placer_place_all tries several orders
 * and keeps the cheapest layout), then drawn. */
typedef struct
{
  PangoLayout  *layout;
  MlsLabelRole  role;
  MlsColor      color;
  MlsColor      leader_color;
  MlsCandidate *candidates;
} Pending;

static void
pending_clear (gpointer data)
{
  Pending *p = data;

  g_clear_object (&p->layout);
  g_free (p->candidates);
}

static void
queue_label (Roofline *r, PangoLayout *layout, MlsLabelRole role, const MlsColor *color,
             const MlsColor *leader_color, double anchor_x, double anchor_y, double radius,
             MlsCandidate *candidates, guint n_candidates)
{
  Pending         p = { layout, role, *color, *leader_color, candidates };
  MlsLabelRequest req = { 0 };

  mls_paint_layout_size (layout, &req.width, &req.height);
  req.anchor_x = anchor_x;
  req.anchor_y = anchor_y;
  req.radius = radius;
  req.candidates = candidates;
  req.n_candidates = n_candidates;
  req.allow_leader = TRUE;
  g_array_append_val (r->pending, p);
  g_array_append_val (r->requests, req);
}

static void
queue_line_label (Roofline *r, const char *markup, double x0, double y0, double x1, double y1,
                  gboolean rotate, double prefer_t, const MlsColor *color)
{
  PangoLayout  *layout = mls_paint_layout (r->paint, MLS_FONT_LABEL, markup, -1);
  MlsCandidate *cand = g_new (MlsCandidate, 256);
  double        w, h;
  guint         n;

  mls_paint_layout_size (layout, &w, &h);
  n = line_candidates (r, x0, y0, x1, y1, w, h, rotate, prefer_t, cand, 256);
  /* Charge a candidate for every other line between it and its own. */
  for (guint i = 0; i < n; i++)
    {
      double lx, ly, t, dx = x1 - x0, dy = y1 - y0, l2 = dx * dx + dy * dy;
      t = l2 > 0 ? CLAMP (((cand[i].cx - x0) * dx + (cand[i].cy - y0) * dy) / l2, 0, 1) : 0;
      lx = x0 + t * dx;
      ly = y0 + t * dy;
      /* Stop short of the line itself, which the connector always meets. */
      lx += (cand[i].cx - lx) * 0.02;
      ly += (cand[i].cy - ly) * 0.02;
      cand[i].cost
          += 6.0 * mls_label_placer_segment_crossings (r->placer, cand[i].cx, cand[i].cy, lx, ly);
    }
  queue_label (r, layout, MLS_LABEL_ANNOTATION, color, color, (x0 + x1) / 2, (y0 + y1) / 2,
               2 * r->paint->u, cand, n);
}

static void
place_queued (Roofline *r)
{
  guint                    n = r->requests->len;
  g_autofree MlsPlacement *placed = g_new0 (MlsPlacement, MAX (n, 1));

  /* Even a label with nowhere free to go is drawn, so that nothing silently disappears; the
   * layout reports it, for the tests to catch. */
  mls_label_placer_place_all (r->placer, (MlsLabelRequest *)(void *)r->requests->data, n, placed);
  for (guint i = 0; i < n; i++)
    {
      Pending *p = &g_array_index (r->pending, Pending, i);
      mls_paint_placed_label (r->paint, p->layout, &placed[i], p->role, &p->color,
                              &p->leader_color);
    }
}

static void
place_region_label (Roofline *r, const char *text, double x0, double x1)
{
  g_autofree char *markup = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  MlsCandidate cand[64];
  MlsPlacement p;
  MlsColor     color = r->paint->palette->ink_secondary;
  double       w, h, u = r->paint->u;
  guint        n = 0;

  markup = g_strdup_printf ("<span letter_spacing=\"%d\" weight=\"bold\">%s</span>",
                            (int)(1.2 * u * PANGO_SCALE), text);
  layout = mls_paint_layout (r->paint, MLS_FONT_SMALL, markup, -1);
  mls_paint_layout_size (layout, &w, &h);
  if (x1 - x0 < w + 8 * u)
    return;
  /* Low in the region, centred first: where the figure is empty under the roof. */
  for (int row = 0; row < 8; row++)
    for (int col = 0; col < 7 && n < G_N_ELEMENTS (cand); col++)
      {
        double t = 0.5 + (col % 2 ? 1 : -1) * ((col + 1) / 2) * 0.12;
        double cx = x0 + (x1 - x0) * t;
        double cy = r->area.y + r->area.height - 8 * u - h / 2 - row * h * 1.1;
        cx = CLAMP (cx, x0 + w / 2 + 4 * u, x1 - w / 2 - 4 * u);
        cand[n++] = (MlsCandidate){ cx, cy, 0, row * 0.5 + fabs (t - 0.5) };
      }
  if (!mls_label_placer_place_among (r->placer, w, h, cand, n, (x0 + x1) / 2,
                                     r->area.y + r->area.height, &p))
    return;
  mls_label_placer_commit (r->placer, &p);
  color.alpha = 0.75;
  mls_paint_placed_label (r->paint, layout, &p, MLS_LABEL_ANNOTATION, &color, &color);
}

static gboolean
place_legend (Roofline *r, const MlsLegendEntry *entries, guint n)
{
  const char *headers[]
      = { r->network ? _ ("Fleet") : _ ("Device"), r->network ? _ ("Compute") : _ ("Peak"),
          r->network ? _ ("Network") : _ ("Memory"), _ ("Ridge") };
  MlsRect        size = mls_figure_legend_measure (r->paint, entries, n, headers, 1);
  double         u = r->paint->u, inset = 4 * u;
  const MlsRect *a = &r->area;
  MlsCandidate   cand[100];
  guint          nc = 0;
  MlsPlacement   p;

  /* A grid of spots over the plot; lines under the legend cost (the placer counts them),
   * and so does distance from the corners, lower right first as plot_roofline has it. */
  for (int iy = 0; iy < 10; iy++)
    for (int ix = 0; ix < 10; ix++)
      {
        double fx = ix / 9.0, fy = iy / 9.0;
        double cx = a->x + inset + size.width / 2 + fx * (a->width - 2 * inset - size.width);
        double cy = a->y + inset + size.height / 2 + fy * (a->height - 2 * inset - size.height);
        double corner = MIN (MIN (hypot (1 - fx, 1 - fy), hypot (fx, fy) + 0.3),
                             MIN (hypot (1 - fx, fy) + 0.5, hypot (fx, 1 - fy) + 0.6));
        cand[nc++] = (MlsCandidate){ cx, cy, 0, 3.0 * corner };
      }
  gboolean clean = TRUE;

  if (!mls_label_placer_place_among (r->placer, size.width, size.height, cand, nc, 0, 0, &p))
    {
      p.box = (MlsRect){ a->x + a->width - inset - size.width,
                         a->y + a->height - inset - size.height, size.width, size.height };
      clean = FALSE;
    }
  else if (mls_label_placer_crossings (r->placer, &p.box) > 0)
    clean = FALSE;
  mls_figure_legend_draw (r->paint, entries, n, headers, 1, p.box.x, p.box.y);
  mls_label_placer_add_obstacle (r->placer, &p.box);
  return clean;
}

/* Legend modes: a table inside the plot, or names only under it. */
typedef enum
{
  LEGEND_INSIDE,
  LEGEND_BELOW,
} LegendMode;

/* Paints the chart; returns whether the legend found a clean spot (no line or marker under
 * it) when it is inside. */
static gboolean
roofline_paint (MlsPaint *paint, const MlsRooflineChart *chart, LegendMode mode)
{
  gboolean          legend_clean = TRUE;
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double            u = paint->u, x0, x1, y0, y1, top, left, bottom;
  g_autofree char  *title = NULL;
  g_autofree char  *y_title = NULL;
  const char       *x_title;
  Roofline          r = { 0 };
  GError           *error = NULL;
  g_autoptr (GArray) legend = g_array_new (FALSE, TRUE, sizeof (MlsLegendEntry));
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  MlsRect below = { 0 };
  guint   below_columns = 1;

  mls_paint_background (paint);
  if (!mls_roofline_chart_validate (chart, &error))
    {
      g_autofree char *markup = mls_figure_markup_escape (error->message);
      mls_paint_text (paint, MLS_FONT_AXIS, markup, paint->width / 2, paint->height / 2,
                      MLS_ALIGN_CENTER, MLS_ALIGN_CENTER, 0, MLS_LABEL_TEXT, &pal->bad);
      g_error_free (error);
      return TRUE;
    }

  r.paint = paint;
  r.chart = chart;
  r.network = chart->variant == MLS_ROOFLINE_NETWORK;
  r.single = chart->n_devices == 1;
  r.marker_r = 5.0 * u;

  if (chart->title)
    title = g_strdup (chart->title);
  else if (r.network)
    title = g_strdup_printf (_ ("Distributed roofline: %s"), chart->devices[0].name);
  else if (chart->n_devices <= 3)
    {
      g_autoptr (GString) names = g_string_new (NULL);
      for (guint i = 0; i < chart->n_devices; i++)
        g_string_append_printf (names, "%s%s", i ? _ (" vs ") : "", chart->devices[i].name);
      title = g_strdup_printf (_ ("Roofline: %s"), names->str);
    }
  else
    title = g_strdup_printf (_ ("Roofline: %u devices"), chart->n_devices);
  top = mls_paint_title (paint, title);

  choose_ranges (chart, &x0, &x1, &y0, &y1);
  mls_figure_axis_map_init (&r.x, TRUE, x0, x1, NULL);
  mls_figure_axis_map_init (&r.y, TRUE, y0, y1, "FLOP/s");
  x_title = r.network ? _ ("Communication intensity (FLOP/byte)")
                      : _ ("Arithmetic intensity (FLOP/byte)");
  y_title = mls_figure_axis_title (&r.y, _ ("Attainable performance"));

  /* Several devices: their values go in the legend, a table that stays readable however
   * close the roofs run. */
  if (!r.single && !(chart->flags & MLS_ROOFLINE_HIDE_LEGEND))
    for (guint i = 0; i < chart->n_devices; i++)
      {
        const MlsRooflineDevice *d = &chart->devices[i];
        MlsLegendEntry           e = { 0 };
        char                    *peak = mls_figure_format_si (d->peak_flops, "FLOP/s", 3);
        char                    *bw = mls_figure_format_si (d->bandwidth, "B/s", 3);
        g_autofree char *rv = mls_figure_format_number (mls_roofline_device_ridge_point (d), 3);
        char            *ridge = g_strdup_printf (_ ("%s FLOP/B"), rv);
        g_ptr_array_add (strings, peak);
        g_ptr_array_add (strings, bw);
        g_ptr_array_add (strings, ridge);
        e.text = d->name;
        e.cells[0] = peak;
        e.cells[1] = bw;
        e.cells[2] = ridge;
        e.color = device_color (&r, i);
        e.line = TRUE;
        e.dash = i;
        e.marker = (chart->flags & MLS_ROOFLINE_HIDE_RIDGE) ? MLS_N_MARKERS
                   : r.network                              ? MLS_MARKER_CROSS
                                                            : MLS_MARKER_DIAMOND;
        g_array_append_val (legend, e);
      }
  left = mls_paint_axis_margin_left (paint, &r.y, y_title);
  bottom = mls_paint_axis_margin_bottom (paint, x_title);
  /* Under the plot the legend gives names only: values in a table take too much room. */
  if (legend->len > 0 && mode == LEGEND_BELOW)
    {
      for (guint i = 0; i < legend->len; i++)
        memset (g_array_index (legend, MlsLegendEntry, i).cells, 0,
                sizeof ((MlsLegendEntry *)NULL)->cells);
      below_columns = mls_figure_legend_fit_columns (paint, (MlsLegendEntry *)(void *)legend->data,
                                                     legend->len, paint->width - 20 * u);
      below = mls_figure_legend_measure (paint, (MlsLegendEntry *)(void *)legend->data, legend->len,
                                         NULL, below_columns);
      bottom += below.height + 4 * u;
    }
  r.area = (MlsRect){ left, top + 4 * u, paint->width - left - 14 * u,
                      paint->height - bottom - top - 4 * u };
  paint->layout->plot_area = r.area;
  r.x.lo = r.area.x;
  r.x.hi = r.area.x + r.area.width;
  r.y.lo = r.area.y + r.area.height;
  r.y.hi = r.area.y;
  {
    MlsRect inner
        = { r.area.x + 2 * u, r.area.y + 2 * u, r.area.width - 4 * u, r.area.height - 4 * u };
    r.placer = mls_label_placer_new (&inner, 3 * u);
  }
  r.pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (r.pending, pending_clear);
  r.requests = g_array_new (FALSE, TRUE, sizeof (MlsLabelRequest));

  if (r.single && !(chart->flags & MLS_ROOFLINE_HIDE_REGIONS))
    draw_regions (&r);
  mls_paint_axes (paint, &r.area, &r.x, &r.y, x_title, y_title);

  /* Roofs: extra memory levels first (dashed, thinner), then each device's roofline. */
  for (guint i = 0; i < chart->n_devices; i++)
    {
      const MlsRooflineDevice *d = &chart->devices[i];
      MlsColor                 c = device_color (&r, i);
      for (guint k = 0; k < d->n_roofs; k++)
        {
          double   pts[6];
          MlsColor ck = mls_figure_color_mix (&c, &pal->background, 0.15);
          roof_points (&r, d->roofs[k].bandwidth, d->peak_flops, pts);
          /* With its flat part, so that a faster level visibly meets the compute roof. */
          stroke_roof (&r, pts, TRUE, &ck, 1.8 * u, 0, TRUE);
        }
    }
  for (guint i = 0; i < chart->n_devices; i++)
    {
      const MlsRooflineDevice *d = &chart->devices[i];
      MlsColor                 c = device_color (&r, i);
      double                   pts[6];
      roof_points (&r, d->bandwidth, d->peak_flops, pts);
      stroke_roof (&r, pts, TRUE, &c, (r.single ? 3.0 : 2.6) * u, i, FALSE);
    }

  /* Ridge points: the dotted drop line (one device), then the markers. */
  if (!(chart->flags & MLS_ROOFLINE_HIDE_RIDGE))
    for (guint i = 0; i < chart->n_devices; i++)
      {
        const MlsRooflineDevice *d = &chart->devices[i];
        double  rx = px (&r, mls_roofline_device_ridge_point (d)), ry = py (&r, d->peak_flops);
        MlsRect box
            = { rx - r.marker_r * 1.3, ry - r.marker_r * 1.3, r.marker_r * 2.6, r.marker_r * 2.6 };
        if (rx < r.area.x || rx > r.area.x + r.area.width)
          continue;
        if (r.single)
          {
            double dots[] = { 0.1, 3 * u };
            cairo_save (cr);
            mls_paint_set_color (paint, &pal->accent);
            cairo_set_line_width (cr, 1.6 * u);
            cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
            cairo_set_dash (cr, dots, 2, 0);
            cairo_move_to (cr, rx, ry);
            cairo_line_to (cr, rx, r.area.y + r.area.height);
            cairo_stroke (cr);
            cairo_restore (cr);
            mls_label_placer_add_segment (r.placer, rx, ry, rx, r.area.y + r.area.height);
          }
        mls_label_placer_add_obstacle (r.placer, &box);
      }

  /* Workload markers are obstacles before any label is placed. */
  for (guint i = 0; i < chart->n_workloads; i++)
    {
      const MlsRooflineWorkload *w = &chart->workloads[i];
      double  wx = px (&r, w->intensity), wy = py (&r, workload_performance (chart, w));
      MlsRect box
          = { wx - r.marker_r * 1.4, wy - r.marker_r * 1.4, r.marker_r * 2.8, r.marker_r * 2.8 };
      if (!workload_visible (&r, w))
        continue;
      mls_label_placer_add_obstacle (r.placer, &box);
      mls_label_placer_add_point (r.placer, wx, wy);
    }

  if (legend->len > 0 && below.height > 0)
    mls_figure_legend_draw (paint, (MlsLegendEntry *)(void *)legend->data, legend->len, NULL,
                            below_columns, MAX (10 * u, (paint->width - below.width) / 2),
                            paint->height - below.height - 6 * u);
  else if (legend->len > 0)
    legend_clean = place_legend (&r, (MlsLegendEntry *)(void *)legend->data, legend->len);

  /* Labels, in order of how little room they have to move: the ridge label, the roof values
   * (which must sit on their roofs), the workloads (anywhere near their points, with a
   * leader if need be), and last the region names, which may be left out. */
  if (!(chart->flags & MLS_ROOFLINE_HIDE_RIDGE) && r.single)
    {
      const MlsRooflineDevice *d = &chart->devices[0];
      g_autofree char *value = mls_figure_format_number (mls_roofline_device_ridge_point (d), 3);
      g_autofree char *text = g_strdup_printf (
          r.network ? _ ("Network ridge %s FLOP/B") : _ ("Ridge %s FLOP/B"), value);
      g_autofree char *markup = mls_figure_markup_escape (text);
      double rx = px (&r, mls_roofline_device_ridge_point (d)), ry = py (&r, d->peak_flops);
      if (rx >= r.area.x && rx <= r.area.x + r.area.width)
        {
          PangoLayout  *layout = mls_paint_layout (paint, MLS_FONT_LABEL, markup, -1);
          MlsCandidate *cand = g_new (MlsCandidate, 4);
          double        w, h, m = r.marker_r;
          mls_paint_layout_size (layout, &w, &h);
          /* Below and right of the diamond, clear of the roof, as in the textbook. */
          cand[0] = (MlsCandidate){ rx + m + 4 * u + w / 2, ry + m + 6 * u + h / 2, 0, 0 };
          cand[1] = (MlsCandidate){ rx - m - 4 * u - w / 2, ry + m + 8 * u + h / 2, 0, 0.5 };
          cand[2] = (MlsCandidate){ rx + m + 4 * u + w / 2, ry + m + 6 * u + 1.5 * h, 0, 1 };
          cand[3] = (MlsCandidate){ rx - m - 4 * u - w / 2, ry + m + 8 * u + 1.5 * h, 0, 1.5 };
          queue_label (&r, layout, MLS_LABEL_ANNOTATION, &pal->accent, &pal->accent, rx, ry,
                       m * 1.3, cand, 4);
        }
    }

  if (!(chart->flags & MLS_ROOFLINE_HIDE_ROOF_LABELS))
    for (guint i = 0; i < chart->n_devices; i++)
      {
        const MlsRooflineDevice *d = &chart->devices[i];
        MlsColor                 c = device_color (&r, i);
        double                   pts[6];
        g_autofree char         *peak = mls_figure_format_si (d->peak_flops, "FLOP/s", 3);
        g_autofree char         *bw = mls_figure_format_si (d->bandwidth, "B/s", 3);

        roof_points (&r, d->bandwidth, d->peak_flops, pts);
        if (r.single)
          {
            g_autofree char *ctext
                = g_strdup_printf (r.network ? _ ("Fleet compute %s") : _ ("Compute %s"), peak);
            g_autofree char *mtext
                = g_strdup_printf (r.network ? _ ("Network %s") : _ ("Memory %s"), bw);
            double           a[4] = { pts[2], pts[3], pts[4], pts[5] };
            double           b[4] = { pts[0], pts[1], pts[2], pts[3] };
            g_autofree char *cm = mls_figure_markup_escape (ctext);
            g_autofree char *mm = mls_figure_markup_escape (mtext);
            if (clip_segment (&r.area, &a[0], &a[1], &a[2], &a[3]))
              queue_line_label (&r, cm, a[0], a[1], a[2], a[3], FALSE, 0.85, &c);
            if (clip_segment (&r.area, &b[0], &b[1], &b[2], &b[3]))
              queue_line_label (&r, mm, b[0], b[1], b[2], b[3], TRUE, 0.5, &c);
          }
        for (guint k = 0; k < d->n_roofs; k++)
          {
            g_autofree char *v = mls_figure_format_si (d->roofs[k].bandwidth, "B/s", 3);
            g_autofree char *t = g_strdup_printf ("%s %s", roof_kind_name (&d->roofs[k]), v);
            g_autofree char *m = mls_figure_markup_escape (t);
            roof_points (&r, d->roofs[k].bandwidth, d->peak_flops, pts);
            if (clip_segment (&r.area, &pts[0], &pts[1], &pts[2], &pts[3]))
              queue_line_label (&r, m, pts[0], pts[1], pts[2], pts[3], TRUE, 0.5, &c);
          }
      }

  {
    g_autofree char *hex = mls_figure_color_to_hex (&pal->ink_secondary);
    for (guint i = 0; i < chart->n_workloads; i++)
      {
        const MlsRooflineWorkload *w = &chart->workloads[i];
        const MlsRooflineDevice   *d = &chart->devices[w->device];
        const char                *bottleneck = w->bottleneck;
        g_autofree char           *name = mls_figure_markup_escape (w->name);
        g_autofree char           *b = NULL;
        g_autofree char           *markup = NULL;
        MlsColor                   c = workload_color (&r, i, w->device);

        if (!workload_visible (&r, w))
          continue;
        if (bottleneck == NULL)
          bottleneck = w->intensity < mls_roofline_device_ridge_point (d)
                           ? (r.network ? _ ("network-bound") : _ ("memory-bound"))
                           : _ ("compute-bound");
        b = mls_figure_markup_escape (bottleneck);
        markup = g_strdup_printf ("<b>%s</b>\n<span foreground=\"%s\" size=\"%d\">%s</span>", name,
                                  hex, (int)(paint->font_size[MLS_FONT_SMALL] * PANGO_SCALE), b);
        queue_label (&r, mls_paint_layout (paint, MLS_FONT_LABEL, markup, -1), MLS_LABEL_POINT,
                     &pal->ink, &c, px (&r, w->intensity), py (&r, workload_performance (chart, w)),
                     r.marker_r * 1.2, NULL, 0);
      }
  }
  place_queued (&r);

  if (r.single && !(chart->flags & MLS_ROOFLINE_HIDE_REGIONS))
    {
      double rx = CLAMP (px (&r, mls_roofline_device_ridge_point (&chart->devices[0])), r.area.x,
                         r.area.x + r.area.width);
      place_region_label (&r, r.network ? _ ("NETWORK-BOUND") : _ ("MEMORY-BOUND"), r.area.x, rx);
      place_region_label (&r, _ ("COMPUTE-BOUND"), rx, r.area.x + r.area.width);
    }

  /* Markers over the labels' leader lines: ridges, then workloads. */
  if (!(chart->flags & MLS_ROOFLINE_HIDE_RIDGE))
    for (guint i = 0; i < chart->n_devices; i++)
      {
        const MlsRooflineDevice *d = &chart->devices[i];
        MlsColor                 c = r.single ? pal->accent : device_color (&r, i);
        double rx = px (&r, mls_roofline_device_ridge_point (d)), ry = py (&r, d->peak_flops);
        if (rx >= r.area.x && rx <= r.area.x + r.area.width)
          mls_paint_marker (paint, r.network ? MLS_MARKER_CROSS : MLS_MARKER_DIAMOND, rx, ry,
                            r.marker_r, &c, &pal->background);
      }
  for (guint i = 0; i < chart->n_workloads; i++)
    {
      const MlsRooflineWorkload *w = &chart->workloads[i];
      MlsColor                   c = workload_color (&r, i, w->device);
      if (!workload_visible (&r, w))
        continue;
      mls_paint_marker (paint, workload_marker (i), px (&r, w->intensity),
                        py (&r, workload_performance (chart, w)), r.marker_r, &c, &pal->background);
    }

  mls_paint_frame (paint, &r.area);
  mls_label_placer_free (r.placer);
  g_array_unref (r.pending);
  g_array_unref (r.requests);
  mls_figure_axis_map_clear (&r.x);
  mls_figure_axis_map_clear (&r.y);
  return legend_clean;
}

void
mls_roofline_chart_paint (MlsPaint *paint, const MlsRooflineChart *chart)
{
  /* Several devices: lay out once off-screen with the table inside; when it would cover a
   * roof or a point (an edge device's roof runs under the whole plot), the legend goes under
   * the plot instead. */
  if (chart->n_devices > 1 && !(chart->flags & MLS_ROOFLINE_HIDE_LEGEND))
    {
      cairo_rectangle_t extents = { 0, 0, paint->width, paint->height };
      cairo_surface_t  *scratch
          = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cairo_t         *cr = cairo_create (scratch);
      MlsFigureLayout *layout = g_new0 (MlsFigureLayout, 1);
      MlsPaint         trial;
      gboolean         clean;

      mls_paint_init (&trial, paint->figure, cr, paint->width, paint->height, layout);
      clean = roofline_paint (&trial, chart, LEGEND_INSIDE);
      mls_paint_clear (&trial);
      mls_figure_layout_free (layout);
      cairo_destroy (cr);
      cairo_surface_destroy (scratch);
      roofline_paint (paint, chart, clean ? LEGEND_INSIDE : LEGEND_BELOW);
      return;
    }
  roofline_paint (paint, chart, LEGEND_INSIDE);
}
