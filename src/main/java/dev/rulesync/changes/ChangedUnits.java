package dev.rulesync.changes;

import dev.rulesync.model.Origin;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.source.LoadResult;
import dev.rulesync.source.LoadedObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which problems belong to what changed, for {@code lint --changed-since}. A file is a tree of units (its objects,
 * their groups, their rules); each unit spans from its first line to where the next unit at its level or above
 * begins (or a field of its parent written after it). A changed line belongs to the innermost unit around it.
 * A problem is reported when its unit changed, when a unit inside it changed (a group's size or an object's missing
 * tenant label matters as soon as one of its rules is edited), or when a unit around it changed, except the file
 * itself (a new group label or type label can change the verdict on every rule below it; an edited comment at the
 * top of a file changes nothing). A file-level problem (invalid YAML) is reported when anything in the file changed.
 * A problem that spans files names its other places in {@link Problem#related()}, and is reported when any of them
 * changed.
 */
public final class ChangedUnits implements Predicate<Problem> {

    private final ChangedLines changes;
    private final Map<String, FileUnits> byFile = new HashMap<>();
    private final Map<String, Path> realPaths = new HashMap<>();

    /**
     * @param changes what changed
     * @param files   every file that was read (its objects give the units)
     */
    public ChangedUnits(ChangedLines changes, List<LoadResult> files) {
        this.changes = changes;
        for (LoadResult f : files) {
            Path path = real(f.file());
            byFile.put(f.file(), new FileUnits(f, changes, path));
        }
    }

    @Override
    public boolean test(Problem p) {
        // the problem's own names say its level: a group's size is reported at its first rule, but is the group's
        int level = p.object() == null ? FILE : p.group() == null ? OBJECT : p.rule() == null ? GROUP : RULE;
        if (touched(p.position(), level)) return true;
        for (Position r : p.related()) {
            if (touched(r, RULE)) return true;
        }
        return false;
    }

    private static final int FILE = 0;
    private static final int OBJECT = 1;
    private static final int GROUP = 2;
    private static final int RULE = 3;

    /** Whether the unit at {@code at}, at most {@code level} deep, or one around or inside it changed. */
    private boolean touched(Position at, int level) {
        if (at.file().isEmpty()) return true; // a problem of no file (a setting): always shown
        FileUnits units = byFile.get(at.file());
        if (units == null) return changes.changed(real(at.file())); // a file that was not read as rules
        return units.touched(at.isKnown() && level > FILE ? at.line() : 0, level);
    }

    private Path real(String file) {
        return realPaths.computeIfAbsent(file, f -> ChangedLines.real(Path.of(f)));
    }

    /**
     * A unit: an object, group or rule, with the lines {@code [from, to)} it spans and the unit around it (null for an
     * object). Compared by identity: two units are never the same place.
     */
    private static final class Unit {
        final int from;
        final int to;
        final Unit parent;
        final int level;
        final List<Unit> children = new ArrayList<>();

        Unit(int from, int to, Unit parent) {
            this.from = from;
            this.to = to;
            this.parent = parent;
            this.level = parent == null ? OBJECT : parent.level + 1;
        }

        boolean contains(int line) {
            return line >= from && line < to;
        }

        Unit innermost(int line) {
            for (Unit c : children) {
                if (c.contains(line)) return c.innermost(line);
            }
            return this;
        }
    }

    /** The units of one file and which of them changed. */
    private static final class FileUnits {
        private final List<Unit> objects = new ArrayList<>();
        /** Units with a changed line of their own (innermost), and every unit around such a unit. */
        private final Set<Unit> changedOrAround = new HashSet<>();
        private final Set<Unit> changedOwn = new HashSet<>();
        private final boolean anyChange;
        private final boolean whole;

        FileUnits(LoadResult file, ChangedLines changes, Path path) {
            List<LoadedObject> objs = file.objects();
            for (int i = 0; i < objs.size(); i++) {
                LoadedObject o = objs.get(i);
                int from = o.origin().at().line();
                int to = i + 1 < objs.size() ? objs.get(i + 1).origin().at().line() : Integer.MAX_VALUE;
                Unit object = new Unit(from, Math.max(to, from + 1), null);
                addGroups(object, o.object().groups(), o.origin());
                objects.add(object);
            }
            anyChange = changes.changed(path);
            whole = changes.whole().contains(path);
            BitSet lines = changes.lines(path);
            for (int line = lines.nextSetBit(0); line >= 0; line = lines.nextSetBit(line + 1)) {
                Unit u = innermost(line);
                if (u == null) continue; // outside every object: only file-level problems care
                changedOwn.add(u);
                for (Unit a = u; a != null; a = a.parent) changedOrAround.add(a);
            }
        }

        private static void addGroups(Unit object, List<RuleGroup> groups, Origin objectOrigin) {
            for (int i = 0; i < groups.size(); i++) {
                RuleGroup g = groups.get(i);
                int from = g.origin().at().line();
                int to = end(from, i + 1 < groups.size() ? groups.get(i + 1).origin().at().line() : object.to,
                        object.to, objectOrigin);
                Unit group = new Unit(from, to, object);
                List<Rule> rules = g.rules();
                for (int j = 0; j < rules.size(); j++) {
                    int rf = rules.get(j).origin().at().line();
                    int rt = end(rf, j + 1 < rules.size() ? rules.get(j + 1).origin().at().line() : to, to, g.origin());
                    group.children.add(new Unit(rf, rt, group));
                }
                object.children.add(group);
            }
        }

        /** Where a unit starting at {@code from} ends: at its next sibling, its parent's end, or a later parent field. */
        private static int end(int from, int next, int parentEnd, Origin parent) {
            int end = Math.min(next, parentEnd);
            for (Map.Entry<String, Position> f : parent.fields().entrySet()) {
                // the parent's end mark is not a field of its own: it sits on its last child's last line
                if (f.getKey().equals(Origin.END)) continue;
                int line = f.getValue().line();
                if (line > from && line < end) end = line;
            }
            return Math.max(end, from + 1);
        }

        private Unit innermost(int line) {
            for (Unit o : objects) {
                if (o.contains(line)) return o.innermost(line);
            }
            return null;
        }

        boolean touched(int line, int level) {
            if (whole) return true;
            Unit u = line > 0 ? innermost(line) : null;
            while (u != null && u.level > level) u = u.parent;
            if (u == null) return anyChange; // a file-level problem
            if (changedOrAround.contains(u)) return true; // it, or a unit inside it, changed
            for (Unit a = u.parent; a != null; a = a.parent) {
                if (changedOwn.contains(a)) return true; // a unit around it changed its own lines
            }
            return false;
        }
    }
}
