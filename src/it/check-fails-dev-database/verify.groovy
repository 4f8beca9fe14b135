// 002 alters a table no migration creates. Nothing in the static rules objects; applying every migration from empty
// to a fresh scratch database does: RSX902, with the file and line of the statement the server refused.
def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
List<String> lines = log.lines
def hasLine = log.hasLine
def hasMatch = log.hasMatch
def hasFinding = log.hasFinding

List<String> steps = lines.findAll { it ==~ /\[INFO\] \[\d\/3\].*/ }
assert steps.size() == 3 : steps
assert steps[0] == '[INFO] [1/3] Static rules and rsx.sum...    [OK] 2 migrations, 2 statements'
assert steps[1] ==~ /\[INFO\] \[2\/3\] Migrating a scratch database\.\.\. \[FAILED\] on embedded MariaDB \S+ \(fresh data directory\)/
assert steps[2] == '[INFO] [3/3] Drift against the live database... [SKIPPED] no rsx.url: no live database to compare with'
hasMatch(/\[INFO\]   applied 001_create_users_table\.sql +\d+ ms/)
assert !lines.any { it.startsWith('[INFO]   applied 002_') }

assert lines.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } ==
        ['[ERROR] RSX902 Migrations apply to an empty database [error]']
// Line 2: the statement, not the comment above it.
hasFinding([
        '[ERROR] RSX902 Migrations apply to an empty database [error]',
        '[ERROR]   File: 002_add_note_to_orders.sql',
        '[ERROR]   Line: 2',
        "[ERROR]   Violation: Applying from empty failed at 002_add_note_to_orders.sql:2: (1146) Table"
                + " 'rsx_check.orders' doesn't exist"])

hasLine('[INFO] rsx:check: 1 error, 0 warnings in 1 file.')
hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:check (default) on project'
        + ' check-fails-dev-database: rsx:check failed: 1 error, 0 warnings in 1 file. Each finding above says what'
        + ' to change. -> [Help 1]')

// A failed check removes its scratch database too, and stops its server.
evaluate(new File(basedir, '../../../src/it/lib/assert-no-server-left.groovy'))(new File(basedir, 'target/rsx/check-db'))
return true
