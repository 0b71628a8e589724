package dev.rulesync.classify;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Origin;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;
import dev.rulesync.model.Severity;
import dev.rulesync.model.TenantIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which tenant and which ruler (Mimir for metrics, Loki for logs) an object belongs to. PrometheusRule
 * objects say it with two metadata labels; plain rule files cannot, so they take both from the command line.
 * Routing is never guessed from the expression: a missing or unknown value is a problem on the object
 * (grafana/loki#14775 shows what guessing costs).
 */
public final class Classifier {

    public static final String TENANT_CHECK = "object/tenant";
    public static final String TYPE_CHECK = "object/type";

    private final ClassifyOptions options;

    public Classifier(ClassifyOptions options) {
        this.options = options;
    }

    public Classification classify(RuleObject object) {
        return classify(object, Origin.at(object.at()));
    }

    /** @param origin where the object's metadata sits, for problem positions */
    public Classification classify(RuleObject object, Origin origin) {
        List<Problem> problems = new ArrayList<>();
        boolean file = ObjectRef.RULE_FILE.equals(object.ref().kind());
        String tenant;
        String typeValue;
        Position tenantAt;
        Position typeAt;
        if (file) {
            tenant = options.fileTenant();
            typeValue = options.fileType() == null ? null : options.fileType().label();
            tenantAt = typeAt = origin.at();
        } else {
            tenant = object.labels().get(options.tenantLabel());
            typeValue = object.labels().get(options.typeLabel());
            tenantAt = labelPosition(origin, options.tenantLabel());
            typeAt = labelPosition(origin, options.typeLabel());
        }
        if (tenant == null) {
            problems.add(problem(object, tenantAt, TENANT_CHECK, file
                    ? "no tenant for a plain rule file: pass --tenant"
                    : "no tenant: set the metadata label `" + options.tenantLabel() + "`"));
        } else {
            Optional<String> bad = TenantIds.problem(tenant);
            if (bad.isPresent()) {
                problems.add(problem(object, tenantAt, TENANT_CHECK, bad.get()));
                tenant = null;
            }
        }
        RuleType type = null;
        if (typeValue == null) {
            problems.add(problem(object, typeAt, TYPE_CHECK, file
                    ? "no type for a plain rule file: pass --type metrics or --type logs"
                    : "no type: set the metadata label `" + options.typeLabel() + "` to `metrics` (Mimir, PromQL) "
                    + "or `logs` (Loki, LogQL)"));
        } else {
            type = RuleType.fromLabel(typeValue).orElse(null);
            if (type == null) {
                problems.add(problem(object, typeAt, TYPE_CHECK, "unknown type \"" + typeValue
                        + "\": the label `" + options.typeLabel() + "` must be `metrics` or `logs`"));
            }
        }
        return new Classification(tenant, type, problems);
    }

    private static Position labelPosition(Origin origin, String label) {
        Position p = origin.fields().get("value:metadata.labels." + label);
        if (p == null) p = origin.fields().get("metadata.labels");
        if (p == null) p = origin.fields().get("metadata");
        return p == null ? origin.at() : p;
    }

    private static Problem problem(RuleObject object, Position at, String check, String message) {
        return new Problem(at, Severity.ERROR, check, message, object.ref(), null, null);
    }
}
