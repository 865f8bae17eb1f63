import Foundation

/// A fresh, empty folder under the system's temporary folder, for one test's files.
///
/// Nothing removes it but ``remove()``: a test that wants its files gone calls it (in a
/// `defer`); one that leaves them lets a person look at them after a failure.
package struct TemporaryFolder: Sendable {
    /// The folder.
    package let url: URL

    /// The folder's path.
    package var path: String { url.path }

    /// Creates `annual-review-NAME-UUID` in the system's temporary folder.
    package init(_ name: String = "tests") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("annual-review-\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` in the folder (which need not exist).
    package func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` (UTF-8) to `name` in the folder and returns the file's path.
    @discardableResult
    package func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }

    /// Writes `bytes` to `name` in the folder and returns the file's path.
    @discardableResult
    package func write(_ bytes: [UInt8], to name: String) throws -> String {
        let file = self.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Removes the folder and everything in it.
    package func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
