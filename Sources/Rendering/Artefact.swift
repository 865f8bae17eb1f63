package import PipelineModel

/// One file that publishing adds to a run's output folder: its path inside the folder and its bytes.
///
/// The renderers return artefacts instead of writing files, so that the runner stages them at
/// their paths (each written once, from the rendering job's own task) and publishes everything
/// with one rename.
package struct Artefact: Sendable, Equatable {
    /// The path relative to the output folder, `/`-separated (`letters/2023-24/LCE.md`).
    package let path: String
    /// The file's whole content.
    package let bytes: [UInt8]
    /// The reporting year the file belongs to (a letter, a report page, a year's map), or nil
    /// for a file about the whole publication (`datapackage.json`).
    ///
    /// The renderer, which knows, says which year; a year's files are carried over together
    /// when another year is reprocessed.
    package let year: ReportingYear?

    /// An artefact at `path` (relative to the output folder) holding `bytes`, belonging to
    /// `year` (nil: to the whole publication).
    package init(path: String, bytes: [UInt8], year: ReportingYear? = nil) {
        self.path = path
        self.bytes = bytes
        self.year = year
    }

    /// An artefact at `path` holding `text` as UTF-8, belonging to `year` (nil: to the whole publication).
    package init(path: String, text: String, year: ReportingYear? = nil) {
        self.init(path: path, bytes: Array(text.utf8), year: year)
    }
}
