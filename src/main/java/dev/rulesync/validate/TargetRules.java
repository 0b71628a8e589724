package dev.rulesync.validate;

/**
 * What one target ruler accepts beyond its expression language, as configured there: rule-sync checks a group the
 * way the ruler of its type will (Mimir for metrics, Loki for logs), so that {@code plan} never promises a write
 * that {@code sync} then fails.
 *
 * @param names            how the ruler validates recording rule, label and annotation names: Mimir's
 *                         {@code -validation.name-validation-scheme} (per tenant, {@code legacy} by default); Loki
 *                         always uses legacy. Inside expressions both accept quoted UTF-8 names whatever this says.
 * @param maxRulesPerGroup rules per group the ruler accepts (Mimir's {@code ruler_max_rules_per_rule_group},
 *                         default 20; Loki's default is no limit); 0 means no limit
 * @param tenantFederation whether the ruler accepts groups with {@code source_tenants} (Mimir's
 *                         {@code -tenant-federation.enabled}, off by default; Loki ignores the field)
 */
public record TargetRules(NameValidation names, int maxRulesPerGroup, boolean tenantFederation) {

    /** Mimir as it ships. */
    public static final TargetRules MIMIR = new TargetRules(NameValidation.LEGACY, 20, false);

    /** Loki as it ships: legacy names, no per-group limit, source_tenants ignored. */
    public static final TargetRules LOKI = new TargetRules(NameValidation.LEGACY, 0, true);

    public TargetRules {
        names = names == null ? NameValidation.LEGACY : names;
    }

    public TargetRules withNames(NameValidation scheme) {
        return scheme == null ? this : new TargetRules(scheme, maxRulesPerGroup, tenantFederation);
    }
}
