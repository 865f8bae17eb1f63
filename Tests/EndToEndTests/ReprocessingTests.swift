import Foundation
import Glibc
import Testing
import TestSupport

/// Reprocessing past years through the real executable on the sample data: `--years` recomputes
/// those years and carries every other year over byte-identical from the current publication.
@Suite struct ReprocessingTests {
    let sample = PackagePaths.path("pipelines/sample.yaml")
    static let rerun = ["2019-20", "2020-21"]

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.executable, arguments, currentDirectory: PackagePaths.root.path)
    }

    /// Runs the sample pipeline into `out` (all years, or `years`) and expects success.
    func publish(_ out: String, years: String? = nil, extra: [String] = []) throws {
        let result = try run(["run", sample, "--out", out] + (years.map { ["--years", $0] } ?? []) + extra)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The reporting year a published file belongs to (`years/2019-20/...`, `letters/2019-20/...`,
    /// `report/2019-20/...`, `map/2019-20.json`), or nil for a file about the whole publication
    /// (the tables, `report/index.html`, `report/authorities/...`).
    static func year(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, ["years", "letters", "report", "map"].contains(parts[0]) else { return nil }
        let year = String(parts[1].hasSuffix(".json") ? parts[1].dropLast(5) : parts[1])
        return year.first?.isNumber == true ? year : nil
    }

    /// The whole-publication pages: the report's index, England's history and every history
    /// page, and their style sheet.
    static func historyPages(_ snapshot: [String: Data]) -> [String: Data] {
        snapshot.filter {
            ["report/index.html", "report/england.html", "report/style.css"].contains($0.key)
                || $0.key.hasPrefix("report/authorities/")
        }
    }

    /// Expects each of `years` to hold its report's and letters' style sheets in its folders
    /// (`report/{year}/`, `letters/{year}/`), `report/style.css` for the
    /// whole-publication pages, and every HTML page and letter of `snapshot` to link one style
    /// sheet that `snapshot` holds.
    static func expectStyleSheetsLinkedAndPresent(in snapshot: [String: Data], years: Set<String>,
                                                  sourceLocation: SourceLocation = #_sourceLocation) {
        for year in years {
            for path in ["report/\(year)/style.css", "letters/\(year)/letter.css"] {
                #expect(snapshot[path]?.isEmpty == false, "\(year) has no \(path)", sourceLocation: sourceLocation)
                #expect(snapshot["years/\(year)/" + path] == nil, "a second name of \(path)", sourceLocation: sourceLocation)
            }
        }
        #expect(snapshot["report/style.css"]?.isEmpty == false, "no report/style.css", sourceLocation: sourceLocation)
        var pages = 0
        for (path, bytes) in snapshot where path.hasSuffix(".html") {
            let parts = String(decoding: bytes, as: UTF8.self).components(separatedBy: #"<link rel="stylesheet" href=""#)
            guard parts.count == 2, let href = parts[1].split(separator: "\"").first else {
                Issue.record("\(path) links no style sheet, or more than one", sourceLocation: sourceLocation)
                continue
            }
            let target = URL(fileURLWithPath: "/" + path).deletingLastPathComponent().appendingPathComponent(String(href))
                .standardized.path.dropFirst()
            #expect(snapshot[String(target)] != nil, "\(path) links \(href), which is missing", sourceLocation: sourceLocation)
            pages += 1
        }
        #expect(pages > 500, "\(pages) pages", sourceLocation: sourceLocation)
    }

    /// Every table of a publication, top level and partitions alike.
    static let tables = ["authority_year.csv", "type_year.csv", "comparison.csv", "national_year.csv", "area_year.csv",
                         "public_reports.csv"]
    /// The per-case tables, in the partitions only.
    static let caseTables = ["decisions.csv", "compliance.csv", "service_improvements.csv"]

    /// The sample's population table with every figure of `years` raised by 1,000: changed
    /// inputs for those years only.
    static func populationChanged(in years: Set<String>, folder: String) throws -> String {
        let original = try String(contentsOfFile: PackagePaths.path("sample-data/population.csv"), encoding: .utf8)
        let lines = original.split(separator: "\n").map { line -> String in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == 3, years.contains(String(cells[1])), let population = Int(cells[2]) else { return String(line) }
            return "\(cells[0]),\(cells[1]),\(population + 1000)"
        }
        let path = folder + "/population-changed.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The inode of every file under `folder`, by relative path.
    static func inodes(of folder: String) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for relative in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var st = stat()
            if lstat(folder + "/" + relative, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { result[relative] = UInt64(st.st_ino) }
        }
        return result
    }

    static func files(_ snapshot: [String: Data], ofYears years: Set<String>) -> [String: Data] {
        snapshot.filter { year(of: $0.key).map(years.contains) ?? false }
    }

    static func manifest(_ out: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))
            as? [String: Any])
    }

    /// The manifest's output digests by path.
    static func outputs(_ manifest: [String: Any]) throws -> [String: String] {
        let list = try #require(manifest["outputs"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["path"] as! String, $0["sha256"] as! String) })
    }

    /// The authority_year.csv row of `code` in `year`'s partition: its first five cells.
    static func row(_ out: String, _ year: String, _ code: String) throws -> String? {
        let text = try String(contentsOfFile: out + "/years/\(year)/authority_year.csv", encoding: .utf8)
        return text.split(separator: "\n").first { $0.hasPrefix("\(year),\(code),") }
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(5).joined(separator: ",") }
    }

    @Test func rerunningARangeRecomputesItAndCarriesEveryOtherYearOver() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out", full = folder + "/full", fresh = folder + "/fresh"
        try publish(out)
        let before = try Snapshot.digests(of: out)
        let firstManifest = try Self.manifest(out)
        let allYears = Set(before.keys.compactMap(Self.year(of:)))
        #expect(allYears == ["2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24"])
        #expect(before.keys.contains("letters/2018-19/BKM.md"))
        #expect(before.keys.contains("report/2018-19/index.html"))
        #expect(before.keys.contains("map/2018-19.json"))
        #expect(before.keys.contains("report/2018-19/england.html"))
        // The partition holds the year's tables' rows only: each page is written once, at its path.
        #expect(Set(before.keys.filter { $0.hasPrefix("years/2018-19/") })
                    == Set((Self.tables + Self.caseTables).map { "years/2018-19/" + $0 }))
        #expect(Self.caseTables.allSatisfy { before[$0] == nil }, "no top-level copy of a per-case table")
        #expect(before.keys.contains("report/england.html"))

        // The rerun years' inputs change (their populations); the other years' do not.
        let population = try Self.populationChanged(in: Set(Self.rerun), folder: folder)
        try publish(out, years: "2019-20..2020-21", extra: ["--population", population])
        try publish(fresh, years: "2019-20..2020-21", extra: ["--population", population])
        try publish(full, extra: ["--population", population])
        let after = try Snapshot.digests(of: out)
        let fullRun = try Snapshot.digests(of: full)
        let others = allYears.subtracting(Self.rerun)

        // Every other year's files (partition and published paths), byte for byte, and their hashes;
        // the national tables and England's page of a year among them.
        #expect(Self.files(after, ofYears: others) == Self.files(before, ofYears: others))
        for year in others {
            for path in (Self.tables + Self.caseTables).map({ "years/\(year)/\($0)" }) + ["report/\(year)/england.html"] {
                #expect(after[path] != nil && after[path] == before[path], "\(path)")
            }
        }
        let oldOutputs = try Self.outputs(firstManifest), newOutputs = try Self.outputs(try Self.manifest(out))
        for (path, sha) in oldOutputs where Self.year(of: path).map(others.contains) ?? false {
            #expect(newOutputs[path] == sha, "\(path)")
        }
        // The rerun years are those of a fresh run of the range, nothing more or less, but for
        // their authority pages: those list the service improvements of the years before them
        // too, 2018-19's among them, which a fresh run of the range does not publish.
        let rerun = Set(Self.rerun)
        func withoutAuthorityPages(_ files: [String: Data]) -> [String: Data] {
            files.filter { path, _ in
                !(path.hasPrefix("report/") && !path.hasSuffix("/index.html") && !path.hasSuffix("/england.html")
                    && path.hasSuffix(".html"))
            }
        }
        #expect(withoutAuthorityPages(Self.files(after, ofYears: rerun))
            == withoutAuthorityPages(Self.files(try Snapshot.digests(of: fresh), ofYears: rerun)))
        #expect(!Self.files(after, ofYears: rerun).isEmpty)
        // Every file of the rerun years, and every whole-publication file but the manifest, is
        // what a full run on the same inputs writes: tables, letters, year pages and maps, and the
        // history pages, which chart every published year, reprocessed or not.
        #expect(Self.files(after, ofYears: rerun) == Self.files(fullRun, ofYears: rerun))
        #expect(Self.files(after, ofYears: rerun) != Self.files(before, ofYears: rerun), "the populations changed")
        #expect(Self.historyPages(after) == Self.historyPages(fullRun))
        #expect(Self.historyPages(after).count > 40)
        // The years carried over kept the style sheets their pages and letters link.
        for year in others {
            for path in ["report/\(year)/style.css", "letters/\(year)/letter.css"] {
                #expect(after[path] != nil && after[path] == before[path], "\(path)")
            }
        }
        Self.expectStyleSheetsLinkedAndPresent(in: after, years: allYears)
        let history = String(decoding: try #require(after["report/authorities/LCE.html"]), as: UTF8.self)
        for year in allYears {
            #expect(history.contains(#"<tr><th scope="row">\#(year)</th><td class="n">"#), "the history has no \(year)")
        }
        for table in Self.tables {
            #expect(after[table] == fullRun[table], "\(table)")
        }
        #expect(Set(after.keys.compactMap(Self.year(of:))) == allYears)

        // The manifest says which years were computed and where the others came from.
        let partitions = try #require(try Self.manifest(out)["partitions"] as? [String: Any])
        #expect(partitions["computed"] as? [String] == Self.rerun)
        let carried = try #require(partitions["carried_over"] as? [[String: String]])
        #expect(carried.map { $0["year"] } == others.sorted())
        #expect(carried.allSatisfy { $0["previous_run_started"] == firstManifest["started"] as? String })

        // Register history per year, whichever year the run happens in: Wycombe (abolished on
        // 1 April 2020) is a current District in 2019-20 and not current in 2020-21.
        #expect(try Self.row(out, "2019-20", "WYO") == "2019-20,WYO,Wycombe District Council,District,true")
        #expect(try Self.row(out, "2020-21", "WYO") == "2020-21,WYO,Wycombe District Council,District,false")
        #expect(try Self.row(out, "2019-20", "BKM") == "2019-20,BKM,Buckinghamshire County Council,County,true")
        #expect(try Self.row(out, "2020-21", "BKM") == "2020-21,BKM,Buckinghamshire County Council,County,false")
        #expect(try Self.row(out, "2020-21", "BUC") == "2020-21,BUC,Buckinghamshire Council,Unitary,true")

        // One name on disk: the letter is written once, at its published path.
        var a = stat()
        #expect(stat(out + "/letters/2019-20/WYO.md", &a) == 0 && a.st_nlink == 1)
        #expect(!FileManager.default.fileExists(atPath: out + "/years/2019-20/letters"))

        // A second range on top: North Yorkshire (reorganised on 1 April 2023), and years carried
        // over twice still name the run that computed them.
        let secondManifest = try Self.manifest(out)
        try publish(out, years: "2022-23..2023-24", extra: ["--population", population])
        #expect(try Self.row(out, "2022-23", "NYK") == "2022-23,NYK,North Yorkshire County Council,County,true")
        #expect(try Self.row(out, "2023-24", "NYK") == "2023-24,NYK,North Yorkshire County Council,County,false")
        #expect(try Self.row(out, "2023-24", "NYE") == "2023-24,NYE,North Yorkshire Council,Unitary,true")
        let third = try #require(try Self.manifest(out)["partitions"] as? [String: Any])
        let thirdCarried = try #require(third["carried_over"] as? [[String: Any]])
        let byYear = Dictionary(uniqueKeysWithValues: thirdCarried.map { ($0["year"] as! String, $0) })
        #expect(byYear["2019-20"]?["computed_by_run_started"] as? String == secondManifest["started"] as? String)
        #expect(byYear["2018-19"]?["computed_by_run_started"] as? String == firstManifest["started"] as? String)
        #expect(byYear["2018-19"]?["previous_run_started"] as? String == secondManifest["started"] as? String)
        let last = try Snapshot.digests(of: out)
        for table in Self.tables {
            #expect(last[table] == fullRun[table], "\(table)")
        }
        // Those two years were computed again and found unchanged: carried over, not rendered.
        #expect(third["computed"] as? [String] == [])
        #expect(byYear["2022-23"]?["unchanged"] as? Bool == true && byYear["2023-24"]?["unchanged"] as? Bool == true)
        #expect(byYear["2019-20"]?["unchanged"] == nil, "not asked for: left alone, not computed")
        #expect(Self.files(last, ofYears: ["2018-19", "2021-22"]) == Self.files(before, ofYears: ["2018-19", "2021-22"]))
    }

    @Test func everyYearsPartitionHoldsTheStyleSheetsItsPagesAndLettersLink() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let snapshot = try Snapshot.digests(of: out)
        let years = Set(snapshot.keys.compactMap(Self.year(of:)))
        #expect(years.count == 6)
        Self.expectStyleSheetsLinkedAndPresent(in: snapshot, years: years)
        // One style sheet per folder, not a copy per page: no page keeps an inline one.
        #expect(!snapshot.contains { $0.key.hasSuffix(".html") && String(decoding: $0.value, as: UTF8.self).contains("<style") })
        // Listed in the manifest like every other output, and one name on disk.
        let listed = try Self.outputs(try Self.manifest(out))
        for year in years {
            for path in ["report/\(year)/style.css", "letters/\(year)/letter.css"] {
                #expect(listed[path] != nil && listed["years/\(year)/" + path] == nil, "\(path)")
                var a = stat()
                #expect(stat(out + "/" + path, &a) == 0 && a.st_nlink == 1, "\(path) has a second name")
            }
        }
        #expect(listed["report/style.css"] != nil)
    }

    @Test func anUnchangedRerunThatRecomputesRendersNothingAndKeepsEveryFile() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let before = try Snapshot.digests(of: out), inodesBefore = try Self.inodes(of: out)
        // --recompute: every table computed again, every year then found unchanged (without it
        // the run would publish the same files without computing: RepublicationTests).
        try publish(out, extra: ["--recompute"])
        let after = try Snapshot.digests(of: out), inodesAfter = try Self.inodes(of: out)

        let partitions = try #require(try Self.manifest(out)["partitions"] as? [String: Any])
        #expect(partitions["pages_rendered"] as? Int == 0)
        #expect(partitions["computed"] as? [String] == [])
        let carried = try #require(partitions["carried_over"] as? [[String: Any]])
        #expect(carried.count == 6 && carried.allSatisfy { $0["unchanged"] as? Bool == true })
        // Every file but the manifest (which records this run's times) is the same file.
        let files = before.keys.filter { $0 != "manifest.json" }
        #expect(files.count > 500)
        #expect(Set(after.keys) == Set(before.keys))
        for path in files {
            #expect(after[path] == before[path], "\(path) changed")
            #expect(inodesAfter[path] == inodesBefore[path], "\(path) was written again")
        }
    }

    /// Appends a line to 2018-19's letter to BKM: a new file in its place, as an editor saves it.
    /// Returns its path.
    @discardableResult
    static func editALetterByHand(in out: String) throws -> String {
        let tampered = out + "/letters/2018-19/BKM.md"
        let text = try String(contentsOfFile: tampered, encoding: .utf8) + "An edit by hand.\n"
        try FileManager.default.removeItem(atPath: tampered)
        try text.write(toFile: tampered, atomically: false, encoding: .utf8)
        return tampered
    }

    @Test func anUnchangedYearWhoseFilesWereEditedIsRenderedAgain() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let fresh = try Snapshot.digests(of: out)
        try Self.editALetterByHand(in: out)

        // A full run: 2018-19's fingerprint is unchanged, but its files no longer match the
        // manifest, so that year alone is rendered again; the others are carried over.
        try publish(out)
        let manifest = try Self.manifest(out)
        #expect(manifest["sources_unchanged_since"] == nil, "the sources are unchanged, but a file is not: computed")
        let partitions = try #require(manifest["partitions"] as? [String: Any])
        #expect(partitions["computed"] as? [String] == ["2018-19"])
        let carried = try #require(partitions["carried_over"] as? [[String: Any]])
        #expect(carried.count == 5 && !carried.contains { $0["year"] as? String == "2018-19" })
        let after = try Snapshot.digests(of: out)
        #expect(Set(after.keys) == Set(fresh.keys))
        for (path, bytes) in fresh where path != "manifest.json" {
            #expect(after[path] == bytes, "\(path) differs from a fresh run's")
        }
    }

    /// Changes a byte of England's history page in `out` through the file (the same inode and
    /// size), its modification time put back (`timePutBack`) or set a second after the
    /// manifest's (a later edit). Returns the bytes it then holds.
    @discardableResult
    static func editEnglandsHistoryInPlace(in out: String, timePutBack: Bool) throws -> Data {
        Data(try InPlaceEdit.flipAByte(of: out + "/report/england.html",
                                       time: timePutBack ? .putBack : .afterTheManifest(inFolder: out)).bytes)
    }

    @Test func aHistoryPageEditedWithItsTimePutBackIsCarriedOverUnread() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let listed = try Self.outputs(try Self.manifest(out))["report/england.html"]
        let inode = try Self.inodes(of: out)["report/england.html"]
        // The same size, its time put back: what the check by size and time cannot see.
        let edited = try Self.editEnglandsHistoryInPlace(in: out, timePutBack: true)

        // Computing (a plain rerun would find the publication up to date and build nothing).
        try publish(out, extra: ["--recompute"])
        let manifest = try Self.manifest(out)
        let partitions = try #require(manifest["partitions"] as? [String: Any])
        #expect(partitions["pages_rendered"] as? Int == 0)
        // Linked with the other history pages and listed with the first manifest's sha256
        // rather than that of the bytes it now holds: it was not read.
        #expect(try Self.outputs(manifest)["report/england.html"] == listed)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/report/england.html")) == edited)
        #expect(try Self.inodes(of: out)["report/england.html"] == inode)
    }

    @Test func aHistoryPageEditedAfterTheManifestIsRenderedAgain() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let fresh = try Snapshot.digests(of: out), inodesBefore = try Self.inodes(of: out)
        try Self.editEnglandsHistoryInPlace(in: out, timePutBack: false)

        // Every year is carried over; the history pages are rendered again, and each but the
        // edited one is linked to its unchanged file.
        try publish(out)
        let partitions = try #require(try Self.manifest(out)["partitions"] as? [String: Any])
        #expect(partitions["computed"] as? [String] == [])
        #expect((partitions["pages_rendered"] as? Int ?? 0) > 0)
        let after = try Snapshot.digests(of: out), inodesAfter = try Self.inodes(of: out)
        #expect(Set(after.keys) == Set(fresh.keys))
        for (path, bytes) in fresh where path != "manifest.json" {
            #expect(after[path] == bytes, "\(path) differs from a fresh run's")
        }
        #expect(inodesAfter["report/england.html"] != inodesBefore["report/england.html"])
        for path in Self.historyPages(fresh).keys where path != "report/england.html" {
            #expect(inodesAfter[path] == inodesBefore[path], "\(path) was written again")
        }
    }

    @Test func aTamperedPartitionFailsAndLeavesThePublicationAlone() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let tampered = try Self.editALetterByHand(in: out)
        let before = try Snapshot.digests(of: out)

        let result = try run(["run", sample, "--out", out, "--years", "2019-20"])
        #expect(result.status == 65)
        #expect(result.stderr.contains(tampered), "\(result.stderr)")
        #expect(result.stderr.contains("does not match the previous manifest"))
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }

    @Test func aDryRunOfARangeLeavesThePublicationAlone() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let before = try Snapshot.digests(of: out)
        try publish(out, years: "2019-20", extra: ["--method", "pooled", "--dry-run"])
        #expect(try run(["validate", sample, "--out", out, "--years", "2019-20"]).status == 0)
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }

    @Test func withoutAPreviousPublicationOnlyTheRangeIsPublished() throws {
        let folder = try TemporaryFolder("reprocess").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out, years: "2020-21")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/years") == ["2020-21"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/letters") == ["2020-21"])
        let partitions = try #require(try Self.manifest(out)["partitions"] as? [String: Any])
        #expect(partitions["computed"] as? [String] == ["2020-21"])
        #expect((partitions["carried_over"] as? [Any])?.isEmpty == true)
    }
}
