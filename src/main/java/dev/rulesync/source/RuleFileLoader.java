package dev.rulesync.source;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Origin;
import dev.rulesync.model.Position;
import dev.rulesync.model.Problem;
import dev.rulesync.model.Rule;
import dev.rulesync.model.RuleGroup;
import dev.rulesync.model.RuleObject;
import dev.rulesync.model.Severity;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads rule files: Kubernetes PrometheusRule objects (one or many YAML documents, {@code kind: List} too) and
 * plain Prometheus rule files ({@code groups:} at the top, as promtool, mimirtool and lokitool read them).
 * <p>
 * It works on snakeyaml-engine's node tree, not on bound classes, because every node needs its position and
 * every defect (unknown field, wrong type, duplicate key, bad YAML) must become a problem at its place instead
 * of an exception. PrometheusRule objects are read with the API server's strict types (strings must be strings,
 * {@code expr} may be an int); plain files with Go YAML's leniency (any scalar fills a string field).
 * Documents of other kinds (a Deployment next to the rules) are skipped.
 */
public final class RuleFileLoader {

    static final String API_VERSION = "monitoring.coreos.com/v1";

    private static final Set<String> OBJECT_FIELDS = Set.of("apiVersion", "kind", "metadata", "spec", "status");
    private static final Set<String> LIST_FIELDS = Set.of("apiVersion", "kind", "metadata", "items");
    private static final Set<String> METADATA_FIELDS = Set.of("name", "namespace", "uid", "labels", "annotations",
            "generateName", "selfLink", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
            "deletionGracePeriodSeconds", "ownerReferences", "finalizers", "managedFields");
    private static final Set<String> SPEC_FIELDS = Set.of("groups");
    private static final Set<String> FILE_FIELDS = Set.of("groups", "namespace");
    private static final Set<String> CRD_GROUP_FIELDS = Set.of("name", "interval", "query_offset", "limit", "labels",
            "partial_response_strategy", "rules");
    // Prometheus, Mimir (source_tenants, evaluation_delay, align_evaluation_time_on_interval) and Loki group fields
    private static final Set<String> FILE_GROUP_FIELDS = Set.of("name", "interval", "query_offset", "limit", "labels",
            "rules", "source_tenants", "evaluation_delay", "align_evaluation_time_on_interval");
    private static final Set<String> RULE_FIELDS = Set.of("record", "alert", "expr", "for", "keep_firing_for",
            "labels", "annotations");

    /**
     * How deeply YAML mappings and lists may nest. A PrometheusRule needs 7 levels (9 inside a {@code kind: List});
     * the cap keeps hostile input from overflowing the stack of the thread that reads it, and is far below what
     * overflows even a small (256 KB) thread stack.
     */
    public static final int MAX_YAML_NESTING = 100;


    /** The largest read window: one window holds most files whole (see {@link #settings}). */
    private static final int MAX_WINDOW = 1 << 20;

    public RuleFileLoader() {
    }

    /**
     * snakeyaml-engine reads through a window that it copies each time a token needs more than is left in it: with
     * its default 1 KB window a megabyte-long quoted scalar is copied a thousand times over (seconds for a 5 MB
     * object). A window the size of the text (up to 1 M code points) reads most files in one piece.
     */
    private static LoadSettings settings(int length) {
        return LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(true)
                .setUseMarks(true).setCodePointLimit(64 * 1024 * 1024)
                .setBufferSize(Math.max(1024, Math.min(length + 1, MAX_WINDOW))).build();
    }

    /**
     * Reads a file. Only I/O failures throw; everything wrong inside the file is a problem in the result, including
     * bytes that are not UTF-8 (Kubernetes and the rulers read rule YAML as UTF-8 only): one {@code yaml/syntax}
     * problem at the first bad byte, so that one such file never stops a run over many.
     */
    public LoadResult load(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return notUtf8(path.toString(), bytes);
        }
        return load(path.toString(), text);
    }

    private static LoadResult notUtf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CharBuffer out = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = decoder.decode(in, out, true);
        int bad = in.position(); // the decoder stops in front of the first malformed or unmappable sequence
        int length = r.isError() ? r.length() : 1;
        out.flip();
        String before = out.toString();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.codePointCount(lineStart, before.length()) + 1;
        StringBuilder shown = new StringBuilder();
        for (int i = bad; i < Math.min(bytes.length, bad + length); i++) {
            shown.append(shown.isEmpty() ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xff));
        }
        String message = "the file is not valid UTF-8: byte " + shown + " at byte offset " + bad
                + " (rule files must be UTF-8)";
        return new LoadResult(file, List.of(), List.of(new Problem(new Position(file, line, column), Severity.ERROR,
                SourceChecks.YAML_SYNTAX, message, null, null, null)));
    }

    public LoadResult load(String file, String text) {
        // snakeyaml skips a byte-order mark; drop it here too so that offsets agree with its marks
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        SourceText src = new SourceText(file, text);
        List<LoadedObject> objects = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int doc = 0;
        try {
            LoadSettings settings = settings(text.length());
            Iterator<Node> docs = new Composer(settings, new DepthLimitedYamlParser(
                    new ParserImpl(settings, new StreamReader(settings, text)), MAX_YAML_NESTING));
            while (docs.hasNext()) {
                Node root = docs.next();
                doc++;
                new DocumentReader(src, doc, objects, problems).read(root);
            }
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            Position at = m == null ? new Position(file, 1, 1) : src.position(m.getLine(), m.getColumn());
            String msg = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (e.getContext() != null && !e.getContext().isBlank()) msg = msg + " (" + e.getContext().trim() + ")";
            problems.add(new Problem(at, Severity.ERROR, SourceChecks.YAML_SYNTAX, "invalid YAML: " + msg,
                    null, null, null));
        } catch (YamlEngineException e) {
            problems.add(new Problem(new Position(file, 1, 1), Severity.ERROR, SourceChecks.YAML_SYNTAX,
                    "invalid YAML: " + e.getMessage(), null, null, null));
        }
        return new LoadResult(file, objects, problems, DisableComment.scan(file, text));
    }

    /** A problem found before the object it belongs to has a name; stamped with the object when done. */
    private record Issue(Position at, String check, String message, String group, String rule) {
    }

    /** Reads one YAML document into zero or more objects. */
    private static final class DocumentReader {
        private final SourceText src;
        private final int doc;
        private final List<LoadedObject> objects;
        private final List<Problem> fileProblems;
        private List<Issue> issues = new ArrayList<>();
        private Map<Position, Origin.ExprLocator> valueLocators = new HashMap<>();
        private boolean strict;
        private String group;
        private String rule;

        DocumentReader(SourceText src, int doc, List<LoadedObject> objects, List<Problem> fileProblems) {
            this.src = src;
            this.doc = doc;
            this.objects = objects;
            this.fileProblems = fileProblems;
        }

        void read(Node root) {
            if (isNull(root)) return; // an empty document, e.g. after a trailing ---
            if (!(root instanceof MappingNode map)) {
                fileIssue(root, "a rule file must be a mapping with `groups`, or a Kubernetes object; got "
                        + describe(root));
                return;
            }
            Map<String, Node> top = peek(map);
            Node kindNode = top.get("kind");
            if (kindNode == null && top.containsKey("groups") && !top.containsKey("apiVersion")) {
                readRuleFile(map);
                return;
            }
            String kind = kindNode instanceof ScalarNode s ? s.getValue() : null;
            if ("List".equals(kind)) {
                readList(map);
            } else if ("PrometheusRule".equals(kind)) {
                readPrometheusRule(map);
            } else if (kindNode == null) {
                fileIssue(root, "neither a PrometheusRule (no `kind`) nor a rule file (no `groups`)");
            }
            // other kinds are not ours: skipped
        }

        private void fileIssue(Node at, String message) {
            fileProblems.add(new Problem(pos(at), Severity.ERROR, SourceChecks.YAML_SCHEMA, message, null, null, null));
        }

        private void readList(MappingNode map) {
            strict = true;
            Map<String, NodeTuple> f = fields(map, LIST_FIELDS, "List");
            Node items = value(f, "items");
            List<Issue> listIssues = issues;
            issues = new ArrayList<>();
            if (items instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (item instanceof MappingNode im) {
                        Map<String, Node> top = peek(im);
                        if (top.get("kind") instanceof ScalarNode k && "PrometheusRule".equals(k.getValue())) {
                            readPrometheusRule(im);
                        }
                    } else {
                        listIssues.add(issue(item, "a List item must be an object, got " + describe(item)));
                    }
                }
            } else if (items != null && !isNull(items)) {
                listIssues.add(issue(items, "`items` must be a list, got " + describe(items)));
            }
            for (Issue i : listIssues) {
                fileProblems.add(new Problem(i.at, Severity.ERROR, i.check, i.message, null, null, null));
            }
        }

        private void readPrometheusRule(MappingNode map) {
            strict = true;
            issues = new ArrayList<>();
            valueLocators = new HashMap<>();
            Map<String, Position> objFields = new LinkedHashMap<>();
            Map<String, NodeTuple> f = fields(map, OBJECT_FIELDS, "PrometheusRule");
            Node apiVersion = value(f, "apiVersion");
            String av = string(apiVersion, "apiVersion");
            if (!API_VERSION.equals(av)) {
                issues.add(issue(apiVersion == null ? map : apiVersion,
                        "a PrometheusRule needs `apiVersion: " + API_VERSION + "`, got " + (av == null ? "none" : "\"" + av + "\"")));
            }
            String name = null;
            String namespace = null;
            String uid = null;
            Map<String, String> labels = Map.of();
            Map<String, String> annotations = Map.of();
            Node metadata = value(f, "metadata");
            Position namePos = pos(map);
            if (metadata instanceof MappingNode mm) {
                objFields.put("metadata", pos(mm));
                Map<String, NodeTuple> m = fields(mm, METADATA_FIELDS, "metadata");
                name = string(value(m, "name"), "metadata.name");
                if (value(m, "name") != null) {
                    namePos = pos(value(m, "name"));
                    objFields.put("metadata.name", namePos);
                }
                namespace = string(value(m, "namespace"), "metadata.namespace");
                if (value(m, "namespace") != null) objFields.put("metadata.namespace", pos(value(m, "namespace")));
                uid = string(value(m, "uid"), "metadata.uid");
                labels = stringMap(value(m, "labels"), "metadata.labels", objFields);
                annotations = stringMap(value(m, "annotations"), "metadata.annotations", objFields);
            } else {
                issues.add(issue(metadata == null ? map : metadata, "a PrometheusRule needs a `metadata` mapping"));
            }
            if (name == null || name.isEmpty()) {
                issues.add(issue(metadata == null ? map : metadata, "`metadata.name` is required"));
                name = src.file() + "#" + doc;
            } else {
                metadataIssue(namePos, KubernetesNames.objectName(name));
            }
            if (namespace != null) {
                metadataIssue(objFields.get("metadata.namespace"), KubernetesNames.namespace(namespace));
            }
            for (Map.Entry<String, String> l : labels.entrySet()) {
                metadataIssue(objFields.get("metadata.labels." + l.getKey()), KubernetesNames.key("label", l.getKey()));
                metadataIssue(objFields.get("value:metadata.labels." + l.getKey()),
                        KubernetesNames.labelValue(l.getKey(), l.getValue()));
            }
            for (String key : annotations.keySet()) {
                metadataIssue(objFields.get("metadata.annotations." + key), KubernetesNames.key("annotation", key));
            }
            List<RuleGroup> groups = List.of();
            Node spec = value(f, "spec");
            if (spec instanceof MappingNode sm) {
                Map<String, NodeTuple> s = fields(sm, SPEC_FIELDS, "spec");
                Node g = value(s, "groups");
                if (g != null) objFields.put("spec.groups", pos(g));
                groups = groups(g, CRD_GROUP_FIELDS);
            } else {
                issues.add(issue(spec == null ? map : spec, "a PrometheusRule needs a `spec` mapping with `groups`"));
            }
            ObjectRef ref = new ObjectRef(ObjectRef.PROMETHEUS_RULE, namespace, name, uid);
            finish(new RuleObject(ref, namePos, labels, annotations, groups), new Origin(pos(map), objFields, null));
        }

        private void readRuleFile(MappingNode map) {
            strict = false;
            issues = new ArrayList<>();
            valueLocators = new HashMap<>();
            Map<String, Position> objFields = new LinkedHashMap<>();
            Map<String, NodeTuple> f = fields(map, FILE_FIELDS, "rule file");
            Node g = value(f, "groups");
            objFields.put("groups", pos(g));
            List<RuleGroup> groups = groups(g, FILE_GROUP_FIELDS);
            String name = doc == 1 ? src.file() : src.file() + "#" + doc;
            ObjectRef ref = new ObjectRef(ObjectRef.RULE_FILE, null, name, null);
            finish(new RuleObject(ref, pos(map), Map.of(), Map.of(), groups), new Origin(pos(map), objFields, null));
        }

        private void metadataIssue(Position at, java.util.Optional<String> message) {
            message.ifPresent(m -> issues.add(new Issue(at == null ? Position.UNKNOWN : at, SourceChecks.OBJECT_METADATA,
                    m + "; the API server would refuse the object", null, null)));
        }

        private void finish(RuleObject object, Origin origin) {
            List<Problem> problems = new ArrayList<>(issues.size());
            for (Issue i : issues) {
                problems.add(new Problem(i.at, Severity.ERROR, i.check, i.message, object.ref(), i.group, i.rule));
            }
            objects.add(new LoadedObject(object, origin, problems, valueLocators));
            issues = new ArrayList<>();
            valueLocators = new HashMap<>();
        }

        private List<RuleGroup> groups(Node node, Set<String> groupFields) {
            if (node == null || isNull(node)) return List.of();
            if (!(node instanceof SequenceNode seq)) {
                issues.add(issue(node, "`groups` must be a list, got " + describe(node)));
                return List.of();
            }
            List<RuleGroup> out = new ArrayList<>();
            for (Node g : seq.getValue()) {
                group = null;
                rule = null;
                if (!(g instanceof MappingNode gm)) {
                    issues.add(issue(g, "a group must be a mapping, got " + describe(g)));
                    continue;
                }
                out.add(group(gm, groupFields));
            }
            group = null;
            rule = null;
            return out;
        }

        private RuleGroup group(MappingNode gm, Set<String> groupFields) {
            Map<String, Position> gf = new LinkedHashMap<>();
            Node nameNode = gm.getValue().stream().filter(t -> keyIs(t, "name")).map(NodeTuple::getValueNode)
                    .findFirst().orElse(null);
            String name = string(nameNode, "name");
            group = name;
            Map<String, NodeTuple> f = fields(gm, groupFields, "group");
            if (nameNode == null) {
                issues.add(issue(gm, "a group needs a `name`"));
                name = "";
            }
            putPos(gf, "name", value(f, "name"));
            String interval = string(value(f, "interval"), "interval");
            putPos(gf, "interval", value(f, "interval"));
            String queryOffset = string(value(f, "query_offset"), "query_offset");
            putPos(gf, "query_offset", value(f, "query_offset"));
            if (queryOffset == null && value(f, "evaluation_delay") != null) {
                queryOffset = string(value(f, "evaluation_delay"), "evaluation_delay");
                putPos(gf, "query_offset", value(f, "evaluation_delay"));
            }
            Integer limit = integer(value(f, "limit"), "limit");
            putPos(gf, "limit", value(f, "limit"));
            string(value(f, "partial_response_strategy"), "partial_response_strategy");
            Map<String, String> labels = stringMap(value(f, "labels"), "labels", gf);
            List<String> sourceTenants = stringList(value(f, "source_tenants"), "source_tenants");
            putPos(gf, "source_tenants", value(f, "source_tenants"));
            Node rulesNode = value(f, "rules");
            putPos(gf, "rules", rulesNode);
            List<Rule> rules = new ArrayList<>();
            if (rulesNode instanceof SequenceNode rs) {
                for (Node r : rs.getValue()) {
                    rule = null;
                    if (r instanceof MappingNode rm) {
                        rules.add(rule(rm));
                    } else {
                        issues.add(issue(r, "a rule must be a mapping, got " + describe(r)));
                    }
                }
                rule = null;
            } else if (rulesNode != null && !isNull(rulesNode)) {
                issues.add(issue(rulesNode, "`rules` must be a list, got " + describe(rulesNode)));
            }
            putEnd(gf, gm);
            return new RuleGroup(name, interval, queryOffset, limit, labels, sourceTenants, rules,
                    new Origin(pos(gm), gf, null));
        }

        private Rule rule(MappingNode rm) {
            Map<String, Position> rf = new LinkedHashMap<>();
            for (NodeTuple t : rm.getValue()) {
                if ((keyIs(t, "alert") || keyIs(t, "record")) && t.getValueNode() instanceof ScalarNode s) {
                    rule = s.getValue();
                }
            }
            Map<String, NodeTuple> f = fields(rm, RULE_FIELDS, "rule");
            String record = string(value(f, "record"), "record");
            putPos(rf, "record", value(f, "record"));
            String alert = string(value(f, "alert"), "alert");
            putPos(rf, "alert", value(f, "alert"));
            Node exprNode = value(f, "expr");
            String expr = null;
            Origin.ExprLocator locator = null;
            if (exprNode instanceof ScalarNode es && !isNull(es)) {
                Tag tag = es.getTag();
                if (strict && !Tag.STR.equals(tag) && !Tag.INT.equals(tag)) {
                    issues.add(issue(es, "`expr` must be a string or an integer, got " + describe(es)));
                }
                expr = es.getValue();
                locator = ScalarLocator.of(src, es);
            } else if (exprNode != null && !isNull(exprNode)) {
                issues.add(issue(exprNode, "`expr` must be a string or an integer, got " + describe(exprNode)));
            }
            putPos(rf, "expr", exprNode);
            String forDuration = string(value(f, "for"), "for");
            putPos(rf, "for", value(f, "for"));
            String keepFiringFor = string(value(f, "keep_firing_for"), "keep_firing_for");
            putPos(rf, "keep_firing_for", value(f, "keep_firing_for"));
            Map<String, String> labels = stringMap(value(f, "labels"), "labels", rf);
            Map<String, String> annotations = stringMap(value(f, "annotations"), "annotations", rf);
            putEnd(rf, rm);
            return new Rule(record, alert, expr, forDuration, keepFiringFor, labels, annotations,
                    new Origin(pos(rm), rf, locator));
        }

        // ---- generic typed access, every defect an issue at its place ----

        /** Keys of a mapping without reporting anything: used to decide what a document is. */
        private static Map<String, Node> peek(MappingNode map) {
            Map<String, Node> out = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) out.putIfAbsent(k.getValue(), t.getValueNode());
            }
            return out;
        }

        /** The fields of a mapping; unknown, duplicate and non-string keys become issues (the first key wins). */
        private Map<String, NodeTuple> fields(MappingNode map, Set<String> allowed, String what) {
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    issues.add(issue(t.getKeyNode(), "keys in " + what + " must be strings, got " + describe(t.getKeyNode())));
                    continue;
                }
                String key = k.getValue();
                if (out.containsKey(key)) {
                    issues.add(new Issue(pos(k), SourceChecks.YAML_DUPLICATE_KEY, "duplicate key \"" + key
                            + "\" in " + what + " (first at line " + pos(out.get(key).getKeyNode()).line() + ")", group, rule));
                    continue;
                }
                if (allowed != null && !allowed.contains(key)) {
                    issues.add(issue(k, "unknown field \"" + key + "\" in " + what));
                    continue;
                }
                out.put(key, t);
            }
            return out;
        }

        private static Node value(Map<String, NodeTuple> fields, String key) {
            NodeTuple t = fields.get(key);
            return t == null ? null : t.getValueNode();
        }

        private String string(Node node, String what) {
            if (node == null || isNull(node)) return null;
            if (node instanceof ScalarNode s) {
                if (strict && !Tag.STR.equals(s.getTag())) {
                    issues.add(issue(s, "`" + what + "` must be a string, got " + describe(s)));
                }
                return s.getValue();
            }
            issues.add(issue(node, "`" + what + "` must be a string, got " + describe(node)));
            return null;
        }

        private Integer integer(Node node, String what) {
            if (node == null || isNull(node)) return null;
            if (node instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
                try {
                    return Integer.decode(s.getValue().replace("_", "").replace("0o", "0"));
                } catch (NumberFormatException e) {
                    issues.add(issue(s, "`" + what + "` is out of range: " + s.getValue()));
                    return null;
                }
            }
            if (!strict && node instanceof ScalarNode s && Tag.FLOAT.equals(s.getTag())) {
                // Go YAML, which reads plain rule files for the rulers, truncates a number into an integer field
                try {
                    double v = Double.parseDouble(s.getValue().replace("_", ""));
                    if (!Double.isNaN(v) && Math.abs(v) <= Integer.MAX_VALUE) return (int) v;
                } catch (NumberFormatException e) {
                    // .inf, .nan: Go refuses them too
                }
            }
            issues.add(issue(node, "`" + what + "` must be an integer, got " + describe(node)));
            return null;
        }

        private List<String> stringList(Node node, String what) {
            if (node == null || isNull(node)) return List.of();
            if (!(node instanceof SequenceNode seq)) {
                issues.add(issue(node, "`" + what + "` must be a list of strings, got " + describe(node)));
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                String s = string(n, what + "[]");
                if (s != null) out.add(s);
            }
            return out;
        }

        /** A map of strings; records {@code prefix.<key>} (key) and {@code value:prefix.<key>} (value) positions. */
        private Map<String, String> stringMap(Node node, String what, Map<String, Position> positions) {
            if (node == null || isNull(node)) return Map.of();
            String prefix = what.startsWith("metadata.") || !what.contains(".") ? what : what.substring(what.lastIndexOf('.') + 1);
            positions.put(prefix, pos(node));
            if (!(node instanceof MappingNode map)) {
                issues.add(issue(node, "`" + what + "` must be a mapping of strings, got " + describe(node)));
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, NodeTuple> e : fields(map, null, "`" + what + "`").entrySet()) {
                Node v = e.getValue().getValueNode();
                String s = string(v, what + "." + e.getKey());
                positions.put(prefix + "." + e.getKey(), pos(e.getValue().getKeyNode()));
                positions.put("value:" + prefix + "." + e.getKey(), pos(v));
                if (s != null && s.contains("{{") && v instanceof ScalarNode sv) {
                    // templates get a locator so that their problems point at the character, not the value
                    valueLocators.put(pos(v), ScalarLocator.of(src, sv));
                }
                if (s == null && isNull(v)) {
                    if (strict) issues.add(issue(v, "`" + what + "." + e.getKey() + "` has no value"));
                    else out.put(e.getKey(), ""); // Go YAML reads a missing string as ""
                    continue;
                }
                if (s != null) out.put(e.getKey(), s);
            }
            return out;
        }

        private Issue issue(Node at, String message) {
            return new Issue(pos(at), SourceChecks.YAML_SCHEMA, message, group, rule);
        }

        private static boolean keyIs(NodeTuple t, String key) {
            return t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue());
        }

        private void putPos(Map<String, Position> positions, String key, Node node) {
            if (node != null) positions.put(key, pos(node));
        }

        /** The last character of a node, as the {@link Origin#END} field: what a disable comment inside it covers. */
        private void putEnd(Map<String, Position> positions, Node node) {
            node.getEndMark().ifPresent(m -> {
                int i = Math.min(m.getIndex(), src.length());
                while (true) {
                    while (i > 0 && Character.isWhitespace(src.at(i - 1))) i--;
                    // a comment line after the node belongs to what follows it
                    int lineStart = i - src.position(i - 1 < 0 ? 0 : i - 1).column() + 1 - 1;
                    int k = Math.max(0, lineStart);
                    while (k < i && (src.at(k) == ' ' || src.at(k) == '\t')) k++;
                    if (i > 0 && k < i && src.at(k) == '#') {
                        i = k;
                        continue;
                    }
                    break;
                }
                positions.put(Origin.END, src.position(Math.max(0, i - 1)));
            });
        }

        private Position pos(Node node) {
            if (node == null) return Position.UNKNOWN;
            return node.getStartMark().map(m -> src.position(m.getLine(), m.getColumn()))
                    .orElse(new Position(src.file(), 1, 1));
        }

        private static boolean isNull(Node node) {
            return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
        }

        private static String describe(Node node) {
            if (node instanceof MappingNode) return "a mapping";
            if (node instanceof SequenceNode) return "a list";
            if (node instanceof ScalarNode s) {
                Tag t = s.getTag();
                if (Tag.INT.equals(t)) return "the integer " + s.getValue();
                if (Tag.FLOAT.equals(t)) return "the number " + s.getValue();
                if (Tag.BOOL.equals(t)) return "the boolean " + s.getValue();
                if (Tag.NULL.equals(t)) return "null";
                return "the string \"" + s.getValue() + "\"";
            }
            return "a " + node.getNodeType();
        }
    }
}
