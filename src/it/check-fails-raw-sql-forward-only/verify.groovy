// A Liquibase XML changelog (RSX201) and a formatted SQL changelog with a --rollback line (RSX202).
def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
List<String> lines = log.lines
def hasLine = log.hasLine
def hasFinding = log.hasFinding

// The XML file is not a migration: two .sql migrations, two statements.
hasLine('[INFO] [1/3] Static rules and rsx.sum...    [FAILED] 2 migrations, 2 statements')
hasLine('[INFO] [2/3] Migrating a scratch database... [SKIPPED] the static rules found errors; fix them first')

assert lines.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } == [
        '[ERROR] RSX201 Raw SQL migrations only [error]',
        '[ERROR] RSX202 Migrations are forward-only: no --rollback [error]']
// A whole file: no line, no preview.
hasFinding([
        '[ERROR] RSX201 Raw SQL migrations only [error]',
        '[ERROR]   File: db.changelog.xml',
        '[ERROR]   Violation: db.changelog.xml: only raw SQL migrations (.sql) are allowed; Liquibase XML/YAML/JSON'
                + ' changelogs and change types are not. Rewrite it as plain SQL statements in a .sql file (mvn rsx:new).'])
// The line to delete.
hasFinding([
        '[ERROR] RSX202 Migrations are forward-only: no --rollback [error]',
        '[ERROR]   File: 002_create_orders_table.sql',
        '[ERROR]   Line: 8',
        '[ERROR]   Violation: A rollback block: --rollback DROP TABLE orders;'])

hasLine('[INFO] rsx:check: 2 errors, 0 warnings in 2 files.')
hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:check (default) on project'
        + ' check-fails-raw-sql-forward-only: rsx:check failed: 2 errors, 0 warnings in 2 files. Each finding above'
        + ' says what to change. -> [Help 1]')
assert !lines.any { it.startsWith('[INFO] Initialising a new embedded MariaDB') }
// rsx:check reports; it never rewrites a migration.
assert new File(basedir, 'src/main/resources/db/migrations/002_create_orders_table.sql').getText('UTF-8')
        .contains('--rollback DROP TABLE orders;')
return true
