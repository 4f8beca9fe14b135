// mvn verify on an application that binds rsx:check without a phase: it runs in verify, after the jar is built, and
// passes. The trigger is a statement the SQL parser does not model, so it is reported as RSX901, a warning that does
// not fail the build, and checked on the scratch database instead.
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

def hasLine = { String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}
def hasMatch = { String regex ->
    assert lines.any { it ==~ regex } : "no line matches: ${regex}"
}

// Bound to verify by default: the goal runs after the jar, under the execution's default id.
int jar = lines.findIndexOf { it.startsWith('[INFO] --- jar:') }
int check = lines.findIndexOf { it.startsWith('[INFO] --- rsx:0.1.0-SNAPSHOT:check (default) @ check-passes ---') }
assert jar >= 0 && check > jar : 'rsx:check did not run after the jar in verify'

// The three steps, in order.
List<String> steps = lines.findAll { it ==~ /\[INFO\] \[\d\/3\].*/ }
assert steps.size() == 3 : steps
assert steps[0] == '[INFO] [1/3] Static rules and rsx.sum...    [OK] 3 migrations, 3 statements'
assert steps[1] ==~ /\[INFO\] \[2\/3\] Migrating a scratch database\.\.\. \[OK\] 3 migrations applied on embedded MariaDB \S+ \(fresh data directory\), normalized/
assert steps[2] == '[INFO] [3/3] Drift against the live database... [SKIPPED] no rsx.url: no live database to compare with'
// The scratch database ran every migration, the trigger's changeset included.
hasMatch(/\[INFO\]   applied 001_create_users_table\.sql +\d+ ms/)
hasMatch(/\[INFO\]   applied 002_create_orders_table\.sql +\d+ ms/)
hasMatch(/\[INFO\]   applied 003_create_orders_touch_trigger\.sql \(rsx:003-1\) +\d+ ms/)

// The one finding: the trigger, a warning.
assert !lines.any { it.startsWith('[ERROR] RSX') } : 'an error finding was reported'
assert lines.findAll { it ==~ /\[WARNING\] RSX\d{3} .*/ } ==
        ['[WARNING] RSX901 Statements the SQL parser cannot read are checked on the live schema [warning]']
hasLine('[WARNING]   File: 003_create_orders_touch_trigger.sql')
hasLine('[WARNING]   Line: 4')
hasLine('[WARNING]   >  4 | CREATE TRIGGER orders_touch BEFORE UPDATE ON orders')
hasLine('[INFO] rsx:check: 0 errors, 1 warning in 1 file.')
hasLine('[INFO] BUILD SUCCESS')

// The scratch database is gone: its data directory deleted, its server stopped.
evaluate(new File(basedir, '../../../src/it/lib/assert-no-server-left.groovy'))(new File(basedir, 'target/rsx/check-db'))
// rsx:check never touches the development database.
assert !new File(basedir, '.rsx').exists() : 'rsx:check started the development database'
return true
