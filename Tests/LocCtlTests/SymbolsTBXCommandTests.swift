import Foundation
import TestSupport
import Testing

/// `locctl symbols export --format tbx` and `locctl symbols import FILE.tbx`, end to end.
@Suite struct SymbolsTBXCommandTests {
    @Test func exportThenImportIntoANewGlossaryAndRefuseToOverwrite() throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-tbx-\(UUID().uuidString)")
        let glossary = temp.appendingPathComponent("glossaries")
        try FileManager.default.createDirectory(at: glossary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        try Data("# Test glossary\n".utf8).write(to: glossary.appendingPathComponent("README.md"))
        let environment = ["LOCCTL_CACHE_DIR": temp.appendingPathComponent("cache").path]
        let exported = temp.appendingPathComponent("all.tbx")

        let export = try CLIRunner.run(["symbols", "export", "--format", "tbx", "-o", exported.path], environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        let tbx = try String(contentsOf: exported, encoding: .utf8)
        #expect(tbx.contains(#"<tbx type="TBX-Basic" style="dca""#))

        let arguments = ["symbols", "import", exported.path, "--glossary", glossary.path, "--name", "imported.yaml"]
        let first = try CLIRunner.run(arguments, environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Wrote "))
        #expect(FileManager.default.fileExists(atPath: glossary.appendingPathComponent("imported.yaml").path))

        let second = try CLIRunner.run(arguments, environment: environment)
        #expect(second.status == 1)
        #expect(second.stderr.contains("already exists (use --force to overwrite)"))
    }

    @Test func unsafeTBXWritesNothing() throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-tbx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temp) }
        try Data("# g\n".utf8).write(to: temp.appendingPathComponent("README.md"))
        let input = temp.appendingPathComponent("evil.tbx")
        try Data("<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<martif>&x;</martif>\n".utf8).write(to: input)
        let result = try CLIRunner.run(["symbols", "import", input.path, "--glossary", temp.path, "--category", "idiom"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("evil.tbx:2"))
        #expect(result.stderr.contains("[xml-syntax]"))
        #expect(!FileManager.default.fileExists(atPath: temp.appendingPathComponent("evil.yaml").path))
    }
}
