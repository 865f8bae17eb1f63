import Foundation
import Testing
import TestSupport

/// Runs `scripts/check-report`, which checks outputs with real tools (the Nu HTML checker,
/// headless Chromium, frictionless, jsonschema) and installs them when missing.
enum ExternalCheck {
    static let script = PackagePaths.root.appendingPathComponent("scripts/check-report").path

    /// Where tests keep what a person may want to look at (screenshots): `ANNUAL_REVIEW_ARTEFACTS`,
    /// else `annual-review-test-artefacts` in the system's temporary folder.
    static var artefactsFolder: URL {
        if let path = ProcessInfo.processInfo.environment["ANNUAL_REVIEW_ARTEFACTS"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("annual-review-test-artefacts")
    }

    struct Result {
        let status: Int32
        let output: String
    }

    /// Runs `scripts/check-report arguments...` and returns its status and output (stderr included).
    static func run(_ arguments: [String]) throws -> Result {
        let result = try ProcessRunner.run("/bin/bash", [script] + arguments, standardError: .intoStandardOutput)
        return Result(status: result.status, output: result.stdout)
    }

    /// Runs a check that must pass: a failure is an issue with the tool's output; a tool that is
    /// missing and cannot be installed (status 3) cancels the test with the reason.
    static func expectPass(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(arguments)
        switch result.status {
        case 0:
            return
        case 3:
            let reason = result.output.split(separator: "\n").last.map(String.init) ?? "a tool is missing"
            try Test.cancel("skipped: \(reason)", sourceLocation: sourceLocation)
        default:
            Issue.record("scripts/check-report \(arguments.joined(separator: " ")) failed (\(result.status)):\n\(result.output)",
                         sourceLocation: sourceLocation)
        }
    }

    /// Runs a check that must fail (status 1), to show that the check catches what it should.
    static func expectFailure(_ arguments: [String], mentioning text: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run(arguments)
        if result.status == 3 {
            try Test.cancel("skipped: \(result.output.split(separator: "\n").last ?? "a tool is missing")",
                            sourceLocation: sourceLocation)
        }
        #expect(result.status == 1, "expected the check to fail:\n\(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.contains(text), "expected \(text) in:\n\(result.output)", sourceLocation: sourceLocation)
    }
}
