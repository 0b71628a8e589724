package dev.rulesync.source;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API server's rules for object names, namespaces, label keys and values, and annotation keys: a file that
 * breaks them lints fine as YAML but is refused by {@code kubectl apply}, so lint says so first.
 */
final class KubernetesNames {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private KubernetesNames() {
    }

    static Optional<String> objectName(String name) {
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("metadata.name \"" + name + "\" is not a valid Kubernetes name (lower-case letters, "
                    + "digits, '-' and '.', at most 253 characters)");
        }
        return Optional.empty();
    }

    static Optional<String> namespace(String ns) {
        if (ns.length() > 63 || !DNS_LABEL.matcher(ns).matches()) {
            return Optional.of("metadata.namespace \"" + ns + "\" is not a valid namespace (lower-case letters, "
                    + "digits and '-', at most 63 characters)");
        }
        return Optional.empty();
    }

    /** Label and annotation keys: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
    static Optional<String> key(String what, String key) {
        int slash = key.lastIndexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean ok = name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches()
                && (prefix == null || (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches()));
        return ok ? Optional.empty() : Optional.of(what + " key \"" + key + "\" is not a valid Kubernetes key "
                + "([prefix/]name: name of letters, digits, '-', '_', '.', at most 63 characters)");
    }

    static Optional<String> labelValue(String key, String value) {
        if (value.isEmpty()) return Optional.empty();
        if (value.length() > 63 || !QUALIFIED_NAME.matcher(value).matches()) {
            return Optional.of("label " + key + ": \"" + value + "\" is not a valid Kubernetes label value "
                    + "(letters, digits, '-', '_', '.', starting and ending alphanumeric, at most 63 characters)");
        }
        return Optional.empty();
    }
}
