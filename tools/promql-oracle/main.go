// promql-oracle runs expressions through the real Prometheus PromQL parser so that rule-sync's own
// parser can be checked against it (see docs/promql.md).
//
// Check mode (default): reads one JSON-encoded string per input line and writes one JSON object per
// line: {"ok":true,"type":"vector","str":"<String() form>"} or
// {"ok":false,"err":"<message>","start":<byte offset>,"end":<byte offset>}.
//
// Bench mode (-bench): reads the same input, then parses every expression repeatedly for -seconds
// and prints the throughput.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/prometheus/prometheus/promql/parser"
)

type result struct {
	OK    bool   `json:"ok"`
	Type  string `json:"type,omitempty"`
	Str   string `json:"str,omitempty"`
	Err   string `json:"err,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

func main() {
	experimental := flag.Bool("experimental", false, "enable experimental PromQL functions")
	fill := flag.Bool("fill", false, "enable binary operator fill modifiers")
	unquotedUTF8 := flag.Bool("unquoted-utf8", false, "allow unquoted UTF-8 names")
	bench := flag.Bool("bench", false, "time ParseExpr over the input instead of checking it")
	seconds := flag.Float64("seconds", 5, "bench: how long to measure")
	flag.Parse()

	p := parser.NewParser(parser.Options{
		EnableExperimentalFunctions: *experimental,
		EnableBinopFillModifiers:    *fill,
		EnableUnquotedUTF8Names:     *unquotedUTF8,
	})

	var exprs []string
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		var e string
		if err := json.Unmarshal(in.Bytes(), &e); err != nil {
			fmt.Fprintf(os.Stderr, "bad input line %q: %v\n", in.Text(), err)
			os.Exit(2)
		}
		if *bench {
			exprs = append(exprs, e)
			continue
		}
		line, _ := json.Marshal(check(p, e))
		out.Write(line)
		out.WriteByte('\n')
		// Flush per line so a caller can stream expressions through one process.
		out.Flush()
	}
	if *bench {
		runBench(p, exprs, *seconds, out)
	}
}

func check(p parser.Parser, e string) (r result) {
	defer func() {
		if x := recover(); x != nil {
			r = result{Err: fmt.Sprintf("panic: %v", x)}
		}
	}()
	expr, err := p.ParseExpr(e)
	if err != nil {
		r.Err = err.Error()
		var pe parser.ParseErrors
		if errors.As(err, &pe) && len(pe) > 0 {
			r.Start = int(pe[0].PositionRange.Start)
			r.End = int(pe[0].PositionRange.End)
		}
		return r
	}
	return result{OK: true, Type: string(expr.Type()), Str: expr.String()}
}

func runBench(p parser.Parser, exprs []string, seconds float64, out *bufio.Writer) {
	var bytes int
	for _, e := range exprs {
		bytes += len(e)
	}
	// Warm up, then measure whole passes over the corpus.
	deadline := time.Now().Add(time.Second)
	for time.Now().Before(deadline) {
		for _, e := range exprs {
			_, _ = p.ParseExpr(e)
		}
	}
	passes := 0
	cpuStart := cpuTime()
	start := time.Now()
	limit := time.Duration(seconds * float64(time.Second))
	for time.Since(start) < limit {
		for _, e := range exprs {
			_, _ = p.ParseExpr(e)
		}
		passes++
	}
	elapsed := time.Since(start)
	cpu := cpuTime() - cpuStart
	n := passes * len(exprs)
	fmt.Fprintf(out, "go-parser exprs=%d bytes=%d passes=%d ns/expr=%.1f exprs/s=%.0f passes/s=%.2f cpu-ns/expr=%.1f\n",
		len(exprs), bytes, passes, float64(elapsed.Nanoseconds())/float64(n),
		float64(n)/elapsed.Seconds(), float64(passes)/elapsed.Seconds(), float64(cpu.Nanoseconds())/float64(n))
}

// cpuTime is the CPU time (user+system) of the whole process, garbage collector included: on a busy machine it
// compares implementations more fairly than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
