// USE in 002, GRANT in 003, DELIMITER in 004: the check does not stop at the first, one run reports all three.
def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
List<String> lines = log.lines
def hasLine = log.hasLine
def hasFinding = log.hasFinding

hasLine('[INFO] [1/3] Static rules and rsx.sum...    [FAILED] 4 migrations, 5 statements')
hasLine('[INFO] [2/3] Migrating a scratch database... [SKIPPED] the static rules found errors; fix them first')

assert lines.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } == [
        '[ERROR] RSX302 No USE statements [error]',
        '[ERROR] RSX303 No user or privilege management [error]',
        '[ERROR] RSX305 No DELIMITER lines [error]']
hasFinding([
        '[ERROR] RSX302 No USE statements [error]',
        '[ERROR]   File: 002_create_orders_table.sql',
        '[ERROR]   Line: 1',
        '[ERROR]   Violation: The statement switches the connection to another database: USE is not allowed in a migration.',
        '[ERROR]   Code Preview:',
        '[ERROR]   ' + '─' * 60,
        '[ERROR]   > 1 | USE shop'])
hasFinding([
        '[ERROR] RSX303 No user or privilege management [error]',
        '[ERROR]   File: 003_grant_select_to_reporting.sql',
        '[ERROR]   Line: 1',
        '[ERROR]   Violation: The statement manages users or privileges: GRANT is not allowed in a migration.',
        '[ERROR]   Code Preview:',
        '[ERROR]   ' + '─' * 60,
        "[ERROR]   > 1 | GRANT SELECT ON shop.* TO 'reporting'@'%'"])
hasFinding([
        '[ERROR] RSX305 No DELIMITER lines [error]',
        '[ERROR]   File: 004_create_orders_touch_trigger.sql',
        '[ERROR]   Line: 1',
        "[ERROR]   Violation: The statement uses the mysql client's DELIMITER command: DELIMITER is not allowed in a migration.",
        '[ERROR]   Code Preview:',
        '[ERROR]   ' + '─' * 60,
        '[ERROR]   > 1 | DELIMITER $$'])

hasLine('[INFO] rsx:check: 3 errors, 0 warnings in 3 files.')
hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:check (default) on project'
        + ' check-fails-forbidden-statements: rsx:check failed: 3 errors, 0 warnings in 3 files. Each finding above'
        + ' says what to change. -> [Help 1]')
assert !lines.any { it.startsWith('[INFO] Initialising a new embedded MariaDB') }
return true
