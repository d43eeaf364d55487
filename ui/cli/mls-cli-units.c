/* mls-cli-units.c — `mlsysim units EXPRESSION [UNIT]`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mls-cli.h"

static void
print_json (const MlsQuantity *q,
            const char        *unit,
            double             value,
            const char        *expression)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = unit ? mls_quantity_format_in (q, unit, 15, NULL)
                               : mls_quantity_to_string (q);
  g_autofree char *base = mls_quantity_dimension_symbol (q);
  g_autofree char *kind = mls_quantity_describe_dimension (q);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "expression");
  json_builder_add_string_value (b, expression);
  json_builder_set_member_name (b, "result");
  json_builder_add_string_value (b, text);
  json_builder_set_member_name (b, "value");
  json_builder_add_double_value (b, value);
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, unit ? unit : base);
  json_builder_set_member_name (b, "base_value");
  json_builder_add_double_value (b, q->value);
  json_builder_set_member_name (b, "base_unit");
  json_builder_add_string_value (b, base);
  json_builder_set_member_name (b, "dimension");
  json_builder_add_string_value (b, kind);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  mls_cli_print_json (root);
}

int
mls_cli_units (MlsCli *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int digits = 6;
  GOptionEntry entries[] = {
    { "digits", 'd', 0, G_OPTION_ARG_INT, &digits,
      N_("Significant digits to print (default 6)"), N_("N") },
    { NULL },
  };
  MlsQuantity q;
  const char *unit;
  double value;

  context = mls_cli_option_context (cli, entries);
  g_option_context_set_description (context,
    _("Examples:\n"
      "  mlsysim units \"400 Gbps\" GB/s\n"
      "  mlsysim units \"989 TFLOP/s / 3.35 TB/s\"\n"
      "  mlsysim units \"700 W * 24 h\" kWh\n\n"
      "Output formats: text, json.\n"));
  if (!mls_cli_parse_options (cli, context, &argc, &argv))
    return MLS_EXIT_BAD_INPUT;
  if (argc < 2 || argc > 3)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("Expected an expression and an optional unit, for example: "
                           "mlsysim units \"400 Gbps\" GB/s"));
  if (digits < 1 || digits > 17)
    return mls_cli_fail (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"),
                         _("--digits must be between 1 and 17"));

  if (!mls_quantity_evaluate (argv[1], &q, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);

  unit = argc == 3 ? argv[2] : NULL;
  value = q.value;
  if (unit != NULL && !mls_quantity_convert (&q, unit, &value, &error))
    return mls_cli_fail_error (cli, MLS_EXIT_BAD_INPUT, _("Bad Input"), error);

  if (cli->format == MLS_FORMAT_JSON)
    print_json (&q, unit, value, argv[1]);
  else
    {
      g_autofree char *text = unit ? mls_quantity_format_in (&q, unit, digits, NULL)
                                   : mls_quantity_format (&q, digits);
      g_print ("%s\n", text);
    }
  return MLS_EXIT_OK;
}
