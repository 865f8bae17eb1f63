import Foundation
@testable import Operations
import Testing
import TestSupport

@Suite struct ProgressLineTests {
    @Test func rendersBytesPercentRateAndETA() {
        // 312.4 MB of 1.40 GB in 12 s: 26 MB/s leaves 41.8 s; 412,300 rows a second.
        let text = ProgressLine.render(bytesRead: 312_400_000, totalBytes: 1_400_000_000, rows: 4_947_600, elapsed: 12)
        #expect(text == "  312.4 MB / 1.40 GB (22%)  412,300 rows/s  ETA 0:42")
    }

    @Test func unknownTotalShowsBytesAndRateOnly() {
        #expect(ProgressLine.render(bytesRead: 5_300_000, totalBytes: nil, rows: 20_000, elapsed: 2)
            == "  5.3 MB  10,000 rows/s")
        #expect(ProgressLine.render(bytesRead: 0, totalBytes: 0, rows: 0, elapsed: 0) == "  0 B  0 rows/s")
    }

    @Test func startAndEnd() {
        #expect(ProgressLine.render(bytesRead: 0, totalBytes: 2_000_000_000, rows: 0, elapsed: 0)
            == "  0 B / 2.00 GB (0%)  0 rows/s  ETA -:--")
        #expect(ProgressLine.render(bytesRead: 2_000_000_000, totalBytes: 2_000_000_000, rows: 9_000_000, elapsed: 90)
            == "  2.00 GB / 2.00 GB (100%)  100,000 rows/s  ETA 0:00")
        // A file that grew while read never shows more than 100%.
        #expect(ProgressLine.render(bytesRead: 3_000, totalBytes: 2_000, rows: 10, elapsed: 1)
            == "  2.0 kB / 2.0 kB (100%)  10 rows/s  ETA 0:00")
    }

    @Test func longRunsShowHours() {
        #expect(ProgressLine.render(bytesRead: 1_000_000, totalBytes: 4_000_000_000, rows: 1000, elapsed: 1)
            == "  1.0 MB / 4.00 GB (0%)  1,000 rows/s  ETA 1:06:39")
    }

    @Test(arguments: [
        (0, "0 B"), (999, "999 B"), (1_000, "1.0 kB"), (12_345, "12.3 kB"), (999_949, "999.9 kB"),
        (999_950, "1.0 MB"), (312_449_999, "312.4 MB"), (312_460_000, "312.5 MB"), (999_999_999, "1.00 GB"),
        (1_404_999_999, "1.40 GB"), (1_406_000_000, "1.41 GB"), (12_000_000_000_000, "12.00 TB"),
    ])
    func byteCounts(bytes: Int, expected: String) {
        #expect(ProgressLine.byteCount(bytes) == expected)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (412_300, "412,300"), (12_345_678, "12,345,678"), (-1_500, "-1,500")])
    func groupedNumbers(value: Int, expected: String) {
        #expect(ProgressLine.grouped(value) == expected)
    }

    @Test(arguments: [(0.0, "0:00"), (0.2, "0:01"), (42, "0:42"), (59.5, "1:00"), (725, "12:05"), (3723, "1:02:03"),
                      (.infinity, "-:--"), (.nan, "-:--")])
    func durations(seconds: Double, expected: String) {
        #expect(ProgressLine.duration(seconds) == expected)
    }
}

@Suite struct ProgressSamplerTests {
    @Test func rateStaysOnceEverythingIsRead() {
        let sampler = ProgressSampler(totalBytes: 1_000_000)
        #expect(sampler.text(bytes: 500_000, rows: 1000, elapsed: 1) == "  500.0 kB / 1.0 MB (50%)  1,000 rows/s  ETA 0:01")
        #expect(sampler.text(bytes: 1_000_000, rows: 2000, elapsed: 2) == "  1.0 MB / 1.0 MB (100%)  1,000 rows/s  ETA 0:00")
        // Later stages still at work: nothing more read, the line stays.
        #expect(sampler.text(bytes: 1_000_000, rows: 2000, elapsed: 8) == "  1.0 MB / 1.0 MB (100%)  1,000 rows/s  ETA 0:00")
    }

    @Test func aStallBeforeTheEndShowsTheRateFalling() {
        let sampler = ProgressSampler(totalBytes: 1_000_000)
        _ = sampler.text(bytes: 500_000, rows: 1000, elapsed: 1)
        #expect(sampler.text(bytes: 500_000, rows: 1000, elapsed: 4) == "  500.0 kB / 1.0 MB (50%)  250 rows/s  ETA 0:04")
        let unknown = ProgressSampler(totalBytes: nil)
        _ = unknown.text(bytes: 500_000, rows: 1000, elapsed: 1)
        #expect(unknown.text(bytes: 500_000, rows: 1000, elapsed: 2) == "  500.0 kB  500 rows/s")
    }
}

@Suite struct ProgressCounterTests {
    @Test func concurrentAddsAreAllCounted() async {
        let counter = ProgressCounter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0 ..< 4 {
                group.addTask { for _ in 0 ..< 10_000 { counter.add(bytes: 3, rows: 2) } }
            }
        }
        #expect(counter.bytes == 120_000)
        #expect(counter.rows == 80_000)
        counter.add(rows: 1)
        counter.add(bytes: 1)
        #expect((counter.bytes, counter.rows) == (120_001, 80_001))
    }

    @Test func totalBytesOfInputs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try folder.write([UInt8](repeating: 1, count: 1000), to: "a.csv.gz")
        let b = try folder.write([UInt8](repeating: 2, count: 234), to: "b.csv.gz")
        #expect(ProgressReporter.totalBytes(of: [a, b]) == 1234)
        #expect(ProgressReporter.totalBytes(of: [a, "-"]) == nil)
        #expect(ProgressReporter.totalBytes(of: [a, folder.url.appendingPathComponent("missing").path]) == nil)
        #expect(ProgressReporter.totalBytes(of: []) == 0)
    }
}

/// A pseudo-terminal: what the program writes to `terminal` is read back from `controller`.
struct PseudoTerminal {
    let controller: Int32
    let terminal: Int32

    init() throws {
        // posix_openpt and friends are hidden from Swift's Glibc module (they need
        // _XOPEN_SOURCE): /dev/ptmx is posix_openpt on Linux, the others come through dlsym.
        controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(controller >= 0, "cannot open /dev/ptmx: \(errno)")
        typealias FD = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
        let libc = dlopen(nil, RTLD_NOW)
        let grant = try #require(dlsym(libc, "grantpt")), unlock = try #require(dlsym(libc, "unlockpt"))
        let name = try #require(dlsym(libc, "ptsname_r"))
        try #require(unsafeBitCast(grant, to: FD.self)(controller) == 0)
        try #require(unsafeBitCast(unlock, to: FD.self)(controller) == 0)
        var buffer = [CChar](repeating: 0, count: 256)
        try #require(unsafeBitCast(name, to: Name.self)(controller, &buffer, buffer.count) == 0)
        terminal = open(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), O_RDWR | O_NOCTTY)
        try #require(terminal >= 0)
    }

    /// What was written: waits up to `timeout` seconds for the first bytes, then reads until
    /// nothing more comes for 50 ms or `timeout` has passed in all (a live reporter never
    /// falls quiet).
    func drain(timeout: Double = 1) -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var bytes: [UInt8] = []
        var waitMilliseconds = Int32(timeout * 1000)
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, waitMilliseconds) > 0, descriptor.revents & Int16(POLLIN) != 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(controller, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[..<count]
            waitMilliseconds = 50
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What is written until `done` holds for it, or `timeout` seconds have passed.
    func output(until done: (String) -> Bool, timeout: Double = 5) -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var bytes: [UInt8] = []
        while ContinuousClock.now < deadline, !done(String(decoding: bytes, as: UTF8.self)) {
            var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0, descriptor.revents & Int16(POLLIN) != 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(controller, &buffer, buffer.count)
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func close() {
        _ = Glibc.close(terminal)
        _ = Glibc.close(controller)
    }
}

@Suite(.serialized) struct ProgressReporterTests {
    @Test func drawsOnATerminalAndClearsAtTheEnd() async throws {
        let pty = try PseudoTerminal()
        defer { pty.close() }
        let output = ConsoleOutput(fileDescriptor: pty.terminal)
        #expect(output.isTerminal)
        let counter = ProgressCounter()
        let reporter = ProgressReporter(counter: counter, totalBytes: 10_000_000, output: output, interval: .milliseconds(20))
        #expect(reporter.isActive)
        counter.add(bytes: 2_500_000, rows: 40_000)
        reporter.start()
        reporter.start() // a second start is ignored
        // Generous deadlines: a loaded CI machine may delay the timer, never skip it.
        let first = pty.output(until: { $0.contains("(25%)") })
        counter.add(bytes: 2_500_000, rows: 40_000)
        let second = pty.output(until: { $0.contains("(50%)") })
        output.writeLine("a log line")
        let third = pty.output(until: { $0.contains("a log line\r\n\r  ") })
        reporter.stop()
        reporter.stop() // idempotent
        let rest = pty.drain(timeout: 0.5)
        let all = first + second + third + rest

        #expect(first.hasPrefix("\r  2.5 MB / 10.0 MB (25%)  "), "\(first.debugDescription)")
        #expect(first.contains("rows/s  ETA "))
        #expect(first.contains("\u{1B}[K"))
        #expect(!(first + second).contains("\n"), "a progress line never moves down a line")
        #expect(second.contains("\r  5.0 MB / 10.0 MB (50%)  "))
        // The log line erases the progress line before it, on a line of its own, and the
        // progress line comes back below it.
        #expect(third.contains("\r\u{1B}[Ka log line\r\n\r  5.0 MB / 10.0 MB (50%)  "), "\(third.debugDescription)")
        // The end: the line erased, nothing after it.
        #expect(all.hasSuffix("\r\u{1B}[K"))
        #expect(all.components(separatedBy: "\r  ").count - 1 >= 3)
        #expect(pty.drain(timeout: 0.1).isEmpty, "nothing drawn after stop()")
    }

    @Test func writesNothingWhenNotATerminal() async throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let output = ConsoleOutput(fileDescriptor: ends[1])
        #expect(!output.isTerminal)
        let counter = ProgressCounter()
        let reporter = ProgressReporter(counter: counter, totalBytes: 1000, output: output, interval: .milliseconds(10))
        #expect(!reporter.isActive)
        reporter.start()
        counter.add(bytes: 500, rows: 5)
        try await Task.sleep(for: .milliseconds(100))
        output.drawStatus("never")
        reporter.stop()
        _ = close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 64)
        #expect(read(ends[0], &buffer, buffer.count) == 0)
        _ = close(ends[0])
    }

    @Test func stopWithoutStartDoesNothing() {
        let captured = CapturedLines()
        let reporter = ProgressReporter(counter: ProgressCounter(), totalBytes: nil, output: captured.output(isTerminal: true))
        reporter.stop()
        #expect(captured.all.isEmpty)
    }
}

@Suite struct ConsoleOutputTests {
    @Test func logLinesEraseTheStatusLineFirst() {
        let captured = CapturedLines()
        let output = captured.output(isTerminal: true)
        output.writeLine("one")
        output.drawStatus("progress")
        output.drawStatus("progress 2")
        output.writeLine("two\n")
        output.writeLine("three")
        output.clearStatus()
        output.drawStatus("progress 3")
        output.clearStatus()
        #expect(captured.all == ["one\n", "\rprogress\u{1B}[K", "\rprogress 2\u{1B}[K", "\r\u{1B}[Ktwo\n", "three\n",
                                 "\rprogress 3\u{1B}[K", "\r\u{1B}[K"])
    }
}
