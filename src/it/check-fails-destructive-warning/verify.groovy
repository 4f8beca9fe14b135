// 003 drops a column: in rsx:check a destructive change is a warning, and failOnWarning makes it fail the build.
// 002 creates a staging table without an id column under a waiver: echoed, not reported, not counted.
def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
List<String> lines = log.lines
def hasLine = log.hasLine
def hasFinding = log.hasFinding

hasLine('[INFO] [1/3] Static rules and rsx.sum...    [OK] 3 migrations, 4 statements')
hasLine('[INFO] [2/3] Migrating a scratch database... [SKIPPED] rsx.check.devDatabase.skip is true')

// The waiver, with its reason, at the statement it waives (line 2; the comment is on line 1).
hasLine('[INFO] Waived RSX101 at 002_create_import_staging_table.sql:2: rsx:allow RSX101 staging table, dropped by the import job')

assert lines.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } ==
        ['[WARNING] RSX502 DROP COLUMN deletes data [destructive change (dangerous)]']
hasFinding([
        '[WARNING] RSX502 DROP COLUMN deletes data [destructive change (dangerous)]',
        '[WARNING]   File: 003_drop_legacy_state_from_users.sql',
        '[WARNING]   Line: 2',
        '[WARNING]   Violation: Drops column users.legacy_state and its value in every row.',
        '[WARNING]   Allowed in development mode; debug and production mode stop here unless it is acknowledged.',
        '[WARNING]   Code Preview:',
        '[WARNING]   ' + '─' * 60,
        '[WARNING]   > 2 | ALTER TABLE users DROP COLUMN legacy_state'])
hasLine('[WARNING]   To acknowledge it: a comment -- rsx:allow-destructive <reason> on or just above the statement,'
        + ' or -Drsx.allowDestructive=true for the whole run.')

// The waived finding is not counted: one warning, in one file.
hasLine('[INFO] rsx:check: 0 errors, 1 warning in 1 file.')
hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:check (default) on project'
        + ' check-fails-destructive-warning: rsx:check failed: 0 errors, 1 warning in 1 file (rsx.check.failOnWarning'
        + ' is true). Each finding above says what to change. -> [Help 1]')
assert !lines.any { it.startsWith('[INFO] Initialising a new embedded MariaDB') }
return true
