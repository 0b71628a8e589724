package dev.rulesync.classify;

import dev.rulesync.model.RuleObject;
import dev.rulesync.model.RuleType;

/** An object with the tenant and ruler type it belongs to: the unit the later stages work on. */
public record ClassifiedObject(RuleObject object, String tenant, RuleType type) {
}
