import java.util.regex.Pattern

List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')
File migrations = new File(basedir, 'src/main/resources/db/migrations')

// Exactly one new file, named <UTC timestamp>_create_products_table.sql (the directory already uses timestamps).
List<String> created = migrations.list().findAll { it != '20251121090000_create_users_table.sql' }.sort()
assert created.size() == 1 : "expected one new migration, found ${created}"
String name = created[0]
assert name ==~ /\d{14}_create_products_table\.sql/ : "unexpected file name ${name}"
assert new BigInteger(name.substring(0, 14)) > new BigInteger('20251121090000') : "${name} does not sort after the existing migration"

// The create-table template: the table, with the primary key every table needs.
String sql = new File(migrations, name).getText('UTF-8')
assert sql.contains('id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY') : sql
assert sql.contains('CREATE TABLE products (') : sql
assert sql.startsWith('-- create products table\n') : sql

// The log names the file relative to the project and says what to do next.
assert lines.contains('[INFO] Created src/main/resources/db/migrations/' + name) : 'missing "Created" line'
assert lines.contains('[INFO] Write its SQL, then run mvn rsx:migrate.') : 'missing next-step line'
assert lines.contains('[INFO] BUILD SUCCESS')

// rsx:new needs no database: no server was started.
assert !lines.any { it.startsWith('[INFO] Database:') }
assert !new File(basedir, '.rsx').exists() : 'rsx:new started the embedded MariaDB'
return true
