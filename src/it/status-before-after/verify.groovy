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
String header = '[INFO] Version  Description          State         Applied at'
String appliedAt = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/

// Run 1: status on a fresh database reads only, so both are pending.
List<String> before = runs[0]
hasLine(before, '[INFO] BUILD SUCCESS')
hasLine(before, header)
hasLine(before, '[INFO] 001      create_users_table   pending')
hasLine(before, '[INFO] 002      create_orders_table  pending')
hasLine(before, '[INFO] 2 migrations: 0 applied, 2 pending; current version none.')

// Run 2: migrate.
List<String> migrate = runs[1]
hasLine(migrate, '[INFO] BUILD SUCCESS')
hasLine(migrate, '[INFO] Applying 2 pending migrations:')
hasMatch(migrate, /\[INFO\] Applied 2 migrations in \d+[.,]\d s; the database is at version 002\./)

// Run 3: both applied, each with the time it was applied.
List<String> after = runs[2]
hasLine(after, '[INFO] BUILD SUCCESS')
hasLine(after, header)
hasMatch(after, /\[INFO\] 001      create_users_table   applied       ${appliedAt}/)
hasMatch(after, /\[INFO\] 002      create_orders_table  applied       ${appliedAt}/)
hasLine(after, '[INFO] 2 migrations: 2 applied, 0 pending; current version 002.')
assert !after.any { it.contains(' pending ') && !it.contains('migrations:') } : 'a row is still pending after migrate'

// Run 4: failOnPending with everything applied passes and prints the same table.
List<String> gate = runs[3]
hasLine(gate, '[INFO] BUILD SUCCESS')
hasLine(gate, '[INFO] 2 migrations: 2 applied, 0 pending; current version 002.')
assert !gate.any { it.startsWith('[ERROR]') } : 'the gate logged an error'
return true
