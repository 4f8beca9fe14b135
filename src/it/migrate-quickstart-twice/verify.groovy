// build.log holds every invocation of invoker.properties one after the other; each Maven run starts with
// "[INFO] Scanning for projects...", so splitting there gives one list of lines per run.
String log = new File(basedir, 'build.log').getText('UTF-8')
List<List<String>> runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1).collect { it.readLines() }
assert runs.size() == 2 : "expected 2 Maven runs in build.log, found ${runs.size()}"

def hasLine = { List<String> lines, String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}
def hasMatch = { List<String> lines, String regex ->
    assert lines.any { it ==~ regex } : "no line matches: ${regex}"
}

// Run 1: all three applied, in version order, then the summary.
List<String> first = runs[0]
hasLine(first, '[INFO] BUILD SUCCESS')
hasMatch(first, /\[INFO\] Database: embedded MariaDB \S+ on 127\.0\.0\.1:\d+, database migrate_quickstart_twice \(data in .*\.rsx.mariadb\)/)
hasLine(first, '[INFO] Applying 3 pending migrations:')
def applied = first.findAll { it.startsWith('[INFO]   applied ') }.collect { it.split(/\s+/)[2] }
assert applied == ['20251121090000_create_users_table.sql', '20251121090100_create_products_table.sql',
                   '20251121090200_create_orders_table.sql'] : "applied lines: ${applied}"
hasMatch(first, /\[INFO\]   applied 20251121090000_create_users_table\.sql +\d+ ms/)
hasMatch(first, /\[INFO\] Applied 3 migrations in \d+[.,]\d s; the database is at version 20251121090200\./)
// Development mode (the embedded server's default): seed 000's four steps, in order.
hasLine(first, '[INFO] Development mode: using automatic snapshot protection (default for the embedded server and loopback hosts)')
assert first.findAll { it ==~ /\[INFO\] \[\d\/4\].*/ } == [
        '[INFO] [1/4] Creating database snapshot...  [OK]',
        '[INFO] [2/4] Running migrations...          [OK] 3 migrations applied',
        '[INFO] [3/4] Running schema quality check...[OK]',
        '[INFO] [4/4] Committing changes...          [OK] snapshot removed']
assert !first.any { it.startsWith('[INFO] Nothing to migrate') }

// Run 2: nothing pending, nothing applied.
List<String> second = runs[1]
hasLine(second, '[INFO] BUILD SUCCESS')
hasLine(second, '[INFO] Nothing to migrate: the database is at version 20251121090200.')
assert !second.any { it.startsWith('[INFO] Applying') || it.startsWith('[INFO]   applied ') } : 'second run applied something'
assert !second.any { it.startsWith('[INFO] Initialising a new embedded MariaDB') } : 'second run did not reuse the data directory'

// The embedded database lives in the project, as documented.
assert new File(basedir, '.rsx/mariadb').isDirectory()
assert new File(basedir, '.rsx/mariadb/migrate_quickstart_twice').isDirectory()
return true
