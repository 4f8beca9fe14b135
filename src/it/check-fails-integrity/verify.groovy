// rsx.sum records 001 and 002 as they were; 002 was edited since (RSX702) and 003 was never recorded (RSX701).
def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
List<String> lines = log.lines
def hasLine = log.hasLine
def hasFinding = log.hasFinding

hasLine('[INFO] [1/3] Static rules and rsx.sum...    [FAILED] 3 migrations, 3 statements')
hasLine('[INFO] [2/3] Migrating a scratch database... [SKIPPED] the static rules found errors; fix them first')

assert lines.findAll { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } == [
        '[ERROR] RSX702 Recorded migrations are not edited [error]',
        '[ERROR] RSX701 Every migration is recorded in rsx.sum [error]']
// An edit is located at its line of rsx.sum.
hasFinding([
        '[ERROR] RSX702 Recorded migrations are not edited [error]',
        '[ERROR]   File: rsx.sum',
        '[ERROR]   Line: 3',
        '[ERROR]   Violation: 002_create_orders_table.sql was edited after it was recorded (rsx.sum line 3 holds the'
                + ' hash of its earlier content). If it has not been applied to any database yet and the edit is'
                + ' intended, run mvn rsx:hash; if it has been applied, restore the recorded content and write the'
                + ' change as a new migration with mvn rsx:new.'])
// An unrecorded migration has no line in rsx.sum: the finding names the file.
hasFinding([
        '[ERROR] RSX701 Every migration is recorded in rsx.sum [error]',
        '[ERROR]   File: 003_create_products_table.sql',
        '[ERROR]   Violation: 003_create_products_table.sql is not in rsx.sum: it was not created with mvn rsx:new'
                + ' (or was added without recording it). Create migrations with mvn rsx:new -Dname=<description>; if'
                + ' you added this one deliberately, run mvn rsx:hash to record it.'])

hasLine('[INFO] rsx:check: 2 errors, 0 warnings in 2 files.')
hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:check (default) on project'
        + ' check-fails-integrity: rsx:check failed: 2 errors, 0 warnings in 2 files. Each finding above says what to'
        + ' change. -> [Help 1]')
assert !lines.any { it.startsWith('[INFO] Initialising a new embedded MariaDB') }
// rsx:check never records anything: rsx.sum is as it was committed.
assert new File(basedir, 'src/main/resources/db/migrations/rsx.sum').readLines('UTF-8').size() == 3
return true
