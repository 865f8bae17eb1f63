package import PipelineModel

/// Writes the draft annual review letter of every authority and year (statistics.md, "The
/// letter's statistics section" and "The rest of the annual review letter"), in Markdown and as
/// a page that prints on A4.
package enum LetterWriter {
    /// The letters of every row of every year: `letters/{year}/{authority_code}.md` and `.html`,
    /// rendered from `letter.md.mustache` and `letter.html.mustache`.
    ///
    /// Artefacts come out by year, then authority code (the figures' order), Markdown before HTML.
    package static func letters(_ figures: AnnualFigures, templates: RenderingTemplates,
                               settings: LetterSettings = LetterSettings()) -> [Artefact] {
        figures.years.flatMap { year in
            year.authorities.flatMap { letters($0, in: year, templates: templates, settings: settings) }
        }
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
