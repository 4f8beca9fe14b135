// 002_create_orders_table.sql: a comment on line 1; the CREATE TABLE on line 2 succeeds (and, being DDL, commits at
// once); the CREATE INDEX on line 7 references a table no migration creates, so the server refuses it; line 9 never
// runs. The comment must neither shift the reported lines nor stand in for the statement's text.
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

def hasLine = { String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}
def hasMatch = { String regex ->
    assert lines.any { it ==~ regex } : "no line matches: ${regex}"
}

hasLine('[INFO] Production mode (rsx.mode): no snapshot protection, migrations run directly.')
hasLine('[INFO] Applying 3 pending migrations:')
hasMatch(/\[INFO\]   applied 001_create_users_table\.sql +\d+ ms/)
assert !lines.any { it.startsWith('[INFO]   applied 002_') || it.startsWith('[INFO]   applied 003_') } :
        'a migration at or after the failing one was reported as applied'
hasLine('[INFO] BUILD FAILURE')

// The failure names the migration and the line of the failing statement, shows the statement, the server's error,
// the earlier statement of the same migration that stays committed, and what to do.
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:migrate (default-cli) on project' +
        ' failing-migration: Migration 002_create_orders_table.sql failed at 002_create_orders_table.sql:7:')
hasLine('[ERROR]     CREATE INDEX idx_invoices_order ON invoices (order_id)')
hasLine("[ERROR]   Server said: (1146) Table 'failing_migration.invoices' doesn't exist")
hasLine('[ERROR]   Already committed from this migration (MySQL DDL auto-commits; these stay applied):')
hasLine('[ERROR]     line 2: CREATE TABLE orders (')
// The explanation ends the message: no raw Liquibase or driver text is appended to it.
hasLine('[ERROR]   The migration is not recorded as applied. Fix 002_create_orders_table.sql, undo the committed' +
        ' statements above (or restore a snapshot) and run mvn rsx:migrate again.')
hasLine('[ERROR] -> [Help 1]')
// Only the statement before the failing one is listed as committed, not the one after it.
assert !lines.any { it.startsWith('[ERROR]     line 9:') || it.contains('line 1: --') }

// The failed run still wrote its report, where rsx:migrate said, with what stayed applied.
String reportLine = lines.find { it.startsWith('[INFO] Migration report: ') }
assert reportLine != null : 'rsx:migrate printed no report path'
File report = new File((reportLine =~ /^\[INFO\] Migration report: (\S+\.md) \(and \.json\)$/)[0][1])
assert report.parentFile == new File(basedir, 'target/rsx/reports') : report
assert report.name ==~ /migrate-\d{8}T\d{6}Z\.md/
String markdown = report.getText('UTF-8')
assert markdown.startsWith('# Migration report: failed\n') : markdown
assert markdown.contains('| Migrations | 1 applied, 1 failed, 1 not run |') : markdown
assert markdown.contains('Failed statement, `002_create_orders_table.sql:7`:') : markdown
assert markdown.contains('### Added\n\n- table `orders (') : markdown
assert new File(report.path.replace('.md', '.json')).isFile()
return true
