// Command go-oracle answers questions about Go's own syntaxes with the real Go code, so that rule-sync's
// dev.rulesync.gosyntax package can be compared against it (see docs/go-syntax.md).
//
// It reads one JSON request per line on stdin and writes one JSON answer per line on stdout:
//
//	{"f":"<function>","s":"<input, base64 of its bytes>","a":["<argument>",...]}
//
// Inputs travel as base64 because Go strings may hold bytes that are not UTF-8 (a "\xff" escape), which JSON
// strings cannot carry. Functions:
//
//	regexp        github.com/grafana/regexp/syntax.Parse(s, Perl): the parser Prometheus' label matchers and
//	              Loki's line filters call (a fork of Go's regexp/syntax)
//	regexp_go     Go's own regexp.Compile(s) (regexp/syntax of this toolchain), as Loki's "| regexp" stage and
//	              label_replace call it
//	matcher       Prometheus' labels.NewFastRegexMatcher(s), and whether it matches ""
//	unquote       strconv.Unquote(s)
//	unquote_prom  Prometheus' strutil.Unquote(s) ('...' is a string, not a rune)
//	quote         strconv.Quote(s), and strconv.QuoteRune of its first rune
//	parse_float   strconv.ParseFloat(s, 64)
//	parse_int     strconv.ParseInt(s, 0, 64)
//	format_float  s is a float64's bits as a decimal uint64: strconv.FormatFloat(v,'f',-1,64), fmt's %f and %v
//	prom_duration model.ParseDuration(s) (prometheus/common), and String() of the result
//	go_duration   time.ParseDuration(s), and String() of the result
//	format_duration s is an int64 of nanoseconds: model.Duration(n).String() and time.Duration(n).String()
//	template      text/template.New(a[0]).Funcs(a[2:] as functions).Parse(a[1] + s)
//	alert_template Prometheus' template.NewTemplateExpander(..., defs+s, "__alert_"+a[0], ...).ParseTest(), as
//	              Prometheus' rulefmt (and Mimir's ruler) checks alert labels and annotations
//	alert_funcs   the names of the functions Prometheus' template expander registers
//	tenant        dskit's tenant.ValidTenantID(s), Mimir's and Loki's rule for tenant ids
//	unicode_names the names Go's unicode package knows (Categories, Scripts, CategoryAliases)
package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/grafana/dskit/tenant"
	grafanasyntax "github.com/grafana/regexp/syntax"
	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/labels"
	promtemplate "github.com/prometheus/prometheus/template"
	"github.com/prometheus/prometheus/util/strutil"
)

type request struct {
	F string   `json:"f"`
	S string   `json:"s"`
	A []string `json:"a"`
}

type answer struct {
	OK    bool     `json:"ok"`
	Err   string   `json:"err,omitempty"`
	V     string   `json:"v,omitempty"`  // a string result, base64 of its bytes
	N     int64    `json:"n,omitempty"`  // an integer result
	F     string   `json:"fv,omitempty"` // a float result as its bits, decimal
	Str   string   `json:"str,omitempty"`
	Str2  string   `json:"str2,omitempty"`
	Str3  string   `json:"str3,omitempty"`
	Empty bool     `json:"empty,omitempty"`
	Names []string `json:"names,omitempty"`
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for {
		text, err := in.ReadBytes('\n')
		if len(text) > 0 {
			var r request
			if err := json.Unmarshal(text, &r); err != nil {
				fmt.Fprintf(os.Stderr, "bad request %q: %v\n", text, err)
				os.Exit(2)
			}
			b, err := base64.StdEncoding.DecodeString(r.S)
			if err != nil {
				fmt.Fprintf(os.Stderr, "bad base64 in %q: %v\n", text, err)
				os.Exit(2)
			}
			line, _ := json.Marshal(guard(r.F, string(b), r.A))
			out.Write(line)
			out.WriteByte('\n')
		}
		// Answer at once when no more requests are waiting, so a caller can also ask one at a time.
		if in.Buffered() == 0 {
			out.Flush()
		}
		if err != nil {
			return
		}
	}
}

func guard(f, s string, a []string) (r answer) {
	defer func() {
		if x := recover(); x != nil {
			r = answer{Err: fmt.Sprintf("panic: %v", x)}
		}
	}()
	return answerFor(f, s, a)
}

func errAnswer(err error) answer {
	if err != nil {
		return answer{Err: err.Error()}
	}
	return answer{OK: true}
}

func b64(s string) string {
	return base64.StdEncoding.EncodeToString([]byte(s))
}

func answerFor(f, s string, a []string) answer {
	switch f {
	case "regexp":
		re, err := grafanasyntax.Parse(s, grafanasyntax.Perl)
		if err != nil {
			return errAnswer(err)
		}
		return answer{OK: true, N: int64(re.MaxCap()), Names: re.CapNames()}
	case "regexp_go":
		re, err := regexp.Compile(s)
		if err != nil {
			return errAnswer(err)
		}
		return answer{OK: true, N: int64(re.NumSubexp()), Names: re.SubexpNames()}
	case "matcher":
		m, err := labels.NewFastRegexMatcher(s)
		if err != nil {
			return errAnswer(err)
		}
		return answer{OK: true, Empty: m.MatchString("")}
	case "unquote":
		v, err := strconv.Unquote(s)
		if err != nil {
			return errAnswer(err)
		}
		return answer{OK: true, V: b64(v)}
	case "unquote_prom":
		v, err := strutil.Unquote(s)
		if err != nil {
			return errAnswer(err)
		}
		return answer{OK: true, V: b64(v)}
	case "quote":
		r, _ := utf8.DecodeRuneInString(s)
		return answer{OK: true, V: b64(strconv.Quote(s)), Str: strconv.QuoteRune(r)}
	case "parse_float":
		v, err := strconv.ParseFloat(s, 64)
		r := errAnswer(err)
		r.F = strconv.FormatUint(math.Float64bits(v), 10)
		return r
	case "parse_int":
		v, err := strconv.ParseInt(s, 0, 64)
		r := errAnswer(err)
		r.N = v
		return r
	case "format_float":
		bits, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return errAnswer(err)
		}
		v := math.Float64frombits(bits)
		return answer{OK: true, Str: strconv.FormatFloat(v, 'f', -1, 64), Str2: fmt.Sprintf("%f", v),
			Str3: fmt.Sprintf("%v", v)}
	case "prom_duration":
		d, err := model.ParseDuration(s)
		if err != nil {
			return errAnswer(err)
		}
		return answer{OK: true, N: int64(d), Str: d.String()}
	case "go_duration":
		d, err := time.ParseDuration(s)
		if err != nil {
			return errAnswer(err)
		}
		return answer{OK: true, N: int64(d), Str: d.String()}
	case "format_duration":
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return errAnswer(err)
		}
		return answer{OK: true, Str: model.Duration(n).String(), Str2: time.Duration(n).String()}
	case "template":
		funcs := template.FuncMap{}
		for _, name := range a[2:] {
			funcs[name] = func(...any) any { return nil }
		}
		_, err := template.New(a[0]).Funcs(funcs).Option("missingkey=zero").Parse(a[1] + s)
		return errAnswer(err)
	case "alert_template":
		defs := "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}"
		te := promtemplate.NewTemplateExpander(context.TODO(), defs+s, "__alert_"+a[0], nil, 0, nil, nil, nil)
		return errAnswer(te.ParseTest())
	case "alert_funcs":
		// The function map is unexported; reflection may read its keys.
		te := promtemplate.NewTemplateExpander(context.TODO(), "", "", nil, 0, nil, nil, nil)
		var names []string
		for _, k := range reflect.ValueOf(te).Elem().FieldByName("funcMap").MapKeys() {
			names = append(names, k.String())
		}
		sort.Strings(names)
		return answer{OK: true, Names: names}
	case "tenant":
		return errAnswer(tenant.ValidTenantID(s))
	case "unicode_names":
		var names []string
		for n := range unicode.Categories {
			names = append(names, "category:"+n)
		}
		for n := range unicode.Scripts {
			names = append(names, "script:"+n)
		}
		for n := range unicode.CategoryAliases {
			names = append(names, "alias:"+n)
		}
		sort.Strings(names)
		return answer{OK: true, Names: names, Str: unicode.Version}
	}
	return answer{Err: "unknown function " + strings.TrimSpace(f)}
}
