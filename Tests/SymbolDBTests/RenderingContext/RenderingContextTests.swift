import Foundation
import GRDB
@testable import SymbolDB
import Testing

// Latin-script rendering context rules: renderings.<tag>.not-before / not-after / not-within.

private let faceEntry = """
  - id: face
    category: value
    context: high
    forms: {simplified: [面子], traditional: [面子], pinyin: [miànzi, mianzi]}
    gloss: {en: Public dignity and standing.}
    renderings:
      en:
        preferred: [face]
        deprecated: [mianzi]
        not-within: [face the music, face to face, about face]
      fr:
        preferred: [face]
        not-after: [volte]
    status: reviewed
  - id: shifu
    category: kinship
    context: high
    forms: {simplified: [师父], traditional: [師父], pinyin: [shīfu, shifu]}
    gloss: {en: A martial-arts teacher honoured like a father.}
    renderings:
      en:
        preferred: [Master]
        admitted: [Sifu]
        not-before: [bedroom, "'s degree", of ceremonies]
      en-GB:
        not-after: [head]
    status: reviewed

"""

private func symbols(_ yaml: String = faceEntry) -> [Symbol] {
    GlossaryLoader().load(yaml: "symbols:\n" + yaml, file: "t.yaml").symbols.map(\.symbol)
}

private func found(_ matcher: SymbolMatcher, _ text: String) -> [String] {
    matcher.matches(in: text).map { "\($0.symbolID):\($0.matchedText)" }
}

@Suite struct RenderingContextLoadingTests {
    @Test func loaderReadsTheListsWithLocations() throws {
        let result = GlossaryLoader().load(yaml: "symbols:\n" + faceEntry, file: "t.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let face = try #require(result.symbols.first)
        #expect(face.symbol.renderings["en"]?.notWithin == ["face the music", "face to face", "about face"])
        #expect(face.symbol.renderings["fr"]?.notAfter == ["volte"])
        #expect(face.source.location("renderings.en.not-within.1").line == 11)
        let shifu = try #require(result.symbols.last?.symbol)
        #expect(shifu.renderings["en"]?.notBefore == ["bedroom", "'s degree", "of ceremonies"])
        #expect(shifu.renderings["en-GB"] == Renderings(notAfter: ["head"]))
    }

    @Test func aMisspelledContextKeyIsAnUnknownKey() {
        let yaml = faceEntry.replacingOccurrences(of: "not-within: [face the music", with: "not-inside: [face the music")
        let findings = GlossaryLoader().load(yaml: "symbols:\n" + yaml, file: "t.yaml").diagnostics.with(.unknownKey)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("not-within") == true)
        #expect(findings.first?.location.line == 11)
    }

    @Test func yamlWriterRoundTrip() throws {
        let original = symbols()
        let yaml = try SymbolYAML.write(original)
        #expect(yaml.contains("not-before: [bedroom, '''s degree', of ceremonies]") || yaml.contains("not-before: [bedroom, \"'s degree\", of ceremonies]"))
        let back = GlossaryLoader().load(yaml: yaml, file: "back.yaml")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
        #expect(back.symbols.map(\.symbol) == original)
    }

    @Test func jsonRoundTripAndOlderJSONWithoutTheLists() throws {
        let original = symbols()
        #expect(try SymbolJSON.read(SymbolJSON.write(original)) == original)
        let old = #"{"preferred": ["face"], "admitted": [], "deprecated": []}"#
        #expect(try JSONDecoder().decode(Renderings.self, from: Data(old.utf8)) == Renderings(preferred: ["face"]))
        let plain = String(decoding: try JSONEncoder().encode(Renderings(preferred: ["face"])), as: UTF8.self)
        #expect(!plain.contains("not-"))
    }
}

@Suite struct RenderingContextLintTests {
    @Test func validRulesAreClean() {
        #expect(lint("symbols:\n" + faceEntry).with(.badRenderingContext).isEmpty)
    }

    @Test func notWithinWithoutAnyFormIsReported() {
        let yaml = faceEntry.replacingOccurrences(of: "about face]", with: "about time, surface area]")
        let findings = lint("symbols:\n" + yaml).with(.badRenderingContext)
        // "surface area" contains "face" only inside a word.
        #expect(findings.map(\.location.line) == [11, 11])
        #expect(findings.first?.message.contains("about time") == true)
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func entriesThatFoldToNothingAreReported() {
        let yaml = faceEntry.replacingOccurrences(of: "not-after: [volte]", with: "not-after: [volte, \"--\"]")
        let findings = lint("symbols:\n" + yaml).with(.badRenderingContext)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("empty after folding") == true)
    }

    @Test func regionTagRulesSeeTheLanguageRenderings() {
        let yaml = faceEntry.replacingOccurrences(of: "not-after: [head]", with: "not-within: [master plan]")
        #expect(lint("symbols:\n" + yaml).with(.badRenderingContext).isEmpty)
    }
}

@Suite struct RenderingContextStoreTests {
    @Test func storeRoundTripsTheListsThroughTheNewMigration() throws {
        let fixture = try GlossaryFixture(["values.yaml": "symbols:\n" + faceEntry])
        defer { fixture.remove() }
        let cache = fixture.directory.appendingPathComponent(".cache")
        let store = try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache)
        #expect(store.allSymbols == symbols())
        #expect(store.symbol(id: "shifu")?.renderings["en-GB"]?.notAfter == ["head"])
        #expect(SymbolStore.formatVersion >= 2)
    }

    @Test func migrationsAreAddedNotEdited() throws {
        let queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue)
        let applied = try queue.read { try StoreSchema.migrator.appliedMigrations($0) }
        #expect(Array(applied.prefix(3)) == ["v1 symbols", "v1 search index", "v2 rendering context"])
        let columns = try queue.read { try $0.columns(in: "renderingContext").map(\.name) }
        #expect(columns == ["rowid", "symbolId", "tag", "kind", "position", "text"])
    }
}

@Suite struct RenderingContextTBXTests {
    @Test func tbxRoundTripKeepsTheListsAsLocctlNotes() throws {
        let original = symbols()
        let tbx = try SymbolTBX.write(original)
        #expect(tbx.contains("<note>locctl:not-within[en]: face the music</note>"))
        #expect(tbx.contains("<note>locctl:not-after[en-GB]: head</note>"))
        let imported = SymbolTBX.read(Data(tbx.utf8), file: "x.tbx")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.symbols.map(\.symbol) == original)
    }
}

@Suite struct RenderingContextMatcherTests {
    let english = SymbolMatcher(symbols: symbols(), options: .forTrack(language: "en"))

    @Test func notWithinCancelsIdiomsButNotTheSymbol() {
        #expect(found(english, "Time to face the music.") == [])
        #expect(found(english, "Time to FACE   THE Music!") == [])
        #expect(found(english, "We met face-to-face.") == [])
        #expect(found(english, "We met face to face.") == [])
        #expect(found(english, "A total about-face.") == [])
        #expect(found(english, "Give him some face.") == ["face:face"])
        #expect(found(english, "Face the musician.") == ["face:Face"])   // the phrase must end on a word boundary
        #expect(found(english, "Time to face the musics.") == [])        // … or an English plural ending
        #expect(found(english, "He will lose face, then face the music.") == ["face:face"])
    }

    @Test func notBeforeCancelsCompoundsButNotTheTitle() {
        #expect(found(english, "He walked into the master bedroom.") == [])
        #expect(found(english, "The Master Bedrooms are upstairs.") == [])
        #expect(found(english, "She has a master's degree.") == [])
        #expect(found(english, "Master of ceremonies, please.") == [])
        #expect(found(english, "Master, your disciple has returned.") == ["shifu:Master"])
        #expect(found(english, "Master bed? No, Master.") == ["shifu:Master", "shifu:Master"])
        #expect(found(english, "Master's orders.") == ["shifu:Master"])
        #expect(found(english, "She mastered it.") == [])   // whole words only, as before
    }

    @Test func rulesApplyToPinyinAndEveryRenderingOfTheLanguage() {
        #expect(found(english, "Sifu bedroom") == [])
        #expect(found(english, "shifu bedroom") == [])
        #expect(found(english, "Shifu, come.") == ["shifu:Shifu"])
    }

    @Test func rulesAreScopedToTheTrackLanguage() {
        let british = SymbolMatcher(symbols: symbols(), options: .forTrack(language: "en-GB"))
        #expect(found(english, "the head master") == ["shifu:master"])
        #expect(found(british, "the head master") == [])
        #expect(found(british, "the master bedroom") == [])   // en rules apply to en-GB
        let french = SymbolMatcher(symbols: symbols(), options: .forTrack(language: "fr"))
        #expect(found(french, "master bedroom") == [])      // no English renderings in a French track
        #expect(found(french, "mianzi bedroom") == ["face:mianzi"])
        #expect(found(french, "une volte-face") == [])
        #expect(found(french, "perdre la face") == ["face:face"])
    }

    @Test func chineseMatchingIgnoresTheLatinRules() {
        let chinese = SymbolMatcher(symbols: symbols(), options: .chinese)
        #expect(found(chinese, "给我个面子") == ["face:面子"])
    }
}
