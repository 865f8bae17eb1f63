import Foundation
package import Logging

/// systemd's journal stream: under a service, standard error is a socket to journald, and
/// `$JOURNAL_STREAM` names it (`device:inode`).
///
/// Comparing the two, as sd_journal_stream_fd(3) advises, rather than trusting the variable
/// alone: a child of the service that sends its standard error to a file or a pipe inherits
/// the variable, and its lines must not start with a prefix nobody strips.
package enum JournalStream {
    /// Whether `fileDescriptor` (standard error by default) is the stream `environment`'s
    /// `JOURNAL_STREAM` names.
    package static func isStandardError(fileDescriptor: Int32 = STDERR_FILENO,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let value = environment["JOURNAL_STREAM"] else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var st = stat()
        guard fstat(fileDescriptor, &st) == 0 else { return false }
        return UInt64(st.st_dev) == device && UInt64(st.st_ino) == inode
    }

    /// The sd-daemon(3) priority prefix of a line at `level`: syslog's priorities, from `<2>`
    /// (critical) to `<7>` (debug).
    package static func priorityPrefix(_ level: Logger.Level) -> String {
        switch level {
        case .critical: "<2>"
        case .error: "<3>"
        case .warning: "<4>"
        case .notice: "<5>"
        case .info: "<6>"
        case .debug, .trace: "<7>"
        }
    }
}
