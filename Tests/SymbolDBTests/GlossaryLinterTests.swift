@testable import SymbolDB
import Testing

/// One failing fixture per rule, plus a clean one.
@Suite struct GlossaryLinterTests {
    @Test func aValidEntryIsClean() {
        #expect(lint(glossaryFile(entry())).isEmpty)
    }

    @Test func duplicateIDs() {
        let findings = lint(glossaryFile(entry(), entry(simplified: "[月饼]", traditional: "[月餅]", pinyin: "[yuèbǐng]")))
        #expect(findings.with(.duplicateID).map(\.location.line) == [15])
        #expect(findings.with(.duplicateID).first?.message.contains("test.yaml:3") == true)
    }

    @Test func duplicateIDsAcrossFiles() throws {
        let fixture = try GlossaryFixture(["a.yaml": glossaryFile(entry()),
                                           "b.yaml": glossaryFile(entry(simplified: "[月饼]", traditional: "[月餅]", pinyin: "[yuèbǐng]"))])
        defer { fixture.remove() }
        let findings = try fixture.lint().with(.duplicateID)
        #expect(findings.count == 1)
        #expect(findings.first?.location.file.hasSuffix("b.yaml") == true)
    }

    @Test func badIDSyntax() {
        #expect(lint(glossaryFile(entry(id: "Mid_Autumn"))).with(.badID).map(\.location.line) == [3])
        #expect(lint(glossaryFile(entry(id: "mid--autumn"))).with(.badID).count == 1)
    }

    @Test func formClaimedByTwoSymbols() {
        let second = entry(id: "moon-festival", simplified: "[中秋]", traditional: "[中秋]", pinyin: "[Zhongqiu]")
        let findings = lint(glossaryFile(entry(), second))
        #expect(findings.with(.formConflict).count == 1)
        #expect(findings.with(.formConflict).first?.symbolID == "moon-festival")
        #expect(findings.with(.formConflict).first?.location.line == 18)
    }

    @Test func aliasClaimedByAnotherSymbolsTraditionalForm() {
        let second = entry(id: "moon", simplified: "[月亮]", traditional: "[月亮]", pinyin: "[yuèliang]", extra: "forms2: x")
            .replacingOccurrences(of: "    forms2: x\n", with: "")
            .replacingOccurrences(of: "pinyin: [yuèliang]", with: "pinyin: [yuèliang]\n      aliases: [中秋節]")
        #expect(lint(glossaryFile(entry(), second)).with(.formConflict).count == 1)
    }

    @Test func pinyinCollisionIsOnlyAWarning() {
        let second = entry(id: "zhongqiu-other", simplified: "[忠丘]", traditional: "[忠丘]", pinyin: "[zhongqiu jie]")
        let findings = lint(glossaryFile(entry(), second))
        #expect(findings.with(.pinyinConflict).map(\.severity) == [.warning])
        #expect(!findings.hasErrors)
    }

    @Test func missingSimplifiedAndPinyin() {
        let findings = lint(glossaryFile(entry(simplified: "[]", traditional: "[]", pinyin: "[]")))
        #expect(findings.with(.missingSimplified).count == 1)
        #expect(findings.with(.missingPinyin).count == 1)
    }

    @Test func traditionalMismatchIsAWarning() {
        let findings = lint(glossaryFile(entry(traditional: "[中秋节日, 中秋]")))
        let mismatch = findings.with(.traditionalMismatch)
        #expect(mismatch.map(\.severity) == [.warning])
        #expect(mismatch.first?.message.contains("中秋節") == true)
        #expect(mismatch.first?.location.line == 6)
    }

    @Test func traditionalRegionalVariantsAreAccepted() {
        // s2tw gives 裡; s2t gives 裏: either satisfies the rule.
        let yaml = glossaryFile(entry(simplified: "[心里话]", traditional: "[心裡話]", pinyin: "[xīnlǐhuà]"))
        #expect(lint(yaml).with(.traditionalMismatch).isEmpty)
    }

    @Test func traditionalMissingIsAnError() {
        let findings = lint(glossaryFile(entry(traditional: "[]")))
        #expect(findings.with(.traditionalMissing).count == 1)
        #expect(findings.with(.traditionalMissing).first?.message.contains("中秋節") == true)
    }

    @Test func identicalScriptsNeedNoTraditionalForms() {
        #expect(lint(glossaryFile(entry(simplified: "[江湖]", traditional: "[]", pinyin: "[jiānghú]"))).isEmpty)
    }

    @Test func singleCharacterFormNeedsDisambiguation() {
        let bare = glossaryFile(entry(id: "filial-piety", simplified: "[孝]", traditional: "[孝]", pinyin: "[xiào]"))
        #expect(lint(bare).with(.singleCharacterForm).map(\.location.line) == [6])
        let disambiguated = glossaryFile(entry(id: "filial-piety", simplified: "[孝]", traditional: "[孝]", pinyin: "[xiào]",
                                               extra: "disambiguation:\n  not-within: [孝顺]"))
        #expect(lint(disambiguated).with(.singleCharacterForm).isEmpty)
    }

    @Test func missingEnglishGloss() {
        let yaml = glossaryFile(entry()).replacingOccurrences(of: "      en: Harvest", with: "      es: Harvest")
        #expect(lint(yaml).with(.missingEnglishGloss).count == 1)
    }

    @Test func glossOverOneHundredTwentyCharacters() {
        let long = String(repeating: "月", count: 121)
        let findings = lint(glossaryFile(entry(extra: "gloss2: x").replacingOccurrences(of: "    gloss2: x\n", with: "")
            .replacingOccurrences(of: "      en: Harvest", with: "      zh-Hans: \(long)\n      en: Harvest")))
        #expect(findings.with(.glossTooLong).count == 1)
        #expect(findings.with(.glossTooLong).first?.message.contains("121") == true)
        // Exactly 120 characters (with combining marks counted as one) passes.
        let edge = String(repeating: "é", count: 120)
        #expect(lint(glossaryFile(entry(gloss: edge))).with(.glossTooLong).isEmpty)
    }

    @Test func missingEnglishPreferredRendering() {
        let yaml = glossaryFile(entry()).replacingOccurrences(of: "preferred: [Mid-Autumn Festival]", with: "admitted: [Moon Festival]")
        #expect(lint(yaml).with(.missingEnglishRendering).count == 1)
    }

    @Test func renderingBothAdmittedAndDeprecated() {
        let yaml = glossaryFile(entry()).replacingOccurrences(
            of: "preferred: [Mid-Autumn Festival]", with: "preferred: [Mid-Autumn Festival]\n        admitted: [Moon Festival]\n        deprecated: [moon festival, Mooncake Festival]")
        let findings = lint(yaml).with(.contradictoryRendering)
        #expect(findings.map(\.location.line) == [15])
        #expect(findings.first?.message.contains("'moon festival'") == true)
        #expect(lint(yaml.replacingOccurrences(of: "[moon festival, ", with: "[")).with(.contradictoryRendering).isEmpty)
    }

    @Test func unknownTags() {
        let yaml = glossaryFile(entry(extra: "themes: [famly]\nsensitivity:\n  xx-YY: {severity: info, note: n}"))
            .replacingOccurrences(of: "      en: Harvest", with: "      eng: Ha\n      en: Harvest")
            .replacingOccurrences(of: "    renderings:\n      en:", with: "    renderings:\n      en-gb: {preferred: [x]}\n      en:")
        let findings = lint(yaml).with(.unknownTag)
        #expect(findings.count == 4)
        #expect(findings.contains { $0.message.contains("famly") && $0.message.contains("'family'") })
        #expect(findings.contains { $0.message.contains("'eng'") })
        #expect(findings.contains { $0.message.contains("'en-gb'") })
        #expect(findings.contains { $0.message.contains("'xx-YY'") })
    }

    @Test func regionTagsAreAcceptedForRenderings() {
        let yaml = glossaryFile(entry()).replacingOccurrences(
            of: "    renderings:\n      en:", with: "    renderings:\n      es-419: {preferred: [x]}\n      zh-Hant-TW: {preferred: [y]}\n      en:")
        #expect(lint(yaml).isEmpty)
    }

    @Test func analogyForUnknownFrame() {
        let findings = lint(glossaryFile(entry(extra: "analogies:\n  greek: Like Selene.\n  greco-roman: Like Selene.")))
        #expect(findings.with(.unknownFrame).map(\.location.line) == [16])
        #expect(findings.with(.unknownFrame).first?.message.contains("greek") == true)
    }

    @Test func nonNFCTextAnywhere() {
        let decomposed = "Te\u{0302}t"   // "Têt" with a combining circumflex
        let findings = lint(glossaryFile(entry(extra: "analogies:\n  vietnamese: Same as \(decomposed) Trung Thu.")))
        #expect(findings.with(.notNFC).count == 1)
        #expect(findings.with(.notNFC).first?.location.line == 16)
    }

    @Test func relatedIDsMustExist() {
        let findings = lint(glossaryFile(entry(extra: "related: [mooncake, mid-autumn-festival]")))
        #expect(findings.with(.unknownRelated).count == 1)
        #expect(findings.with(.unknownRelated).first?.message.contains("mooncake") == true)
    }

    @Test func badWikidataID() {
        #expect(lint(glossaryFile(entry(extra: "sources:\n  wikidata: 190288"))).with(.badWikidataID).map(\.location.line) == [16])
        #expect(lint(glossaryFile(entry(extra: "sources:\n  wikidata: Q190288"))).isEmpty)
    }

    @Test func priorityOutOfRange() {
        #expect(lint(glossaryFile(entry(extra: "priority: 7"))).with(.badPriority).count == 1)
    }

    @Test func diagnosticsPrintAsFileLineColumn() {
        let finding = lint(glossaryFile(entry(id: "Bad")), file: "festivals.yaml").with(.badID).first
        #expect(finding?.description == "festivals.yaml:3:9: error: id 'Bad' is not kebab-case ASCII ([a-z0-9]+(-[a-z0-9]+)*) [bad-id]")
    }

    @Test func everyRuleHasAFixtureOrALoaderTest() {
        let linted = Set(GlossaryLinter.defaultRules.flatMap(\.rules))
        let loader: Set<GlossaryRule> = [.unreadableFile, .yamlSyntax, .csvSyntax, .xmlSyntax, .typeMismatch, .unknownKey, .duplicateKey,
                                         .documentLimit, .missingField, .unknownTag]
        #expect(linted.union(loader).union([.ambiguousFormWithoutExamples, .everydayRenderingNotAlignedOnly]) == Set(GlossaryRule.allCases))
    }
}
