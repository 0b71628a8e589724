package dev.rulesync.validate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test against the real parser: Go's text/template, called the way Prometheus checks alert
 * templates (its variable header, its function names). The Go program is built from the source below with the
 * local Go toolchain (standard library only, no network) and cached under ~/.cache/rule-sync/tools.
 * Every template, random or from the real corpora, must get the same verdict from both.
 */
class GoTemplateOracleIT {

    private static final String GO_SOURCE = """
            package main

            import (
            \t"bufio"
            \t"encoding/json"
            \t"fmt"
            \t"os"
            \t"strings"
            \t"text/template"
            )

            func main() {
            \tfuncs := template.FuncMap{}
            \tfor _, n := range strings.Fields(os.Args[1]) {
            \t\tfuncs[n] = func(args ...interface{}) interface{} { return nil }
            \t}
            \tdefs := "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}"
            \tsc := bufio.NewScanner(os.Stdin)
            \tsc.Buffer(make([]byte, 1<<20), 1<<20)
            \tout := bufio.NewWriter(os.Stdout)
            \tdefer out.Flush()
            \tfor sc.Scan() {
            \t\tvar t string
            \t\tif err := json.Unmarshal(sc.Bytes(), &t); err != nil {
            \t\t\tfmt.Fprintln(out, "BAD "+err.Error())
            \t\t\tcontinue
            \t\t}
            \t\t_, err := template.New("x").Funcs(funcs).Parse(defs + t)
            \t\tif err != nil {
            \t\t\tfmt.Fprintln(out, "ERR "+strings.ReplaceAll(err.Error(), "\\n", " "))
            \t\t} else {
            \t\t\tfmt.Fprintln(out, "OK")
            \t\t}
            \t}
            }
            """;

    private static final String[] PIECES = {"{{", "}}", "{{- ", " -}}", " ", "\n", "$labels", ".job", "$value", " | ",
            "humanize", "if ", "else", "end", "range ", "with ", "(", ")", "\"s\"", "\"", "`", "'c'", "'", "1.5", "-",
            "/*", "*/", " := ", " = ", "$x", ", ", "nil", "true", ".", "\\", "x", "define ", "template ", "break",
            "continue", "printf", "$i", "$", "0x1F", "1e3", "eq", "and", "len", "nope", ".Labels", "\t"};

    private static Path oracle() throws Exception {
        String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(GO_SOURCE.getBytes(StandardCharsets.UTF_8)), 0, 8);
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "rule-sync", "tools", "gotemplate-oracle-" + hash);
        Path bin = dir.resolve("gotemplate-oracle");
        if (Files.isExecutable(bin)) return bin;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("main.go"), GO_SOURCE);
        Files.writeString(dir.resolve("go.mod"), "module gotemplateoracle\n\ngo 1.22\n");
        Process p = new ProcessBuilder("go", "build", "-o", bin.toString(), ".").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        return bin;
    }

    private static List<String> goVerdicts(Path bin, List<String> templates) throws IOException, InterruptedException {
        JsonMapper json = JsonMapper.builder().build();
        Process p = new ProcessBuilder(bin.toString(), String.join(" ", GoTemplateSyntax.FUNCTIONS)).start();
        Thread writer = Thread.ofVirtual().start(() -> {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                for (String t : templates) {
                    w.write(json.writeValueAsString(t));
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) out.add(line);
        }
        writer.join();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return out;
    }

    private static List<String> corpusTemplates() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        var loader = new dev.rulesync.source.RuleFileLoader();
        for (Path f : dev.rulesync.testsupport.Corpora.promqlRuleFiles()) {
            for (var o : loader.load(f).objects()) {
                for (var g : o.object().groups()) {
                    for (var rule : g.rules()) {
                        out.addAll(rule.annotations().values());
                        out.addAll(rule.labels().values());
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    @Test
    void sameVerdictAsGoTextTemplate() throws Exception {
        List<String> templates = new ArrayList<>(corpusTemplates());
        int fromCorpus = templates.size();
        // -Dgotemplate.seed and -Dgotemplate.count explore further; the defaults keep the run short
        Random random = new Random(Long.getLong("gotemplate.seed", 2026));
        for (int i = 0, count = Integer.getInteger("gotemplate.count", 30_000); i < count; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(10);
            for (int k = 0; k < n; k++) sb.append(PIECES[random.nextInt(PIECES.length)]);
            templates.add(sb.toString());
        }
        List<String> go = goVerdicts(oracle(), templates);
        assertThat(go).hasSize(templates.size());
        List<String> disagreements = new ArrayList<>();
        int goErrors = 0;
        for (int i = 0; i < templates.size(); i++) {
            boolean goOk = go.get(i).equals("OK");
            if (!goOk) goErrors++;
            var ours = GoTemplateSyntax.check(templates.get(i));
            if (goOk != ours.isEmpty()) {
                disagreements.add(JsonMapper.builder().build().writeValueAsString(templates.get(i)) + "  go: " + go.get(i)
                        + "  ours: " + ours.map(Object::toString).orElse("OK"));
            }
        }
        assertThat(fromCorpus).isGreaterThan(300);
        assertThat(goErrors).as("the generator makes both kinds").isBetween(1000, templates.size() - 1000);
        assertThat(disagreements).as(disagreements.stream().limit(40).collect(Collectors.joining("\n"))).isEmpty();
    }
}
