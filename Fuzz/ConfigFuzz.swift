// libFuzzer target over the configuration readers: the pipeline definition, the rule tables
// (decisions and service areas), and the register, lookup, population and contacts tables.
//
// Built by scripts/fuzz, compiled into the same module as Sources/PipelineConfig/*.swift so
// that it can reach the readers' internals (each table's own loader); Yams and libyaml are
// built from the package's checkout. Each input is one file's bytes, written to a scratch file
// and read by every reader in turn, so the seeds in Fuzz/config-corpus/ are plain
// configuration files.
//
// A thrown ConfigurationError is a correct answer (the readers throw nothing else: their throws
// are typed). A finding is a crash, an ASan report, a run over -timeout (1 s: an ordinary file
// is read in a millisecond, so a slower input is a bomb), memory over -rss_limit_mb (64 MB), or
// one of these checks failing (fatalError):
//   - an error that does not name the file read (or, for a definition, a file it names);
//   - an error whose line is not a line of the file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PipelineModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    ConfigFuzzCase(Array(UnsafeBufferPointer(start: data, count: size))).run()
    return 0
}

/// Stops the fuzzer with a message that says which check failed on which input.
func configFinding(_ message: String, _ input: [UInt8]) -> Never {
    let preview = input.prefix(200).map { byte -> String in
        (0x20 ..< 0x7f).contains(byte) && byte != 0x5c ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }.joined()
    fatalError("config fuzz finding: \(message)\ninput (\(input.count) bytes, first 200): \(preview)")
}

/// The fuzzer's scratch folder, one per process, in /dev/shm when there is one; and a register
/// of three authorities for the tables keyed by register code.
enum ConfigScratch {
    static let folder: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let folder = "\(base)/annual-review-fuzz-config-\(getpid())"
        mkdir(folder, 0o700)
        return folder
    }()

    static let register: AuthorityRegister = {
        let path = folder + "/fixed-register.csv"
        write(Array(("local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,"
                     + "local-authority-type,alt-names,former-gss-codes,pop-2020\n"
                     + "LCE,Leicester City Council,Leicester,E06000016,1997-04-01,,,England,UA,Leicester CC,,368571\n"
                     + "KEN,Kent County Council,Kent,E10000016,1974-04-01,,,England,CTY,,,1589100\n"
                     + "MAN,Manchester City Council,Manchester,E08000003,1986-04-01,,,England,MD,,,555741\n").utf8), to: path)
        do {
            return try ReferenceTableLoader.load(register: path)
        } catch {
            fatalError("config fuzz: the fixed register does not load: \(error)")
        }
    }()

    static func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { fatalError("config fuzz: cannot write \(path)") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { fatalError("config fuzz: cannot write \(path)") }
            offset += written
        }
    }
}

/// One input read by every configuration reader.
struct ConfigFuzzCase {
    let input: [UInt8]
    /// The file's lines, counting a last line without a line end; one more is allowed, for an
    /// error at the end of the file.
    let lines: Int

    init(_ input: [UInt8]) {
        self.input = input
        lines = input.reduce(1) { $0 + ($1 == 0x0a || $1 == 0x0d ? 1 : 0) } + 1
    }

    func run() {
        let register = ConfigScratch.register
        let outcomes = Dictionary(uniqueKeysWithValues: Outcome.allCases.map { ($0.name.lowercased(), $0) })
        let areas = Dictionary(uniqueKeysWithValues: ServiceArea.allCases.map { ($0.name.lowercased(), $0) })
        // Each reader its own file name, as the run names them, so that an error naming another
        // file is seen.
        read("pipeline.yaml") { path throws(ConfigurationError) in _ = try PipelineDefinition.load(path: path, checkFiles: false) }
        read("decisions.yaml") { path throws(ConfigurationError) in _ = try RuleTableLoader.load(path, values: outcomes, kind: "outcome") }
        read("service-areas.yaml") { path throws(ConfigurationError) in _ = try RuleTableLoader.load(path, values: areas, kind: "service area") }
        read("register.csv") { path throws(ConfigurationError) in _ = try ReferenceTableLoader.load(register: path) }
        read("lookup.csv") { path throws(ConfigurationError) in _ = try ReferenceTableLoader.loadLookup(path) }
        read("population.csv") { path throws(ConfigurationError) in _ = try ReferenceTableLoader.loadPopulation(path, register: register) }
        read("contacts.csv") { path throws(ConfigurationError) in _ = try ReferenceTableLoader.loadContacts(path, register: register) }
    }

    /// Writes the input as `name` and reads it with `reader`; checks the error, if any.
    private func read(_ name: String, _ reader: (String) throws(ConfigurationError) -> Void) {
        let path = ConfigScratch.folder + "/" + name
        ConfigScratch.write(input, to: path)
        do {
            try reader(path)
        } catch {
            guard error.file == path else {
                configFinding("\(name): the error names \(error.file), not the file read: \(error)", input)
            }
            if let line = error.line, !(1 ... lines).contains(line) {
                configFinding("\(name): the error's line \(line) is not a line of the file (\(lines - 1) lines): \(error)", input)
            }
        }
    }
}
