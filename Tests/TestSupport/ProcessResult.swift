/// How a program a test ran ended, and what it wrote (see ``ProcessRunner``).
package struct ProcessResult: Sendable {
    /// The exit status; when ``signalled``, the number of the signal that ended it.
    package let status: Int32
    /// Whether a signal ended the program (a crash is `SIGILL`, `SIGTRAP` or `SIGSEGV`) rather than an exit.
    package let signalled: Bool
    /// Whether the program outlived its deadline and was killed.
    package let timedOut: Bool
    /// Its standard output (with its standard error when ``ProcessRunner/ErrorOutput/intoStandardOutput``).
    package let stdout: String
    /// Its standard error.
    package let stderr: String
    /// From its start to its end, in seconds.
    package let seconds: Double
}
