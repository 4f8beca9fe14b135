// Shared by the verify scripts that read one build.log: evaluates to a map of the log's lines and the assertions on
// them. Use:
//   def log = evaluate(new File(basedir, '../../../src/it/lib/build-log.groovy'))
//   List<String> lines = log.lines; def hasLine = log.hasLine; def hasFinding = log.hasFinding (and log.hasMatch)
List<String> lines = new File(basedir, 'build.log').readLines('UTF-8')

return [
        lines     : lines,
        hasLine   : { String expected ->
            assert lines.contains(expected) : "missing line: ${expected}"
        },
        hasMatch  : { String regex ->
            assert lines.any { it ==~ regex } : "no line matches: ${regex}"
        },
        // A finding: its first line, then the lines that follow it, exactly.
        hasFinding: { List<String> expected ->
            int at = lines.indexOf(expected[0])
            assert at >= 0 : "missing finding: ${expected[0]}"
            assert lines.subList(at, Math.min(lines.size(), at + expected.size())) == expected
        },
]
