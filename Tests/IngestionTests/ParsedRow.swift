import Ingestion
import PipelineModel

/// One record of a batch, with its fields as strings, for readable expectations.
struct ParsedRow: Equatable, CustomStringConvertible {
    let line: Int
    let fault: RawRecordFault?
    let fields: [ExportColumn: [UInt8]]

    /// The value of `column` as UTF-8 text ("" for an empty slot).
    subscript(_ column: ExportColumn) -> String {
        String(decoding: fields[column] ?? [], as: UTF8.self)
    }

    /// The raw bytes of `column`.
    func bytes(_ column: ExportColumn) -> [UInt8] { fields[column] ?? [] }

    var description: String {
        let values = ExportColumn.allCases.compactMap { c in fields[c].map { "\(c)=\(String(decoding: $0, as: UTF8.self).debugDescription)" } }
        return "line \(line)\(fault.map { " \($0)" } ?? ""): \(values.joined(separator: " "))"
    }

    /// Every record of `batches`, in order.
    static func rows(of batches: [RawRecordBatch]) -> [ParsedRow] {
        batches.flatMap { batch in
            (0 ..< batch.count).map { r in
                var fields: [ExportColumn: [UInt8]] = [:]
                for c in ExportColumn.allCases where !batch.range(r, c).isEmpty {
                    fields[c] = Array(batch.field(r, c))
                }
                return ParsedRow(line: batch.lines[r], fault: batch.faults[r], fields: fields)
            }
        }
    }
}
