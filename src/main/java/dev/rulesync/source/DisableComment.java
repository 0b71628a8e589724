package dev.rulesync.source;

import dev.rulesync.model.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code # rule-sync disable <check>[, <check>...]} or {@code # rule-sync file/disable <check>...} comment in a
 * rule file. YAML comments are not part of the parsed tree, so the loader finds them in the source text; which
 * rule or group a comment covers is decided with the rules' and groups' places ({@code validate.Suppressions}).
 *
 * @param at     where the comment starts
 * @param file   true for {@code file/disable}: the whole file
 * @param own    true when the comment is alone on its line (it then covers the node right below it)
 * @param next   for a comment alone on its line, the next line that is neither blank nor a comment (0 when none)
 * @param checks the named checks, as written
 */
public record DisableComment(Position at, boolean file, boolean own, int next, List<String> checks) {

    private static final Pattern COMMENT =
            Pattern.compile("(?:^|\\s)#\\s*rule-sync\\s+(file/)?disable\\s+([^#]*?)\\s*$");

    public DisableComment {
        checks = List.copyOf(checks);
    }

    /** The disable comments of a file's text. A {@code #} inside a quoted string is not a comment. */
    static List<DisableComment> scan(String file, String text) {
        if (!text.contains("rule-sync")) return List.of();
        List<DisableComment> out = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash < 0 || !line.contains("rule-sync")) continue;
            Matcher m = COMMENT.matcher(line);
            if (!m.find()) continue;
            int start = line.indexOf('#', m.start());
            if (quoted(line, start)) continue;
            List<String> names = new ArrayList<>();
            for (String n : m.group(2).split("[,\\s]+")) if (!n.isBlank()) names.add(n.trim());
            if (names.isEmpty()) continue;
            boolean own = line.substring(0, start).isBlank();
            int next = 0;
            if (own) {
                int j = i + 1;
                while (j < lines.length && (lines[j].isBlank() || lines[j].strip().startsWith("#"))) j++;
                next = j < lines.length ? j + 1 : 0;
            }
            out.add(new DisableComment(new Position(file, i + 1, line.codePointCount(0, start) + 1),
                    m.group(1) != null, own, next, names));
        }
        return out;
    }

    /** Whether index {@code at} lies inside a single- or double-quoted string on this line. */
    private static boolean quoted(String line, int at) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < at; i++) {
            char c = line.charAt(i);
            if (c == '\\' && dbl) {
                i++;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '\'' && !dbl) {
                single = !single;
            }
        }
        return single || dbl;
    }
}
