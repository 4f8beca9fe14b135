// build.log holds every invocation of invoker.properties one after the other; each Maven run starts with
// "[INFO] Scanning for projects...", so splitting there gives one list of lines per run.
String log = new File(basedir, 'build.log').getText('UTF-8')
List<List<String>> runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1).collect { it.readLines() }
assert runs.size() == 2 : "expected 2 Maven runs in build.log, found ${runs.size()}"

def hasLine = { List<String> lines, String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}
// A finding: its first line, then the lines that follow it, exactly.
def hasFinding = { List<String> lines, List<String> expected ->
    int at = lines.indexOf(expected[0])
    assert at >= 0 : "missing finding: ${expected[0]}"
    assert lines.subList(at, Math.min(lines.size(), at + expected.size())) == expected
}

// Run 1: development mode; 002 has no id column.
List<String> refused = runs[0]
hasLine(refused, '[INFO] Development mode: using automatic snapshot protection (default for the embedded server and loopback hosts)')
assert refused.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } ==
        ['[ERROR] RSX101 Every table has id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY [error]']
hasFinding(refused, [
        '[ERROR] RSX101 Every table has id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY [error]',
        '[ERROR]   File: 002_create_orders_table.sql',
        '[ERROR]   Line: 2',
        '[ERROR]   Violation: Table orders: there is no id column.'])
hasLine(refused, '[INFO] BUILD FAILURE')
hasLine(refused, '[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:migrate (default-cli) on project'
        + ' migrate-rule-violation: Migration validation failed: 1 error, 0 warnings in 1 file (RSX101 at'
        + ' 002_create_orders_table.sql:2); nothing was run. Fix the migrations as shown above, then run mvn rsx:migrate'
        + ' again. -> [Help 1]')
// Refused before the snapshot: none of the four steps ran, so there was nothing to restore, and 001 did not run either.
assert !refused.any { it ==~ /\[INFO\] \[\d\/4\].*/ } : 'a step of the protected run started'
assert !refused.any { it.startsWith('[INFO] Applying') || it.startsWith('[INFO]   applied ') } : 'something was applied'
assert !refused.any { it.contains('restoring the snapshot') } : 'a snapshot was restored'

// Run 2: both migrations are still pending.
List<String> status = runs[1]
hasLine(status, '[INFO] BUILD SUCCESS')
hasLine(status, '[INFO] 001      create_users_table   pending')
hasLine(status, '[INFO] 002      create_orders_table  pending')
hasLine(status, '[INFO] 2 migrations: 0 applied, 2 pending; current version none.')
return true
