/// YAML configuration a hostile or careless operator could write, shared by the readers' tests,
/// the command-line tests and the fuzz corpus (`Fuzz/make-corpus` writes the same texts).
package enum HostileYAML {
    /// Issue 23's definition: nine anchors, each a list of ten aliases of the one before, and the
    /// last used as a mapping key, which Yams' composer expands to hash (10^9 scalars) before any
    /// check of ours could run. 474 bytes.
    package static let aliasAsKey: String = {
        var lines = ["---", "l0: &l0 x"]
        for i in 1 ... 9 {
            lines.append("l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ",") + "]")
        }
        return (lines + ["? *l9", ": 1"]).joined(separator: "\n") + "\n"
    }()
}
