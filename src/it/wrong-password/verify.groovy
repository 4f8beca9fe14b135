// Stop the server prebuild.groovy started first, whatever the assertions below say.
def server = System.getProperties().remove('rsx.it.wrongPassword.server')
try {
    assert server != null : 'prebuild.groovy did not leave a server to stop'
    File config = new File(basedir, '.mvn/maven.config')
    assert config.isFile()
    String url = config.readLines('UTF-8').find { it.startsWith('-Drsx.url=') }.substring('-Drsx.url='.length())
    String hostAndPort = (url =~ /\/\/([^\/]+)\//)[0][1]

    String log = new File(basedir, 'build.log').getText('UTF-8')
    List<String> lines = log.readLines()

    // The build ran against the external server, not the embedded one.
    assert lines.contains('[INFO] Database: ' + url) : "missing line: [INFO] Database: ${url}"
    assert !lines.any { it.startsWith('[INFO] Database: embedded') }

    // An environment problem (MojoExecutionException) that names the user and the server, not the password. Maven
    // appends the messages of the exception's causes, here the driver's own "Access denied ... (using password: YES)".
    String expected = '[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:migrate (default-cli) on' +
            " project wrong-password: Access denied for user 'app' on ${hostAndPort}: the user name or password is" +
            ' wrong. Check rsx.username / rsx.password (or the <server> named by rsx.serverId in settings.xml, or' +
            ' RSX_DB_USER / RSX_DB_PASSWORD).'
    assert lines.any { it.startsWith(expected) } : "no line starts with: ${expected}"
    assert lines.any { it.startsWith('[ERROR] [Help 1] ') && it.endsWith('/MojoExecutionException') } :
            'not reported as a MojoExecutionException (an environment problem)'
    assert lines.contains('[INFO] BUILD FAILURE')

    // The password is never printed.
    assert !log.contains('password=wrong') : 'build.log contains password=wrong'
    // Nor the bare value: "wrong" as a word of its own appears only in the access-denied sentence (the project's
    // name, wrong-password, is not the value).
    List<String> leaks = lines.findAll {
        it.replace('the user name or password is wrong.', '') =~ /(?<![\w-])wrong(?![\w-])/
    }
    assert leaks.isEmpty() : "build.log shows the password: ${leaks}"
} finally {
    server?.close()
}
return true
