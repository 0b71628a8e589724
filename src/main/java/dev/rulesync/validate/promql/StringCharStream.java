package dev.rulesync.validate.promql;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A CharStream straight over a String without copying it, for the common case of text without characters outside
 * the Basic Multilingual Plane (where UTF-16 units are code points, so offsets stay code-point offsets).
 * Anything else goes through CharStreams.fromString.
 */
final class StringCharStream implements CharStream {

    private final String s;
    private int index;

    private StringCharStream(String s) {
        this.s = s;
    }

    static CharStream of(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) return org.antlr.v4.runtime.CharStreams.fromString(s);
        }
        return new StringCharStream(s);
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.min(interval.a, s.length());
        int stop = Math.min(interval.b + 1, s.length());
        return start >= stop ? "" : s.substring(start, stop);
    }

    @Override
    public void consume() {
        if (index >= s.length()) throw new IllegalStateException("cannot consume EOF");
        index++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) return 0;
        int at = i < 0 ? index + i : index + i - 1;
        if (at < 0 || at >= s.length()) return IntStream.EOF;
        return s.charAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = Math.min(index, s.length());
    }

    @Override
    public int size() {
        return s.length();
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }
}
