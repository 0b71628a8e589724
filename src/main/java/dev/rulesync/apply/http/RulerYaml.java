package dev.rulesync.apply.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rulesync.model.Origin;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML both rulers' configuration APIs speak (Prometheus rule-file groups plus Mimir's {@code source_tenants}).
 * Reading ignores keys we do not model (Mimir's {@code evaluation_delay}, {@code align_evaluation_time_on_interval}),
 * as the rulers themselves do.
 */
public final class RulerYaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .build();
    private static final TypeReference<Map<String, List<GroupYaml>>> LISTING = new TypeReference<>() {
    };

    private RulerYaml() {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"name", "interval", "query_offset", "limit", "source_tenants", "labels", "rules"})
    record GroupYaml(String name, String interval, @JsonProperty("query_offset") String queryOffset, Integer limit,
                     @JsonProperty("source_tenants") List<String> sourceTenants, Map<String, String> labels,
                     List<RuleYaml> rules) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"})
    record RuleYaml(String record, String alert, String expr, @JsonProperty("for") String forDuration,
                    @JsonProperty("keep_firing_for") String keepFiringFor, Map<String, String> labels,
                    Map<String, String> annotations) {
    }

    /** One group as the body of a set-group POST. */
    public static String write(RuleGroup g) {
        List<RuleYaml> rules = g.rules().stream()
                .map(r -> new RuleYaml(r.record(), r.alert(), r.expr(), r.forDuration(), r.keepFiringFor(),
                        r.labels(), r.annotations()))
                .toList();
        GroupYaml y = new GroupYaml(g.name(), g.interval(), g.queryOffset(), g.limit(), g.sourceTenants(),
                g.labels(), rules);
        return MAPPER.writeValueAsString(y);
    }

    /** One group as returned by get-group. */
    public static RuleGroup readGroup(String yaml) {
        try {
            return toModel(MAPPER.readValue(yaml, GroupYaml.class));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot read rule group YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** A listing: namespace -> groups, in the ruler's order; {@code {}} or an empty body is an empty map. */
    public static Map<String, List<RuleGroup>> readListing(String yaml) {
        if (yaml == null || yaml.isBlank()) return Map.of();
        try {
            Map<String, List<GroupYaml>> raw = MAPPER.readValue(yaml, LISTING);
            Map<String, List<RuleGroup>> out = new LinkedHashMap<>();
            if (raw != null) {
                raw.forEach((ns, groups) -> out.put(ns, groups == null ? List.of()
                        : groups.stream().map(RulerYaml::toModel).toList()));
            }
            return out;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot read rule listing YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static RuleGroup toModel(GroupYaml y) {
        List<Rule> rules = y.rules() == null ? List.of() : y.rules().stream()
                .map(r -> new Rule(r.record(), r.alert(), r.expr(), r.forDuration(), r.keepFiringFor(),
                        r.labels(), r.annotations(), Origin.NONE))
                .toList();
        return new RuleGroup(y.name(), y.interval(), y.queryOffset(), y.limit(), y.labels(), y.sourceTenants(),
                rules, Origin.NONE);
    }
}
