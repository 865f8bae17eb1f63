import Foundation
import Testing
import TestSupport

/// The example unit (scripts/cron/annual-review-nightly.service) as systemd judges it (its
/// security exposure, by systemd-analyze: IntegrationTests' SystemdAnalyzeTests).
@Suite struct SystemdUnitTests {
    let unit = PackagePaths.path("scripts/cron/annual-review-nightly.service")

    /// Retried: 74 and 75 only. Every other code the program documents (in its --help) is in
    /// RestartPreventExitStatus=.
    @Test func restartsOnlyOn74And75() throws {
        let help = try ProcessRunner.run(PackagePaths.executable, ["--help"])
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ")
        let codes = Set(text.matches(of: #/(?:Exit codes: |; )(\d+) /#).compactMap { Int32($0.1) })
        try #require(codes.isSuperset(of: [0, 64, 65, 74, 75, 78]), "\(codes)")
        let lines = try String(contentsOfFile: unit, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains("Restart=on-failure"))
        let prevent = try #require(lines.first { $0.hasPrefix("RestartPreventExitStatus=") })
        let prevented = Set(prevent.dropFirst("RestartPreventExitStatus=".count).split(separator: " ").compactMap { Int32($0) })
        #expect(prevented.isDisjoint(with: [74, 75]))
        #expect(prevented.isSuperset(of: codes.subtracting([0, 74, 75])), "missing: \(codes.subtracting([0, 74, 75]).subtracting(prevented))")
    }
}
