// 002_update.sql says nothing about what it does: RSX601, a warning, fails the build under failOnWarning.
def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
List<String> lines = log.lines
def hasLine = log.hasLine
def hasFinding = log.hasFinding

// A warning does not fail step 1.
assert lines.findAll { it ==~ /\[INFO\] \[\d\/3\].*/ } == [
        '[INFO] [1/3] Static rules and rsx.sum...    [OK] 2 migrations, 2 statements',
        '[INFO] [2/3] Migrating a scratch database... [SKIPPED] rsx.check.devDatabase.skip is true',
        '[INFO] [3/3] Drift against the live database... [SKIPPED] no rsx.url: no live database to compare with']

assert lines.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } ==
        ['[WARNING] RSX601 Migration names say what they do [warning]']
// About the file name: no line, no preview.
hasFinding([
        '[WARNING] RSX601 Migration names say what they do [warning]',
        '[WARNING]   File: 002_update.sql',
        "[WARNING]   Violation: The name 'update' is vague: it does not say what the migration does; name the change"
                + ' and its table, e.g. create_products_table, add_status_to_orders, drop_legacy_sessions.'])

hasLine('[INFO] rsx:check: 0 errors, 1 warning in 1 file.')
hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:check (default) on project'
        + ' check-fails-naming-versions: rsx:check failed: 0 errors, 1 warning in 1 file (rsx.check.failOnWarning is'
        + ' true). Each finding above says what to change. -> [Help 1]')
assert !lines.any { it.startsWith('[INFO] Initialising a new embedded MariaDB') }
return true
