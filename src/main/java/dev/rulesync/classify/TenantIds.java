package dev.rulesync.classify;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Mimir's and Loki's rules for tenant (org) ids: letters, digits and {@code ! - _ . * ' ( )}, at most 150 bytes,
 * and not {@code .} or {@code ..} (they would walk out of a per-tenant directory in object storage).
 */
public final class TenantIds {

    public static final int MAX_BYTES = 150;

    private TenantIds() {
    }

    /** Why {@code id} is not a valid tenant id, or empty when it is. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) return Optional.of("the tenant id is empty");
        if (id.equals(".") || id.equals("..")) return Optional.of("the tenant id must not be \"" + id + "\"");
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("the tenant id is " + bytes + " bytes long; at most " + MAX_BYTES + " are allowed");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!-_.*'()".indexOf(c) >= 0;
            if (!ok) {
                return Optional.of("the tenant id \"" + id + "\" contains '" + id.charAt(i)
                        + "'; only letters, digits and ! - _ . * ' ( ) are allowed");
            }
        }
        return Optional.empty();
    }
}
