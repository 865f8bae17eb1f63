import PipelineModel

/// Writes the statistics section of the annual review letter of every authority and year
/// (statistics.md, "The letter's statistics section"), with the tables of complaints received by
/// service area and decisions by outcome.
public enum LetterWriter {
    /// The letters of every row of every year: `letters/{year}/{authority_code}.md` and `.html`,
    /// rendered from `letter.md.mustache` and `letter.html.mustache`.
    ///
    /// Artefacts come out by year, then authority code (the figures' order), Markdown before HTML.
    /// - Throws: nothing today; declared so that a template check can be added without changing
    ///   callers.
    public static func letters(_ figures: AnnualFigures, templates: PublishingTemplates) throws -> [Artefact] {
        var artefacts: [Artefact] = []
        for year in figures.years {
            for row in year.authorities {
                let fields = LetterFields(row, types: year)
                let base = "letters/\(year.year.label)/\(row.authority.code)"
                artefacts.append(Artefact(path: base + ".md", text: templates.render("letter.md.mustache", fields),
                                           year: year.year))
                artefacts.append(Artefact(path: base + ".html", text: templates.render("letter.html.mustache", fields),
                                           year: year.year))
            }
        }
        return artefacts
    }
}
