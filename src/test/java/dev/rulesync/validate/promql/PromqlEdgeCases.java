package dev.rulesync.validate.promql;

import java.util.List;

/** Hand-written expressions covering every construct of PromQL 3.x, valid and invalid, for the differential suite. */
final class PromqlEdgeCases {

    private PromqlEdgeCases() {
    }

    static List<String> all() {
        return TEXT.lines().map(String::strip).filter(l -> !l.isBlank()).toList();
    }

    private static final String TEXT = """
            foo offset 5m + 3m
            foo offset 5m * 2
            foo offset -5m ^ 2
            foo offset 2^2
            foo offset (5m + 3m)
            foo[5m+1m]
            foo[5m:1m+2s]
            -foo @ 5
            a + b @ 5
            -a ^ b
            -a * b
            - foo offset 5m
            step()
            range()
            time() + step()
            foo[step()]
            1 + 2
            -(1+2)
            -(foo)
            foo offset 5m offset 3m
            foo @ 5 offset 3m
            foo offset 3m @ 5
            foo[5m] offset 3m
            foo[5m] @ start()
            (foo)[5m]
            foo{a="b"}[5m:]
            foo[5m][5m:]
            min_of(1,2)
            foo[min_of(5m, 3m)]
            foo anchored
            foo[5m] anchored
            rate(foo[5m] anchored)
            rate(foo[5m] smoothed)
            sum(foo) anchored
            1 > 2
            1 > bool 2
            foo and 1
            010
            0x1f
            1_000
            1e3
            .5
            5.
            Inf
            -inf
            NaN
            1.5m
            1h30m
            foo[1h30m]
            foo[90]
            foo[1.5]
            foo offset 1.5
            {"a.b"}
            {"a.b"="x"}
            {__name__="a.b"}
            {"foo", a="b"}
            foo{"a.b"="x", b="c"}
            sum by ("a.b") (x)
            x * on("a.b") group_left("c.d") y
            "str"
            'str\\n'
            `raw\\n`
            "\\u00e9"
            topk(3, foo)
            count_values("x", foo)
            quantile(0.9, foo)
            sum(foo) by (a)
            sum without (a) (foo)
            sum by () (foo)
            sum(foo) by (a,)
            foo unless on(a) bar
            foo + fill(0) bar
            foo + on(a) fill_left(1) fill_right(2) bar
            foo </ bar
            foo >/ bar
            offset
            sum
            by
            sum(by)
            foo{by="x", offset="y"}
            foo @ end()
            foo[5m] @ 10.5 offset -1m
            foo offset -1m
            {a=""}
            {a=~".*"}
            {a=~".+"}
            foo{__name__="bar"}
            rate(foo)
            absent_over_time(foo[1m])
            label_join(foo, "a", ",")
            label_join(foo, "a", ",", "b", "c")
            round(foo)
            round(foo, 1, 2)
            info(foo)
            info(foo, {a="b"})
            limitk(2, foo)
            foo # comment
            1 == 1
            (1)[5m:]
            foo[0s]
            foo[0]
            foo[-5m]
            histogram_quantiles(foo, "q", 0.5)
            1/0
            1 % 0
            5m / 0
            foo / 0
            (1)
            -(1)
            -1
            --1
            - -1
            +1
            2 ^ 3 ^ 2
            (2 ^ 3) ^ 2
            5m * 2
            90s
            -90s
            foo * 5m
            foo[5m/0]
            foo[(5m)]
            foo[-(5m)]
            foo[5m * -1]
            foo offset -(5m)
            foo offset -(5m+1m)
            foo offset +5m
            foo offset step()
            foo offset -step()
            foo[5m:step()]
            foo[5m::]
            foo[:5m]
            foo[5m:0]
            foo[5m] [5m]
            foo @ -5
            foo @ +5
            foo @ 1e20
            foo @ 5m
            foo @ start
            foo @ start ( )
            foo offset 5
            foo offset 0
            -foo[5m]
            sum(rate(foo[5m])) by (a) / on(a) group_left() sum(bar) by (a)
            a or b and c
            a == bool b
            a == bool on(x) b
            a + bool b
            a and on(x) group_left b
            a and bool b
            (1 + 2) > bool 3
            foo[10000000000y]
            foo offset 1y1y
            foo[1s1ms]
            foo[5m1h]
            1e
            0x
            1__0
            1_
            0x_1f
            1e+5
            1E-3
            0.5e3
            1.2.3
            sum(x,)
            rate(x[5m],)
            f(x)
            sum by (a) without (b) (x)
            count_values(1, x)
            topk("a", x)
            topk(x)
            quantile(x, 0.5)
            scalar(x) + 1 > bool 2
            {}
            {,}
            foo{}
            foo{a="b",}
            foo{a="b" b="c"}
            foo{a}
            foo{a=b}
            foo{a=~"("}
            foo{'a'="b"}
            foo{`a`="b"}
            {"__name__"="x"}
            {"foo"="bar", "foo"}
            foo{"bar"}
            {"foo"}[5m]
            sum by (`a`) (x)
            sum by (__name__) (x)
            sum by (a:b) (x)
            sum by ("") (x)
            sum by ("\\xff") (x)
            {""="x"}
            x offset 5m[5m]
            x @ 5 [5m]
            rate(x[5m] offset 1m @ 3)
            abs(-foo)
            label_replace(x, "a", "b", "c", "d")
            absent(nonexistent{job="myjob"})
            vector(1) and on() vector(2)
            time()
            rate(foo[5m] offset 1m + 1m)
            rate(foo[5m] offset (1m + 1m))
            rate(foo[5m] offset -1m + 1m)
            rate(foo[5m] offset step() + 1m)
            foo offset 5m + bar
            foo[5m + -1m]
            foo[((5m))]
            foo[--5m]
            foo[-5m+10m]
            foo[+5m]
            foo[5m:+1m]
            foo[2^2^1]
            foo[5m % 0]
            foo[5m / (0)]
            foo offset 1e30
            foo offset 1m @ 5 offset 1m
            a * on(x) group_left (b)
            a * on(x) group_left (b) c
            sum(a) by (b) + 1
            a + on(b) c + d
            a * ignoring(b) group_right c
            a * group_left c
            a * bool on(b) c
            a > bool on(b) group_left(c) d
            a == on(b) group_left(b) d
            1 + on(a) 2
            foo + fill(0) 1
            foo and fill(0) bar
            -1 ^ 2
            2 ^ -1
            foo @ start() @ end()
            foo @ 5 @ 6
            sum(x) @ 5
            (foo) offset 5m
            foo[5m:1m] offset 1m @ 5
            foo[5m:1m] anchored
            foo anchored smoothed
            foo smoothed offset 5m
            foo offset 5m anchored
            foo[5m] smoothed @ 5
            "a" + 1
            sum("a")
            abs("a")
            "a" == bool "b"
            -"a"
            count_values("a", x)
            count_values(x, "a")
            label_replace(x, "a", "b", "c")
            sum by (job) (rate(http_requests_total{job=~"api.*", code!="200"}[5m])) > 0.5
            histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))
            a < bool b
            a != on(x, y) group_right(z) b
            a atan2 b
            a % b
            a / ignoring(x) b
            -(a + b) * c
            +a
            ((a))
            x[1m:]
            x[1h:5m] offset -1h
            rate(x[5m:1m])
            max_over_time(deriv(rate(x[1m])[5m:1m])[10m:])
            x @ 1609746000
            x @ 1609746000.123
            x @ -1.5
            x offset 1w2d
            x offset 2y
            {__name__=~"job:.*"}
            {job="a",job="b"}
            x{job="a"} or on() vector(0)
            x unless ignoring(a) y
            sum without() (x)
            count_values without (a) ("value", x)
            quantile by (a) (0.5, x)
            bottomk by (a) (3, x)
            group(x)
            stddev(x) + stdvar(x)
            sum(x) by ()
            sum by (a, "b.c", `d`) (x)
            0x1F + 0X10
            1.5e-3 * x
            .5e2
            1e308 * 10
            1e309
            -0
            0.1 + 0.2
            12345678901234567890
            0777
            089
            "a\\x41\\101\\u0041\\U00000041"
            "\\q"
            '\\"'
            "\\'"
            "unterminated
            `unterminated
            x{a="\\z"}
            x{a="é"} 
            {"ünïcode"}
            {"a\\"b"="c"}
            x # trailing comment
            # only a comment
            
            (
            )
            x)
            (x
            x{
            x}
            x[
            x]
            x[5m
            x{a="b"
            sum(
            sum by
            sum by (a
            rate(x[5m]
            x and
            x + on
            x + on(a) group_left
            x @
            x offset
            x offset -
            $
            x ~ y
            x =~ y
            x = y
            x!y
            1 +
            * 1
            x[5m] + 1
            rate(x[5m]) + x[5m]
            time() > bool time()
            vector(time()) > time()
            scalar(x) and scalar(y)
            x and on(a) group_left y
            x or ignoring(a) group_right y
            absent_over_time(x[5m] offset 1m)
            predict_linear(x[1h], 3600)
            clamp(x, 0, 1)
            clamp_min(x, "0")
            label_join(x, "dst", "-", "a", "b", "c")
            label_replace(x, "dst", "$1", "src", "(.*)")
            label_replace(x, "dst", "$1", "src", "(.*")
            round(x, 0.1)
            days_in_month()
            days_in_month(x, y)
            pi()
            pi(1)
            time
            rate
            sum(rate)
            sort_desc(sum(x) by (a))
            x{a=~"[a-z]+"}
            x{a=~"a{2,3}"}
            x{a=~"{"}
            x{a=~"(?i)foo"}
            x{a=~"(?P<n>a)"}
            x{a=~"a(?=b)"}
            x{a=~"\\\\d+"}
            x{a!~""}
            {a!~".*"}
            {a!=""}
            {a=~""}
            x[5m] anchored offset 1m
            x smoothed[5m]
            x[1h] @ end() offset 5m
            count(x) without (a) > bool 1
            topk(5, x) by (a)
            limit_ratio(0.5, x)
            limitk(1, x) by (a)
            double_exponential_smoothing(x[5m], 0.5, 0.5)
            sort_by_label(x, "a", "b")
            mad_over_time(x[5m])
            ts_of_max_over_time(x[5m])
            info(x, {__name__="target_info"})
            info(x, target_info)
            info(x, rate(y[5m]))
            start_timestamp(x)
            histogram_quantiles(x, "q", 0.1, 0.5, 0.9)
            x[step()]
            x[range() * 2]
            x[max_of(step(), 1m)]
            x offset min_of(1m, step())
            x[5m:step()*2]
            x[(1m+2m)*3]
            x[1m % 0]
            x[1m / 0]
            x[2^64]
            x offset 300000000000y
            foo AND bar
            SUM(x) BY (a)
            Rate(x[5m])
            x OFFSET 5m
            x BOOL
            x > BOOL 1
            x + ON(a) GROUP_LEFT(b) y
            x + fill (1) y
            x + fill_left(-1) fill_right(2) y
            x + on(a) fill_right(5m) fill_left(1) y
            x + fill(1) fill(2) y
            fill
            fill_left + 1
            x + on(a) group_left(b) fill(0) y
            x </ 5
            x >/ y
            1 </ 2
            foo offset - -5m ^ 2
            foo offset - -5m * 2
            foo offset - -5m + 1m
            foo offset + +5m
            foo offset - +5m
            foo offset - -(5m) * 2
            foo offset - - step() + 1
            foo offset - -min_of(1m,2m)
            rate(foo[5m] offset - -1m + 1m)
            rate(foo[5m] offset (1m) + 1m)
            rate(foo[5m] offset -(1m) + 1m)
            foo offset (5m) * 2
            foo offset - - -5m
            foo offset - -0
            foo offset (0)
            rate(foo[5m] offset (1m) * 2 + 1m)
            foo offset - -5m @ 5
            foo offset NaN
            foo offset NaN + 5m
            foo offset Inf
            foo[1s1ms-1]
            foo[1s1ms]
            foo offset 1s1ms
            1s1ms
            foo[5m #c\n]
            foo[#c\n5m]
            foo[5m:#c\n1m]
            foo[5m:1m #c\n]
            foo[step() #c\n]
            foo offset - -5m ^ time()
            foo offset - -5m * without
            foo offset (5m) * anchored
            foo offset (5m) * or
            foo offset (5m) + bar
            foo offset - -5m - 1m
            foo offset (5m) ^ 2 ^ 3
            foo offset (5m) - bar
            foo offset (5m) * bar
            foo offset (5m) / bar
            foo offset (5m) % bar
            foo offset (5m) ^ bar
            foo offset (5m) + 1
            foo offset (5m) - 1m
            foo offset (5m) atan2 bar
            foo offset (5m) == bar
            foo offset (5m) > bool 1
            foo offset (5m) and bar
            foo offset (5m) unless bar
            foo offset (5m) or bar
            foo offset (5m) + on() bar
            foo offset (5m) + ignoring(a) bar
            foo offset (5m) * bool bar
            foo offset (5m)+(bar)
            foo offset (5m) + (1 + bar)
            foo offset (5m) + (1m) + bar
            foo offset (5m) - -bar
            foo offset (5m) - - - bar
            foo offset (5m) - 1 + bar
            foo offset (5m) + step() + bar
            foo offset (5m) + step(
            foo offset (5m) + min_of(1m, bar)
            foo offset (5m) + max_of(1m, 2m) * bar
            foo offset (5m) + sum(bar)
            foo offset (5m) + rate(bar[5m])
            foo offset (5m) + "a"
            foo offset (5m) + {a="b"}
            foo offset (5m) +
            foo offset (5m) + (1
            foo offset ((5m)) + bar
            foo offset (5m + 1m) + bar
            foo offset (5m) * 2 + bar
            foo offset (5m) @ 5 + bar
            foo[5m] offset (5m) + bar
            foo[5m:1m] offset (5m) + bar
            rate(foo[5m] offset (1m) + bar)
            sum(foo offset (5m) + bar)
            (foo offset (5m)) + bar
            foo offset (5m) offset 1m + bar
            foo offset -(5m) + bar
            foo offset -(5m) * bar
            foo offset +(5m) ^ bar
            foo offset - -5m + bar
            foo offset - -5m * bar
            foo offset - (5m) + bar
            foo offset step() + bar
            foo offset -step() + bar
            foo offset min_of(1m, 2m) + bar
            foo offset -5m * bar
            foo @ (5) + bar
            foo @ 5 + bar
            foo @ -5 * bar
            foo @ (5m) + bar
            foo @ start() + bar
            foo @ end() ^ bar
            foo @ 5 offset (5m) + bar
            foo offset (5m) @ 5
            foo offset (5m) @ 5 * bar
            foo @ 5 offset (1m) - bar
            foo @ (5) offset 1m
            foo[5m] @ (5) + bar
            foo offset (5m) smoothed + bar
            foo offset (5m) anchored
            foo offset (5m) + 1 anchored
            {a=~"\\\\e"}
            {a=~"\\\\12"}
            {a=~"\\\\1"}
            {a=~"\\\\Qa.b\\\\E"}
            {a=~"\\\\é"}
            {a=~"[\\\\d]"}
            {a=~"\\\\C"}
            {a=~"\\\\x{41}"}
            {a=~"\\\\pL"}
            {a=~"\\\\Z"}
            {a=~"\\\\0"}
            {a=~"\\\\0+"}
            {a=~"a\\\\8"}
            {a=~"\\\\h"}
            {a=~"\\\\."}
            {a=~"\\\\-"}
            {a=~"build.{*"}
            {a=~"{"}
            {a=~"a{,3}"}
            {a=~"a{2}{3}"}
            {a=~"[{]"}
            {a=~"a{1001}"}
            {a=~"(?xi)foo"}
            {a=~"hist[gram_[0-9]"}
            {a=~"{2,3}"}
            {a=~".}+_info"}
            0x_1e
            0xe
            0xee
            0x1e5
            0x1_e
            0xe_1
            0x_e
            0xE1
            0x1E
            0xaEb
            0xfe
            0xa_1e
            0x81e
            0x_11e
            0x1E #c
            0xAfe
            0x1e+5
            0x1e-1
            0x1e +5
            0x1_1
            0xe+1
            x offset 0x1e
        """;
}
