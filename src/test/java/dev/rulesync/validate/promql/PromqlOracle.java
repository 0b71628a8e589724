package dev.rulesync.validate.promql;

import dev.rulesync.testsupport.GoTools;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus parser (tools/promql-oracle, a Go program of ours) as a child process, built and cached by
 * {@link GoTools}.
 */
final class PromqlOracle implements AutoCloseable {

    /** One verdict of the Go parser. */
    record Verdict(boolean ok, String str, String type, String err) {
    }

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    private PromqlOracle(Process process) {
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static PromqlOracle start(String... flags) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary().toString());
        cmd.addAll(List.of(flags));
        return new PromqlOracle(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    static Path binary() {
        return GoTools.binary("promql-oracle");
    }

    Verdict judge(String expr) throws IOException {
        in.write(Json.quote(expr));
        in.write('\n');
        in.flush();
        String line = out.readLine();
        if (line == null) throw new IOException("PromQL oracle exited");
        var m = Json.parseFlatObject(line);
        return new Verdict(Boolean.parseBoolean(m.get("ok")), m.get("str"), m.get("type"), m.get("err"));
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }

    /** Just enough JSON for the oracle's line protocol. */
    static final class Json {
        private Json() {
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder(s.length() + 2).append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                        else b.append(c);
                    }
                }
            }
            return b.append('"').toString();
        }

        static java.util.Map<String, String> parseFlatObject(String json) {
            var m = new java.util.HashMap<String, String>();
            int i = json.indexOf('{') + 1;
            while (i < json.length()) {
                while (i < json.length() && (json.charAt(i) == ',' || json.charAt(i) == ' ')) i++;
                if (json.charAt(i) == '}') break;
                int[] pos = {i};
                String key = readString(json, pos);
                i = pos[0] + 1; // ':'
                String value;
                if (json.charAt(i) == '"') {
                    pos[0] = i;
                    value = readString(json, pos);
                    i = pos[0];
                } else {
                    int j = i;
                    while (j < json.length() && json.charAt(j) != ',' && json.charAt(j) != '}') j++;
                    value = json.substring(i, j);
                    i = j;
                }
                m.put(key, value);
            }
            return m;
        }

        private static String readString(String s, int[] pos) {
            StringBuilder b = new StringBuilder();
            int i = pos[0] + 1;
            while (s.charAt(i) != '"') {
                char c = s.charAt(i);
                if (c == '\\') {
                    char e = s.charAt(++i);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 'r' -> b.append('\r');
                        case 't' -> b.append('\t');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
                i++;
            }
            pos[0] = i + 1;
            return b.toString();
        }
    }
}
