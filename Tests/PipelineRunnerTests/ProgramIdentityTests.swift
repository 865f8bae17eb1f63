import Foundation
import Output
@testable import PipelineRunner
import PipelineModel
import Testing

/// The program's identity in every fingerprint: the build ID its linker wrote, read from the
/// loaded program, or the executable's sha256 when it has none.
@Suite struct ProgramIdentityTests {
    @Test func theBuildIDIsTheOneInTheExecutablesNote() throws {
        // The test runner is linked like the program: the ID read from memory must be the
        // descriptor of the NT_GNU_BUILD_ID note in the executable's own bytes on disk.
        let buildID = try #require(Fingerprint.programBuildID)
        #expect(buildID.count >= 16)
        let executable = try #require(FileManager.default.contents(atPath: "/proc/self/exe"))
        // The note's header (name size 4, descriptor size, type 3), its name, its descriptor.
        var note: [UInt8] = [4, 0, 0, 0, UInt8(buildID.count), 0, 0, 0, 3, 0, 0, 0]
        note += Array("GNU\0".utf8)
        note += buildID
        #expect(executable.range(of: Data(note)) != nil)
        #expect(Fingerprint.programBuildID == buildID)
        #expect(Fingerprint.program == RunDefaults.version + "+build-id:" + lowercaseHex(buildID))
    }

    @Test func withoutABuildIDTheExecutablesBytesAreHashed() throws {
        // An invented stand-in for an executable linked without a build ID.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("program-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let executable = folder.appendingPathComponent("annual-review").path
        try Data("an executable's bytes".utf8).write(to: URL(fileURLWithPath: executable))
        let digest = try RunManifest.FileDigest(contentsOf: executable)
        #expect(Fingerprint.identity(buildID: nil, executable: executable) == RunDefaults.version + "+" + digest.sha256)
        try Data("another build's bytes".utf8).write(to: URL(fileURLWithPath: executable))
        #expect(Fingerprint.identity(buildID: nil, executable: executable) != RunDefaults.version + "+" + digest.sha256)
        #expect(Fingerprint.identity(buildID: nil, executable: folder.appendingPathComponent("missing").path) == RunDefaults.version)
    }
}
