// Production mode, and 002's DROP COLUMN carries "-- rsx:allow-destructive <reason>" on the line above it: the
// finding is waived, the waiver echoed with its reason, and both migrations run.
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

def hasLine = { String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}
def hasMatch = { String regex ->
    assert lines.any { it ==~ regex } : "no line matches: ${regex}"
}

hasLine('[INFO] Production mode (rsx.mode): no snapshot protection, migrations run directly.')
// The echo names the statement's line (2), not the comment's (1).
hasLine('[INFO] Waived RSX502 at 002_drop_legacy_state_from_users.sql:2: rsx:allow-destructive dropped after the 4.2 release')
// A waived finding is neither printed nor counted.
assert !lines.any { it ==~ /\[(ERROR|WARNING)\] RSX\d{3} .*/ } : 'a finding was reported'
hasLine('[INFO] Rules: 0 errors, 0 warnings; nothing blocks the run.')
hasLine('[INFO] Applying 2 pending migrations:')
hasMatch(/\[INFO\]   applied 001_create_users_table\.sql +\d+ ms/)
hasMatch(/\[INFO\]   applied 002_drop_legacy_state_from_users\.sql +\d+ ms/)
hasMatch(/\[INFO\] Applied 2 migrations in \d+[.,]\d s; the database is at version 002\./)
hasLine('[INFO] BUILD SUCCESS')
return true
