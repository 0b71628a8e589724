package dev.rulesync.validate;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Origin;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.Severity;
import dev.rulesync.source.DisableComment;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies a file's {@code # rule-sync disable} comments to the problems found in it. A comment alone on its line
 * covers the rule, group or object that starts right below it; a comment inside a rule or group (or at the end
 * of one of its lines) covers that rule or group; {@code # rule-sync file/disable} covers the whole file. Unknown
 * check names are reported ({@code comment/disable}), so a typo does not silently leave a check on.
 */
public final class Suppressions {

    private record Scope(String file, int from, int to, ObjectRef object, Set<String> checks) {
        boolean covers(Problem p) {
            if (!checks.contains(p.check())) return false;
            if (object != null) return object.equals(p.object());
            if (!p.position().file().equals(file)) return false;
            int line = p.position().line();
            return line >= from && line <= to;
        }
    }

    private Suppressions() {
    }

    /** The problems of {@code file} that no disable comment covers, plus a warning per unknown check name. */
    public static List<Problem> apply(LoadResult file, List<Problem> problems) {
        if (file.disables().isEmpty()) return problems;
        List<Scope> scopes = new ArrayList<>();
        List<Problem> out = new ArrayList<>();
        for (DisableComment c : file.disables()) {
            for (String name : c.checks()) {
                if (!Checks.exists(name)) {
                    out.add(new Problem(c.at(), Severity.WARNING, Checks.COMMENT_DISABLE, "unknown check \"" + name
                            + "\" in a rule-sync disable comment", null, null, null));
                }
            }
            Scope s = scope(file, c);
            if (s != null) scopes.add(s);
        }
        for (Problem p : problems) {
            if (scopes.stream().noneMatch(s -> s.covers(p))) out.add(p);
        }
        return out;
    }

    private static Scope scope(LoadResult file, DisableComment c) {
        Set<String> checks = Set.copyOf(c.checks());
        if (c.file()) return new Scope(file.file(), 1, Integer.MAX_VALUE, null, checks);
        int line = c.at().line();
        if (c.own() && c.next() > 0) {
            for (LoadedObject o : file.objects()) {
                if (o.object().at().line() == c.next()) {
                    return new Scope(file.file(), 0, 0, o.object().ref(), checks);
                }
                for (RuleGroup g : o.object().groups()) {
                    if (g.origin().at().line() == c.next()) return range(file, g.origin(), checks);
                    for (Rule r : g.rules()) {
                        if (r.origin().at().line() == c.next()) return range(file, r.origin(), checks);
                    }
                }
            }
        }
        Scope inner = null;
        for (LoadedObject o : file.objects()) {
            for (RuleGroup g : o.object().groups()) {
                if (contains(g.origin(), line)) inner = range(file, g.origin(), checks);
                for (Rule r : g.rules()) {
                    if (contains(r.origin(), line)) return range(file, r.origin(), checks);
                }
            }
        }
        return inner;
    }

    private static boolean contains(Origin o, int line) {
        Position end = o.fields().get(Origin.END);
        return o.at().isKnown() && end != null && line >= o.at().line() && line <= end.line();
    }

    private static Scope range(LoadResult file, Origin o, Set<String> checks) {
        Position end = o.fields().get(Origin.END);
        return new Scope(file.file(), o.at().line(), end == null ? o.at().line() : end.line(), null, checks);
    }
}
