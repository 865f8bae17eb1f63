import Foundation
import TestSupport

/// A PDF's text page by page (pdftotext -layout) and its page sizes (pdfinfo), from poppler-utils.
struct PDFText {
    /// Each page's text, in the page's layout.
    let pages: [String]
    /// Each page's size as pdfinfo prints it (`595.304 x 841.89 pts (A4)`).
    let pageSizes: [String]

    init(_ pdf: String) throws {
        let result = try ProcessRunner.run("/usr/bin/pdftotext", ["-layout", pdf, "-"])
        guard result.status == 0 else { throw Failure(reason: "pdftotext \(pdf): \(result.stderr)") }
        var pages = result.stdout.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        self.pages = pages
        let info = try ProcessRunner.run("/usr/bin/pdfinfo", ["-f", "1", "-l", "99", pdf])
        pageSizes = info.stdout.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
            .map { String($0.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces) }
    }

    /// The pages that hold the table from its header row (a line starting `header`) to its
    /// `Total` row after the row starting `lastRow`.
    func pagesOfTable(header: String, lastRow: String) throws -> [Int] {
        let lines = pages.enumerated().flatMap { page, text in
            text.split(separator: "\n").map { (page + 1, $0.trimmingCharacters(in: .whitespaces)) }
        }
        func isRow(_ line: String, _ label: String) -> Bool {
            line.hasPrefix(label + " ") && line.dropFirst(label.count).trimmingCharacters(in: .whitespaces).allSatisfy {
                $0.isNumber || $0.isLetter
            }
        }
        guard let start = lines.firstIndex(where: { isRow($0.1, header) }),
              let last = lines[start...].firstIndex(where: { isRow($0.1, lastRow) }),
              let total = lines[last...].firstIndex(where: { isRow($0.1, "Total") }) else {
            throw Failure(reason: "no table headed \(header) in the PDF's text:\n\(pages.joined(separator: "\n----\n"))")
        }
        return Array(Set(lines[start ... total].map(\.0))).sorted()
    }

    struct Failure: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}
