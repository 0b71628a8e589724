/**
 * Go's own syntaxes, as the Go programs rule-sync mirrors (Prometheus, Mimir, Loki) read them: regular expressions
 * ({@link dev.rulesync.gosyntax.GoRegexp}), text/template ({@link dev.rulesync.gosyntax.GoTemplate}), strconv's
 * quoting and numbers ({@link dev.rulesync.gosyntax.GoStrconv}), and durations
 * ({@link dev.rulesync.gosyntax.PromDuration} for Prometheus' model.Duration, {@link dev.rulesync.gosyntax.GoDuration}
 * for Go's time.Duration). Each function is compared with the real Go code by a differential test
 * (tools/go-oracle). A leaf package: it depends on nothing else of rule-sync, so every stage may use it.
 *
 * <p>Go strings are bytes and may hold bytes that are not UTF-8 (a {@code "\xff"} escape makes one). A Java string
 * cannot, so here such a byte b (0x80..0xFF) is held as the lone surrogate U+DC00+b; {@link GoStrconv#bytes} and
 * {@link GoStrconv#fromBytes} convert.
 */
package dev.rulesync.gosyntax;
