import PipelineModel

/// Writes the statistics section of the annual review letter of every authority and year
/// (statistics.md, "The letter's statistics section"), with the tables of complaints received by
/// service area and decisions by outcome.
public enum LetterWriter {
    /// The letters of every row of every year: `letters/{year}/{authority_code}.md` and `.html`,
    /// rendered from `letter.md.mustache` and `letter.html.mustache`.
    ///
    /// Artefacts come out by year, then authority code (the figures' order), Markdown before HTML.
    public static func letters(_ figures: AnnualFigures, templates: PublishingTemplates) -> [Artefact] {
        figures.years.flatMap { year in year.authorities.flatMap { letters($0, in: year, templates: templates) } }
    }

    /// The two letters of one authority row of `year`: Markdown, then HTML.
    public static func letters(_ row: AuthorityYearFigures, in year: YearFigures, templates: PublishingTemplates) -> [Artefact] {
        let fields = LetterFields(row, types: year)
        let base = "letters/\(year.year.label)/\(row.authority.code)"
        return [
            Artefact(path: base + ".md", bytes: templates.render("letter.md.mustache", fields), year: year.year),
            Artefact(path: base + ".html", bytes: templates.render("letter.html.mustache", fields), year: year.year),
        ]
    }
}
