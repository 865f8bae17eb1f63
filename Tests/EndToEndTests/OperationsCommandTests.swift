import Foundation
import Testing
import TestSupport

/// The real executable as an operator meets it: the progress line on a terminal, JSON log
/// lines elsewhere, the Prometheus textfile and pipeline definitions.
@Suite struct OperationsCommandTests {
    let sample = PackagePaths.path("pipelines/sample.yaml")

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.executable, arguments, currentDirectory: PackagePaths.root.path)
    }

    /// Under a pseudo-terminal (util-linux `script`), stderr is a terminal: text logs and the
    /// progress line, redrawn in place and erased at the end.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) from util-linux"))
    func progressLineOnATerminal() throws {
        let out = try TemporaryFolder("terminal").path + "/out"
        let command = [PackagePaths.executable, "run", sample, "--out", out].map { "'\($0)'" }.joined(separator: " ")
        let result = try ProcessRunner.run("/usr/bin/script", ["-qfec", command, "/dev/null"],
                                           currentDirectory: PackagePaths.root.path)
        #expect(result.status == 0, "\(result.stdout)")
        let screen = result.stdout
        // At least the first frame (drawn at once); later ones as the run's length allows.
        #expect(screen.contains(" / 164.5 kB ("), "\(screen.debugDescription)")
        #expect(screen.contains(" rows/s  ETA "))
        #expect(screen.contains("\u{1B}[K"))
        #expect(screen.contains("info annual-review:"), "text logs on a terminal")
        #expect(!screen.contains("{\"time\""), "no JSON on a terminal")
        #expect(screen.contains("annual-review: 3000 rows read"))
    }

    @Test(arguments: ["1", "2"])
    func jsonLogLinesWhenStderrIsNotATerminal(parseWorkers: String) throws {
        let out = try TemporaryFolder("json").path + "/out"
        let result = try run(["run", sample, "--out", out, "--parse-workers", parseWorkers])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("\r"), "no progress line off a terminal")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 3)
        var runIDs = Set<String>()
        var finishedStages: [String] = []
        var workerParts: [Set<String>] = []
        for line in lines {
            let parsed = try #require((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                                      "not a JSON object: \(line)")
            // Numbers as JSON numbers, everything else as strings.
            let object = parsed.mapValues { value in (value as? String) ?? "\(value)" }
            #expect(parsed.values.allSatisfy { $0 is String || $0 is NSNumber }, "\(line)")
            for key in ["time", "level", "run_id", "stage", "message"] {
                #expect(object[key] != nil, "no \(key): \(line)")
            }
            runIDs.insert(object["run_id"] ?? "")
            #expect(object["pipeline"] == "sample")
            if object["message"] == "stage finished", let stage = object["stage"] {
                finishedStages.append(stage)
                #expect(Double(object["busy_s"] ?? "") != nil && Double(object["waiting_s"] ?? "") != nil, "\(line)")
                if object["worker"] != nil {
                    workerParts.append(Set(object.keys.filter { $0.hasSuffix("_s") && Double(object[$0] ?? "") != nil }))
                }
            }
        }
        #expect(runIDs.count == 1)
        // Every stage says when it ends, with its own name as the line's stage.
        if parseWorkers == "1" {
            #expect(Set(finishedStages) == ["decompression", "parsing", "cleaning", "classification", "aggregation"])
        } else {
            // Each worker parses, cleans and classifies: one line per worker, its parts timed.
            #expect(finishedStages.sorted() == ["aggregation", "decompression", "parsing", "parsing"])
            #expect(workerParts == Array(repeating: ["busy_s", "waiting_s", "parsing_s", "cleaning_s", "classification_s"], count: 2))
        }
        #expect(lines.contains { $0.contains("\"stage\":\"parsing\",\"message\":\"file read\"") })
        #expect(lines.contains { $0.contains("\"stage\":\"publication\",\"message\":\"published\"") })
    }

    @Test func textLogsWhenForced() throws {
        let out = try TemporaryFolder("text").path + "/out"
        let result = try run(["run", sample, "--out", out, "--log-format", "text"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("info annual-review:"))
        #expect(!result.stderr.contains("{\"time\""))
    }

    @Test func metricsFileAfterSuccessThenFailure() throws {
        let folder = try TemporaryFolder("metrics").path
        let metrics = folder + "/annual_review.prom"
        let good = try run(["run", sample, "--out", folder + "/out", "--metrics-file", metrics])
        #expect(good.status == 0)
        let first = try String(contentsOfFile: metrics, encoding: .utf8)
        #expect(first.contains("annual_review_exit_code{pipeline=\"sample\"} 0\n"))
        #expect(first.contains("annual_review_rows{pipeline=\"sample\",state=\"accepted\"} 2946\n"))
        #expect(first.contains("annual_review_rows{pipeline=\"sample\",state=\"rejected\"} 54\n"))
        #expect(first.contains("annual_review_superseded_rows{pipeline=\"sample\"} 56\n"))
        #expect(first.contains("annual_review_build_info{pipeline=\"sample\",version=\""))
        let lastSuccess = try #require(first.split(separator: "\n").first {
            $0.hasPrefix("annual_review_last_success_timestamp_seconds{") })

        let bad = try run(["run", sample, "--out", folder + "/out", "--metrics-file", metrics, "--min-rows", "5000"])
        #expect(bad.status == 65)
        let second = try String(contentsOfFile: metrics, encoding: .utf8)
        #expect(second.contains("annual_review_exit_code{pipeline=\"sample\"} 65\n"))
        #expect(second.split(separator: "\n").contains(lastSuccess), "a failure keeps the last success")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp") }.isEmpty)
    }

    // A missing file is 66 whether an option or a definition names it (issue 23).
    @Test func aDefinitionNamingAMissingFileStopsBeforeAnyDataWithExit66() throws {
        let folder = try TemporaryFolder("definition").path
        let definition = folder + "/broken.yaml"
        try "inputs: [\(PackagePaths.path("sample-data/decisions-sample.csv.gz"))]\nregister: missing.csv\n"
            .write(toFile: definition, atomically: true, encoding: .utf8)
        let result = try run(["run", definition, "--out", folder + "/out", "--log-format", "text"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("annual-review: \(definition):2: 'register': no such file: \(folder)/missing.csv"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func optionsOverrideTheDefinition() throws {
        let out = try TemporaryFolder("override").path + "/elsewhere"
        let result = try run(["run", sample, "--out", out, "--years", "2022-23", "--method", "mean"])
        #expect(result.status == 0, "\(result.stderr)")
        let table = try String(contentsOfFile: out + "/type_year.csv", encoding: .utf8)
        #expect(!table.isEmpty)
        #expect(table.split(separator: "\n").dropFirst().allSatisfy { $0.contains("2022-23") })
    }
}
