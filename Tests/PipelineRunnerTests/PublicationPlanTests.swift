import Foundation
import Glibc
import Logging
import Output
@testable import PipelineRunner
import PipelineModel
import Rendering
import Testing
import TestSupport

/// The publication plan: every file carried over from the current publication, written from
/// bytes in hand or rendered, each written once at its published path. One mechanism (a carried
/// entry, checked by size and time when planned and again once linked) serves a year left alone
/// (`--years`), a year found unchanged, unchanged tables, history pages and rejects, and the
/// unchanged rerun, whose plan carries every file to its own path.
@Suite(.serialized) struct PublicationPlanTests {
    static let sample = Result(catching: { try SampleFigures.load() })
    static let templates = Result(catching: { try RepositoryTemplates.load() })

    /// The sample's first two years.
    static func figures() throws -> AnnualFigures {
        let all = try sample.get()
        return AnnualFigures(method: all.method, years: all.years.prefix(2).map(withCases))
    }

    /// `year` with a decision, a compliance outcome and a service improvement on its first
    /// authority's row, so that its per-case tables have rows (invented cases: the sample's
    /// figures are read from its expected tables, which have none).
    static func withCases(_ year: YearFigures) -> YearFigures {
        var rows = year.authorities
        let day = Day(year: year.year.startYear, month: 6, day: 1)!
        rows[0].cases = AuthorityYearCases(
            decisions: [DecidedCase(reference: UInt32(year.year.startYear % 100) * 1_000_000 + 1, decisionDate: day,
                                    area: .housing, outcome: .upheld, satisfactoryRemedy: false, publicReport: false,
                                    serviceImprovement: true)],
            compliance: [ComplianceCase(reference: UInt32(year.year.startYear % 100) * 1_000_000 + 2, complianceDate: day,
                                        outcome: .complied)],
            serviceImprovements: [ServiceImprovementCase(reference: UInt32(year.year.startYear % 100) * 1_000_000 + 1,
                                                         decisionDate: day, area: .housing, subcategory: "Allocations",
                                                         remedy: "Apology; Training and/or guidance")])
        return YearFigures(year: year.year, authorities: rows, types: year.types, national: year.national,
                           areas: year.areas, publicReports: year.publicReports)
    }

    static let first = Date(timeIntervalSince1970: 1_714_528_984)

    /// What a test run publishes: which years it computes, how, and its rejects.
    struct Run {
        var carriesOtherYears = false
        var method: AveragingMethod = .pooled
        var letters = LetterSettings()
        var started = PublicationPlanTests.first
        var rejects = [Reject(file: "export.csv", line: 2, reference: "", reason: .fieldCount, detail: "16 fields, expected 15")]
    }

    /// What a test run did.
    struct Published {
        let manifest: RunManifest
        let plan: PublicationPlan
        let pagesRendered: Int
    }

    /// Publishes `figures` into `out` as the runner's publication phase does: rejects streamed
    /// first, then the plan of the years, tables and history pages, staged, the manifest last.
    @discardableResult
    static func publish(_ figures: AnnualFigures, to out: String, _ run: Run = Run()) async throws -> Published {
        let publisher = try OutputPublisher(destination: out, currentRequired: run.carriesOtherYears)
        do {
            let rejects = try publisher.staging().rejectsFile()
            try rejects.write(run.rejects)
            let streamed = try rejects.finish()
            try publisher.record([streamed])
            let planner = PublicationPlanner(method: run.method, carriesOtherYears: run.carriesOtherYears,
                                             templates: try templates.get(), letters: run.letters,
                                             // The register of every run: the sample's authorities.
                                             register: Dictionary(try sample.get().years.flatMap { $0.authorities.map { ($0.authority.code, $0.authority) } },
                                                                  uniquingKeysWith: { first, _ in first }).sorted { $0.key < $1.key }.map(\.value),
                                             logger: Logger(label: "test"))
            let improvements = try planner.serviceImprovements(figures, current: publisher.current)
            var (plan, tables) = try planner.plan(figures, current: publisher.current, serviceImprovements: improvements)
            try planner.planHistory(tables, of: figures, serviceImprovements: improvements, into: &plan)
            plan.keepRejects(streamed)
            let cost = try await plan.stage(into: publisher, rendering: PageRendering(width: 2))
            var manifest: RunManifest?
            try publisher.writeManifest { outputs in
                manifest = RunManifest(
                    version: "test", started: run.started, ended: run.started, inputs: [], counts: .init(RunCounts()),
                    configuration: .init(register: .init(path: "register.csv", bytes: 0, sha256: ""), method: run.method,
                                         years: ""),
                    outputs: outputs, partitions: plan.partitions(pagesRendered: cost.total))
                return manifest!
            }
            try publisher.publish()
            return Published(manifest: try #require(manifest), plan: plan, pagesRendered: cost.total)
        } catch {
            publisher.abandon()
            throw error
        }
    }

    static func inode(_ path: String) throws -> UInt {
        UInt(try InPlaceEdit.status(path).st_ino)
    }

    /// Every file under `folder` (relative paths) with its inode.
    static func inodes(of folder: String) throws -> [String: UInt] {
        var found: [String: UInt] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            let status = try InPlaceEdit.status(folder + "/" + path)
            if (status.st_mode & S_IFMT) == S_IFREG { found[path] = UInt(status.st_ino) }
        }
        return found
    }

    /// Every file under `folder` (relative paths) with its bytes.
    static func files(of folder: String) throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for path in try inodes(of: folder).keys { found[path] = try contents(folder + "/" + path) }
        return found
    }

    @Test func aYearsFingerprintCoversTheCasesItsPerCaseTablesPrint() throws {
        let year = try Self.figures().years[0]
        let base = Fingerprint(program: "program", templates: "templates", method: .pooled)
        let tables = TableFile.topLevel.map { ($0, $0.render(year)) }
        func changed(_ change: (inout AuthorityYearCases) -> Void) -> YearFigures {
            var rows = year.authorities
            change(&rows[0].cases)
            return YearFigures(year: year.year, authorities: rows, types: year.types, national: year.national,
                               areas: year.areas, publicReports: year.publicReports)
        }
        let fingerprint = Fingerprint.year(year, tables: tables, base: base)
        #expect(Fingerprint.year(changed { _ in }, tables: tables, base: base) == fingerprint)
        // A remedy table that no longer calls the remedy a service improvement, a remedy
        // recorded otherwise: the year's tables above are the same, its per-case tables are not.
        #expect(Fingerprint.year(changed { $0.serviceImprovements = [] }, tables: tables, base: base) != fingerprint)
        #expect(Fingerprint.year(changed { cases in
            let c = cases.serviceImprovements[0]
            cases.serviceImprovements = [ServiceImprovementCase(reference: c.reference, decisionDate: c.decisionDate, area: c.area,
                                                                subcategory: c.subcategory, remedy: c.remedy + ";")]
        }, tables: tables, base: base) != fingerprint)
        #expect(Fingerprint.year(changed { $0.compliance = [] }, tables: tables, base: base) != fingerprint)
    }

    /// A letter of the first year, by its published path.
    static func letter(_ figures: AnnualFigures) -> String {
        let year = figures.years[0]
        return "letters/\(year.year.label)/\(year.authorities[0].authority.code).md"
    }

    @Test func everyFileIsWrittenOnceAtItsPublishedPath() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        let published = try await Self.publish(figures, to: out)
        #expect(published.pagesRendered > 0)
        #expect(published.plan.carried.isEmpty)

        for year in figures.years {
            let label = year.year.label
            // The partition holds the year's tables' rows, nothing else.
            #expect(try listing(out + "/years/\(label)") == TableFile.allCases.map(\.fileName).sorted())
            for table in TableFile.allCases {
                #expect(try contents(out + "/years/\(label)/\(table.fileName)") == table.render(year))
            }
            #expect(FileManager.default.fileExists(atPath: out + "/map/\(label).json"))
            #expect(FileManager.default.fileExists(atPath: out + "/report/\(label)/index.html"))
        }
        for table in TableFile.topLevel {
            #expect(try contents(out + "/" + table.fileName) == table.render(figures))
        }
        // The per-case tables are in the partitions only.
        for table in TableFile.allCases where table.isPartitionOnly {
            #expect(!FileManager.default.fileExists(atPath: out + "/" + table.fileName), "\(table)")
        }
        // One name per file: no second name anywhere, and the manifest lists each path once.
        for (path, _) in try Self.inodes(of: out) {
            #expect(try InPlaceEdit.status(out + "/" + path).st_nlink == 1, "\(path)")
        }
        #expect(!published.manifest.outputs.contains { $0.path.hasPrefix("years/") && $0.path.split(separator: "/").count > 3 })
        #expect(published.manifest.partitions?.computed == figures.years.map(\.year.label))
    }

    @Test func anUnchangedRunCarriesEveryFileToItsOwnPath() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        let first = try await Self.publish(figures, to: out)
        let before = try Self.inodes(of: out)
        let current = try #require(try CurrentPublication.read(from: out))
        #expect(current.firstDifference() == nil, "what an unchanged rerun checks")

        let second = try await Self.publish(figures, to: out, Run(started: Date(timeIntervalSince1970: 1_714_600_000)))
        // Years found unchanged, unchanged tables, history pages and rejects: every file
        // carried from the current publication to its own path, nothing written or rendered.
        #expect(second.pagesRendered == 0)
        #expect(second.plan.written.isEmpty && second.plan.rendered.isEmpty)
        #expect(second.plan.rejects != nil)
        #expect(Set((second.plan.carried + [second.plan.rejects].compactMap { $0 }).map(\.path))
            == Set(first.manifest.outputs.map(\.path)))
        #expect(second.manifest.outputs == first.manifest.outputs)
        #expect(second.manifest.partitions?.computed == [])
        #expect(second.manifest.partitions?.carriedOver.allSatisfy { $0.unchanged == true } == true)
        let after = try Self.inodes(of: out)
        #expect(Set(after.keys) == Set(before.keys))
        for (path, inode) in before where path != "manifest.json" {
            #expect(after[path] == inode, "\(path) was written again")
        }
    }

    @Test func theUpToDateCheckFindsAFileThatDiffersAStrayAndAMissingOne() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        try await Self.publish(figures, to: out)
        func difference() throws -> (path: String, reason: String)? {
            try #require(try CurrentPublication.read(from: out)).firstDifference()
        }
        #expect(try difference() == nil)

        let stray = out + "/report/authorities/ZZZ.html"
        try Data("<p>not ours</p>\n".utf8).write(to: URL(fileURLWithPath: stray))
        #expect(try difference()?.path == stray)
        #expect(try difference()?.reason == "the manifest does not list it")
        try FileManager.default.removeItem(atPath: stray)

        let map = out + "/map/\(figures.years[1].year.label).json"
        let bytes = try contents(map)
        try FileManager.default.removeItem(atPath: map)
        #expect(try difference()?.path == map)
        #expect(try difference()?.reason == "the manifest lists it but it is missing")
        // Put back as it was, but written after the manifest: an edit.
        try Data(bytes).write(to: URL(fileURLWithPath: map))
        try InPlaceEdit.setModified(map, .afterTheManifest(inFolder: out), before: InPlaceEdit.status(map).st_mtim)
        #expect(try difference()?.path == map)
        #expect(try difference()?.reason.contains("after the manifest was written") == true)
    }

    @Test func yearsLeftAloneAreCarriedOverByteIdenticalAndRecorded() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        let first = try await Self.publish(figures, to: out)
        let letter = Self.letter(figures)
        let before = try contents(out + "/" + letter), inode = try Self.inode(out + "/" + letter)

        // The second year alone, with another letter date: rendered; the first carried over.
        let later = Date(timeIntervalSince1970: 1_714_600_000)
        let dated = LetterSettings(date: Day(year: 2024, month: 7, day: 22))
        let only = AnnualFigures(method: figures.method, years: [figures.years[1]])
        let second = try await Self.publish(only, to: out, Run(carriesOtherYears: true, letters: dated, started: later))
        #expect(try contents(out + "/" + letter) == before)
        #expect(try Self.inode(out + "/" + letter) == inode, "carried over as a link, not a copy")
        for table in TableFile.topLevel {
            #expect(try contents(out + "/" + table.fileName) == table.render(figures))
        }
        let year = figures.years[0].year
        let carried = first.manifest.outputs.filter { CurrentPublication.isFile($0.path, of: year) }
        #expect(carried.count > 10 && carried.allSatisfy { second.manifest.outputs.contains($0) })
        // The per-case tables are carried with their partition, byte-identical and linked.
        for table in TableFile.allCases where table.isPartitionOnly {
            let path = CurrentPublication.partitionFolder(of: year) + "/" + table.fileName
            #expect(carried.contains { $0.path == path }, "\(path)")
            #expect(try contents(out + "/" + path) == table.render(figures.years[0]))
            #expect(try contents(out + "/" + path).count > table.header.count, "\(path) has rows")
        }
        #expect(second.manifest.partitions?.computed == [figures.years[1].year.label])
        #expect(second.manifest.partitions?.carriedOver == [
            .init(year: year.label, previousRunStarted: Self.first, computedByRunStarted: Self.first),
        ])

        // Carried over once more: it still names the run that computed it.
        let third = try await Self.publish(only, to: out, Run(carriesOtherYears: true, letters: dated,
                                                               started: Date(timeIntervalSince1970: 1_714_700_000)))
        #expect(third.manifest.partitions?.carriedOver.first { $0.year == year.label }
            == .init(year: year.label, previousRunStarted: later, computedByRunStarted: Self.first))
    }

    /// Publishes the sample's two years, changes a file of the first year by `edit`, and
    /// expects a run that must carry that year over to fail naming the file with `reason`,
    /// leaving everything as it was.
    func expectRefused(_ reason: String, edit: (_ out: String, _ figures: AnnualFigures) throws -> String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        try await Self.publish(figures, to: out)
        let path = try edit(out, figures)
        let before = try Self.inodes(of: out)
        let only = AnnualFigures(method: figures.method, years: [figures.years[1]])
        do {
            try await Self.publish(only, to: out, Run(carriesOtherYears: true))
            Issue.record("a year whose files differ from the manifest was carried over")
        } catch let OutputError.cannotCarryOver(failed, why) {
            #expect(failed == path)
            #expect(why.contains(reason), "\(why)")
        }
        #expect(try Self.inodes(of: out) == before)
        #expect(try listing(folder.path) == [".out.lock", "out"])
    }

    @Test func aFileReplacedAfterTheManifestIsRefused() async throws {
        try await expectRefused("does not match the previous manifest") { out, figures in
            let path = out + "/" + Self.letter(figures)
            let bytes = try contents(path) + Array("An edit by hand.\n".utf8)
            try FileManager.default.removeItem(atPath: path)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    @Test func aSameSizeEditThroughTheLinkAfterTheManifestIsRefused() async throws {
        try await expectRefused("after the manifest was written") { out, figures in
            let path = out + "/" + Self.letter(figures)
            _ = try InPlaceEdit.flipAByte(of: path, time: .afterTheManifest(inFolder: out))
            return path
        }
    }

    @Test func aTableOfAnotherSizeIsRefused() async throws {
        try await expectRefused("bytes; the manifest says") { out, figures in
            let path = out + "/years/\(figures.years[0].year.label)/type_year.csv"
            let modified = try InPlaceEdit.status(path).st_mtim
            try InPlaceEdit.overwrite(path, with: try contents(path) + Array("2018-19,extra\n".utf8))
            try InPlaceEdit.setModified(path, to: modified)
            return path
        }
    }

    @Test func aFileTheManifestDoesNotListIsRefused() async throws {
        try await expectRefused("the previous manifest does not list it") { out, figures in
            let stray = out + "/letters/\(figures.years[0].year.label)/ZZZ.md"
            try Data("# not ours\n".utf8).write(to: URL(fileURLWithPath: stray))
            return stray
        }
    }

    /// A publication made before the per-case tables existed (invented here by taking them out
    /// of a partition and its manifest): the year cannot be carried over as it is, and the
    /// refusal says how to get the year's nine tables.
    @Test func aYearPublishedBeforeThePerCaseTablesIsRefusedWithTheWayOut() async throws {
        try await expectRefused("recompute it once (include") { out, figures in
            let partition = "years/\(figures.years[0].year.label)/"
            let perCase = TableFile.allCases.filter(\.isPartitionOnly).map { partition + $0.fileName }
            for path in perCase { try FileManager.default.removeItem(atPath: out + "/" + path) }
            let manifestPath = out + "/manifest.json"
            var manifest = try #require(JSONSerialization.jsonObject(with: Data(contents(manifestPath))) as? [String: Any])
            let outputs = try #require(manifest["outputs"] as? [[String: Any]])
            manifest["outputs"] = outputs.filter { !perCase.contains($0["path"] as? String ?? "") }
            try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys]).write(to: URL(fileURLWithPath: manifestPath))
            return out + "/" + perCase[0]
        }
    }

    @Test func aMissingFileIsRefused() async throws {
        try await expectRefused("the previous manifest lists it but it is missing") { out, figures in
            let path = out + "/map/\(figures.years[0].year.label).json"
            try FileManager.default.removeItem(atPath: path)
            return path
        }
    }

    @Test func anotherAveragingMethodIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        try await Self.publish(figures, to: out)
        let only = AnnualFigures(method: .mean, years: [figures.years[1]])
        await #expect(throws: OutputError.self) {
            try await Self.publish(only, to: out, Run(carriesOtherYears: true, method: .mean))
        }
    }

    @Test func aCarriedFileIsCheckedByItsSizeAndTimeNotRead() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        let first = try await Self.publish(figures, to: out)
        let letter = Self.letter(figures)
        // Changed through the link, the same size, its time put back: what the check cannot see.
        let (bytes, inode) = try InPlaceEdit.flipAByte(of: out + "/" + letter, time: .putBack)

        let second = try await Self.publish(figures, to: out)
        // Carried over, and listed with the first manifest's sha256 rather than that of the
        // bytes it now holds: it was not read.
        let listed = try #require(first.manifest.outputs.first { $0.path == letter })
        #expect(second.manifest.outputs.contains(listed))
        #expect(RunManifest.FileDigest(path: letter, contents: bytes) != listed)
        #expect(try contents(out + "/" + letter) == bytes)
        #expect(try Self.inode(out + "/" + letter) == inode)
        #expect(second.pagesRendered == 0)
    }

    @Test func anUnchangedYearWhoseFileWasEditedIsRenderedAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        let first = try await Self.publish(figures, to: out)
        let fresh = try Self.files(of: out)
        let path = out + "/" + Self.letter(figures)
        _ = try InPlaceEdit.flipAByte(of: path, time: .afterTheManifest(inFolder: out))
        #expect(try CurrentPublication.read(from: out)?.firstDifference()?.path == path, "an unchanged rerun computes")

        let second = try await Self.publish(figures, to: out)
        #expect(second.manifest.partitions?.computed == [figures.years[0].year.label])
        #expect(second.manifest.partitions?.carriedOver.map(\.year) == [figures.years[1].year.label])
        #expect(second.pagesRendered > 0)
        #expect(second.manifest.outputs == first.manifest.outputs)
        let after = try Self.files(of: out)
        #expect(Set(after.keys) == Set(fresh.keys))
        for (path, bytes) in fresh where path != "manifest.json" {
            #expect(after[path] == bytes, "\(path) differs from a fresh run's")
        }
    }

    @Test func historyPagesEditedAfterTheManifestAreRenderedAgainAndTheOthersLinked() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        try await Self.publish(figures, to: out)
        let fresh = try Self.files(of: out), before = try Self.inodes(of: out)
        _ = try InPlaceEdit.flipAByte(of: out + "/report/england.html", time: .afterTheManifest(inFolder: out))

        let second = try await Self.publish(figures, to: out)
        #expect(second.pagesRendered > 0)
        #expect(second.manifest.partitions?.computed == [])
        let after = try Self.inodes(of: out)
        #expect(try Self.files(of: out).filter { $0.key != "manifest.json" } == fresh.filter { $0.key != "manifest.json" })
        #expect(after["report/england.html"] != before["report/england.html"])
        for (path, inode) in before where path.hasPrefix("report/authorities/") {
            #expect(after[path] == inode, "\(path) was written again")
        }
    }

    @Test func unchangedTablesAndRejectsEditedWithTheirTimePutBackAreLinkedUnread() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        let first = try await Self.publish(figures, to: out)
        // The history pages are made from the tables: only the two files below may differ.
        let names = [TableFile.typeYear.fileName, RejectsFileWriter.fileName]
        var edited: [String: (bytes: [UInt8], inode: UInt)] = [:]
        for name in names { edited[name] = try InPlaceEdit.flipAByte(of: out + "/" + name, time: .putBack) }

        let second = try await Self.publish(figures, to: out)
        for name in names {
            let listed = try #require(first.manifest.outputs.first { $0.path == name })
            let now = try #require(edited[name])
            #expect(second.manifest.outputs.contains(listed))
            #expect(try contents(out + "/" + name) == now.bytes, "\(name)")
            #expect(try Self.inode(out + "/" + name) == now.inode, "\(name)")
        }
    }

    @Test func unchangedTablesAndRejectsEditedAfterTheManifestAreWrittenAnew() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        let first = try await Self.publish(figures, to: out)
        let names = [TableFile.typeYear.fileName, RejectsFileWriter.fileName]
        let fresh = try names.map { try contents(out + "/" + $0) }
        var edited: [String: UInt] = [:]
        for name in names {
            edited[name] = try InPlaceEdit.flipAByte(of: out + "/" + name, time: .afterTheManifest(inFolder: out)).inode
        }

        let second = try await Self.publish(figures, to: out)
        for (name, bytes) in zip(names, fresh) {
            #expect(try contents(out + "/" + name) == bytes, "\(name)")
            #expect(try Self.inode(out + "/" + name) != edited[name], "\(name)")
            #expect(second.manifest.outputs.first { $0.path == name } == first.manifest.outputs.first { $0.path == name })
        }
        #expect(try listing(folder.path) == [".out.lock", "out"])
    }

    /// Gives every page, letter and map of `out` a second name in its year's partition, as the
    /// earlier layout published them (`years/2018-19/letters/2018-19/LCE.md`), listed in a
    /// rewritten manifest with the same entries.
    static func makeEarlierLayout(_ out: String, years: [ReportingYear]) throws -> [String] {
        let current = try #require(try CurrentPublication.read(from: out))
        var manifest = current.manifest
        var second: [String] = []
        for year in years {
            for entry in current.files(of: year) where !entry.path.hasPrefix("years/") {
                let name = CurrentPublication.partitionFolder(of: year) + "/" + entry.path
                try FileManager.default.createDirectory(atPath: out + "/" + (name as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                #expect(link(out + "/" + entry.path, out + "/" + name) == 0)
                manifest.outputs.append(RunManifest.FileDigest(path: name, bytes: entry.bytes, sha256: entry.sha256))
                second.append(name)
            }
        }
        manifest.outputs.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        try Data(try manifest.jsonBytes()).write(to: URL(fileURLWithPath: out + "/manifest.json"))
        return second
    }

    @Test(arguments: [false, true])
    func aPublicationOfTheEarlierLayoutIsCarriedOverWithoutItsSecondNames(onlyTheLaterYear: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures()
        try await Self.publish(figures, to: out)
        let second = try Self.makeEarlierLayout(out, years: figures.years.map(\.year))
        #expect(second.count > 20)
        let before = try Self.files(of: out), inodes = try Self.inodes(of: out)

        // Years left alone (--years) or found unchanged: carried over at their published paths.
        let run = onlyTheLaterYear ? AnnualFigures(method: figures.method, years: [figures.years[1]]) : figures
        let published = try await Self.publish(run, to: out, Run(carriesOtherYears: onlyTheLaterYear))
        #expect(published.pagesRendered == 0)
        let after = try Self.files(of: out), inodesAfter = try Self.inodes(of: out)
        #expect(Set(after.keys) == Set(before.keys).subtracting(second))
        for (path, bytes) in after where path != "manifest.json" {
            #expect(bytes == before[path], "\(path)")
            #expect(inodesAfter[path] == inodes[path], "\(path) was written again")
        }
        #expect(!published.manifest.outputs.contains { second.contains($0.path) })
        #expect(!FileManager.default.fileExists(atPath: out + "/years/\(figures.years[0].year.label)/letters"))
    }
}
