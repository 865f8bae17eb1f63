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

        let result = try ProcessRunner.run(try #require(Self.promtool.path), ["check", "metrics"],
                                           input: .bytes(Array(text.utf8)), standardError: .intoStandardOutput)
        let report = result.stdout
        #expect(result.status == 0, "\(report)\n\(text)")
        #expect(report.isEmpty, "promtool's lint findings: \(report)")
    }
}
