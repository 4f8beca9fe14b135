import java.util.regex.Pattern

List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')
File migrations = new File(basedir, 'src/main/resources/db/migrations')

// Exactly one new file besides rsx.sum, named <UTC timestamp>_create_products_table.sql (the directory already uses
// timestamps).
List<String> created = migrations.list().findAll { it != '20251121090000_create_users_table.sql' && it != 'rsx.sum' }.sort()
assert created.size() == 1 : "expected one new migration, found ${created}"
String name = created[0]
assert name ==~ /\d{14}_create_products_table\.sql/ : "unexpected file name ${name}"
assert new BigInteger(name.substring(0, 14)) > new BigInteger('20251121090000') : "${name} does not sort after the existing migration"

// The create-table template: the table, with the primary key every table needs.
String sql = new File(migrations, name).getText('UTF-8')
assert sql.contains('id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY') : sql
assert sql.contains('CREATE TABLE products (') : sql
assert sql.startsWith('-- create products table\n') : sql

// The log names the file relative to the project, what it recorded in rsx.sum, and says what to do next, in this order.
int goal = lines.findIndexOf { it.startsWith('[INFO] --- rsx:') }
assert goal >= 0 : 'rsx:new did not run'
assert lines.drop(goal + 1).takeWhile { !it.startsWith('[INFO] ---') } == [
        '[INFO] Created src/main/resources/db/migrations/' + name,
        // The directory had a migration but no rsx.sum: the first rsx:new starts it with the existing migration.
        '[INFO] Started recording migrations in rsx.sum: recorded the existing ones as they are now (1 migration);'
                + ' commit rsx.sum with the migrations.',
        '[INFO] Recorded ' + name + ' in rsx.sum',
        '[INFO] Write its SQL, then run mvn rsx:hash to record it and mvn rsx:migrate.']

// rsx.sum: the total, then the existing migration and the new one, in version order.
List<String> sum = new File(migrations, 'rsx.sum').readLines('UTF-8')
assert sum.size() == 3 : sum
assert sum[0] ==~ /h1:\S{44}/ : sum
assert sum[1] ==~ /20251121090000_create_users_table\.sql h1:\S{44}/ : sum
assert sum[2] ==~ /${Pattern.quote(name)} h1:\S{44}/ : sum
assert lines.contains('[INFO] BUILD SUCCESS')

// rsx:new needs no database: no server was started.
assert !lines.any { it.startsWith('[INFO] Database:') }
assert !new File(basedir, '.rsx').exists() : 'rsx:new started the embedded MariaDB'
return true
