/* mls-figure-style.h — themes, size presets and typography of figures
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined(MLS_RENDER_INSIDE) && !defined(MLS_RENDER_COMPILATION)
#error "Only <mls-render.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * MlsFigureTheme:
 * @MLS_FIGURE_THEME_LIGHT: dark ink on white, the textbook palette
 * @MLS_FIGURE_THEME_DARK: light ink on a dark background, for dark slides and the app
 * @MLS_FIGURE_THEME_PRINT: black ink on white with the Okabe–Ito palette, dashes and marker
 *   shapes, so that a figure stays readable in greyscale and for colour-blind readers
 *
 * Colour themes.
 */
typedef enum
{
  MLS_FIGURE_THEME_LIGHT,
  MLS_FIGURE_THEME_DARK,
  MLS_FIGURE_THEME_PRINT,
} MlsFigureTheme;

/**
 * MlsFigurePreset:
 * @MLS_FIGURE_PRESET_SLIDE_16_9: a 16:9 slide, 13.33 × 7.5 in, 1920 × 1080 px at 144 dpi
 * @MLS_FIGURE_PRESET_SLIDE_4_3: a 4:3 slide, 10 × 7.5 in, 1600 × 1200 px at 160 dpi
 * @MLS_FIGURE_PRESET_PAPER_COLUMN: one column of a two-column paper, 3.5 × 2.625 in at 300 dpi
 * @MLS_FIGURE_PRESET_CUSTOM: the size in #MlsFigureStyle's width_in and height_in
 *
 * Size presets. A preset fixes the physical size, and so the type size: slide text is
 * readable from the back of a lecture hall, paper text matches a caption.
 */
typedef enum
{
  MLS_FIGURE_PRESET_SLIDE_16_9,
  MLS_FIGURE_PRESET_SLIDE_4_3,
  MLS_FIGURE_PRESET_PAPER_COLUMN,
  MLS_FIGURE_PRESET_CUSTOM,
} MlsFigurePreset;

/**
 * MlsFigureStyle:
 * @theme: the colour theme
 * @preset: the size preset
 * @width_in: for %MLS_FIGURE_PRESET_CUSTOM, the width in inches
 * @height_in: for %MLS_FIGURE_PRESET_CUSTOM, the height in inches
 * @dpi: for %MLS_FIGURE_PRESET_CUSTOM, the raster resolution; 0 means 144
 * @font_scale: multiplies every type size; 0 means 1
 * @font_family: the font family; %NULL means "DejaVu Sans"
 *
 * How a figure looks. Fill it with mls_figure_style_init() and change what you need; a
 * zeroed struct is a light 16:9 slide.
 */
typedef struct
{
  MlsFigureTheme  theme;
  MlsFigurePreset preset;
  double          width_in;
  double          height_in;
  double          dpi;
  double          font_scale;
  const char     *font_family;
} MlsFigureStyle;

/**
 * MlsColor:
 * @red: red, 0 to 1
 * @green: green, 0 to 1
 * @blue: blue, 0 to 1
 * @alpha: opacity, 0 to 1
 *
 * A colour with straight (not premultiplied) alpha.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} MlsColor;

/**
 * MlsFigureStatus:
 * @MLS_FIGURE_STATUS_PASS: the check passed
 * @MLS_FIGURE_STATUS_FAIL: the check failed
 * @MLS_FIGURE_STATUS_WARNING: the check passed with a warning
 * @MLS_FIGURE_STATUS_SKIPPED: the check was not run
 *
 * The status of a scorecard level, as drawn.
 */
typedef enum
{
  MLS_FIGURE_STATUS_PASS,
  MLS_FIGURE_STATUS_FAIL,
  MLS_FIGURE_STATUS_WARNING,
  MLS_FIGURE_STATUS_SKIPPED,
} MlsFigureStatus;

void   mls_figure_style_init (MlsFigureStyle *style, MlsFigureTheme theme, MlsFigurePreset preset);
void   mls_figure_style_get_size (const MlsFigureStyle *style, double *width_in, double *height_in,
                                  double *dpi);
double mls_figure_style_get_font_size (const MlsFigureStyle *style);

MlsColor mls_figure_style_series_color (const MlsFigureStyle *style, guint index);
MlsColor mls_figure_style_status_color (const MlsFigureStyle *style, MlsFigureStatus status);

gboolean    mls_figure_theme_from_string (const char *text, MlsFigureTheme *out, GError **error);
const char *mls_figure_theme_to_string (MlsFigureTheme theme);
gboolean    mls_figure_preset_from_string (const char *text, MlsFigurePreset *out, GError **error);
const char *mls_figure_preset_to_string (MlsFigurePreset preset);
const char *mls_figure_status_to_string (MlsFigureStatus status);

G_END_DECLS
