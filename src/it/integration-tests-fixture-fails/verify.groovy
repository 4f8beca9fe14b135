// A fixture the server refuses: the build fails at rsx:fixtures, before the tests and before rsx:stop. The error says
// which file and line, that nothing was loaded, and what to do; the server started by rsx:start is stopped and its
// files deleted when Maven exits, although rsx:stop never ran.
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

assert lines.any { it.startsWith('[INFO] --- rsx:0.1.0-SNAPSHOT:fixtures (test-database)') }
assert !lines.any { it.startsWith('[INFO] --- rsx:0.1.0-SNAPSHOT:stop') } : 'rsx:stop ran; this test is about a build that fails before it'
assert !lines.any { it.startsWith('[INFO] --- failsafe:') } : 'the tests ran on a database without its fixtures'

String error = lines.find { it.startsWith('[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:fixtures') }
assert error != null : 'rsx:fixtures did not fail the build'
assert error.endsWith('on project shop-fixture-fails: Fixture 002_orders.sql:4 failed: Cannot add or update a child row:'
        + ' a foreign key constraint fails (`shop_fixture_fails`.`orders`, CONSTRAINT `orders_customer_fk` FOREIGN KEY'
        + ' (`customer_id`) REFERENCES `customers` (`id`))') : error
assert lines.contains('[ERROR]      4 | INSERT INTO orders (id, customer_id, total) VALUES (3, 99, 42.00)')
assert lines.contains('[ERROR] Nothing was loaded: fixtures run in one transaction, which was rolled back. Fix the'
        + ' statement (or the order of the fixture files) and run again.')
assert !lines.any { it.contains('Cleanup at exit failed') } : 'the cleanup at exit failed'

// Stopped at exit: no server on the test data directory, no files left.
evaluate(new File(basedir, '../../../src/it/lib/assert-no-server-left.groovy'))(new File(basedir, 'target/rsx/test-db'))
