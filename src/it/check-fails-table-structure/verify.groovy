// 002 keys orders by a natural key instead of the id column; 003 declares user_id UNSIGNED. Both are errors of the
// static rules, reported together, and the build fails in verify.
def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
List<String> lines = log.lines
def hasLine = log.hasLine
def hasFinding = log.hasFinding

assert lines.findAll { it ==~ /\[INFO\] \[\d\/3\].*/ } == [
        '[INFO] [1/3] Static rules and rsx.sum...    [FAILED] 3 migrations, 3 statements',
        '[INFO] [2/3] Migrating a scratch database... [SKIPPED] the static rules found errors; fix them first',
        '[INFO] [3/3] Drift against the live database... [SKIPPED] no rsx.url: no live database to compare with']

assert lines.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } == [
        '[ERROR] RSX101 Every table has id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY [error]',
        '[ERROR] RSX103 No UNSIGNED on id or *_id columns [error]']
hasFinding([
        '[ERROR] RSX101 Every table has id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY [error]',
        '[ERROR]   File: 002_create_orders_table.sql',
        '[ERROR]   Line: 2',
        '[ERROR]   Violation: Table orders: there is no id column.',
        '[ERROR]   Code Preview:',
        '[ERROR]   ' + '─' * 60,
        '[ERROR]   > 2 | CREATE TABLE orders (',
        '[ERROR]     3 |     order_no VARCHAR(20) PRIMARY KEY,'])
hasFinding([
        '[ERROR] RSX103 No UNSIGNED on id or *_id columns [error]',
        '[ERROR]   File: 003_create_payments_table.sql',
        '[ERROR]   Line: 3',
        '[ERROR]   Violation: payments.user_id is BIGINT UNSIGNED.'])
hasLine('[ERROR]   > 3 |     user_id BIGINT UNSIGNED NOT NULL,')

hasLine('[INFO] rsx:check: 2 errors, 0 warnings in 2 files.')
hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:check (default) on project'
        + ' check-fails-table-structure: rsx:check failed: 2 errors, 0 warnings in 2 files. Each finding above says'
        + ' what to change. -> [Help 1]')
// No scratch database for a check the static rules already failed.
assert !lines.any { it.startsWith('[INFO] Initialising a new embedded MariaDB') }
return true
