package dev.rsx.engine;

import java.time.Duration;

/** A changeset this run applied, the version of its migration file, and how long it took. */
public record AppliedChangeSet(String fileName, String version, String changeSetId, Duration duration) {}
