/* test-atomic-write.c — saving a plan or exporting a figure where it cannot be written
 *
 * DESIGN.md: "no user file is ever overwritten half-written (write atomically)". Each case
 * writes a good file first, then tries to replace it where the write must fail — a path under
 * a regular file, a path under /proc, a directory that cannot take new files, a disk that is
 * full — and checks that the call fails with an error naming the file, that the old contents
 * are still there byte for byte, and that no temporary file is left behind.
 *
 * The tests run as root in CI, where permission bits do not stop a write: a read-only
 * directory is made with the immutable attribute there (chmod 0555 otherwise), and a full disk
 * with RLIMIT_FSIZE, which fails a write with EFBIG the way ENOSPC would.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <mlsysim.h>
#include <mls-render.h>

#define OLD_CONTENTS "# the old file, which must survive\n"

/* ---- what is written ------------------------------------------------------------------- */

static MlsRegistry *
registry (void)
{
  g_autoptr(GError) error = NULL;
  MlsRegistry *r = mls_registry_get_default (&error);

  g_assert_no_error (error);
  return r;
}

static MlsScenario *
load_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("MLSYSIM_TEST_DATA"), "plans",
                                            "test_plan.yaml", NULL);
  MlsScenario *scenario = mls_plan_load_file (path, registry (), &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

static const MlsScorecardBar bars[] = {
  { "Memory (RAM)", 0.72, "61.9 GB of 85.9 GB" },
};

static void
init_figure (MlsFigure         *figure,
             MlsFigureStyle    *style,
             MlsScorecardChart *chart)
{
  memset (chart, 0, sizeof *chart);
  chart->scenario = "atomic writes";
  chart->bars = bars;
  chart->n_bars = G_N_ELEMENTS (bars);
  mls_figure_style_init (style, MLS_FIGURE_THEME_LIGHT, MLS_FIGURE_PRESET_SLIDE_16_9);
  mls_figure_init (figure, MLS_FIGURE_SCORECARD, chart, style);
}

/* Writes with the kind of writer a test case names: "plan" or "png"/"svg"/"pdf". */
static gboolean
write_file (const char *kind,
            const char *path,
            GError    **error)
{
  if (g_str_equal (kind, "plan"))
    {
      g_autoptr(MlsScenario) scenario = load_plan ();
      return mls_plan_save_file (scenario, path, registry (), error);
    }
  else
    {
      MlsFigure figure;
      MlsFigureStyle style;
      MlsScorecardChart chart;

      init_figure (&figure, &style, &chart);
      return mls_figure_export (&figure, path, 320, 200, 72, error);
    }
}

static const char *
file_name (const char *kind)
{
  if (g_str_equal (kind, "plan"))
    return "mlsys.yaml";
  if (g_str_equal (kind, "png"))
    return "figure.png";
  if (g_str_equal (kind, "svg"))
    return "figure.svg";
  return "figure.pdf";
}

/* ---- helpers --------------------------------------------------------------------------- */

static char *
make_dir_with_old_file (char **out_path,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mlsysim-atomic-XXXXXX", &error);

  g_assert_no_error (error);
  *out_path = g_build_filename (dir, name, NULL);
  g_file_set_contents (*out_path, OLD_CONTENTS, -1, &error);
  g_assert_no_error (error);
  return dir;
}

static void
assert_old_file_intact (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
}

/* Nothing but @expected (a file name, or NULL for an empty directory) in @dir. */
static void
assert_no_leftovers (const char *dir,
                     const char *expected)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_assert_cmpstr (name, ==, expected);
      n++;
    }
  g_assert_cmpuint (n, ==, expected != NULL ? 1 : 0);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
assert_write_error (const GError *error,
                    const char   *kind,
                    const char   *path)
{
  g_assert_nonnull (error);
  if (g_str_equal (kind, "plan"))
    g_assert_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_IO);
  else
    g_assert_error (error, MLS_FIGURE_ERROR, MLS_FIGURE_ERROR_WRITE);
  /* the message says which file, so that a user can act on it */
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name %s", error->message, path);
}

/* ---- cases ----------------------------------------------------------------------------- */

/* A good write replaces the old file and leaves nothing else behind. */
static void
test_replaces (gconstpointer data)
{
  const char *kind = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = make_dir_with_old_file (&path, file_name (kind));
  g_autofree char *contents = NULL;

  g_assert_true (write_file (kind, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, !=, OLD_CONTENTS);
  assert_no_leftovers (dir, file_name (kind));
  remove_dir (dir);
}

/* "DIR/regular-file/name": the directory is a file (ENOTDIR). */
static void
test_under_a_file (gconstpointer data)
{
  const char *kind = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *dir = make_dir_with_old_file (&file, "not-a-directory");
  g_autofree char *path = g_build_filename (file, file_name (kind), NULL);

  g_assert_false (write_file (kind, path, &error));
  assert_write_error (error, kind, path);
  assert_old_file_intact (file);
  assert_no_leftovers (dir, "not-a-directory");
  remove_dir (dir);
}

/* /proc takes no new files, even from root. */
static void
test_under_proc (gconstpointer data)
{
  const char *kind = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename ("/proc", file_name (kind), NULL);

  if (!g_file_test ("/proc/self", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no /proc");
      return;
    }
  g_assert_false (write_file (kind, path, &error));
  assert_write_error (error, kind, path);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Makes @dir refuse new entries and renames: the immutable attribute for root (who ignores
 * permission bits), mode 0555 for anyone else. Returns FALSE if neither is possible here. */
static gboolean
set_read_only (const char *dir,
               gboolean    read_only)
{
  if (geteuid () != 0)
    return g_chmod (dir, read_only ? 0555 : 0755) == 0;

  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = read_only ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);
  return ok;
}

static void
test_read_only_dir (gconstpointer data)
{
  const char *kind = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = make_dir_with_old_file (&path, file_name (kind));
  gboolean written;

  if (!set_read_only (dir, TRUE))
    {
      remove_dir (dir);
      g_test_skip ("this file system cannot make a directory read-only for this user");
      return;
    }
  written = write_file (kind, path, &error);
  /* undo before asserting, so that a failure leaves no undeletable directory behind */
  g_assert_true (set_read_only (dir, FALSE));

  g_assert_false (written);
  assert_write_error (error, kind, path);
  assert_old_file_intact (path);
  assert_no_leftovers (dir, file_name (kind));
  remove_dir (dir);
}

/* A full disk, simulated with a file size limit of a few bytes (EFBIG on write). Runs in a
 * subprocess so that the limit does not outlive the test. */
static void
test_disk_full (gconstpointer data)
{
  const char *kind = data;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      g_autofree char *dir = make_dir_with_old_file (&path, file_name (kind));
      struct rlimit limit = { 16, 16 };
      gboolean written;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      written = write_file (kind, path, &error);
      g_assert_false (written);
      assert_write_error (error, kind, path);
      assert_old_file_intact (path);
      assert_no_leftovers (dir, file_name (kind));
      remove_dir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  static const char * const kinds[] = { "plan", "png", "svg", "pdf" };
  static const struct
  {
    const char    *name;
    GTestDataFunc  func;
  } cases[] = {
    { "replaces", test_replaces },
    { "under-a-file", test_under_a_file },
    { "under-proc", test_under_proc },
    { "read-only-dir", test_read_only_dir },
    { "disk-full", test_disk_full },
  };

  g_setenv ("MLSYSIM_NO_USER_DIRS", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autofree char *path = g_strdup_printf ("/atomic-write/%s/%s", kinds[k], cases[c].name);
        g_test_add_data_func (path, kinds[k], cases[c].func);
      }
  return g_test_run ();
}
