import Foundation

/// The project's `shared/` folder (spec, reference data, make-export), when it is present.
enum SharedFolder {
    /// `../shared` beside the package root (as CI lays it out), else `/work/shared`; nil if neither.
    static let url: URL? = {
        // Tests/IngestionTests/SharedFolder.swift -> the package root is three levels up.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [root.deletingLastPathComponent().appendingPathComponent("shared"),
                          URL(fileURLWithPath: "/work/shared")]
        let found = candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("tools/make-export").path)
        }
        if found == nil {
            print("shared/ not found at \(candidates.map(\.path)): tests that need it are skipped")
        }
        return found
    }()
}
