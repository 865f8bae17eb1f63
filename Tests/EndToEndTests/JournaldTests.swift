import Foundation
import Testing
import TestSupport

/// Under systemd, JSON log lines start with their sd-daemon priority, which journald strips:
/// only when standard error is the stream `$JOURNAL_STREAM` names.
@Suite struct JournaldTests {
    let definition = PackagePaths.path("pipelines/sample.yaml")

    /// Runs the sample with standard error to a file; `journal` sets `$JOURNAL_STREAM` to
    /// that file's device and inode, as systemd does for its socket.
    func run(journal: Bool, extra: [String] = []) throws -> (status: Int32, lines: [Substring]) {
        let folder = try TemporaryFolder("journal").path
        let errors = folder + "/stderr"
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        var st = stat()
        try #require(stat(errors, &st) == 0)
        let result = try ProcessRunner.run(PackagePaths.executable, ["run", definition, "--out", folder + "/out"] + extra,
                                           environment: ["JOURNAL_STREAM": journal ? "\(st.st_dev):\(st.st_ino)" : nil],
                                           standardError: .file(errors))
        return (result.status, result.stderr.split(separator: "\n"))
    }

    /// The line without its prefix, as a JSON object.
    func object(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
    }

    @Test func withTheJournalStreamEveryLineHasItsPriority() throws {
        let (status, lines) = try run(journal: true, extra: ["--min-rows", "5000"])
        #expect(status == 65)
        #expect(lines.count >= 3)
        let priorities = ["error": "<3>", "warning": "<4>", "notice": "<5>", "info": "<6>"]
        for line in lines {
            let prefix = line.prefix(3)
            let fields = try object(line.dropFirst(3))
            let level = try #require(fields["level"] as? String)
            #expect(String(prefix) == priorities[level], "\(line)")
        }
        #expect(lines.contains { $0.hasPrefix("<3>{") && $0.contains("fewer than the minimum") })
        #expect(lines.contains { $0.hasPrefix("<6>{") })
    }

    @Test func withoutItLinesArePureJSONWithNumbers() throws {
        let (status, lines) = try run(journal: false)
        #expect(status == 0)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"time\"") })
        let read = try #require(lines.first { $0.contains("\"message\":\"file read\"") })
        let fields = try object(read)
        #expect(fields["bytes"] is NSNumber, "\(read)")
        #expect((fields["records"] as? NSNumber)?.intValue == 3000, "\(read)")
        #expect(read.contains("\"records\":3000"))
    }

    @Test func aJournalStreamThatIsNotStandardErrorIsIgnored() throws {
        let folder = try TemporaryFolder("journal-other").path
        let result = try ProcessRunner.run(PackagePaths.executable, ["run", definition, "--out", folder + "/out"],
                                           environment: ["JOURNAL_STREAM": "1:1"])
        #expect(result.status == 0)
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("{") })
    }
}
