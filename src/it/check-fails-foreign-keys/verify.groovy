// orders.user_id is VARCHAR(36) and references users.id, a BIGINT: caught by the static rules, before any database.
def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
List<String> lines = log.lines
def hasLine = log.hasLine
def hasFinding = log.hasFinding

hasLine('[INFO] [1/3] Static rules and rsx.sum...    [FAILED] 2 migrations, 2 statements')
hasLine('[INFO] [2/3] Migrating a scratch database... [SKIPPED] the static rules found errors; fix them first')

assert lines.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } ==
        ["[ERROR] RSX401 Foreign-key columns have the referenced column's type [error]"]
// The marked line is the referencing column's declaration, not the constraint.
hasFinding([
        "[ERROR] RSX401 Foreign-key columns have the referenced column's type [error]",
        '[ERROR]   File: 002_create_orders_table.sql',
        '[ERROR]   Line: 4',
        '[ERROR]   Violation: orders.user_id is VARCHAR(36) but references users.id, which is BIGINT.',
        '[ERROR]   Code Preview:',
        '[ERROR]   ' + '─' * 60,
        '[ERROR]     2 | CREATE TABLE orders (',
        '[ERROR]     3 |     id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,',
        '[ERROR]   > 4 |     user_id VARCHAR(36) NOT NULL,',
        '[ERROR]     5 |     CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)'])

hasLine('[INFO] rsx:check: 1 error, 0 warnings in 1 file.')
hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:check (default) on project'
        + ' check-fails-foreign-keys: rsx:check failed: 1 error, 0 warnings in 1 file. Each finding above says what'
        + ' to change. -> [Help 1]')
assert !lines.any { it.startsWith('[INFO] Initialising a new embedded MariaDB') }
return true
