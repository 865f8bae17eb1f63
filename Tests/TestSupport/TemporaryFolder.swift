import Foundation

/// A fresh, empty folder under the system's temporary folder, for one test's files.
///
/// A test may remove it early with ``remove()`` (in a `defer`). Every folder of a test process
/// lives in one parent, `annual-review-tests-PID`, which is removed when the process exits, so
/// that test runs do not pile folders up in /tmp; with `ANNUAL_REVIEW_KEEP_TEST_FILES=1` it is
/// kept, for a look at a failed test's files.
package struct TemporaryFolder: Sendable {
    /// The folder.
    package let url: URL

    /// The folder's path.
    package var path: String { url.path }

    /// Creates `NAME-UUID` in this process's parent folder (see the type's summary).
    package init(_ name: String = "tests") throws {
        url = Self.parent.appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// `annual-review-tests-PID` in the system's temporary folder, registered for removal at exit
    /// the first time a folder is made.
    private static let parent: URL = {
        let parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("annual-review-tests-\(getpid())", isDirectory: true)
        if ProcessInfo.processInfo.environment["ANNUAL_REVIEW_KEEP_TEST_FILES"] != "1" {
            atexit { try? FileManager.default.removeItem(at: TemporaryFolder.parent) }
        }
        return parent
    }()

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
