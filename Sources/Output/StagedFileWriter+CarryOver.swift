import Glibc

// Carrying a file of the current publication over: a hard link checked by its size and
// modification time, so that a full-register rerun does not read and hash again the ~15,000
// files it carries over (issue 10: about 0.3 s of CPU in a 1 s publication). The same check
// serves every file linked from the current publication: a year's partition, and what
// OutputPublisher+Reuse links (whole-publication pages, top-level tables, rejects.csv).
//
// Why size and mtime are enough to go on: every file of a publication is written (or linked,
// which keeps its mtime) before its manifest.json, so a file nobody touched has an mtime no
// later than the manifest's. A file edited in place or replaced afterwards, as editors save,
// gets a later mtime, and one of another length another size.
//
// What the check cannot see, and would then publish under the manifest's old sha256: an edit
// that keeps the size and puts the mtime back before the manifest's (`touch -r`, `cp -p`,
// `rsync -a` of another file of that size), one made while the clock was set back, or one
// within the same file-system clock tick as the manifest was written (ticks are a few
// milliseconds). Where links are refused, the copy is hashed as it is written and the sha256
// compared as before. A publication copied without its times (`cp -r`) has files newer than
// its manifest: those are refused, which errs on the safe side.
extension StagedFileWriter {
    /// Carries the file `entry` of `previous` (path relative to its folder) over to the same
    /// path in the staging folder, creating its folders; `known` as for ``write(_:)``.
    ///
    /// A hard link is checked without reading it: a regular file of `entry`'s size modified no
    /// later than `previous`'s manifest (what is checked is the staged link, the very file that
    /// will be published). Where links are refused, the copy is hashed while written and
    /// compared with `entry`'s size and sha256.
    /// - Returns: `entry`, the staged file's digest.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the previous
    ///   publication's file when it does not match `entry`, with nothing left staged for it;
    ///   other ``OutputError``s when it cannot be linked or copied.
    package func carryOver(_ entry: RunManifest.FileDigest, from previous: PreviousPublication,
                           known: inout Set<String>) throws -> RunManifest.FileDigest {
        let target = try OutputPublisher.makeParents(of: entry.path, in: stagingDirectory, known: &known)
        try Self.carryOver(entry, from: previous, at: target)
        return entry
    }

    /// Hard-links (or, where links are refused, copies) `previous`'s file `entry` at `target`,
    /// a full path whose folder exists, and checks it as ``carryOver(_:from:known:)`` does:
    /// what ``OutputPublisher`` reuses (a whole-publication page, a top-level table,
    /// `rejects.csv`) is checked as a carried-over year's file is.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` when it does not match `entry`,
    ///   with nothing left at `target`; other ``OutputError``s when it cannot be linked or copied.
    static func carryOver(_ entry: RunManifest.FileDigest, from previous: PreviousPublication, at target: String) throws {
        let source = previous.folder + "/" + entry.path
        let difference: String?
        let linked: Bool
        do {
            linked = try hardLink(source, at: target)
        } catch {
            // A listed file that is gone does not match its entry either: the caller writes or
            // renders it instead of failing the run. Looked at only when linking failed, so
            // that the 30,000 links of a rerun cost no extra call.
            var status = stat()
            guard lstat(source, &status) != 0, errno == ENOENT else { throw error }
            throw OutputError.cannotCarryOver(path: source, reason: "the previous manifest lists it but it is missing")
        }
        if linked {
            difference = Self.difference(ofLink: target, from: entry, manifestModified: previous.manifestModified)
        } else {
            let copied = try copy(source, to: target, recordedAs: entry.path)
            difference = copied.bytes == entry.bytes && copied.sha256 == entry.sha256 ? nil
                : "(\(copied.bytes) bytes, sha256 \(copied.sha256); the manifest says \(entry.bytes) bytes, sha256 \(entry.sha256))"
        }
        guard let difference else { return }
        // Gone again, so that a run which renders or writes the file instead can create it anew.
        _ = unlink(target)
        throw OutputError.cannotCarryOver(path: source, reason: "it does not match the previous manifest " + difference)
    }

    /// How the hard link at `path` differs from `entry` by one `lstat`, or nil when it matches.
    private static func difference(ofLink path: String, from entry: RunManifest.FileDigest,
                                   manifestModified: ModificationTime) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return "(cannot check it: \(systemReason()))" }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return "(not a regular file)" }
        guard Int(status.st_size) == entry.bytes else {
            return "(\(status.st_size) bytes; the manifest says \(entry.bytes) bytes)"
        }
        let modified = ModificationTime(status)
        guard modified <= manifestModified else {
            return "(modified at \(modified), after the manifest was written at \(manifestModified))"
        }
        return nil
    }
}
