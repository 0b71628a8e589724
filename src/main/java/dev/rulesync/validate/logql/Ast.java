package dev.rulesync.validate.logql;

import dev.rulesync.gosyntax.GoDuration;
import dev.rulesync.gosyntax.GoStrconv;
import dev.rulesync.gosyntax.PromDuration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The LogQL syntax tree, shaped like Loki's (pkg/logql/syntax) so that printing it gives Loki's String() form:
 * that form is the canonical one, and two expressions are equal exactly when it is.
 */
final class Ast {

    private Ast() {
    }

    /** Any LogQL expression. */
    sealed interface Expr permits LogSelector, SampleExpr {
        String print();
    }

    /** A log query: a stream selector, optionally with a pipeline. */
    sealed interface LogSelector extends Expr permits Matchers, Pipeline {
        Matchers selector();
    }

    /**
     * A metric query, what a rule must be. As in Loki, a node that broke one of Loki's rules while being built
     * keeps the message in {@code error}; validation reports it only if Loki's own validation would reach it.
     */
    sealed interface SampleExpr extends Expr
            permits RangeAggregation, VectorAggregation, BinOp, Literal, VectorLiteral, LabelReplace, Variants {
    }

    enum MatchType {
        EQ("="), NEQ("!="), RE("=~"), NRE("!~");

        final String symbol;

        MatchType(String symbol) {
            this.symbol = symbol;
        }
    }

    private static final Pattern LEGACY_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    record Matcher(String name, MatchType type, String value) {
        String print() {
            String n = LEGACY_NAME.matcher(name).matches() ? name : GoStrconv.quote(name);
            return n + type.symbol + GoStrconv.quote(value);
        }
    }

    record Matchers(List<Matcher> matchers) implements LogSelector {
        @Override
        public Matchers selector() {
            return this;
        }

        @Override
        public String print() {
            return matchers.stream().map(Matcher::print).collect(Collectors.joining(", ", "{", "}"));
        }
    }

    record Pipeline(Matchers left, List<Stage> stages) implements LogSelector {
        @Override
        public Matchers selector() {
            return left;
        }

        @Override
        public String print() {
            return left.print() + " " + stages.stream().map(Stage::print).collect(Collectors.joining(" "));
        }
    }

    sealed interface Stage permits LineFilter, LogfmtParser, JsonParser, LineParser, LabelFilterStage, LineFormat,
            Decolorize, LabelFormat, DropOrKeep {
        String print();
    }

    enum LineMatch {
        EQ("|="), NEQ("!="), RE("|~"), NRE("!~"), PATTERN("|>"), NPATTERN("!>");

        final String symbol;

        LineMatch(String symbol) {
            this.symbol = symbol;
        }

        /** Positive filters keep "or" alternatives; negative ones become a chain (not a or b = not a and not b). */
        boolean positive() {
            return this == EQ || this == RE || this == PATTERN;
        }
    }

    /** One operand of a line filter: a string, or ip("...") when {@code ip} is set. */
    record LineFilterValue(String value, boolean ip, Position at) {
        String print() {
            return ip ? "ip(" + GoStrconv.quote(value) + ")" : GoStrconv.quote(value);
        }
    }

    /** One line filter; {@code alternatives} holds more than one value only for positive filters joined by "or". */
    record LineFilter(LineMatch type, List<LineFilterValue> alternatives) implements Stage {
        @Override
        public String print() {
            return type.symbol + " " + alternatives.stream().map(LineFilterValue::print)
                    .collect(Collectors.joining(" or "));
        }
    }

    record LogfmtParser(boolean strict, boolean keepEmpty, List<LabelExtraction> extractions) implements Stage {
        @Override
        public String print() {
            if (extractions.isEmpty()) {
                return "| logfmt" + (strict ? " --strict" : "") + (keepEmpty ? " --keep-empty" : "");
            }
            return "| logfmt " + (strict ? "--strict " : "") + (keepEmpty ? "--keep-empty " : "")
                    + extractions.stream().map(LabelExtraction::print).collect(Collectors.joining(","));
        }
    }

    record JsonParser(List<LabelExtraction> extractions) implements Stage {
        @Override
        public String print() {
            if (extractions.isEmpty()) return "| json";
            return "| json " + extractions.stream().map(LabelExtraction::print).collect(Collectors.joining(","));
        }
    }

    record LabelExtraction(String identifier, String expression) {
        String print() {
            return identifier + "=" + GoStrconv.quote(expression);
        }
    }

    /** regexp "...", pattern "..." or unpack. */
    record LineParser(String op, String param) implements Stage {
        @Override
        public String print() {
            if (op.equals("unpack")) return "| unpack";
            return "| " + op + " " + GoStrconv.quote(param);
        }
    }

    record LabelFilterStage(LabelFilter filter) implements Stage {
        @Override
        public String print() {
            return "| " + filter.print();
        }
    }

    record LineFormat(String template) implements Stage {
        @Override
        public String print() {
            return "| line_format " + GoStrconv.quote(template);
        }
    }

    record Decolorize() implements Stage {
        @Override
        public String print() {
            return "| decolorize";
        }
    }

    /** One label_format entry: a rename (dst=src) or a template (dst="..."). */
    record LabelFmt(String name, String value, boolean rename) {
        String print() {
            return name + "=" + (rename ? value : GoStrconv.quote(value));
        }
    }

    record LabelFormat(List<LabelFmt> formats) implements Stage {
        @Override
        public String print() {
            return "| label_format " + formats.stream().map(LabelFmt::print).collect(Collectors.joining(","));
        }
    }

    /** A drop or keep entry: a bare label name, or a matcher. */
    record NamedMatcher(String name, Matcher matcher) {
        String print() {
            return matcher != null ? matcher.print() : name;
        }
    }

    record DropOrKeep(boolean drop, List<NamedMatcher> labels) implements Stage {
        @Override
        public String print() {
            return "| " + (drop ? "drop" : "keep") + " "
                    + labels.stream().map(NamedMatcher::print).collect(Collectors.joining(","));
        }
    }

    enum FilterOp {
        EQ("=="), NEQ("!="), GT(">"), GTE(">="), LT("<"), LTE("<=");

        final String symbol;

        FilterOp(String symbol) {
            this.symbol = symbol;
        }
    }

    sealed interface LabelFilter permits StringLabelFilter, IpLabelFilter, DurationLabelFilter, BytesLabelFilter,
            NumberLabelFilter, BinaryLabelFilter {
        String print();
    }

    record StringLabelFilter(Matcher matcher) implements LabelFilter {
        @Override
        public String print() {
            return matcher.print();
        }
    }

    record IpLabelFilter(String label, boolean equal, String pattern) implements LabelFilter {
        @Override
        public String print() {
            return label + (equal ? "=" : "!=") + "ip(" + GoStrconv.quote(pattern) + ")";
        }
    }

    record DurationLabelFilter(String label, FilterOp op, long nanos) implements LabelFilter {
        @Override
        public String print() {
            return label + op.symbol + GoDuration.format(nanos);
        }
    }

    record BytesLabelFilter(String label, FilterOp op, long bytes) implements LabelFilter {
        @Override
        public String print() {
            return label + op.symbol + LokiLiterals.humanizeBytes(bytes);
        }
    }

    record NumberLabelFilter(String label, FilterOp op, double value) implements LabelFilter {
        @Override
        public String print() {
            return label + op.symbol + GoStrconv.formatFloat(value);
        }
    }

    /** "and", "," and juxtaposition all mean and. */
    record BinaryLabelFilter(LabelFilter left, LabelFilter right, boolean and) implements LabelFilter {
        @Override
        public String print() {
            return "( " + left.print() + (and ? " , " : " or ") + right.print() + " )";
        }
    }

    record Unwrap(String identifier, String conversion, List<LabelFilter> postFilters) {
        String print() {
            StringBuilder sb = new StringBuilder(" | unwrap ");
            sb.append(conversion.isEmpty() ? identifier : conversion + "(" + identifier + ")");
            for (LabelFilter f : postFilters) sb.append(" | ").append(f.print());
            return sb.toString();
        }
    }

    record LogRange(LogSelector left, long interval, long offset, Unwrap unwrap) {
        String print() {
            return left.print() + (unwrap != null ? unwrap.print() : "") + "["
                    + PromDuration.format(interval) + "]"
                    + (offset != 0 ? " offset " + GoDuration.format(offset) : "");
        }
    }

    record Grouping(boolean without, List<String> labels) {
        String print() {
            return (without ? " without " : " by ") + "(" + String.join(",", labels) + ")";
        }

        boolean singleton() {
            return labels.isEmpty() && !without;
        }
    }

    record RangeAggregation(String op, LogRange left, Double param, Grouping grouping, String error)
            implements SampleExpr {
        @Override
        public String print() {
            return op + "(" + (param != null ? GoStrconv.formatFloat(param) + "," : "") + left.print() + ")"
                    + (grouping != null ? grouping.print() : "");
        }
    }

    record VectorAggregation(String op, Expr left, Grouping grouping, long param, String error)
            implements SampleExpr {
        @Override
        public String print() {
            String g = grouping != null && !grouping.singleton() ? grouping.print() : "";
            boolean k = op.equals("topk") || op.equals("bottomk") || op.equals("approx_topk");
            return op + g + "(" + (k ? param + "," : "") + left.print() + ")";
        }
    }

    enum Card { ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY }

    /**
     * Binary operator options as Loki records them: {@code matchingLabels} and {@code include} are null when
     * no list was written.
     */
    record BinOpOptions(boolean returnBool, boolean on, List<String> matchingLabels, Card card, List<String> include) {
        static final BinOpOptions NONE = new BinOpOptions(false, false, null, Card.ONE_TO_ONE, null);
    }

    record BinOp(String op, Expr lhs, Expr rhs, BinOpOptions opts, String error) implements SampleExpr {
        @Override
        public String print() {
            String o = op;
            if (opts.returnBool()) o = o + " bool";
            String group = switch (opts.card()) {
                case MANY_TO_ONE -> "group_left";
                case ONE_TO_MANY -> "group_right";
                case ONE_TO_ONE -> "";
            };
            if (opts.include() != null) group = group + " (" + String.join(",", opts.include()) + ")";
            if (opts.on() || opts.matchingLabels() != null) {
                List<String> ml = opts.matchingLabels() == null ? List.of() : opts.matchingLabels();
                o = o + " " + (opts.on() ? "on" : "ignoring") + " (" + String.join(",", ml) + ") " + group;
            }
            return "(" + lhs.print() + " " + o + " " + rhs.print() + ")";
        }
    }

    record Literal(double value, String error) implements SampleExpr {
        @Override
        public String print() {
            return GoStrconv.formatFloatV(value);
        }
    }

    record VectorLiteral(double value, String error) implements SampleExpr {
        @Override
        public String print() {
            return "vector(" + GoStrconv.formatFloat(value, 6) + ")";
        }
    }

    record LabelReplace(Expr left, String dst, String replacement, String src, String regex, String error)
            implements SampleExpr {
        @Override
        public String print() {
            return "label_replace(" + left.print() + "," + GoStrconv.quote(dst) + "," + GoStrconv.quote(replacement) + ","
                    + GoStrconv.quote(src) + "," + GoStrconv.quote(regex) + ")";
        }
    }

    record Variants(List<Expr> variants, LogRange logRange) implements SampleExpr {
        @Override
        public String print() {
            return "variants(" + variants.stream().map(Expr::print).collect(Collectors.joining(", ")) + ") of ("
                    + logRange.print() + ")";
        }
    }

    /** A 1-based place in the expression text. */
    record Position(int line, int column) {
    }
}
