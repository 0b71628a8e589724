// Command logql-oracle judges LogQL expressions with Loki's own parser, so that rule-sync's Java parser can be
// compared against the real thing.
//
//	logql-oracle check          reads one JSON string per line on stdin, writes one JSON verdict per line
//	logql-oracle bench FILE N   parses every JSON-string line of FILE N times as a rule (sample) expression
//	                            and prints the throughput
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/grafana/loki/v3/pkg/logql/syntax"
)

// verdict is what one parse entry point said about an expression.
type verdict struct {
	OK     bool   `json:"ok"`
	Err    string `json:"err,omitempty"`
	String string `json:"string,omitempty"`
	// Sample is true when a query parsed to a sample (metric) expression.
	Sample bool `json:"sample,omitempty"`
}

type result struct {
	Query verdict `json:"query"` // syntax.ParseExpr: any LogQL query
	Rule  verdict `json:"rule"`  // syntax.ParseSampleExpr: what a ruler accepts
	// Eval: a rule that parses and whose pipelines Loki can also build (templates, line filter regexes...),
	// which Loki only finds out when it runs the query.
	Eval verdict `json:"eval"`
}

func judge(expr string) (r result) {
	r.Query = guard(func() verdict {
		e, err := syntax.ParseExpr(expr)
		if err != nil {
			return verdict{Err: err.Error()}
		}
		_, sample := e.(syntax.SampleExpr)
		return verdict{OK: true, String: str(e), Sample: sample}
	})
	r.Rule = guard(func() verdict {
		e, err := syntax.ParseSampleExpr(expr)
		if err != nil {
			return verdict{Err: err.Error()}
		}
		return verdict{OK: true, String: str(e), Sample: true}
	})
	r.Eval = guard(func() verdict {
		e, err := syntax.ParseSampleExpr(expr)
		if err != nil {
			return verdict{Err: err.Error()}
		}
		if _, err := e.Extractors(); err != nil {
			return verdict{Err: err.Error()}
		}
		return verdict{OK: true, Sample: true}
	})
	return r
}

// str is e.String(), or "" when printing panics (Loki accepts a few trees it cannot print).
func str(e syntax.Expr) (s string) {
	defer func() {
		if p := recover(); p != nil {
			s = ""
		}
	}()
	return e.String()
}

// guard turns a panic inside the parser or printer into an error verdict, so one odd input cannot stop a run.
func guard(f func() verdict) (v verdict) {
	defer func() {
		if p := recover(); p != nil {
			v = verdict{Err: fmt.Sprintf("panic: %v", p)}
		}
	}()
	return f()
}

func readLines(in *os.File) ([]string, error) {
	var exprs []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var s string
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("line %d: %w", len(exprs)+1, err)
		}
		exprs = append(exprs, s)
	}
	return exprs, sc.Err()
}

func check() error {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	// Some of Loki's parsers print their errors on stdout; keep stdout for our answers only.
	os.Stdout = os.Stderr
	enc := json.NewEncoder(out)
	for sc.Scan() {
		var s string
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return err
		}
		if err := enc.Encode(judge(s)); err != nil {
			return err
		}
		// Flush per line: the caller may stream and wait for each answer.
		if err := out.Flush(); err != nil {
			return err
		}
	}
	return sc.Err()
}

func bench(file string, rounds int) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	exprs, err := readLines(f)
	if err != nil {
		return err
	}
	run := func(n int) int {
		bad := 0
		for i := 0; i < n; i++ {
			for _, e := range exprs {
				if _, err := syntax.ParseSampleExpr(e); err != nil {
					bad++
				}
			}
		}
		return bad
	}
	run(rounds/10 + 1) // warm-up
	start := time.Now()
	bad := run(rounds)
	el := time.Since(start)
	n := rounds * len(exprs)
	fmt.Printf("expressions=%d rounds=%d invalid_per_round=%d total=%s ns/expr=%.0f expr/s=%.0f\n",
		len(exprs), rounds, bad/rounds, el, float64(el.Nanoseconds())/float64(n), float64(n)/el.Seconds())
	return nil
}

func main() {
	var err error
	switch {
	case len(os.Args) == 2 && os.Args[1] == "check":
		err = check()
	case len(os.Args) == 4 && os.Args[1] == "bench":
		var n int
		n, err = strconv.Atoi(os.Args[3])
		if err == nil {
			err = bench(os.Args[2], n)
		}
	default:
		err = fmt.Errorf("usage: logql-oracle check | logql-oracle bench FILE ROUNDS")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "logql-oracle:", err)
		os.Exit(1)
	}
}
