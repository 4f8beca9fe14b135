// build.log holds every invocation one after the other; each Maven run starts with "Scanning for projects...".
String log = new File(basedir, 'build.log').getText('UTF-8')
List<List<String>> runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1).collect { it.readLines() }
assert runs.size() == 9 : "expected 9 Maven runs in build.log, found ${runs.size()}"

def hasLine = { List<String> lines, String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}
def hasMatch = { List<String> lines, String regex ->
    assert lines.any { it ==~ regex } : "no line matches: ${regex}"
}

hasMatch(runs[1], /\[INFO\] Snapshot 'migration' created \(datadir, [\d.]+ MB\) in [\d.]+ s\./)
hasLine(runs[2], '[INFO] [1/4] Creating database snapshot...  [OK] using the snapshot taken by rsx:begin')
hasLine(runs[2], '[INFO] [4/4] Committing changes...          [OK] snapshot kept: run mvn rsx:commit to remove it')
hasMatch(runs[3], /\[INFO\] migration +datadir +ready +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +[\d.]+ MB/)
hasMatch(runs[4], /\[INFO\] Snapshot 'migration' restored in [\d.]+ s; the database is as it was when it was taken\. The snapshot is removed\./)
hasMatch(runs[5], /\[INFO\] 002 +create_orders_table +pending/)
assert runs[6].any { it.contains("There is no snapshot 'migration'. Take one with mvn rsx:begin before you start changing migrations.") }
hasMatch(runs[7], /\[INFO\] Snapshot 'before-import' created \(datadir, [\d.]+ MB\) in [\d.]+ s\./)
hasLine(runs[8], "[INFO] Snapshot 'before-import' dropped.")
(0..8).findAll { it != 6 }.each { hasLine(runs[it], '[INFO] BUILD SUCCESS') }
return true
