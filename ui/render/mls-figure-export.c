/* mls-figure-export.c — PNG, SVG and PDF files, written atomically
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "mls-figure-private.h"

/* Larger rasters are almost certainly a mistake (a DPI typed as a width), and cairo's image
 * surfaces stop at 32767 pixels anyway. */
#define MAX_PIXELS 20000
#define MIN_DPI 10.0
#define MAX_DPI 4800.0

/**
 * mls_figure_format_from_path:
 * @path: a file name
 * @out: (out): the format its extension names
 * @error: a #GError
 *
 * Returns: %TRUE when @path ends in .png, .svg or .pdf (in any case)
 */
gboolean
mls_figure_format_from_path (const char *path, MlsFigureFormat *out, GError **error)
{
  const char *dot = path ? strrchr (path, '.') : NULL;

  if (dot && strchr (dot, G_DIR_SEPARATOR) == NULL)
    {
      if (g_ascii_strcasecmp (dot, ".png") == 0)
        {
          *out = MLS_FIGURE_FORMAT_PNG;
          return TRUE;
        }
      if (g_ascii_strcasecmp (dot, ".svg") == 0)
        {
          *out = MLS_FIGURE_FORMAT_SVG;
          return TRUE;
        }
      if (g_ascii_strcasecmp (dot, ".pdf") == 0)
        {
          *out = MLS_FIGURE_FORMAT_PDF;
          return TRUE;
        }
    }
  g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_FORMAT,
               _ ("Cannot tell the figure format of “%s”: name the file .png, .svg or .pdf"),
               path ? path : "");
  return FALSE;
}

typedef struct
{
  int    width_px;
  int    height_px;
  double dpi;
  double width_pt;
  double height_pt;
} Size;

/* Pixels and DPI give the physical size; what is not given comes from the preset. Without a
 * DPI, the preset's physical width is kept, so a bigger PNG is a sharper copy of the same
 * figure rather than a figure with smaller type. */
static gboolean
resolve_size (const MlsFigure *figure, int width, int height, double dpi, Size *out, GError **error)
{
  double w_in, h_in, preset_dpi;

  mls_figure_style_get_size (&figure->style, &w_in, &h_in, &preset_dpi);
  if (width < 0 || height < 0 || width > MAX_PIXELS || height > MAX_PIXELS)
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_SIZE,
                   _ ("A figure of %d × %d pixels cannot be drawn; each side must be between "
                      "1 and %d (0 takes the preset's)"),
                   width, height, MAX_PIXELS);
      return FALSE;
    }
  if (dpi != 0 && (!isfinite (dpi) || dpi < MIN_DPI || dpi > MAX_DPI))
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_SIZE,
                   _ ("A resolution of %g dpi is out of range; use %g to %g (0 takes the "
                      "preset's)"),
                   dpi, MIN_DPI, MAX_DPI);
      return FALSE;
    }
  if (width == 0 && height == 0)
    {
      out->dpi = dpi > 0 ? dpi : preset_dpi;
      out->width_px = (int)lround (w_in * out->dpi);
      out->height_px = (int)lround (h_in * out->dpi);
    }
  else
    {
      out->width_px = width > 0 ? width : (int)lround (height * w_in / h_in);
      out->height_px = height > 0 ? height : (int)lround (width * h_in / w_in);
      out->dpi = dpi > 0 ? dpi : out->width_px / w_in;
    }
  if (out->width_px < 1 || out->height_px < 1 || out->width_px > MAX_PIXELS
      || out->height_px > MAX_PIXELS)
    {
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_SIZE,
                   _ ("A figure of %d × %d pixels cannot be drawn; each side must be between "
                      "1 and %d"),
                   out->width_px, out->height_px, MAX_PIXELS);
      return FALSE;
    }
  if (width == 0 && height == 0)
    {
      /* Vector pages keep the preset's exact size, not one rounded through pixels. */
      out->width_pt = w_in * 72.0;
      out->height_pt = h_in * 72.0;
    }
  else
    {
      out->width_pt = out->width_px * 72.0 / out->dpi;
      out->height_pt = out->height_px * 72.0 / out->dpi;
    }
  return TRUE;
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint32
crc32_png (const guint8 *data, gsize len)
{
  /* The CRC of the PNG specification (ISO/IEC 15948, annex D). */
  static guint32 table[256];
  static gsize   initialised = 0;
  guint32        c = 0xffffffffu;

  if (g_once_init_enter (&initialised))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 k = n;
          for (int i = 0; i < 8; i++)
            k = (k & 1) ? 0xedb88320u ^ (k >> 1) : k >> 1;
          table[n] = k;
        }
      g_once_init_leave (&initialised, 1);
    }
  for (gsize i = 0; i < len; i++)
    c = table[(c ^ data[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

static void
put_be32 (guint8 *p, guint32 v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

/* Records the resolution in a pHYs chunk right after IHDR, so that word processors place
 * the PNG at its physical size. */
static void
png_set_dpi (GByteArray *png, double dpi)
{
  const gsize after_ihdr = 8 + 4 + 4 + 13 + 4;
  guint8      chunk[4 + 4 + 9 + 4];
  guint32     ppm = (guint32)lround (dpi / 0.0254);

  if (png->len < after_ihdr || memcmp (png->data + 12, "IHDR", 4) != 0)
    return;
  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, ppm);
  put_be32 (chunk + 12, ppm);
  chunk[16] = 1; /* unit: the metre */
  put_be32 (chunk + 17, crc32_png (chunk + 4, 4 + 9));
  {
    g_autoptr (GByteArray) rest = g_byte_array_new ();
    g_byte_array_append (rest, png->data + after_ihdr, png->len - after_ihdr);
    g_byte_array_set_size (png, after_ihdr);
    g_byte_array_append (png, chunk, sizeof chunk);
    g_byte_array_append (png, rest->data, rest->len);
  }
}

static void
append_escaped (GString *s, const char *text)
{
  g_autofree char *e = g_markup_escape_text (text, -1);

  g_string_append (s, e);
}

static void
append_number (GString *s, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.2f", v));
}

/* cairo draws SVG text as glyph outlines, which no one can search, select or read aloud. The
 * text layer repeats every string as a transparent <text> at the same place, the way PDF
 * viewers overlay OCR text: the figure looks the same, and its words are in the file. */
static GByteArray *
svg_add_text_layer (GByteArray *svg, const MlsFigure *figure, GArray *runs, const char *title)
{
  g_autoptr (GString) out = g_string_sized_new (svg->len + 4096);
  const char *data = (const char *)svg->data;
  const char *open = g_strstr_len (data, svg->len, "<svg");
  const char *open_end = open ? strchr (open, '>') : NULL;
  const char *close = g_strrstr_len (data, svg->len, "</svg>");
  const char *family = figure->style.font_family ? figure->style.font_family : "DejaVu Sans";

  if (open_end == NULL || close == NULL || close < open_end)
    return g_byte_array_ref (svg);

  g_string_append_len (out, data, open_end + 1 - data);
  g_string_append (out, "\n");
  if (title && *title)
    {
      g_string_append (out, "<title>");
      append_escaped (out, title);
      g_string_append (out, "</title>\n");
    }
  g_string_append_len (out, open_end + 1, close - (open_end + 1));
  g_string_append (out, "<g id=\"mls-text-layer\" fill=\"#000000\" fill-opacity=\"0\" "
                        "stroke=\"none\" font-family=\"");
  append_escaped (out, family);
  g_string_append (out, "\">\n");
  for (guint i = 0; i < runs->len; i++)
    {
      const MlsTextRun *r = &g_array_index (runs, MlsTextRun, i);
      if (r->text == NULL || *r->text == '\0')
        continue;
      g_string_append (out, "<text x=\"");
      append_number (out, r->x);
      g_string_append (out, "\" y=\"");
      append_number (out, r->y);
      g_string_append (out, "\" font-size=\"");
      append_number (out, r->size);
      g_string_append (out, "\"");
      if (r->bold)
        g_string_append (out, " font-weight=\"bold\"");
      if (r->angle != 0)
        {
          g_string_append (out, " transform=\"rotate(");
          append_number (out, -r->angle * 180 / G_PI);
          g_string_append (out, " ");
          append_number (out, r->x);
          g_string_append (out, " ");
          append_number (out, r->y);
          g_string_append (out, ")\"");
        }
      g_string_append (out, ">");
      append_escaped (out, r->text);
      g_string_append (out, "</text>\n");
    }
  g_string_append (out, "</g>\n");
  g_string_append_len (out, close, svg->len - (close - data));
  {
    gsize len = out->len;
    return g_byte_array_new_take ((guint8 *)g_string_free (g_steal_pointer (&out), FALSE), len);
  }
}

static gboolean
check_cairo (cairo_status_t status, GError **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_RENDER,
               _ ("Drawing the figure failed: %s"), cairo_status_to_string (status));
  return FALSE;
}

static char *
figure_title (const MlsFigure *figure, GArray *labels)
{
  const char *title = mls_figure_get_title (figure);

  if (title)
    return g_strdup (title);
  for (guint i = 0; labels && i < labels->len; i++)
    {
      const MlsPlacedLabel *l = &g_array_index (labels, MlsPlacedLabel, i);
      if (l->role == MLS_LABEL_TITLE)
        return g_strdup (l->text);
    }
  return NULL;
}

/**
 * mls_figure_export_to_bytes:
 * @figure: a figure
 * @format: the file format
 * @width: the width [px], or 0 for the preset's
 * @height: the height [px], or 0 for the preset's (or the preset's aspect with @width)
 * @dpi: the resolution [px/in], or 0 for the preset's (or the preset's physical width)
 * @error: a #GError
 *
 * Draws @figure into a file in memory. The physical size is @width / @dpi inches, so the
 * SVG and PDF pages measure @width × 72 / @dpi points.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
mls_figure_export_to_bytes (const MlsFigure *figure, MlsFigureFormat format, int width, int height,
                            double dpi, GError **error)
{
  g_autoptr (GByteArray) data = g_byte_array_new ();
  g_autoptr (GArray) runs = NULL;
  g_autoptr (MlsFigureLayout) layout = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t         *cr;
  cairo_status_t   status;
  Size             size;

  g_return_val_if_fail (figure != NULL, NULL);

  if (!mls_figure_validate (figure, error)
      || !resolve_size (figure, width, height, dpi, &size, error))
    return NULL;

  switch (format)
    {
    case MLS_FIGURE_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size.width_px, size.height_px);
      break;
    case MLS_FIGURE_FORMAT_SVG:
      surface
          = cairo_svg_surface_create_for_stream (append_bytes, data, size.width_pt, size.height_pt);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    case MLS_FIGURE_FORMAT_PDF:
      surface
          = cairo_pdf_surface_create_for_stream (append_bytes, data, size.width_pt, size.height_pt);
      break;
    default:
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_FORMAT, _ ("Unknown figure format %d"),
                   format);
      return NULL;
    }
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  if (format == MLS_FIGURE_FORMAT_PNG)
    cairo_scale (cr, size.dpi / 72.0, size.dpi / 72.0);
  layout = mls_figure_draw_full (figure, cr, size.width_pt, size.height_pt, &runs);
  status = cairo_status (cr);
  cairo_destroy (cr);
  title = figure_title (figure, layout->labels);

  if (format == MLS_FIGURE_FORMAT_PDF)
    {
      if (title)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "mlsysim");
    }
  if (format == MLS_FIGURE_FORMAT_PNG && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, data);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_cairo (status, error))
    return NULL;

  if (format == MLS_FIGURE_FORMAT_PNG)
    png_set_dpi (data, size.dpi);
  else if (format == MLS_FIGURE_FORMAT_SVG)
    {
      g_autoptr (GByteArray) with_text = svg_add_text_layer (data, figure, runs, title);
      return g_byte_array_free_to_bytes (g_steal_pointer (&with_text));
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Writes @bytes to a temporary file next to @path and renames it over @path, so that a
 * reader never sees half a figure and a failure leaves the old file as it was. */
static gboolean
write_atomically (const char *path, GBytes *bytes, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  gsize            len;
  const guint8    *p = g_bytes_get_data (bytes, &len);
  int              fd, saved;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_WRITE,
                   _ ("Could not write the figure to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  while (len > 0)
    {
      gssize n = write (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      p += n;
      len -= n;
    }
  if (fsync (fd) != 0)
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto fail;
  return TRUE;

fail:
  saved = errno ? errno : EIO;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  g_set_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_WRITE,
               _ ("Could not write the figure to “%s”: %s"), path, g_strerror (saved));
  return FALSE;
}

/**
 * mls_figure_export:
 * @figure: a figure
 * @path: the file; its extension (.png, .svg, .pdf) picks the format
 * @width: the width [px], or 0 for the preset's
 * @height: the height [px], or 0 for the preset's
 * @dpi: the resolution [px/in], or 0 for the preset's
 * @error: a #GError
 *
 * Exports @figure. The file is written atomically: on any error the previous file, if any,
 * is left untouched and no partial file remains. Errors name the file.
 *
 * Returns: %TRUE on success
 */
gboolean
mls_figure_export (const MlsFigure *figure, const char *path, int width, int height, double dpi,
                   GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  MlsFigureFormat format;

  g_return_val_if_fail (figure != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!mls_figure_format_from_path (path, &format, error))
    return FALSE;
  bytes = mls_figure_export_to_bytes (figure, format, width, height, dpi, &local);
  if (bytes == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _ ("Cannot export “%s”: "),
                                  path);
      return FALSE;
    }
  return write_atomically (path, bytes, error);
}
