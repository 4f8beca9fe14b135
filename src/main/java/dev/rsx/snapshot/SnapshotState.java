package dev.rsx.snapshot;

/** Where a snapshot's life stands; written durably before each step, so a killed run can be recovered. */
public enum SnapshotState {
    /** Being copied; a snapshot left in this state is incomplete and is dropped, never restored. */
    CREATING,
    /** Complete and restorable. */
    READY,
    /** Being restored; a snapshot left in this state must be restored again to completion. */
    RESTORING
}
