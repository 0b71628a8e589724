package dev.rulesync.source;

import dev.rulesync.model.Origin;
import dev.rulesync.model.Position;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.Arrays;

/**
 * Maps places inside a scalar's value back to the file. snakeyaml-engine gives the value and the start and end of
 * the scalar, not where each character came from, so this re-reads the scalar's source text by the YAML rules for
 * its style (plain, single- or double-quoted with folding and escapes, literal and folded block scalars with
 * indentation indicators and chomping) and records the source offset of every value code point. The reading is
 * checked against snakeyaml's value: when they differ (a case this reader does not know), every place maps to the
 * start of the scalar rather than to a wrong place.
 */
final class ScalarLocator {

    private ScalarLocator() {
    }

    static Origin.ExprLocator of(SourceText src, ScalarNode node) {
        Position start = node.getStartMark().map(m -> src.position(m.getLine(), m.getColumn())).orElse(Position.UNKNOWN);
        if (node.getStartMark().isEmpty() || node.getEndMark().isEmpty()) return (l, c) -> start;
        int from = node.getStartMark().get().getIndex();
        int to = node.getEndMark().get().getIndex();
        int[] value = node.getValue().codePoints().toArray();
        int[] offsets;
        try {
            offsets = read(src, node.getScalarStyle(), from, to, value);
        } catch (RuntimeException e) {
            offsets = null; // a shape this reader does not cover: degrade to the scalar's start
        }
        if (offsets == null) return (l, c) -> start;
        return new Mapped(src, value, offsets, start);
    }

    /** Source offsets for each value code point, or null when the re-read value differs from snakeyaml's. */
    static int[] read(SourceText src, ScalarStyle style, int from, int to, int[] value) {
        Out out = new Out();
        switch (style) {
            case PLAIN -> flow(src, from, to, 0, out);
            case SINGLE_QUOTED -> flow(src, from + 1, to - 1, '\'', out);
            case DOUBLE_QUOTED -> flow(src, from + 1, to - 1, '"', out);
            case LITERAL, FOLDED -> block(src, from, to, value, style == ScalarStyle.FOLDED, out);
            default -> {
                return null;
            }
        }
        if (out.n < value.length) return null;
        for (int i = 0; i < value.length; i++) {
            if (out.cps[i] != value[i]) return null;
        }
        return Arrays.copyOf(out.srcs, value.length);
    }

    /** Plain and quoted scalars: line folding, '' in single quotes, escapes in double quotes. */
    private static void flow(SourceText src, int from, int to, int quote, Out out) {
        int i = from;
        while (i < to) {
            int c = src.at(i);
            if (c == '\n' || c == '\r') {
                out.trimTrailingWhitespace();
                int breakAt = i;
                i = skipBreak(src, i);
                int empties = 0;
                while (true) {
                    int j = i;
                    while (j < to && (src.at(j) == ' ' || src.at(j) == '\t')) j++;
                    if (j < to && (src.at(j) == '\n' || src.at(j) == '\r')) {
                        empties++;
                        i = skipBreak(src, j);
                    } else {
                        i = j;
                        break;
                    }
                }
                if (empties == 0) {
                    out.add(' ', breakAt, true);
                } else {
                    for (int k = 0; k < empties; k++) out.add('\n', breakAt, false);
                }
                continue;
            }
            if (quote == '\'' && c == '\'' && i + 1 < to && src.at(i + 1) == '\'') {
                out.add('\'', i, false);
                i += 2;
                continue;
            }
            if (quote == '"' && c == '\\' && i + 1 < to) {
                int e = src.at(i + 1);
                if (e == '\n' || e == '\r') {
                    // escaped line break: the break and the next line's indentation vanish; empty lines stay
                    i = skipBreak(src, i + 1);
                    while (true) {
                        int j = i;
                        while (j < to && (src.at(j) == ' ' || src.at(j) == '\t')) j++;
                        if (j < to && (src.at(j) == '\n' || src.at(j) == '\r')) {
                            out.add('\n', j, false);
                            i = skipBreak(src, j);
                        } else {
                            i = j;
                            break;
                        }
                    }
                    continue;
                }
                int hexLen = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
                if (hexLen > 0) {
                    StringBuilder hex = new StringBuilder();
                    for (int k = 0; k < hexLen; k++) hex.appendCodePoint(src.at(i + 2 + k));
                    out.add(Integer.parseInt(hex.toString(), 16), i, false);
                    i += 2 + hexLen;
                    continue;
                }
                out.add(escape(e), i, false);
                i += 2;
                continue;
            }
            out.add(c, i, c == ' ' || c == '\t');
            i++;
        }
    }

    private static int escape(int e) {
        return switch (e) {
            case '0' -> 0;
            case 'a' -> 7;
            case 'b' -> 8;
            case 't', '\t' -> 9;
            case 'n' -> 10;
            case 'v' -> 11;
            case 'f' -> 12;
            case 'r' -> 13;
            case 'e' -> 27;
            case 'N' -> 0x85;
            case '_' -> 0xA0;
            case 'L' -> 0x2028;
            case 'P' -> 0x2029;
            default -> e; // space, ", /, \ stand for themselves
        };
    }

    private static int skipBreak(SourceText src, int i) {
        if (src.at(i) == '\r' && i + 1 < src.length() && src.at(i + 1) == '\n') return i + 2;
        return i + 1;
    }

    /** Literal and folded block scalars. The content indentation is derived from the value itself. */
    private static void block(SourceText src, int from, int to, int[] value, boolean folded, Out out) {
        int first = src.nextLineStart(from);
        // collect the lines of the block: [start, end) of each, stopping at the scalar's end
        int[] starts = new int[8];
        int[] ends = new int[8];
        int n = 0;
        for (int ls = first; ls < to && ls < src.length(); ls = src.nextLineStart(ls)) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = ls;
            ends[n] = Math.min(src.lineEnd(ls), Math.max(to, ls));
            n++;
        }
        // indentation = leading spaces of the first non-blank source line minus those of the same value line
        int firstContent = -1;
        for (int k = 0; k < n && firstContent < 0; k++) {
            for (int i = starts[k]; i < ends[k]; i++) {
                if (src.at(i) != ' ' && src.at(i) != '\t') {
                    firstContent = k;
                    break;
                }
            }
        }
        if (firstContent < 0) return; // value is only line breaks; nothing to point into
        int leading = 0;
        while (src.at(starts[firstContent] + leading) == ' ') leading++;
        int valueLine = 0;
        int vi = 0;
        while (valueLine < firstContent && vi < value.length) {
            if (value[vi++] == '\n') valueLine++;
        }
        int valueLeading = 0;
        while (vi + valueLeading < value.length && value[vi + valueLeading] == ' ') valueLeading++;
        int indent = leading - valueLeading;
        if (indent < 0) return;

        boolean[] blank = new boolean[n];
        for (int k = 0; k < n; k++) {
            boolean onlySpaces = true;
            for (int i = starts[k]; i < ends[k]; i++) {
                if (src.at(i) != ' ') {
                    onlySpaces = false;
                    break;
                }
            }
            blank[k] = onlySpaces && ends[k] - starts[k] <= indent;
        }
        int k = 0;
        while (k < n && blank[k]) out.add('\n', starts[k++], false);
        while (k < n) {
            int cs = starts[k] + indent;
            for (int i = cs; i < ends[k]; i++) out.add(src.at(i), i, false);
            int next = k + 1;
            while (next < n && blank[next]) next++;
            boolean moreIndented = cs < ends[k] && (src.at(cs) == ' ' || src.at(cs) == '\t');
            if (!folded || next >= n) {
                out.add('\n', ends[k], false);
                for (int e = k + 1; e < next; e++) out.add('\n', starts[e], false);
            } else {
                int ns = starts[next] + indent;
                boolean nextMore = ns < ends[next] && (src.at(ns) == ' ' || src.at(ns) == '\t');
                int empties = next - k - 1;
                if (moreIndented || nextMore) {
                    out.add('\n', ends[k], false);
                    for (int e = k + 1; e < next; e++) out.add('\n', starts[e], false);
                } else if (empties == 0) {
                    out.add(' ', ends[k], false);
                } else {
                    for (int e = k + 1; e < next; e++) out.add('\n', starts[e], false);
                }
            }
            k = next;
        }
    }

    /** The value as re-read, with the source offset of every code point. */
    private static final class Out {
        int[] cps = new int[64];
        int[] srcs = new int[64];
        boolean[] strippable = new boolean[64];
        int n;

        void add(int cp, int src, boolean strip) {
            if (n == cps.length) {
                cps = Arrays.copyOf(cps, n * 2);
                srcs = Arrays.copyOf(srcs, n * 2);
                strippable = Arrays.copyOf(strippable, n * 2);
            }
            cps[n] = cp;
            srcs[n] = src;
            strippable[n] = strip;
            n++;
        }

        void trimTrailingWhitespace() {
            while (n > 0 && strippable[n - 1]) n--;
        }
    }

    private record Mapped(SourceText src, int[] value, int[] offsets, Position start) implements Origin.ExprLocator {
        @Override
        public Position locate(int line, int column) {
            if (line < 1 || column < 1 || value.length == 0) return start;
            int idx = 0;
            for (int l = 1; l < line; l++) {
                while (idx < value.length && value[idx] != '\n') idx++;
                if (idx >= value.length) return end();
                idx++;
            }
            int lineEnd = idx;
            while (lineEnd < value.length && value[lineEnd] != '\n') lineEnd++;
            idx = Math.min(idx + column - 1, lineEnd);
            if (idx >= value.length) return end();
            return src.position(offsets[idx]);
        }

        /**
         * Just after the last character of the value that is not a line break. A block scalar's value ends with the
         * line break that clip chomping keeps; a problem at the very end of the expression (an unclosed parenthesis,
         * a dangling operator) belongs after the last token on the block's last line, not at column 1 of the next
         * line, which may be the next rule's or lie past the object.
         */
        private Position end() {
            int last = value.length - 1;
            while (last > 0 && (value[last] == '\n' || value[last] == '\r')) last--;
            return src.position(offsets[last] + 1);
        }
    }
}
