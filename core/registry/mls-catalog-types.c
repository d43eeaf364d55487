/* mls-catalog-types.c — entry types of the categories without behaviour of their own
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Cooling tiers, lighthouse scenarios, personas, sourced constants, the walls and the
 * technology classes are read through the generic #MlsEntry API; each still needs its own
 * class so that it has its own field table. The types are registered here from a table
 * rather than written out six times.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mlsysim.h"
#include "mls-catalog-types-private.h"

typedef struct
{
  const char         *category;
  const char         *type_name;
  const MlsFieldSpec *fields;
  guint               n_fields;
  gboolean          (*finish) (MlsEntry *self,
                               GError  **error);
} CatalogType;

/* `cooling` (registry/README.md) */
static const MlsFieldSpec cooling_fields[] = {
  { "pue", MLS_FIELD_NUMBER, NULL, TRUE, N_("PUE") },
  { "wue", MLS_FIELD_QUANTITY, "L/kWh", FALSE, N_("WUE") },
};

/* `scenarios` */
static const MlsFieldSpec scenario_fields[] = {
  { "workload", MLS_FIELD_REFERENCE, "models", TRUE, N_("Workload") },
  { "hardware", MLS_FIELD_REFERENCE, "hardware", FALSE, N_("Hardware") },
  { "fleet", MLS_FIELD_REFERENCE, "clusters", FALSE, N_("Fleet") },
  { "sla_latency", MLS_FIELD_QUANTITY, "s", FALSE, N_("Latency SLA") },
  { "power_budget", MLS_FIELD_QUANTITY, "W", FALSE, N_("Power budget") },
  { "batch_size", MLS_FIELD_INTEGER, NULL, FALSE, N_("Batch size") },
  { "seq_len", MLS_FIELD_INTEGER, NULL, FALSE, N_("Sequence length") },
  { "precision", MLS_FIELD_STRING, "fp32|tf32|fp16|bf16|fp8|int8|int4|fp4", FALSE,
    N_("Precision") },
  { "efficiency", MLS_FIELD_NUMBER, NULL, FALSE, N_("Efficiency") },
  { "training", MLS_FIELD_BOOLEAN, NULL, FALSE, N_("Training") },
  { "duration", MLS_FIELD_QUANTITY, "s", FALSE, N_("Duration") },
  { "region", MLS_FIELD_REFERENCE, "grids", FALSE, N_("Region") },
  { "persona", MLS_FIELD_REFERENCE, "personas", FALSE, N_("Persona") },
};

/* `personas` */
static const MlsFieldSpec persona_fields[] = {
  { "role", MLS_FIELD_STRING, NULL, FALSE, N_("Role") },
  { "scale_factor", MLS_FIELD_NUMBER, NULL, FALSE, N_("Scale factor") },
  { "primary_constraint", MLS_FIELD_STRING, NULL, FALSE, N_("Primary constraint") },
  { "unit_of_scale", MLS_FIELD_STRING, NULL, FALSE, N_("Unit of scale") },
};

/* `constants` */
static const MlsFieldSpec constant_fields[] = {
  { "value", MLS_FIELD_ANY, NULL, TRUE, N_("Value") },
};

/* `walls` */
static const MlsFieldSpec wall_fields[] = {
  { "number", MLS_FIELD_INTEGER, NULL, TRUE, N_("Number") },
  { "domain", MLS_FIELD_STRING, "node|data|algorithm|fleet|operations|analysis", FALSE,
    N_("Domain") },
  { "resolver", MLS_FIELD_STRING, NULL, FALSE, N_("Resolver") },
  { "solvers", MLS_FIELD_STRING_LIST, NULL, FALSE, N_("Solvers") },
  { "constraint", MLS_FIELD_STRING, NULL, FALSE, N_("Constraint") },
  { "equation", MLS_FIELD_STRING, NULL, FALSE, N_("Equation") },
};

/* `tech`: technology classes (memories, links, storage, operation energies) */
static const MlsFieldSpec tech_fields[] = {
  { "bandwidth", MLS_FIELD_QUANTITY, "B/s", FALSE, N_("Bandwidth") },
  { "latency", MLS_FIELD_QUANTITY, "s", FALSE, N_("Latency") },
  { "capacity", MLS_FIELD_QUANTITY, "B", FALSE, N_("Capacity") },
  { "energy_per_access", MLS_FIELD_QUANTITY, "J", FALSE, N_("Energy per access") },
  { "energy_per_byte", MLS_FIELD_QUANTITY, "J/B", FALSE, N_("Energy per byte") },
  { "energy_per_op", MLS_FIELD_QUANTITY, "J/FLOP", FALSE, N_("Energy per operation") },
};

static gboolean
cooling_finish (MlsEntry *self,
                GError  **error)
{
  double pue = 0;

  mls_entry_get_number (self, "pue", &pue, NULL);
  if (pue < 1.0)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("cooling entry “%s”: PUE is facility over IT energy and cannot be below "
                     "1; got %g"), mls_entry_get_key (self), pue);
      return FALSE;
    }
  return TRUE;
}

static gboolean
scenario_finish (MlsEntry *self,
                 GError  **error)
{
  gboolean hardware = mls_entry_has_field (self, "hardware");
  gboolean fleet = mls_entry_has_field (self, "fleet");
  double efficiency = 0.5;

  if (hardware == fleet)
    {
      g_set_error (error, MLS_ENTRY_ERROR,
                   hardware ? MLS_ENTRY_ERROR_INVALID : MLS_ENTRY_ERROR_MISSING,
                   _("scenarios entry “%s” needs either “hardware” (a hardware key) or “fleet” "
                     "(a clusters key), not both"), mls_entry_get_key (self));
      return FALSE;
    }
  if (mls_entry_get_number (self, "efficiency", &efficiency, NULL) &&
      (efficiency <= 0 || efficiency > 1))
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("scenarios entry “%s”: efficiency is a fraction in (0, 1]; got %g"),
                   mls_entry_get_key (self), efficiency);
      return FALSE;
    }
  if (mls_entry_has_field (self, "batch_size") && mls_entry_get_integer (self, "batch_size", 0) < 1)
    {
      g_set_error (error, MLS_ENTRY_ERROR, MLS_ENTRY_ERROR_INVALID,
                   _("scenarios entry “%s”: batch_size must be at least 1"),
                   mls_entry_get_key (self));
      return FALSE;
    }
  return TRUE;
}

static const CatalogType catalog_types[] = {
  { "cooling", "MlsCatalogCooling", cooling_fields, G_N_ELEMENTS (cooling_fields),
    cooling_finish },
  { "scenarios", "MlsCatalogScenario", scenario_fields, G_N_ELEMENTS (scenario_fields),
    scenario_finish },
  { "personas", "MlsCatalogPersona", persona_fields, G_N_ELEMENTS (persona_fields), NULL },
  { "constants", "MlsCatalogConstant", constant_fields, G_N_ELEMENTS (constant_fields), NULL },
  { "walls", "MlsCatalogWall", wall_fields, G_N_ELEMENTS (wall_fields), NULL },
  { "tech", "MlsCatalogTech", tech_fields, G_N_ELEMENTS (tech_fields), NULL },
};

static GType catalog_gtypes[G_N_ELEMENTS (catalog_types)];

static gboolean
catalog_finish (MlsEntry *self,
                GError  **error)
{
  const CatalogType *info = g_type_get_qdata (G_OBJECT_TYPE (self),
                                              g_quark_from_static_string ("mls-catalog-type"));
  MlsEntryClass *parent = g_type_class_peek (MLS_TYPE_ENTRY);

  if (!parent->finish (self, error))
    return FALSE;
  return info->finish == NULL || info->finish (self, error);
}

static void
catalog_class_init (gpointer klass,
                    gpointer class_data)
{
  const CatalogType *info = class_data;
  MlsEntryClass *entry_class = klass;

  entry_class->category = info->category;
  entry_class->fields = info->fields;
  entry_class->n_fields = info->n_fields;
  entry_class->finish = catalog_finish;
}

static void
register_types (void)
{
  GTypeQuery query;

  g_type_query (MLS_TYPE_ENTRY, &query);
  for (guint i = 0; i < G_N_ELEMENTS (catalog_types); i++)
    {
      const GTypeInfo info = {
        .class_size = query.class_size,
        .class_init = catalog_class_init,
        .class_data = &catalog_types[i],
        .instance_size = query.instance_size,
      };

      catalog_gtypes[i] = g_type_register_static (MLS_TYPE_ENTRY, catalog_types[i].type_name,
                                                  &info, G_TYPE_FLAG_FINAL);
      g_type_set_qdata (catalog_gtypes[i], g_quark_from_static_string ("mls-catalog-type"),
                        (gpointer) &catalog_types[i]);
    }
}

GType
mls_catalog_type_for_category (const char *category)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      register_types ();
      g_once_init_leave (&registered, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (catalog_types); i++)
    if (strcmp (category, catalog_types[i].category) == 0)
      return catalog_gtypes[i];
  return G_TYPE_INVALID;
}
