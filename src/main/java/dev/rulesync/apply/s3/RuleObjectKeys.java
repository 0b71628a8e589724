package dev.rulesync.apply.s3;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Object keys of Loki's rule store: {@code [<prefix>/]rules/<tenant>/<B64(namespace)>/<B64(group)>}, B64 being
 * URL-safe base64 WITH padding (as Go's base64.URLEncoding). Loki ignores keys that do not split into exactly four
 * parts or do not decode, so a writer must never produce one and a reader skips them.
 */
public final class RuleObjectKeys {

    /** A key taken apart. */
    public record Parsed(String tenant, String namespace, String group) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String root;

    /** @param prefix Thanos storage prefix, empty for none */
    public RuleObjectKeys(String prefix) {
        String p = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        this.root = p.isEmpty() ? "" : p + "/";
    }

    public String tenantPrefix(String tenant) {
        return root + "rules/" + tenant + "/";
    }

    /** Ends with '/', so that namespace {@code ns1} does not also match {@code ns12} (whose B64 starts alike). */
    public String namespacePrefix(String tenant, String namespace) {
        return tenantPrefix(tenant) + encode(namespace) + "/";
    }

    public String key(String tenant, String namespace, String group) {
        return namespacePrefix(tenant, namespace) + encode(group);
    }

    /** The parts of a key, or empty when Loki would not load it (wrong shape, bad base64, not UTF-8). */
    public Optional<Parsed> parse(String key) {
        if (!key.startsWith(root)) return Optional.empty();
        String[] parts = key.substring(root.length()).split("/", -1);
        if (parts.length != 4 || !parts[0].equals("rules") || parts[1].isEmpty()) return Optional.empty();
        Optional<String> ns = decode(parts[2]);
        Optional<String> group = decode(parts[3]);
        if (ns.isEmpty() || group.isEmpty()) return Optional.empty();
        return Optional.of(new Parsed(parts[1], ns.get(), group.get()));
    }

    public static String encode(String name) {
        return ENCODER.encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Strict decoding: padding required (Java's decoder would accept its absence, Go's does not) and the bytes must be
     * valid UTF-8 (Go keeps any bytes; a Java string cannot).
     */
    public static Optional<String> decode(String b64) {
        if (b64.isEmpty() || b64.length() % 4 != 0) return Optional.empty();
        try {
            byte[] bytes = DECODER.decode(b64);
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.isEmpty() || !ENCODER.encodeToString(bytes).equals(b64) ? Optional.empty() : Optional.of(s);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Whether a name survives encode/decode unchanged (not so for strings with unpaired surrogates). */
    public static boolean roundTrips(String name) {
        return decode(encode(name)).filter(name::equals).isPresent();
    }

    /** 32-bit FNV-1a of the key's UTF-8 bytes, as Go's hash/fnv New32a. */
    public static int fnv32a(String key) {
        int h = 0x811c9dc5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }

    /** Which of {@code n} buckets holds the key: fnv32a(key) % n, the hash taken as unsigned. */
    public static int bucketIndex(String key, int n) {
        return (int) (Integer.toUnsignedLong(fnv32a(key)) % n);
    }
}
