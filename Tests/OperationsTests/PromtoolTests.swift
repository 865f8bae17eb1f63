import Foundation
import Operations
import PipelineModel
import Testing
import TestSupport

/// The textfile passes Prometheus's own linter, `promtool check metrics`.
@Suite struct PromtoolTests {
    static let promtool = DebianTool(command: "promtool", package: "prometheus")

    @Test(.enabled(if: promtool.path != nil, Comment(rawValue: promtool.reason)))
    func theTextfilePassesPromtool() throws {
        var counts = RunCounts()
        counts.rowsRead = 3000
        counts.rowsAccepted = 2946
        counts.rejectedByReason = [.badDate: 7, .unknownAuthority: 47]
        counts.duplicatesSuperseded = 56
        var metrics = RunMetrics(durationSeconds: 12.5, counts: counts, exitCode: 0)
        metrics.build = BuildInfo(version: "0.1.0", commit: BuildInfo.unknownCommit)
        let text = PrometheusTextfile.render(metrics, lastSuccess: 1_711_938_605.25, labels: ["pipeline": "nightly"])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.promtool.path))
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try input.fileHandleForWriting.close()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)\n\(text)")
        #expect(report.isEmpty, "promtool's lint findings: \(report)")
    }
}
