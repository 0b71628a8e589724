package dev.rulesync.plan;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.RuleType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a source object maps to a remote namespace, and which remote namespaces rule-sync owns.
 *
 * <p>{@code objectTemplate} names PrometheusRule objects with the placeholders {@code {namespace} {name} {uid}
 * {tenant}}; {@code fileTemplate} names plain rule files with {@code {path} {tenant}}, where {@code {path}} is the
 * file's name as its {@link ObjectRef} holds it (its path below the stated root, see
 * {@code dev.rulesync.engine.FileRoot}), sanitized. Both templates must begin with the same literal text, the
 * <em>owned prefix</em>, which must end with a separator character ({@code / - _ . :}). rule-sync touches a remote
 * namespace only when it starts with that whole prefix, separator included, and has something after it: with
 * {@code rule-sync/} it owns {@code rule-sync/a/b} but never {@code rule-sync-b/a} nor {@code rule-sync} itself.
 *
 * @param objectTemplate template for PrometheusRule objects, e.g. {@code rule-sync/{namespace}/{name}}
 * @param fileTemplate   template for rule files, e.g. {@code rule-sync/{path}}
 */
public record NamingTemplate(String objectTemplate, String fileTemplate) {

    public static final String MIMIR_OBJECTS = "rule-sync/{namespace}/{name}";
    public static final String MIMIR_FILES = "rule-sync/{path}";
    public static final String LOKI_OBJECTS = "rule-sync-{namespace}-{name}";
    public static final String LOKI_FILES = "rule-sync-{path}";

    private static final Set<String> OBJECT_PLACEHOLDERS = Set.of("namespace", "name", "uid", "tenant");
    private static final Set<String> FILE_PLACEHOLDERS = Set.of("path", "tenant");
    private static final String SEPARATORS = "/-_.:";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern UNSAFE_PATH_CHARS = Pattern.compile("[^A-Za-z0-9._-]");

    public NamingTemplate {
        Objects.requireNonNull(objectTemplate, "objectTemplate");
        Objects.requireNonNull(fileTemplate, "fileTemplate");
        checkPlaceholders("object", objectTemplate, OBJECT_PLACEHOLDERS);
        checkPlaceholders("file", fileTemplate, FILE_PLACEHOLDERS);
        String prefix = literalHead(objectTemplate);
        if (prefix.isEmpty() || prefix.equals(objectTemplate)) {
            throw new IllegalArgumentException("naming template '" + objectTemplate
                    + "' must start with a fixed prefix followed by placeholders, e.g. 'rule-sync/{namespace}/{name}'"
                    + "; without a prefix rule-sync would own every remote namespace");
        }
        if (SEPARATORS.indexOf(prefix.charAt(prefix.length() - 1)) < 0) {
            throw new IllegalArgumentException("naming template '" + objectTemplate + "': its fixed prefix '" + prefix
                    + "' must end with a separator (one of " + SEPARATORS + "), so that '" + prefix
                    + "' cannot also own namespaces of another prefix that merely starts the same");
        }
        if (!literalHead(fileTemplate).startsWith(prefix) || fileTemplate.equals(literalHead(fileTemplate))) {
            throw new IllegalArgumentException("file naming template '" + fileTemplate + "' must start with '" + prefix
                    + "' (the object template's prefix) and contain {path}");
        }
    }

    /** Readable defaults: {@code rule-sync/<namespace>/<name>} for Mimir, the {@code /}-free form for Loki. */
    public static NamingTemplate defaultFor(RuleType type) {
        return type == RuleType.LOGS ? new NamingTemplate(LOKI_OBJECTS, LOKI_FILES)
                : new NamingTemplate(MIMIR_OBJECTS, MIMIR_FILES);
    }

    /** The literal text every owned namespace starts with, separator included, e.g. {@code rule-sync/}. */
    public String ownedPrefix() {
        return literalHead(objectTemplate);
    }

    /** The character that ends the owned prefix; file paths use it between directories when it is not '/'. */
    public char separator() {
        String prefix = ownedPrefix();
        return prefix.charAt(prefix.length() - 1);
    }

    /** Whether rule-sync owns (and so may update or delete) this remote namespace. */
    public boolean owns(String remoteNamespace) {
        String prefix = ownedPrefix();
        return remoteNamespace != null && remoteNamespace.length() > prefix.length()
                && remoteNamespace.startsWith(prefix);
    }

    /**
     * The remote namespace of an object for a tenant.
     *
     * @throws IllegalArgumentException when a placeholder has no value for this object (e.g. {uid} of a rule file)
     *                                  or a rule file's name is not a path below the root; the message says which
     */
    public String render(ObjectRef ref, String tenant) {
        boolean file = ObjectRef.RULE_FILE.equals(ref.kind());
        String template = file ? fileTemplate : objectTemplate;
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "namespace" -> ref.namespace();
                case "name" -> ref.name();
                case "uid" -> ref.uid();
                case "tenant" -> tenant;
                case "path" -> sanitizedPath(ref.name());
                default -> throw new IllegalStateException("unchecked placeholder " + m.group());
            };
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(ref + " has no " + m.group(1) + " for naming template '"
                        + template + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The file's path below the root, each segment reduced to {@code [A-Za-z0-9._-]} (others become '_'), joined
     * with '/' or, for a '/'-free template, with the template's separator. The name is already relative to the
     * root (the engine makes it so); an absolute name or one that climbs out with {@code ..} is refused, since it
     * would depend on where the command ran.
     */
    String sanitizedPath(String fileName) {
        Path path = Path.of(fileName.replace('\\', '/')).normalize();
        List<String> segments = new ArrayList<>();
        for (Path segment : path) {
            String s = segment.toString();
            if (path.isAbsolute() || s.equals("..")) {
                throw new IllegalArgumentException("rule file " + fileName + " is not a path below the root");
            }
            if (s.isEmpty() || s.equals(".")) continue;
            segments.add(UNSAFE_PATH_CHARS.matcher(s).replaceAll("_"));
        }
        if (segments.isEmpty()) throw new IllegalArgumentException("rule file name " + fileName + " is empty");
        return String.join(String.valueOf(separator()), segments);
    }

    private static String literalHead(String template) {
        int brace = template.indexOf('{');
        return brace < 0 ? template : template.substring(0, brace);
    }

    private static void checkPlaceholders(String what, String template, Set<String> allowed) {
        if (template.isBlank()) {
            throw new IllegalArgumentException(what + " naming template is empty");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        int end = 0;
        while (m.find()) {
            checkNoStrayBrace(what, template, template.substring(end, m.start()));
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException(what + " naming template '" + template + "': unknown placeholder "
                        + m.group() + " (known: " + allowed.stream().sorted().map(p -> "{" + p + "}").toList() + ")");
            }
            end = m.end();
        }
        checkNoStrayBrace(what, template, template.substring(end));
    }

    private static void checkNoStrayBrace(String what, String template, String literal) {
        if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
            throw new IllegalArgumentException(what + " naming template '" + template + "' has an unbalanced brace");
        }
    }
}
