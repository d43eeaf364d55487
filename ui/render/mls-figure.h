/* mls-figure.h — a chart with a style: draw it on any cairo_t, or export it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLS_RENDER_INSIDE) && !defined(MLS_RENDER_COMPILATION)
#error "Only <mls-render.h> can be included directly."
#endif

#include <cairo.h>
#include <glib-object.h>

#include "mls-figure-style.h"
#include "mls-roofline-chart.h"
#include "mls-scorecard-chart.h"
#include "mls-sweep-chart.h"
#include "mls-pareto-chart.h"
#include "mls-tornado-chart.h"
#include "mls-memory-chart.h"

G_BEGIN_DECLS

/**
 * MLS_FIGURE_ERROR:
 *
 * The error domain of figures.
 */
#define MLS_FIGURE_ERROR (mls_figure_error_quark ())

/**
 * MlsFigureError:
 * @MLS_FIGURE_ERROR_FORMAT: the file name has no known extension (.png, .svg, .pdf)
 * @MLS_FIGURE_ERROR_SIZE: the size or resolution is not positive, or too large
 * @MLS_FIGURE_ERROR_DATA: the chart's data cannot be drawn (no device, a negative bandwidth)
 * @MLS_FIGURE_ERROR_RENDER: cairo failed to draw
 * @MLS_FIGURE_ERROR_WRITE: the file could not be written
 *
 * Error codes in the %MLS_FIGURE_ERROR domain.
 */
typedef enum
{
  MLS_FIGURE_ERROR_FORMAT,
  MLS_FIGURE_ERROR_SIZE,
  MLS_FIGURE_ERROR_DATA,
  MLS_FIGURE_ERROR_RENDER,
  MLS_FIGURE_ERROR_WRITE,
} MlsFigureError;

/**
 * MlsFigureKind:
 * @MLS_FIGURE_ROOFLINE: a #MlsRooflineChart
 * @MLS_FIGURE_SCORECARD: a #MlsScorecardChart
 * @MLS_FIGURE_SWEEP: a #MlsSweepChart
 * @MLS_FIGURE_PARETO: a #MlsParetoChart
 * @MLS_FIGURE_TORNADO: a #MlsTornadoChart
 * @MLS_FIGURE_MEMORY: a #MlsMemoryChart
 *
 * The kinds of chart.
 */
typedef enum
{
  MLS_FIGURE_ROOFLINE,
  MLS_FIGURE_SCORECARD,
  MLS_FIGURE_SWEEP,
  MLS_FIGURE_PARETO,
  MLS_FIGURE_TORNADO,
  MLS_FIGURE_MEMORY,
} MlsFigureKind;

/**
 * MlsFigureFormat:
 * @MLS_FIGURE_FORMAT_PNG: a PNG raster with its resolution recorded
 * @MLS_FIGURE_FORMAT_SVG: an SVG drawing with a searchable text layer
 * @MLS_FIGURE_FORMAT_PDF: a one-page PDF with real text
 *
 * Export formats.
 */
typedef enum
{
  MLS_FIGURE_FORMAT_PNG,
  MLS_FIGURE_FORMAT_SVG,
  MLS_FIGURE_FORMAT_PDF,
} MlsFigureFormat;

/**
 * MlsFigure:
 * @kind: which member of @chart is set
 * @style: how it looks
 * @chart: the chart, borrowed: it must outlive every call that takes the figure
 *
 * A chart with its style, a plain struct: fill it in place or with mls_figure_init().
 */
typedef struct
{
  MlsFigureKind  kind;
  MlsFigureStyle style;
  union
  {
    const MlsRooflineChart  *roofline;
    const MlsScorecardChart *scorecard;
    const MlsSweepChart     *sweep;
    const MlsParetoChart    *pareto;
    const MlsTornadoChart   *tornado;
    const MlsMemoryChart    *memory;
    gconstpointer            any;
  } chart;
} MlsFigure;

/**
 * MlsLabelRole:
 * @MLS_LABEL_TITLE: the figure title
 * @MLS_LABEL_AXIS: an axis title
 * @MLS_LABEL_TICK: a tick value
 * @MLS_LABEL_LEGEND: a legend entry
 * @MLS_LABEL_ANNOTATION: a placed label inside the plot area (roof values, ridge, regions,
 *   limits)
 * @MLS_LABEL_POINT: a placed label naming a data point (workloads, front points)
 * @MLS_LABEL_TEXT: other text (scorecard cards, bar values outside the plot)
 *
 * What a piece of text is. Annotations and point labels are placed by the collision-free
 * placement pass: they never overlap each other or the legend, and stay inside the plot area.
 */
typedef enum
{
  MLS_LABEL_TITLE,
  MLS_LABEL_AXIS,
  MLS_LABEL_TICK,
  MLS_LABEL_LEGEND,
  MLS_LABEL_ANNOTATION,
  MLS_LABEL_POINT,
  MLS_LABEL_TEXT,
} MlsLabelRole;

/**
 * MlsRect:
 * @x: the left edge
 * @y: the top edge
 * @width: the width
 * @height: the height
 *
 * An axis-aligned rectangle in figure coordinates (points, y down).
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} MlsRect;

/**
 * MlsPlacedLabel:
 * @text: the text, lines separated by newlines
 * @role: what it is
 * @box: its axis-aligned bounding box (of the rotated text, for rotated labels)
 * @width: the text's own width, before rotation
 * @height: the text's own height, before rotation
 * @angle: its rotation [rad], counter-clockwise on the page, about the centre of @box
 * @anchor_x: the point it names (placed labels), else the box centre
 * @anchor_y: the point it names (placed labels), else the box centre
 * @leader: a leader line joins the label to its anchor
 *
 * A label as drawn.
 */
typedef struct
{
  char        *text;
  MlsLabelRole role;
  MlsRect      box;
  double       width;
  double       height;
  double       angle;
  double       anchor_x;
  double       anchor_y;
  gboolean     leader;
} MlsPlacedLabel;

/**
 * MlsFigureLayout:
 * @width: the figure width [pt]
 * @height: the figure height [pt]
 * @plot_area: the plot area (the first one, for figures with several panels)
 * @legend: the legend box; empty when there is none
 * @labels: (element-type MlsPlacedLabel): every piece of text drawn
 *
 * Where everything went, for tests and for hit-testing in the app.
 */
typedef struct
{
  double  width;
  double  height;
  MlsRect plot_area;
  MlsRect legend;
  GArray *labels;
} MlsFigureLayout;

GQuark mls_figure_error_quark (void);

void        mls_figure_init (MlsFigure *figure, MlsFigureKind kind, gconstpointer chart,
                             const MlsFigureStyle *style);
gboolean    mls_figure_validate (const MlsFigure *figure, GError **error);
const char *mls_figure_get_title (const MlsFigure *figure);
void        mls_figure_get_page_size (const MlsFigure *figure, double *width_pt, double *height_pt);

MlsFigureLayout *mls_figure_draw (const MlsFigure *figure, cairo_t *cr, double width,
                                  double height);
MlsFigureLayout *mls_figure_compute_layout (const MlsFigure *figure, double width, double height);
void             mls_figure_layout_free (MlsFigureLayout *layout);
gboolean         mls_rect_intersects (const MlsRect *a, const MlsRect *b);
gboolean         mls_rect_contains (const MlsRect *outer, const MlsRect *inner);

gboolean mls_figure_format_from_path (const char *path, MlsFigureFormat *out, GError **error);
GBytes  *mls_figure_export_to_bytes (const MlsFigure *figure, MlsFigureFormat format, int width,
                                     int height, double dpi, GError **error);
gboolean mls_figure_export (const MlsFigure *figure, const char *path, int width, int height,
                            double dpi, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MlsFigureLayout, mls_figure_layout_free)

G_END_DECLS
