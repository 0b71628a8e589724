package dev.rulesync.plan;

/**
 * What the planner does with an owned remote namespace that no given object maps to. Whether one is stale or just
 * outside what the caller was given is known only to a caller that sees every object: the controller watches the
 * whole cluster and prunes; {@code plan} and {@code sync} may be given part of a tree and prune only with
 * {@code --prune}.
 */
public enum Pruning {
    /** Delete it: the objects given are the whole desired state of the tenants planned. */
    PRUNE,
    /** Leave it as it is and list it as "not pruned": the objects given may be only part of the desired state. */
    KEEP
}
