import Foundation
@testable import SymbolDB
import Testing

@Suite struct GlossaryLoaderTests {
    @Test func readsTheREADMEExampleShape() throws {
        let yaml = """
        category: festival
        symbols:
          - id: mid-autumn-festival
            context: high
            priority: 1
            themes: [family, reunion]
            forms:
              simplified: [中秋节, 中秋]
              traditional: [中秋節, 中秋]
              pinyin: [Zhōngqiū Jié, Zhongqiu Jie]
              aliases: [八月节]
            gloss:
              en: Harvest-moon festival.
              es: Fiesta de la luna.
            renderings:
              en:
                preferred: [Mid-Autumn Festival]
                admitted: [Moon Festival]
                deprecated: [Mooncake Festival]
            analogies:
              anglo-american: Like Thanksgiving.
              vietnamese:
                en: The same festival as Tết Trung Thu.
                vi: Chính là Tết Trung Thu.
            related: [mooncake]
            sources:
              wikidata: Q190288
              refs: ["https://en.wikipedia.org/wiki/Mid-Autumn_Festival"]
            status: reviewed
            sensitivity:
              ar-SA: { severity: info, note: Neutral wording. }
            disambiguation:
              not-before: [饼]
              not-within: [中秋节快乐]
            notes: for reviewers
        """
        let result = GlossaryLoader().load(yaml: yaml, file: "festivals.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let located = try #require(result.symbols.first)
        let symbol = located.symbol
        #expect(symbol.category == .festival)
        #expect(symbol.context == .high)
        #expect(symbol.priority == 1)
        #expect(symbol.forms.aliases == ["八月节"])
        #expect(symbol.renderings["en"]?.deprecated == ["Mooncake Festival"])
        #expect(symbol.analogies["anglo-american"] == ["en": "Like Thanksgiving."])
        #expect(symbol.analogies["vietnamese"]?["vi"] == "Chính là Tết Trung Thu.")
        #expect(symbol.sensitivity["ar-SA"] == Sensitivity(severity: .info, note: "Neutral wording."))
        #expect(symbol.disambiguation?.notBefore == ["饼"])
        #expect(symbol.sources.wikidata == "Q190288")
        #expect(symbol.notes == "for reviewers")
        #expect(located.source.entry.line == 3)
        #expect(located.source.location("forms.simplified.1").line == 8)
        #expect(located.source.location("gloss.es").line == 14)
        #expect(located.source.location("forms.aliases.0") == GlossaryLocation(file: "festivals.yaml", line: 11, column: 17))
    }

    @Test func entryCategoryOverridesFileDefault() {
        let yaml = glossaryFile(entry(extra: "category: food"))
        #expect(GlossaryLoader().load(yaml: yaml, file: "f.yaml").symbols.first?.symbol.category == .food)
    }

    @Test func missingCategoryWithoutDefaultIsAnError() {
        let result = GlossaryLoader().load(yaml: "symbols:\n" + entry(), file: "f.yaml")
        #expect(result.symbols.isEmpty)
        #expect(result.rejectedIDs == ["mid-autumn-festival"])
        #expect(result.diagnostics.with(.missingField).first?.location.line == 2)
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let result = GlossaryLoader().load(yaml: "category: festival\nsymbols:\n  - id: [unclosed\n", file: "bad.yaml")
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.rule == .yamlSyntax)
        #expect(diagnostic?.location.file == "bad.yaml")
        #expect(diagnostic?.location.line != nil)
        #expect(diagnostic?.description.hasPrefix("bad.yaml:") == true)
    }

    @Test func wrongTypesAreReportedWhereTheyAre() {
        let yaml = glossaryFile(entry(simplified: "中秋节", extra: "themes: {family: yes}\npriority: high"))
        let result = GlossaryLoader().load(yaml: yaml, file: "f.yaml")
        let mismatches = result.diagnostics.with(.typeMismatch)
        #expect(mismatches.count == 3)
        #expect(mismatches.contains { $0.location.line == 6 && $0.message.contains("forms.simplified must be a list") && $0.message.contains("[中秋节]") })
        #expect(mismatches.contains { $0.location.line == 15 && $0.message.contains("themes") })
        #expect(mismatches.contains { $0.location.line == 16 && $0.message.contains("integer") })
        #expect(mismatches.allSatisfy { $0.symbolID == "mid-autumn-festival" })
    }

    @Test func unknownKeysSuggestTheIntendedOne() {
        let yaml = glossaryFile(entry(extra: "relatd: [mooncake]"))
        let unknown = GlossaryLoader().load(yaml: yaml, file: "f.yaml").diagnostics.with(.unknownKey)
        #expect(unknown.count == 1)
        #expect(unknown.first?.message.contains("did you mean 'related'?") == true)
        #expect(unknown.first?.location.line == 15)
    }

    @Test func unknownKeysInNestedMappings() {
        let yaml = glossaryFile(entry(extra: "sources:\n  wikidta: Q1"))
        let unknown = GlossaryLoader().load(yaml: yaml, file: "f.yaml").diagnostics.with(.unknownKey)
        #expect(unknown.first?.message.contains("'wikidata'") == true)
        #expect(unknown.first?.location.line == 16)
    }

    @Test func unquotedCommaInAFlowMappingGetsAHint() {
        let yaml = glossaryFile(entry(extra: "sensitivity:\n  ar-SA: { severity: warning, note: Pork dish; plainly, no emphasis. }"))
        let unknown = GlossaryLoader().load(yaml: yaml, file: "f.yaml").diagnostics.with(.unknownKey)
        #expect(unknown.count == 1)
        #expect(unknown.first?.message.contains("must be quoted") == true)
    }

    @Test func duplicateKeysAreErrors() {
        let yaml = glossaryFile(entry(extra: "context: low"))
        let duplicates = GlossaryLoader().load(yaml: yaml, file: "f.yaml").diagnostics.with(.duplicateKey)
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.location.line == 15)
        #expect(duplicates.first?.message.contains("first at line 4") == true)
    }

    @Test func unknownEnumerationValuesAreUnknownTags() {
        let yaml = glossaryFile(entry(extra: "sensitivity:\n  ar-SA: {severity: severe, note: x}").replacingOccurrences(of: "context: high", with: "context: hgh"))
        let result = GlossaryLoader().load(yaml: yaml, file: "f.yaml")
        let tags = result.diagnostics.with(.unknownTag)
        #expect(tags.count == 2)
        #expect(tags.contains { $0.message.contains("did you mean 'high'") && $0.location.line == 4 })
        #expect(tags.contains { $0.message.contains("severity 'severe'") && $0.location.line == 16 })
        #expect(result.symbols.isEmpty)
    }

    @Test func aliasBombsAreStopped() {
        // Anchors inside a real field, expanded by the schema walk: symbols × forms.
        var bomb = "category: festival\nsymbols:\n  - &e\n    id: x\n    context: high\n    status: draft\n    forms:\n      simplified: &s [甲"
        bomb += String(repeating: ", 甲", count: 999) + "]\n"
        bomb += String(repeating: "  - *e\n", count: 1000)
        let loader = GlossaryLoader(limits: .init(maximumNodeVisits: 100_000))
        let result = loader.load(yaml: bomb, file: "bomb.yaml")
        #expect(result.diagnostics.with(.documentLimit).count == 1)
        #expect(result.symbols.count < 200)
    }

    @Test func deepNestingIsRefusedBeforeParsing() {
        let yaml = "category: festival\nsymbols: " + String(repeating: "[", count: 10_000)
        let result = GlossaryLoader().load(yaml: yaml, file: "deep.yaml")
        #expect(result.diagnostics.with(.documentLimit).first?.location.line == 2)
    }

    @Test func quotedAndPlainScalarsStayText() {
        let yaml = glossaryFile(entry(pinyin: "[no, 'null', \"1\"]"))
        let result = GlossaryLoader().load(yaml: yaml, file: "f.yaml")
        #expect(result.symbols.first?.symbol.forms.pinyin == ["no", "null", "1"])
    }

    @Test func readsEveryYAMLFileUnderTheDirectoryInOrder() throws {
        let fixture = try GlossaryFixture([
            "b.yaml": glossaryFile(entry(id: "b-one", simplified: "[乙]", traditional: "[乙]")),
            "a.yaml": glossaryFile(entry(id: "a-one", simplified: "[甲]", traditional: "[甲]")),
            "sub/c.yml": glossaryFile(entry(id: "c-one", simplified: "[丙]", traditional: "[丙]")),
            "README.md": "# not yaml",
            ".hidden.yaml": "not: [valid",
        ])
        defer { fixture.remove() }
        let result = try fixture.load()
        #expect(result.symbols.map(\.symbol.id) == ["a-one", "b-one", "c-one"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.files.count == 3)
    }

    @Test func missingDirectoryThrows() {
        #expect(throws: GlossaryLoaderError.self) {
            try GlossaryLoader().load(directory: URL(fileURLWithPath: "/nonexistent/glossaries"))
        }
    }

    @Test func invalidUTF8IsReported() {
        let result = GlossaryLoader().load(data: Data([0xFF, 0xFE, 0x00, 0x41]), file: "x.yaml")
        #expect(result.diagnostics.with(.unreadableFile).count == 1)
    }
}
