// -DskipITs: failsafe skips the tests, rsx:start and rsx:stop skip as failsafe does, and rsx:migrate and rsx:fixtures
// skip because the database they were bound to use was never started (not falling back to the development database).
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

assert lines.contains('[INFO] Skipping rsx:start (skipITs is true).')
assert lines.contains('[INFO] Skipping rsx:migrate (rsx:start was skipped in this build, so there is no test database).')
assert lines.contains('[INFO] Skipping rsx:fixtures (skipITs is true).')
assert lines.contains('[INFO] Skipping rsx:stop (skipITs is true).')
assert lines.contains('[INFO] Tests are skipped.')
assert lines.contains('[INFO] BUILD SUCCESS')
assert !new File(basedir, '.rsx').exists() : 'a goal started the development database'
assert !new File(basedir, 'target/rsx').exists() : 'a goal wrote target/rsx'
