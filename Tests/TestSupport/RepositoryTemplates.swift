import Foundation
import Rendering

/// The repository's templates (`pipelines/templates/`).
package enum RepositoryTemplates {
    /// `pipelines/templates/`.
    package static let folder = PackagePaths.root.appendingPathComponent("pipelines/templates").path

    /// The repository's templates, loaded as a run loads them.
    package static func load() throws -> RenderingTemplates { try RenderingTemplates.load(from: folder) }

    /// The texts of the repository's templates by file name, for tests that change one.
    package static func sources() throws -> [String: String] {
        var sources: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".mustache") {
            sources[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        }
        return sources
    }
}
