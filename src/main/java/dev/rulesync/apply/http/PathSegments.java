package dev.rulesync.apply.http;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of one URL path segment: every byte of the UTF-8 form except RFC 3986 unreserved characters
 * ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, so {@code /} becomes {@code %2F} and {@code %} becomes
 * {@code %25}. The result goes into a {@link java.net.URI} as is; no client library encodes it again.
 */
public final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    public static String encode(String segment) {
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
