package import PipelineModel

/// Renders the draft annual review letter of every authority and year (statistics.md, "The
/// letter's statistics section" and "The rest of the annual review letter"), in Markdown and as
/// a page that prints on A4.
///
/// The HTML letters of a year share one style sheet, `letters/{year}/letter.css` beside them
/// (``styleSheet(of:templates:)``), one of the year's files like the letters.
package enum LetterRenderer {
    /// The style sheet's file name, in each year's folder of letters.
    package static let styleSheetName = "letter.css"

    /// `letters/{year}/letter.css`, which every HTML letter of `year` links: rendered once per
    /// run from `letter.css.mustache`, with the print rules that put a letter on A4 pages.
    package static func styleSheet(of year: ReportingYear, templates: RenderingTemplates) -> Artefact {
        Artefact(path: "letters/\(year.label)/\(styleSheetName)", bytes: templates.letterStyleSheet, year: year)
    }

    /// The two letters of one authority row of `year`: Markdown, then HTML.
    package static func letters(_ row: AuthorityYearFigures, in year: YearFigures, templates: RenderingTemplates,
                               settings: LetterSettings = LetterSettings()) -> [Artefact] {
        let fields = LetterFields(row, types: year, settings: settings)
        let base = "letters/\(year.year.label)/\(row.authority.code)"
        return [
            Artefact(path: base + ".md", bytes: markdown(fields, templates: templates), year: year.year),
            Artefact(path: base + ".html", bytes: templates.render("letter.html.mustache", fields), year: year.year),
        ]
    }

    /// The Markdown letter of one authority row of `year`: the bytes of its `letters/{year}/{code}.md`,
    /// from which `annual-review letters` makes the Word and PDF drafts.
    package static func markdown(_ row: AuthorityYearFigures, in year: YearFigures, templates: RenderingTemplates,
                                 settings: LetterSettings = LetterSettings()) -> [UInt8] {
        markdown(LetterFields(row, types: year, settings: settings), templates: templates)
    }

    private static func markdown(_ fields: LetterFields, templates: RenderingTemplates) -> [UInt8] {
        templates.render("letter.md.mustache", fields)
    }
}
