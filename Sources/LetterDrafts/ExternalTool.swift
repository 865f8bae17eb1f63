import Foundation

/// A program of a Debian package that the drafts are made with (pandoc, LibreOffice), found on
/// the `PATH`, run with its arguments and its error output kept for the message.
package struct ExternalTool: Sendable {
    /// The command's name (`pandoc`).
    package let command: String
    /// Its path on this machine.
    package let path: String

    /// `command` (the first of `names` found on the `PATH`).
    /// - Throws: ``LetterDraftError/toolMissing(command:package:needed:)`` naming `package`.
    package init(_ names: [String], package: String, neededFor needed: String,
                 environment: [String: String] = ProcessInfo.processInfo.environment) throws(LetterDraftError) {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where !folder.isEmpty {
                let candidate = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) {
                    command = name
                    path = candidate
                    return
                }
            }
        }
        throw .toolMissing(command: names[0], package: package, needed: needed)
    }

    /// Runs the program with `arguments`, `environment` added to this process's.
    /// - Returns: its exit status and what it wrote to standard error.
    func run(_ arguments: [String], environment: [String: String] = [:],
             currentDirectory: String? = nil) throws(LetterDraftError) -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .toolFailed(command: command, file: path, reason: "cannot start it (\(error))")
        }
        // Read to the end before waiting: a full pipe would block the program.
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
