import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TestSupport
import Testing

/// Glossary and region YAML that tries to exhaust memory, the stack or the schema reader.
@Suite struct YAMLHostileTests {
    static let laughs: String = {
        var yaml = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for i in 1...9 {
            yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return yaml
    }()

    @Test func glossaryAliasBombStopsAtTheNodeLimit() {
        let yaml = Self.laughs + "symbols:\n  - id: bomb\n    zh: *a9\n    aliases: *a9\n  - *a9\n"
        let result = Hostile.within(10, "alias bomb") { GlossaryLoader().load(yaml: yaml, file: "bomb.yaml") }
        #expect(result.symbols.isEmpty || result.diagnostics.contains { $0.rule == .documentLimit || $0.rule == .typeMismatch })
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.allSatisfy { $0.location.file == "bomb.yaml" })
    }

    @Test func regionAliasBombIsAnErrorNotAHang() {
        let yaml = Self.laughs + "tag: en-US\nname: *a9\nnotes: *a9\nsources: *a9\nframes: *a9\nsensitive-terms: *a9\n"
        Hostile.within(10, "region alias bomb") {
            #expect(throws: RegionErrors.self) { try RegionLoader.parse(yaml, file: "regions/en-US.yaml") }
        }
    }

    @Test(arguments: [100, 100_000])
    func deepFlowNestingIsRefused(_ depth: Int) {
        let yaml = "symbols: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let glossary = Hostile.within(10, "deep glossary") { GlossaryLoader().load(yaml: yaml, file: "deep.yaml") }
        #expect(glossary.diagnostics.contains { $0.rule == .documentLimit && $0.location.line == 1 })
        Hostile.within(10, "deep region") {
            #expect(throws: RegionErrors.self) { try RegionLoader.parse("tag: en-US\nnotes: " + yaml, file: "regions/en-US.yaml") }
        }
    }

    @Test(arguments: [1_000, 100_000])
    func deepBlockNestingIsRefused(_ depth: Int) {
        // "- - - - x": block sequences nest without any bracket.
        let yaml = "symbols:\n  " + String(repeating: "- ", count: depth) + "x\n"
        let glossary = Hostile.within(10, "deep block glossary") { GlossaryLoader().load(yaml: yaml, file: "block.yaml") }
        #expect(!glossary.diagnostics.isEmpty)
        Hostile.within(10, "deep block region") {
            #expect(throws: RegionErrors.self) { try RegionLoader.parse("tag: en-US\nnotes:\n  " + String(repeating: "- ", count: depth) + "x\n", file: "regions/en-US.yaml") }
        }
    }

    @Test func wrongTypesAreLocated() {
        let yaml = "category: [food]\nsymbols:\n  - id: {a: b}\n    zh: [月饼]\n    priority: high\n  - just a string\n"
        let result = GlossaryLoader().load(yaml: yaml, file: "types.yaml")
        #expect(result.symbols.isEmpty)
        #expect(result.diagnostics.count >= 3)
        #expect(result.diagnostics.allSatisfy { $0.location.line != nil }, "\(result.diagnostics)")
    }

    @Test func duplicateKeysAreLocated() {
        let glossary = GlossaryLoader().load(yaml: "symbols:\n  - id: a\n    id: b\n    zh: 月饼\n", file: "dup.yaml")
        #expect(glossary.diagnostics.contains { $0.rule == .duplicateKey }, "\(glossary.diagnostics)")
        #expect(glossary.diagnostics.filter { $0.rule == .duplicateKey }.allSatisfy { $0.location.line != nil })

        let region = try! String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("regions/en-US.yaml"), encoding: .utf8)
        let duplicated = "name: Another name\n" + region
        do {
            _ = try RegionLoader.parse(duplicated, file: "regions/en-US.yaml")
            Issue.record("duplicate key accepted")
        } catch let errors as RegionErrors {
            #expect(errors.errors.contains { $0.message.contains("uplicate") && $0.location.line != nil }, "\(errors)")
        } catch { Issue.record("\(error)") }
    }

    @Test func regionWrongTypesAreLocated() {
        let yaml = "tag: en-US\nname: [x]\nlimits: 7\nannotation: {max-per-minute: lots}\nsources: {}\n"
        do {
            _ = try RegionLoader.parse(yaml, file: "regions/en-US.yaml")
            Issue.record("accepted")
        } catch let errors as RegionErrors {
            #expect(errors.errors.count >= 3)
            #expect(errors.errors.allSatisfy { $0.location.file == "regions/en-US.yaml" })
        } catch { Issue.record("\(error)") }
    }

    @Test func shippedRegionsAndGlossariesStillLoad() throws {
        let regions = try RegionLoader.loadDirectory(CLIRunner.repoRoot.appendingPathComponent("regions"))
        #expect(regions.count >= 10)
        let glossary = try GlossaryLoader().load(directory: CLIRunner.repoRoot.appendingPathComponent("glossaries"))
        #expect(glossary.symbols.count > 300)
        #expect(!glossary.diagnostics.contains { $0.rule == .documentLimit || $0.rule == .yamlSyntax })
    }
}
