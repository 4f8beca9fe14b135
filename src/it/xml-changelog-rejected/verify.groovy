List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')
String dir = new File(basedir, 'src/main/resources/db/migrations').absolutePath

def hasLine = { String expected ->
    assert lines.contains(expected) : "missing line: ${expected}"
}

hasLine('[INFO] BUILD FAILURE')
hasLine('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:migrate (default-cli) on project'
        + " xml-changelog-rejected: The migrations directory ${dir} has 1 problem:")
hasLine('[ERROR]   - db.changelog.xml: only raw SQL migrations (.sql) are allowed; Liquibase XML/YAML/JSON changelogs and'
        + ' change types are not. Rewrite it as plain SQL statements in a .sql file (mvn rsx:new).')
// A message of several lines: Maven puts its help reference on a line of its own.
hasLine('[ERROR] -> [Help 1]')
// The valid 001 next to it was not applied either.
assert !lines.any { it.startsWith('[INFO] Applying') || it.startsWith('[INFO]   applied ') } : 'something was applied'
return true
