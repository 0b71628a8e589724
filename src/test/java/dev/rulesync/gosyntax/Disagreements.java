package dev.rulesync.gosyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Collects where rule-sync and Go answered differently, and fails listing the first ones. */
final class Disagreements {

    private final String name;
    private final List<String> found = new ArrayList<>();
    private int compared;

    Disagreements(String name) {
        this.name = name;
    }

    void check(String what, String input, Object ours, Object go) {
        compared++;
        if (!Objects.equals(ours, go)) {
            found.add(what + " " + show(input) + "\n    go:   " + go + "\n    ours: " + ours);
        }
    }

    int compared() {
        return compared;
    }

    void assertNone() {
        System.out.println(name + ": " + compared + " answers compared with Go's, "
                + found.size() + " differ");
        assertThat(found).as(found.size() + " of " + compared + " answers differ from Go's:\n"
                + found.stream().limit(40).collect(Collectors.joining("\n"))).isEmpty();
    }

    /** The input as a Java string literal would show it, so a failure can be pasted into a test. */
    static String show(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
