List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

String expected = "[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:new (default-cli) on project" +
        " new-vague-name-rejected: Refusing migration name 'fix': it does not say what the migration does; name the" +
        " change and its table, e.g. create_products_table, add_status_to_orders, drop_legacy_sessions. -> [Help 1]"
assert lines.contains(expected) : "missing line: ${expected}"
assert lines.contains('[INFO] BUILD FAILURE')
assert !lines.any { it.startsWith('[INFO] Created ') }

// Nothing was written: the directory holds only the migration that was there before.
List<String> files = new File(basedir, 'src/main/resources/db/migrations').list().sort()
assert files == ['20251121090000_create_users_table.sql'] : "unexpected files ${files}"
return true
