/// How a program a test ran ended, and what it wrote (see ``ProcessRunner``).
public struct ProcessResult: Sendable {
    /// The exit status; when ``signalled``, the number of the signal that ended it.
    public let status: Int32
    /// Whether a signal ended the program (a crash is `SIGILL`, `SIGTRAP` or `SIGSEGV`) rather than an exit.
    public let signalled: Bool
    /// Whether the program outlived its deadline and was killed.
    public let timedOut: Bool
    /// Its standard output (with its standard error when ``ProcessRunner/ErrorOutput/intoStandardOutput``).
    public let stdout: String
    /// Its standard error.
    public let stderr: String
    /// From its start to its end, in seconds.
    public let seconds: Double
}
