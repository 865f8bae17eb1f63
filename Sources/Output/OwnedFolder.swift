import Foundation
import Glibc

/// Tells the folders a run may replace or remove (its own publications and staging folders)
/// from everything else, so that a mistyped `--out` or a planted name never costs anyone a file.
///
/// Publishing replaces the whole output folder and a run removes the staging folders a killed
/// run left behind; both are safe only for folders that annual-review made.
enum OwnedFolder {
    /// The file that marks a staging folder as a run's own while it is being filled; removed
    /// just before the folder is published.
    static let stagingMarker = ".annual-review-staging"

    /// The largest `manifest.json` read to recognise a publication (one of the full register over
    /// many years is a few MB).
    static let manifestLimit = 256 << 20

    /// Checks that the folder at `destination` may be replaced by a publication: it does not
    /// exist, is empty, or holds a publication of annual-review; and none of `inputs` lies in it.
    /// - Throws: ``OutputError/cannotCreate(path:reason:)`` saying which, and what to do.
    static func checkReplaceable(_ destination: String, inputs: [String]) throws {
        var st = stat()
        guard lstat(destination, &st) == 0 else { return }
        if let real = realPath(destination) {
            for input in inputs where input != "-" {
                guard let inputReal = realPath(input), inputReal.hasPrefix(real.hasSuffix("/") ? real : real + "/")
                else { continue }
                throw OutputError.cannotCreate(
                    path: destination, reason: "it holds \(input), which this run reads, and publishing replaces the "
                        + "whole folder; publish into a folder of its own")
            }
        }
        guard !isEmptyFolder(destination), !isPublication(destination) else { return }
        throw OutputError.cannotCreate(
            path: destination, reason: "it is neither empty nor a publication of annual-review (no manifest.json of "
                + "ours), and publishing would replace everything in it; name a new or empty folder")
    }

    /// Whether `path` is a folder (not a link to one) that a run of ours left behind: a staging
    /// folder still marked, or previous outputs moved aside by a publication.
    static func isStaleStaging(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return false }
        var marker = stat()
        if lstat(path + "/" + stagingMarker, &marker) == 0, (marker.st_mode & S_IFMT) == S_IFREG { return true }
        return isPublication(path)
    }

    /// Marks the new staging folder `staging` as ours.
    static func markStaging(_ staging: String) throws {
        let path = staging + "/" + stagingMarker
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.cannotCreate(path: path, reason: systemReason()) }
        _ = close(fd)
    }

    /// Removes the marker before `staging` becomes the publication.
    static func unmarkStaging(_ staging: String) throws {
        let path = staging + "/" + stagingMarker
        guard unlink(path) == 0 || errno == ENOENT else {
            throw OutputError.writeFailed(path: path, reason: systemReason())
        }
    }

    /// Whether `folder` holds a `manifest.json` that annual-review wrote.
    static func isPublication(_ folder: String) -> Bool {
        let path = folder + "/manifest.json"
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= manifestLimit,
              let bytes = FileManager.default.contents(atPath: path),
              let stamp = try? JSONDecoder().decode(ProgramStamp.self, from: bytes) else { return false }
        return stamp.program == "annual-review"
    }

    /// The one field of a manifest that says who wrote it: read instead of the whole manifest
    /// (tens of thousands of output entries), which the run reads once later if it needs it.
    private struct ProgramStamp: Decodable {
        let program: String
    }

    private static func isEmptyFolder(_ path: String) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { return false }
        }
        return true
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
