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

List<String> first = runs[0]
hasLine(first, '[INFO] BUILD SUCCESS')
hasMatch(first, /\[INFO\] Applied 1 migration in \d+[.,]\d s; the database is at version 001\./)

List<String> second = runs[1]
hasLine(second, '[INFO] BUILD FAILURE')
hasLine(second, '[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:migrate (default-cli) on project'
        + ' edited-applied-migration: Applied migrations disagree with the migration files (1 problem); nothing was run:')
hasLine(second, '[ERROR]   - 001_create_users_table.sql was changed after it was applied.')
// Both checksums, and they differ.
String applied = second.find { it.startsWith('[ERROR]       applied to database: ') }
String local = second.find { it.startsWith('[ERROR]       resolved locally:    ') }
assert applied && local : 'missing the checksum lines'
assert applied.substring(applied.indexOf(':') + 1).trim() ==~ /\d+:[0-9a-f]{32}/ : applied
assert local.substring(local.indexOf(':') + 1).trim() ==~ /\d+:[0-9a-f]{32}/ : local
assert applied.substring(applied.indexOf(':') + 1).trim() != local.substring(local.indexOf(':') + 1).trim()
// The pending 002 was not run either.
assert !second.any { it.startsWith('[INFO] Applying') || it.startsWith('[INFO]   applied ') } : 'something was applied'
return true
