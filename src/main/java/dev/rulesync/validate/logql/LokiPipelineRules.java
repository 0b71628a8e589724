package dev.rulesync.validate.logql;

import dev.rulesync.gosyntax.GoRegexp;
import dev.rulesync.gosyntax.GoTemplate;
import dev.rulesync.validate.logql.Ast.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules Loki applies only when it runs a query and builds its pipelines, not when it parses it: line_format and
 * label_format templates (Go text/template with Loki's functions), the regular expressions of |~ and !~, the
 * patterns of |> and !>, ip("...") patterns of line and label filters, json and logfmt extraction paths, and
 * label_format's one-change-per-label rule. A rule that breaks them is accepted by the ruler and then fails at
 * every evaluation.
 */
final class LokiPipelineRules {

    /** text/template's built-ins are always there; these are Loki's function map (pkg/logql/log/fmt.go). */
    static final Set<String> TEMPLATE_FUNCTIONS = Set.of(
            "ToLower", "ToUpper", "Replace", "Trim", "TrimLeft", "TrimRight", "TrimPrefix", "TrimSuffix",
            "TrimSpace", "regexReplaceAll", "regexReplaceAllLiteral", "count", "urldecode", "urlencode", "bytes",
            "duration", "duration_seconds", "unixEpochMillis", "unixEpochNanos", "toDateInZone", "unixToTime",
            "alignLeft", "alignRight", "__line__", "__timestamp__",
            "b64enc", "b64dec", "lower", "upper", "title", "trunc", "substr", "contains", "hasPrefix", "hasSuffix",
            "indent", "nindent", "replace", "repeat", "trim", "trimAll", "trimSuffix", "trimPrefix", "int",
            "float64", "add", "sub", "mul", "div", "mod", "addf", "subf", "mulf", "divf", "max", "min", "maxf",
            "minf", "ceil", "floor", "round", "fromJson", "date", "toDate", "now", "unixEpoch", "default");

    /** Loki parses line_format templates as template.New("line"), label_format values as "label". */
    private static final GoTemplate.Env LINE_TEMPLATE = new GoTemplate.Env("line", "", TEMPLATE_FUNCTIONS);
    private static final GoTemplate.Env LABEL_TEMPLATE = new GoTemplate.Env("label", "", TEMPLATE_FUNCTIONS);

    private LokiPipelineRules() {
    }

    /** Go's error for a template Loki cannot parse ("template: line:1: ..."), or null. */
    private static String template(String text, GoTemplate.Env env) {
        return GoTemplate.parse(text, env).map(GoTemplate.Error::goMessage).orElse(null);
    }

    /** The first stage Loki could not build, with its message, in the order Loki builds them. */
    static LokiRules.Violation validate(Expr e) {
        return validate(e, false);
    }

    /**
     * {@link #validate} of the query Loki's engine really runs. Before it builds the pipelines of a metric query,
     * the engine drops each {@code line_format} stage that no parser or line filter follows (the line is only counted
     * then), except under {@code bytes_over_time} and {@code bytes_rate}, which measure the line: a rule with a broken
     * template in such a stage evaluates fine on the real ruler (measured by RulerGroupsDifferentialIT).
     */
    static LokiRules.Violation validateAsEvaluated(Expr e) {
        return validate(e, true);
    }

    private static LokiRules.Violation validate(Expr e, boolean asEvaluated) {
        return switch (e) {
            case Matchers m -> null;
            case Pipeline p -> stages(p.stages());
            case RangeAggregation r -> r.left().left() instanceof Pipeline p
                    ? stages(asEvaluated ? evaluated(r.op(), p.stages()) : p.stages()) : null;
            case VectorAggregation v -> validate(v.left(), asEvaluated);
            case BinOp b -> {
                LokiRules.Violation l = validate(b.lhs(), asEvaluated);
                yield l != null ? l : validate(b.rhs(), asEvaluated);
            }
            case LabelReplace r -> validate(r.left(), asEvaluated);
            case Variants v -> variants(v, asEvaluated);
            case Literal l -> null;
            case VectorLiteral v -> null;
        };
    }

    /** The stages of a range aggregation's pipeline that Loki's engine keeps. */
    private static List<Stage> evaluated(String op, List<Stage> stages) {
        if (op.equals("bytes_over_time") || op.equals("bytes_rate")) return stages;
        List<Stage> kept = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            if (!(stages.get(i) instanceof LineFormat) || usesTheLine(stages.subList(i + 1, stages.size()))) {
                kept.add(stages.get(i));
            }
        }
        return kept;
    }

    private static boolean usesTheLine(List<Stage> after) {
        return after.stream().anyMatch(s -> s instanceof LineFilter || s instanceof LogfmtParser
                || s instanceof JsonParser || s instanceof LineParser);
    }

    /** Loki checks the expressions inside variants(...) only when it builds their extractors. */
    private static LokiRules.Violation variants(Variants v, boolean asEvaluated) {
        for (int i = 0; i < v.variants().size(); i++) {
            Expr variant = v.variants().get(i);
            LokiRules.Violation bad = variant instanceof SampleExpr s ? LokiRules.sample(s, false) : null;
            if (bad == null) bad = validate(variant, asEvaluated);
            if (bad != null) {
                return new LokiRules.Violation("error extracting variant " + i + ": parse error : " + bad.message(),
                        bad.node());
            }
        }
        return v.logRange().left() instanceof Pipeline p ? stages(p.stages()) : null;
    }

    private static LokiRules.Violation stages(List<Stage> stages) {
        for (Stage s : stages) {
            String err = stage(s);
            if (err != null) return new LokiRules.Violation("stage '" + s.print() + "' : " + err, s);
        }
        return null;
    }

    private static String stage(Stage s) {
        return switch (s) {
            case LineFilter f -> lineFilter(f);
            case LineFormat f -> {
                String err = template(f.template(), LINE_TEMPLATE);
                yield err == null ? null : "invalid line template: " + err;
            }
            case LabelFormat f -> labelFormat(f);
            case JsonParser j -> extractions(j.extractions(), true);
            case LabelFilterStage f -> ipPatterns(f.filter());
            case LogfmtParser l -> extractions(l.extractions(), false);
            default -> null;
        };
    }

    private static String lineFilter(LineFilter f) {
        for (LineFilterValue v : f.alternatives()) {
            if (v.ip()) {
                if (f.type() != LineMatch.EQ && f.type() != LineMatch.NEQ) return "ip: invalid operation";
                String err = GoNetip.patternError(v.value());
                if (err != null) return err;
                continue;
            }
            switch (f.type()) {
                case RE, NRE -> {
                    String err = GoRegexp.error(v.value(), GoRegexp.Syntax.GRAFANA);
                    if (err != null) return err;
                }
                case PATTERN, NPATTERN -> {
                    String err = LokiPattern.validateLineFilter(v.value());
                    if (err != null) return err;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Loki checks the ip() pattern of a label filter stage only when the stage is that one filter. */
    private static String ipPatterns(LabelFilter f) {
        return f instanceof IpLabelFilter ip ? GoNetip.patternError(ip.pattern()) : null;
    }

    private static String extractions(List<LabelExtraction> extractions, boolean json) {
        for (LabelExtraction e : extractions) {
            String err = json ? LokiExtractionPaths.json(e.expression()) : LokiExtractionPaths.logfmt(e.expression());
            if (err != null) return "cannot parse expression [" + e.expression() + "]: " + err;
        }
        return null;
    }

    private static String labelFormat(LabelFormat f) {
        Set<String> names = new HashSet<>();
        for (LabelFmt l : f.formats()) {
            if (l.name().equals("__error__")) return "__error__ cannot be formatted";
            if (!names.add(l.name())) {
                return "multiple label name '" + l.name() + "' not allowed in a single format operation";
            }
        }
        for (LabelFmt l : f.formats()) {
            if (l.rename()) continue;
            String err = template(l.value(), LABEL_TEMPLATE);
            if (err != null) return "invalid template for label '" + l.name() + "': " + err;
        }
        return null;
    }
}
