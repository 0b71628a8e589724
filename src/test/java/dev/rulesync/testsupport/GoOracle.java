package dev.rulesync.testsupport;

import dev.rulesync.gosyntax.GoStrconv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * tools/go-oracle: Go's own regexp, text/template, strconv, durations and tenant-id rule, asked through one process.
 * Inputs are Java strings holding Go strings (a byte that is not UTF-8 as U+DC00+byte), sent as their bytes.
 */
public final class GoOracle {

    /** One question: a function of the oracle, its input and its arguments. */
    public record Ask(String f, String s, List<String> args) {
        public Ask(String f, String s) {
            this(f, s, List.of());
        }
    }

    /** Go's answer; {@code v} is a string result, decoded into a Java string as Go strings are held here. */
    public record Answer(boolean ok, String err, String v, long n, long floatBits, String str, String str2,
                         String str3, boolean empty, List<String> names) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoOracle() {
    }

    /** Asks everything through one oracle process; the answers come back in order. */
    public static List<Answer> ask(List<Ask> questions) {
        List<String> lines = new ArrayList<>(questions.size());
        for (Ask q : questions) {
            ObjectNode o = JSON.createObjectNode();
            o.put("f", q.f());
            o.put("s", Base64.getEncoder().encodeToString(GoStrconv.bytes(q.s())));
            var a = o.putArray("a");
            q.args().forEach(a::add);
            lines.add(JSON.writeValueAsString(o));
        }
        return GoTools.exchange("go-oracle", List.of(), lines).stream().map(l -> answer(JSON.readTree(l))).toList();
    }

    private static Answer answer(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.path("names").forEach(x -> names.add(x.asString()));
        // an empty string result is left out of the JSON
        String v = n.has("v") ? GoStrconv.fromBytes(Base64.getDecoder().decode(n.get("v").asString())) : "";
        return new Answer(n.path("ok").asBoolean(false), n.path("err").asString(null), v, n.path("n").asLong(0),
                Long.parseUnsignedLong(n.path("fv").asString("0")), n.path("str").asString(null),
                n.path("str2").asString(null), n.path("str3").asString(null), n.path("empty").asBoolean(false),
                names);
    }

    /** A Go message as it arrives through JSON: bytes that are not UTF-8 become U+FFFD. */
    public static String asJson(String goString) {
        if (goString == null) return null;
        StringBuilder b = new StringBuilder(goString.length());
        for (int i = 0; i < goString.length(); ) {
            int cp = goString.codePointAt(i);
            b.appendCodePoint(cp >= 0xDC80 && cp <= 0xDCFF ? 0xFFFD : cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
