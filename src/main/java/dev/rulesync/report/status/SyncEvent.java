package dev.rulesync.report.status;

import dev.rulesync.model.ObjectRef;
import dev.rulesync.model.Problem;
import dev.rulesync.plan.Action;
import dev.rulesync.plan.NamespaceKey;
import dev.rulesync.plan.TargetKey;
import dev.rulesync.sync.OperationResult;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the controller tells the report stage: the seam between the reconcile loop and everything that shows its
 * outcome (Kubernetes Events, the status annotation, metrics, the REST status view). The controller only emits
 * these; it never formats an Event or touches a metric itself, so that reporting can change without touching the
 * loop and the loop can be tested without a reporter.
 *
 * <p>{@code generation} is the object's {@code metadata.generation} (0 for objects that do not come from the API,
 * such as rule files): a reporter keys what it writes by it, so that a status never claims a newer spec than the
 * one that was synced.
 */
public sealed interface SyncEvent {

    /** When the controller observed it. */
    Instant at();

    /**
     * An object was validated (once per generation). {@code problems} are all of its problems; the object is
     * invalid, and keeps its last good remote version, when one of them is an ERROR.
     */
    record Validated(ObjectRef ref, long generation, List<Problem> problems, Instant at) implements SyncEvent {
        public Validated {
            Objects.requireNonNull(ref, "ref");
            problems = List.copyOf(problems);
        }
    }

    /** The object asks for a tenant its namespace may not write: nothing of it is written. */
    record TenantDenied(ObjectRef ref, long generation, String tenant, String reason, Instant at)
            implements SyncEvent {
        public TenantDenied {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /**
     * One reconcile of one (target, tenant) slice touched this object: {@code results} are the operations sent for
     * its groups (empty when it was already in sync). A failed operation carries the ruler's message.
     */
    record Synced(ObjectRef ref, long generation, TargetKey target, List<OperationResult> results, Instant at)
            implements SyncEvent {
        public Synced {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(target, "target");
            results = List.copyOf(results);
        }

        public boolean failed() {
            return results.stream().anyMatch(r -> r.outcome() == OperationResult.Outcome.FAILED);
        }
    }

    /**
     * A (target, tenant) could not be listed or planned at all (ruler down, read limit, ...): nothing was sent for
     * it, and {@code affected} are the objects whose groups live there.
     */
    record TargetFailed(TargetKey target, String error, List<ObjectRef> affected, Instant at) implements SyncEvent {
        public TargetFailed {
            Objects.requireNonNull(target, "target");
            affected = List.copyOf(affected);
        }
    }

    /**
     * A remote group in an owned namespace differed from the desired state without a source change (edited or
     * deleted behind rule-sync's back, or a foreign group) and was put back: {@code action} is what was sent.
     */
    record DriftCorrected(NamespaceKey where, String group, Action action, List<ObjectRef> sources, Instant at)
            implements SyncEvent {
        public DriftCorrected {
            Objects.requireNonNull(where, "where");
            sources = List.copyOf(sources);
        }
    }

    /** The object was deleted from the source and its groups were removed from every ruler. */
    record Deleted(ObjectRef ref, Instant at) implements SyncEvent {
        public Deleted {
            Objects.requireNonNull(ref, "ref");
        }
    }

    /** This replica became the leader (writes from now on) or stopped being it (writes nothing from now on). */
    record Leadership(boolean leader, Instant at) implements SyncEvent {
    }
}
