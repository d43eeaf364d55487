/* mls-figure-style.c — themes, size presets and typography of figures
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mls-figure-private.h"

#define RGB(hex)                                                                                   \
  {                                                                                                \
    ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex)&0xff) / 255.0, 1.0           \
  }

/* Light: the textbook's palette (MLSys·im viz/plots.py): BlueLine, crimson, GreenLine,
 * OrangeLine, VioletLine, BrownLine, then teal and grey. */
static const MlsColor light_series[] = {
  RGB (0x006395), RGB (0xA51C30), RGB (0x008F45), RGB (0xE67817),
  RGB (0x7E317B), RGB (0x78492A), RGB (0x00857C), RGB (0x5A5A5A),
};

/* Dark: the same hues lifted to keep 4.5:1 contrast on the dark background. */
static const MlsColor dark_series[] = {
  RGB (0x56B6EA), RGB (0xFF7A8A), RGB (0x45D392), RGB (0xFFAE57),
  RGB (0xCF94E6), RGB (0xD9A67A), RGB (0x5ED6CE), RGB (0xBDBDBD),
};

/* Print: Okabe & Ito (2008), "Color Universal Design", distinguishable under every common
 * colour-vision deficiency; yellow last, as it is faint on white. Series also differ by dash
 * and marker, so greyscale copies stay readable. */
static const MlsColor print_series[] = {
  RGB (0x0072B2), RGB (0xD55E00), RGB (0x009E73), RGB (0xCC79A7),
  RGB (0xE69F00), RGB (0x56B4E9), RGB (0x000000), RGB (0xF0E442),
};

static const MlsPalette palettes[] = {
  [MLS_FIGURE_THEME_LIGHT] = {
    .background = RGB (0xFFFFFF),
    .ink = RGB (0x333333),
    .ink_secondary = RGB (0x5C5C5C),
    .grid = RGB (0xCCCCCC),
    .frame = RGB (0x333333),
    .label_box = { 1, 1, 1, 0.85 },
    .roof = RGB (0x006395),
    .accent = RGB (0xA51C30),
    .memory_fill = RGB (0xFDF1E5),   /* OrangeL #FCE4CC at α 0.5 on white */
    .compute_fill = RGB (0xEAF4FB),  /* BlueFill #D6EAF8 at α 0.5 */
    .network_fill = RGB (0xFAE8EA),  /* RedL #F5D2D5 at α 0.5 */
    .network_roof = RGB (0x7E317B),
    .good = RGB (0x008F45),
    .bad = RGB (0xCB202D),
    .warning = RGB (0xE67817),
    .skipped = RGB (0x8A8A8A),
    .low_side = RGB (0x006395),
    .high_side = RGB (0xE67817),
    .series = light_series,
    .n_series = G_N_ELEMENTS (light_series),
  },
  [MLS_FIGURE_THEME_DARK] = {
    .background = RGB (0x1C1E24),
    .ink = RGB (0xE8E8EA),
    .ink_secondary = RGB (0xA8ACB5),
    .grid = RGB (0x3B404B),
    .frame = RGB (0x9095A0),
    .label_box = { 0.110, 0.118, 0.141, 0.85 },
    .roof = RGB (0x56B6EA),
    .accent = RGB (0xFF7A8A),
    .memory_fill = RGB (0x33291F),
    .compute_fill = RGB (0x1D2C3B),
    .network_fill = RGB (0x37222A),
    .network_roof = RGB (0xCF94E6),
    .good = RGB (0x45D392),
    .bad = RGB (0xFF6B6B),
    .warning = RGB (0xFFAE57),
    .skipped = RGB (0x8A8F98),
    .low_side = RGB (0x56B6EA),
    .high_side = RGB (0xFFAE57),
    .series = dark_series,
    .n_series = G_N_ELEMENTS (dark_series),
  },
  [MLS_FIGURE_THEME_PRINT] = {
    .background = RGB (0xFFFFFF),
    .ink = RGB (0x000000),
    .ink_secondary = RGB (0x333333),
    .grid = RGB (0xBDBDBD),
    .frame = RGB (0x000000),
    .label_box = { 1, 1, 1, 0.9 },
    .roof = RGB (0x000000),
    .accent = RGB (0xD55E00),
    .memory_fill = RGB (0xEDEDED),
    .compute_fill = RGB (0xFFFFFF),
    .network_fill = RGB (0xEDEDED),
    .network_roof = RGB (0x000000),
    .good = RGB (0x009E73),
    .bad = RGB (0xD55E00),
    .warning = RGB (0xE69F00),
    .skipped = RGB (0x999999),
    .low_side = RGB (0x0072B2),
    .high_side = RGB (0xE69F00),
    .series = print_series,
    .n_series = G_N_ELEMENTS (print_series),
    .hatch_regions = TRUE,
    .dash_series = TRUE,
  },
};

static const struct
{
  const char *name;
  double      width_in;
  double      height_in;
  double      dpi;
  double      font_pt;
} presets[] = {
  /* 1920 × 1080 px, the PowerPoint/Keynote 16:9 page. 16 pt ticks and labels stay legible
   * projected in a lecture hall (about 3 % of the slide height). */
  [MLS_FIGURE_PRESET_SLIDE_16_9] = { "slide", 40.0 / 3.0, 7.5, 144, 16 },
  /* 1600 × 1200 px. */
  [MLS_FIGURE_PRESET_SLIDE_4_3] = { "slide-4:3", 10.0, 7.5, 160, 15 },
  /* IEEE/ACM two-column papers: a column is 3.5 in; 7 pt matches a caption. */
  [MLS_FIGURE_PRESET_PAPER_COLUMN] = { "paper", 3.5, 2.625, 300, 7 },
  [MLS_FIGURE_PRESET_CUSTOM] = { "custom", 0, 0, 144, 0 },
};

static const char *theme_names[] = {
  [MLS_FIGURE_THEME_LIGHT] = "light",
  [MLS_FIGURE_THEME_DARK] = "dark",
  [MLS_FIGURE_THEME_PRINT] = "print",
};

/**
 * mls_figure_style_init:
 * @style: (out caller-allocates): the style to fill
 * @theme: the theme
 * @preset: the size preset
 *
 * Fills @style with the defaults of @theme and @preset.
 */
void
mls_figure_style_init (MlsFigureStyle *style, MlsFigureTheme theme, MlsFigurePreset preset)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->theme = CLAMP (theme, MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_THEME_PRINT);
  style->preset = CLAMP (preset, MLS_FIGURE_PRESET_SLIDE_16_9, MLS_FIGURE_PRESET_CUSTOM);
  style->font_scale = 1.0;
  if (style->preset == MLS_FIGURE_PRESET_CUSTOM)
    {
      style->width_in = presets[MLS_FIGURE_PRESET_SLIDE_16_9].width_in;
      style->height_in = presets[MLS_FIGURE_PRESET_SLIDE_16_9].height_in;
      style->dpi = presets[MLS_FIGURE_PRESET_CUSTOM].dpi;
    }
}

/**
 * mls_figure_style_get_size:
 * @style: a style
 * @width_in: (out) (optional): the width [in]
 * @height_in: (out) (optional): the height [in]
 * @dpi: (out) (optional): the raster resolution [px/in]
 *
 * The physical size of the style's preset.
 */
void
mls_figure_style_get_size (const MlsFigureStyle *style, double *width_in, double *height_in,
                           double *dpi)
{
  MlsFigurePreset p = CLAMP (style->preset, MLS_FIGURE_PRESET_SLIDE_16_9, MLS_FIGURE_PRESET_CUSTOM);
  double          w = presets[p].width_in, h = presets[p].height_in, d = presets[p].dpi;

  if (p == MLS_FIGURE_PRESET_CUSTOM)
    {
      w = style->width_in > 0 ? style->width_in : presets[MLS_FIGURE_PRESET_SLIDE_16_9].width_in;
      h = style->height_in > 0 ? style->height_in : presets[MLS_FIGURE_PRESET_SLIDE_16_9].height_in;
      d = style->dpi > 0 ? style->dpi : d;
    }
  if (width_in)
    *width_in = w;
  if (height_in)
    *height_in = h;
  if (dpi)
    *dpi = d;
}

/**
 * mls_figure_style_get_font_size:
 * @style: a style
 *
 * The base type size: axis titles use it, ticks and labels are a little smaller.
 *
 * Returns: the base font size [pt]
 */
double
mls_figure_style_get_font_size (const MlsFigureStyle *style)
{
  MlsFigurePreset p = CLAMP (style->preset, MLS_FIGURE_PRESET_SLIDE_16_9, MLS_FIGURE_PRESET_CUSTOM);
  double          scale = style->font_scale > 0 ? style->font_scale : 1.0;
  double          size = presets[p].font_pt;

  if (p == MLS_FIGURE_PRESET_CUSTOM)
    {
      double w, h;
      /* Type grows with the square root of the area: 16 pt on a 13.3 × 7.5 in slide. */
      mls_figure_style_get_size (style, &w, &h, NULL);
      size = CLAMP (1.6 * sqrt (w * h), 7.0, 28.0);
    }
  return size * scale;
}

const MlsPalette *
mls_palette_for_theme (MlsFigureTheme theme)
{
  return &palettes[CLAMP (theme, MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_THEME_PRINT)];
}

/**
 * mls_figure_style_series_color:
 * @style: a style
 * @index: the series
 *
 * Returns: the colour of series @index, cycling through the theme's palette
 */
MlsColor
mls_figure_style_series_color (const MlsFigureStyle *style, guint index)
{
  const MlsPalette *p = mls_palette_for_theme (style->theme);

  return p->series[index % p->n_series];
}

/**
 * mls_figure_style_status_color:
 * @style: a style
 * @status: a status
 *
 * Returns: the colour of @status in the theme
 */
MlsColor
mls_figure_style_status_color (const MlsFigureStyle *style, MlsFigureStatus status)
{
  const MlsPalette *p = mls_palette_for_theme (style->theme);

  switch (status)
    {
    case MLS_FIGURE_STATUS_PASS:
      return p->good;
    case MLS_FIGURE_STATUS_FAIL:
      return p->bad;
    case MLS_FIGURE_STATUS_WARNING:
      return p->warning;
    case MLS_FIGURE_STATUS_SKIPPED:
    default:
      return p->skipped;
    }
}

/**
 * mls_figure_theme_from_string:
 * @text: "light", "dark" or "print"
 * @out: (out): the theme
 * @error: a #GError
 *
 * Returns: %TRUE when @text names a theme
 */
gboolean
mls_figure_theme_from_string (const char *text, MlsFigureTheme *out, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (theme_names); i++)
    if (text != NULL && g_ascii_strcasecmp (text, theme_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("Unknown theme “%s”; choose light, dark or print"), text ? text : "");
  return FALSE;
}

/**
 * mls_figure_theme_to_string:
 * @theme: a theme
 *
 * Returns: its name, as mls_figure_theme_from_string() reads it
 */
const char *
mls_figure_theme_to_string (MlsFigureTheme theme)
{
  return theme_names[CLAMP (theme, MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_THEME_PRINT)];
}

/**
 * mls_figure_preset_from_string:
 * @text: "slide" (or "slide-16:9", "16:9"), "slide-4:3" (or "4:3"), "paper" (or "column")
 * @out: (out): the preset
 * @error: a #GError
 *
 * Returns: %TRUE when @text names a preset
 */
gboolean
mls_figure_preset_from_string (const char *text, MlsFigurePreset *out, GError **error)
{
  static const struct
  {
    const char     *name;
    MlsFigurePreset preset;
  } names[] = {
    { "slide", MLS_FIGURE_PRESET_SLIDE_16_9 },
    { "slide-16:9", MLS_FIGURE_PRESET_SLIDE_16_9 },
    { "16:9", MLS_FIGURE_PRESET_SLIDE_16_9 },
    { "slide-4:3", MLS_FIGURE_PRESET_SLIDE_4_3 },
    { "4:3", MLS_FIGURE_PRESET_SLIDE_4_3 },
    { "paper", MLS_FIGURE_PRESET_PAPER_COLUMN },
    { "column", MLS_FIGURE_PRESET_PAPER_COLUMN },
    { "paper-column", MLS_FIGURE_PRESET_PAPER_COLUMN },
    { "custom", MLS_FIGURE_PRESET_CUSTOM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (text != NULL && g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *out = names[i].preset;
        return TRUE;
      }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("Unknown preset “%s”; choose slide (16:9), slide-4:3 or paper"),
               text ? text : "");
  return FALSE;
}

/**
 * mls_figure_preset_to_string:
 * @preset: a preset
 *
 * Returns: its name, as mls_figure_preset_from_string() reads it
 */
const char *
mls_figure_preset_to_string (MlsFigurePreset preset)
{
  return presets[CLAMP (preset, MLS_FIGURE_PRESET_SLIDE_16_9, MLS_FIGURE_PRESET_CUSTOM)].name;
}

/**
 * mls_figure_status_to_string:
 * @status: a status
 *
 * Returns: the status as printed on a scorecard ("PASS"), translated
 */
const char *
mls_figure_status_to_string (MlsFigureStatus status)
{
  switch (status)
    {
    case MLS_FIGURE_STATUS_PASS:
      /* Translators: a scorecard verdict, printed in a small coloured badge */
      return _ ("PASS");
    case MLS_FIGURE_STATUS_FAIL:
      return _ ("FAIL");
    case MLS_FIGURE_STATUS_WARNING:
      return _ ("WARNING");
    case MLS_FIGURE_STATUS_SKIPPED:
    default:
      return _ ("SKIPPED");
    }
}
