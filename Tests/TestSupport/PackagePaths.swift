import Foundation

/// Files of the package, located from this source file (for the project's `shared/` folder,
/// see ``SharedFolder``).
package enum PackagePaths {
    /// The package root: Tests/TestSupport/PackagePaths.swift is three levels below it.
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of `relative` in the package (`pipelines/sample.yaml`), whether or not it exists.
    package static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// `pipelines/rules/decisions.yaml`, the analyst's decision rule table.
    package static var decisionRules: String { path("pipelines/rules/decisions.yaml") }

    /// `pipelines/rules/service-areas.yaml`, the analyst's service-area rule table.
    package static var serviceAreaRules: String { path("pipelines/rules/service-areas.yaml") }

    /// `pipelines/rules/remedies.yaml`, the analyst's remedy rule table.
    package static var remedyRules: String { path("pipelines/rules/remedies.yaml") }

    /// The built `annual-review` executable: the first found in the folders above the test
    /// bundle (`.build/debug/`), else `.build/debug/annual-review`.
    package static var executable: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            let candidate = url.appendingPathComponent("annual-review").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return path(".build/debug/annual-review")
    }
}
