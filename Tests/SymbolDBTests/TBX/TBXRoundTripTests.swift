import Foundation
@testable import SymbolDB
import Testing
import TextServices

/// The shipped glossaries, exported to TBX-Basic and imported back.
@Suite struct TBXRoundTripTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shippedSymbols() throws -> [Symbol] {
        let load = try GlossaryLoader().load(directory: repository.appendingPathComponent("glossaries"))
        #expect(!load.diagnostics.hasErrors, "\(load.diagnostics.prefix(5))")
        return load.symbols.map(\.symbol)
    }

    @Test func shippedGlossariesSurviveExportAndImport() throws {
        let symbols = try Self.shippedSymbols()
        #expect(symbols.count >= 250)
        let tbx = try SymbolTBX.write(symbols)
        let imported = SymbolTBX.read(Data(tbx.utf8), file: "export.tbx")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.prefix(5))")
        let back = imported.symbols.map(\.symbol)
        #expect(back.count == symbols.count)
        let expected = symbols.sorted { $0.id < $1.id }
        let actual = back.sorted { $0.id < $1.id }
        for (a, b) in zip(expected, actual) where a != b {
            Issue.record("symbol \(a.id) differs after the round trip:\n\(a)\n\(b)")
            break
        }
        #expect(actual == expected)
    }

    @Test func exportedGlossaryFollowsTheTBXBasicStructure() throws {
        let tbx = try SymbolTBX.write(try Self.shippedSymbols())
        let document = try SafeXML.parse(tbx, name: "export.tbx")
        let problems = TBXStructureChecker.check(document)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test func exportIsDeterministic() throws {
        let symbols = try Self.shippedSymbols()
        #expect(try SymbolTBX.write(symbols) == SymbolTBX.write(symbols))
    }

    /// A symbol using every field, with the awkward cases: an id that is no XML name, a region rendering,
    /// a Chinese rendering beside the Chinese forms, a gloss in a language without terms, markup characters,
    /// an empty disambiguation, notes that look like a locctl note, a related id outside the file.
    static let everyField = Symbol(
        id: "520-day", category: .custom, context: .high, priority: 3, themes: ["romance", "humour"],
        forms: Forms(simplified: ["五二零", "520"], traditional: ["五二零", "520"], pinyin: ["wǔ èr líng", "wu er ling"],
                     aliases: ["我爱你日", "我愛你日"]),
        gloss: ["en": "May 20: \"520\" sounds like \"I love you\" <wo ai ni> & couples celebrate.", "es": "Día de los enamorados chino.",
                "zh-Hant": "網路情人節。", "ja": "ネット上の恋人の日。"],
        renderings: ["en": Renderings(preferred: ["520 Day"], admitted: ["Chinese Internet Valentine's Day"], deprecated: ["May 20"]),
                     "es-419": Renderings(preferred: ["Día 520"]), "es": Renderings(admitted: ["Día del 520"]),
                     "zh-Hant": Renderings(preferred: ["520情人節"])],
        analogies: ["anglo-american": ["en": "Like Valentine's Day, but born online."],
                    "japanese": ["en": "Like White Day.", "ja": "ホワイトデーのような日。"]],
        related: ["qixi-festival", "not-in-file"],
        sources: Sources(wikidata: "Q123", refs: ["https://example.org/a?b=1&c=2", "Interview notes, 2024"]),
        status: .reviewed,
        sensitivity: ["ar-SA": Sensitivity(severity: .warning, note: "Romance: keep it light; no kissing.")],
        disambiguation: Disambiguation(),
        notes: "locctl: looks like a note\nsecond line")

    static let qixi = Symbol(id: "qixi-festival", category: .festival, context: .medium,
                             forms: Forms(simplified: ["七夕"], traditional: ["七夕"]), gloss: ["en": "Chinese Valentine's Day."],
                             renderings: ["en": Renderings(preferred: ["Qixi Festival"])],
                             disambiguation: Disambiguation(notBefore: ["日"], notAfter: [], notWithin: ["七夕节快乐"]))

    @Test func everyFieldSurvives() throws {
        let symbols = [Self.everyField, Self.qixi]
        let tbx = try SymbolTBX.write(symbols)
        #expect(TBXStructureChecker.check(try SafeXML.parse(tbx)).isEmpty)
        #expect(tbx.contains(#"<conceptEntry id="_520-day">"#))
        #expect(tbx.contains(#"<langSec xml:lang="es-419">"#))
        #expect(tbx.contains("&lt;wo ai ni&gt; &amp; couples"))
        let imported = SymbolTBX.read(Data(tbx.utf8), file: "x.tbx")
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics)")
        #expect(imported.symbols.map(\.symbol) == symbols)
    }

    @Test func aSymbolWithoutTermsIsRefused() {
        let empty = Symbol(id: "empty", category: .idiom, context: .low, forms: Forms(simplified: []), gloss: ["en": "x"])
        #expect(throws: TBXWriter.Failure.noTerms("empty")) { try SymbolTBX.write([empty]) }
    }
}
