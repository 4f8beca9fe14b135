// Shared by the verify scripts of ITs that start an embedded server: evaluates to a closure that asserts nothing is
// left on a data directory: no server process naming it, no directory, no lock file, no temporary directory.
// Use: evaluate(new File(basedir, '../../../src/it/lib/assert-no-server-left.groovy'))(new File(basedir, 'target/rsx/check-db'))
return { File dataDir ->
    ['', '.lock', '.tmp'].each { suffix ->
        File leftoverFile = new File(dataDir.path + suffix)
        assert !leftoverFile.exists() : "${leftoverFile} is still there"
    }
    List<String> servers = ProcessHandle.allProcesses()
            .map { it.info().commandLine().orElse('') }
            .filter { it.contains("--datadir=${dataDir.absolutePath}") }
            .collect(java.util.stream.Collectors.toList())
    assert servers.isEmpty() : "a server still runs on ${dataDir}: ${servers}"
}
