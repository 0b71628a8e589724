package dev.rulesync.validate;

import dev.rulesync.model.Severity;

/** A check's stable name, its severity and a one-line description (for SARIF rules and docs/checks.md). */
public record CheckInfo(String name, Severity severity, String description) {
}
