package dev.rulesync.validate;

import dev.rulesync.model.Origin;
import dev.rulesync.model.Position;

/**
 * Maps places inside a label or annotation value to the file, for template problems. Values are found by where
 * they start (the {@code value:<field>} positions of a rule's origin); objects that did not come from a file have
 * none, and problems then point at the value's start.
 */
@FunctionalInterface
public interface ValueLocators {

    ValueLocators NONE = start -> Origin.ExprLocator.NONE;

    /** The locator of the value that starts at {@code start}, or {@link Origin.ExprLocator#NONE}. */
    Origin.ExprLocator at(Position start);
}
