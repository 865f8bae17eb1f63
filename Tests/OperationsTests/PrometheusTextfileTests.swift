import Foundation
import Operations
import PipelineModel
import Testing
import TestSupport

/// One sample of a textfile: `name{label="value",...} value`.
struct Sample: Equatable {
    let name: String
    let labels: [String: String]
    let value: Double
}

/// A small parser of the Prometheus text format (the subset a textfile needs): `# HELP` and
/// `# TYPE` comments, then samples. Fails the test on any line it cannot read, on a sample
/// whose metric has no HELP and TYPE before it, and on a TYPE given twice.
func parseTextfile(_ text: String) throws -> [Sample] {
    #expect(text.hasSuffix("\n"), "the format needs a final newline")
    var helped = Set<String>(), typed = Set<String>()
    var samples: [Sample] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        if line.hasPrefix("# HELP ") {
            let parts = line.split(separator: " ", maxSplits: 3)
            try #require(parts.count == 4, "HELP without text: \(line)")
            helped.insert(String(parts[2]))
            continue
        }
        if line.hasPrefix("# TYPE ") {
            let parts = line.split(separator: " ")
            try #require(parts.count == 4 && ["gauge", "counter", "untyped"].contains(parts[3]), "bad TYPE: \(line)")
            #expect(typed.insert(String(parts[2])).inserted, "TYPE twice: \(line)")
            continue
        }
        try #require(!line.hasPrefix("#") && !line.isEmpty, "unexpected line: '\(line)'")
        var rest = Substring(line)
        let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" })
        try #require(!name.isEmpty && !(name.first?.isNumber ?? true), "bad metric name: \(line)")
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let labelName = String(rest.prefix { $0 != "=" })
                rest = rest.dropFirst(labelName.count)
                try #require(rest.hasPrefix("=\""), "bad label in \(line)")
                rest = rest.dropFirst(2)
                var value = ""
                while let c = rest.first, c != "\"" {
                    rest = rest.dropFirst()
                    if c == "\\", let next = rest.first {
                        rest = rest.dropFirst()
                        value.append(next == "n" ? "\n" : next)
                    } else {
                        value.append(c)
                    }
                }
                try #require(rest.first == "\"", "unterminated label value in \(line)")
                rest = rest.dropFirst()
                labels[labelName] = value
                if rest.first == "," { rest = rest.dropFirst() }
                try #require(!rest.isEmpty, "unterminated labels in \(line)")
            }
            rest = rest.dropFirst()
        }
        try #require(rest.first == " ", "no space before the value: \(line)")
        let value = try #require(Double(rest.dropFirst()), "bad value: \(line)")
        #expect(helped.contains(name) && typed.contains(name), "\(name) has no HELP/TYPE before it")
        samples.append(Sample(name: name, labels: labels, value: value))
    }
    return samples
}

extension [Sample] {
    /// The value of `name` with `labels`, if present once.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let found = filter { $0.name == name && $0.labels == labels }
        return found.count == 1 ? found[0].value : nil
    }
}

@Suite struct PrometheusTextfileTests {
    static let finished = Date(timeIntervalSince1970: 1_711_938_605.25)

    private func counts() -> RunCounts {
        var counts = RunCounts()
        counts.rowsRead = 3000
        counts.rowsAccepted = 2946
        counts.rejectedByReason = [.badDate: 7, .unknownAuthority: 47]
        counts.duplicatesSuperseded = 56
        return counts
    }

    @Test func successWritesEveryMetricWithItsValue() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("annual_review.prom").path
        var metrics = RunMetrics(durationSeconds: 12.5, counts: counts(), exitCode: 0, finished: Self.finished)
        metrics.build = BuildInfo(version: "0.1.0", commit: "0123456789abcdef0123456789abcdef01234567")
        try PrometheusTextfile.write(metrics, to: path)

        let samples = try parseTextfile(try String(contentsOfFile: path, encoding: .utf8))
        // duration, 2 row states, superseded, a rejected count per reason, exit code, build, 2 times
        #expect(samples.count == 8 + RejectReason.allCases.count)
        #expect(samples.value("annual_review_run_duration_seconds") == 12.5)
        #expect(samples.value("annual_review_rows", ["state": "accepted"]) == 2946)
        #expect(samples.value("annual_review_rows", ["state": "rejected"]) == 54)
        // accepted + rejected is every row read: no `read` state to count twice in a sum.
        #expect(!samples.contains { $0.name == "annual_review_rows" && $0.labels["state"] == "read" })
        #expect(samples.value("annual_review_superseded_rows") == 56)
        #expect(samples.value("annual_review_rejected_rows", ["reason": "bad_date"]) == 7)
        #expect(samples.value("annual_review_rejected_rows", ["reason": "unknown_authority"]) == 47)
        #expect(samples.value("annual_review_rejected_rows", ["reason": "field_count"]) == 0)
        #expect(samples.value("annual_review_build_info",
                              ["version": "0.1.0", "commit": "0123456789abcdef0123456789abcdef01234567"]) == 1)
        #expect(samples.value("annual_review_exit_code") == 0)
        #expect(samples.value("annual_review_last_run_timestamp_seconds") == 1_711_938_605.25)
        #expect(samples.value("annual_review_last_success_timestamp_seconds") == 1_711_938_605.25)
    }

    @Test func aLinkPlantedAtTheTemporaryNameIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("annual_review.prom").path
        let victim = try folder.write("precious\n", to: "victim.txt")
        let planted = folder.url.appendingPathComponent(".annual_review.prom.tmp-\(getpid())").path
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
        try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, counts: counts(), exitCode: 0, finished: Self.finished),
                                     to: path)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try parseTextfile(try String(contentsOfFile: path, encoding: .utf8)).count == 7 + RejectReason.allCases.count)
        #expect(!FileManager.default.fileExists(atPath: planted))
    }

    /// Issue 16: a metrics file named at a special file (a FIFO here; `/dev/null` or
    /// `/dev/zero` in the field) is neither read forever nor replaced by the rename.
    @Test func aSpecialFileAtTheMetricsPathIsNeitherReadNorReplaced() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("annual_review.prom").path
        #expect(mkfifo(path, 0o644) == 0)
        // A FIFO with no writer would block an open(2) for reading: lastSuccess must not open it.
        #expect(PrometheusTextfile.lastSuccess(inFileAt: path) == nil)
        let error = try #require(throws: MetricsFileError.self) {
            try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, counts: counts(), exitCode: 65, finished: Self.finished),
                                         to: path)
        }
        #expect(error.reason.contains("not a plain file"))
        var st = stat()
        #expect(lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func failureKeepsThePreviousLastSuccess() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("annual_review.prom").path
        try PrometheusTextfile.write(RunMetrics(durationSeconds: 30, counts: counts(), exitCode: 0, finished: Self.finished),
                                     to: path)
        let failed = RunMetrics(durationSeconds: 4.75, rowsRead: 1200, rowsRejected: 300, exitCode: 65,
                                finished: Self.finished.addingTimeInterval(86400))
        try PrometheusTextfile.write(failed, to: path)

        let samples = try parseTextfile(try String(contentsOfFile: path, encoding: .utf8))
        #expect(samples.value("annual_review_exit_code") == 65)
        #expect(samples.value("annual_review_run_duration_seconds") == 4.75)
        #expect(samples.value("annual_review_rows", ["state": "rejected"]) == 300)
        #expect(samples.value("annual_review_rows", ["state": "accepted"]) == 0)
        #expect(samples.value("annual_review_last_run_timestamp_seconds") == 1_711_938_605.25 + 86400)
        #expect(samples.value("annual_review_last_success_timestamp_seconds") == 1_711_938_605.25)

        // A second failure still carries it; the next success moves it.
        try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, exitCode: 75, finished: Self.finished.addingTimeInterval(2 * 86400)),
                                     to: path)
        #expect(PrometheusTextfile.lastSuccess(inFileAt: path) == 1_711_938_605.25)
        try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, exitCode: 0, finished: Self.finished.addingTimeInterval(3 * 86400)),
                                     to: path)
        #expect(PrometheusTextfile.lastSuccess(inFileAt: path) == 1_711_938_605.25 + 3 * 86400)
    }

    @Test func failureWithoutAPreviousSuccessHasNoLastSuccess() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("annual_review.prom").path
        try PrometheusTextfile.write(RunMetrics(durationSeconds: 0.2, exitCode: 78, finished: Self.finished), to: path)
        let samples = try parseTextfile(try String(contentsOfFile: path, encoding: .utf8))
        #expect(samples.value("annual_review_exit_code") == 78)
        #expect(!samples.contains { $0.name == "annual_review_last_success_timestamp_seconds" })
        #expect(PrometheusTextfile.lastSuccess(inFileAt: path) == nil)
    }

    @Test func labelsGoOnEverySeriesEscaped() throws {
        let text = PrometheusTextfile.render(RunMetrics(durationSeconds: 1, exitCode: 0, finished: Self.finished),
                                             lastSuccess: 5, labels: ["pipeline": "night\"ly\\\n"])
        let samples = try parseTextfile(text)
        #expect(samples.count == 7 + RejectReason.allCases.count)
        #expect(samples.allSatisfy { $0.labels["pipeline"] == "night\"ly\\\n" })
        #expect(samples.value("annual_review_rows", ["pipeline": "night\"ly\\\n", "state": "accepted"]) == 0)
        #expect(text.contains("annual_review_exit_code{pipeline=\"night\\\"ly\\\\\\n\"} 0\n"))
    }

    @Test func lastSuccessIsReadBackWithLabels() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("nightly.prom").path
        try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, exitCode: 0, finished: Self.finished), to: path,
                                     labels: ["pipeline": "nightly"])
        try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, exitCode: 74, finished: Self.finished + 60), to: path,
                                     labels: ["pipeline": "nightly"])
        let samples = try parseTextfile(try String(contentsOfFile: path, encoding: .utf8))
        #expect(samples.value("annual_review_last_success_timestamp_seconds", ["pipeline": "nightly"]) == 1_711_938_605.25)
    }

    @Test func writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("annual_review.prom").path
        try "stale\n".write(toFile: path, atomically: false, encoding: .utf8)
        for code: Int32 in [0, 65, 0] {
            try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, exitCode: code, finished: Self.finished), to: path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["annual_review.prom"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        // Readable by node_exporter, which runs as another user.
        #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o044 == 0o044)
        #expect(try parseTextfile(try String(contentsOfFile: path, encoding: .utf8)).value("annual_review_exit_code") == 0)
    }

    @Test func unwritableFolderIsAnErrorAndTheOldFileStays() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.url.appendingPathComponent("no-such-folder/annual_review.prom").path
        #expect(throws: MetricsFileError.self) {
            try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, exitCode: 0), to: missing)
        }
        do {
            try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, exitCode: 0), to: missing)
        } catch {
            #expect(error.path == missing)
            #expect(error.description.contains("cannot create"))
        }
        // A folder in the way of the rename: the write fails and the temporary file is removed.
        let blocked = folder.url.appendingPathComponent("blocked.prom").path
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        #expect(throws: MetricsFileError.self) {
            try PrometheusTextfile.write(RunMetrics(durationSeconds: 1, exitCode: 0), to: blocked)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["blocked.prom"])
    }

    @Test(arguments: [(12.0, "12"), (0.25, "0.25"), (1_711_938_605.25, "1711938605.25"), (0, "0")])
    func valuesAreWrittenPlainly(value: Double, expected: String) throws {
        let text = PrometheusTextfile.render(RunMetrics(durationSeconds: value, exitCode: 0), lastSuccess: nil)
        #expect(text.contains("\nannual_review_run_duration_seconds \(expected)\n"))
    }
}
