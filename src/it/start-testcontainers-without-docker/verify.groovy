List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

// An environment problem (MojoExecutionException) with the way out, raised by the plugin's own Docker check:
// Testcontainers' classes, carried inside the plugin's jar, loaded and answered.
String expected = '[ERROR] Failed to execute goal dev.rsx:rsx-maven-plugin:0.1.0-SNAPSHOT:start (default-cli) on project' +
        ' start-testcontainers-without-docker: rsx.provider=testcontainers needs a running Docker engine, and none answers'
assert lines.any { it.startsWith(expected) } : "no line starts with: ${expected}"
assert lines.any { it.startsWith('[ERROR] [Help 1] ') && it.endsWith('/MojoExecutionException') }
assert !lines.any { it.contains('NoClassDefFoundError') || it.contains('ClassNotFoundException') }

// Nothing was started or written for later goals.
assert !new File(basedir, 'target/rsx/database.properties').exists()
return true
