package dev.rulesync.apply.s3;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleObjectKeysTest {

    private final RuleObjectKeys keys = new RuleObjectKeys("");

    @Test
    void encodesNamesAsPaddedUrlSafeBase64LikeTheWireSpec() {
        assertThat(RuleObjectKeys.encode("ns1")).isEqualTo("bnMx");
        assertThat(RuleObjectKeys.encode("g1")).isEqualTo("ZzE=");
        assertThat(RuleObjectKeys.encode("team-a/app")).isEqualTo("dGVhbS1hL2FwcA==");
        assertThat(RuleObjectKeys.encode("??>")).isEqualTo("Pz8-"); // URL alphabet: '-' and '_', never '/' or '+'
        assertThat(keys.key("tenant1", "ns1", "g1")).isEqualTo("rules/tenant1/bnMx/ZzE=");
        assertThat(new RuleObjectKeys("/loki/").key("t", "ns1", "g1")).isEqualTo("loki/rules/t/bnMx/ZzE=");
    }

    @Test
    void parsesWhatItWrites() {
        String key = keys.key("t", "team-a/app", "100% ü");
        assertThat(keys.parse(key)).contains(new RuleObjectKeys.Parsed("t", "team-a/app", "100% ü"));
        RuleObjectKeys prefixed = new RuleObjectKeys("p/q");
        assertThat(prefixed.parse(prefixed.key("t", "n", "g"))).contains(new RuleObjectKeys.Parsed("t", "n", "g"));
    }

    @Test
    void skipsKeysLokiWouldNotLoad() {
        assertThat(keys.parse("rules/t/bnMx")).isEmpty();              // three parts
        assertThat(keys.parse("rules/t/bnMx/ZzE=/extra")).isEmpty();   // five parts
        assertThat(keys.parse("rules/t/bnMx/ZzE")).isEmpty();          // padding missing: Go's decoder refuses it
        assertThat(keys.parse("rules/t/bn*x/ZzE=")).isEmpty();         // not base64
        assertThat(keys.parse("rules/t/bnMx/dGVhbS1hL2FwcA==")).isPresent();
        assertThat(keys.parse("rules/t/" + RuleObjectKeys.encode("x") + "/_w==")).isEmpty(); // 0xff is not UTF-8
        assertThat(keys.parse("other/t/bnMx/ZzE=")).isEmpty();
    }

    @Test
    void namespacePrefixDoesNotMatchLongerNamespaces() {
        // B64("ns12") starts with B64("ns1") without its padding; the trailing '/' keeps them apart.
        assertThat(RuleObjectKeys.encode("ns12")).startsWith(RuleObjectKeys.encode("ns1"));
        assertThat(keys.key("t", "ns12", "g")).doesNotStartWith(keys.namespacePrefix("t", "ns1"));
    }

    @Test
    void unpairedSurrogatesDoNotRoundTrip() {
        assertThat(RuleObjectKeys.roundTrips("ok ü 😀")).isTrue();
        assertThat(RuleObjectKeys.roundTrips("bad \uD800")).isFalse();
    }

    @Test
    void fnv32aMatchesTheReferenceVectors() {
        assertThat(RuleObjectKeys.fnv32a("")).isEqualTo(0x811c9dc5);
        assertThat(RuleObjectKeys.fnv32a("a")).isEqualTo(0xe40c292c);
        assertThat(RuleObjectKeys.fnv32a("foobar")).isEqualTo(0xbf9cf968);
    }

    @Test
    void bucketIsFnvOfTheFullKeyModuloCountTakenUnsigned() {
        String key = "rules/tenant1/bnMx/ZzE=";
        long h = Integer.toUnsignedLong(RuleObjectKeys.fnv32a(key));
        assertThat(RuleObjectKeys.bucketIndex(key, 3)).isEqualTo((int) (h % 3));
        // "foobar" hashes above 2^31: a signed modulo would go negative.
        assertThat(RuleObjectKeys.bucketIndex("foobar", 7)).isEqualTo((int) (0xbf9cf968L % 7));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) seen.add(RuleObjectKeys.bucketIndex(keys.key("t", "ns", "g" + i), 3));
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2);
    }
}
