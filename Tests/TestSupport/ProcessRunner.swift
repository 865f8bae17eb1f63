import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program a test runs (the built executable, make-export, a checker, a system tool), from
/// start to end: its input, its output in files, signals, a deadline.
///
/// Standard output and error go to files, not pipes: a chatty program can never block on a full
/// pipe, and a test can read what it has written so far while it runs (``stdout``, ``stderr``).
/// Standard input is empty (`/dev/null`) unless the test gives bytes or asks for a pipe.
///
/// ```swift
/// let result = try ProcessRunner.run(PackagePaths.executable, ["--version"])
/// #expect(result.status == 0, "\(result.stderr)")
/// ```
package final class ProcessRunner: Sendable {
    /// What the program reads on standard input.
    package enum Input: Sendable {
        /// Nothing: `/dev/null`.
        case empty
        /// These bytes, then the end of the input.
        case bytes([UInt8])
        /// A pipe the test writes with ``write(_:)`` while the program runs.
        case pipe
    }

    /// Where the program's standard error goes.
    package enum ErrorOutput: Sendable {
        /// A file of its own: ``stderr``.
        case separate
        /// Standard output's file, interleaved in the order written as a terminal shows them:
        /// ``stdout`` holds both and ``stderr`` is empty.
        case intoStandardOutput
        /// The file at `path`, which the test made and knows (its device and inode, say).
        case file(String)
    }

    /// The program's process id.
    package let pid: Int32
    private let process: Process
    private let folder: TemporaryFolder
    private let outputPath: String
    private let errorPath: String?
    private let input: FileHandle?
    private let started: Date

    /// Starts `executable` with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: variables added to the test's own environment; nil removes one.
    ///   - currentDirectory: the program's working directory; the test's own when nil.
    package init(_ executable: String, _ arguments: [String], environment: [String: String?] = [:],
                currentDirectory: String? = nil, input: Input = .empty, standardError: ErrorOutput = .separate) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        folder = try TemporaryFolder("process")
        outputPath = folder.file("stdout")
        let output = try Self.create(outputPath)
        process.standardOutput = output
        var opened = [output]
        switch standardError {
        case .separate:
            errorPath = folder.file("stderr")
            let error = try Self.create(folder.file("stderr"))
            process.standardError = error
            opened.append(error)
        case .intoStandardOutput:
            errorPath = nil
            process.standardError = output
        case .file(let path):
            errorPath = path
            let error = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            process.standardError = error
            opened.append(error)
        }
        switch input {
        case .empty:
            process.standardInput = FileHandle.nullDevice
            self.input = nil
        case .bytes(let bytes):
            let path = try folder.write(bytes, to: "stdin")
            let file = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            process.standardInput = file
            opened.append(file)
            self.input = nil
        case .pipe:
            // Writing to the pipe of a program that has ended must fail, not kill the test process.
            _ = Glibc.signal(SIGPIPE, SIG_IGN)
            let pipe = Pipe()
            process.standardInput = pipe
            self.input = pipe.fileHandleForWriting
        }
        started = Date()
        try process.run()
        pid = process.processIdentifier
        // The program has its own copies of these; the test reads the files by path.
        for handle in opened { try? handle.close() }
    }

    /// Runs `executable` to its end (or, still running after `timeout` seconds, kills it) and
    /// returns how it ended.
    ///
    /// - Parameters:
    ///   - environment: variables added to the test's own environment; nil removes one.
    ///   - currentDirectory: the program's working directory; the test's own when nil.
    package static func run(_ executable: String, _ arguments: [String], environment: [String: String?] = [:],
                           currentDirectory: String? = nil, input: Input = .empty,
                           standardError: ErrorOutput = .separate, timeout: Double? = nil) throws -> ProcessResult {
        try ProcessRunner(executable, arguments, environment: environment, currentDirectory: currentDirectory,
                          input: input, standardError: standardError).wait(timeout: timeout)
    }

    /// Whether the program is still running.
    package var isRunning: Bool { process.isRunning }

    /// What the program has written to standard output so far.
    package var stdout: String { Self.text(outputPath) }

    /// What the program has written to standard error so far (empty when it goes into standard output).
    package var stderr: String { errorPath.map(Self.text) ?? "" }

    /// Sends the program signal `number` (`SIGTERM`, `SIGKILL`).
    package func signal(_ number: Int32) { kill(pid, number) }

    /// Writes `bytes` to the program's standard input, which must be a ``Input/pipe``.
    ///
    /// - Throws: when the program has closed its input or ended.
    package func write(_ bytes: [UInt8]) throws {
        guard let input else { preconditionFailure("the program's input is not a pipe") }
        try input.write(contentsOf: bytes)
    }

    /// Waits for the program to end and returns how it ended; if it is still running `timeout`
    /// seconds from now, kills it with `SIGKILL` and says so. While it runs, `whileRunning` is
    /// called about every 10 ms (to sample its `/proc/PID/status`, say).
    package func wait(timeout: Double? = nil, whileRunning: () -> Void = {}) -> ProcessResult {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var timedOut = false
        while process.isRunning {
            whileRunning()
            if let deadline, Date() > deadline {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                             timedOut: timedOut, stdout: stdout, stderr: stderr,
                             seconds: Date().timeIntervalSince(started))
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        folder.remove()
    }

    private static func create(_ path: String) throws -> FileHandle {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    private static func text(_ path: String) -> String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
    }
}
