import CFileSystem
import Foundation
import Glibc

// Write-back while the run is still staging: the disk writes the bytes staged so far while
// the rendering jobs make the rest, so that the `syncfs` before the exchange finds little left
// to do.
extension OutputPublisher {
    /// Starts writing the staged bytes back to disk in the background, until ``publish()`` or
    /// ``abandon()`` stops it: one thread calling `syncfs` on the staging folder's file system
    /// over and over, a short pause between calls. Does nothing before the staging folder is
    /// made, or when write-back runs already.
    ///
    /// Only a head start: ``publish()`` still makes every staged byte durable in its own
    /// `syncfs`, after the last file is staged, and reports any write-back error there. The
    /// thread syncs through a descriptor of its own, because `syncfs` reports an error once per
    /// descriptor: on the publisher's, an error the thread saw would no longer be reported when
    /// publishing.
    package func startWriteBack() {
        guard stagingMade, writeBack == nil, state == .open else { return }
        writeBack = WriteBack(folder: stagingDirectory)
    }

    /// Stops the background write-back and waits for its thread to end (at most the `syncfs`
    /// in progress).
    func stopWriteBack() {
        writeBack?.stop()
        writeBack = nil
    }

    /// The thread of ``startWriteBack()``.
    final class WriteBack: @unchecked Sendable {
        /// The pause between two calls, so that the journal commits a few times a second rather
        /// than after every file.
        private static let pause: TimeInterval = 0.02

        // Guards `stopping` and `ended`; the thread waits on it between calls.
        private let condition = NSCondition()
        private var stopping = false
        private var ended = false
        private let descriptor: Int32

        /// Starts the thread for the file system of `folder`; nil when the folder cannot be
        /// opened (then there is no head start, and nothing else changes).
        init?(folder: String) {
            let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            descriptor = fd
            Thread.detachNewThread { [self] in run() }
        }

        private func run() {
            condition.lock()
            while !stopping {
                condition.unlock()
                // Its errors are publish()'s to report, through its own descriptor.
                _ = CFileSystem_syncfs(descriptor)
                condition.lock()
                if !stopping { _ = condition.wait(until: Date(timeIntervalSinceNow: Self.pause)) }
            }
            _ = close(descriptor)
            ended = true
            condition.broadcast()
            condition.unlock()
        }

        /// Asks the thread to end and waits until it has.
        func stop() {
            condition.lock()
            stopping = true
            condition.broadcast()
            while !ended { condition.wait() }
            condition.unlock()
        }
    }
}
