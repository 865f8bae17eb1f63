package import PipelineModel

/// Renders the draft annual review letter of every authority and year (statistics.md, "The
/// letter's statistics section" and "The rest of the annual review letter"), in Markdown and as
/// a page that prints on A4.
///
/// The HTML letters of a year share one style sheet, `letters/{year}/letter.css` beside them
/// (``styleSheet(of:templates:)``), one of the year's files like the letters.
package enum LetterWriter {
    /// The style sheet's file name, in each year's folder of letters.
    package static let styleSheetName = "letter.css"

    /// The letters of every row of every year: `letters/{year}/{authority_code}.md` and `.html`,
    /// rendered from `letter.md.mustache` and `letter.html.mustache`, and each year's style sheet.
    ///
    /// Artefacts come out by year, then authority code (the figures' order), Markdown before HTML,
    /// and the year's style sheet after its letters.
    package static func letters(_ figures: AnnualFigures, templates: RenderingTemplates,
                               settings: LetterSettings = LetterSettings()) -> [Artefact] {
        figures.years.flatMap { year in
            year.authorities.flatMap { letters($0, in: year, templates: templates, settings: settings) }
                + [styleSheet(of: year.year, templates: templates)]
        }
    }

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
            Artefact(path: base + ".md", bytes: templates.render("letter.md.mustache", fields), year: year.year),
            Artefact(path: base + ".html", bytes: templates.render("letter.html.mustache", fields), year: year.year),
        ]
    }
}
