package dev.rulesync.plan;

/**
 * The one vocabulary for what happens to a remote rule group: plan output, sync results, object status and metrics
 * all use these words. The first three are operations sent to a ruler; the last three only appear in summaries.
 */
public enum Action {
    /** The group does not exist remotely and will be written. */
    CREATE("+", "create"),
    /** The group exists remotely and differs in a field the ruler stores. */
    UPDATE("~", "update"),
    /** The group (or, with no group name, the whole namespace) exists remotely and is no longer desired. */
    DELETE("-", "delete"),
    /** Desired and remote are equal: nothing is sent. */
    NOOP("=", "noop"),
    /** Left exactly as it is remotely on purpose: its source object is invalid, or its name collides. */
    KEPT("=", "kept"),
    /** Could not be planned or applied: listing failed, the ruler refused it, or its name cannot be stored. */
    FAILED("!", "failed");

    private final String symbol;
    private final String word;

    Action(String symbol, String word) {
        this.symbol = symbol;
        this.word = word;
    }

    /** One-character marker used in printed plans. */
    public String symbol() {
        return symbol;
    }

    /** Lower-case word used in printed plans, logs and metric labels. */
    public String word() {
        return word;
    }

    /** Whether this action sends something to a ruler. */
    public boolean isOperation() {
        return this == CREATE || this == UPDATE || this == DELETE;
    }
}
