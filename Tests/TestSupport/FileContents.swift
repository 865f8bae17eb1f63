import Foundation

/// The bytes of the file at `path`.
package func contents(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

/// The text of the file at `path`.
package func text(_ path: String) throws -> String {
    String(decoding: try contents(path), as: UTF8.self)
}

/// The names in the folder at `path`, sorted.
package func listing(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
}
