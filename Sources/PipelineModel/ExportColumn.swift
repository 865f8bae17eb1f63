/// The columns of a decisions export (export-format.md), in the spec's order.
///
/// Ingestion projects every record onto these slots, whatever the file's own column order,
/// so later stages read `record[.decisionDate]` and never look at a header.
package enum ExportColumn: Int, CaseIterable, Sendable, CustomStringConvertible {
    case reference
    case authorityName
    case authorityCode
    case category
    case subcategory
    case receivedDate
    case decisionDate
    case decision
    case remedy
    case satisfactoryRemedyByAuthority
    case complianceOutcome
    case complianceDate
    case publicReport
    case lastUpdated
    case summary

    /// The column's name as the spec writes it (`decision_date`).
    package var name: String {
        switch self {
        case .reference: "reference"
        case .authorityName: "authority_name"
        case .authorityCode: "authority_code"
        case .category: "category"
        case .subcategory: "subcategory"
        case .receivedDate: "received_date"
        case .decisionDate: "decision_date"
        case .decision: "decision"
        case .remedy: "remedy"
        case .satisfactoryRemedyByAuthority: "satisfactory_remedy_by_authority"
        case .complianceOutcome: "compliance_outcome"
        case .complianceDate: "compliance_date"
        case .publicReport: "public_report"
        case .lastUpdated: "last_updated"
        case .summary: "summary"
        }
    }

    package var description: String { name }

    /// Whether a file without this column is unusable (export-format.md, "required").
    package var isRequired: Bool {
        switch self {
        case .reference, .authorityName, .category, .receivedDate, .lastUpdated: true
        default: false
        }
    }

    /// The number of columns, the width of every projected record.
    package static let count = allCases.count

    /// Finds the column a header cell names: case-insensitive, surrounding spaces ignored,
    /// and ` `, `-` and `_` treated alike (`Decision Date` = `decision_date`).
    package init?(header: String) {
        let key = ExportColumn.headerKey(header)
        guard let column = ExportColumn.byKey[key] else { return nil }
        self = column
    }

    /// The normalised form under which header names are compared.
    package static func headerKey(_ header: String) -> String {
        var key = ""
        var pendingSeparator = false
        for scalar in header.unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\t" {
                pendingSeparator = !key.isEmpty
                continue
            }
            if pendingSeparator { key.append("_"); pendingSeparator = false }
            key += String(scalar).lowercased()
        }
        return key
    }

    private static let byKey: [String: ExportColumn] = Dictionary(
        uniqueKeysWithValues: allCases.map { (headerKey($0.name), $0) })
}
