/* test-render.c — figures: every chart kind in PNG, SVG and PDF, label placement, references
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The device numbers come from the registry's datasheet values (tests cite
 * reference/mlsysim-registry.md): H100 989 TFLOP/s and 3.35 TB/s, A100 312 TFLOP/s and
 * 2039 GB/s, B200 2250 TFLOP/s and 8 TB/s, MI300X 1307 TFLOP/s and 5.3 TB/s, T4 65 TFLOP/s
 * and 320 GB/s, ESP32-S3 0.5 GFLOP/s and 0.08 GB/s (SRAM 0.96 GB/s), Jetson Orin NX
 * 25 TFLOP/s and 102 GB/s.
 *
 * Reference images live in tests/data/render; MLSYSIM_UPDATE_REFERENCES=1 rewrites them
 * (look at them before committing).
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <mls-render.h>

/* ---- data ------------------------------------------------------------------------------ */

static const MlsRooflineDevice h100[] = { { "H100", 989e12, 3.35e12 } };

/* Intensities by hand: a decoder streams 2 B of FP16 weights per parameter and does 2 FLOP
 * with it per token, 1 FLOP/B at batch 1 (≈ 0.9 with KV-cache reads); a batch of 32 shares the
 * weights, ≈ 29; ResNet-50 does 8.2 GFLOP per image on 51 MB of FP16 weights, 160 FLOP/B at
 * batch 1, and with activation traffic about 410 at batch 256; prefill of 2048 tokens reuses
 * each weight about 1800 times after attention overheads. */
static const MlsRooflineWorkload single_workloads[] = {
  { "Llama3-8B decode, batch 1", 0.9, 0, 0, NULL },
  { "Llama3-8B decode, batch 32", 29, 0, 0, NULL },
  { "ResNet-50, batch 256", 410, 0, 0, NULL },
  { "Llama3-8B prefill, 2k tokens", 1800, 0, 0, NULL },
};

static const MlsRooflineDevice cloud[] = {
  { "H100", 989e12, 3.35e12 },   { "A100", 312e12, 2039e9 }, { "B200", 2250e12, 8e12 },
  { "MI300X", 1307e12, 5.3e12 }, { "T4", 65e12, 320e9 },
};

static const MlsRooflineWorkload cloud_workloads[] = {
  { "Llama3-8B decode b1", 0.9, 0, 0, NULL },    { "Llama3-8B decode b32", 29, 0, 1, NULL },
  { "ResNet-50 b256", 410, 0, 2, NULL },         { "BERT-base b8", 1024, 0, 3, NULL },
  { "DLRM embeddings", 0.05, 0, 4, NULL },       { "MobileNetV2 b1", 176, 0, 4, NULL },
  { "Stable Diffusion UNet", 2000, 0, 0, NULL }, { "GPT-3 decode b8", 8, 0, 2, NULL },
};

static const MlsRoof esp32_roofs[] = { { MLS_ROOF_SRAM, NULL, 0.96e9 } };

static const MlsRooflineDevice mixed[] = {
  { "H100", 989e12, 3.35e12 },
  { "B200", 2250e12, 8e12 },
  { "Jetson Orin NX", 25e12, 102e9 },
  { "T4", 65e12, 320e9 },
  { "ESP32-S3", 0.5e9, 0.08e9, esp32_roofs, 1 },
};

static const MlsRooflineWorkload mixed_workloads[] = {
  { "Llama3-8B decode b1", 0.9, 0, 0, NULL },
  { "Llama3-70B decode b16", 14, 0, 1, NULL },
  { "YOLOv8n b1", 90, 0, 2, NULL },
  { "ResNet-50 b1", 160, 0, 3, NULL },
  { "KWS DS-CNN", 140, 0, 4, NULL },
  { "Person detection", 30, 0, 4, NULL },
  { "Whisper-small decode", 1.2, 0, 2, NULL },
  { "Stable Diffusion UNet", 2000, 0, 1, NULL },
};

static const MlsRooflineDevice fleet[] = {
  /* 3125 DGX H100 nodes: 3125 × 8 × 989 TFLOP/s, on 50 GB/s of network per node. */
  { "3125× DGX H100", 3125 * 8 * 989e12, 3125 * 50e9 },
};
static const MlsRooflineWorkload fleet_workloads[] = {
  { "GPT-3 data parallel", 3000, 0, 0, NULL },
  { "Llama3-70B tensor parallel", 60, 0, 0, NULL },
};

static const double batch[] = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512 };
/* Time per output token of Llama3-8B, t = max(16 GB / BW, 2 · 8e9 · b / (0.5 · peak)). */
static const double tpot_h100[]
    = { 4.78e-3, 4.78e-3, 4.78e-3, 4.78e-3, 4.78e-3, 4.78e-3, 4.78e-3, 4.78e-3, 8.28e-3, 16.6e-3 };
static const double tpot_a100[]
    = { 7.85e-3, 7.85e-3, 7.85e-3, 7.85e-3, 7.85e-3, 7.85e-3, 7.85e-3, 13.1e-3, 26.3e-3, NAN };
static const MlsSeries sweep_series[] = {
  { "H100", batch, tpot_h100, 10 },
  { "A100", batch, tpot_a100, 10 },
};

static const MlsParetoPoint pareto_points[] = {
  { "1× H100", 30000, 2400 },   { "2× H100", 60000, 4500 }, { "4× H100", 120000, 8200 },
  { "8× H100", 240000, 14000 }, { "1× A100", 15000, 900 },  { "2× A100", 30000, 1700 },
  { "4× A100", 60000, 3100 },   { "1× B200", 40000, 5200 }, { "2× B200", 80000, 9800 },
  { "4× B200", 160000, 17500 }, { "1× T4", 2500, 90 },      { "1× L4", 3000, 250 },
};

static const MlsTornadoBar tornado_bars[] = {
  { "Memory bandwidth", 6.0e-3, 4.0e-3, "−20 %", "+20 %" },
  { "Batch size", 4.6e-3, 5.4e-3, "16", "64" },
  { "Efficiency η", 5.6e-3, 4.4e-3, "0.4", "0.6" },
  { "Peak FLOP/s", 5.02e-3, 4.98e-3, "−20 %", "+20 %" },
};

/* 80 GiB = 85.9 GB. Llama3-8B weights 16 GB at FP16; fine-tuning with Adam adds 12 B per
 * parameter of FP32 master weights and moments, 96 GB. */
static const MlsMemoryBar memory_bars[] = {
  { "Llama3-8B inference b1", { 16e9, 0.5e9, 0.2e9, 0 }, 85.9e9 },
  { "Llama3-8B inference b32", { 16e9, 17.2e9, 2e9, 0 }, 85.9e9 },
  { "Llama3-8B fine-tune", { 16e9, 0, 24e9, 96e9 }, 85.9e9 },
};

static const MlsScorecardBar scorecard_bars[] = {
  { "Memory (RAM)", 0.72, "61.9 GB of 85.9 GB" },
  { "Latency (SLA)", 1.35, "270 ms against 200 ms" },
};

static MlsRooflineChart single_chart
    = { .devices = h100, .n_devices = 1, .workloads = single_workloads, .n_workloads = 4 };
static MlsRooflineChart cloud_chart
    = { .devices = cloud, .n_devices = 5, .workloads = cloud_workloads, .n_workloads = 8 };
static MlsRooflineChart mixed_chart
    = { .devices = mixed, .n_devices = 5, .workloads = mixed_workloads, .n_workloads = 8 };
static MlsRooflineChart fleet_chart = { .variant = MLS_ROOFLINE_NETWORK,
                                        .devices = fleet,
                                        .n_devices = 1,
                                        .workloads = fleet_workloads,
                                        .n_workloads = 2 };
static MlsSweepChart    sweep_chart = { "Llama3-8B decode: time per output token",
                                        { "Batch size", NULL, TRUE, 0, 0 },
                                        { "Time per output token", "s", TRUE, 0, 0 },
                                        sweep_series,
                                        2,
                                        10e-3,
                                        "SLA 10 ms" };
static MlsParetoChart   pareto_chart = { "Serving Llama3-70B",
                                         { "Cost", "$", TRUE, 0, 0 },
                                         { "Throughput (tokens/s)", NULL, TRUE, 0, 0 },
                                         MLS_PARETO_MIN_X_MAX_Y,
                                         pareto_points,
                                         G_N_ELEMENTS (pareto_points),
                                         FALSE };
static MlsTornadoChart  tornado_chart
    = { "Sensitivity of TPOT", "Time per output token",    "s", 5.0e-3,
        tornado_bars,          G_N_ELEMENTS (tornado_bars) };
static MlsMemoryChart memory_chart
    = { "Memory footprint on one H100", memory_bars, G_N_ELEMENTS (memory_bars), NULL };
static MlsScorecardChart scorecard_chart
    = { NULL,
        "Llama3-8B chat on H100",
        { { "Memory Feasibility", MLS_FIGURE_STATUS_PASS, "61.9 GB / 85.9 GB used" },
          { "Single Node Performance", MLS_FIGURE_STATUS_FAIL, "Memory Bound" },
          { NULL, MLS_FIGURE_STATUS_SKIPPED, "No Ops config provided" } },
        scorecard_bars,
        2 };

typedef struct
{
  const char   *name;
  MlsFigureKind kind;
  gconstpointer chart;
} Sample;

static const Sample samples[] = {
  { "roofline", MLS_FIGURE_ROOFLINE, &single_chart },
  { "roofline-overlay", MLS_FIGURE_ROOFLINE, &cloud_chart },
  { "roofline-network", MLS_FIGURE_ROOFLINE, &fleet_chart },
  { "scorecard", MLS_FIGURE_SCORECARD, &scorecard_chart },
  { "sweep", MLS_FIGURE_SWEEP, &sweep_chart },
  { "pareto", MLS_FIGURE_PARETO, &pareto_chart },
  { "tornado", MLS_FIGURE_TORNADO, &tornado_chart },
  { "memory", MLS_FIGURE_MEMORY, &memory_chart },
};

static MlsFigure
make_figure (MlsFigureKind kind, gconstpointer chart, MlsFigureTheme theme, MlsFigurePreset preset)
{
  MlsFigureStyle style;
  MlsFigure      figure;

  mls_figure_style_init (&style, theme, preset);
  mls_figure_init (&figure, kind, chart, &style);
  return figure;
}

static char *
temp_dir (void)
{
  GError *error = NULL;
  char   *dir = g_dir_make_tmp ("mlsysim-render-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  GDir       *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d && g_dir_read_name (d))
    n++;
  if (d)
    g_dir_close (d);
  return n;
}

/* ---- geometry and style ---------------------------------------------------------------- */

static void
test_ridge_points (void)
{
  /* Registry ridge table: H100 295.2, A100 153.0, B200 281.25, ESP32-S3 6.25 FLOP/B. */
  g_assert_cmpfloat_with_epsilon (mls_roofline_device_ridge_point (&cloud[0]), 295.2, 0.05);
  g_assert_cmpfloat_with_epsilon (mls_roofline_device_ridge_point (&cloud[1]), 153.0, 0.05);
  g_assert_cmpfloat_with_epsilon (mls_roofline_device_ridge_point (&cloud[2]), 281.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (mls_roofline_device_ridge_point (&mixed[4]), 6.25, 1e-9);
  /* Below the ridge, bandwidth × intensity: 3.35 TB/s × 0.9 FLOP/B = 3.015 TFLOP/s. */
  g_assert_cmpfloat_with_epsilon (mls_roofline_device_attainable (&h100[0], 0.9), 3.015e12, 1e3);
  /* Above it, the peak. */
  g_assert_cmpfloat_with_epsilon (mls_roofline_device_attainable (&h100[0], 1800), 989e12, 1e3);
}

static void
test_presets (void)
{
  MlsFigureStyle  style;
  MlsFigure       figure;
  double          w, h, dpi;
  MlsFigurePreset preset;
  MlsFigureTheme  theme;

  /* 16:9: 13.33 × 7.5 in; at 144 dpi, 1920 × 1080 px; in points, 960 × 540. */
  mls_figure_style_init (&style, MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_PRESET_SLIDE_16_9);
  mls_figure_style_get_size (&style, &w, &h, &dpi);
  g_assert_cmpfloat_with_epsilon (w * dpi, 1920, 1e-6);
  g_assert_cmpfloat_with_epsilon (h * dpi, 1080, 1e-6);
  mls_figure_init (&figure, MLS_FIGURE_ROOFLINE, &single_chart, &style);
  mls_figure_get_page_size (&figure, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 960, 1e-6);
  g_assert_cmpfloat_with_epsilon (h, 540, 1e-6);

  /* 4:3: 1600 × 1200 px. */
  mls_figure_style_init (&style, MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_PRESET_SLIDE_4_3);
  mls_figure_style_get_size (&style, &w, &h, &dpi);
  g_assert_cmpfloat_with_epsilon (w * dpi, 1600, 1e-6);
  g_assert_cmpfloat_with_epsilon (h * dpi, 1200, 1e-6);

  /* A paper column is 3.5 in wide. */
  mls_figure_style_init (&style, MLS_FIGURE_THEME_PRINT, MLS_FIGURE_PRESET_PAPER_COLUMN);
  mls_figure_style_get_size (&style, &w, NULL, NULL);
  g_assert_cmpfloat_with_epsilon (w, 3.5, 1e-9);
  /* Type for a paper is smaller than for a slide. */
  {
    MlsFigureStyle slide;
    mls_figure_style_init (&slide, MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_PRESET_SLIDE_16_9);
    g_assert_cmpfloat (mls_figure_style_get_font_size (&style), <,
                       mls_figure_style_get_font_size (&slide));
    slide.font_scale = 2;
    g_assert_cmpfloat_with_epsilon (mls_figure_style_get_font_size (&slide),
                                    2
                                        * mls_figure_style_get_font_size (&(MlsFigureStyle){
                                            .preset = MLS_FIGURE_PRESET_SLIDE_16_9 }),
                                    1e-9);
  }

  g_assert_true (mls_figure_preset_from_string ("paper", &preset, NULL));
  g_assert_cmpint (preset, ==, MLS_FIGURE_PRESET_PAPER_COLUMN);
  g_assert_true (mls_figure_theme_from_string ("Dark", &theme, NULL));
  g_assert_cmpint (theme, ==, MLS_FIGURE_THEME_DARK);
  {
    GError *error = NULL;
    g_assert_false (mls_figure_theme_from_string ("neon", &theme, &error));
    g_assert_nonnull (strstr (error->message, "neon"));
    g_clear_error (&error);
  }
}

static void
test_pareto_front (void)
{
  /* Lower cost and higher throughput are better. (1, 10) dominates (2, 5); (3, 20) is on the
   * front; (4, 20) is dominated by (3, 20); (0.5, 1) is the cheapest. */
  const MlsParetoPoint p[]
      = { { "a", 1, 10 }, { "b", 2, 5 }, { "c", 3, 20 }, { "d", 4, 20 }, { "e", 0.5, 1 } };
  gboolean front[5];

  g_assert_cmpuint (mls_pareto_front (p, 5, MLS_PARETO_MIN_X_MAX_Y, front), ==, 3);
  g_assert_true (front[0]);
  g_assert_false (front[1]);
  g_assert_true (front[2]);
  g_assert_false (front[3]);
  g_assert_true (front[4]);
  /* Both lower: (0.5, 1) alone is best in both. */
  g_assert_cmpuint (mls_pareto_front (p, 5, MLS_PARETO_MIN_X_MIN_Y, front), ==, 1);
  g_assert_true (front[4]);
}

/* ---- labels ---------------------------------------------------------------------------- */

static gboolean
has_label (MlsFigureLayout *layout, const char *text)
{
  for (guint i = 0; i < layout->labels->len; i++)
    if (g_str_equal (g_array_index (layout->labels, MlsPlacedLabel, i).text, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_label_containing (MlsFigureLayout *layout, const char *text, MlsLabelRole role)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const MlsPlacedLabel *l = &g_array_index (layout->labels, MlsPlacedLabel, i);
      if (l->role == role && strstr (l->text, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_roofline_labels (void)
{
  MlsFigure figure = make_figure (MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_LIGHT,
                                  MLS_FIGURE_PRESET_SLIDE_16_9);
  g_autoptr (MlsFigureLayout) layout = mls_figure_compute_layout (&figure, 960, 540);

  g_assert_true (has_label (layout, "Roofline: H100"));
  g_assert_true (has_label (layout, "Arithmetic intensity (FLOP/byte)"));
  /* 989 TFLOP/s peak sets the unit of the performance axis. */
  g_assert_true (has_label (layout, "Attainable performance (TFLOP/s)"));
  g_assert_true (has_label (layout, "Compute 989 TFLOP/s"));
  g_assert_true (has_label (layout, "Memory 3.35 TB/s"));
  /* 989e12 / 3.35e12 = 295.2 → "295". */
  g_assert_true (has_label (layout, "Ridge 295 FLOP/B"));
  g_assert_true (has_label (layout, "MEMORY-BOUND"));
  /* Each workload is named with its bottleneck: 0.9 and 29 are left of the ridge, 410 and
   * 1800 right of it. */
  g_assert_true (has_label (layout, "Llama3-8B decode, batch 1\nmemory-bound"));
  g_assert_true (has_label (layout, "Llama3-8B decode, batch 32\nmemory-bound"));
  g_assert_true (has_label (layout, "ResNet-50, batch 256\ncompute-bound"));
  g_assert_true (has_label (layout, "Llama3-8B prefill, 2k tokens\ncompute-bound"));
  /* Decade ticks on the intensity axis: 0.1 … 10k. */
  g_assert_true (has_label (layout, "0.1"));
  g_assert_true (has_label (layout, "1"));
  g_assert_true (has_label (layout, "1k"));
  g_assert_true (has_label (layout, "10k"));
}

static void
test_network_labels (void)
{
  MlsFigure figure = make_figure (MLS_FIGURE_ROOFLINE, &fleet_chart, MLS_FIGURE_THEME_LIGHT,
                                  MLS_FIGURE_PRESET_SLIDE_16_9);
  g_autoptr (MlsFigureLayout) layout = mls_figure_compute_layout (&figure, 960, 540);

  g_assert_true (has_label (layout, "Distributed roofline: 3125× DGX H100"));
  g_assert_true (has_label (layout, "Communication intensity (FLOP/byte)"));
  g_assert_true (has_label (layout, "NETWORK-BOUND"));
  /* 3125 × 50 GB/s = 156.25 TB/s → "156 TB/s". */
  g_assert_true (has_label (layout, "Network 156 TB/s"));
  /* 3125 × 8 × 989 TFLOP/s = 24.725 EFLOP/s. */
  g_assert_true (has_label (layout, "Fleet compute 24.7 EFLOP/s"));
  /* 24.725e18 / 156.25e12 = 158,240 → "158k". */
  g_assert_true (has_label (layout, "Network ridge 158k FLOP/B"));
}

static void
test_fixed_range (void)
{
  /* A window fixed by the caller, 0.1 … 100 FLOP/B: the prefill point at 1800 FLOP/B lies
   * outside and is left out; the others are drawn and named; the ridge at 295 is off the
   * chart, so it is not labelled. */
  MlsRooflineChart chart = single_chart;
  MlsFigure        figure;
  g_autoptr (MlsFigureLayout) layout = NULL;

  chart.x_min = 0.1;
  chart.x_max = 100;
  figure = make_figure (MLS_FIGURE_ROOFLINE, &chart, MLS_FIGURE_THEME_LIGHT,
                        MLS_FIGURE_PRESET_SLIDE_16_9);
  layout = mls_figure_compute_layout (&figure, 960, 540);
  g_assert_true (has_label_containing (layout, "Llama3-8B decode, batch 1", MLS_LABEL_POINT));
  g_assert_true (has_label_containing (layout, "Llama3-8B decode, batch 32", MLS_LABEL_POINT));
  g_assert_false (has_label_containing (layout, "prefill", MLS_LABEL_POINT));
  g_assert_false (has_label_containing (layout, "Ridge", MLS_LABEL_ANNOTATION));
  g_assert_true (has_label (layout, "100"));
}

/* The label's corners, rotated about the centre of its box. */
static void
label_corners (const MlsPlacedLabel *l, double xs[4], double ys[4])
{
  double cx = l->box.x + l->box.width / 2, cy = l->box.y + l->box.height / 2;
  double w = l->width > 0 ? l->width : l->box.width, h = l->height > 0 ? l->height : l->box.height;
  double c = cos (l->angle), s = sin (l->angle);

  for (int i = 0; i < 4; i++)
    {
      double x = (i == 0 || i == 3) ? -w / 2 : w / 2, y = (i < 2) ? -h / 2 : h / 2;
      /* Counter-clockwise on a y-down page. */
      xs[i] = cx + x * c + y * s;
      ys[i] = cy - x * s + y * c;
    }
}

/* Separating-axis test of two convex quadrilaterals; touching edges do not count. */
static gboolean
quads_overlap (const double ax[4], const double ay[4], const double bx[4], const double by[4])
{
  const double *px[2] = { ax, bx }, *py[2] = { ay, by };

  for (int q = 0; q < 2; q++)
    for (int e = 0; e < 4; e++)
      {
        double nx = -(py[q][(e + 1) % 4] - py[q][e]), ny = px[q][(e + 1) % 4] - px[q][e];
        double amin = G_MAXDOUBLE, amax = -G_MAXDOUBLE, bmin = G_MAXDOUBLE, bmax = -G_MAXDOUBLE;
        double len = hypot (nx, ny);
        if (len == 0)
          continue;
        nx /= len;
        ny /= len;
        for (int i = 0; i < 4; i++)
          {
            double pa = ax[i] * nx + ay[i] * ny, pb = bx[i] * nx + by[i] * ny;
            amin = MIN (amin, pa);
            amax = MAX (amax, pa);
            bmin = MIN (bmin, pb);
            bmax = MAX (bmax, pb);
          }
        if (amax <= bmin + 0.01 || bmax <= amin + 0.01)
          return FALSE;
      }
  return TRUE;
}

static void
check_placement (const MlsRooflineChart *chart, MlsFigureTheme theme, MlsFigurePreset preset)
{
  MlsFigure figure = make_figure (MLS_FIGURE_ROOFLINE, chart, theme, preset);
  g_autoptr (MlsFigureLayout) layout = NULL;
  g_autoptr (GPtrArray) placed = g_ptr_array_new ();
  const MlsRect *area;
  double         w, h;

  mls_figure_get_page_size (&figure, &w, &h);
  layout = mls_figure_compute_layout (&figure, w, h);
  area = &layout->plot_area;

  for (guint i = 0; i < layout->labels->len; i++)
    {
      MlsPlacedLabel *l = &g_array_index (layout->labels, MlsPlacedLabel, i);
      if (l->role != MLS_LABEL_POINT && l->role != MLS_LABEL_ANNOTATION)
        continue;
      g_ptr_array_add (placed, l);
      /* Inside the plot area. */
      if (!mls_rect_contains (area, &l->box))
        g_error ("“%s” (%.1f, %.1f, %.1f × %.1f) leaves the plot area (%.1f, %.1f, %.1f × %.1f)"
                 " [%s, %s]",
                 l->text, l->box.x, l->box.y, l->box.width, l->box.height, area->x, area->y,
                 area->width, area->height, mls_figure_theme_to_string (theme),
                 mls_figure_preset_to_string (preset));
      /* Clear of the legend. */
      if (layout->legend.width > 0 && mls_rect_intersects (&l->box, &layout->legend))
        {
          double         ax[4], ay[4], lx[4], ly[4];
          const MlsRect *g = &layout->legend;
          label_corners (l, ax, ay);
          lx[0] = g->x, ly[0] = g->y, lx[1] = g->x + g->width, ly[1] = g->y;
          lx[2] = g->x + g->width, ly[2] = g->y + g->height, lx[3] = g->x, ly[3] = g->y + g->height;
          if (quads_overlap (ax, ay, lx, ly))
            g_error ("“%s” covers the legend [%s, %s]", l->text, mls_figure_theme_to_string (theme),
                     mls_figure_preset_to_string (preset));
        }
    }

  /* No two labels overlap (rotated labels as the rectangles they are). */
  for (guint i = 0; i < placed->len; i++)
    for (guint j = i + 1; j < placed->len; j++)
      {
        const MlsPlacedLabel *a = placed->pdata[i], *b = placed->pdata[j];
        double                ax[4], ay[4], bx[4], by[4];
        label_corners (a, ax, ay);
        label_corners (b, bx, by);
        if (quads_overlap (ax, ay, bx, by))
          g_error ("“%s” overlaps “%s” [%s, %s]", a->text, b->text,
                   mls_figure_theme_to_string (theme), mls_figure_preset_to_string (preset));
      }

  /* Every workload is labelled. */
  for (guint i = 0; i < chart->n_workloads; i++)
    g_assert_true (has_label_containing (layout, chart->workloads[i].name, MLS_LABEL_POINT));
}

static void
test_crowded_placement (void)
{
  for (MlsFigurePreset p = MLS_FIGURE_PRESET_SLIDE_16_9; p <= MLS_FIGURE_PRESET_PAPER_COLUMN; p++)
    for (MlsFigureTheme t = MLS_FIGURE_THEME_LIGHT; t <= MLS_FIGURE_THEME_PRINT; t++)
      {
        check_placement (&single_chart, t, p);
        check_placement (&cloud_chart, t, p);
        check_placement (&mixed_chart, t, p);
        check_placement (&fleet_chart, t, p);
      }
}

static void
test_legend_values (void)
{
  MlsFigure figure = make_figure (MLS_FIGURE_ROOFLINE, &cloud_chart, MLS_FIGURE_THEME_LIGHT,
                                  MLS_FIGURE_PRESET_SLIDE_16_9);
  g_autoptr (MlsFigureLayout) layout = mls_figure_compute_layout (&figure, 960, 540);

  /* Several devices: their roofs and ridges go in the legend. A100: 2039 GB/s → "2.04 TB/s",
   * 312e12 / 2039e9 = 153.0 → "153 FLOP/B"; B200 2250 TFLOP/s → "2.25 PFLOP/s". */
  g_assert_cmpfloat (layout->legend.width, >, 0);
  g_assert_true (has_label_containing (layout, "A100", MLS_LABEL_LEGEND));
  g_assert_true (has_label_containing (layout, "2.04 TB/s", MLS_LABEL_LEGEND));
  g_assert_true (has_label_containing (layout, "153 FLOP/B", MLS_LABEL_LEGEND));
  g_assert_true (has_label_containing (layout, "2.25 PFLOP/s", MLS_LABEL_LEGEND));
  g_assert_true (has_label_containing (layout, "320 GB/s", MLS_LABEL_LEGEND));
}

/* ---- exports ----------------------------------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

static void
check_png (const char *path, int width, int height, double dpi)
{
  g_autofree char *data = NULL;
  gsize            len;
  cairo_surface_t *surface;
  const char      *phys;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
  /* The resolution is recorded in pixels per metre: dpi / 0.0254. */
  phys = NULL;
  for (gsize i = 8; i + 4 <= len && phys == NULL; i++)
    if (memcmp (data + i, "pHYs", 4) == 0)
      phys = data + i;
  g_assert_nonnull (phys);
  g_assert_cmpuint (read_be32 ((const guint8 *)phys + 4), ==, (guint32)lround (dpi / 0.0254));
  g_assert_cmpint (phys[12], ==, 1);
}

static void
markup_error (GMarkupParseContext *context, GError *error, gpointer user_data)
{
}

static void
check_svg_well_formed (const char *data, gsize len)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, markup_error };
  GMarkupParseContext       *ctx = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  GError                    *error = NULL;
  const char                *start = strstr (data, "<svg");

  /* GMarkup reads the document from its root element. */
  g_assert_nonnull (start);
  g_assert_true (g_markup_parse_context_parse (ctx, start, len - (start - data), &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (ctx, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (ctx);
}

static void
check_pdf (const char *path, double width_pt, double height_pt)
{
  g_autofree char *data = NULL;
  g_autoptr (GRegex) mediabox = g_regex_new (
      "/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]", G_REGEX_RAW, 0, NULL);
  g_autoptr (GRegex) page = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  gsize len;
  guint pages = 0, boxes = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  /* Exactly one page object, and every MediaBox has the page's size. */
  g_regex_match_full (page, data, len, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      pages++;
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_unref);
  g_assert_cmpuint (pages, ==, 1);
  g_regex_match_full (mediabox, data, len, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_autofree char *w = g_match_info_fetch (match, 1);
      g_autofree char *h = g_match_info_fetch (match, 2);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (w, NULL), width_pt, 0.01);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (h, NULL), height_pt, 0.01);
      boxes++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (boxes, >=, 1);
}

static void
test_export_all_kinds (void)
{
  g_autofree char *dir = temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    for (MlsFigureTheme t = MLS_FIGURE_THEME_LIGHT; t <= MLS_FIGURE_THEME_PRINT; t++)
      {
        MlsFigure figure
            = make_figure (samples[i].kind, samples[i].chart, t, MLS_FIGURE_PRESET_SLIDE_16_9);
        g_autofree char *png = g_strdup_printf ("%s/%s-%d.png", dir, samples[i].name, t);
        g_autofree char *svg = g_strdup_printf ("%s/%s-%d.svg", dir, samples[i].name, t);
        g_autofree char *pdf = g_strdup_printf ("%s/%s-%d.PDF", dir, samples[i].name, t);
        g_autofree char *svg_data = NULL;
        GError          *error = NULL;
        gsize            len;

        /* The preset: 1920 × 1080 px at 144 dpi; a 960 × 540 pt page. */
        g_assert_true (mls_figure_export (&figure, png, 0, 0, 0, &error));
        g_assert_no_error (error);
        check_png (png, 1920, 1080, 144);
        g_assert_true (mls_figure_export (&figure, svg, 0, 0, 0, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (svg, &svg_data, &len, NULL));
        check_svg_well_formed (svg_data, len);
        g_assert_nonnull (strstr (svg_data, "width=\"960pt\""));
        g_assert_true (mls_figure_export (&figure, pdf, 0, 0, 0, &error));
        g_assert_no_error (error);
        check_pdf (pdf, 960, 540);
      }
  /* Nothing but the nine files per kind: no temporary file left behind. */
  g_assert_cmpuint (count_files (dir), ==, G_N_ELEMENTS (samples) * 9);
  remove_dir (dir);
}

static void
test_export_sizes (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "a.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "a.pdf", NULL);
  GError          *error = NULL;
  MlsFigure        figure = make_figure (MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_LIGHT,
                                         MLS_FIGURE_PRESET_SLIDE_16_9);

  /* Asked pixels and resolution. */
  g_assert_true (mls_figure_export (&figure, png, 800, 450, 96, &error));
  g_assert_no_error (error);
  check_png (png, 800, 450, 96);
  /* Width alone keeps the preset's 16:9 shape: 1280 × 720. */
  g_assert_true (mls_figure_export (&figure, png, 1280, 0, 0, &error));
  check_png (png, 1280, 720, 96);
  /* 600 dpi for print: 3.5 in × 600 = 2100 px wide. */
  figure = make_figure (MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_PRINT,
                        MLS_FIGURE_PRESET_PAPER_COLUMN);
  g_assert_true (mls_figure_export (&figure, png, 0, 0, 600, &error));
  g_assert_no_error (error);
  check_png (png, 2100, 1575, 600);
  /* The paper column's page: 3.5 × 2.625 in = 252 × 189 pt. */
  g_assert_true (mls_figure_export (&figure, pdf, 0, 0, 0, &error));
  check_pdf (pdf, 252, 189);
  /* 4:3 slide: 10 × 7.5 in = 720 × 540 pt. */
  figure = make_figure (MLS_FIGURE_SCORECARD, &scorecard_chart, MLS_FIGURE_THEME_LIGHT,
                        MLS_FIGURE_PRESET_SLIDE_4_3);
  g_assert_true (mls_figure_export (&figure, pdf, 0, 0, 0, &error));
  check_pdf (pdf, 720, 540);
  g_assert_true (mls_figure_export (&figure, png, 0, 0, 0, &error));
  check_png (png, 1600, 1200, 160);

  /* Nonsense sizes are errors, not crashes. */
  g_assert_false (mls_figure_export (&figure, png, -5, 100, 0, &error));
  g_assert_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_SIZE);
  g_assert_nonnull (strstr (error->message, png));
  g_clear_error (&error);
  g_assert_false (mls_figure_export (&figure, png, 100, 100, 1e9, &error));
  g_assert_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_SIZE);
  g_clear_error (&error);
  remove_dir (dir);
}

static void
test_svg_text (void)
{
  MlsFigure figure = make_figure (MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_LIGHT,
                                  MLS_FIGURE_PRESET_SLIDE_16_9);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *svg = NULL;
  GError          *error = NULL;
  gsize            len;

  bytes = mls_figure_export_to_bytes (&figure, MLS_FIGURE_FORMAT_SVG, 0, 0, 0, &error);
  g_assert_no_error (error);
  svg = g_strndup (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  /* cairo draws glyphs; the text layer carries the words, searchable and selectable. */
  g_assert_nonnull (strstr (svg, "<title>Roofline: H100</title>"));
  g_assert_nonnull (strstr (svg, ">Arithmetic intensity (FLOP/byte)</text>"));
  g_assert_nonnull (strstr (svg, ">Attainable performance (TFLOP/s)</text>"));
  g_assert_nonnull (strstr (svg, ">Ridge 295 FLOP/B</text>"));
  g_assert_nonnull (strstr (svg, ">Compute 989 TFLOP/s</text>"));
  g_assert_nonnull (strstr (svg, ">Memory 3.35 TB/s</text>"));
  for (guint i = 0; i < G_N_ELEMENTS (single_workloads); i++)
    {
      g_autofree char *needle = g_strdup_printf (">%s</text>", single_workloads[i].name);
      g_assert_nonnull (strstr (svg, needle));
    }
  /* The y axis title is rotated a quarter turn. */
  g_assert_nonnull (strstr (svg, "rotate(-90.00"));
  check_svg_well_formed (svg, len);
}

static void
test_export_errors (void)
{
  g_autofree char  *dir = temp_dir ();
  g_autofree char  *missing = g_build_filename (dir, "no", "such", "dir", "out.png", NULL);
  g_autofree char  *txt = g_build_filename (dir, "out.txt", NULL);
  g_autofree char  *keep = g_build_filename (dir, "keep.png", NULL);
  g_autofree char  *contents = NULL;
  MlsRooflineDevice broken[] = { { "Broken", 989e12, 0 } };
  MlsRooflineChart  bad = { .devices = broken, .n_devices = 1 };
  MlsFigure figure = make_figure (MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_LIGHT,
                                  MLS_FIGURE_PRESET_SLIDE_16_9);
  GError   *error = NULL;

  /* A directory that does not exist: an error naming the file, and nothing written. */
  g_assert_false (mls_figure_export (&figure, missing, 0, 0, 0, &error));
  g_assert_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* An unknown extension. */
  g_assert_false (mls_figure_export (&figure, txt, 0, 0, 0, &error));
  g_assert_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, txt));
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  /* A failed export leaves the previous file as it was, and no temporary file. */
  g_assert_true (g_file_set_contents (keep, "old figure", -1, NULL));
  figure = make_figure (MLS_FIGURE_ROOFLINE, &bad, MLS_FIGURE_THEME_LIGHT,
                        MLS_FIGURE_PRESET_SLIDE_16_9);
  g_assert_false (mls_figure_export (&figure, keep, 0, 0, 0, &error));
  g_assert_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, keep));
  g_assert_nonnull (strstr (error->message, "Broken"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (keep, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old figure");
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Drawing the bad chart anyway shows the message instead of crashing. */
  {
    g_autoptr (MlsFigureLayout) layout = mls_figure_compute_layout (&figure, 960, 540);
    g_assert_true (has_label_containing (layout, "Broken", MLS_LABEL_TEXT));
  }
  remove_dir (dir);
}

static void
test_draw_any_surface (void)
{
  /* The app draws into its widget: any cairo_t, any size, already transformed. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 300);
  cairo_t         *cr = cairo_create (surface);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      MlsFigure figure = make_figure (samples[i].kind, samples[i].chart, MLS_FIGURE_THEME_DARK,
                                      MLS_FIGURE_PRESET_CUSTOM);
      MlsFigureLayout *layout;
      cairo_save (cr);
      cairo_translate (cr, 10, 10);
      layout = mls_figure_draw (&figure, cr, 480, 280);
      cairo_restore (cr);
      g_assert_nonnull (layout);
      g_assert_cmpfloat (layout->width, ==, 480);
      g_assert_cmpuint (layout->labels->len, >, 0);
      mls_figure_layout_free (layout);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- references ------------------------------------------------------------------------ */

typedef struct
{
  const char     *file;
  MlsFigureKind   kind;
  gconstpointer   chart;
  MlsFigureTheme  theme;
  MlsFigurePreset preset;
} Reference;

static const Reference references[] = {
  { "roofline-light.png", MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_LIGHT },
  { "roofline-dark.png", MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_DARK },
  { "roofline-print.png", MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_PRINT },
  { "roofline-paper.png", MLS_FIGURE_ROOFLINE, &single_chart, MLS_FIGURE_THEME_PRINT,
    MLS_FIGURE_PRESET_PAPER_COLUMN },
  { "roofline-overlay.png", MLS_FIGURE_ROOFLINE, &cloud_chart, MLS_FIGURE_THEME_LIGHT },
  { "roofline-mixed-dark.png", MLS_FIGURE_ROOFLINE, &mixed_chart, MLS_FIGURE_THEME_DARK },
  { "roofline-network.png", MLS_FIGURE_ROOFLINE, &fleet_chart, MLS_FIGURE_THEME_LIGHT },
  { "scorecard.png", MLS_FIGURE_SCORECARD, &scorecard_chart, MLS_FIGURE_THEME_LIGHT },
  { "sweep-print.png", MLS_FIGURE_SWEEP, &sweep_chart, MLS_FIGURE_THEME_PRINT },
  { "pareto.png", MLS_FIGURE_PARETO, &pareto_chart, MLS_FIGURE_THEME_LIGHT },
  { "tornado-dark.png", MLS_FIGURE_TORNADO, &tornado_chart, MLS_FIGURE_THEME_DARK },
  { "memory.png", MLS_FIGURE_MEMORY, &memory_chart, MLS_FIGURE_THEME_LIGHT },
};

static cairo_status_t
read_bytes (void *closure, unsigned char *data, unsigned int length)
{
  GInputStream *in = closure;

  return g_input_stream_read_all (in, data, length, NULL, NULL, NULL) ? CAIRO_STATUS_SUCCESS
                                                                      : CAIRO_STATUS_READ_ERROR;
}

/* Mean absolute difference per channel (0–255) over all pixels. */
static double
mean_difference (cairo_surface_t *a, cairo_surface_t *b)
{
  int           w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int           sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guint8 *da, *db;
  double        sum = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 4; x++)
      sum += abs ((int)da[y * sa + x] - (int)db[y * sb + x]);
  return sum / ((double)w * h * 4);
}

static void
test_reference_images (void)
{
  const char *data_dir = g_getenv ("MLSYSIM_TEST_DATA");
  gboolean    update = g_strcmp0 (g_getenv ("MLSYSIM_UPDATE_REFERENCES"), "1") == 0;

  if (data_dir == NULL)
    {
      g_test_skip ("MLSYSIM_TEST_DATA is not set");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      const Reference *r = &references[i];
      MlsFigure        figure = make_figure (r->kind, r->chart, r->theme, r->preset);
      g_autofree char *path = g_build_filename (data_dir, "render", r->file, NULL);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GInputStream) in = NULL;
      cairo_surface_t *got, *want;
      GError          *error = NULL;
      double           diff;

      /* Half the preset's resolution keeps the references small: 960 × 540 for a slide. */
      if (r->preset == MLS_FIGURE_PRESET_PAPER_COLUMN)
        bytes = mls_figure_export_to_bytes (&figure, MLS_FIGURE_FORMAT_PNG, 0, 0, 150, &error);
      else
        bytes = mls_figure_export_to_bytes (&figure, MLS_FIGURE_FORMAT_PNG, 960, 0, 0, &error);
      g_assert_no_error (error);
      if (update)
        {
          g_autofree char *dir = g_path_get_dirname (path);
          g_mkdir_with_parents (dir, 0755);
          g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes), NULL));
          continue;
        }
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("Reference %s is missing; run with MLSYSIM_UPDATE_REFERENCES=1 and look at it",
                 path);
      in = g_memory_input_stream_new_from_bytes (bytes);
      got = cairo_image_surface_create_from_png_stream (read_bytes, in);
      want = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (want), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (got), ==,
                       cairo_image_surface_get_width (want));
      g_assert_cmpint (cairo_image_surface_get_height (got), ==,
                       cairo_image_surface_get_height (want));
      diff = mean_difference (got, want);
      /* Font rasterisation may shift by a hair between library versions; a layout change
       * moves whole labels and costs several units. */
      if (diff > 1.5)
        g_error ("%s differs from its reference by %.2f per channel (limit 1.5)", r->file, diff);
      cairo_surface_destroy (got);
      cairo_surface_destroy (want);
    }
}

/* ---- the registry ------------------------------------------------------------------------ */

static void
test_chart_from_registry (void)
{
  GError             *error = NULL;
  MlsRegistry        *registry = mls_registry_get_default (&error);
  MlsRooflineChart    chart = { 0 };
  MlsComputationGraph graph;
  MlsEntry           *h100_entry, *esp32, *llama;

  g_assert_no_error (error);
  h100_entry = mls_registry_lookup (registry, "hardware", "H100", &error);
  g_assert_no_error (error);
  esp32 = mls_registry_lookup (registry, "hardware", "ESP32_S3", &error);
  g_assert_no_error (error);
  llama = mls_registry_lookup (registry, "models", "Llama3_8B", &error);
  g_assert_no_error (error);

  g_assert_true (mls_roofline_chart_add_hardware (
      &chart, MLS_HARDWARE_NODE (h100_entry), MLS_PRECISION_FP16, MLS_ROOFLINE_ROOFS_NONE, &error));
  g_assert_no_error (error);
  /* The datasheet: 989 TFLOP/s dense FP16, 3.35 TB/s HBM3. */
  g_assert_cmpuint (chart.n_devices, ==, 1);
  g_assert_cmpfloat_with_epsilon (chart.devices[0].peak_flops, 989e12, 1e6);
  g_assert_cmpfloat_with_epsilon (chart.devices[0].bandwidth, 3.35e12, 1e6);

  /* ESP32-S3 with its SRAM roof, 0.96 GB/s next to 0.08 GB/s of flash-backed memory. */
  g_assert_true (mls_roofline_chart_add_hardware (
      &chart, MLS_HARDWARE_NODE (esp32), MLS_PRECISION_INT8, MLS_ROOFLINE_ROOFS_SRAM, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (chart.n_devices, ==, 2);
  g_assert_cmpuint (chart.devices[1].n_roofs, ==, 1);
  g_assert_cmpfloat_with_epsilon (chart.devices[1].roofs[0].bandwidth, 0.96e9, 1e3);

  /* Llama3-8B at FP16: 2 FLOP and 2 B per parameter, 1 FLOP/B per token; batch 32 shares
   * each weight read, 32 FLOP/B. */
  g_assert_true (mls_workload_lower (MLS_WORKLOAD (llama), MLS_PRECISION_FP16, &graph, &error));
  g_assert_no_error (error);
  g_assert_true (
      mls_roofline_chart_add_graph (&chart, "Llama3-8B decode, batch 1", &graph, 1, 0, &error));
  g_assert_true (
      mls_roofline_chart_add_graph (&chart, "Llama3-8B decode, batch 32", &graph, 32, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (chart.n_workloads, ==, 2);
  g_assert_cmpfloat_with_epsilon (chart.workloads[0].intensity, 1.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (chart.workloads[1].intensity, 32.0, 1e-4);
  g_assert_false (mls_roofline_chart_add_graph (&chart, "x", &graph, 1, 7, &error));
  g_assert_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_DATA);
  g_clear_error (&error);

  {
    MlsFigure figure = make_figure (MLS_FIGURE_ROOFLINE, &chart, MLS_FIGURE_THEME_LIGHT,
                                    MLS_FIGURE_PRESET_SLIDE_16_9);
    g_autoptr (MlsFigureLayout) layout = mls_figure_compute_layout (&figure, 960, 540);
    g_assert_true (has_label_containing (layout, "(FP16)", MLS_LABEL_LEGEND));
    g_assert_true (has_label_containing (layout, "Llama3-8B decode, batch 32", MLS_LABEL_POINT));
  }
  mls_roofline_chart_clear (&chart);
  g_assert_cmpuint (chart.n_devices, ==, 0);
  g_assert_null (chart.devices);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/roofline/ridge-points", test_ridge_points);
  g_test_add_func ("/render/style/presets", test_presets);
  g_test_add_func ("/render/pareto/front", test_pareto_front);
  g_test_add_func ("/render/roofline/labels", test_roofline_labels);
  g_test_add_func ("/render/roofline/network-labels", test_network_labels);
  g_test_add_func ("/render/roofline/legend-values", test_legend_values);
  g_test_add_func ("/render/roofline/fixed-range", test_fixed_range);
  g_test_add_func ("/render/labels/crowded-placement", test_crowded_placement);
  g_test_add_func ("/render/export/all-kinds", test_export_all_kinds);
  g_test_add_func ("/render/export/sizes", test_export_sizes);
  g_test_add_func ("/render/export/svg-text", test_svg_text);
  g_test_add_func ("/render/export/errors", test_export_errors);
  g_test_add_func ("/render/draw/any-surface", test_draw_any_surface);
  g_test_add_func ("/render/reference-images", test_reference_images);
  g_test_add_func ("/render/data/from-registry", test_chart_from_registry);

  return g_test_run ();
}
