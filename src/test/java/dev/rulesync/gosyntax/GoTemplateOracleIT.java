package dev.rulesync.gosyntax;

import dev.rulesync.testsupport.GoOracle;
import dev.rulesync.testsupport.GoOracle.Answer;
import dev.rulesync.testsupport.GoOracle.Ask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GoTemplate} against Go's text/template (tools/go-oracle): the same verdict and the same message, line
 * included, for edge cases and seeded random templates, with and without a header and with a function set of the
 * caller's.
 */
class GoTemplateOracleIT {

    private static final Set<String> FUNCTIONS = Set.of("humanize", "toUpper", "ToLower", "__line__", "b64enc");
    private static final GoTemplate.Env PLAIN = new GoTemplate.Env("line", "", FUNCTIONS);
    private static final GoTemplate.Env HEADER = new GoTemplate.Env("__alert_X",
            "{{$labels := .Labels}}{{$value := .Value}}", FUNCTIONS);
    private static final GoTemplate.Env BREAK_FUNCTION = new GoTemplate.Env("t", "", Set.of("break", "x"));

    private static final String[] PIECES = {"{{", "}}", "{{- ", " -}}", "{{-", "-}}", " ", "  ", "\n", "\t", "\r",
            "$labels", ".job", ".a.b", "$value", " | ", "|", "humanize", "nope", "if ", "else", "else if ",
            "else with ", "end", "range ", "with ", "(", ")", "\"s\"", "\"\\q\"", "\"\\n\"", "\"", "`", "`r`", "'c'",
            "'ab'", "'\\n'", "''", "'", "1", "1.5", "-", "+", "08", "0x1F", "0x1p3", "1e3", "1_0", "_1", ".5", "1i",
            "1+2i", "1-", "0b1", "0o7", "0x", "9999999999999999999999", "/*", "*/", " := ", " = ", ":=", "=", ":",
            "$x", "$y", "$", ", ", ",", "nil", "true", "false", ".", "..", "\\", "x", "define ", "\"x\"",
            "\"line\"", "template ", "block ", "break", "continue", "printf", "$i", "eq", "and", "len", "call",
            ".Labels", "#", "@", "\u00e9", "\u65e5", "\u00a0", Inputs.rawByte(0xff), "}", "{", "{{/* c */}}",
            "{{- /* c */ -}}"};

    static List<String> edgeCases() {
        List<String> out = new ArrayList<>(List.of(
                // the issue's examples
                "{{block \"b\" .}}{{end}}", "{{\"\\q\"}}", "{{'ab'}}", "{{08}}",
                "", "{{", "}}", "{{}}", "{{ }}", "{{.}}", "{{.", "{{$}}", "{{$x}}", "{{$x := 1}}{{$x}}", "{{$x=1}}",
                "{{$x = 1}}", "{{range $i, $v := .}}{{$i}}{{end}}", "{{range $i, $v, $w := .}}{{end}}",
                "{{range $i, }}{{end}}", "{{$a, $b := 1}}", "{{if 1}}a{{else if 2}}b{{else}}c{{end}}",
                "{{with .}}{{else with .x}}{{end}}", "{{if .}}{{else with .x}}{{end}}", "{{range .}}{{break}}{{end}}",
                "{{break}}", "{{range .}}{{else}}{{break}}{{end}}", "{{range .}}{{continue}}{{end}}",
                "{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}", "{{define \"a\"}}{{end}}{{define \"a\"}}y{{end}}",
                "{{define \"line\"}}x{{end}}text", "{{define \"line\"}}x{{end}}  ", "{{define `a`}}{{end}}",
                "{{define a}}{{end}}", "{{define \"a\"}}{{else}}{{end}}", "{{template \"a\"}}", "{{template \"a\" .}}",
                "{{template a}}", "{{block \"b\" .}}x{{else}}{{end}}", "{{range .}}{{block \"b\" .}}{{break}}{{end}}{{end}}",
                "{{1 | 2}}", "{{. | printf}}", "{{printf | .}}", "{{\"a\".b}}", "{{(1).b}}", "{{$.x}}", "{{nil}}",
                "{{nil.x}}", "{{true.x}}", "{{.x.y}}", "{{(.x).y}}", "{{ $value | }}", "{{ | }}", "{{(}}", "{{)}}",
                "{{(1}}", "{{1)}}", "{{()}}", "{{1 2}}", "{{printf \"%d\" 1}}", "{{/* a */}}", "{{/* a */ }}",
                "{{/* a */ -}}", "{{- /* a */}}", "{{/* a", "{{/*a*/x}}", "{{ /* a */ }}", "a\nb\n{{\n.\n", "{{1+2i}}",
                "{{1+2}}", "{{0x1p-2+1i}}", "{{1e3i}}", "{{1_000}}", "{{0x_1}}", "{{1__0}}", "{{'\\400'}}", "{{'\\x'}}",
                "{{'\u00e9'}}", "{{`a\nb`}}", "{{\"a\nb\"}}", "{{`unterminated", "{{\"unterminated", "{{ else }}",
                "{{end}}", "{{if}}{{end}}", "{{if 1}}", "{{if 1}}{{else}}", "{{if 1}}{{else}}{{else}}{{end}}",
                "{{.a-}}", "{{x-}}", "{{- -}}", "{{-}}", "{{ -}}", "{{-1}}", "{{- 1}}", "a {{- 1 -}} b",
                "{{$x := 1}}{{if 1}}{{$y := 2}}{{end}}{{$y}}", "{{define \"d\"}}{{$labels}}{{end}}",
                "{{ humanize 1 }}", "{{ toUpper \"a\" }}", "{{ nope }}", "{{.Labels.job}}", "{{ $labels.job }}",
                "{{ index $labels \"job\" }}", "{{ \u00e9 }}", "{{ .\u00e9 }}", "{{ $\u00e9 }}",
                "{{ " + Inputs.rawByte(0xff) + " }}", "{{ \"" + Inputs.rawByte(0xff) + "\" }}",
                "{{ '" + Inputs.rawByte(0xff) + "' }}", "{{block $labels_1\u65e5}}", "{{block \u65e5\u65e5\u65e5\u65e5}}",
                "{{ # }}", "{{ @ }}", "{{ ; }}", "{{ , }}", "{{ \u00a0 }}"));
        for (int depth : new int[] {50, GoTemplate.MAX_DEPTH - 1, GoTemplate.MAX_DEPTH}) {
            out.add("{{if 1}}".repeat(depth) + "{{end}}".repeat(depth));
            out.add("{{" + "(".repeat(depth) + "1" + ")".repeat(depth) + "}}");
            out.add("{{if 1}}{{else if 1}}".repeat(depth / 2) + "{{end}}");
        }
        return out;
    }

    @Test
    void sameVerdictAndMessageAsGo() {
        List<String> templates = Inputs.glued(edgeCases(), PIECES, 10, Inputs.count(30_000), 4);
        List<GoTemplate.Env> envs = List.of(PLAIN, HEADER);
        List<Ask> asks = new ArrayList<>();
        for (String t : templates) {
            for (GoTemplate.Env env : envs) asks.add(ask(t, env));
        }
        List<String> breakTemplates = List.of("{{break}}", "{{range .}}{{break}}{{end}}", "{{break 1}}",
                "{{continue}}", "{{range .}}{{continue}}{{end}}");
        breakTemplates.forEach(t -> asks.add(ask(t, BREAK_FUNCTION)));
        List<Answer> go = GoOracle.ask(asks);
        Disagreements d = new Disagreements("GoTemplate");
        int goErrors = 0;
        int k = 0;
        for (String t : templates) {
            for (GoTemplate.Env env : envs) {
                Answer a = go.get(k++);
                if (!a.ok()) goErrors++;
                d.check(env.name(), t, ours(t, env), a.ok() ? "ok" : a.err());
            }
        }
        for (String t : breakTemplates) {
            Answer a = go.get(k++);
            d.check(BREAK_FUNCTION.name(), t, ours(t, BREAK_FUNCTION), a.ok() ? "ok" : a.err());
        }
        System.out.println("GoTemplate: " + templates.size() + " templates, " + goErrors + " of "
                + templates.size() * envs.size() + " parses failed in Go");
        d.assertNone();
        assertThat(goErrors).as("the generator makes both kinds")
                .isBetween(templates.size() / 5, templates.size() * envs.size() * 4 / 5);
    }

    private static Ask ask(String template, GoTemplate.Env env) {
        List<String> args = new ArrayList<>(List.of(env.name(), env.header()));
        args.addAll(env.functions());
        return new Ask("template", template, args);
    }

    private static String ours(String template, GoTemplate.Env env) {
        Optional<GoTemplate.Error> e = GoTemplate.parse(template, env);
        return e.map(x -> GoOracle.asJson(x.goMessage())).orElse("ok");
    }
}
