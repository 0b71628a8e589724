package dev.rulesync.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately tiny, independent protobuf writer for Loki's rules.RuleGroupDesc, written from the encoding
 * rules in the wire spec (field numbers, zero durations written, fields ascending, labels sorted by name).
 * The ITs check it against the spec's hex vector and against the bytes a real Loki writes, so that the facts
 * the production encoder must meet are pinned down by real programs, not by this class.
 */
final class LokiRuleObjectBytes {

    /** The spec's test vector: tenant1 / ns1 / g1, interval 60s, record job:up:sum = sum by (job) (up). */
    static final String SPEC_VECTOR_HEX = "0a02673112036e73311a02083c22210a1173756d20627920286a6f62292028757029"
            + "120a6a6f623a75703a73756d2200320774656e616e7431";

    record Rule(String expr, String record, String alert, Duration forDuration, Map<String, String> labels,
            Map<String, String> annotations) {
        static Rule recording(String record, String expr) {
            return new Rule(expr, record, "", Duration.ZERO, Map.of(), Map.of());
        }
    }

    private LokiRuleObjectBytes() {
    }

    static byte[] group(String user, String namespace, String name, Duration interval, long limit, List<Rule> rules) {
        Writer group = new Writer();
        group.string(1, name);
        group.string(2, namespace);
        group.message(3, duration(interval)); // gogo non-nullable Duration: written even when zero
        for (Rule rule : rules) {
            group.message(4, rule(rule));
        }
        group.string(6, user);
        if (limit != 0) {
            group.varintField(10, limit);
        }
        return group.bytes();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] rule(Rule rule) {
        Writer out = new Writer();
        out.string(1, rule.expr());
        out.string(2, rule.record());
        out.string(3, rule.alert());
        out.message(4, duration(rule.forDuration()));
        for (Map.Entry<String, String> label : new TreeMap<>(rule.labels()).entrySet()) {
            out.message(5, pair(label.getKey(), label.getValue()));
        }
        for (Map.Entry<String, String> annotation : new TreeMap<>(rule.annotations()).entrySet()) {
            out.message(6, pair(annotation.getKey(), annotation.getValue()));
        }
        return out.bytes();
    }

    private static byte[] pair(String name, String value) {
        Writer out = new Writer();
        out.string(1, name);
        out.string(2, value);
        return out.bytes();
    }

    private static byte[] duration(Duration duration) {
        Writer out = new Writer();
        if (duration.getSeconds() != 0) {
            out.varintField(1, duration.getSeconds());
        }
        if (duration.getNano() != 0) {
            out.varintField(2, duration.getNano());
        }
        return out.bytes();
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void string(int field, String value) {
            if (!value.isEmpty()) { // proto3: empty strings are not written
                message(field, value.getBytes(StandardCharsets.UTF_8));
            }
        }

        void message(int field, byte[] body) {
            varint((long) field << 3 | 2);
            varint(body.length);
            out.writeBytes(body);
        }

        void varintField(int field, long value) {
            varint((long) field << 3);
            varint(value);
        }

        private void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
