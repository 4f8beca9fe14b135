// mvn verify of a sample application: rsx:start, rsx:migrate and rsx:fixtures in pre-integration-test (in that order,
// from one execution without a phase), the failsafe tests on that database, rsx:stop in post-integration-test.
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

def indexOfGoal = { String goal ->
    lines.findIndexOf { it.startsWith("[INFO] --- rsx:0.1.0-SNAPSHOT:${goal} (test-database) @ shop ---") }
}
def hasMatch = { String regex ->
    assert lines.any { it ==~ regex } : "no line matches: ${regex}"
}

int start = indexOfGoal('start')
int migrate = indexOfGoal('migrate')
int fixtures = indexOfGoal('fixtures')
int tests = lines.findIndexOf { it.startsWith('[INFO] --- failsafe:') && it.contains(':integration-test ') }
int stop = indexOfGoal('stop')
int verdict = lines.findIndexOf { it.startsWith('[INFO] --- failsafe:') && it.contains(':verify ') }
assert [start, migrate, fixtures, tests, stop, verdict].every { it >= 0 } : [start, migrate, fixtures, tests, stop, verdict]
assert start < migrate && migrate < fixtures && fixtures < tests && tests < stop && stop < verdict : 'goals ran out of order'

// rsx:start: the embedded provider on a random port, announced to the tests.
hasMatch(/\[INFO\] Test database \(embedded\): embedded MariaDB \S+ \(fresh data directory\), started in \d+\.\d s\./)
hasMatch(/\[INFO\] rsx\.jdbc\.url = jdbc:mysql:\/\/127\.0\.0\.1:\d+\/shop \(also in target\/rsx\/database\.properties\)/)
// rsx:migrate and rsx:fixtures used that database with no configuration.
String url = (lines.find { it.startsWith('[INFO] rsx.jdbc.url = ') } =~ /jdbc:mysql:\S+/)[0]
assert lines.count { it == "[INFO] Database: ${url}".toString() } == 2 : "migrate and fixtures did not both run on ${url}"
hasMatch(/\[INFO\] \[2\/4\] Running migrations\.\.\. +\[OK\] 2 migrations applied/)
hasMatch(/\[INFO\] \[1\/3\] Checking fixtures\.\.\. +\[OK\] 2 files, 4 statements/)
hasMatch(/\[INFO\] \[2\/3\] Loading fixtures\.\.\. +\[OK\] 4 statements in one transaction \(\d+ ms\)/)
hasMatch(/\[INFO\] \[3\/3\] Taking snapshot 'fixtures'\.\.\. +\[OK\] tests reset the data with CALL rsx_restore_fixtures\(\) \(\d+ ms\)/)

// The application's tests read the migrated tables and the fixture rows, and reset between tests.
assert lines.contains('[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') : 'the integration tests did not all pass'
hasMatch(/\[INFO\] Test database stopped: embedded MariaDB \S+ \(fresh data directory\) \(\d+\.\d s\)\./)
assert lines.contains('[INFO] BUILD SUCCESS')

// The properties file the tests could read instead of system properties, readable by its owner only.
Properties written = new Properties()
new File(basedir, 'target/rsx/database.properties').withInputStream { written.load(it) }
assert written.getProperty('rsx.jdbc.url') == url
assert written.getProperty('rsx.jdbc.username') == 'root'

// Nothing is left: no server process on the test data directory, no data directory.
evaluate(new File(basedir, '../../../src/it/lib/assert-no-server-left.groovy'))(new File(basedir, 'target/rsx/test-db'))
// The development database was never started.
assert !new File(basedir, '.rsx').exists() : 'a goal used the development database instead of the test database'
