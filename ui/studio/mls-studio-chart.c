/* mls-studio-chart.c — a widget that paints a ui/render figure, exports it and copies it
 *
 * The widget draws with the same function as the exported files (mls_figure_draw()), at the
 * widget's size with type sized for a screen, in the dark theme when the app is dark.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "mls-studio-chart.h"

/* Points per inch of cairo user space: the figure's type sizes are in points. */
#define POINTS_PER_INCH 72.0
/* The base type size of a chart on screen [px]: the size of GTK's body text, so the figure
 * reads like the rest of the window whatever the window's size. */
#define SCREEN_FONT_PX 13.0

struct _MlsStudioChart
{
  GtkWidget     parent_instance;

  MlsFigureKind kind;
  gconstpointer chart;
  char         *name;
};

G_DEFINE_FINAL_TYPE (MlsStudioChart, mls_studio_chart, GTK_TYPE_WIDGET)

static void
mls_studio_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  MlsStudioChart *self = MLS_STUDIO_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width < 1 || height < 1)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mls_studio_chart_draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
on_dark_changed (MlsStudioChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mls_studio_chart_dispose (GObject *object)
{
  MlsStudioChart *self = MLS_STUDIO_CHART (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  G_OBJECT_CLASS (mls_studio_chart_parent_class)->dispose (object);
}

static void
mls_studio_chart_finalize (GObject *object)
{
  MlsStudioChart *self = MLS_STUDIO_CHART (object);

  g_free (self->name);
  G_OBJECT_CLASS (mls_studio_chart_parent_class)->finalize (object);
}

static void
mls_studio_chart_class_init (MlsStudioChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mls_studio_chart_dispose;
  object_class->finalize = mls_studio_chart_finalize;
  widget_class->snapshot = mls_studio_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mls_studio_chart_init (MlsStudioChart *self)
{
  self->name = g_strdup ("chart");
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 180);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
mls_studio_chart_new (void)
{
  return g_object_new (MLS_STUDIO_TYPE_CHART, NULL);
}

/**
 * mls_studio_chart_set_figure:
 * @kind: the kind of @chart
 * @chart: (nullable): the chart's data, borrowed: the caller keeps it alive until the next
 *   call or mls_studio_chart_clear()
 *
 * Shows @chart; call again after changing the data in place to redraw.
 */
void
mls_studio_chart_set_figure (MlsStudioChart *self,
                             MlsFigureKind   kind,
                             gconstpointer   chart)
{
  g_return_if_fail (MLS_STUDIO_IS_CHART (self));

  self->kind = kind;
  self->chart = chart;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mls_studio_chart_clear (MlsStudioChart *self)
{
  self->chart = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
mls_studio_chart_has_figure (MlsStudioChart *self)
{
  return self->chart != NULL;
}

/**
 * mls_studio_chart_set_name:
 * @name: a file name stem for exports ("roofline")
 */
void
mls_studio_chart_set_name (MlsStudioChart *self,
                           const char     *name)
{
  g_free (self->name);
  self->name = g_strdup (name);
}

const char *
mls_studio_chart_get_name (MlsStudioChart *self)
{
  return self->name;
}

/**
 * mls_studio_chart_get_screen_theme:
 *
 * Returns: the theme matching the app's style: dark when libadwaita is dark
 */
MlsFigureTheme
mls_studio_chart_get_screen_theme (MlsStudioChart *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
           ? MLS_FIGURE_THEME_DARK : MLS_FIGURE_THEME_LIGHT;
}

/**
 * mls_studio_chart_get_screen_style:
 * @width: the width to draw [px]
 * @height: the height [px]
 * @out: (out): the style
 *
 * A custom-size style whose page is @width × @height points, with body-sized type.
 */
void
mls_studio_chart_get_screen_style (MlsStudioChart *self,
                                   double          width,
                                   double          height,
                                   MlsFigureStyle *out)
{
  double base;

  mls_figure_style_init (out, mls_studio_chart_get_screen_theme (self), MLS_FIGURE_PRESET_CUSTOM);
  out->width_in = MAX (width, 1) / POINTS_PER_INCH;
  out->height_in = MAX (height, 1) / POINTS_PER_INCH;
  out->dpi = POINTS_PER_INCH;
  out->font_scale = 1.0;
  base = mls_figure_style_get_font_size (out);
  out->font_scale = base > 0 ? SCREEN_FONT_PX / base : 1.0;
}

/**
 * mls_studio_chart_draw:
 * @cr: a cairo context whose user unit is one pixel
 * @width: the width [px]
 * @height: the height [px]
 *
 * Paints the chart as the widget shows it (the benchmark uses this to time a redraw).
 */
void
mls_studio_chart_draw (MlsStudioChart *self,
                       cairo_t        *cr,
                       double          width,
                       double          height)
{
  g_autoptr(MlsFigureLayout) layout = NULL;
  MlsFigure figure;
  MlsFigureStyle style;

  if (self->chart == NULL)
    return;
  mls_studio_chart_get_screen_style (self, width, height, &style);
  mls_figure_init (&figure, self->kind, self->chart, &style);
  layout = mls_figure_draw (&figure, cr, width, height);
}

/**
 * mls_studio_chart_get_figure:
 * @theme: the colour theme
 * @preset: the size preset
 * @out: (out): the figure, borrowing the chart's data
 *
 * Returns: %FALSE when the chart shows nothing
 */
gboolean
mls_studio_chart_get_figure (MlsStudioChart *self,
                             MlsFigureTheme  theme,
                             MlsFigurePreset preset,
                             MlsFigure      *out)
{
  MlsFigureStyle style;

  if (self->chart == NULL)
    return FALSE;
  mls_figure_style_init (&style, theme, preset);
  mls_figure_init (out, self->kind, self->chart, &style);
  return TRUE;
}

static gboolean
no_figure (GError **error)
{
  g_set_error_literal (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA,
                       _("There is no chart to export yet"));
  return FALSE;
}

/**
 * mls_studio_chart_export:
 * @path: the file; its extension (.png, .svg, .pdf) picks the format
 *
 * Exports the chart at the preset's size; the file is written atomically.
 */
gboolean
mls_studio_chart_export (MlsStudioChart  *self,
                         const char      *path,
                         MlsFigureTheme   theme,
                         MlsFigurePreset  preset,
                         GError         **error)
{
  MlsFigure figure;

  if (!mls_studio_chart_get_figure (self, theme, preset, &figure))
    return no_figure (error);
  return mls_figure_export (&figure, path, 0, 0, 0, error);
}

/**
 * mls_studio_chart_to_texture:
 *
 * Returns: (transfer full) (nullable): the chart as a PNG-decoded texture
 */
GdkTexture *
mls_studio_chart_to_texture (MlsStudioChart  *self,
                             MlsFigureTheme   theme,
                             MlsFigurePreset  preset,
                             GError         **error)
{
  g_autoptr(GBytes) png = NULL;
  MlsFigure figure;

  if (!mls_studio_chart_get_figure (self, theme, preset, &figure))
    {
      no_figure (error);
      return NULL;
    }
  png = mls_figure_export_to_bytes (&figure, MLS_FIGURE_FORMAT_PNG, 0, 0, 0, error);
  if (png == NULL)
    return NULL;
  return gdk_texture_new_from_bytes (png, error);
}

/**
 * mls_studio_chart_copy:
 *
 * Puts the chart on the clipboard as an image, at slide size, in the light theme that pastes
 * well into documents and slides.
 */
gboolean
mls_studio_chart_copy (MlsStudioChart *self,
                       GError        **error)
{
  g_autoptr(GdkTexture) texture = mls_studio_chart_to_texture (self, MLS_FIGURE_THEME_LIGHT,
                                                               MLS_FIGURE_PRESET_SLIDE_16_9,
                                                               error);

  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  return TRUE;
}
