import Foundation
import Testing

/// Golden files under `Tests/RenderingTests/Golden/`: the exact bytes a writer must produce.
///
/// Set `UPDATE_GOLDEN=1` to rewrite them from the current output, then read the diff before
/// committing: the golden files are the reviewed wording.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Expects `actual` to equal the golden file `name`, or rewrites it under `UPDATE_GOLDEN=1`.
    static func expect(_ actual: [UInt8], matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(actual).write(to: url)
            return
        }
        let expected = try [UInt8](Data(contentsOf: url))
        if actual != expected {
            let lines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let golden = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(lines, golden).enumerated().first { $0.element.0 != $0.element.1 }
            let detail = first.map { "line \($0.offset + 1):\n  got:      \($0.element.0)\n  expected: \($0.element.1)" }
                ?? "lengths differ (\(lines.count) lines, golden \(golden.count))"
            Issue.record("\(name) differs from the golden file: \(detail)", sourceLocation: sourceLocation)
        }
    }
}
