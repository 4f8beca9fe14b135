List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')
String dir = new File(basedir, 'src/main/resources/db/migrations').absolutePath

def hasLine = { String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}

hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:migrate (default-cli) on project'
        + " duplicate-versions: The migrations directory ${dir} has 1 problem:")
// Files are listed in name order, so orders comes before users.
hasLine('[ERROR]   - Duplicate version 001: 001_create_orders_table.sql and 001_create_users_table.sql. Every migration'
        + ' needs its own version; rename the newer one with a new version (mvn rsx:new gives a fresh timestamp).')
// A message of several lines: Maven puts its help reference on a line of its own.
hasLine('[ERROR] -> [Help 1]')
assert !lines.any { it.startsWith('[INFO] Applying') || it.startsWith('[INFO]   applied ') } : 'something was applied'
return true
