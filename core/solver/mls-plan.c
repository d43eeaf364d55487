/* mls-plan.c — the YAML plan format (`mlsys.yaml`): scenarios as files
 *
 * The schema is the reference's newest one (inventory §17), strict as its `extra=forbid`:
 *
 *   version: str (required)          name: str (required)
 *   workload: {name (required), batch_size, seq_len, training}
 *   hardware: {name (required), nodes, accelerators, accelerators_per_node, intra_node_bw,
 *              fabric_bandwidth, precision, efficiency, fleet}
 *   parallelism: {tp, pp, ep, microbatches, v_stages, zero_stage, activation_recompute}
 *   ops: {region, duration_days}
 *   constraints: {sla_latency, power_budget, assert: [{metric, min, max}]}
 *   parameters: {solver.parameter: value}
 *
 * `hardware.nodes` counts accelerators, as in the reference (the name is historical), and
 * `hardware.accelerators` — which the reference's README and examples use — is accepted as
 * its alias. `workload.training`, `hardware.fleet`, `parallelism`, `constraints.sla_latency`,
 * `constraints.power_budget` and `parameters` extend the reference's schema so that every
 * scenario mlsysim can express round-trips through a file.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <yaml.h>

#include "mlsysim.h"
#include "mls-network-fabric.h"
#include "mls-node.h"

G_DEFINE_QUARK (mls-plan-error-quark, mls_plan_error)

typedef enum
{
  T_STRING,
  T_COUNT,    /* a whole number ≥ 1 */
  T_INTEGER,  /* a whole number ≥ 0 */
  T_NUMBER,
  T_BOOLEAN,
  T_QUANTITY, /* a string with units of Field.unit */
  T_SCALAR,   /* a number or a quantity string (solver parameters) */
  T_MAP,
  T_ANY_MAP,  /* a map with free keys (parameters) */
  T_LIST,
} FieldType;

typedef struct
{
  const char *key;
  FieldType   type;
  gboolean    required;
  const char *unit;
} Field;

enum { ROOT_VERSION, ROOT_NAME, ROOT_WORKLOAD, ROOT_HARDWARE, ROOT_PARALLELISM, ROOT_OPS,
       ROOT_CONSTRAINTS, ROOT_PARAMETERS, N_ROOT };
static const Field root_fields[N_ROOT] = {
  [ROOT_VERSION] = { "version", T_STRING, TRUE },
  [ROOT_NAME] = { "name", T_STRING, TRUE },
  [ROOT_WORKLOAD] = { "workload", T_MAP, TRUE },
  [ROOT_HARDWARE] = { "hardware", T_MAP, TRUE },
  [ROOT_PARALLELISM] = { "parallelism", T_MAP, FALSE },
  [ROOT_OPS] = { "ops", T_MAP, FALSE },
  [ROOT_CONSTRAINTS] = { "constraints", T_MAP, FALSE },
  [ROOT_PARAMETERS] = { "parameters", T_ANY_MAP, FALSE },
};

enum { WL_NAME, WL_BATCH_SIZE, WL_SEQ_LEN, WL_TRAINING, N_WL };
static const Field workload_fields[N_WL] = {
  [WL_NAME] = { "name", T_STRING, TRUE },
  [WL_BATCH_SIZE] = { "batch_size", T_COUNT },
  [WL_SEQ_LEN] = { "seq_len", T_COUNT },
  [WL_TRAINING] = { "training", T_BOOLEAN },
};

enum { HW_NAME, HW_NODES, HW_ACCELERATORS, HW_APN, HW_INTRA_BW, HW_FABRIC_BW, HW_PRECISION,
       HW_EFFICIENCY, HW_FLEET, N_HW };
static const Field hardware_fields[N_HW] = {
  [HW_NAME] = { "name", T_STRING, FALSE }, /* required unless `fleet` names a cluster */
  [HW_NODES] = { "nodes", T_COUNT },
  [HW_ACCELERATORS] = { "accelerators", T_COUNT },
  [HW_APN] = { "accelerators_per_node", T_COUNT },
  [HW_INTRA_BW] = { "intra_node_bw", T_QUANTITY, FALSE, "GB/s" },
  [HW_FABRIC_BW] = { "fabric_bandwidth", T_QUANTITY, FALSE, "GB/s" },
  [HW_PRECISION] = { "precision", T_STRING },
  [HW_EFFICIENCY] = { "efficiency", T_NUMBER },
  [HW_FLEET] = { "fleet", T_STRING },
};

enum { PAR_TP, PAR_PP, PAR_EP, PAR_MICROBATCHES, PAR_V_STAGES, PAR_ZERO_STAGE, PAR_RECOMPUTE,
       N_PAR };
static const Field parallelism_fields[N_PAR] = {
  [PAR_TP] = { "tp", T_COUNT },
  [PAR_PP] = { "pp", T_COUNT },
  [PAR_EP] = { "ep", T_COUNT },
  [PAR_MICROBATCHES] = { "microbatches", T_COUNT },
  [PAR_V_STAGES] = { "v_stages", T_COUNT },
  [PAR_ZERO_STAGE] = { "zero_stage", T_INTEGER },
  [PAR_RECOMPUTE] = { "activation_recompute", T_BOOLEAN },
};
static const MlsKnob parallelism_knobs[PAR_RECOMPUTE] = {
  MLS_KNOB_TP, MLS_KNOB_PP, MLS_KNOB_EP, MLS_KNOB_MICROBATCHES, MLS_KNOB_V_STAGES,
  MLS_KNOB_ZERO_STAGE,
};

enum { OPS_REGION, OPS_DURATION, N_OPS };
static const Field ops_fields[N_OPS] = {
  [OPS_REGION] = { "region", T_STRING },
  [OPS_DURATION] = { "duration_days", T_NUMBER },
};

enum { CON_ASSERT, CON_SLA_LATENCY, CON_POWER_BUDGET, N_CON };
static const Field constraints_fields[N_CON] = {
  [CON_ASSERT] = { "assert", T_LIST },
  [CON_SLA_LATENCY] = { "sla_latency", T_QUANTITY, FALSE, "ms" },
  [CON_POWER_BUDGET] = { "power_budget", T_QUANTITY, FALSE, "W" },
};

enum { AS_METRIC, AS_MIN, AS_MAX, N_AS };
static const Field assert_fields[N_AS] = {
  [AS_METRIC] = { "metric", T_STRING, TRUE },
  [AS_MIN] = { "min", T_NUMBER },
  [AS_MAX] = { "max", T_NUMBER },
};

typedef struct
{
  const char      *origin;
  yaml_document_t *doc;
  MlsRegistry     *registry;
} Loader;

/* --- errors ------------------------------------------------------------------------------ */

static gboolean fail (Loader      *l,
                      yaml_node_t *node,
                      int          code,
                      GError     **error,
                      const char  *format,
                      ...) G_GNUC_PRINTF (5, 6);

/* Every message about a file starts with where: origin:line:column (1-based). */
static gboolean
fail (Loader      *l,
      yaml_node_t *node,
      int          code,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (node != NULL)
    g_set_error (error, MLS_PLAN_ERROR, code, "%s:%lu:%lu: %s", l->origin,
                 (gulong) node->start_mark.line + 1, (gulong) node->start_mark.column + 1,
                 message);
  else
    g_set_error (error, MLS_PLAN_ERROR, code, "%s: %s", l->origin, message);
  return FALSE;
}

static gboolean
fail_with (Loader       *l,
           yaml_node_t  *node,
           int           code,
           const char   *path,
           const GError *cause,
           GError      **error)
{
  return fail (l, node, code, error, "%s: %s", path, cause->message);
}

static char *
join_path (const char *section,
           const char *key)
{
  return section != NULL && *section != '\0' ? g_strconcat (section, ".", key, NULL)
                                             : g_strdup (key);
}

/* --- scalars ----------------------------------------------------------------------------- */

static const char *
scalar_text (yaml_node_t *node)
{
  return (const char *) node->data.scalar.value;
}

static gboolean
is_null (yaml_node_t *node)
{
  const char *v;

  if (node == NULL)
    return TRUE;
  if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  v = scalar_text (node);
  return *v == '\0' || strcmp (v, "~") == 0 || strcmp (v, "null") == 0 ||
         strcmp (v, "Null") == 0 || strcmp (v, "NULL") == 0;
}

static const char *
node_kind (yaml_node_t *node)
{
  switch (node->type)
    {
    case YAML_MAPPING_NODE:
      return _("a mapping");
    case YAML_SEQUENCE_NODE:
      return _("a list");
    case YAML_SCALAR_NODE:
    case YAML_NO_NODE:
    default:
      return _("a scalar");
    }
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;
  double v;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
expect_scalar (Loader      *l,
               yaml_node_t *node,
               const char  *path,
               const char  *what,
               GError     **error)
{
  if (node->type == YAML_SCALAR_NODE)
    return TRUE;
  return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error, _("%s must be %s; got %s"), path, what,
               node_kind (node));
}

static gboolean
get_string (Loader      *l,
            yaml_node_t *node,
            const char  *path,
            const char **out,
            GError     **error)
{
  if (!expect_scalar (l, node, path, _("a string"), error))
    return FALSE;
  if (*scalar_text (node) == '\0')
    return fail (l, node, MLS_PLAN_ERROR_VALUE, error, _("%s must not be empty"), path);
  *out = scalar_text (node);
  return TRUE;
}

static gboolean
get_number (Loader      *l,
            yaml_node_t *node,
            const char  *path,
            double      *out,
            GError     **error)
{
  if (!expect_scalar (l, node, path, _("a number"), error))
    return FALSE;
  if (!parse_double (scalar_text (node), out))
    return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error, _("%s must be a number; got “%s”"),
                 path, scalar_text (node));
  return TRUE;
}

static gboolean
get_whole (Loader      *l,
           yaml_node_t *node,
           const char  *path,
           double       minimum,
           guint       *out,
           GError     **error)
{
  double v;

  if (!expect_scalar (l, node, path, _("a whole number"), error))
    return FALSE;
  if (!parse_double (scalar_text (node), &v) || v != floor (v))
    return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error, _("%s must be a whole number; got “%s”"),
                 path, scalar_text (node));
  if (v < minimum || v > G_MAXUINT32)
    return fail (l, node, MLS_PLAN_ERROR_VALUE, error,
                 minimum > 0 ? _("%s must be greater than 0; got %s")
                             : _("%s must not be negative; got %s"),
                 path, scalar_text (node));
  *out = (guint) v;
  return TRUE;
}

static gboolean
get_boolean (Loader      *l,
             yaml_node_t *node,
             const char  *path,
             gboolean    *out,
             GError     **error)
{
  static const char * const yes[] = { "true", "yes", "on", NULL };
  static const char * const no[] = { "false", "no", "off", NULL };

  if (!expect_scalar (l, node, path, _("true or false"), error))
    return FALSE;
  for (guint i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (scalar_text (node), yes[i]) == 0)
      {
        *out = TRUE;
        return TRUE;
      }
  for (guint i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (scalar_text (node), no[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error, _("%s must be true or false; got “%s”"),
               path, scalar_text (node));
}

static gboolean
get_quantity (Loader      *l,
              yaml_node_t *node,
              const char  *path,
              const char  *unit,
              MlsQuantity *out,
              GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!expect_scalar (l, node, path, _("a quantity with units"), error))
    return FALSE;
  if (!mls_quantity_parse (scalar_text (node), out, &local))
    return fail_with (l, node, MLS_PLAN_ERROR_VALUE, path, local, error);
  if (!mls_quantity_check_dimension (out, unit, path, &local))
    return fail (l, node, MLS_PLAN_ERROR_VALUE, error, "%s", local->message);
  if (out->value <= 0)
    return fail (l, node, MLS_PLAN_ERROR_VALUE, error, _("%s must be greater than 0; got %s"),
                 path, scalar_text (node));
  return TRUE;
}

/* --- mappings ---------------------------------------------------------------------------- */

static char *
list_keys (const Field *fields,
           guint        n_fields)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", fields[i].key);
  return g_string_free (s, FALSE);
}

/* Matches a mapping against its fields: every key known and given once, every required key
 * present with a value. found[i] receives the value of fields[i], NULL when absent or null. */
static gboolean
read_mapping (Loader       *l,
              yaml_node_t  *node,
              const char   *section,
              const Field  *fields,
              guint         n_fields,
              yaml_node_t **found,
              GError      **error)
{
  gboolean seen[32] = { FALSE };

  g_assert (n_fields <= G_N_ELEMENTS (seen));
  memset (found, 0, n_fields * sizeof *found);

  if (node->type != YAML_MAPPING_NODE)
    {
      if (section == NULL)
        return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error,
                     _("a plan must be a mapping with the keys %s; got %s"), "version, name, "
                     "workload, hardware, ops, constraints", node_kind (node));
      return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error, _("%s must be a mapping; got %s"),
                   section, node_kind (node));
    }

  for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
       pair < node->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key = yaml_document_get_node (l->doc, pair->key);
      yaml_node_t *value = yaml_document_get_node (l->doc, pair->value);
      const char *name;
      guint i;

      if (key->type != YAML_SCALAR_NODE)
        return fail (l, key, MLS_PLAN_ERROR_SCHEMA, error, _("keys must be plain names; got %s"),
                     node_kind (key));
      name = scalar_text (key);
      for (i = 0; i < n_fields; i++)
        if (strcmp (fields[i].key, name) == 0)
          break;
      if (i == n_fields)
        {
          g_autofree char *path = join_path (section, name);
          g_autofree char *valid = list_keys (fields, n_fields);
          const char *names[33];
          g_auto(GStrv) near = NULL;

          for (guint j = 0; j < n_fields; j++)
            names[j] = fields[j].key;
          names[n_fields] = NULL;
          near = mls_suggest_nearest (name, names, 1);
          if (near[0] != NULL)
            return fail (l, key, MLS_PLAN_ERROR_SCHEMA, error,
                         _("unknown key “%s”; did you mean “%s”? Valid keys%s%s: %s"), path,
                         near[0], section ? _(" in ") : "", section ? section : "", valid);
          return fail (l, key, MLS_PLAN_ERROR_SCHEMA, error,
                       _("unknown key “%s”. Valid keys%s%s: %s"), path,
                       section ? _(" in ") : "", section ? section : "", valid);
        }
      if (seen[i])
        {
          g_autofree char *path = join_path (section, name);
          return fail (l, key, MLS_PLAN_ERROR_SCHEMA, error, _("%s is given twice"), path);
        }
      seen[i] = TRUE;
      found[i] = is_null (value) ? NULL : value;
      if (found[i] != NULL)
        {
          FieldType t = fields[i].type;
          g_autofree char *path = join_path (section, name);

          if ((t == T_MAP || t == T_ANY_MAP) && value->type != YAML_MAPPING_NODE)
            return fail (l, value, MLS_PLAN_ERROR_SCHEMA, error,
                         _("%s must be a mapping; got %s"), path, node_kind (value));
          if (t == T_LIST && value->type != YAML_SEQUENCE_NODE)
            return fail (l, value, MLS_PLAN_ERROR_SCHEMA, error, _("%s must be a list; got %s"),
                         path, node_kind (value));
        }
    }

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].required && found[i] == NULL)
      {
        g_autofree char *path = join_path (section, fields[i].key);
        if (seen[i])
          return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error, _("%s must have a value"), path);
        return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error, _("missing required key “%s”"),
                     path);
      }
  return TRUE;
}

/* --- registry ---------------------------------------------------------------------------- */

static MlsEntry *
lookup (Loader      *l,
        yaml_node_t *node,
        const char  *path,
        const char  *category,
        const char  *key,
        GType        type,
        GError     **error)
{
  g_autoptr(GError) local = NULL;
  MlsEntry *entry;

  if (g_str_has_prefix (key, "hf://") || g_str_has_suffix (key, ".yaml") ||
      g_str_has_suffix (key, ".yml"))
    {
      fail (l, node, MLS_PLAN_ERROR_UNSUPPORTED, error,
            _("%s: “%s” is not a registry key; mlsysim reads entries only from the registry. "
              "Add it to a registry directory listed in MLSYSIM_REGISTRY_PATH and name its key"),
            path, key);
      return NULL;
    }
  entry = mls_registry_lookup (l->registry, category, key, &local);
  if (entry == NULL)
    {
      fail_with (l, node, MLS_PLAN_ERROR_NOT_FOUND, path, local, error);
      return NULL;
    }
  if (!G_TYPE_CHECK_INSTANCE_TYPE (entry, type))
    {
      fail (l, node, MLS_PLAN_ERROR_VALUE, error, _("%s: “%s” is not a %s entry"), path, key,
            category);
      return NULL;
    }
  return entry;
}

static gboolean
registry_quantity (MlsRegistry *registry,
                   const char  *key,
                   const char  *unit,
                   MlsQuantity *out,
                   GError     **error)
{
  return mls_registry_get_constant (registry, key, out, error) &&
         mls_quantity_check_dimension (out, unit, key, error);
}

/* --- sections ---------------------------------------------------------------------------- */

static gboolean
load_workload (Loader      *l,
               yaml_node_t *node,
               MlsScenario *scenario,
               GError     **error)
{
  yaml_node_t *f[N_WL];
  const char *name;
  MlsEntry *workload;
  guint batch, seq_len;
  gboolean training;

  if (!read_mapping (l, node, "workload", workload_fields, N_WL, f, error) ||
      !get_string (l, f[WL_NAME], "workload.name", &name, error))
    return FALSE;
  workload = lookup (l, f[WL_NAME], "workload.name", "models", name, MLS_TYPE_WORKLOAD, error);
  if (workload == NULL)
    return FALSE;
  mls_scenario_set_workload (scenario, MLS_WORKLOAD (workload));

  if (f[WL_BATCH_SIZE] != NULL)
    {
      if (!get_whole (l, f[WL_BATCH_SIZE], "workload.batch_size", 1, &batch, error))
        return FALSE;
      mls_scenario_set_knob (scenario, MLS_KNOB_BATCH_SIZE, batch, NULL);
    }
  if (f[WL_SEQ_LEN] != NULL)
    {
      if (!get_whole (l, f[WL_SEQ_LEN], "workload.seq_len", 1, &seq_len, error))
        return FALSE;
      mls_scenario_set_knob (scenario, MLS_KNOB_SEQ_LEN, seq_len, NULL);
    }
  if (f[WL_TRAINING] != NULL)
    {
      if (!get_boolean (l, f[WL_TRAINING], "workload.training", &training, error))
        return FALSE;
      mls_scenario_set_training (scenario, training);
    }
  return TRUE;
}

static gboolean
build_fleet (Loader          *l,
             yaml_node_t    **f,
             MlsScenario     *scenario,
             MlsHardwareNode *hardware,
             const char      *hardware_key,
             guint            total,
             GError         **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(MlsNode) node = NULL;
  g_autoptr(MlsNetworkFabric) fabric = NULL;
  g_autoptr(MlsFleet) fleet = NULL;
  g_autofree char *node_name = NULL;
  g_autofree char *fleet_name = NULL;
  MlsQuantity fabric_bw, intra_bw, latency;
  guint apn;

  if (f[HW_FABRIC_BW] != NULL)
    {
      if (!get_quantity (l, f[HW_FABRIC_BW], "hardware.fabric_bandwidth", "B/s", &fabric_bw,
                         error))
        return FALSE;
    }
  else if (!registry_quantity (l->registry, "default_fabric_bandwidth", "B/s", &fabric_bw,
                               &local))
    return fail_with (l, NULL, MLS_PLAN_ERROR_VALUE, "hardware.fabric_bandwidth", local, error);

  /* Accelerators per node: the plan's, else the device's own count (a GB200 NVL72 rack is
   * one device of 72), else one per node. */
  if (f[HW_APN] != NULL)
    {
      if (!get_whole (l, f[HW_APN], "hardware.accelerators_per_node", 1, &apn, error))
        return FALSE;
    }
  else
    apn = MAX (mls_hardware_node_get_accelerator_count (hardware), 1);
  if (total % apn != 0)
    return fail (l, f[HW_NODES] ? f[HW_NODES] : f[HW_ACCELERATORS], MLS_PLAN_ERROR_VALUE, error,
                 _("hardware.nodes must be divisible by hardware.accelerators_per_node (got %u "
                   "and %u); hardware.nodes counts accelerators, not servers"), total, apn);

  /* Inside a node: the plan's, else NVLink, else the host interconnect, else the fabric. */
  if (f[HW_INTRA_BW] != NULL)
    {
      if (!get_quantity (l, f[HW_INTRA_BW], "hardware.intra_node_bw", "B/s", &intra_bw, error))
        return FALSE;
    }
  else if (mls_hardware_node_get_intra_node_bandwidth (hardware)->value > 0)
    intra_bw = *mls_hardware_node_get_intra_node_bandwidth (hardware);
  else if (mls_hardware_node_get_host_bandwidth (hardware)->value > 0)
    intra_bw = *mls_hardware_node_get_host_bandwidth (hardware);
  else
    intra_bw = fabric_bw;

  if (!registry_quantity (l->registry, "inter_node_latency", "s", &latency, &local))
    return fail_with (l, NULL, MLS_PLAN_ERROR_VALUE, "hardware", local, error);

  node_name = g_strdup_printf ("%s Node", hardware_key);
  fleet_name = g_strdup_printf ("%s Fleet", hardware_key);
  node = mls_node_new (node_name, MLS_ENTRY (hardware), apn, &intra_bw, &local);
  if (node != NULL)
    fabric = mls_network_fabric_new ("Default Fabric", &fabric_bw, &latency, 1.0, &local);
  if (fabric != NULL)
    fleet = mls_fleet_new (fleet_name, node, total / apn, MLS_ENTRY (fabric),
                           MLS_ENTRY (mls_scenario_get_grid (scenario)), &local);
  if (fleet == NULL)
    return fail_with (l, f[HW_NODES] ? f[HW_NODES] : f[HW_ACCELERATORS], MLS_PLAN_ERROR_VALUE,
                      "hardware", local, error);
  mls_scenario_set_fleet (scenario, fleet);
  return TRUE;
}

static gboolean
load_hardware (Loader      *l,
               yaml_node_t *node,
               MlsScenario *scenario,
               GError     **error)
{
  g_autoptr(GError) local = NULL;
  yaml_node_t *f[N_HW];
  const char *name = NULL;
  MlsHardwareNode *hardware = NULL;
  guint nodes = 0, accelerators = 0, total;

  if (!read_mapping (l, node, "hardware", hardware_fields, N_HW, f, error))
    return FALSE;

  if (f[HW_PRECISION] != NULL)
    {
      const char *text;
      MlsPrecision precision;

      if (!get_string (l, f[HW_PRECISION], "hardware.precision", &text, error))
        return FALSE;
      if (!mls_precision_from_string (text, &precision, &local))
        return fail_with (l, f[HW_PRECISION], MLS_PLAN_ERROR_VALUE, "hardware.precision", local,
                          error);
      mls_scenario_set_precision (scenario, precision);
    }
  if (f[HW_EFFICIENCY] != NULL)
    {
      double eta;

      if (!get_number (l, f[HW_EFFICIENCY], "hardware.efficiency", &eta, error))
        return FALSE;
      if (!mls_scenario_set_knob (scenario, MLS_KNOB_EFFICIENCY, eta, &local))
        return fail_with (l, f[HW_EFFICIENCY], MLS_PLAN_ERROR_VALUE, "hardware.efficiency",
                          local, error);
    }

  if (f[HW_NAME] != NULL)
    {
      if (!get_string (l, f[HW_NAME], "hardware.name", &name, error))
        return FALSE;
      hardware = (MlsHardwareNode *) lookup (l, f[HW_NAME], "hardware.name", "hardware", name,
                                             MLS_TYPE_HARDWARE_NODE, error);
      if (hardware == NULL)
        return FALSE;
    }

  /* A registry cluster, with its own nodes, fabric and region. */
  if (f[HW_FLEET] != NULL)
    {
      const char *key;
      MlsFleet *fleet;
      MlsEntry *accel;

      for (guint i = HW_NODES; i <= HW_FABRIC_BW; i++)
        if (f[i] != NULL)
          return fail (l, f[i], MLS_PLAN_ERROR_SCHEMA, error,
                       _("hardware.%s cannot be combined with hardware.fleet, which names a "
                         "registry cluster with its own nodes and fabric"),
                       hardware_fields[i].key);
      if (!get_string (l, f[HW_FLEET], "hardware.fleet", &key, error))
        return FALSE;
      fleet = (MlsFleet *) lookup (l, f[HW_FLEET], "hardware.fleet", "clusters", key,
                                   MLS_TYPE_FLEET, error);
      if (fleet == NULL)
        return FALSE;
      accel = mls_node_get_accelerator (mls_fleet_get_node (fleet));
      if (hardware != NULL && accel != MLS_ENTRY (hardware))
        return fail (l, f[HW_NAME], MLS_PLAN_ERROR_VALUE, error,
                     _("hardware.name is “%s” but the fleet “%s” is built of “%s”"), name,
                     mls_entry_get_key (MLS_ENTRY (fleet)), mls_entry_get_key (accel));
      mls_scenario_set_fleet (scenario, fleet);
      return TRUE;
    }

  if (hardware == NULL)
    return fail (l, node, MLS_PLAN_ERROR_SCHEMA, error,
                 _("missing required key “%s”"), "hardware.name");
  mls_scenario_set_hardware (scenario, hardware);

  if (f[HW_NODES] != NULL &&
      !get_whole (l, f[HW_NODES], "hardware.nodes", 1, &nodes, error))
    return FALSE;
  if (f[HW_ACCELERATORS] != NULL &&
      !get_whole (l, f[HW_ACCELERATORS], "hardware.accelerators", 1, &accelerators, error))
    return FALSE;
  if (nodes != 0 && accelerators != 0 && nodes != accelerators)
    return fail (l, f[HW_ACCELERATORS], MLS_PLAN_ERROR_VALUE, error,
                 _("hardware.accelerators (%u) and hardware.nodes (%u) disagree; both count "
                   "accelerators, give one of them"), accelerators, nodes);
  total = nodes ? nodes : accelerators ? accelerators : 1;

  if (total > 1)
    return build_fleet (l, f, scenario, hardware, mls_entry_get_key (MLS_ENTRY (hardware)),
                        total, error);

  /* One accelerator: the fleet keys still have to be valid, though nothing uses them. */
  for (guint i = HW_APN; i <= HW_FABRIC_BW; i++)
    if (f[i] != NULL)
      {
        g_autofree char *path = join_path ("hardware", hardware_fields[i].key);
        MlsQuantity q;
        guint n;

        if (hardware_fields[i].type == T_COUNT ? !get_whole (l, f[i], path, 1, &n, error)
                                               : !get_quantity (l, f[i], path, "B/s", &q, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
load_parallelism (Loader      *l,
                  yaml_node_t *node,
                  MlsScenario *scenario,
                  GError     **error)
{
  yaml_node_t *f[N_PAR];

  if (!read_mapping (l, node, "parallelism", parallelism_fields, N_PAR, f, error))
    return FALSE;
  for (guint i = 0; i < PAR_RECOMPUTE; i++)
    if (f[i] != NULL)
      {
        g_autofree char *path = join_path ("parallelism", parallelism_fields[i].key);
        g_autoptr(GError) local = NULL;
        guint v;

        if (!get_whole (l, f[i], path, parallelism_fields[i].type == T_COUNT ? 1 : 0, &v, error))
          return FALSE;
        if (!mls_scenario_set_knob (scenario, parallelism_knobs[i], v, &local))
          return fail_with (l, f[i], MLS_PLAN_ERROR_VALUE, path, local, error);
      }
  if (f[PAR_RECOMPUTE] != NULL)
    {
      gboolean recompute;

      if (!get_boolean (l, f[PAR_RECOMPUTE], "parallelism.activation_recompute", &recompute,
                        error))
        return FALSE;
      mls_scenario_set_activation_recompute (scenario, recompute);
    }
  return TRUE;
}

static gboolean
load_ops (Loader      *l,
          yaml_node_t *node,
          MlsScenario *scenario,
          GError     **error)
{
  g_autoptr(GError) local = NULL;
  yaml_node_t *f[N_OPS] = { NULL };
  double days;

  if (node != NULL && !read_mapping (l, node, "ops", ops_fields, N_OPS, f, error))
    return FALSE;

  /* Unlike the reference, which parses ops.region and then ignores it, the region is the
   * grid the system's energy is priced and its carbon counted on. */
  if (f[OPS_REGION] != NULL)
    {
      const char *key;
      MlsEntry *grid;

      if (!get_string (l, f[OPS_REGION], "ops.region", &key, error))
        return FALSE;
      grid = lookup (l, f[OPS_REGION], "ops.region", "grids", key, MLS_TYPE_GRID_PROFILE,
                     error);
      if (grid == NULL)
        return FALSE;
      mls_scenario_set_grid (scenario, MLS_GRID_PROFILE (grid));
    }

  if (f[OPS_DURATION] != NULL)
    {
      if (!get_number (l, f[OPS_DURATION], "ops.duration_days", &days, error))
        return FALSE;
      if (!(days > 0))
        return fail (l, f[OPS_DURATION], MLS_PLAN_ERROR_VALUE, error,
                     _("%s must be greater than 0; got %s"), "ops.duration_days",
                     scalar_text (f[OPS_DURATION]));
    }
  else
    {
      MlsQuantity duration;

      if (!registry_quantity (l->registry, "default_duration", "d", &duration, &local) ||
          !mls_quantity_convert (&duration, "d", &days, &local))
        return fail_with (l, node, MLS_PLAN_ERROR_VALUE, "ops.duration_days", local, error);
    }
  if (!mls_scenario_set_knob (scenario, MLS_KNOB_DURATION_DAYS, days, &local))
    return fail_with (l, f[OPS_DURATION] ? f[OPS_DURATION] : node, MLS_PLAN_ERROR_VALUE,
                      "ops.duration_days", local, error);
  mls_scenario_set_operations (scenario, TRUE);
  return TRUE;
}

static gboolean
load_constraints (Loader      *l,
                  yaml_node_t *node,
                  MlsScenario *scenario,
                  GError     **error)
{
  yaml_node_t *f[N_CON];
  MlsQuantity q;

  if (!read_mapping (l, node, "constraints", constraints_fields, N_CON, f, error))
    return FALSE;
  if (f[CON_SLA_LATENCY] != NULL)
    {
      if (!get_quantity (l, f[CON_SLA_LATENCY], "constraints.sla_latency", "s", &q, error))
        return FALSE;
      mls_scenario_set_sla_latency (scenario, &q);
    }
  if (f[CON_POWER_BUDGET] != NULL)
    {
      if (!get_quantity (l, f[CON_POWER_BUDGET], "constraints.power_budget", "W", &q, error))
        return FALSE;
      mls_scenario_set_power_budget (scenario, &q);
    }
  if (f[CON_ASSERT] == NULL)
    return TRUE;

  for (yaml_node_item_t *item = f[CON_ASSERT]->data.sequence.items.start;
       item < f[CON_ASSERT]->data.sequence.items.top; item++)
    {
      yaml_node_t *entry = yaml_document_get_node (l->doc, *item);
      g_autofree char *section = g_strdup_printf ("constraints.assert[%u]",
        (guint) (item - f[CON_ASSERT]->data.sequence.items.start));
      g_autofree char *metric_path = join_path (section, "metric");
      yaml_node_t *a[N_AS];
      const char *metric;
      double minimum = NAN, maximum = NAN;

      if (!read_mapping (l, entry, section, assert_fields, N_AS, a, error) ||
          !get_string (l, a[AS_METRIC], metric_path, &metric, error))
        return FALSE;
      if (a[AS_MIN] != NULL)
        {
          g_autofree char *path = join_path (section, "min");
          if (!get_number (l, a[AS_MIN], path, &minimum, error))
            return FALSE;
        }
      if (a[AS_MAX] != NULL)
        {
          g_autofree char *path = join_path (section, "max");
          if (!get_number (l, a[AS_MAX], path, &maximum, error))
            return FALSE;
        }
      mls_scenario_add_assertion (scenario, metric, minimum, maximum);
    }
  return TRUE;
}

static gboolean
load_parameters (Loader      *l,
                 yaml_node_t *node,
                 MlsScenario *scenario,
                 GError     **error)
{
  for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
       pair < node->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key = yaml_document_get_node (l->doc, pair->key);
      yaml_node_t *value = yaml_document_get_node (l->doc, pair->value);
      g_autofree char *path = NULL;
      g_autoptr(GError) local = NULL;
      const char *id, *dot;
      MlsQuantity q;
      double v;

      if (key->type != YAML_SCALAR_NODE)
        return fail (l, key, MLS_PLAN_ERROR_SCHEMA, error, _("keys must be plain names; got %s"),
                     node_kind (key));
      id = scalar_text (key);
      path = join_path ("parameters", id);
      dot = strchr (id, '.');
      if (dot == NULL || dot == id || dot[1] == '\0')
        return fail (l, key, MLS_PLAN_ERROR_SCHEMA, error,
                     _("%s: solver parameters are named SOLVER.PARAMETER (such as "
                       "“serving.prefill_chunk_tokens”); run “mlsysim solvers” for the list"),
                     path);
      if (mls_scenario_get_parameter (scenario, id, NULL))
        return fail (l, key, MLS_PLAN_ERROR_SCHEMA, error, _("%s is given twice"), path);
      if (!expect_scalar (l, value, path, _("a number or a quantity"), error))
        return FALSE;
      if (parse_double (scalar_text (value), &v))
        q = mls_quantity_scalar (v);
      else if (!mls_quantity_parse (scalar_text (value), &q, &local))
        return fail_with (l, value, MLS_PLAN_ERROR_VALUE, path, local, error);
      mls_scenario_set_parameter (scenario, id, &q);
    }
  return TRUE;
}

/**
 * mls_plan_new_scenario:
 * @name: (nullable): the scenario's name
 * @registry: (nullable): the registry; %NULL for the default one
 * @error: return location for a #GError
 *
 * Creates an empty scenario whose knobs hold the registry's defaults (default_batch_size,
 * default_seq_len, default_efficiency), as a plan that sets none of them: defaults are
 * registry values with provenance, not literals.
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL if the registry lacks a default
 */
MlsScenario *
mls_plan_new_scenario (const char  *name,
                       MlsRegistry *registry,
                       GError     **error)
{
  static const struct { const char *constant; MlsKnob knob; } defaults[] = {
    { "default_batch_size", MLS_KNOB_BATCH_SIZE },
    { "default_seq_len", MLS_KNOB_SEQ_LEN },
    { "default_efficiency", MLS_KNOB_EFFICIENCY },
  };
  g_autoptr(MlsScenario) scenario = mls_scenario_new (name);

  if (registry == NULL && (registry = mls_registry_get_default (error)) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      MlsQuantity q;

      if (!mls_registry_get_constant (registry, defaults[i].constant, &q, error) ||
          !mls_scenario_set_knob (scenario, defaults[i].knob, q.value, error))
        {
          g_prefix_error (error, _("Registry constant “%s”: "), defaults[i].constant);
          return NULL;
        }
    }
  return g_steal_pointer (&scenario);
}

static MlsScenario *
load_document (Loader  *l,
               GError **error)
{
  g_autoptr(MlsScenario) scenario = NULL;
  g_autoptr(GError) local = NULL;
  yaml_node_t *root = yaml_document_get_root_node (l->doc);
  yaml_node_t *f[N_ROOT];
  const char *version, *name;

  if (root == NULL || is_null (root))
    {
      fail (l, NULL, MLS_PLAN_ERROR_SYNTAX, error,
            _("the plan is empty; it needs at least version, name, workload and hardware"));
      return NULL;
    }
  if (!read_mapping (l, root, NULL, root_fields, N_ROOT, f, error) ||
      !get_string (l, f[ROOT_VERSION], "version", &version, error) ||
      !get_string (l, f[ROOT_NAME], "name", &name, error))
    return NULL;

  scenario = mls_plan_new_scenario (name, l->registry, &local);
  if (scenario == NULL)
    {
      fail_with (l, NULL, MLS_PLAN_ERROR_VALUE, "defaults", local, error);
      return NULL;
    }
  /* ops first: its region is the fleet's. */
  if ((f[ROOT_OPS] != NULL && !load_ops (l, f[ROOT_OPS], scenario, error)) ||
      !load_workload (l, f[ROOT_WORKLOAD], scenario, error) ||
      !load_hardware (l, f[ROOT_HARDWARE], scenario, error) ||
      (f[ROOT_PARALLELISM] != NULL &&
       !load_parallelism (l, f[ROOT_PARALLELISM], scenario, error)) ||
      (f[ROOT_CONSTRAINTS] != NULL &&
       !load_constraints (l, f[ROOT_CONSTRAINTS], scenario, error)) ||
      (f[ROOT_PARAMETERS] != NULL &&
       !load_parameters (l, f[ROOT_PARAMETERS], scenario, error)))
    return NULL;
  return g_steal_pointer (&scenario);
}

/**
 * mls_plan_load_data:
 * @data: the plan, as YAML text
 * @length: the length of @data, or -1 if it is nul-terminated
 * @origin: (nullable): where @data came from, for messages (a file name)
 * @registry: (nullable): the registry names resolve in; %NULL for the default one
 * @error: return location for a #GError
 *
 * Reads a plan (`mlsys.yaml`) into a scenario. Workload, hardware, region and fleet names
 * resolve through @registry, ignoring case, with suggestions when they do not. A plan with
 * more than one accelerator builds a fleet of `hardware.nodes / accelerators_per_node` nodes.
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL with an error in
 *   %MLS_PLAN_ERROR whose message starts with `origin:line:column:`
 */
MlsScenario *
mls_plan_load_data (const char  *data,
                    gssize       length,
                    const char  *origin,
                    MlsRegistry *registry,
                    GError     **error)
{
  Loader l = { origin != NULL ? origin : "<plan>", NULL, registry };
  yaml_parser_t parser;
  yaml_document_t doc;
  MlsScenario *scenario;

  g_return_val_if_fail (data != NULL, NULL);

  if (l.registry == NULL)
    {
      l.registry = mls_registry_get_default (error);
      if (l.registry == NULL)
        return NULL;
    }
  if (length < 0)
    length = strlen (data);

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) data, length);
  if (!yaml_parser_load (&parser, &doc))
    {
      g_set_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_SYNTAX,
                   _("%s:%lu:%lu: not valid YAML: %s%s%s"), l.origin,
                   (gulong) parser.problem_mark.line + 1, (gulong) parser.problem_mark.column + 1,
                   parser.problem ? parser.problem : _("syntax error"),
                   parser.context ? " " : "", parser.context ? parser.context : "");
      yaml_parser_delete (&parser);
      return NULL;
    }
  l.doc = &doc;
  scenario = load_document (&l, error);
  yaml_document_delete (&doc);
  /* A second document would be silently ignored: refuse it, as YAML's safe_load does. */
  if (scenario != NULL)
    {
      if (!yaml_parser_load (&parser, &doc))
        {
          g_set_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_SYNTAX,
                       _("%s:%lu:%lu: not valid YAML: %s"), l.origin,
                       (gulong) parser.problem_mark.line + 1,
                       (gulong) parser.problem_mark.column + 1,
                       parser.problem ? parser.problem : _("syntax error"));
          g_clear_object (&scenario);
        }
      else
        {
          yaml_node_t *second = yaml_document_get_root_node (&doc);
          if (second != NULL)
            {
              g_set_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_SYNTAX,
                           _("%s:%lu:%lu: a plan holds one YAML document; remove the second "
                             "one (“---”) or put it in a file of its own"),
                           l.origin, (gulong) second->start_mark.line + 1,
                           (gulong) second->start_mark.column + 1);
              g_clear_object (&scenario);
            }
          yaml_document_delete (&doc);
        }
    }
  yaml_parser_delete (&parser);
  return scenario;
}

/**
 * mls_plan_load_file:
 * @path: a plan file (`mlsys.yaml`)
 * @registry: (nullable): the registry names resolve in; %NULL for the default one
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL with an error naming the file
 *   and the line and column at fault
 */
MlsScenario *
mls_plan_load_file (const char  *path,
                    MlsRegistry *registry,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_IO, _("Cannot read the plan: %s"),
                   local->message);
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_SYNTAX,
                   _("%s: the plan is not UTF-8 text"), path);
      return NULL;
    }
  return mls_plan_load_data (data, length, path, registry, error);
}

/**
 * mls_plan_is_plan_file:
 * @path: a command-line argument
 *
 * Returns: whether @path names a plan file (it ends in `.yaml` or `.yml`)
 */
gboolean
mls_plan_is_plan_file (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".yaml") || g_str_has_suffix (lower, ".yml");
}

/* --- writing ----------------------------------------------------------------------------- */

static void
append_string (GString    *s,
               const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (s, "\\%c", c);
      else if (c == '\n')
        g_string_append (s, "\\n");
      else if (c == '\t')
        g_string_append (s, "\\t");
      else if (c < 0x20)
        g_string_append_printf (s, "\\x%02x", c);
      else
        g_string_append_c (s, c);
    }
  g_string_append_c (s, '"');
}

/* The shortest decimal form that reads back as the same double. */
static void
append_number (GString *s,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buf, sizeof buf, digits == 15 ? "%.15g" : digits == 16 ? "%.16g"
                                                                               : "%.17g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (s, buf);
}

/* A quantity in a readable unit when that reads back exactly, else in base units. */
static void
append_quantity (GString           *s,
                 const MlsQuantity *q,
                 const char        *unit)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double value;
  MlsQuantity back;

  /* Solver parameters come without a display unit: use the first familiar one of the same
   * dimension ("0.08 USD/kWh", not "2.2e-08 USD·kg⁻¹·m⁻²·s²"). */
  if (unit == NULL && !mls_quantity_is_dimensionless (q))
    {
      static const char * const familiar[] = { "ms", "GB", "GB/s", "TFLOP/s", "TFLOP", "W", "kWh",
                                               "USD", "USD/kWh", "kg", "L", "g/kWh", NULL };
      for (guint i = 0; familiar[i] != NULL && unit == NULL; i++)
        {
          MlsQuantity one;
          if (mls_quantity_from_unit (1, familiar[i], &one, NULL) &&
              mls_quantity_same_dimension (&one, q))
            unit = familiar[i];
        }
    }
  if (unit != NULL && mls_quantity_convert (q, unit, &value, NULL))
    {
      append_number (text, value);
      g_string_append_printf (text, " %s", unit);
      if (mls_quantity_parse (text->str, &back, NULL) && back.value == q->value)
        {
          append_string (s, text->str);
          return;
        }
    }
  g_string_truncate (text, 0);
  append_number (text, q->value);
  if (!mls_quantity_is_dimensionless (q))
    {
      g_autofree char *symbol = mls_quantity_dimension_symbol (q);
      g_string_append_printf (text, " %s", symbol);
      append_string (s, text->str);
    }
  else
    g_string_append (s, text->str);
}

static gboolean
is_registry_entry (MlsRegistry *registry,
                   const char  *category,
                   MlsEntry    *entry)
{
  const char *key = mls_entry_get_key (entry);

  return key != NULL && mls_registry_lookup (registry, category, key, NULL) == entry;
}

/**
 * mls_plan_to_data:
 * @scenario: a scenario with a workload and hardware
 * @registry: (nullable): the registry its entries come from; %NULL for the default one
 * @error: return location for a #GError
 *
 * Writes @scenario as a plan that mls_plan_load_data() reads back into the same scenario.
 *
 * Returns: (transfer full) (nullable): the YAML text, or %NULL if the scenario has no
 *   workload or hardware
 */
char *
mls_plan_to_data (MlsScenario *scenario,
                  MlsRegistry *registry,
                  GError     **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  MlsWorkload *workload = mls_scenario_get_workload (scenario);
  MlsHardwareNode *hardware = mls_scenario_get_hardware (scenario);
  MlsFleet *fleet = mls_scenario_get_fleet (scenario);
  MlsGridProfile *grid = mls_scenario_get_grid (scenario);
  g_auto(GStrv) parameters = NULL;
  gboolean any = FALSE;
  MlsQuantity q;

  g_return_val_if_fail (MLS_IS_SCENARIO (scenario), NULL);

  if (registry == NULL && (registry = mls_registry_get_default (error)) == NULL)
    return NULL;
  if (workload == NULL || hardware == NULL)
    {
      g_set_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_UNSUPPORTED,
                   _("Scenario “%s” has no %s; a plan needs a workload and hardware"),
                   mls_scenario_get_name (scenario), workload == NULL ? _("workload")
                                                                      : _("hardware"));
      return NULL;
    }

  g_string_append (s, "# mlsysim plan (mlsys.yaml)\nversion: ");
  append_string (s, MLS_PLAN_VERSION);
  g_string_append (s, "\nname: ");
  append_string (s, mls_scenario_get_name (scenario));

  g_string_append (s, "\n\nworkload:\n  name: ");
  append_string (s, mls_entry_get_key (MLS_ENTRY (workload)));
  g_string_append_printf (s, "\n  batch_size: %u\n  seq_len: %u\n",
                          mls_scenario_get_batch_size (scenario),
                          mls_scenario_get_seq_len (scenario));
  if (mls_scenario_get_training (scenario))
    g_string_append (s, "  training: true\n");

  g_string_append (s, "\nhardware:\n  name: ");
  append_string (s, mls_entry_get_key (MLS_ENTRY (hardware)));
  g_string_append_c (s, '\n');
  if (fleet != NULL && is_registry_entry (registry, "clusters", MLS_ENTRY (fleet)))
    {
      g_string_append (s, "  fleet: ");
      append_string (s, mls_entry_get_key (MLS_ENTRY (fleet)));
      g_string_append_c (s, '\n');
    }
  else if (fleet != NULL)
    {
      MlsNode *node = mls_fleet_get_node (fleet);
      MlsEntry *fabric = mls_fleet_get_fabric (fleet);

      g_string_append_printf (s, "  nodes: %u\n  accelerators_per_node: %u\n",
                              mls_fleet_get_total_accelerators (fleet),
                              mls_node_get_accelerators_per_node (node));
      g_string_append (s, "  intra_node_bw: ");
      append_quantity (s, mls_node_get_intra_node_bandwidth (node), "GB/s");
      if (MLS_IS_NETWORK_FABRIC (fabric))
        {
          g_string_append (s, "\n  fabric_bandwidth: ");
          append_quantity (s, mls_network_fabric_get_bandwidth (MLS_NETWORK_FABRIC (fabric)),
                           "GB/s");
        }
      g_string_append_c (s, '\n');
    }
  g_string_append (s, "  precision: ");
  append_string (s, mls_precision_to_string (mls_scenario_get_precision (scenario)));
  g_string_append (s, "\n  efficiency: ");
  append_number (s, mls_scenario_get_efficiency (scenario));
  g_string_append_c (s, '\n');

  for (guint i = 0; i < PAR_RECOMPUTE; i++)
    {
      double v = mls_scenario_get_knob (scenario, parallelism_knobs[i]);
      double neutral = parallelism_fields[i].type == T_COUNT ? 1 : 0;

      if (v != neutral)
        {
          if (!any)
            g_string_append (s, "\nparallelism:\n");
          any = TRUE;
          g_string_append_printf (s, "  %s: %u\n", parallelism_fields[i].key, (guint) v);
        }
    }
  if (mls_scenario_get_activation_recompute (scenario))
    g_string_append_printf (s, "%s  activation_recompute: true\n", any ? "" : "\nparallelism:\n");

  if (mls_scenario_get_operations (scenario))
    {
      g_string_append (s, "\nops:\n");
      if (grid != NULL)
        {
          g_string_append (s, "  region: ");
          append_string (s, mls_entry_get_key (MLS_ENTRY (grid)));
          g_string_append_c (s, '\n');
        }
      g_string_append (s, "  duration_days: ");
      append_number (s, mls_scenario_get_knob (scenario, MLS_KNOB_DURATION_DAYS));
      g_string_append_c (s, '\n');
    }
  else if (grid != NULL)
    {
      /* A region without operations: the plan format has no other place for it. */
      g_set_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_UNSUPPORTED,
                   _("Scenario “%s” names a region but no operations; set operations (a "
                     "duration) to save it as a plan"), mls_scenario_get_name (scenario));
      return NULL;
    }

  if (mls_scenario_get_sla_latency (scenario, NULL) ||
      mls_scenario_get_power_budget (scenario, NULL) ||
      mls_scenario_get_n_assertions (scenario) > 0)
    {
      g_string_append (s, "\nconstraints:\n");
      if (mls_scenario_get_sla_latency (scenario, &q))
        {
          g_string_append (s, "  sla_latency: ");
          append_quantity (s, &q, "ms");
          g_string_append_c (s, '\n');
        }
      if (mls_scenario_get_power_budget (scenario, &q))
        {
          g_string_append (s, "  power_budget: ");
          append_quantity (s, &q, "W");
          g_string_append_c (s, '\n');
        }
      if (mls_scenario_get_n_assertions (scenario) > 0)
        g_string_append (s, "  assert:\n");
      for (guint i = 0; i < mls_scenario_get_n_assertions (scenario); i++)
        {
          double minimum, maximum;
          const char *metric = mls_scenario_get_assertion (scenario, i, &minimum, &maximum);

          g_string_append (s, "    - metric: ");
          append_string (s, metric);
          if (!isnan (minimum))
            {
              g_string_append (s, "\n      min: ");
              append_number (s, minimum);
            }
          if (!isnan (maximum))
            {
              g_string_append (s, "\n      max: ");
              append_number (s, maximum);
            }
          g_string_append_c (s, '\n');
        }
    }

  parameters = mls_scenario_list_parameters (scenario);
  if (parameters[0] != NULL)
    g_string_append (s, "\nparameters:\n");
  for (guint i = 0; parameters[i] != NULL; i++)
    {
      mls_scenario_get_parameter (scenario, parameters[i], &q);
      g_string_append_printf (s, "  %s: ", parameters[i]);
      append_quantity (s, &q, NULL);
      g_string_append_c (s, '\n');
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * mls_plan_save_file:
 * @scenario: a scenario with a workload and hardware
 * @path: where to write the plan
 * @registry: (nullable): the registry its entries come from; %NULL for the default one
 * @error: return location for a #GError
 *
 * Writes @scenario as a plan, atomically: a crash or a full disk leaves either the old file
 * or the new one, never half of it.
 *
 * Returns: whether the plan was written
 */
gboolean
mls_plan_save_file (MlsScenario *scenario,
                    const char  *path,
                    MlsRegistry *registry,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *data = mls_plan_to_data (scenario, registry, error);

  if (data == NULL)
    return FALSE;
  if (!g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT |
                                 G_FILE_SET_CONTENTS_DURABLE, 0644, &local))
    {
      g_set_error (error, MLS_PLAN_ERROR, MLS_PLAN_ERROR_IO, _("Cannot write the plan: %s"),
                   local->message);
      return FALSE;
    }
  return TRUE;
}
