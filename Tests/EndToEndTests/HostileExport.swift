import Foundation
import PipelineModel
import TestSupport

/// Small decisions exports written inline for the hostile-input tests, and readers for what
/// the run leaves behind.
enum HostileExport {
    /// Every column of export-format.md, in the spec's order.
    static let header = "reference,authority_name,authority_code,category,subcategory,received_date,decision_date,"
        + "decision,remedy,satisfactory_remedy_by_authority,compliance_outcome,compliance_date,public_report,"
        + "last_updated,summary"

    /// A valid open case of Leicester City Council (sample-data/register.csv) unless told otherwise;
    /// `summary` is written as given (quote it yourself).
    static func row(_ reference: String, name: String = "Leicester City Council", code: String = "",
                    category: String = "Housing", received: String = "03/04/2019", decisionDate: String = "",
                    decision: String = "", lastUpdated: String = "2019-06-01T09:00:00", summary: String = "") -> String {
        "\(reference),\(name),\(code),\(category),,\(received),\(decisionDate),\(decision),,,,,,\(lastUpdated),\(summary)"
    }

    /// Three valid rows: two Leicester City Council cases and a decided Kent case, all in 2019-20.
    static let goodRows = [
        row("19 012 345", category: "Education and children's services", decisionDate: "2019-11-20",
            decision: "Upheld: fault and injustice", lastUpdated: "2020-02-01T10:22:31",
            summary: "\"Mrs X complained, \"\"in short\"\", that...\""),
        row("19 012 346", name: "Kent County Council", received: "2019-05-04", decisionDate: "2019-09-30",
            decision: "Not upheld: no fault", lastUpdated: "2019-09-30T12:00:00Z"),
        row("19 012 347", category: "Highways and transport", received: "1/6/2019"),
    ]

    /// `lines` joined by `eol`, with a final `eol` unless `final` is false, as UTF-8.
    static func csv(_ lines: [String], eol: String = "\n", final: Bool = true) -> [UInt8] {
        Array((lines.joined(separator: eol) + (final ? eol : "")).utf8)
    }

    /// The header and the good rows.
    static var good: [UInt8] { csv([header] + goodRows) }

    /// One gzip member holding `bytes`, from /bin/gzip (`-n`: no name or time, same bytes each run).
    static func gzip(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
        let folder = try TemporaryFolder("hostile-gzip").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/data"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try ProcessRunner.run("/bin/gzip", ["-n", "-\(level)", path])
        guard result.status == 0 else { throw HostileSetupError("gzip failed: \(result.stderr)") }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
    }

    /// The rows of a CSV file as dictionaries keyed by its header.
    static func records(_ path: String) throws -> [[String: String]] {
        let rows = CSVFormat.records([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
    }

    /// Every file under `folder` (recursively) by relative path, with its bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        return files
    }
}

/// A test's own setup failed (not the program under test).
struct HostileSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
