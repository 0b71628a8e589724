package dev.rulesync.classify;

import dev.rulesync.model.RuleType;

/**
 * Where tenant and type come from.
 *
 * @param tenantLabel metadata label holding the tenant of a PrometheusRule (default {@code tenant})
 * @param typeLabel   metadata label holding the type, {@code metrics} or {@code logs} (default {@code type})
 * @param fileTenant  tenant for plain rule files, which carry no labels (from the command line), or null
 * @param fileType    type for plain rule files, or null
 */
public record ClassifyOptions(String tenantLabel, String typeLabel, String fileTenant, RuleType fileType) {

    public static final ClassifyOptions DEFAULTS = new ClassifyOptions("tenant", "type", null, null);

    public ClassifyOptions {
        tenantLabel = tenantLabel == null || tenantLabel.isBlank() ? "tenant" : tenantLabel;
        typeLabel = typeLabel == null || typeLabel.isBlank() ? "type" : typeLabel;
    }

    public ClassifyOptions withFileDefaults(String tenant, RuleType type) {
        return new ClassifyOptions(tenantLabel, typeLabel, tenant, type);
    }
}
