// build.log holds every invocation one after the other; each Maven run starts with "Scanning for projects...".
String log = new File(basedir, 'build.log').getText('UTF-8')
List<List<String>> runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1).collect { it.readLines() }
assert runs.size() == 4 : "expected 4 Maven runs in build.log, found ${runs.size()}"

def hasLine = { List<String> lines, String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}

hasLine(runs[0], '[INFO] [4/4] Committing changes...          [OK] snapshot removed')
hasLine(runs[0], '[INFO] BUILD SUCCESS')

List<String> failed = runs[1]
hasLine(failed, '[INFO] [1/4] Creating database snapshot...  [OK]')
hasLine(failed, '[ERROR] Migration failed! Automatically restoring the snapshot...')
hasLine(failed, '[INFO] Database restored to pre-migration state.')
hasLine(failed, '[INFO] Fix your migration files and run `mvn rsx:migrate` again.')
hasLine(failed, '[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:migrate (default-cli) on project' +
        ' migrate-failure-restored: Migration 002_add_orders.sql failed at 002_add_orders.sql:4:')
hasLine(failed, '[ERROR]     ALTER TABLE orderz ADD COLUMN status VARCHAR(20)')
hasLine(failed, "[ERROR]   Server said: (1146) Table 'migrate_failure_restored.orderz' doesn't exist")
hasLine(failed, '[ERROR]   Database restored to pre-migration state. Fix your migration files and run `mvn rsx:migrate` again.')
assert !failed.any { it.contains('stay applied') } : 'a restored run must not claim statements stayed applied'
assert !failed.any { it.startsWith('[INFO] [2/4]') } : 'step 2 did not succeed'

List<String> status = runs[2]
assert status.any { it ==~ /\[INFO\] 001 +create_users_table +applied .*/ }
assert status.any { it ==~ /\[INFO\] 002 +add_orders +pending/ }
hasLine(status, '[INFO] BUILD SUCCESS')

List<String> fixed = runs[3]
hasLine(fixed, '[INFO] [2/4] Running migrations...          [OK] 1 migration applied')
hasLine(fixed, '[INFO] BUILD SUCCESS')
return true
