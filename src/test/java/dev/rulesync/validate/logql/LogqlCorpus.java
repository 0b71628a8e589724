package dev.rulesync.validate.logql;

import dev.rulesync.testsupport.Corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The expressions both our validator and Loki judge: hand-written cases of every construct, the examples from
 * Loki's documentation (fragments completed with a selector), metric queries built around the log queries,
 * invalid variants made by deterministic mutations, and seeded random regular expressions and templates. The
 * same list feeds the benchmark.
 */
final class LogqlCorpus {

    private LogqlCorpus() {
    }

    /** Hand-written cases, one per line; "\n" in a case stands for a newline. */
    static final String HAND_WRITTEN = """
            {app="foo"}
            {app="foo", env!="prod", job=~"api.*", ns!~"kube-.*"}
            {app=~".*"}
            {app=~".+"}
            {app=""}
            {app!=""}
            {app!~""}
            {app=~"a|"}
            {app=~"a|b|c"}
            {}
            {app="foo",}
            {app="foo"
            {app=foo}
            {app='foo'}
            {app=`foo`}
            {"app"="foo"}
            {app="foo"} |= "err"
            {app="foo"} != "err"
            {app="foo"} |~ "err.*"
            {app="foo"} !~ "err.*"
            {app="foo"} |> "<_> err <_>"
            {app="foo"} !> "<_> err <_>"
            {app="foo"} |= "a" |= "b" != "c" |~ "d" !~ "e"
            {app="foo"} |= "a" or "b"
            {app="foo"} |= "a" or "b" or "c"
            {app="foo"} != "a" or "b"
            {app="foo"} |~ "a" or "b" != "c" or "d"
            {app="foo"} |= ip("192.168.0.1")
            {app="foo"} != ip("10.0.0.0/8")
            {app="foo"} |= "a" or ip("10.0.0.1")
            {app="foo"} |= ip("10.0.0.1") or "a"
            {app="foo"} |~ "("
            {app="foo"} |= `raw \\ string`
            {app="foo"} |= "unterminated
            {app="foo"} |= "bad \\q escape"
            {app="foo"} | json
            {app="foo"} | json first_server="servers[0]", ua="request.headers[\\"User-Agent\\"]"
            {app="foo"} | json a, b="c"
            {app="foo"} | logfmt
            {app="foo"} | logfmt --strict
            {app="foo"} | logfmt --keep-empty --strict
            {app="foo"} | logfmt --strict host, level="lvl"
            {app="foo"} | logfmt host
            {app="foo"} | logfmt --bogus
            {app="foo"} | regexp "(?P<method>\\\\w+) (?P<path>[\\\\w|/]+)"
            {app="foo"} | regexp "(\\\\w+)"
            {app="foo"} | regexp "(?P<a>x)(?P<a>y)"
            {app="foo"} | regexp "(?P<a>x"
            {app="foo"} | regexp "(?<a>x)"
            {app="foo"} | pattern "<ip> - <_> [<ts>] \\"<method> <path>\\""
            {app="foo"} | pattern "<_> foo"
            {app="foo"} | pattern "<a><b>"
            {app="foo"} | pattern "<a> <a>"
            {app="foo"} | pattern ""
            {app="foo"} | unpack
            {app="foo"} | json | level="error"
            {app="foo"} | json | level=~"err|warn"
            {app="foo"} | json | level=~"("
            {app="foo"} | json | status >= 500
            {app="foo"} | json | status == 500
            {app="foo"} | json | status = 500
            {app="foo"} | json | status != -1
            {app="foo"} | json | ratio < 0.5
            {app="foo"} | json | latency > 250ms
            {app="foo"} | json | latency >= 1m30s
            {app="foo"} | json | latency < 1.5h
            {app="foo"} | json | latency <= 10us
            {app="foo"} | json | size > 20KB
            {app="foo"} | json | size > 20KiB
            {app="foo"} | json | size < 1.5MB
            {app="foo"} | json | size == 1GB
            {app="foo"} | json | size > 5B
            {app="foo"} | json | size > 1PB
            {app="foo"} | logfmt | addr = ip("192.168.4.5/16")
            {app="foo"} | logfmt | addr != ip("192.168.4.5-192.168.4.20")
            {app="foo"} | logfmt | a="1" and b="2"
            {app="foo"} | logfmt | a="1" or b="2"
            {app="foo"} | logfmt | a="1", b="2"
            {app="foo"} | logfmt | a="1" b="2"
            {app="foo"} | logfmt | a="1" and b="2" or c="3"
            {app="foo"} | logfmt | a="1" or b="2" and c="3"
            {app="foo"} | logfmt | (a="1" or b="2") and c="3"
            {app="foo"} | logfmt | a="1" or (b="2", c="3")
            {app="foo"} | logfmt | a > 1 and b < 2s or c >= 3KB , d!="x"
            {app="foo"} | logfmt | a == "x"
            {app="foo"} | logfmt | a > "x"
            {app="foo"} | line_format "{{.status}} {{.path}}"
            {app="foo"} | line_format `{{ .msg | ToUpper }}`
            {app="foo"} | line_format "{{.a"
            {app="foo"} | line_format
            {app="foo"} | label_format dst=src
            {app="foo"} | label_format dst="{{.src}}", other=src2
            {app="foo"} | label_format dst=
            {app="foo"} | decolorize
            {app="foo"} | drop a, b, c="x", d=~"y.*"
            {app="foo"} | keep a, b!="z"
            {app="foo"} | drop
            {app="foo"} | keep a, b=~"("
            {app="foo"} # a comment
            {app="foo"} // a Go comment
            {app="foo"} /* block */ |= "x"
            {app="foo"} /* open
            # only a comment
            {app="foo"} |= "x" | json | line_format "{{.a}}" | label_format b=a | drop c | keep d
            ({app="foo"})
            ({app="foo"} |= "x")
            ({app="foo"}) |= "x"
            {app="foo"}[5m]
            count_over_time({app="foo"}[5m])
            count_over_time({app="foo"} |= "x" [5m])
            count_over_time({app="foo"}[5m] |= "x")
            count_over_time(({app="foo"} |= "x")[5m])
            count_over_time(({app="foo"})[5m])
            count_over_time(({app="foo"}[5m]))
            count_over_time({app="foo"}[5m] offset 1h)
            count_over_time({app="foo"}[5m] offset -1h)
            count_over_time({app="foo"}[1d] offset 1h30m)
            count_over_time({app="foo"}[5m]) by (job)
            count_over_time({app="foo"}[5x])
            count_over_time({app="foo"}[])
            count_over_time({app="foo"}[5m)
            count_over_time({app="foo"}[ 5m ])
            count_over_time({app="foo"}[1h30m])
            count_over_time({app="foo"}[90s])
            count_over_time({app="foo"}[0])
            rate({app="foo"}[1m])
            rate({app="foo"} | unwrap x [1m])
            rate_counter({app="foo"} | logfmt | unwrap x [1m])
            rate_counter({app="foo"}[1m])
            bytes_over_time({app="foo"}[1m])
            bytes_rate({app="foo"}[1m])
            bytes_rate({app="foo"} | unwrap x [1m])
            absent_over_time({app="foo"}[1m])
            absent_over_time({app="foo"} | unwrap x [1m])
            sum_over_time({app="foo"} | logfmt | unwrap bytes [1m])
            sum_over_time({app="foo"} | logfmt | unwrap bytes(size) [1m])
            sum_over_time({app="foo"} | logfmt | unwrap duration(d) [1m])
            sum_over_time({app="foo"} | logfmt | unwrap duration_seconds(d) [1m])
            sum_over_time({app="foo"} | logfmt | unwrap latency | __error__="" [1m])
            sum_over_time({app="foo"} | logfmt | unwrap latency | __error__="" | latency > 1 [1m])
            sum_over_time({app="foo"}[1m])
            sum_over_time({app="foo"}[1m] | logfmt | unwrap x)
            sum_over_time({app="foo"}[1m] offset 5m | logfmt | unwrap x)
            sum_over_time({app="foo"}[1m] | unwrap x)
            sum_over_time({app="foo"} | unwrap x [1m] offset 5m)
            sum_over_time(({app="foo"} | unwrap x)[1m])
            sum_over_time(({app="foo"} | json | unwrap x)[1m])
            sum_over_time(({app="foo"})[1m] | unwrap x)
            sum_over_time(({app="foo"})[1m] | json)
            avg_over_time({app="foo"} | unwrap x [1m]) by (a)
            avg_over_time({app="foo"} | unwrap x [1m]) without (a)
            min_over_time({app="foo"} | unwrap x [1m]) by ()
            max_over_time({app="foo"} | unwrap x [1m])
            stddev_over_time({app="foo"} | unwrap x [1m])
            stdvar_over_time({app="foo"} | unwrap x [1m])
            first_over_time({app="foo"} | unwrap x [1m]) by (a)
            last_over_time({app="foo"} | unwrap x [1m])
            sum_over_time({app="foo"} | unwrap x [1m]) by (a)
            quantile_over_time(0.99, {app="foo"} | unwrap x [1m]) by (a)
            quantile_over_time(0.99, {app="foo"}[1m])
            quantile_over_time({app="foo"} | unwrap x [1m])
            quantile_over_time(1e-3, {app="foo"} | unwrap x [1m])
            count_over_time(5, {app="foo"}[1m])
            count_over_time({app="foo"} | unwrap x [1m])
            count_over_time({app=~".*"}[1m])
            sum(count_over_time({app="foo"}[1m]))
            sum by (a) (count_over_time({app="foo"}[1m]))
            sum(count_over_time({app="foo"}[1m])) by (a)
            sum without (a) (count_over_time({app="foo"}[1m]))
            sum by (a) (count_over_time({app="foo"}[1m])) by (b)
            sum by () (count_over_time({app="foo"}[1m]))
            sum without () (count_over_time({app="foo"}[1m]))
            avg(rate({app="foo"}[1m]))
            min(rate({app="foo"}[1m]))
            max(rate({app="foo"}[1m]))
            count(rate({app="foo"}[1m]))
            stddev(rate({app="foo"}[1m]))
            stdvar(rate({app="foo"}[1m]))
            topk(5, rate({app="foo"}[1m]))
            topk(5, rate({app="foo"}[1m])) by (a)
            topk by (a) (5, rate({app="foo"}[1m]))
            bottomk(1, rate({app="foo"}[1m]))
            topk(rate({app="foo"}[1m]))
            topk(0, rate({app="foo"}[1m]))
            topk(1.5, rate({app="foo"}[1m]))
            topk(05, rate({app="foo"}[1m]))
            sum(5, rate({app="foo"}[1m]))
            approx_topk(5, rate({app="foo"}[1m]))
            approx_topk(5, rate({app="foo"}[1m])) by (a)
            sort(rate({app="foo"}[1m]))
            sort_desc(rate({app="foo"}[1m]))
            sort(rate({app="foo"}[1m])) by (a)
            sort_desc by () (rate({app="foo"}[1m]))
            sum({app="foo"})
            sum(({app="foo"}))
            sum(rate({app="foo"}[1m]) + 1)
            SUM(RATE({app="foo"}[1m]))
            sum by(a)(rate({app="foo"}[1m]))
            sum
            rate
            rate({app="foo"}[1m]) + rate({app="bar"}[1m])
            rate({app="foo"}[1m]) - 1
            rate({app="foo"}[1m]) * 2 / 3 % 4 ^ 5
            rate({app="foo"}[1m]) > 0
            rate({app="foo"}[1m]) > bool 0
            rate({app="foo"}[1m]) == bool 0
            rate({app="foo"}[1m]) != 0
            rate({app="foo"}[1m]) >= 0 <= 1 < 2
            rate({app="foo"}[1m]) and rate({app="bar"}[1m])
            rate({app="foo"}[1m]) or rate({app="bar"}[1m])
            rate({app="foo"}[1m]) unless rate({app="bar"}[1m])
            rate({app="foo"}[1m]) or 1
            1 or rate({app="foo"}[1m])
            1 and 2
            rate({app="foo"}[1m]) / on (a) rate({app="bar"}[1m])
            rate({app="foo"}[1m]) / on () rate({app="bar"}[1m])
            rate({app="foo"}[1m]) / ignoring (a, b) rate({app="bar"}[1m])
            rate({app="foo"}[1m]) / ignoring () rate({app="bar"}[1m])
            rate({app="foo"}[1m]) / on (a) group_left rate({app="bar"}[1m])
            rate({app="foo"}[1m]) / on (a) group_left (b) rate({app="bar"}[1m])
            rate({app="foo"}[1m]) / on (a) group_right () rate({app="bar"}[1m])
            rate({app="foo"}[1m]) / ignoring (a) group_right (b, c) rate({app="bar"}[1m])
            rate({app="foo"}[1m]) > bool on (a) group_left rate({app="bar"}[1m])
            rate({app="foo"}[1m]) / on (a) group_left (vector(1))
            rate({app="foo"}[1m]) / group_left rate({app="bar"}[1m])
            {app="foo"} + 1
            1 + {app="foo"}
            {app="foo"} |= "x" or vector(1)
            1
            -1
            +1
            1.5
            .5
            1e3
            0x10
            1_000
            09
            1 + 2
            1 + 2 * 3
            (1 + 2) * 3
            2 ^ 3 ^ 2
            1 / 0
            1 % 0
            1 > 2
            1 -0
            1 - -1
            vector(1)
            vector(1.5)
            vector(-1)
            vector()
            vector(1) + rate({app="foo"}[1m])
            vector(0x10)
            label_replace(rate({app="foo"}[1m]), "dst", "$1", "src", "(.*)")
            label_replace(rate({app="foo"}[1m]), "dst", "$1", "src", "(")
            label_replace(rate({app="foo"}[1m]), "dst", "$1", "src", "a)|(b")
            label_replace({app="foo"}, "dst", "$1", "src", "(.*)")
            label_replace(rate({app="foo"}[1m]), "dst", "$1", "src")
            variants(count_over_time({app="foo"}[1m])) of ({app="foo"}[1m])
            variants(count_over_time({app="foo"}[1m]), bytes_over_time({app="foo"}[1m])) of ({app="foo"} | json [1m])
            variants(count_over_time({app=~".*"}[1m])) of ({app="foo"}[1m])
            variants(count_over_time({app="foo"}[1m])) of ({app=~".*"}[1m])
            variants(topk(rate({app="foo"}[1m]))) of ({app="foo"}[1m])
            (variants(count_over_time({app="foo"}[1m])) of ({app="foo"}[1m]))
            variants(count_over_time({app="foo"}[1m])) of ({app="foo"}[1m]) + 1
            sum(count_over_time({app="foo"}[1m])) by (a) / sum(count_over_time({app="foo"}[1m])) by (a) * 100
            sum(rate({app="foo"} |= "error" [5m])) by (job)\\n  /\\nsum(rate({app="foo"}[5m])) by (job)\\n  > 0.05
            rate({app="foo"}\\n  | json\\n  | level = "error"\\n  [5m])
            sum by (a) (rate({app="foo"}[1m])) # trailing comment
            sum by (a) # comment\\n (rate({app="foo"}[1m]))
            count_over_time({app="foo"} | json | __error__ = "" [5m]) > 10
            {app="foo"} @ 5
            {app="foo"} | json | a.b="c"
            {app="foo"} |= "x" |
            {app="foo"} ||= "x"
            {app="foo"} | unwrap x
            count_over_time({app="foo"} | json [5m] | line_format "{{.a}}")
            {app="foo"} | label_format a="{{.b}}" | line_format "{{.a}}"
            {app="ñ"} |= "ü"
            {ñ="x"}
            {app="foo"} |= "\\u00e9"
            {app="foo"} |= "\\xff"
            {app="foo"} |= "\\400"
            {app="foo"} |~ "(?i)error"
            {app="foo"} |~ "\\\\d+"
            {app="foo"} | level=~"(a)\\\\1"
            {app="foo"} | level=~"a(?=b)"
            {app="foo"} | level=~"\\\\pL+"
            {app="foo"} | level=~"[[:alpha:]]+"
            {app="foo"} | level=~"a{1001}"
            {app=~"(?P<x>a)|b"}
            {app=~"a++"}
            {app="foo"} | json | dur > -5m
            {app="foo"} | json | n > 1e400
            {app="foo"} | json | n > 0x10
            sum(rate({app="foo"}[1m])) by (a) offset 5m
            rate({app="foo"}[1m] offset 5m) by (a)
            count_over_time({app="foo"}[5m]) offset 1m
            RATE({APP="foo"}[1m])
            rate ({app="foo"}[1m])
            rate by (a) ({app="foo"}[1m])
            sum By (a) (rate({app="foo"}[1m]))
            bytes(x)
            {app="foo"} | json bytes="b"
            sum_over_time({app="foo"} | unwrap bytes(x [1m])
            {app="foo"} |= "a" | rate="b"
            {app="foo"} | on="x"
            {app="foo"} | n > 0b12
            count_over_time({app=~"a+{+"}[1m])
            count_over_time({app=~"a{,5}"}[1m])
            count_over_time({app=~"a{2,1}"}[1m])
            count_over_time({app=~"x{2}{3}"}[1m])
            count_over_time({app=~"\\Qa.b\\E"}[1m])
            count_over_time({app=~"(?i:x)"}[1m])
            count_over_time({app=~"(?U)a+"}[1m])
            count_over_time({app=~"a\\z"}[1m])
            count_over_time({app=~"a\\Z"}[1m])
            count_over_time({app=~"[[:^alpha:]]"}[1m])
            count_over_time({app=~"\\p{Greek}"}[1m])
            count_over_time({app=~"\\PL"}[1m])
            count_over_time({app=~"\\C"}[1m])
            count_over_time({app=~"(?<n>x)"}[1m])
            count_over_time({app=~"(?P=n)"}[1m])
            count_over_time({app=~"(?#c)"}[1m])
            count_over_time({app=~"[a-\\d]"}[1m])
            count_over_time({app=~"[z-a]"}[1m])
            count_over_time({app=~"\\8"}[1m])
            count_over_time({app=~"(?s)."}[1m])
            count_over_time({app=~"\\bx\\B"}[1m])
            count_over_time({app=~"[[:word:]]"}[1m])
            count_over_time({app=~"[[:foo:]]"}[1m])
            count_over_time({app=~"a{1000}"}[1m])
            count_over_time({app=~"(a{1000}){2}"}[1m])
            count_over_time({app=~"\\x{10FFFF}"}[1m])
            count_over_time({app=~"\\x{110000}"}[1m])
            count_over_time({app=~"(?m)^a$"}[1m])
            count_over_time({app=~"(?-s)."}[1m])
            count_over_time({app=~"a|"}[1m])
            count_over_time({app=~"|"}[1m])
            count_over_time({app=~"()"}[1m])
            count_over_time({app=~"(?:)"}[1m])
            count_over_time({app=~"[]a]"}[1m])
            count_over_time({app=~"[^]a]"}[1m])
            count_over_time({app=~"\\Q"}[1m])
            count_over_time({app=~"x**"}[1m])
            count_over_time({app=~"x*?"}[1m])
            count_over_time({app=~"x+?+"}[1m])
            {app="foo"} | n>0b12
            {app="foo"} | n>0b1
            vector(0b1)
            {app="foo"} | n > 0o1.5
            {app="foo"} | n > 0x
            {app="foo"} | n > 0b1e5
            {app="foo"} | n > 0x1p3
            vector(0x1p-2)
            {app="foo"} | n > 1.5e3KB
            {app="foo"} | n > 1,5KB
            {app="foo"} | d > 1h1h
            {app="foo"} | d > 1d2h
            {app="foo"} | d > 1.5d
            {app="foo"} | d > 5µs
            {app="foo"} | d > 0
            {app="foo"} | n > 5K
            {app="foo"} | n > 5Ki
            rate({app="foo"}[5m]) -0
            rate({app="foo"}[5m]) -5m
            count_over_time({app="foo"} | line_format "{{.a}}" [1m])
            count_over_time({app="foo"} | line_format "{{.a" [1m])
            count_over_time({app="foo"} | line_format "{{ .a | ToUpper }}" [1m])
            count_over_time({app="foo"} | line_format "{{ .a | nosuchfunc }}" [1m])
            count_over_time({app="foo"} | line_format "{{ if .a }}x{{ end }}" [1m])
            count_over_time({app="foo"} | line_format "{{ if .a }}x" [1m])
            count_over_time({app="foo"} | line_format "{{ end }}" [1m])
            count_over_time({app="foo"} | line_format "{{ range $i, $e := .a }}{{ $e }}{{ end }}" [1m])
            count_over_time({app="foo"} | line_format "{{ $x }}" [1m])
            count_over_time({app="foo"} | line_format "{{ $x := 1 }}{{ $x }}" [1m])
            count_over_time({app="foo"} | line_format "{{ $x = 1 }}{{ $x }}" [1m])
            count_over_time({app="foo"} | line_format "{{ $x= 1 }}{{ $x }}" [1m])
            count_over_time({app="foo"} | line_format "{{ .a= 1 }}" [1m])
            count_over_time({app="foo"} | line_format "{{/* c */}}x" [1m])
            count_over_time({app="foo"} | line_format "{{/* c " [1m])
            count_over_time({app="foo"} | line_format "{{- .a -}}" [1m])
            count_over_time({app="foo"} | line_format "{{ .a | 3 }}" [1m])
            count_over_time({app="foo"} | line_format "{{ printf \\"%s\\" .a }}" [1m])
            count_over_time({app="foo"} | line_format "{{ (.a) }}" [1m])
            count_over_time({app="foo"} | line_format "{{ (.a }}" [1m])
            count_over_time({app="foo"} | line_format "{{ .a) }}" [1m])
            count_over_time({app="foo"} | line_format "{{ break }}" [1m])
            count_over_time({app="foo"} | line_format "{{ range .a }}{{ break }}{{ end }}" [1m])
            count_over_time({app="foo"} | line_format "{{ __line__ }}" [1m])
            count_over_time({app="foo"} | line_format "{{ else }}" [1m])
            count_over_time({app="foo"} | line_format "{{ template \\"x\\" }}" [1m])
            count_over_time({app="foo"} | line_format "{{ .a.b.c }}" [1m])
            count_over_time({app="foo"} | line_format "{{ 1.5e3 }}" [1m])
            count_over_time({app="foo"} | line_format "{{ 1x }}" [1m])
            count_over_time({app="foo"} | line_format "{{ @ }}" [1m])
            count_over_time({app="foo"} | line_format "{{}}" [1m])
            count_over_time({app="foo"} | line_format "{{ with .a }}{{ . }}{{ else with .b }}{{ . }}{{ else }}z{{ end }}" [1m])
            count_over_time({app="foo"} | line_format "{{ define \\"x\\" }}a{{ end }}" [1m])
            count_over_time({app="foo"} | line_format "{{ .a | default \\"x\\" | upper }}" [1m])
            count_over_time({app="foo"} | line_format "{{ if and .a (eq .b \\"x\\") }}y{{ else if .c }}z{{ end }}" [1m])
            count_over_time({app="foo"} | line_format "{{ .a }" [1m])
            count_over_time({app="foo"} | line_format "}} {{ .a }}" [1m])
            count_over_time({app="foo"} | line_format "{{ \\"unterminated }}" [1m])
            count_over_time({app="foo"} | label_format a="{{.b}}", c=d [1m])
            count_over_time({app="foo"} | label_format a="{{.b" [1m])
            count_over_time({app="foo"} | label_format a=b, a=c [1m])
            count_over_time({app="foo"} | label_format __error__=b [1m])
            count_over_time({app="foo"} |~ "(" [1m])
            count_over_time({app="foo"} |~ "a" or "(" [1m])
            count_over_time({app="foo"} !~ "(?=x)" [1m])
            count_over_time({app="foo"} |> "<a> foo" [1m])
            count_over_time({app="foo"} |> "<_><_>" [1m])
            count_over_time({app="foo"} |> "<_> foo" [1m])
            count_over_time({app="foo"} |= ip("192.168.0.1") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0.1") [1m])
            count_over_time({app="foo"} |= ip("192.168.0.256") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0.256") [1m])
            count_over_time({app="foo"} |= ip("192.168.00.1") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.00.1") [1m])
            count_over_time({app="foo"} |= ip("192.168.0") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0") [1m])
            count_over_time({app="foo"} |= ip("192.168.0.1/16") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0.1/16") [1m])
            count_over_time({app="foo"} |= ip("192.168.0.1/33") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0.1/33") [1m])
            count_over_time({app="foo"} |= ip("192.168.0.1/016") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0.1/016") [1m])
            count_over_time({app="foo"} |= ip("192.168.0.1-192.168.0.9") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0.1-192.168.0.9") [1m])
            count_over_time({app="foo"} |= ip("192.168.0.9-192.168.0.1") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0.9-192.168.0.1") [1m])
            count_over_time({app="foo"} |= ip("192.168.0.1 - 192.168.0.9") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("192.168.0.1 - 192.168.0.9") [1m])
            count_over_time({app="foo"} |= ip("::1") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("::1") [1m])
            count_over_time({app="foo"} |= ip("::") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("::") [1m])
            count_over_time({app="foo"} |= ip("1::") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1::") [1m])
            count_over_time({app="foo"} |= ip("1:2:3:4:5:6:7:8") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1:2:3:4:5:6:7:8") [1m])
            count_over_time({app="foo"} |= ip("1:2:3:4:5:6:7:8:9") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1:2:3:4:5:6:7:8:9") [1m])
            count_over_time({app="foo"} |= ip("1:2:3:4:5:6:7::8") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1:2:3:4:5:6:7::8") [1m])
            count_over_time({app="foo"} |= ip("1::2::3") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1::2::3") [1m])
            count_over_time({app="foo"} |= ip("::ffff:1.2.3.4") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("::ffff:1.2.3.4") [1m])
            count_over_time({app="foo"} |= ip("1:2:3:4:5:6:1.2.3.4") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1:2:3:4:5:6:1.2.3.4") [1m])
            count_over_time({app="foo"} |= ip("fe80::1%eth0") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("fe80::1%eth0") [1m])
            count_over_time({app="foo"} |= ip("fe80::1%") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("fe80::1%") [1m])
            count_over_time({app="foo"} |= ip("2001:db8::/32") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("2001:db8::/32") [1m])
            count_over_time({app="foo"} |= ip("2001:db8::/129") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("2001:db8::/129") [1m])
            count_over_time({app="foo"} |= ip("fe80::1%eth0/64") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("fe80::1%eth0/64") [1m])
            count_over_time({app="foo"} |= ip("2001:db8::1-2001:db8::8") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("2001:db8::1-2001:db8::8") [1m])
            count_over_time({app="foo"} |= ip("::1-192.168.0.1") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("::1-192.168.0.1") [1m])
            count_over_time({app="foo"} |= ip("12345::") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("12345::") [1m])
            count_over_time({app="foo"} |= ip("g::1") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("g::1") [1m])
            count_over_time({app="foo"} |= ip("1.2.3.4.5") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1.2.3.4.5") [1m])
            count_over_time({app="foo"} |= ip("") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("") [1m])
            count_over_time({app="foo"} |= ip("abc") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("abc") [1m])
            count_over_time({app="foo"} |= ip("1:2:3:4:5:6:7:8/128") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1:2:3:4:5:6:7:8/128") [1m])
            count_over_time({app="foo"} |= ip(":1") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip(":1") [1m])
            count_over_time({app="foo"} |= ip("1:") [1m])
            count_over_time({app="foo"} | logfmt | addr = ip("1:") [1m])
            count_over_time({app="foo"} |~ ip("1.2.3.4") [1m])
            count_over_time({app="foo"} != ip("1.2.3.4") or ip("x") [1m])
            count_over_time({app="foo"} | logfmt | a="b" or addr != ip("1.2.3.999") [1m])
            sum(count_over_time({app="foo"} | line_format "{{.a" [1m])) + 1
            """;

    /**
     * The examples from Loki's documentation (every {@code ```logql} block of its query and alerting docs, from the
     * pinned Loki module), plus ../shared's extracted examples when present; fragments completed with a selector.
     */
    static List<String> docsExamples() {
        List<String> blocks = new ArrayList<>();
        try {
            for (Path md : Corpora.lokiQueryDocs()) blocks.addAll(logqlBlocks(Files.readAllLines(md, StandardCharsets.UTF_8)));
            Optional<Path> extra = Corpora.shared("loki-docs/logql-examples.txt");
            if (extra.isPresent()) {
                blocks.addAll(List.of(Files.readString(extra.get(), StandardCharsets.UTF_8).split("(?m)^----\\s*$")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        for (String part : blocks) {
            String e = part.strip();
            if (e.isEmpty()) continue;
            out.add(e);
            char c = e.charAt(0);
            if (c == '|' || c == '!') out.add("{job=\"docs\"} " + e);
        }
        return out;
    }

    /** The text of each fenced {@code ```logql} block of a Markdown page (fences may be indented in lists). */
    static List<String> logqlBlocks(List<String> markdown) {
        List<String> out = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown) {
            String t = line.strip();
            if (block == null) {
                if (t.startsWith("```logql")) block = new StringBuilder();
            } else if (t.startsWith("```")) {
                out.add(block.toString());
                block = null;
            } else {
                block.append(line).append('\n');
            }
        }
        return out;
    }

    static List<String> handWritten() {
        List<String> out = new ArrayList<>();
        for (String line : HAND_WRITTEN.split("\\n")) {
            if (!line.isEmpty()) out.add(line.replace("\\n", "\n"));
        }
        return out;
    }

    /** Metric queries built from log queries, so that pipelines are also judged inside ranges. */
    static List<String> wrapped(List<String> bases) {
        List<String> out = new ArrayList<>();
        for (String b : bases) {
            if (!b.startsWith("{")) continue;
            out.add("sum by (job) (count_over_time(" + b + " [5m]))");
            out.add("rate(" + b + " [1m]) > 0");
        }
        return out;
    }

    private static final String[] INSERTS = {"(", ")", "|", "\"", ",", "=", "~", "[", "]", "{", "}", " or ", " and ",
            "5m", " by (a) ", "-", "!", " 1 ", "`", "#", " unwrap x ", " offset 1m ", "\n"};

    /** Deterministic mutations: delete, insert, duplicate or swap a piece at seeded positions. */
    static List<String> mutated(List<String> bases, int perBase, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (String b : bases) {
            if (b.length() < 2) continue;
            for (int k = 0; k < perBase; k++) {
                int i = rnd.nextInt(b.length());
                String m = switch (rnd.nextInt(4)) {
                    case 0 -> b.substring(0, i) + b.substring(i + 1);
                    case 1 -> b.substring(0, i) + INSERTS[rnd.nextInt(INSERTS.length)] + b.substring(i);
                    case 2 -> b.substring(0, i) + b.charAt(i) + b.substring(i);
                    default -> {
                        int j = Math.min(b.length() - 1, i + 1 + rnd.nextInt(3));
                        char[] cs = b.toCharArray();
                        char t = cs[i];
                        cs[i] = cs[j];
                        cs[j] = t;
                        yield new String(cs);
                    }
                };
                out.add(m);
            }
        }
        return out;
    }

    private static final String[] REGEX_PIECES = {"a", "b", "(", ")", "[", "]", "{", "}", "*", "+", "?", "|", "\\",
            "^", "$", ".", ",", "1", "2", "0", ":", "-", "P", "<", ">", "=", "d", "p", "Q", "E", "x", "{2}", "{1000}",
            "(?", "[:", ":]", "\\d", "(?i)", "{,"};

    private static final String[] TEMPLATE_PIECES = {"{{", "}}", " ", ".", "a", "|", "(", ")", "$", "$x", ":=", "=",
            "\"", "if", "end", "range", "else", "with", "-", "/*", "*/", "1", "ToUpper", "nope", "printf", ",",
            "define", "template", "break", "'", "nil", "true", "{{- ", " -}}", "{{end}}", "{{if .a}}"};

    /** Random regular expressions, checked as matchers (parse time) and as line filters (evaluation). */
    static List<String> randomRegexes(int n, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String re = pieces(rnd, REGEX_PIECES, 1 + rnd.nextInt(7));
            out.add("count_over_time({app=~`" + re + "`}[1m])");
            out.add("count_over_time({app=\"x\"} |~ `" + re + "` [1m])");
        }
        return out;
    }

    /** Random line_format and label_format templates (Go text/template, checked when Loki runs the rule). */
    static List<String> randomTemplates(int n, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String t = pieces(rnd, TEMPLATE_PIECES, 1 + rnd.nextInt(9));
            out.add("count_over_time({app=\"x\"} | line_format `" + t + "` [1m])");
            if (k % 4 == 0) out.add("count_over_time({app=\"x\"} | label_format a=`" + t + "` [1m])");
        }
        return out;
    }

    private static String pieces(Random rnd, String[] from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.append(from[rnd.nextInt(from.length)]);
        return sb.toString();
    }

    /** Everything, without duplicates, in a stable order. */
    static List<String> all() {
        Set<String> set = new LinkedHashSet<>();
        List<String> hand = handWritten();
        List<String> docs = docsExamples();
        set.addAll(hand);
        set.addAll(docs);
        List<String> bases = new ArrayList<>(set);
        set.addAll(wrapped(bases));
        long seed = Long.getLong("logql.seed", 42);
        set.addAll(mutated(bases, Integer.getInteger("logql.mutations", 3), seed));
        set.addAll(randomRegexes(Integer.getInteger("logql.regexes", 300), seed));
        set.addAll(randomTemplates(Integer.getInteger("logql.templates", 300), seed));
        return List.copyOf(set);
    }
}
