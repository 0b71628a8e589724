package dev.rulesync.config;

import dev.rulesync.apply.loki.LokiTargetProperties;
import dev.rulesync.apply.mimir.MimirTargetProperties;
import dev.rulesync.model.RuleType;
import dev.rulesync.plan.NamingTemplate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything under {@code rulesync.*}: one tree that {@code plan}, {@code sync} and the controller bind the same way
 * (application.yaml, {@code RULESYNC_*} environment variables, {@code --rulesync.x=y} arguments). Every property is
 * listed in docs/configuration.md. A target is used when it is configured: Mimir when {@code mimir.url} is set,
 * Loki when {@code loki.url} (api mode) or {@code loki.s3.buckets} (s3 mode) is set.
 *
 * @param mimir        the Mimir ruler API target
 * @param loki         the Loki target: its ruler API or the S3 bucket its ruler reads
 * @param naming       how source objects map to remote namespaces (and so which namespaces rule-sync owns)
 * @param lint         check settings shared with {@code lint}
 * @param files        tenant and type of plain rule files (PrometheusRule objects carry their own labels)
 * @param concurrency  ruler calls in flight at once (listings and writes); mimirtool's default is 8 too
 * @param knownTenants tenants listed even when no source object names them, so that their last groups are deleted;
 *                     used only when pruning
 * @param prune        delete owned remote namespaces that no given object maps to (the controller always prunes;
 *                     {@code plan} and {@code sync} only with {@code --prune}, since they may be given part of a
 *                     tree)
 */
@ConfigurationProperties("rulesync")
@Validated
public record RuleSyncProperties(@Valid @DefaultValue MimirTargetProperties mimir,
                                 @Valid @DefaultValue LokiTargetProperties loki,
                                 @Valid @DefaultValue Naming naming,
                                 @Valid @DefaultValue LintProperties lint,
                                 @Valid @DefaultValue Files files,
                                 @DefaultValue("8") @Min(1) @Max(1024) int concurrency,
                                 @DefaultValue Set<String> knownTenants,
                                 @DefaultValue("false") boolean prune) {

    public RuleSyncProperties {
        mimir = mimir == null ? MimirTargetProperties.of(null) : mimir;
        loki = loki == null ? LokiTargetProperties.api(null) : loki;
        naming = naming == null ? new Naming(null, null, null, null) : naming;
        lint = lint == null ? LintProperties.DEFAULTS : lint;
        files = files == null ? new Files(null, null, null) : files;
        knownTenants = knownTenants == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(knownTenants));
    }

    /** Whether the Mimir target is configured. */
    public boolean mimirEnabled() {
        return mimir.url() != null;
    }

    /** Whether the Loki target is configured (a URL in api mode, at least one bucket in s3 mode). */
    public boolean lokiEnabled() {
        return loki.mode() == LokiTargetProperties.Mode.S3 ? !loki.s3().buckets().isEmpty() : loki.url() != null;
    }

    /**
     * Remote namespace templates per target (placeholders and rules in docs/planning.md). Checked when bound, so a
     * bad template stops the command (or the controller) before anything is listed.
     *
     * @param mimirObjects template for PrometheusRule objects on Mimir
     * @param mimirFiles   template for plain rule files on Mimir
     * @param lokiObjects  template for PrometheusRule objects on Loki (Loki names cannot contain '/')
     * @param lokiFiles    template for plain rule files on Loki
     */
    public record Naming(@DefaultValue(NamingTemplate.MIMIR_OBJECTS) String mimirObjects,
                         @DefaultValue(NamingTemplate.MIMIR_FILES) String mimirFiles,
                         @DefaultValue(NamingTemplate.LOKI_OBJECTS) String lokiObjects,
                         @DefaultValue(NamingTemplate.LOKI_FILES) String lokiFiles) {

        public Naming {
            mimirObjects = mimirObjects == null ? NamingTemplate.MIMIR_OBJECTS : mimirObjects;
            mimirFiles = mimirFiles == null ? NamingTemplate.MIMIR_FILES : mimirFiles;
            lokiObjects = lokiObjects == null ? NamingTemplate.LOKI_OBJECTS : lokiObjects;
            lokiFiles = lokiFiles == null ? NamingTemplate.LOKI_FILES : lokiFiles;
            mimir(mimirObjects, mimirFiles);
            loki(lokiObjects, lokiFiles);
        }

        private static NamingTemplate mimir(String objects, String files) {
            return new NamingTemplate(objects, files);
        }

        private static NamingTemplate loki(String objects, String files) {
            NamingTemplate t = new NamingTemplate(objects, files);
            if (t.ownedPrefix().contains("/")) {
                throw new IllegalArgumentException("Loki naming template '" + objects
                        + "': Loki cannot store '/' in namespace names");
            }
            return t;
        }

        public NamingTemplate forType(RuleType type) {
            return type == RuleType.LOGS ? loki(lokiObjects, lokiFiles) : mimir(mimirObjects, mimirFiles);
        }
    }

    /**
     * Where plain rule files (no labels) go; tenant and type must both be set for such files to be synced.
     *
     * @param tenant tenant of plain rule files
     * @param type   {@code metrics} (Mimir) or {@code logs} (Loki)
     * @param root   the directory plain rule files are named relative to ({@code {path}}); when unset, the top of
     *               the git work tree the paths are in (docs/planning.md, "Remote namespace naming")
     */
    public record Files(String tenant, RuleType type, Path root) {
    }
}
