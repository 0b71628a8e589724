package dev.rulesync.report.status;

import dev.rulesync.plan.TargetKey;

import java.time.Duration;
import java.util.Map;

/**
 * What the running controller can say about itself right now, read by health indicators and metrics (pull, not
 * push: gauges and probes ask when they are scraped). Implementations answer from memory and never call out.
 */
public interface ControllerState {

    /** Every informer has delivered its initial list: readiness. */
    boolean informersSynced();

    /** Whether this replica holds the leader Lease (and so is the one that writes). */
    boolean leader();

    /** Work waiting per (target, tenant), with the age of its oldest entry. */
    Map<TargetKey, Queued> queue();

    /**
     * @param depth   entries waiting
     * @param oldest  how long the oldest has waited
     */
    record Queued(int depth, Duration oldest) {
    }
}
