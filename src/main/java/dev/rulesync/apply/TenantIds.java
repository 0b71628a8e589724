package dev.rulesync.apply;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tenant ids as Mimir and Loki accept them: letters, digits and {@code ! - _ . * ' ( )}, at most 150 bytes, not
 * {@code .} or {@code ..}. Checked before every call because the S3 store puts the tenant into object keys verbatim.
 */
public final class TenantIds {

    private static final int MAX_BYTES = 150;
    private static final String EXTRA = "!-_.*'()";

    private TenantIds() {
    }

    public static Optional<String> problem(String tenant) {
        if (tenant == null || tenant.isEmpty()) return Optional.of("tenant id is empty");
        if (tenant.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("tenant id is longer than " + MAX_BYTES + " bytes");
        }
        if (tenant.equals(".") || tenant.equals("..")) return Optional.of("tenant id must not be '" + tenant + "'");
        for (int i = 0; i < tenant.length(); i++) {
            char c = tenant.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || EXTRA.indexOf(c) >= 0;
            if (!ok) {
                return Optional.of("tenant id \"" + tenant + "\" has an unsupported character '" + c
                        + "' at index " + i + " (allowed: letters, digits and " + EXTRA + ")");
            }
        }
        return Optional.empty();
    }

    /** Throws a permanent {@link RulerException} when the tenant id is not valid. */
    public static String require(String target, String tenant) {
        problem(tenant).ifPresent(p -> {
            throw new RulerException(target + ": " + p, 0, true, null);
        });
        return tenant;
    }
}
