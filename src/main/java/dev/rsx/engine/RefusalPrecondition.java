package dev.rsx.engine;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.PreconditionFailedException;
import liquibase.exception.ValidationErrors;
import liquibase.exception.Warnings;
import liquibase.precondition.AbstractPrecondition;
import liquibase.precondition.core.PreconditionContainer;

/**
 * A changeset's refusal ({@link MigrationChangeSet#refusal}) as a Liquibase precondition, so that Liquibase itself
 * refuses to execute it when Liquibase runs the update (formatted changelogs).
 */
final class RefusalPrecondition extends AbstractPrecondition {

    private final String reason;

    private RefusalPrecondition(String reason) {
        this.reason = reason;
    }

    /** Preconditions that always fail with {@code reason} and halt the update. */
    static PreconditionContainer halting(String reason) {
        PreconditionContainer container = new PreconditionContainer();
        container.setOnFail(PreconditionContainer.FailOption.HALT);
        container.setOnError(PreconditionContainer.ErrorOption.HALT);
        container.addNestedPrecondition(new RefusalPrecondition(reason));
        return container;
    }

    @Override
    public String getName() {
        return "rsxRefusal";
    }

    @Override
    public Warnings warn(Database database) {
        return new Warnings();
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }

    @Override
    public void check(Database database, DatabaseChangeLog changeLog, ChangeSet changeSet, ChangeExecListener listener)
            throws PreconditionFailedException {
        throw new PreconditionFailedException(reason, changeLog, this);
    }

    @Override
    public String getSerializedObjectNamespace() {
        return STANDARD_CHANGELOG_NAMESPACE;
    }
}
