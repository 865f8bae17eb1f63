import Foundation

/// The contents of every file of a folder, and the staging folders left beside it.
enum Snapshot {
    static func digests(of folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: folder) else { return [:] }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            // The whole content: the outputs compared are small, and nothing less is exact.
            result[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return result
    }

    static func stagingFolders(beside out: String) throws -> [String] {
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".\(name).staging-") }
    }
}
