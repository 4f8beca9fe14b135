// build.log holds every invocation of invoker.properties one after the other; each Maven run starts with
// "[INFO] Scanning for projects...", so splitting there gives one list of lines per run.
String log = new File(basedir, 'build.log').getText('UTF-8')
List<List<String>> runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1).collect { it.readLines() }
assert runs.size() == 4 : "expected 4 Maven runs in build.log, found ${runs.size()}"

def hasLine = { List<String> lines, String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}
def hasMatch = { List<String> lines, String regex ->
    assert lines.any { it ==~ regex } : "no line matches: ${regex}"
}
// A finding: its first line, then the lines that follow it, exactly.
def hasFinding = { List<String> lines, List<String> expected ->
    int at = lines.indexOf(expected[0])
    assert at >= 0 : "missing finding: ${expected[0]}"
    assert lines.subList(at, Math.min(lines.size(), at + expected.size())) == expected
}

// Run 1: 001 applied in production mode.
List<String> first = runs[0]
hasLine(first, '[INFO] BUILD SUCCESS')
hasLine(first, '[INFO] Production mode (rsx.mode): no snapshot protection, migrations run directly.')
hasMatch(first, /\[INFO\]   applied 001_create_users_table\.sql +\d+ ms/)

// Run 2: the unacknowledged DROP COLUMN is an error in production mode; the run stops before anything executes.
List<String> refused = runs[1]
hasLine(refused, '[INFO] Production mode (rsx.mode): no snapshot protection, migrations run directly.')
assert refused.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } ==
        ['[ERROR] RSX502 DROP COLUMN deletes data [destructive change (dangerous)]']
hasFinding(refused, [
        '[ERROR] RSX502 DROP COLUMN deletes data [destructive change (dangerous)]',
        '[ERROR]   File: 002_drop_legacy_state_from_users.sql',
        '[ERROR]   Line: 2',
        '[ERROR]   Violation: Drops column users.legacy_state and its value in every row.',
        '[ERROR]   Not acknowledged: in this mode the run stops before anything executes.',
        '[ERROR]   Code Preview:',
        '[ERROR]   ' + '─' * 60,
        '[ERROR]   > 2 | ALTER TABLE users DROP COLUMN legacy_state'])
hasLine(refused, '[INFO] BUILD FAILURE')
hasLine(refused, '[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:migrate (default-cli) on project'
        + ' migrate-destructive-production: Migration validation failed: 1 error, 0 warnings in 1 file (RSX502 at'
        + ' 002_drop_legacy_state_from_users.sql:2); nothing was run. Fix the migrations as shown above; acknowledge an'
        + ' intended destructive change with a comment -- rsx:allow-destructive <reason> on the statement (or'
        + ' -Drsx.allowDestructive=true for the whole run), then run mvn rsx:migrate again. -> [Help 1]')
assert !refused.any { it.startsWith('[INFO] Applying') || it.startsWith('[INFO]   applied ') } : 'run 2 applied something'

// Run 3: 002 is still pending.
List<String> status = runs[2]
hasLine(status, '[INFO] BUILD SUCCESS')
hasMatch(status, /\[INFO\] 001 +create_users_table +applied +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/)
hasMatch(status, /\[INFO\] 002 +drop_legacy_state_from_users +pending/)
hasLine(status, '[INFO] 2 migrations: 1 applied, 1 pending; current version 001.')

// Run 4: acknowledged for the whole run, the finding is a warning and 002 runs. MariaDB refuses to drop a column that
// does not exist, so this also shows that run 2 left users.legacy_state alone.
List<String> acknowledged = runs[3]
hasFinding(acknowledged, [
        '[WARNING] RSX502 DROP COLUMN deletes data [destructive change (dangerous)]',
        '[WARNING]   File: 002_drop_legacy_state_from_users.sql',
        '[WARNING]   Line: 2',
        '[WARNING]   Violation: Drops column users.legacy_state and its value in every row.',
        '[WARNING]   Acknowledged for the whole run by rsx.allowDestructive.'])
hasLine(acknowledged, '[INFO] Rules: 0 errors, 1 warning in 1 file; nothing blocks the run.')
hasLine(acknowledged, '[INFO] Applying 1 pending migration:')
hasMatch(acknowledged, /\[INFO\]   applied 002_drop_legacy_state_from_users\.sql +\d+ ms/)
hasMatch(acknowledged, /\[INFO\] Applied 1 migration in \d+[.,]\d s; the database is at version 002\./)
hasLine(acknowledged, '[INFO] BUILD SUCCESS')
return true
