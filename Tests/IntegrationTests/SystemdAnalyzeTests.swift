import Foundation
import Testing
import TestSupport

/// The example unit (scripts/cron/annual-review-nightly.service) as `systemd-analyze security`
/// judges it.
@Suite struct SystemdAnalyzeTests {
    static let analyze = DebianTool(command: "systemd-analyze", package: "systemd")
    let unit = PackagePaths.path("scripts/cron/annual-review-nightly.service")

    @Test(.enabled(if: analyze.path != nil, Comment(rawValue: analyze.reason)))
    func exposureIsAtMost2() throws {
        // --threshold is the exposure times ten: above 2.0 ("OK") fails.
        let result = try ProcessRunner.run(try #require(Self.analyze.path),
                                           ["security", "--offline=yes", "--threshold=20", "--no-pager", unit])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let match = try #require(result.stdout.firstMatch(of: /Overall exposure level for [^:]+: (\d+\.\d)/), "\(result.stdout)")
        let exposure = try #require(Double(match.1))
        #expect(exposure <= 2.0, "\(result.stdout)")
        #expect(!result.stderr.contains("Unknown key"), "\(result.stderr)")
    }
}
