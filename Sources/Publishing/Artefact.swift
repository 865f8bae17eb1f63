/// One file that publishing adds to a run's output folder: its path inside the folder and its bytes.
///
/// Writers return artefacts instead of writing files, so that the runner puts them in its staging
/// folder with the tables and publishes everything with one rename.
public struct Artefact: Sendable, Equatable {
    /// The path relative to the output folder, `/`-separated (`letters/2023-24/LCE.md`).
    public let path: String
    /// The file's whole content.
    public let bytes: [UInt8]

    /// An artefact at `path` (relative to the output folder) holding `bytes`.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// An artefact at `path` holding `text` as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
