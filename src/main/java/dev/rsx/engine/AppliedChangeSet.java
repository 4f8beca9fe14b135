package dev.rsx.engine;

import java.time.Duration;

/** A changeset this run applied, and how long it took. */
public record AppliedChangeSet(String fileName, String changeSetId, Duration duration) {}
