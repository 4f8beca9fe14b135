// Starts a MariaDB server of its own (the plugin's embedded one, from the test class path: addTestClassPath=true)
// with a user 'app' whose password is 'right', then points the build at it with the wrong password through
// .mvn/maven.config. verify.groovy stops the server.
import dev.rsx.db.ConnectionSettings
import dev.rsx.db.DatabaseConnector
import dev.rsx.db.JdbcUrl
import dev.rsx.engine.EngineLog
import dev.rsx.server.EmbeddedMariaDb

// The binaries the other ITs use (rsx.embedded.binariesDir in the invoker configuration of the plugin's pom):
// basedir is target/it/wrong-password, so they are in target/mariadb-binaries. Already unpacked after the first IT;
// unpacked here otherwise (the plugin's cache lock makes that safe against ITs running in parallel).
File binaries = new File(basedir, '../../mariadb-binaries').canonicalFile
// A new data directory each run: the invoker empties target/it before copying the projects (cloneClean).
File dataDir = new File(basedir, 'target/mariadb')

EmbeddedMariaDb server = EmbeddedMariaDb.start(binaries.toPath(), dataDir.toPath(), EngineLog.silent())
System.getProperties().put('rsx.it.wrongPassword.server', server)
try {
    def root = new ConnectionSettings(JdbcUrl.parse(server.jdbcUrl('app')), 'root', '')
    DatabaseConnector.openServer(root).withCloseable { connection ->
        connection.createStatement().withCloseable { statement ->
            statement.execute('CREATE DATABASE IF NOT EXISTS app CHARACTER SET utf8mb4')
            for (host in ['%', '127.0.0.1', 'localhost']) {
                statement.execute("CREATE USER IF NOT EXISTS 'app'@'${host}' IDENTIFIED BY 'right'")
                statement.execute("GRANT ALL PRIVILEGES ON app.* TO 'app'@'${host}'")
            }
        }
    }
    // Sanity check: the right password works, so the failure the build must show comes from the wrong one.
    DatabaseConnector.open(new ConnectionSettings(JdbcUrl.parse(server.jdbcUrl('app')), 'app', 'right')).close()

    // Maven 3.9 reads one argument per line from .mvn/maven.config of the project (the invoker runs the IT build
    // in basedir, where it has already created .mvn/).
    File config = new File(basedir, '.mvn/maven.config')
    config.parentFile.mkdirs()
    config.setText("-Drsx.url=${server.jdbcUrl('app')}\n-Drsx.username=app\n-Drsx.password=wrong\n", 'UTF-8')
} catch (Throwable e) {
    System.getProperties().remove('rsx.it.wrongPassword.server')
    server.close()
    throw e
}
return true
