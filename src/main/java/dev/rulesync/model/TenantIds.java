package dev.rulesync.model;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tenant (org) ids as Mimir and Loki accept them (dskit's tenant.ValidTenantID): letters, digits and
 * {@code ! - _ . * ' ( )}, at most 150 bytes, and not {@code .} or {@code ..}, which would walk out of a per-tenant
 * directory in object storage. An empty id is refused too: the rulers answer "no org id" to it. Checked when an
 * object is classified and again before every call to a ruler, since the S3 store puts the id into object keys.
 */
public final class TenantIds {

    public static final int MAX_BYTES = 150;
    private static final String EXTRA = "!-_.*'()";

    private TenantIds() {
    }

    /** Why {@code id} is not a valid tenant id, or empty when it is. Checks in dskit's order. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) return Optional.of("the tenant id is empty");
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || EXTRA.indexOf(c) >= 0;
            if (!ok) {
                return Optional.of("the tenant id \"" + id + "\" has an unsupported character '"
                        + new String(Character.toChars(id.codePointAt(i))) + "' at index " + i
                        + " (allowed: letters, digits and ! - _ . * ' ( ))");
            }
        }
        int bytes = id.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of("the tenant id is " + bytes + " bytes long; at most " + MAX_BYTES + " are allowed");
        }
        if (id.equals(".") || id.equals("..")) return Optional.of("the tenant id must not be \"" + id + "\"");
        return Optional.empty();
    }
}
