import Foundation
import TestSupport

/// Runs a program to completion and captures its output; for driving make-export and the
/// real executable.
struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum ProcessRunner {
    /// Runs `executable`; `environment`, when given, is added to the test's own.
    static func run(_ executable: String, _ arguments: [String], currentDirectory: String? = nil,
                    environment: [String: String]? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let (_, stdout, stderr) = try runCapturingOutput(process) { process.waitUntilExit() }
        return ProcessResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Starts `process` with its standard output and error going to files, calls `wait` (which
    /// must return only once the process has ended), and returns `wait`'s result and both outputs.
    ///
    /// Files, not pipes: a chatty child can never block on a full pipe.
    static func runCapturingOutput<T>(_ process: Process, wait: () throws -> T) throws -> (T, stdout: String, stderr: String) {
        let folder = try TemporaryFolder("process").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outPath = folder + "/stdout", errPath = folder + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let result = try wait()
        try out.close()
        try err.close()
        func text(_ path: String) -> String {
            String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
        }
        return (result, text(outPath), text(errPath))
    }

    /// The built `annual-review` executable, beside the test bundle.
    static var executable: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            let candidate = url.appendingPathComponent("annual-review").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return PackagePaths.path(".build/debug/annual-review")
    }
}
