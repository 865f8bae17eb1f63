import Foundation

/// Whether `a` sorts before `b` by their UTF-8 bytes: the order of every path list the program
/// writes (the manifest's outputs, the data package's files), so that the same files always
/// come out in the same order whatever the locale.
///
/// By `memcmp` on each string's contiguous UTF-8 rather than through `String.UTF8View`'s
/// iterators: sorting a full publication's 30,000 paths that way took 60 ms at the end of
/// every run.
package func utf8Precedes(_ a: String, _ b: String) -> Bool {
    var (a, b) = (a, b)
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
}
