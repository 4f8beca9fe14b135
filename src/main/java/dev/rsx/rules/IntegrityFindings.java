package dev.rsx.rules;

import dev.rsx.engine.MigrationDirectory;
import dev.rsx.integrity.IntegrityFile;
import dev.rsx.integrity.IntegrityProblem;
import java.util.List;

/** Problems of the migrations directory and of {@code rsx.sum}, as findings of their rules. */
public final class IntegrityFindings {

    private IntegrityFindings() {}

    public static List<Finding> of(List<IntegrityProblem> problems, RulePolicy policy) {
        Findings findings = new Findings(policy);
        for (IntegrityProblem problem : problems) {
            RuleDefinition rule = switch (problem.kind()) {
                case MISSING -> RuleCatalog.SUM_MISSING;
                case UNRECORDED -> RuleCatalog.UNRECORDED;
                case EDITED -> RuleCatalog.EDITED;
                case REMOVED -> RuleCatalog.REMOVED;
                case CONFLICT -> RuleCatalog.SUM_CONFLICT;
            };
            // A problem on a line of rsx.sum points at rsx.sum, so CI annotates the line to fix.
            boolean inSumFile = problem.line() > 0 || problem.fileName() == null;
            findings.add(rule, inSumFile ? IntegrityFile.NAME : problem.fileName(), problem.line(), null, problem.message());
        }
        return findings.all();
    }

    public static List<Finding> ofDirectory(List<MigrationDirectory.Problem> problems, RulePolicy policy) {
        Findings findings = new Findings(policy);
        for (MigrationDirectory.Problem problem : problems) {
            RuleDefinition rule = switch (problem.kind()) {
                case NOT_SQL -> RuleCatalog.NOT_SQL;
                case BAD_NAME -> RuleCatalog.FILE_NAME;
                case DUPLICATE_VERSION -> RuleCatalog.DUPLICATE_VERSION;
            };
            findings.add(rule, problem.fileName(), 0, null, problem.message());
        }
        return findings.all();
    }
}
