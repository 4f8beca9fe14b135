package dev.rsx.rules;

import java.util.List;
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
 * The rules as a Liquibase precondition of each pending changeset, so Liquibase itself refuses to execute a
 * changeset with a blocking finding, whoever drives the update. The verdicts come from the check of all pending
 * migrations, which already reported every finding together before anything ran.
 */
public final class RulePrecondition extends AbstractPrecondition {

    private final List<Finding> blocking;

    private RulePrecondition(List<Finding> blocking) {
        this.blocking = blocking;
    }

    /** Attaches to every changeset of {@code changeSets} the verdict on its file from {@code result}. */
    static void attach(List<ChangeSet> changeSets, CheckResult result, RulePolicy policy) {
        for (ChangeSet changeSet : changeSets) {
            List<Finding> blocking = result.blocking(policy).stream()
                    .filter(f -> changeSet.getFilePath().equals(f.file())).toList();
            PreconditionContainer container = new PreconditionContainer();
            container.setOnFail(PreconditionContainer.FailOption.HALT);
            container.setOnError(PreconditionContainer.ErrorOption.HALT);
            container.addNestedPrecondition(new RulePrecondition(blocking));
            changeSet.setPreconditions(container);
        }
    }

    @Override
    public String getName() {
        return "rsxRules";
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
        if (!blocking.isEmpty()) {
            throw new PreconditionFailedException(changeSet.getFilePath() + " breaks " + blocking.size() + " rule"
                    + (blocking.size() == 1 ? "" : "s") + ": " + String.join(", ",
                            blocking.stream().map(f -> f.rule().id() + " at " + f.location()).toList()), changeLog, this);
        }
    }

    @Override
    public String getSerializedObjectNamespace() {
        return STANDARD_CHANGELOG_NAMESPACE;
    }
}
