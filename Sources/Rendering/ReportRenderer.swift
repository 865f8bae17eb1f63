package import PipelineModel

/// Renders the static HTML report into bytes (``Artefact``s; the runner stages them), in pages
/// whose size does not grow with the number of years:
///
/// - `report/{year}/index.html` (the year's): every authority of the year with its three
///   key statistics beside its type's average, sortable, and a chart of the types' averages.
/// - `report/{year}/{code}.html` (the year's): one authority's figures in the year
///   beside its type's averages, and its complaints and decisions tables.
/// - `report/{year}/england.html` (the year's) and `report/england.html` (the whole
///   publication): England's figures in the year, and over every published year.
/// - `report/authorities/{code}.html` and `report/index.html` (the whole publication): each
///   authority's history over every published year, charted against its type's average, and the
///   list of years and authorities. Built from every published year's rows (the run's figures, and
///   the partition tables of the years it carried over), so that every chart covers every
///   published year whichever years a run computed.
///
/// A year's pages link only within the year and to the whole-publication pages, so a year's
/// files do not change because another year was added or reprocessed, and can be carried over
/// unrendered; the one exception is the authority pages' service improvements, which count the
/// years from 2018-19 up to the page's year: the year's fingerprint covers what they list, so
/// the year is rendered again when an earlier year changes them (and a `--years` run that would
/// carry such a year over stops).
///
/// The output folder is self-contained: nothing is loaded from the network or from outside it.
/// Each year's pages share one style sheet in their folder (`report/{year}/style.css`, one of
/// the year's files, so that it travels with the year when the year is carried over), and
/// the whole-publication pages one in `report/` (``styleSheet(of:templates:)``); the small sort
/// script and the charts (SVG) are inline, and the only links are relative ones within the
/// folder. Every chart has a title, a description and a table with the same numbers.
package enum ReportRenderer {
    /// The folder of the history pages, inside `report/`.
    package static let historyFolder = "authorities"

    /// England's history page, inside `report/` (and England's page of a year, inside the year's folder).
    package static let nationalHistoryPath = NationalMarkup.pageName

    /// The style sheet's file name, in each year's folder and in `report/`.
    package static let styleSheetName = "style.css"

    /// The report's style sheet (rendered once per run): `report/{year}/style.css`, one of
    /// `year`'s files, linked by the year's pages, or `report/style.css` (`year` nil), linked by the
    /// whole-publication pages.
    package static func styleSheet(of year: ReportingYear?, templates: RenderingTemplates) -> Artefact {
        Artefact(path: "report/" + (year.map { "\($0.label)/" } ?? "") + styleSheetName, bytes: templates.reportStyleSheet,
                 year: year)
    }

    /// `report/{year}/index.html`. `heads` are the run's rows' openings, made once for every
    /// year's index (nil: the page makes its own; the bytes are the same).
    package static func yearIndex(_ year: YearFigures, method: AveragingMethod, templates: RenderingTemplates,
                                  heads: AuthorityRowHeads? = nil) -> Artefact {
        let label = year.year.label
        var html = HTMLBuffer(capacity: 32_000 + 400 * year.authorities.count)
        ReportPage.open(&html, title: "Council performance \(label): all authorities")
        html.raw("<header>\n<p class=\"note\">Local Government and Social Care Ombudsman: annual review statistics. <a href=\"../index.html\">All years</a></p>\n")
        html.raw("<h1>Council performance \(label)</h1>\n<p>Complaints decided between 1 April \(year.year.startYear) and 31 March \(year.year.startYear + 1), for ")
        html.number(year.authorities.count)
        html.raw(" authorities. <a href=\"\(NationalMarkup.pageName)\">England \(label)</a>: every authority's figures added together, by service area.</p>\n</header>\n<main>\n")
        YearIndexMarkup.types(year, method: method, into: &html)
        EnglandMap(year).write(into: &html)
        YearIndexMarkup.authorities(year, heads: heads, into: &html)
        html.raw("</main>\n<footer>\n<p class=\"note\">Uphold rate: upheld decisions out of detailed investigations (upheld and not upheld). Compliance rate: compliance outcomes in which the authority complied, on time or late. Satisfactory remedy rate: upheld decisions in which the authority had already offered a satisfactory remedy. Percentages are rounded to whole numbers, halves up.</p>\n</footer>\n")
        ReportPage.close(&html, script: templates.reportScript)
        return Artefact(path: "report/\(label)/index.html", bytes: html.bytes, year: year.year)
    }

    /// `report/{year}/{code}.html`, with the authority's service improvements from 2018-19 up to
    /// the year (``ServiceImprovements/byCode(_:upTo:)``; nil: none).
    package static func authorityPage(_ row: AuthorityYearFigures, in year: YearFigures, method: AveragingMethod,
                                      improvements: ServiceImprovements? = nil) -> Artefact {
        // The cases' lists: about 40 bytes a case.
        var html = HTMLBuffer(capacity: 9000 + 40 * (row.cases.decisions.count + row.cases.compliance.count))
        AuthorityPageMarkup.write(row, in: year, method: method, improvements: improvements, into: &html)
        return Artefact(path: "report/\(year.year.label)/\(row.authority.code).html", bytes: html.bytes, year: year.year)
    }

    /// `report/{year}/england.html`: England's figures in the year (``NationalMarkup``).
    package static func nationalYearPage(_ year: YearFigures) -> Artefact {
        NationalMarkup.yearPage(year)
    }

    /// `report/england.html`: England in every published year, each beside the previous one,
    /// from England's row of every published year (``PublishedNationalRow``, in any order).
    package static func nationalHistoryPage(_ rows: [PublishedNationalRow]) -> Artefact {
        NationalMarkup.historyPage(rows.sorted { $0.year < $1.year })
    }

    /// `report/index.html`: every published year and every authority of `rows`.
    package static func historyIndex(_ rows: [PublishedYearRow]) -> Artefact {
        let years = Set(rows.map(\.year)).sorted()
        let latest = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { $0.year < $1.year ? $1 : $0 })
        return HistoryMarkup.index(years: years, authorities: Array(latest.values))
    }

    /// `report/authorities/{code}.html` from one authority's rows (any order), with its public
    /// reports and the authorities it replaced or that replaced it (``HistoryNotes``; nil: none).
    package static func historyPage(_ rows: [PublishedYearRow], method: AveragingMethod, notes: HistoryNotes? = nil) -> Artefact {
        HistoryMarkup.page(rows.sorted { $0.year < $1.year }, method: method, notes: notes ?? HistoryNotes())
    }

    /// The page's name for an authority code, safe as a relative link (register codes are
    /// letters; anything else is percent-encoded so a link cannot leave the folder).
    static func pageName(_ code: String) -> String {
        // Register codes are letters: one concatenation, not a character at a time.
        if code.utf8.allSatisfy(isSafeInName) { return code + ".html" }
        var name = ""
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
                 UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                name.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                name += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return name + ".html"
    }

    private static func isSafeInName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
             UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// The type's figures an authority's row is compared with: none when it is not current or
    /// has no comparison type.
    static func averages(of row: AuthorityYearFigures, in year: YearFigures) -> TypeYearFigures? {
        comparedType(row.authority.comparisonType, isCurrent: row.isCurrent).flatMap { year.figures(for: $0) }
    }

    /// The type whose averages a row of type `type` is compared with: its own when the
    /// authority is current in the year, none otherwise.
    static func comparedType(_ type: ComparisonType?, isCurrent: Bool) -> ComparisonType? {
        isCurrent ? type : nil
    }

    /// Whether the authority had ended before the last day of the row's year.
    static func isAbolished(_ row: AuthorityYearFigures) -> Bool {
        !row.isCurrent && isAbolished(ending: row.authority.endDate, in: row.year)
    }

    /// Whether an authority that ended on `endDate` (nil: has not) had ended before the last
    /// day of `year`.
    static func isAbolished(ending endDate: Day?, in year: ReportingYear) -> Bool {
        endDate.map { $0 < year.lastDay } ?? false
    }
}

/// The opening and closing of every report page: document head with the link to the style
/// sheet, and the optional inline script.
enum ReportPage {
    /// Opens a page whose style sheet is at `styleSheet`, relative to the page: `style.css` in
    /// the page's own folder (a year's folder, or `report/`), `../style.css` for a history page.
    static func open(_ html: inout HTMLBuffer, title: String, styleSheet: String = ReportRenderer.styleSheetName) {
        html.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        html.text(title)
        html.raw("</title>\n<link rel=\"stylesheet\" href=\"\(styleSheet)\">\n</head>\n<body>\n")
    }

    static func close(_ html: inout HTMLBuffer, script: String? = nil) {
        if let script {
            html.raw("<script>\n")
            html.raw(script)
            html.raw("</script>\n")
        }
        html.raw("</body>\n</html>\n")
    }

    /// A percentage cell's text: `86%`, or `n/a` for no value.
    static func percent(_ value: Int?) -> String { value.map { "\($0)%" } ?? "n/a" }

    /// A per-100,000 cell's text: `4.8`, `11`, or `n/a`.
    static func per100k(_ tenths: Int?) -> String { tenths.map { NumberText.per100k(tenths: $0) } ?? "n/a" }
}
