import Foundation
import Glibc

/// What a path names, and globs, for the syntaxes.
enum FileKind {
    static func isFile(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && !directory.boolValue
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// Whether `path` holds a glob(7) wildcard.
    static func isGlob(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The paths matching `pattern`, sorted by code point (not the locale's collation, so that
    /// the order does not depend on the environment cron gives the run).
    static func expand(glob pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, GLOB_NOSORT, nil, &matches) == 0 else { return [] }
        var paths: [String] = []
        for i in 0 ..< Int(matches.gl_pathc) {
            if let cString = matches.gl_pathv[i] { paths.append(String(cString: cString)) }
        }
        return paths.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
