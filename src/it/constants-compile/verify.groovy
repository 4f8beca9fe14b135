// mvn compile twice on an application whose code uses the generated constants. build.log holds both runs; each Maven
// run starts with "[INFO] Scanning for projects...", so splitting there gives one list of lines per run.
String log = new File(basedir, 'build.log').getText('UTF-8')
List<List<String>> runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/).drop(1).collect { it.readLines() }
assert runs.size() == 2 : "expected 2 Maven runs in build.log, found ${runs.size()}"

def hasLine = { List<String> lines, String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}
// Two tables, each with its own three or four columns and the four audit columns normalization adds.
String constants = '[INFO] Constants for 2 tables and 14 columns: target/generated-sources/rsx/dev/rsx/it/db/Tables.java'

// Run 1: migrate, then constants from the database it migrated, then the compiler, all in one mvn compile.
List<String> first = runs[0]
hasLine(first, '[INFO] BUILD SUCCESS')
assert first.any { it ==~ /\[INFO\] Applied 2 migrations in \d+[.,]\d s; the database is at version 002\./ }
int migrate = first.indexOf('[INFO] --- rsx:0.1.0-SNAPSHOT:migrate (migrate) @ constants-compile ---')
int generate = first.indexOf('[INFO] --- rsx:0.1.0-SNAPSHOT:constants (constants) @ constants-compile ---')
int compile = first.findIndexOf { it.startsWith('[INFO] --- compiler:') }
assert migrate >= 0 && generate > migrate && compile > generate : 'not migrate, then constants, then compile'
hasLine(first, constants + ' (written)')
hasLine(first, '[INFO] Compiling 2 source files with javac [debug release 17] to target/classes')

// The application's class compiled against the constants and holds the exact SQL names.
File classes = new File(basedir, 'target/classes')
assert new File(classes, 'dev/rsx/it/app/CustomerQueries.class').isFile()
assert new File(classes, 'dev/rsx/it/db/Tables$Customers.class').isFile()
ClassLoader loader = new URLClassLoader([classes.toURI().toURL()] as URL[], (ClassLoader) null)
assert loader.loadClass('dev.rsx.it.app.CustomerQueries').getField('FIND_BY_EMAIL').get(null) ==
        'SELECT id, display_name FROM customers WHERE email = ?'

// Run 2: same schema, so the generated file is left as it was and the compiler finds nothing to do.
List<String> second = runs[1]
hasLine(second, '[INFO] BUILD SUCCESS')
hasLine(second, '[INFO] Nothing to migrate: the database is at version 002.')
hasLine(second, constants + ' (unchanged)')
hasLine(second, '[INFO] Nothing to compile - all classes are up to date.')

// Every goal stopped the embedded server it started; its data directory, the development database, stays.
File dataDir = new File(basedir, '.rsx/mariadb')
assert dataDir.isDirectory()
List<String> servers = ProcessHandle.allProcesses().map { it.info().commandLine().orElse('') }
        .filter { it.contains("--datadir=${dataDir.absolutePath}") }.collect(java.util.stream.Collectors.toList())
assert servers.isEmpty() : "a server still runs on ${dataDir}: ${servers}"
return true
