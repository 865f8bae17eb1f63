import Foundation

/// Files of the package and of the project's `shared/` folder, located from this source file.
package enum PackagePaths {
    /// The package root: Tests/TestSupport/PackagePaths.swift is three levels below it.
    package static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `pipelines/rules/decisions.yaml`, the analyst's decision rule table.
    package static var decisionRules: String { root.appendingPathComponent("pipelines/rules/decisions.yaml").path }

    /// `pipelines/rules/service-areas.yaml`, the analyst's service-area rule table.
    package static var serviceAreaRules: String { root.appendingPathComponent("pipelines/rules/service-areas.yaml").path }

    /// `../shared` beside the package root, when present (it is not part of the repository).
    package static let shared: URL? = {
        let url = root.deletingLastPathComponent().appendingPathComponent("shared")
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? url : nil
    }()

    /// `../shared/reference/<name>`, when the shared folder holds it.
    package static func sharedReference(_ name: String) -> String? {
        guard let url = shared?.appendingPathComponent("reference").appendingPathComponent(name),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url.path
    }
}
