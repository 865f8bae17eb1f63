import Foundation
import Synchronization

/// Standard error (or another descriptor) shared by the log handlers and the progress line:
/// whole lines are written under one lock, and a log line first erases a progress line drawn
/// on the terminal, so the two never mix (the progress line comes back at its next redraw).
package final class ConsoleOutput: Sendable {
    /// The process's standard error.
    package static let standardError = ConsoleOutput(fileDescriptor: STDERR_FILENO)

    /// Whether the output is a terminal: only then is a progress line drawn.
    package let isTerminal: Bool

    private enum Sink: Sendable {
        case descriptor(Int32)
        case writer(@Sendable (String) -> Void)
    }

    private let sink: Sink
    /// Whether a status (progress) line is on screen now; guards every write.
    private let statusShown = Mutex(false)

    /// Writes to `fileDescriptor`, which is a terminal when `isatty` says so.
    package init(fileDescriptor: Int32) {
        sink = .descriptor(fileDescriptor)
        isTerminal = isatty(fileDescriptor) == 1
    }

    /// Hands every write to `write` (for tests), as a terminal or not.
    package init(isTerminal: Bool = false, write: @escaping @Sendable (String) -> Void) {
        sink = .writer(write)
        self.isTerminal = isTerminal
    }

    /// Writes one log line (a newline is added when `text` lacks one), erasing the progress
    /// line first when one is drawn.
    package func writeLine(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes `text` as it is, erasing the progress line first when one is drawn.
    package func write(_ line: String) {
        statusShown.withLock { shown in
            if shown {
                emit(Self.eraseLine + line)
                shown = false
            } else {
                emit(line)
            }
        }
    }

    /// Draws `text` as the status line: back to the line's start, the text, erase to its end.
    /// Does nothing unless the output is a terminal.
    package func drawStatus(_ text: String) {
        guard isTerminal else { return }
        statusShown.withLock { shown in
            emit("\r" + text + "\u{1B}[K")
            shown = true
        }
    }

    /// Erases the status line, if one is drawn.
    package func clearStatus() {
        statusShown.withLock { shown in
            if shown { emit(Self.eraseLine) }
            shown = false
        }
    }

    /// Carriage return, then ANSI "erase to end of line".
    static let eraseLine = "\r\u{1B}[K"

    private func emit(_ text: String) {
        switch sink {
        case .writer(let write):
            write(text)
        case .descriptor(let fd):
            // A closed or full standard error: nothing else to tell it to.
            _ = writeAll(fd, Array(text.utf8))
        }
    }
}

