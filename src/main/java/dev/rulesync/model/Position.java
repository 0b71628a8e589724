package dev.rulesync.model;

/**
 * A place in a source file, 1-based. {@link #UNKNOWN} stands for objects that did not come from a file
 * (for example rule groups listed from a remote ruler).
 */
public record Position(String file, int line, int column) implements Comparable<Position> {

    public static final Position UNKNOWN = new Position("", 0, 0);

    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public int compareTo(Position o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
