package dev.rsx.report;

import dev.rsx.engine.EngineLog;
import dev.rsx.rules.CheckResult;
import dev.rsx.rules.Finding;
import dev.rsx.rules.RulePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings in seed 001's format: file, line, violation, a code preview with the offending line marked, the
 * remediation and an example. Findings that stop the run go to the error log, the others to the warning log;
 * waivers are echoed, so a reviewer sees every accepted exception in the build output.
 */
public final class ConsoleReport {

    private static final String RULE = "─".repeat(60);
    private static final int PREVIEW_LINES = 8;

    private ConsoleReport() {}

    /** Logs every finding and waiver of {@code result}; returns the one-line summary, e.g. "2 errors, 1 warning in 3 files". */
    public static String log(CheckResult result, RulePolicy policy, EngineLog log) {
        for (Finding finding : result.findings()) {
            if (finding.waived()) {
                log.info("Waived " + finding.rule().id() + " at " + finding.location() + ": " + finding.waiver().comment());
                continue;
            }
            boolean blocks = policy.blocks(finding);
            for (String line : format(finding, blocks, policy)) {
                if (blocks) {
                    log.error(line);
                } else {
                    log.warn(line);
                }
            }
        }
        return summary(result, policy);
    }

    public static String summary(CheckResult result, RulePolicy policy) {
        long errors = result.errors(policy);
        long warnings = result.warnings(policy);
        long files = result.findings().stream().filter(f -> !f.waived() && f.file() != null).map(Finding::file).distinct().count();
        return plural(errors, "error") + ", " + plural(warnings, "warning") + (files > 0 ? " in " + plural(files, "file") : "");
    }

    static List<String> format(Finding finding, boolean blocks, RulePolicy policy) {
        List<String> lines = new ArrayList<>();
        String kind = finding.rule().destructive() ? "destructive change (" + finding.rule().risk().label() + ")"
                : finding.rule().severity().label();
        lines.add(finding.rule().id() + " " + finding.rule().title() + " [" + kind + "]");
        if (finding.file() != null) {
            lines.add("  File: " + finding.file());
        }
        if (finding.markedLine() > 0) {
            lines.add("  Line: " + finding.markedLine());
        }
        lines.add("  Violation: " + finding.message());
        if (finding.waiver() != null && !finding.waiver().hasReason()) {
            lines.add("  The waiver on line " + finding.waiver().line() + " has no reason, so it does not count: write why.");
        }
        if (finding.rule().destructive()) {
            lines.add(blocks ? "  Not acknowledged: in this mode the run stops before anything executes."
                    : policy.allowDestructive() ? "  Acknowledged for the whole run by rsx.allowDestructive."
                    : "  Allowed in development mode; debug and production mode stop here unless it is acknowledged.");
        }
        if (finding.statement() != null) {
            lines.add("  Code Preview:");
            lines.add("  " + RULE);
            lines.addAll(preview(finding));
            lines.add("  " + RULE);
        }
        lines.add("  Remediation: " + finding.rule().remediation());
        if (finding.rule().destructive()) {
            lines.add("  To acknowledge it: a comment -- rsx:allow-destructive <reason> on or just above the statement,"
                    + " or -Drsx.allowDestructive=true for the whole run.");
        }
        lines.add("  Example:");
        finding.rule().example().lines().forEach(l -> lines.add("      " + l));
        return lines;
    }

    /** The statement's lines around the marked one, numbered as in the file, the marked one flagged with {@code >}. */
    private static List<String> preview(Finding finding) {
        List<String> statementLines = finding.statement().lines().toList();
        int first = Math.max(finding.line(), 1);
        int marked = finding.markedLine() > 0 ? finding.markedLine() : first;
        int from = Math.max(0, Math.min(marked - first - 2, statementLines.size() - PREVIEW_LINES));
        int to = Math.min(statementLines.size(), from + PREVIEW_LINES);
        int width = String.valueOf(first + to).length();
        List<String> lines = new ArrayList<>();
        if (from > 0) {
            lines.add("      ...");
        }
        for (int i = from; i < to; i++) {
            int number = first + i;
            lines.add("  " + (number == marked && finding.line() > 0 ? ">" : " ") + " "
                    + String.format("%" + width + "d", number) + " | " + statementLines.get(i).stripTrailing());
        }
        if (to < statementLines.size()) {
            lines.add("      ... (" + (statementLines.size() - to) + " more lines)");
        }
        return lines;
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
