import Foundation
import Glibc
import Testing

/// Reprocessing past years through the real executable on the sample data: `--years` recomputes
/// those years and carries every other year over byte-identical from the current publication.
@Suite struct ReprocessingTests {
    let sample = SharedMaterial.path("pipelines/sample.yaml")
    static let rerun = ["2019-20", "2020-21"]

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(ProcessRunner.executable, arguments, currentDirectory: SharedMaterial.packageRoot.path)
    }

    /// Runs the sample pipeline into `out` (all years, or `years`) and expects success.
    func publish(_ out: String, years: String? = nil, extra: [String] = []) throws {
        let result = try run(["run", sample, "--out", out] + (years.map { ["--years", $0] } ?? []) + extra)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The reporting year a published file belongs to (`years/2019-20/...`, `letters/2019-20/...`,
    /// `report/2019-20/...`, `map/2019-20.json`), or nil for a file about the whole publication.
    static func year(of path: String) -> String? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, ["years", "letters", "report", "map"].contains(parts[0]) else { return nil }
        return String(parts[1].hasSuffix(".json") ? parts[1].dropLast(5) : parts[1])
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
        let folder = try ProcessRunner.temporaryFolder("reprocess")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out", full = folder + "/full", fresh = folder + "/fresh"
        try publish(out)
        try publish(full)
        let before = try Snapshot.digests(of: out)
        let firstManifest = try Self.manifest(out)
        let allYears = Set(before.keys.compactMap(Self.year(of:)))
        #expect(allYears == ["2018-19", "2019-20", "2020-21", "2021-22", "2022-23", "2023-24"])
        #expect(before.keys.contains("years/2018-19/letters/2018-19/BKM.md"))
        #expect(before.keys.contains("years/2018-19/report/2018-19/index.html"))
        #expect(before.keys.contains("years/2018-19/map/2018-19.json"))

        try publish(out, years: "2019-20..2020-21")
        try publish(fresh, years: "2019-20..2020-21")
        let after = try Snapshot.digests(of: out)
        let others = allYears.subtracting(Self.rerun)

        // Every other year's files (partition and outputs.md paths), byte for byte, and their hashes.
        #expect(Self.files(after, ofYears: others) == Self.files(before, ofYears: others))
        let oldOutputs = try Self.outputs(firstManifest), newOutputs = try Self.outputs(try Self.manifest(out))
        for (path, sha) in oldOutputs where Self.year(of: path).map(others.contains) ?? false {
            #expect(newOutputs[path] == sha, "\(path)")
        }
        // The rerun years are those of a fresh run of the range, nothing more or less.
        let rerun = Set(Self.rerun)
        #expect(Self.files(after, ofYears: rerun) == Self.files(try Snapshot.digests(of: fresh), ofYears: rerun))
        #expect(!Self.files(after, ofYears: rerun).isEmpty)
        // Same inputs: tables and letters of the rerun years equal the full run's too (the report
        // pages differ: their charts span the years the run computed).
        let unchanged = after.filter { (Self.year(of: $0.key).map(rerun.contains) ?? false)
            && ($0.key.hasSuffix(".csv") || $0.key.contains("letters/") || $0.key.hasPrefix("map/")) }
        #expect(!unchanged.isEmpty)
        for (path, bytes) in unchanged { #expect(before[path] == bytes, "\(path)") }
        // The top-level tables are the concatenation of the partitions: as the full run's.
        for table in ["authority_year.csv", "type_year.csv", "comparison.csv"] {
            #expect(after[table] == (try Snapshot.digests(of: full))[table], "\(table)")
            #expect(after[table] == before[table], "\(table)")
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

        // One copy on disk: the outputs.md path is a hard link to the partition's file.
        var a = stat(), b = stat()
        #expect(stat(out + "/letters/2019-20/WYO.md", &a) == 0 && stat(out + "/years/2019-20/letters/2019-20/WYO.md", &b) == 0)
        #expect(a.st_ino == b.st_ino)

        // A second range on top: North Yorkshire (reorganised on 1 April 2023), and years carried
        // over twice still name the run that computed them.
        let secondManifest = try Self.manifest(out)
        try publish(out, years: "2022-23..2023-24")
        #expect(try Self.row(out, "2022-23", "NYK") == "2022-23,NYK,North Yorkshire County Council,County,true")
        #expect(try Self.row(out, "2023-24", "NYK") == "2023-24,NYK,North Yorkshire County Council,County,false")
        #expect(try Self.row(out, "2023-24", "NYE") == "2023-24,NYE,North Yorkshire Council,Unitary,true")
        let third = try #require(try Self.manifest(out)["partitions"] as? [String: Any])
        let thirdCarried = try #require(third["carried_over"] as? [[String: String]])
        let byYear = Dictionary(uniqueKeysWithValues: thirdCarried.map { ($0["year"]!, $0) })
        #expect(byYear["2019-20"]?["computed_by_run_started"] == secondManifest["started"] as? String)
        #expect(byYear["2018-19"]?["computed_by_run_started"] == firstManifest["started"] as? String)
        #expect(byYear["2018-19"]?["previous_run_started"] == secondManifest["started"] as? String)
        let last = try Snapshot.digests(of: out)
        for table in ["authority_year.csv", "type_year.csv", "comparison.csv"] {
            #expect(last[table] == before[table], "\(table)")
        }
        #expect(Self.files(last, ofYears: ["2018-19", "2021-22"]) == Self.files(before, ofYears: ["2018-19", "2021-22"]))
    }

    @Test func aTamperedPartitionFailsAndLeavesThePublicationAlone() throws {
        let folder = try ProcessRunner.temporaryFolder("reprocess")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        try publish(out)
        let tampered = out + "/years/2018-19/letters/2018-19/BKM.md"
        let text = try String(contentsOfFile: tampered, encoding: .utf8) + "An edit by hand.\n"
        // A new file in its place, as an editor saves it; the outputs.md path keeps the original.
        try FileManager.default.removeItem(atPath: tampered)
        try text.write(toFile: tampered, atomically: false, encoding: .utf8)
        let before = try Snapshot.digests(of: out)

        let result = try run(["run", sample, "--out", out, "--years", "2019-20"])
        #expect(result.status == 65)
        #expect(result.stderr.contains(tampered), "\(result.stderr)")
        #expect(result.stderr.contains("does not match the previous manifest"))
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }

    @Test func aDryRunOfARangeLeavesThePublicationAlone() throws {
        let folder = try ProcessRunner.temporaryFolder("reprocess")
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
        let folder = try ProcessRunner.temporaryFolder("reprocess")
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
