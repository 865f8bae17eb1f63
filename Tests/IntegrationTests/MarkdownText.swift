import Foundation

/// The text of a Markdown letter as a reader sees it, block by block: what a Word draft's
/// paragraphs and table cells must hold. Knows the Markdown the letter templates write
/// (headings, paragraphs with hard line breaks, a bullet list, bold, pipe tables, the three
/// entities), nothing more.
enum MarkdownText {
    /// Each heading, paragraph, list item and table cell, in order, markup removed and white space collapsed.
    static func blocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [String] = []
        func flush() {
            if !current.isEmpty { blocks.append(current.joined(separator: " ")) }
            current = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flush()
            } else if line.hasPrefix("|") {
                flush()
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                // The delimiter row (`| --- | ---: |`) is no text.
                if !cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) { blocks += cells }
            } else if line.hasPrefix("#") {
                flush()
                blocks.append(String(line.drop { $0 == "#" }))
            } else if line.hasPrefix("- ") {
                flush()
                current = [String(line.dropFirst(2))]
            } else {
                current.append(line)
            }
        }
        flush()
        return blocks.map { collapsed(decoded($0.replacingOccurrences(of: "**", with: ""))) }.filter { !$0.isEmpty }
    }

    /// The paragraphs of the letter's three statistics sections (from "Complaints upheld" to the
    /// public reports or the tables), headings left out: the published wording of the year.
    static func statisticsSentences(_ markdown: String) -> [String] {
        let all = blocks(markdown)
        guard let start = all.firstIndex(of: "Complaints upheld") else { return [] }
        let end = all[start...].firstIndex { $0 == "Public reports" || $0 == "Complaints and enquiries received" } ?? all.endIndex
        let headings = Set(markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
            .map { collapsed(decoded(String($0.drop { $0 == "#" }))) })
        return all[(start + 1) ..< end].filter { !headings.contains($0) }
    }

    /// `text` with runs of white space as one space, trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func decoded(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
