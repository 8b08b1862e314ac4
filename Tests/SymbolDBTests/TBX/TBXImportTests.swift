import Foundation
@testable import SymbolDB
import Testing
import TextServices

@Suite struct TBXImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/TBX")

    static func read(_ text: String, options: SymbolTBX.ImportOptions = SymbolTBX.ImportOptions(defaultCategory: .trope, defaultContext: .high)) -> GlossaryLoadResult {
        SymbolTBX.read(Data(text.utf8), file: "in.tbx", options: options)
    }

    // MARK: TBX v2 (martif) from CAT tools

    @Test func memoQStyleV2ImportsWithStatusesRegionsAndDefaults() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("memoq-v2-basic.tbx"))
        let result = SymbolTBX.read(data, file: "memoq-v2-basic.tbx",
                                    options: SymbolTBX.ImportOptions(defaultCategory: .trope, defaultContext: .high))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        #expect(result.symbols.count == 2)
        let zhuixu = try #require(result.symbols.first?.symbol)
        #expect(zhuixu.id == "live-in-son-in-law")          // numeric entry id: the English preferred term
        #expect(zhuixu.category == .trope)                  // "Tropes" is no category: the default, with a warning
        #expect(zhuixu.context == .high)
        #expect(zhuixu.status == .draft)
        #expect(zhuixu.forms.simplified == ["赘婿", "上门女婿"])
        #expect(zhuixu.forms.traditional == ["贅婿"])
        #expect(zhuixu.renderings["en-US"] == Renderings(preferred: ["live-in son-in-law"], admitted: ["son-in-law"], deprecated: ["kept man"]))
        // No status at all: the first unmarked term is preferred, the others admitted.
        #expect(zhuixu.renderings["es-MX"] == Renderings(preferred: ["yerno que vive con la familia de la esposa"], admitted: ["yerno"]))
        #expect(zhuixu.gloss["en"]?.hasPrefix("A man who marries into") == true)
        #expect(zhuixu.gloss["es"]?.hasPrefix("Hombre") == true)
        #expect(zhuixu.notes?.contains("Client wants the neutral rendering") == true)
        #expect(zhuixu.notes?.contains("Context (en-US): He was only a kept man") == true)
        #expect(result.symbols.first?.source.entry == GlossaryLocation(file: "memoq-v2-basic.tbx", line: 19))

        let festival = try #require(result.symbols.last?.symbol)
        #expect(festival.id == "c2")
        #expect(festival.category == .festival)
        #expect(festival.renderings["en-US"]?.deprecated == ["Mooncake Festival"])   // superseded → deprecated
        #expect(festival.sources.refs == ["https://en.wikipedia.org/wiki/Mid-Autumn_Festival"])

        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains { $0.contains("subject field 'Tropes'") })
        #expect(warnings.contains { $0.contains("partOfSpeech") })
        #expect(warnings.contains { $0.contains("transac") })
    }

    @Test func dropRegionsReadsRenderingsByLanguage() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("memoq-v2-basic.tbx"))
        let result = SymbolTBX.read(data, file: "f.tbx", options: SymbolTBX.ImportOptions(defaultCategory: .trope, defaultContext: .high, dropRegions: true))
        #expect(result.symbols.first?.symbol.renderings.keys.sorted() == ["en", "es"])
    }

    @Test func v2WithoutDefaultsReportsMissingCategoryAndContext() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("memoq-v2-basic.tbx"))
        let result = SymbolTBX.read(data, file: "f.tbx")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == [.missingField, .missingField])
        #expect(errors.first?.message.contains("no category") == true)
        #expect(errors.first?.location.line == 19)
        #expect(errors.last?.message.contains("no context level") == true)
    }

    // MARK: TBX v3 from other tools

    @Test func foreignV3IsReadTolerantly() throws {
        let result = Self.read("""
            <?xml version="1.0"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
              <text><body>
                <conceptEntry id="Concept_42">
                  <descrip type="subjectField">Trope</descrip>
                  <descrip type="definition">A reborn heroine takes revenge.</descrip>
                  <ref type="crossReference" target="c7">revenge</ref>
                  <customStuff>ignored</customStuff>
                  <langSec xml:lang="zh-Hans"><termSec><term>重生</term></termSec></langSec>
                  <langSec xml:lang="en"><termSec><term>rebirth</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
                </conceptEntry>
                <conceptEntry id="c7">
                  <langSec xml:lang="zh"><termSec><term>复仇</term></termSec></langSec>
                  <langSec xml:lang="EN-gb"><termSec><term>revenge</term></termSec></langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let symbols = result.symbols.map(\.symbol)
        #expect(symbols.map(\.id) == ["concept-42", "c7"])
        #expect(symbols[0].category == .trope)
        #expect(symbols[0].gloss["en"] == "A reborn heroine takes revenge.")
        #expect(symbols[0].related == ["c7"])
        #expect(symbols[1].forms.simplified == ["复仇"])                 // zh without variant: Simplified
        #expect(symbols[1].renderings["en-GB"]?.preferred == ["revenge"])
        let unknown = result.diagnostics.filter { $0.message.contains("customStuff") }
        #expect(unknown.count == 1 && unknown.first?.location.line == 9 && unknown.first?.severity == .warning)
    }

    @Test func entryWithoutChineseIsAnErrorWithItsLine() {
        let result = Self.read("""
            <martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p/></sourceDesc></fileDesc></martifHeader>
            <text><body>
            <termEntry id="t1"><langSet xml:lang="en"><tig><term>orphan</term></tig></langSet></termEntry>
            </body></text></martif>
            """)
        #expect(result.symbols.isEmpty)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.location.description) == ["in.tbx:3"])
    }

    @Test func duplicateDerivedIDsGetASuffix() {
        let entry = #"<termEntry><langSet xml:lang="zh-CN"><tig><term>龙王</term></tig></langSet><langSet xml:lang="en"><tig><term>Dragon King</term></tig></langSet></termEntry>"#
        let result = Self.read("<martif><text><body>\(entry)\n\(entry.replacingOccurrences(of: "龙王", with: "龍王"))</body></text></martif>")
        #expect(result.symbols.map(\.symbol.id) == ["dragon-king", "dragon-king-2"])
        #expect(result.diagnostics.contains { $0.rule == .duplicateID && $0.severity == .warning })
    }

    @Test func kebabCasing() {
        #expect(TBXReader.kebab("Chang'é (goddess)") == "chang-e-goddess")
        #expect(TBXReader.kebab("_1") == "1")
        #expect(TBXReader.derivedID(entryID: "_17", englishTerm: nil, index: 0) == "entry-17")
        #expect(TBXReader.derivedID(entryID: nil, englishTerm: "龙", index: 4) == "entry-5")
        #expect(TBXReader.canonicalTag("zh_hant_tw") == "zh-Hant-TW")
        #expect(TBXReader.glossLanguage("zh-TW") == "zh-Hant")
        #expect(TBXReader.glossLanguage("es-419") == "es")
    }

    // MARK: Unsafe and malformed XML

    @Test func externalEntityIsRefused() {
        let result = Self.read("""
            <?xml version="1.0"?>
            <!DOCTYPE martif [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&xxe;</term></tig></langSet></termEntry></body></text></martif>
            """)
        #expect(result.symbols.isEmpty)
        let error = result.diagnostics.first
        #expect(error?.rule == .xmlSyntax)
        #expect(error?.message.hasPrefix("refused:") == true)
        #expect(!(error?.message.contains("root:") ?? true))
    }

    @Test func billionLaughsIsRefused() {
        var doctype = #"<!DOCTYPE lolz [ <!ENTITY lol "lol">"#
        for level in 1...9 { doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        doctype += "]>"
        let result = Self.read("<?xml version=\"1.0\"?>\n\(doctype)\n<martif><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>&lol9;</term></tig></langSet></termEntry></body></text></martif>")
        #expect(result.symbols.isEmpty)
        #expect(result.diagnostics.map(\.rule) == [.xmlSyntax])
        #expect(result.diagnostics.first?.message.hasPrefix("refused:") == true)
    }

    @Test func undeclaredEntityIsRefused() {
        let result = Self.read("<martif><text><body><termEntry><langSet xml:lang=\"zh\"><tig><term>&nbsp;</term></tig></langSet></termEntry></body></text></martif>")
        #expect(result.diagnostics.map(\.rule) == [.xmlSyntax])
    }

    @Test func malformedXMLGivesFileAndLine() {
        let result = Self.read("<tbx>\n<text>\n<body>\n<conceptEntry>\n<langSec xml:lang=\"zh\"><termSec><term>龙 & 凤</term></termSec>\n</langSec></conceptEntry></body></text></tbx>\n")
        let error = result.diagnostics.first
        #expect(error?.message.contains("xmlParseEntityRef") == true, "\(String(describing: error))")
        #expect(error?.rule == .xmlSyntax)
        #expect(error?.location.file == "in.tbx")
        #expect(error?.location.line == 5)
        #expect(error?.description.hasPrefix("in.tbx:5:42: error:") == true)
        #expect(Self.read("<tbx>\n<text>\n").diagnostics.first?.message.hasPrefix("not well-formed XML") == true)
    }

    @Test func notTBXIsAnError() {
        let result = Self.read("<xliff version=\"2.0\"/>")
        #expect(result.diagnostics.map(\.rule) == [.xmlSyntax])
        #expect(result.diagnostics.first?.message.contains("<tbx>") == true)
    }

    @Test func exchangeFormatKnowsTBX() throws {
        #expect(GlossaryExchangeFormat(pathExtension: "TBX") == .tbx)
        let data = try GlossaryExchangeFormat.tbx.write([TBXRoundTripTests.qixi])
        #expect(SymbolTBX.sniff(data))
        #expect(String(decoding: data, as: UTF8.self).contains(#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">"#))
    }
}
