import PipelineModel
import Rendering

/// A run's letters and map files of whole figures, rendered as a run renders them year by year,
/// for tests that look at them or check them with real tools.
package enum RenderedFiles {
    /// The two letters of every authority row of every year of `figures`
    /// (`letters/{year}/{authority_code}.md` and `.html`, by year, then code, Markdown first),
    /// each year's letter style sheet after its letters.
    package static func letters(_ figures: AnnualFigures, templates: RenderingTemplates,
                                settings: LetterSettings = LetterSettings()) -> [Artefact] {
        figures.years.flatMap { year in
            year.authorities.flatMap { LetterRenderer.letters($0, in: year, templates: templates, settings: settings) }
                + [LetterRenderer.styleSheet(of: year.year, templates: templates)]
        }
    }

    /// Every year's `map/{year}.json`, in year order.
    package static func mapFiles(_ figures: AnnualFigures) -> [Artefact] {
        figures.years.map { MapDataRenderer.mapFile($0, method: figures.method) }
    }
}
