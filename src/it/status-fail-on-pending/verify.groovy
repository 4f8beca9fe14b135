List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

def hasLine = { String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}

// The table is printed before the gate fails, so the user sees what is pending.
hasLine('[INFO] 001      create_users_table   pending')
hasLine('[INFO] 002      create_orders_table  pending')
hasLine('[INFO] 2 migrations: 0 applied, 2 pending; current version none.')
hasLine('[INFO] BUILD FAILURE')

// A project problem (MojoFailureException), with every pending migration named.
String expected = '[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:status (default-cli) on project' +
        ' status-fail-on-pending: 2 migrations are not applied (001_create_users_table.sql: pending,' +
        ' 002_create_orders_table.sql: pending) and rsx.failOnPending is true. Run mvn rsx:migrate against this' +
        ' database first. -> [Help 1]'
hasLine(expected)

// status only reads: it applied nothing and created no tracking table.
assert !lines.any { it.startsWith('[INFO] Applying') }
assert !new File(basedir, '.rsx/mariadb/status_fail_on_pending/DATABASECHANGELOG.frm').exists() : 'status created the tracking table'
return true
