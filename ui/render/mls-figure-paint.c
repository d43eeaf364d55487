/* mls-figure-paint.c — text, markers, axes and legends shared by every chart
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mls-figure-private.h"

/* Type sizes relative to the style's base size (axis titles). Ticks and annotations are a
 * step smaller, the title a step larger, as in matplotlib's 10/11/12 pt scheme. */
static const double font_factor[MLS_N_FONTS] = {
  [MLS_FONT_TICK] = 0.9,   [MLS_FONT_AXIS] = 1.0,   [MLS_FONT_TITLE] = 1.25,
  [MLS_FONT_LABEL] = 0.85, [MLS_FONT_SMALL] = 0.75, [MLS_FONT_LEGEND] = 0.85,
};

void
mls_text_run_clear (gpointer data)
{
  MlsTextRun *run = data;

  g_free (run->text);
}

static void
placed_label_clear (gpointer data)
{
  MlsPlacedLabel *label = data;

  g_free (label->text);
}

void
mls_paint_init (MlsPaint *paint, const MlsFigure *figure, cairo_t *cr, double width, double height,
                MlsFigureLayout *layout)
{
  double                base = mls_figure_style_get_font_size (&figure->style);
  cairo_font_options_t *options;

  memset (paint, 0, sizeof *paint);
  paint->cr = cr;
  paint->figure = figure;
  paint->style = &figure->style;
  paint->palette = mls_palette_for_theme (figure->style.theme);
  paint->width = width;
  paint->height = height;
  paint->u = base / 10.0;
  paint->family = figure->style.font_family ? figure->style.font_family : "DejaVu Sans";
  for (guint i = 0; i < MLS_N_FONTS; i++)
    paint->font_size[i] = base * font_factor[i];

  /* One point is one user unit, and the metrics are unhinted, so that the PNG, the SVG, the
   * PDF and the app lay out exactly the same. */
  paint->pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (paint->pango, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (paint->pango, options);
  cairo_font_options_destroy (options);

  paint->layout = layout;
  layout->width = width;
  layout->height = height;
  if (layout->labels == NULL)
    {
      layout->labels = g_array_new (FALSE, TRUE, sizeof (MlsPlacedLabel));
      g_array_set_clear_func (layout->labels, placed_label_clear);
    }
  paint->runs = g_array_new (FALSE, TRUE, sizeof (MlsTextRun));
  g_array_set_clear_func (paint->runs, mls_text_run_clear);
}

void
mls_paint_clear (MlsPaint *paint)
{
  g_clear_object (&paint->pango);
  g_clear_pointer (&paint->runs, g_array_unref);
}

void
mls_paint_set_color (MlsPaint *paint, const MlsColor *c)
{
  cairo_set_source_rgba (paint->cr, c->red, c->green, c->blue, c->alpha);
}

void
mls_paint_set_color_alpha (MlsPaint *paint, const MlsColor *c, double alpha)
{
  cairo_set_source_rgba (paint->cr, c->red, c->green, c->blue, c->alpha * alpha);
}

MlsColor
mls_figure_color_mix (const MlsColor *a, const MlsColor *b, double t)
{
  return (MlsColor){ a->red + (b->red - a->red) * t, a->green + (b->green - a->green) * t,
                     a->blue + (b->blue - a->blue) * t, a->alpha + (b->alpha - a->alpha) * t };
}

char *
mls_figure_color_to_hex (const MlsColor *c)
{
  return g_strdup_printf ("#%02X%02X%02X", (int)lround (CLAMP (c->red, 0, 1) * 255),
                          (int)lround (CLAMP (c->green, 0, 1) * 255),
                          (int)lround (CLAMP (c->blue, 0, 1) * 255));
}

char *
mls_figure_markup_escape (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

PangoLayout *
mls_paint_layout (MlsPaint *paint, MlsFontRole font, const char *markup, double wrap_width)
{
  PangoLayout          *layout = pango_layout_new (paint->pango);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, paint->family);
  pango_font_description_set_absolute_size (desc, paint->font_size[font] * PANGO_SCALE);
  if (font == MLS_FONT_TITLE)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_markup (layout, markup ? markup : "", -1);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int)(wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

void
mls_paint_layout_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double)logical.width / PANGO_SCALE;
  *height = (double)logical.height / PANGO_SCALE;
}

static void
rotate_point (double angle, double x, double y, double *rx, double *ry)
{
  /* Counter-clockwise on the page, where y grows downwards. */
  double c = cos (angle), s = sin (angle);

  *rx = x * c + y * s;
  *ry = -x * s + y * c;
}

static void
record_runs (MlsPaint *paint, PangoLayout *layout, double ox, double oy, double x, double y,
             double angle, gboolean bold)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char      *text = pango_layout_get_text (layout);
  double size = pango_font_description_get_size (pango_layout_get_font_description (layout))
                / (double)PANGO_SCALE;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle   logical;
      MlsTextRun       run = { 0 };
      double           lx, ly, rx, ry;

      if (line->length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      lx = ox + (double)logical.x / PANGO_SCALE;
      ly = oy + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      rotate_point (angle, lx, ly, &rx, &ry);
      run.text = g_strndup (text + line->start_index, line->length);
      g_strchomp (run.text);
      run.x = x + rx;
      run.y = y + ry;
      run.angle = angle;
      run.size = size;
      run.bold = bold;
      g_array_append_val (paint->runs, run);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
mls_paint_record_label (MlsPaint *paint, const char *text, MlsLabelRole role, const MlsRect *box,
                        double angle, double anchor_x, double anchor_y, gboolean leader)
{
  MlsPlacedLabel label = { 0 };

  label.text = g_strdup (text);
  label.role = role;
  label.box = *box;
  label.angle = angle;
  label.anchor_x = anchor_x;
  label.anchor_y = anchor_y;
  label.leader = leader;
  g_array_append_val (paint->layout->labels, label);
}

/* Shows @layout with the top-left corner of its text, before rotation about that corner, at
 * (x, y). */
void
mls_paint_show_layout (MlsPaint *paint, PangoLayout *layout, double x, double y, double angle,
                       MlsLabelRole role, const MlsColor *color, MlsRect *out_box)
{
  cairo_t *cr = paint->cr;
  double   w, h, xs[4], ys[4], minx = G_MAXDOUBLE, miny = G_MAXDOUBLE, maxx = -G_MAXDOUBLE,
                             maxy = -G_MAXDOUBLE;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  gboolean bold = desc && pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD;
  MlsRect  box;

  PangoRectangle logical;
  double         lx, ly;

  /* The text's logical box, not the layout's origin, goes to (x, y): centred lines in a
   * wrapped layout start right of the origin. */
  pango_layout_get_extents (layout, NULL, &logical);
  lx = (double)logical.x / PANGO_SCALE;
  ly = (double)logical.y / PANGO_SCALE;
  w = (double)logical.width / PANGO_SCALE;
  h = (double)logical.height / PANGO_SCALE;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, -angle);
  cairo_move_to (cr, -lx, -ly);
  mls_paint_set_color (paint, color);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  record_runs (paint, layout, -lx, -ly, x, y, angle, bold);
  for (int i = 0; i < 4; i++)
    {
      double px = (i & 1) ? w : 0, py = (i & 2) ? h : 0;
      rotate_point (angle, px, py, &xs[i], &ys[i]);
      minx = MIN (minx, x + xs[i]);
      maxx = MAX (maxx, x + xs[i]);
      miny = MIN (miny, y + ys[i]);
      maxy = MAX (maxy, y + ys[i]);
    }
  box = (MlsRect){ minx, miny, maxx - minx, maxy - miny };
  mls_paint_record_label (paint, pango_layout_get_text (layout), role, &box, angle,
                          box.x + box.width / 2, box.y + box.height / 2, FALSE);
  {
    MlsPlacedLabel *last
        = &g_array_index (paint->layout->labels, MlsPlacedLabel, paint->layout->labels->len - 1);
    last->width = w;
    last->height = h;
  }
  if (out_box)
    *out_box = box;
}

MlsRect
mls_paint_text (MlsPaint *paint, MlsFontRole font, const char *markup, double x, double y,
                MlsAlign halign, MlsAlign valign, double angle, MlsLabelRole role,
                const MlsColor *color)
{
  g_autoptr (PangoLayout) layout = mls_paint_layout (paint, font, markup, -1);
  static const double f[] = { 0, 0.5, 1 };
  double              w, h, ox, oy, rx, ry;
  MlsRect             box;

  mls_paint_layout_size (layout, &w, &h);
  if (halign == MLS_ALIGN_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (halign == MLS_ALIGN_END)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  /* The alignment point, in the text's own frame, goes to (x, y). */
  ox = -w * f[halign];
  oy = -h * f[valign];
  rotate_point (angle, ox, oy, &rx, &ry);
  mls_paint_show_layout (paint, layout, x + rx, y + ry, angle, role, color, &box);
  return box;
}

void
mls_paint_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
mls_paint_placed_label (MlsPaint *paint, PangoLayout *layout, const MlsPlacement *p,
                        MlsLabelRole role, const MlsColor *color, const MlsColor *leader_color)
{
  cairo_t       *cr = paint->cr;
  double         w, h, u = paint->u, halo = 1.5 * u;
  const MlsRect *b = &p->box;
  MlsRect        box;

  mls_paint_layout_size (layout, &w, &h);
  if (p->leader)
    {
      double px = CLAMP (p->anchor_x, b->x, b->x + b->width);
      double py = CLAMP (p->anchor_y, b->y, b->y + b->height);
      double len = hypot (px - p->anchor_x, py - p->anchor_y);
      double skip = MIN (4.0 * u, len * 0.4);
      if (len > 1e-6)
        {
          double dx = (px - p->anchor_x) / len, dy = (py - p->anchor_y) / len;
          cairo_save (cr);
          mls_paint_set_color_alpha (paint, leader_color, 0.8);
          cairo_set_line_width (cr, 0.8 * u);
          cairo_move_to (cr, p->anchor_x + dx * skip, p->anchor_y + dy * skip);
          cairo_line_to (cr, px, py);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  cairo_save (cr);
  cairo_translate (cr, p->cx, p->cy);
  cairo_rotate (cr, -p->angle);
  mls_paint_set_color (paint, &paint->palette->label_box);
  mls_paint_rounded_rect (cr, -w / 2 - halo / 2, -h / 2, w + halo, h, 2 * u);
  cairo_fill (cr);
  cairo_restore (cr);

  {
    double rx, ry;
    rotate_point (p->angle, -w / 2, -h / 2, &rx, &ry);
    mls_paint_show_layout (paint, layout, p->cx + rx, p->cy + ry, p->angle, role, color, &box);
  }
  /* The label list reports the placed box and the anchor it names. */
  {
    MlsPlacedLabel *last
        = &g_array_index (paint->layout->labels, MlsPlacedLabel, paint->layout->labels->len - 1);
    last->box = p->box;
    last->anchor_x = p->anchor_x;
    last->anchor_y = p->anchor_y;
    last->leader = p->leader;
  }
}

void
mls_paint_marker (MlsPaint *paint, MlsMarker marker, double x, double y, double r,
                  const MlsColor *fill, const MlsColor *stroke)
{
  cairo_t *cr = paint->cr;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_new_path (cr);
  switch (marker % MLS_N_MARKERS)
    {
    case MLS_MARKER_CIRCLE:
      cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
      break;
    case MLS_MARKER_SQUARE:
      cairo_rectangle (cr, -r * 0.88, -r * 0.88, r * 1.76, r * 1.76);
      break;
    case MLS_MARKER_DIAMOND:
      cairo_move_to (cr, 0, -r * 1.25);
      cairo_line_to (cr, r * 1.0, 0);
      cairo_line_to (cr, 0, r * 1.25);
      cairo_line_to (cr, -r * 1.0, 0);
      cairo_close_path (cr);
      break;
    case MLS_MARKER_TRIANGLE:
    case MLS_MARKER_TRIANGLE_DOWN:
      {
        double s = (marker == MLS_MARKER_TRIANGLE) ? 1 : -1;
        cairo_move_to (cr, 0, -s * r * 1.3);
        cairo_line_to (cr, r * 1.15, s * r * 0.75);
        cairo_line_to (cr, -r * 1.15, s * r * 0.75);
        cairo_close_path (cr);
      }
      break;
    case MLS_MARKER_PENTAGON:
      for (int i = 0; i < 5; i++)
        {
          double a = -G_PI / 2 + i * 2 * G_PI / 5;
          if (i == 0)
            cairo_move_to (cr, 1.1 * r * cos (a), 1.1 * r * sin (a));
          else
            cairo_line_to (cr, 1.1 * r * cos (a), 1.1 * r * sin (a));
        }
      cairo_close_path (cr);
      break;
    case MLS_MARKER_CROSS:
      {
        /* A thick X as one outline, so it fills and strokes like the others. */
        double a = r * 1.1, t = r * 0.38;
        cairo_move_to (cr, -a, -a + t);
        cairo_line_to (cr, -a + t, -a);
        cairo_line_to (cr, 0, -t);
        cairo_line_to (cr, a - t, -a);
        cairo_line_to (cr, a, -a + t);
        cairo_line_to (cr, t, 0);
        cairo_line_to (cr, a, a - t);
        cairo_line_to (cr, a - t, a);
        cairo_line_to (cr, 0, t);
        cairo_line_to (cr, -a + t, a);
        cairo_line_to (cr, -a, a - t);
        cairo_line_to (cr, -t, 0);
        cairo_close_path (cr);
      }
      break;
    case MLS_MARKER_STAR:
    default:
      for (int i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 5, rr = (i % 2) ? r * 0.6 : r * 1.35;
          if (i == 0)
            cairo_move_to (cr, rr * cos (a), rr * sin (a));
          else
            cairo_line_to (cr, rr * cos (a), rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    }
  mls_paint_set_color (paint, fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (0.25 * r, 0.5 * paint->u));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  mls_paint_set_color (paint, stroke);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
mls_paint_series_dash (MlsPaint *paint, guint index, double lw)
{
  /* Print theme: a dash pattern per series, so greyscale copies keep them apart. */
  static const double patterns[][4] = {
    { 0, 0, 0, 0 },     { 4.0, 2.0, 0, 0 }, { 0.1, 2.0, 0, 0 },     { 5.0, 1.6, 0.1, 1.6 },
    { 8.0, 2.5, 0, 0 }, { 2.0, 1.5, 0, 0 }, { 5.0, 1.5, 0.1, 1.5 }, { 1.0, 1.0, 0, 0 },
  };
  const double *p = patterns[index % G_N_ELEMENTS (patterns)];
  double        d[4];
  int           n = p[2] > 0 ? 4 : (p[0] > 0 ? 2 : 0);

  if (!paint->palette->dash_series || n == 0)
    {
      cairo_set_dash (paint->cr, NULL, 0, 0);
      return;
    }
  for (int i = 0; i < n; i++)
    d[i] = p[i] * lw;
  cairo_set_line_cap (paint->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (paint->cr, d, n, 0);
}

void
mls_paint_background (MlsPaint *paint)
{
  cairo_save (paint->cr);
  mls_paint_set_color (paint, &paint->palette->background);
  cairo_rectangle (paint->cr, 0, 0, paint->width, paint->height);
  cairo_fill (paint->cr);
  cairo_restore (paint->cr);
}

/* Draws the title at the top left and returns the y where the content may start. */
double
mls_paint_title (MlsPaint *paint, const char *title)
{
  double           u = paint->u, pad = 10 * u;
  g_autofree char *markup = NULL;
  MlsRect          box;

  if (title == NULL || *title == '\0')
    return pad;
  markup = mls_figure_markup_escape (title);
  box = mls_paint_text (paint, MLS_FONT_TITLE, markup, pad, pad * 0.8, MLS_ALIGN_START,
                        MLS_ALIGN_START, 0, MLS_LABEL_TITLE, &paint->palette->ink);
  return box.y + box.height + 6 * u;
}

/* ---- numbers ------------------------------------------------------------------------- */

static const struct
{
  double      factor;
  const char *prefix;
} si_prefixes[] = {
  { 1e24, "Y" }, { 1e21, "Z" }, { 1e18, "E" },  { 1e15, "P" },  { 1e12, "T" },
  { 1e9, "G" },  { 1e6, "M" },  { 1e3, "k" },   { 1, "" },      { 1e-3, "m" },
  { 1e-6, "µ" }, { 1e-9, "n" }, { 1e-12, "p" }, { 1e-15, "f" },
};

/* Units that take no SI prefix above one ("ks" is not how anyone reads time). */
static gboolean
unit_is_time (const char *unit)
{
  return unit && g_str_equal (unit, "s");
}

static gboolean
unit_is_money (const char *unit)
{
  return unit && (g_str_equal (unit, "$") || g_str_equal (unit, "USD"));
}

static gboolean
unit_is_ratio (const char *unit)
{
  return unit
         && (g_str_equal (unit, "FLOP/B") || g_str_equal (unit, "%") || g_str_equal (unit, "×"));
}

/* The prefix for a value: 1 ≤ value / factor < 1000. */
static guint
si_index (double value, const char *unit)
{
  double a = fabs (value);
  guint  i;

  if (a == 0 || !isfinite (a) || unit_is_ratio (unit))
    return 8;
  for (i = 0; i < G_N_ELEMENTS (si_prefixes) - 1; i++)
    if (a >= si_prefixes[i].factor * 0.9995)
      break;
  if (unit_is_time (unit) && si_prefixes[i].factor > 1)
    i = 8;
  return i;
}

char *
mls_figure_format_number (double value, int digits)
{
  char   buf[64];
  double a = fabs (value);

  if (!isfinite (value))
    return g_strdup ("–");
  if (a >= 1e4)
    {
      /* Large counts the way the axes print them: "158k", "2.5M". */
      static const char *suffix[] = { "k", "M", "G", "T", "P", "E" };
      int                i = MIN ((int)floor (log10 (a) / 3) - 1, (int)G_N_ELEMENTS (suffix) - 1);
      g_autofree char   *n = mls_figure_format_number (value / pow (1000, i + 1), digits);
      if (fabs (g_ascii_strtod (n, NULL)) >= 999.5 && i + 1 < (int)G_N_ELEMENTS (suffix))
        {
          i++;
          g_free (n);
          n = mls_figure_format_number (value / pow (1000, i + 1), digits);
        }
      return g_strdup_printf ("%s%s", n, suffix[i]);
    }
  if (a >= pow (10, digits))
    g_snprintf (buf, sizeof buf, "%.0f", value);
  else if (a == 0)
    g_snprintf (buf, sizeof buf, "0");
  else
    {
      int decimals = MAX (0, digits - 1 - (int)floor (log10 (a) + 1e-9));
      g_snprintf (buf, sizeof buf, "%.*f", decimals, value);
      /* Trim trailing zeros: "3.50" reads as "3.5". */
      if (strchr (buf, '.') || strchr (buf, ','))
        {
          char *end = buf + strlen (buf) - 1;
          while (end > buf && *end == '0')
            *end-- = '\0';
          if (*end == '.' || *end == ',')
            *end = '\0';
        }
    }
  return g_strdup (buf);
}

/* "3.35 TB/s", "989 TFLOP/s", "80 MB/s", "12.5 ms", "$1.2M". */
char *
mls_figure_format_si (double value, const char *unit, int digits)
{
  g_autofree char *number = NULL;
  guint            i;

  if (unit == NULL || *unit == '\0')
    return mls_figure_format_number (value, digits);
  if (unit_is_money (unit))
    {
      double      a = fabs (value);
      const char *suffix = "";
      double      f = 1;
      if (a >= 1e9)
        f = 1e9, suffix = "B";
      else if (a >= 1e6)
        f = 1e6, suffix = "M";
      else if (a >= 1e4)
        f = 1e3, suffix = "k";
      number = mls_figure_format_number (a / f, digits);
      return g_strdup_printf ("%s$%s%s", value < 0 ? "−" : "", number, suffix);
    }
  i = si_index (value, unit);
  number = mls_figure_format_number (value / si_prefixes[i].factor, digits);
  /* A value that rounds up to the next prefix ("1000 GB/s") reads better as "1 TB/s". */
  if (i > 0 && !unit_is_time (unit) && fabs (g_ascii_strtod (number, NULL)) >= 999.5)
    {
      g_free (number);
      i--;
      number = mls_figure_format_number (value / si_prefixes[i].factor, digits);
    }
  if (g_str_equal (unit, "%"))
    return g_strdup_printf ("%s %%", number);
  return g_strdup_printf ("%s %s%s", number, si_prefixes[i].prefix, unit);
}

/* ---- axes ------------------------------------------------------------------------------ */

void
mls_figure_axis_nice_range (gboolean log, double *min, double *max)
{
  if (log)
    {
      if (*min <= 0)
        *min = *max > 0 ? *max / 1000 : 1;
      if (*max <= *min)
        *max = *min * 10;
      return;
    }
  if (*max < *min)
    {
      double t = *min;
      *min = *max;
      *max = t;
    }
  if (*max == *min)
    {
      *max = *min + (fabs (*min) > 0 ? fabs (*min) : 1);
      if (*min > 0)
        *min = 0;
    }
  {
    double span = *max - *min, step = pow (10, floor (log10 (span / 5)));
    double r = span / 5 / step;
    step *= r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10;
    *min = floor (*min / step + 1e-9) * step;
    *max = ceil (*max / step - 1e-9) * step;
  }
}

void
mls_figure_axis_map_init (MlsAxisMap *axis, gboolean log, double min, double max, const char *unit)
{
  memset (axis, 0, sizeof *axis);
  axis->log = log;
  axis->min = min;
  axis->max = max;
  axis->scale = 1;

  if (unit_is_money (unit))
    {
      double      m = MAX (fabs (min), fabs (max));
      const char *shown = "$";
      if (m >= 2e9)
        axis->scale = 1e9, shown = "$B";
      else if (m >= 2e6)
        axis->scale = 1e6, shown = "$M";
      else if (m >= 2e4)
        axis->scale = 1e3, shown = "$k";
      axis->unit_shown = g_strdup (shown);
      return;
    }
  if (unit == NULL || *unit == '\0' || unit_is_ratio (unit))
    {
      axis->unit_shown = g_strdup (unit);
      if (log && (log10 (max) > 5.5 || log10 (min) < -3.5))
        axis->superscript = TRUE;
      return;
    }

  if (log)
    {
      /* The prefix of the geometric middle; when the ticks would then need more than a
       * "0.001 … 10k" spread, the ticks carry the prefixes instead ("10 G", "1 T"). */
      guint  i = si_index (sqrt (min * max), unit);
      double lo = min / si_prefixes[i].factor, hi = max / si_prefixes[i].factor;
      if (log10 (hi) > 4.5 || log10 (lo) < -3.5)
        {
          axis->si_ticks = TRUE;
          axis->unit_shown = g_strdup (unit);
          return;
        }
      axis->scale = si_prefixes[i].factor;
      axis->unit_shown = g_strdup_printf ("%s%s", si_prefixes[i].prefix, unit);
      return;
    }
  {
    guint i = si_index (MAX (fabs (min), fabs (max)), unit);
    axis->scale = si_prefixes[i].factor;
    axis->unit_shown = g_strdup_printf ("%s%s", si_prefixes[i].prefix, unit);
  }
}

void
mls_figure_axis_map_clear (MlsAxisMap *axis)
{
  g_clear_pointer (&axis->unit_shown, g_free);
}

double
mls_figure_axis_map_to_page (const MlsAxisMap *axis, double value)
{
  double t;

  if (axis->log)
    t = (log10 (value) - log10 (axis->min)) / (log10 (axis->max) - log10 (axis->min));
  else
    t = (value - axis->min) / (axis->max - axis->min);
  return axis->lo + t * (axis->hi - axis->lo);
}

static const char *superscript_digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };

char *
mls_figure_axis_tick_label (const MlsAxisMap *axis, double value)
{
  if (axis->superscript)
    {
      int      e = (int)lround (log10 (value));
      GString *s = g_string_new ("10");
      char     digits[16];
      if (e < 0)
        g_string_append (s, "⁻");
      g_snprintf (digits, sizeof digits, "%d", ABS (e));
      for (char *d = digits; *d; d++)
        g_string_append (s, superscript_digits[*d - '0']);
      return g_string_free (s, FALSE);
    }
  if (axis->si_ticks)
    {
      guint            i = si_index (value, NULL);
      g_autofree char *n = NULL;
      for (i = 0; i < G_N_ELEMENTS (si_prefixes) - 1; i++)
        if (fabs (value) >= si_prefixes[i].factor * 0.9995)
          break;
      n = mls_figure_format_number (value / si_prefixes[i].factor, 3);
      /* A thin space between the number and its prefix, as SI typesetting asks. */
      return g_strdup_printf ("%s%s%s", n, *si_prefixes[i].prefix ? "\u2009" : "",
                              si_prefixes[i].prefix);
    }
  {
    double v = value / axis->scale;
    if (axis->log && fabs (v) >= 1000 && fabs (v) < 1e6)
      {
        g_autofree char *n = mls_figure_format_number (v / 1000, 3);
        return g_strdup_printf ("%sk", n);
      }
    if (!axis->log)
      {
        /* Enough decimals for the tick step, and never "-0". */
        if (fabs (v) < 1e-12)
          v = 0;
        return mls_figure_format_number (v, 6);
      }
    return mls_figure_format_number (v, 3);
  }
}

/* Fills @major with the major ticks (decades, or 1-2-5 steps) and @minor with minor ticks. */
guint
mls_figure_axis_ticks (const MlsAxisMap *axis, double *major, guint max_major, double *minor,
                       guint max_minor, guint *n_minor, guint *label_every)
{
  guint n = 0, m = 0;

  *label_every = 1;
  if (axis->log)
    {
      int lo = (int)ceil (log10 (axis->min) - 1e-9), hi = (int)floor (log10 (axis->max) + 1e-9);
      int decades = hi - lo + 1;
      for (int e = lo; e <= hi && n < max_major; e++)
        major[n++] = pow (10, e);
      /* Minor ticks at 2…9 × 10ⁿ while they stay readable. */
      if (decades <= 7)
        for (int e = lo - 1; e <= hi; e++)
          for (int k = 2; k <= 9 && m < max_minor; k++)
            {
              double v = k * pow (10, e);
              if (v > axis->min * (1 - 1e-9) && v < axis->max * (1 + 1e-9))
                minor[m++] = v;
            }
      if (n < 3)
        {
          /* Less than two decades: 1-2-5 ticks, or the axis would have one or two labels. */
          n = 0;
          for (int e = lo - 1; e <= hi; e++)
            for (int k = 1; k <= 5 && n < max_major; k = k == 1 ? 2 : k + 3)
              {
                double v = k * pow (10, e);
                if (v >= axis->min * (1 - 1e-9) && v <= axis->max * (1 + 1e-9))
                  major[n++] = v;
              }
        }
    }
  else
    {
      double span = axis->max - axis->min, step = pow (10, floor (log10 (span / 5)));
      double r = span / 5 / step;
      step *= r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10;
      for (double v = ceil (axis->min / step - 1e-9) * step;
           v <= axis->max + step * 1e-9 && n < max_major; v += step)
        major[n++] = fabs (v) < step * 1e-9 ? 0 : v;
      /* Linear axes stay clean: no minor ticks. */
    }
  *n_minor = m;
  return n;
}

char *
mls_figure_axis_title (const MlsAxisMap *axis, const char *label)
{
  if (axis->unit_shown && *axis->unit_shown)
    return g_strdup_printf ("%s (%s)", label, axis->unit_shown);
  return g_strdup (label);
}

static double
max_tick_width (MlsPaint *paint, const MlsAxisMap *axis)
{
  double major[64], minor[256], wmax = 0;
  guint  n_minor, every, n;

  n = mls_figure_axis_ticks (axis, major, G_N_ELEMENTS (major), minor, G_N_ELEMENTS (minor),
                             &n_minor, &every);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = mls_figure_axis_tick_label (axis, major[i]);
      g_autoptr (PangoLayout) layout = mls_paint_layout (paint, MLS_FONT_TICK, text, -1);
      double w, h;
      mls_paint_layout_size (layout, &w, &h);
      wmax = MAX (wmax, w);
    }
  return wmax;
}

double
mls_paint_font_height (MlsPaint *paint, MlsFontRole font)
{
  g_autoptr (PangoLayout) layout = mls_paint_layout (paint, font, "0", -1);
  double w, h;

  mls_paint_layout_size (layout, &w, &h);
  return h;
}

/* The space left of the plot area: outer pad, rotated title, gap, tick labels, tick. */
double
mls_paint_axis_margin_left (MlsPaint *paint, const MlsAxisMap *y, const char *title)
{
  double u = paint->u;

  return 10 * u + (title ? mls_paint_font_height (paint, MLS_FONT_AXIS) + 6 * u : 0)
         + max_tick_width (paint, y) + 4 * u + 5 * u;
}

double
mls_paint_axis_margin_bottom (MlsPaint *paint, const char *title)
{
  double u = paint->u;

  return 5 * u + 4 * u + mls_paint_font_height (paint, MLS_FONT_TICK)
         + (title ? 5 * u + mls_paint_font_height (paint, MLS_FONT_AXIS) : 0) + 8 * u;
}

void
mls_paint_frame (MlsPaint *paint, const MlsRect *a)
{
  cairo_t *cr = paint->cr;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 1.0 * paint->u);
  mls_paint_set_color (paint, &paint->palette->frame);
  cairo_rectangle (cr, a->x, a->y, a->width, a->height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Grid, ticks, tick labels and axis titles; the caller draws the frame last, over the data. */
void
mls_paint_axes (MlsPaint *paint, const MlsRect *area, const MlsAxisMap *x, const MlsAxisMap *y,
                const char *x_title, const char *y_title)
{
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double            u = paint->u, tick = 5 * u, minor_tick = 2.8 * u;
  double            major[64], minor[256];
  guint             n, n_minor, every;
  double            dash[] = { 3 * u, 2.5 * u };
  double            th = mls_paint_font_height (paint, MLS_FONT_TICK);

  cairo_save (cr);

  /* x: grid, ticks, labels, thinned until they no longer crowd; optional like y. */
  if (x != NULL)
    {
      n = mls_figure_axis_ticks (x, major, G_N_ELEMENTS (major), minor, G_N_ELEMENTS (minor),
                                 &n_minor, &every);
      {
        double wmax = max_tick_width (paint, x);
        double spacing = n > 1 ? fabs (mls_figure_axis_map_to_page (x, major[1])
                                       - mls_figure_axis_map_to_page (x, major[0]))
                               : area->width;
        while (every < n && spacing * every < wmax + 8 * u)
          every++;
      }
      cairo_set_line_width (cr, 0.7 * u);
      cairo_set_dash (cr, dash, 2, 0);
      mls_paint_set_color_alpha (paint, &pal->grid, 0.9);
      for (guint i = 0; i < n; i++)
        {
          double px = round (mls_figure_axis_map_to_page (x, major[i]) * 2) / 2;
          if (px <= area->x + 0.5 || px >= area->x + area->width - 0.5)
            continue;
          cairo_move_to (cr, px, area->y);
          cairo_line_to (cr, px, area->y + area->height);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      mls_paint_set_color (paint, &pal->frame);
      cairo_set_line_width (cr, 1.0 * u);
      for (guint i = 0; i < n; i++)
        {
          double px = mls_figure_axis_map_to_page (x, major[i]);
          cairo_move_to (cr, px, area->y + area->height);
          cairo_line_to (cr, px, area->y + area->height + tick);
        }
      cairo_stroke (cr);
      cairo_set_line_width (cr, 0.7 * u);
      for (guint i = 0; i < n_minor; i++)
        {
          double px = mls_figure_axis_map_to_page (x, minor[i]);
          cairo_move_to (cr, px, area->y + area->height);
          cairo_line_to (cr, px, area->y + area->height + minor_tick);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < n; i += every)
        {
          g_autofree char *text = mls_figure_axis_tick_label (x, major[i]);
          mls_paint_text (paint, MLS_FONT_TICK, text, mls_figure_axis_map_to_page (x, major[i]),
                          area->y + area->height + tick + 3 * u, MLS_ALIGN_CENTER, MLS_ALIGN_START,
                          0, MLS_LABEL_TICK, &pal->ink_secondary);
        }
    }

  /* y: optional, category charts name their rows themselves */
  if (y != NULL)
    {
      n = mls_figure_axis_ticks (y, major, G_N_ELEMENTS (major), minor, G_N_ELEMENTS (minor),
                                 &n_minor, &every);
      {
        double spacing = n > 1 ? fabs (mls_figure_axis_map_to_page (y, major[1])
                                       - mls_figure_axis_map_to_page (y, major[0]))
                               : area->height;
        while (every < n && spacing * every < th * 1.6)
          every++;
      }
      cairo_set_line_width (cr, 0.7 * u);
      cairo_set_dash (cr, dash, 2, 0);
      mls_paint_set_color_alpha (paint, &pal->grid, 0.9);
      for (guint i = 0; i < n; i++)
        {
          double py = round (mls_figure_axis_map_to_page (y, major[i]) * 2) / 2;
          if (py <= area->y + 0.5 || py >= area->y + area->height - 0.5)
            continue;
          cairo_move_to (cr, area->x, py);
          cairo_line_to (cr, area->x + area->width, py);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      mls_paint_set_color (paint, &pal->frame);
      cairo_set_line_width (cr, 1.0 * u);
      for (guint i = 0; i < n; i++)
        {
          double py = mls_figure_axis_map_to_page (y, major[i]);
          cairo_move_to (cr, area->x, py);
          cairo_line_to (cr, area->x - tick, py);
        }
      cairo_stroke (cr);
      cairo_set_line_width (cr, 0.7 * u);
      for (guint i = 0; i < n_minor; i++)
        {
          double py = mls_figure_axis_map_to_page (y, minor[i]);
          cairo_move_to (cr, area->x, py);
          cairo_line_to (cr, area->x - minor_tick, py);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < n; i += every)
        {
          g_autofree char *text = mls_figure_axis_tick_label (y, major[i]);
          mls_paint_text (paint, MLS_FONT_TICK, text, area->x - tick - 4 * u,
                          mls_figure_axis_map_to_page (y, major[i]), MLS_ALIGN_END,
                          MLS_ALIGN_CENTER, 0, MLS_LABEL_TICK, &pal->ink_secondary);
        }
    }

  if (x_title)
    {
      g_autofree char *markup = mls_figure_markup_escape (x_title);
      mls_paint_text (paint, MLS_FONT_AXIS, markup, area->x + area->width / 2,
                      area->y + area->height + tick + 3 * u + th + 5 * u, MLS_ALIGN_CENTER,
                      MLS_ALIGN_START, 0, MLS_LABEL_AXIS, &pal->ink);
    }
  if (y_title)
    {
      g_autofree char *markup = mls_figure_markup_escape (y_title);
      mls_paint_text (paint, MLS_FONT_AXIS, markup, 10 * u, area->y + area->height / 2,
                      MLS_ALIGN_CENTER, MLS_ALIGN_START, G_PI / 2, MLS_LABEL_AXIS, &pal->ink);
    }
  cairo_restore (cr);
}

/* ---- legend ----------------------------------------------------------------------------
 *
 * A legend is a small table: a sample and a name, then optional value cells (a roofline's
 * peak, bandwidth and ridge), right-aligned under optional headers. Without cells, entries may
 * flow into several columns. */

#define LEGEND_MAX_COLS 8

typedef struct
{
  guint  n_cells; /* value cells per entry */
  guint  columns; /* entry columns (flow), 1 with cells */
  guint  rows;
  double sample_w;
  double pad;
  double row_gap;
  double col_gap;
  double cell_gap;
  double row_h;
  double header_h;
  double name_w[LEGEND_MAX_COLS];
  double cell_w[MLS_LEGEND_MAX_CELLS];
  double width;
  double height;
} LegendGeometry;

static double
text_width (MlsPaint *paint, MlsFontRole font, const char *text, gboolean bold, double *height)
{
  g_autofree char *escaped = mls_figure_markup_escape (text);
  g_autofree char *markup = bold ? g_strdup_printf ("<b>%s</b>", escaped) : g_strdup (escaped);
  g_autoptr (PangoLayout) layout = mls_paint_layout (paint, font, markup, -1);
  double w, h;

  mls_paint_layout_size (layout, &w, &h);
  if (height)
    *height = h;
  return w;
}

static void
legend_layout (MlsPaint *paint, const MlsLegendEntry *entries, guint n_entries,
               const char *const *headers, guint columns, LegendGeometry *g)
{
  double u = paint->u, h;

  memset (g, 0, sizeof *g);
  g->sample_w = 22 * u;
  g->pad = 6 * u;
  g->row_gap = 2.5 * u;
  g->col_gap = 12 * u;
  g->cell_gap = 10 * u;
  for (guint i = 0; i < n_entries; i++)
    for (guint k = 0; k < MLS_LEGEND_MAX_CELLS; k++)
      if (entries[i].cells[k])
        g->n_cells = MAX (g->n_cells, k + 1);
  g->columns = g->n_cells > 0 ? 1 : CLAMP (columns, 1, MIN (n_entries, LEGEND_MAX_COLS));
  g->rows = (n_entries + g->columns - 1) / g->columns;

  text_width (paint, MLS_FONT_LEGEND, "Ag", FALSE, &g->row_h);
  for (guint i = 0; i < n_entries; i++)
    {
      guint c = i / g->rows;
      g->name_w[c]
          = MAX (g->name_w[c], text_width (paint, MLS_FONT_LEGEND, entries[i].text, FALSE, NULL));
      for (guint k = 0; k < g->n_cells; k++)
        if (entries[i].cells[k])
          g->cell_w[k] = MAX (
              g->cell_w[k], text_width (paint, MLS_FONT_LEGEND, entries[i].cells[k], FALSE, NULL));
    }
  if (headers)
    {
      for (guint k = 0; k <= g->n_cells; k++)
        if (headers[k])
          {
            double w = text_width (paint, MLS_FONT_SMALL, headers[k], TRUE, &h);
            if (k == 0)
              g->name_w[0] = MAX (g->name_w[0], w - g->sample_w - 5 * u);
            else
              g->cell_w[k - 1] = MAX (g->cell_w[k - 1], w);
            g->header_h = MAX (g->header_h, h + g->row_gap);
          }
    }

  g->width = 2 * g->pad;
  for (guint c = 0; c < g->columns; c++)
    g->width += g->sample_w + 5 * u + g->name_w[c] + (c > 0 ? g->col_gap : 0);
  for (guint k = 0; k < g->n_cells; k++)
    g->width += g->cell_gap + g->cell_w[k];
  g->height = 2 * g->pad + g->header_h + g->rows * g->row_h + (g->rows - 1) * g->row_gap;
}

MlsRect
mls_figure_legend_measure (MlsPaint *paint, const MlsLegendEntry *entries, guint n_entries,
                           const char *const *headers, guint columns)
{
  LegendGeometry g;

  if (n_entries == 0)
    return (MlsRect){ 0 };
  legend_layout (paint, entries, n_entries, headers, columns, &g);
  return (MlsRect){ 0, 0, g.width, g.height };
}

static void
legend_sample (MlsPaint *paint, const MlsLegendEntry *e, double x, double my, double sample_w)
{
  cairo_t *cr = paint->cr;
  double   u = paint->u;

  if (e->box)
    {
      mls_paint_set_color (paint, &e->color);
      mls_paint_rounded_rect (cr, x + 3 * u, my - 5 * u, sample_w - 6 * u, 10 * u, 1.5 * u);
      cairo_fill (cr);
    }
  if (e->line)
    {
      cairo_save (cr);
      mls_paint_set_color (paint, &e->color);
      cairo_set_line_width (cr, 2.5 * u);
      if (e->dashed)
        {
          double d[] = { 4 * u, 2.5 * u };
          cairo_set_dash (cr, d, 2, 0);
        }
      else
        mls_paint_series_dash (paint, e->dash, 2.5 * u);
      cairo_move_to (cr, x, my);
      cairo_line_to (cr, x + sample_w, my);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  if (!e->box && e->marker < MLS_N_MARKERS)
    mls_paint_marker (paint, e->marker, x + sample_w / 2, my, 4.2 * u, &e->color,
                      &paint->palette->background);
}

void
mls_figure_legend_draw (MlsPaint *paint, const MlsLegendEntry *entries, guint n_entries,
                        const char *const *headers, guint columns, double x, double y)
{
  cairo_t          *cr = paint->cr;
  const MlsPalette *pal = paint->palette;
  double            u = paint->u, cx;
  LegendGeometry    g;

  if (n_entries == 0)
    return;
  legend_layout (paint, entries, n_entries, headers, columns, &g);

  cairo_save (cr);
  {
    MlsColor box = pal->background;
    box.alpha = 0.92;
    mls_paint_set_color (paint, &box);
  }
  mls_paint_rounded_rect (cr, x, y, g.width, g.height, 3 * u);
  cairo_fill_preserve (cr);
  mls_paint_set_color (paint, &pal->grid);
  cairo_set_line_width (cr, 0.8 * u);
  cairo_stroke (cr);

  if (headers)
    {
      double hx = x + g.pad + g.sample_w + 5 * u + g.name_w[0];
      if (headers[0])
        {
          g_autofree char *e = mls_figure_markup_escape (headers[0]);
          g_autofree char *m = g_strdup_printf ("<b>%s</b>", e);
          mls_paint_text (paint, MLS_FONT_SMALL, m, x + g.pad, y + g.pad, MLS_ALIGN_START,
                          MLS_ALIGN_START, 0, MLS_LABEL_LEGEND, &pal->ink_secondary);
        }
      for (guint k = 0; k < g.n_cells; k++)
        {
          hx += g.cell_gap + g.cell_w[k];
          if (headers[k + 1])
            {
              g_autofree char *e = mls_figure_markup_escape (headers[k + 1]);
              g_autofree char *m = g_strdup_printf ("<b>%s</b>", e);
              mls_paint_text (paint, MLS_FONT_SMALL, m, hx, y + g.pad, MLS_ALIGN_END,
                              MLS_ALIGN_START, 0, MLS_LABEL_LEGEND, &pal->ink_secondary);
            }
        }
    }

  cx = x + g.pad;
  for (guint c = 0; c < g.columns; c++)
    {
      double cy = y + g.pad + g.header_h;
      for (guint r = 0; r < g.rows && c * g.rows + r < n_entries; r++)
        {
          const MlsLegendEntry *e = &entries[c * g.rows + r];
          g_autofree char      *markup = mls_figure_markup_escape (e->text);
          double                my = cy + g.row_h / 2, vx;

          legend_sample (paint, e, cx, my, g.sample_w);
          mls_paint_text (paint, MLS_FONT_LEGEND, markup, cx + g.sample_w + 5 * u, my,
                          MLS_ALIGN_START, MLS_ALIGN_CENTER, 0, MLS_LABEL_LEGEND, &pal->ink);
          vx = cx + g.sample_w + 5 * u + g.name_w[c];
          for (guint k = 0; k < g.n_cells; k++)
            {
              vx += g.cell_gap + g.cell_w[k];
              if (e->cells[k])
                {
                  g_autofree char *m = mls_figure_markup_escape (e->cells[k]);
                  mls_paint_text (paint, MLS_FONT_LEGEND, m, vx, my, MLS_ALIGN_END,
                                  MLS_ALIGN_CENTER, 0, MLS_LABEL_LEGEND, &pal->ink);
                }
            }
          cy += g.row_h + g.row_gap;
        }
      cx += g.sample_w + 5 * u + g.name_w[c] + g.col_gap;
    }
  cairo_restore (cr);
  paint->layout->legend = (MlsRect){ x, y, g.width, g.height };
}

/* ---- XY charts ------------------------------------------------------------------------- */

/* The widest flow of @entries into columns that fits @width. */
guint
mls_figure_legend_fit_columns (MlsPaint *paint, const MlsLegendEntry *entries, guint n_entries,
                               double width)
{
  for (guint columns = n_entries; columns > 1; columns--)
    {
      MlsRect size = mls_figure_legend_measure (paint, entries, n_entries, NULL, columns);
      if (size.width <= width)
        return columns;
    }
  return 1;
}

/* Title, a legend row under it, and the axes: the frame every XY chart shares. The axis maps
 * get their page ranges; the caller draws the data, then mls_paint_frame(). */
MlsRect
mls_paint_xy_layout (MlsPaint *paint, const char *title, MlsAxisMap *x, MlsAxisMap *y,
                     const char *x_title, const char *y_title, const MlsLegendEntry *legend,
                     guint n_legend)
{
  double  u = paint->u, top, left, bottom, right = 14 * u;
  guint   columns = 1;
  MlsRect size = { 0 }, area;

  mls_paint_background (paint);
  top = mls_paint_title (paint, title);
  left = mls_paint_axis_margin_left (paint, y, y_title);
  bottom = mls_paint_axis_margin_bottom (paint, x_title);
  if (n_legend > 0)
    {
      columns
          = mls_figure_legend_fit_columns (paint, legend, n_legend, paint->width - left - right);
      size = mls_figure_legend_measure (paint, legend, n_legend, NULL, columns);
      top += size.height + 6 * u;
    }
  area = (MlsRect){ left, top + 4 * u, paint->width - left - right,
                    paint->height - bottom - top - 4 * u };
  if (n_legend > 0)
    mls_figure_legend_draw (paint, legend, n_legend, NULL, columns, left,
                            top - size.height - 6 * u);
  x->lo = area.x;
  x->hi = area.x + area.width;
  y->lo = area.y + area.height;
  y->hi = area.y;
  paint->layout->plot_area = area;
  mls_paint_axes (paint, &area, x, y, x_title, y_title);
  return area;
}

/* The range an axis shows: the caller's, or one around the data (decades on log axes,
 * 1-2-5 steps on linear ones, from 0 when @from_zero and the data is not negative). */
void
mls_figure_axis_auto_range (const MlsChartAxis *axis, double data_min, double data_max,
                            gboolean from_zero, double *min, double *max)
{
  if (!(axis->min == 0 && axis->max == 0) && axis->max > axis->min && (!axis->log || axis->min > 0))
    {
      *min = axis->min;
      *max = axis->max;
      return;
    }
  if (!isfinite (data_min) || !isfinite (data_max) || data_min > data_max)
    {
      *min = axis->log ? 1 : 0;
      *max = 10;
      return;
    }
  if (axis->log)
    {
      /* A margin of 5 % of the span (at least 15 %) so that no marker sits on the frame;
       * ticks stay on decades whatever the ends. */
      double f = MAX (pow (data_max / data_min, 0.05), 1.15);
      *min = data_min / f;
      *max = data_max * f;
      return;
    }
  *min = (from_zero && data_min >= 0) ? 0 : data_min;
  *max = data_max;
  if (*max > *min)
    {
      /* A little air above the highest point. */
      *max += (*max - *min) * 0.04;
      if (!(from_zero && data_min >= 0))
        *min -= (*max - *min) * 0.04;
    }
  mls_figure_axis_nice_range (FALSE, min, max);
}
