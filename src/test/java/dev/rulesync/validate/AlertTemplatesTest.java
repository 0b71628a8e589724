package dev.rulesync.validate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTemplatesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "plain text, no actions",
            "{{ $labels.instance }} of {{ $labels.job }} is down",
            "{{ $value | humanize }} {{ humanize1024 $value }} {{ $value | humanizePercentage }}",
            "{{ printf \"%.2f\" $value }}% {{ humanizeDuration 3600.0 }} {{ humanizeTimestamp 1.7e9 }}",
            "{{ if gt $value 0.5 }}high{{ else if gt $value 0.2 }}mid{{ else }}low{{ end }}",
            "{{ range $i, $s := query \"up\" }}{{ $i }}:{{ $s.Labels.job }} {{ $s | value }}{{ end }}",
            "{{ with query \"up\" }}{{ . | first | value | humanize }}{{ else }}none{{ end }}",
            "{{- /* trimmed comment */ -}}x{{/* plain */}}",
            "{{ range query \"up\" }}{{ if .Value }}{{ break }}{{ end }}{{ continue }}{{ end }}",
            "{{ $x := 1 }}{{ $x = 2 }}{{ $x }} {{ (index $labels \"job\") }} {{ $externalLabels.cluster }}",
            "{{ define \"t\" }}in{{ end }}{{ template \"t\" . }}",
            "{{ reReplaceAll \"(.*):.*\" \"$1\" $labels.instance | toUpper }} {{ .Labels.job | title }}",
            "{{ 'a' }} {{ `raw\nstring` }} {{ -1.5e3 }} {{ 0x1F }} {{ true }} {{ nil | print }}",
            "{{ externalURL }}{{ pathPrefix }}/graph?g0.expr={{ \"up\" | urlquery }} {{ $externalURL }}",
            "{{ label \"job\" (query \"up\" | first) }} {{ toTime 1.0 }} {{ parseDuration \"1m\" }} {{ stripPort \"a:1\" }}",
            "{{ if and (eq $labels.a \"b\") (ne $labels.c \"d\") (not false) }}x{{ end }}",
            "{{ $labels.instance | reReplaceAll \":.*\" \"\" }} {{ humanize (printf \"%f\" $value) }} {{ .Value }}",
            "{{ range $k, $v := $labels }}{{ $k }}={{ $v }} {{ end }}{{ index $labels \"foo-bar\" }}",
            "{{ with $labels.a }}a{{ else with $labels.b }}b{{ end }} {{ range 3 }}{{ . }}{{ end }}",
    })
    void acceptsWhatPrometheusAccepts(String template) {
        assertThat(AlertTemplates.check(template)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "@@", value = {
            "{{ $labels.job @@ 1 @@ 1 @@ unclosed action",
            "{{ humanise $value }} @@ 1 @@ 4 @@ function \"humanise\" not defined",
            "x {{ $lables.job }} @@ 1 @@ 6 @@ undefined variable \"$lables\"",
            "{{ if $value }}a @@ 1 @@ 17 @@ unexpected EOF",
            "a{{ end }} @@ 1 @@ 5 @@ unexpected {{end}}",
            "{{ }} @@ 1 @@ 4 @@ missing value for command",
            "{{ if }}x{{ end }} @@ 1 @@ 7 @@ missing value for if",
            "{{ \"abc }} @@ 1 @@ 4 @@ unterminated quoted string",
            "{{ (len \"a\" }} @@ 1 @@ 13 @@ unclosed left paren",
            "{{ $value | \"x\" }} @@ 1 @@ 13 @@ non executable command in pipeline stage 2",
            "{{ break }} @@ 1 @@ 4 @@ {{break}} outside {{range}}",
            "{{ 1.2.3 }} @@ 1 @@ 7 @@ unexpected \".3\" in operand",
            "{{/* unclosed }} @@ 1 @@ 3 @@ unclosed comment",
            "{{ /* spaced */ }} @@ 1 @@ 4 @@ unexpected \"/\" in command",
            "{{ if 1 }}{{ $x := 1 }}{{ end }}{{ $x }} @@ 1 @@ 36 @@ undefined variable \"$x\"",
            "line one\\n{{ $value | nope }} @@ 2 @@ 13 @@ function \"nope\" not defined",
            "{{ $value ; }} @@ 1 @@ 11 @@ unexpected \";\" in operand",
    })
    // messages as Prometheus gives them (AlertTemplatesOracleIT); the column is the token Go stopped at
    void rejectsWhatGoRejectsAtItsPlace(String template, int line, int column, String message) {
        String t = template.replace("\\n", "\n");
        assertThat(AlertTemplates.check(t)).hasValueSatisfying(e -> {
            assertThat(e.message()).isEqualTo(message);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.column()).isEqualTo(column);
        });
    }

    @Test
    void everyKubePrometheusStyleAnnotationParses() {
        String description = "{{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is restarting "
                + "{{ printf \"%.2f\" $value }} times / 10 minutes. {{ with $labels.cluster -}} on cluster {{ . }} {{- end }}";
        assertThat(AlertTemplates.check(description)).isEmpty();
    }
}
