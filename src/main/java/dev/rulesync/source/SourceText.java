package dev.rulesync.source;

import dev.rulesync.model.Position;

import java.util.Arrays;

/**
 * The text of one source file as code points, with a line table, so that code-point offsets (what snakeyaml-engine
 * marks carry) turn into 1-based (line, column) positions whose columns count code points.
 */
final class SourceText {

    private final String file;
    private final int[] cps;
    private final int[] lineStarts;

    SourceText(String file, String text) {
        this.file = file;
        this.cps = text.codePoints().toArray();
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] == '\n' || (cps[i] == '\r' && (i + 1 >= cps.length || cps[i + 1] != '\n'))) {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    String file() {
        return file;
    }

    int length() {
        return cps.length;
    }

    int at(int index) {
        return cps[index];
    }

    /** The position of a code-point offset; offsets past the end stay on the last line. */
    Position position(int index) {
        int idx = Math.max(0, Math.min(index, cps.length));
        int line = Arrays.binarySearch(lineStarts, idx);
        if (line < 0) line = -line - 2;
        return new Position(file, line + 1, idx - lineStarts[line] + 1);
    }

    Position position(int line0, int column0) {
        return new Position(file, line0 + 1, column0 + 1);
    }

    /** Offset of the first code point after the line containing {@code index} (past its line break). */
    int nextLineStart(int index) {
        int line = Arrays.binarySearch(lineStarts, index);
        if (line < 0) line = -line - 2;
        return line + 1 < lineStarts.length ? lineStarts[line + 1] : cps.length;
    }

    /** Offset of the line break ending the line that contains {@code index} (or the end of text). */
    int lineEnd(int index) {
        int i = index;
        while (i < cps.length && cps[i] != '\n' && cps[i] != '\r') i++;
        return i;
    }
}
