import Foundation

/// The number of cores this process may run on.
///
/// Foundation's `activeProcessorCount` counts the machine's online cores and ignores the CPU
/// affinity, so `taskset -c 0` would still get one parse worker per core of the machine, two
/// tasks fighting for one core. On Linux the kernel states the affinity in `/proc/self/status`
/// (`Cpus_allowed`, a hex mask), which needs no C shim (`sched_getaffinity` and `CPU_COUNT` are
/// GNU extensions Swift's Glibc does not import).
package enum AvailableCores {
    /// Cores in the affinity mask, at most the online cores; the online cores where the mask
    /// cannot be read.
    package static var count: Int {
        let online = max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return online }
        for line in status.split(separator: "\n") where line.hasPrefix("Cpus_allowed:") {
            let mask = line.dropFirst("Cpus_allowed:".count)
            let allowed = mask.reduce(0) { count, digit in count + (digit.hexDigitValue ?? 0).nonzeroBitCount }
            return allowed > 0 ? min(allowed, online) : online
        }
        return online
    }
}
