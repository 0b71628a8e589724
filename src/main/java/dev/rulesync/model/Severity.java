package dev.rulesync.model;

/** How bad a problem is. Only {@link #ERROR} stops an object from being synced. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
