package dev.rulesync.apply.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** Helpers that keep secrets out of logs and read them from mounted files. */
public final class Secrets {

    private Secrets() {
    }

    /** What {@code toString()} shows instead of a secret. */
    public static String mask(String secret) {
        return secret == null ? "null" : "******";
    }

    /**
     * A secret held in a file (a Kubernetes secret mount). It is read again whenever the file's modification time or
     * size changes, so rotated tokens are used without a restart; trailing newlines are dropped.
     */
    public static final class FileSecret {
        private final Path file;
        private FileTime readTime;
        private long readSize = -1;
        private String value;

        public FileSecret(Path file) {
            this.file = file;
        }

        public synchronized String get() {
            try {
                FileTime t = Files.getLastModifiedTime(file);
                long size = Files.size(file);
                if (value == null || !t.equals(readTime) || size != readSize) {
                    value = Files.readString(file, StandardCharsets.UTF_8).strip();
                    readTime = t;
                    readSize = size;
                }
                return value;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read secret file " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "FileSecret[" + file + "]";
        }
    }
}
