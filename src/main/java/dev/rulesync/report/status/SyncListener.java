package dev.rulesync.report.status;

/**
 * Receives every {@link SyncEvent} the controller emits, in the order it emits them for one object. Called on the
 * controller's worker threads: an implementation must not block (hand slow work such as API calls to its own
 * executor) and must not throw (a reporter's failure is logged by the caller and never stops a reconcile).
 */
@FunctionalInterface
public interface SyncListener {

    void on(SyncEvent event);
}
