/* mls-figure-private.h — the drawing context shared by the chart painters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "mls-render.h"
#include "mls-label-placer.h"

G_BEGIN_DECLS

/* Every length below is in points and multiplied by MlsPaint.u, the "design unit": 1 for a
 * 10 pt base font, so that a paper column and a slide keep the same proportions. */

typedef enum
{
  MLS_FONT_TICK,
  MLS_FONT_AXIS,
  MLS_FONT_TITLE,
  MLS_FONT_LABEL,
  MLS_FONT_SMALL,
  MLS_FONT_LEGEND,
  MLS_N_FONTS
} MlsFontRole;

typedef enum
{
  MLS_ALIGN_START,
  MLS_ALIGN_CENTER,
  MLS_ALIGN_END,
} MlsAlign;

typedef enum
{
  MLS_MARKER_CIRCLE,
  MLS_MARKER_SQUARE,
  MLS_MARKER_DIAMOND,
  MLS_MARKER_TRIANGLE,
  MLS_MARKER_TRIANGLE_DOWN,
  MLS_MARKER_PENTAGON,
  MLS_MARKER_CROSS,
  MLS_MARKER_STAR,
  MLS_N_MARKERS
} MlsMarker;

typedef struct
{
  MlsColor        background;
  MlsColor        ink;           /* text and axes */
  MlsColor        ink_secondary; /* tick labels, captions */
  MlsColor        grid;
  MlsColor        frame;
  MlsColor        label_box; /* the halo behind placed labels */
  MlsColor        roof;      /* the single-device roofline */
  MlsColor        accent;    /* ridge, front, highlights */
  MlsColor        memory_fill;
  MlsColor        compute_fill;
  MlsColor        network_fill;
  MlsColor        network_roof;
  MlsColor        good;
  MlsColor        bad;
  MlsColor        warning;
  MlsColor        skipped;
  MlsColor        low_side; /* tornado */
  MlsColor        high_side;
  const MlsColor *series;
  guint           n_series;
  gboolean        hatch_regions; /* print: hatching instead of tints */
  gboolean        dash_series;   /* print: a dash pattern per series */
} MlsPalette;

/* Text drawn, kept for the SVG text layer: one run per line. */
typedef struct
{
  char    *text;
  double   x; /* the baseline origin, figure coordinates */
  double   y;
  double   angle;
  double   size; /* pt */
  gboolean bold;
  gboolean italic;
  MlsAlign align;
} MlsTextRun;

typedef struct
{
  cairo_t              *cr;
  const MlsFigure      *figure;
  const MlsFigureStyle *style;
  const MlsPalette     *palette;
  double                width;
  double                height;
  double                u;
  double                font_size[MLS_N_FONTS];
  PangoContext         *pango;
  const char           *family;
  MlsFigureLayout      *layout;
  GArray               *runs; /* MlsTextRun */
} MlsPaint;

/* An axis as drawn: data range, scale and its mapping to the page. */
typedef struct
{
  gboolean log;
  double   min; /* data units */
  double   max;
  double   lo;          /* page coordinate of min */
  double   hi;          /* page coordinate of max */
  double   scale;       /* the data unit per shown unit (1e9 for "G") */
  char    *unit_shown;  /* "TFLOP/s", or NULL */
  gboolean si_ticks;    /* ticks carry SI prefixes ("10 G") */
  gboolean superscript; /* ticks as 10ⁿ */
} MlsAxisMap;

const MlsPalette *mls_palette_for_theme (MlsFigureTheme theme);

void mls_paint_init (MlsPaint *paint, const MlsFigure *figure, cairo_t *cr, double width,
                     double height, MlsFigureLayout *layout);
void mls_paint_clear (MlsPaint *paint);

void     mls_paint_set_color (MlsPaint *paint, const MlsColor *color);
void     mls_paint_set_color_alpha (MlsPaint *paint, const MlsColor *color, double alpha);
MlsColor mls_figure_color_mix (const MlsColor *a, const MlsColor *b, double t);

PangoLayout *mls_paint_layout (MlsPaint *paint, MlsFontRole font, const char *markup,
                               double wrap_width);
void         mls_paint_layout_size (PangoLayout *layout, double *width, double *height);
void mls_paint_show_layout (MlsPaint *paint, PangoLayout *layout, double x, double y, double angle,
                            MlsLabelRole role, const MlsColor *color, MlsRect *out_box);
MlsRect mls_paint_text (MlsPaint *paint, MlsFontRole font, const char *markup, double x, double y,
                        MlsAlign halign, MlsAlign valign, double angle, MlsLabelRole role,
                        const MlsColor *color);
void    mls_paint_record_label (MlsPaint *paint, const char *text, MlsLabelRole role,
                                const MlsRect *box, double angle, double anchor_x, double anchor_y,
                                gboolean leader);

void   mls_paint_marker (MlsPaint *paint, MlsMarker marker, double x, double y, double radius,
                         const MlsColor *fill, const MlsColor *stroke);
void   mls_paint_series_dash (MlsPaint *paint, guint index, double line_width);
void   mls_paint_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r);
double mls_paint_title (MlsPaint *paint, const char *title);
void   mls_paint_background (MlsPaint *paint);

/* Placed labels: a rounded halo box, the text, and a leader line when displaced. */
void mls_paint_placed_label (MlsPaint *paint, PangoLayout *layout, const MlsPlacement *placement,
                             MlsLabelRole role, const MlsColor *color,
                             const MlsColor *leader_color);

/* Axes */
void   mls_figure_axis_map_init (MlsAxisMap *axis, gboolean log, double min, double max,
                                 const char *unit);
void   mls_figure_axis_map_clear (MlsAxisMap *axis);
double mls_figure_axis_map_to_page (const MlsAxisMap *axis, double value);
char  *mls_figure_axis_tick_label (const MlsAxisMap *axis, double value);
guint  mls_figure_axis_ticks (const MlsAxisMap *axis, double *major, guint max_major, double *minor,
                              guint max_minor, guint *n_minor, guint *label_every);
char  *mls_figure_axis_title (const MlsAxisMap *axis, const char *label);
void   mls_figure_axis_nice_range (gboolean log, double *min, double *max);
double mls_paint_axis_margin_left (MlsPaint *paint, const MlsAxisMap *y, const char *title);
double mls_paint_axis_margin_bottom (MlsPaint *paint, const char *title);
void mls_paint_axes (MlsPaint *paint, const MlsRect *area, const MlsAxisMap *x, const MlsAxisMap *y,
                     const char *x_title, const char *y_title);
void mls_paint_frame (MlsPaint *paint, const MlsRect *area);

/* Legend: entries drawn with a sample of their series, and optional value cells. */
#define MLS_LEGEND_MAX_CELLS 3

typedef struct
{
  const char *text;
  const char *cells[MLS_LEGEND_MAX_CELLS];
  MlsColor    color;
  MlsMarker   marker;
  gboolean    line;   /* a line sample */
  gboolean    box;    /* a filled box sample */
  guint       dash;   /* series index for the dash pattern */
  gboolean    dashed; /* a dashed line (limit) */
} MlsLegendEntry;

MlsRect mls_figure_legend_measure (MlsPaint *paint, const MlsLegendEntry *entries, guint n_entries,
                                   const char *const *headers, guint columns);
void    mls_figure_legend_draw (MlsPaint *paint, const MlsLegendEntry *entries, guint n_entries,
                                const char *const *headers, guint columns, double x, double y);

guint   mls_figure_legend_fit_columns (MlsPaint *paint, const MlsLegendEntry *entries,
                                       guint n_entries, double width);
MlsRect mls_paint_xy_layout (MlsPaint *paint, const char *title, MlsAxisMap *x, MlsAxisMap *y,
                             const char *x_title, const char *y_title, const MlsLegendEntry *legend,
                             guint n_legend);
void    mls_figure_axis_auto_range (const MlsChartAxis *axis, double data_min, double data_max,
                                    gboolean from_zero, double *min, double *max);
double  mls_paint_font_height (MlsPaint *paint, MlsFontRole font);
char   *mls_figure_color_to_hex (const MlsColor *color);

/* Formatting */
char *mls_figure_format_si (double value, const char *unit, int digits);
char *mls_figure_format_number (double value, int digits);
char *mls_figure_markup_escape (const char *text);

/* The painters */
void mls_roofline_chart_paint (MlsPaint *paint, const MlsRooflineChart *chart);
void mls_scorecard_chart_paint (MlsPaint *paint, const MlsScorecardChart *chart);
void mls_sweep_chart_paint (MlsPaint *paint, const MlsSweepChart *chart);
void mls_pareto_chart_paint (MlsPaint *paint, const MlsParetoChart *chart);
void mls_tornado_chart_paint (MlsPaint *paint, const MlsTornadoChart *chart);
void mls_memory_chart_paint (MlsPaint *paint, const MlsMemoryChart *chart);

gboolean mls_roofline_chart_validate (const MlsRooflineChart *chart, GError **error);

void mls_text_run_clear (gpointer data);

MlsFigureLayout *mls_figure_draw_full (const MlsFigure *figure, cairo_t *cr, double width,
                                       double height, GArray **out_runs);

G_END_DECLS
