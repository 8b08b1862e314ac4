import Foundation
@testable import SymbolDB
import Testing

/// A glossary with a festival, a food, a single-character value and an English-only concept.
private let festivals = """
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
      en: Harvest-moon festival when families reunite and eat mooncakes.
      es: Fiesta de la luna llena de otoño.
    renderings:
      en:
        preferred: [Mid-Autumn Festival]
        admitted: [Moon Festival]
        deprecated: [Mooncake Festival]
      en-GB: {preferred: [Mid-Autumn Festival]}
    analogies:
      anglo-american: Like Thanksgiving.
      vietnamese: {en: The same festival as Tết Trung Thu., vi: Chính là Tết Trung Thu.}
    related: [mooncake]
    sources: {wikidata: Q190288, refs: ["https://en.wikipedia.org/wiki/Mid-Autumn_Festival"]}
    status: reviewed
    sensitivity:
      ar-SA: {severity: info, note: Neutral wording.}
    notes: reviewer note
  - id: mooncake
    category: food
    context: medium
    forms: {simplified: [月饼], traditional: [月餅], pinyin: [yuèbǐng]}
    gloss: {en: Round pastry eaten at the Mid-Autumn Festival.}
    renderings: {en: {preferred: [mooncake]}}
    status: draft
  - id: filial-piety
    category: value
    context: high
    forms: {simplified: [孝], traditional: [孝], pinyin: [xiào]}
    gloss: {en: Duty of respect and care owed to parents.}
    renderings: {en: {preferred: [filial piety]}}
    status: draft
    disambiguation: {not-within: [孝顺的话]}
"""

@Suite struct SymbolStoreTests {
    let fixture: GlossaryFixture
    let cache: URL

    init() throws {
        fixture = try GlossaryFixture(["festivals.yaml": festivals])
        cache = fixture.directory.appendingPathComponent(".cache")
    }

    func open(force: Bool = false) throws -> SymbolStore {
        try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache, forceRebuild: force)
    }

    @Test func buildsAndReadsBackEveryField() throws {
        defer { fixture.remove() }
        let store = try open()
        #expect(store.wasRebuilt)
        let loaded = try GlossaryLoader().load(directory: fixture.directory).symbols.map(\.symbol)
        #expect(store.allSymbols == loaded)
        #expect(store.symbol(id: "mid-autumn-festival")?.analogies["vietnamese"]?["vi"] == "Chính là Tết Trung Thu.")
        #expect(store.symbol(id: "filial-piety")?.disambiguation?.notWithin == ["孝顺的话"])
        #expect(store.symbol(id: "nope") == nil)
        #expect(store.symbols(category: .food).map(\.id) == ["mooncake"])
        #expect(store.searchEngine == .fts5Trigram)
    }

    @Test func reopensWithoutRebuildingAndRebuildsOnChange() throws {
        defer { fixture.remove() }
        #expect(try open().wasRebuilt)
        #expect(try open().wasRebuilt == false)
        try fixture.write("festivals.yaml", festivals.replacingOccurrences(of: "Round pastry", with: "Round cake"))
        let changed = try open()
        #expect(changed.wasRebuilt)
        #expect(changed.symbol(id: "mooncake")?.gloss["en"]?.hasPrefix("Round cake") == true)
        try fixture.write("more.yaml", "category: myth\nsymbols: []\n")
        #expect(try open().wasRebuilt)
        #expect(try open().wasRebuilt == false)
        #expect(try open(force: true).wasRebuilt)
    }

    @Test func rebuildsWhenTheCacheIsCorrupt() throws {
        defer { fixture.remove() }
        let store = try open()
        try Data("not a database".utf8).write(to: store.databaseURL)
        let reopened = try open()
        #expect(reopened.wasRebuilt)
        #expect(reopened.allSymbols.count == 3)
    }

    @Test func buildLeavesNoTemporaryFiles() throws {
        defer { fixture.remove() }
        _ = try open(force: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        // The store and the snapshot of its symbols (read by the next open instead of the tables).
        #expect(names.filter { $0.hasSuffix(".sqlite") }.count == 1)
        #expect(names.filter { $0.hasSuffix(".symbols") }.count == 1)
        #expect(names.count == 2)
        #expect(names.allSatisfy { $0.hasPrefix("symbols-") && !$0.contains(".tmp-") })
    }

    /// Issue 16: a source with an error stops the build; no store is written from a partial load, and a
    /// store built before stays as it was.
    @Test func aSourceWithAnErrorBuildsNothing() throws {
        defer { fixture.remove() }
        let before = try open()
        try fixture.write("broken.yaml", "category: myth\nsymbols:\n  - id: chang-e\n    contxt: high\n")
        let error = #expect(throws: GlossaryLoadFailure.self) { try open() }
        #expect(error?.errors.contains { $0.rule == .unknownKey && $0.location.line == 4 } == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasPrefix("symbols-") }.isEmpty)
        #expect(try Data(contentsOf: before.databaseURL).count > 0)

        try fixture.write("broken.yaml", "category: myth\nsymbols:\n  - id: chang-e\n    context: [high\n")
        let syntax = #expect(throws: GlossaryLoadFailure.self) { try open(force: true) }
        #expect(syntax?.errors.first?.rule == .yamlSyntax)
        #expect("\(syntax!)".contains("nothing was loaded"))
    }

    @Test(arguments: [
        ("孝", "filial-piety"),            // one Chinese character: LIKE over forms
        ("中秋", "mid-autumn-festival"),     // two characters
        ("月餅", "mooncake"),                // Traditional
        ("八月节", "mid-autumn-festival"),   // alias, trigram
        ("zhongqiu", "mid-autumn-festival"), // toneless pinyin finds toned pinyin
        ("Zhōngqiū", "mid-autumn-festival"),
        ("yuebing", "mooncake"),
        ("MOONCAKE", "mooncake"),            // exact rendering beats the festival's gloss
        ("respect and care", "filial-piety"),
        ("Luna llena", "mid-autumn-festival"),
    ])
    func searchFindsTheSymbol(query: String, expected: String) throws {
        defer { fixture.remove() }
        let results = try open().search(query)
        #expect(results.first?.symbol.id == expected, "\(results.map(\.symbol.id))")
    }

    @Test func searchIsSafeWithFTSSyntaxAndLikeWildcards() throws {
        defer { fixture.remove() }
        let store = try open()
        for query in ["\"", "moon\" OR \"x", "NEAR(a b)", "*", "%", "_", "a%b", "col:moon", "(", "--", "'; DROP TABLE symbol; --"] {
            _ = try store.search(query)
        }
        #expect(try store.search("%").isEmpty)
        #expect(try store.search("").isEmpty)
        #expect(try store.allSymbols.count == open().allSymbols.count)
    }

    @Test func searchReturnsOneResultPerSymbol() throws {
        defer { fixture.remove() }
        let results = try open().search("moon")
        #expect(Set(results.map(\.symbol.id)).count == results.count)
        #expect(Set(results.map(\.symbol.id)) == ["mid-autumn-festival", "mooncake"])
    }

    @Test func cacheLocationFollowsTheEnvironment() {
        #expect(CacheLocation.directory(environment: ["LOCCTL_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"]).path == "/c")
        #expect(CacheLocation.directory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]).path == "/x/locctl")
        #expect(CacheLocation.directory(environment: ["HOME": "/h"]).path == "/h/.cache/locctl")
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

/// Opening an up-to-date store of ~300 symbols must be fast.
@Suite struct SymbolStorePerformanceTests {
    static func generatedGlossary(count: Int) -> String {
        var yaml = "category: idiom\nsymbols:\n"
        let characters = Array("天地人和风云山水日月星辰春夏秋冬东南西北金木火土")
        for index in 0..<count {
            let form = String([characters[index % characters.count], characters[(index / characters.count) % characters.count],
                               characters[(index / 7) % characters.count]]) + String(index)
            yaml += """
              - id: symbol-\(index)
                context: medium
                themes: [family, fate]
                forms: {simplified: [\(form)], traditional: [\(form)], pinyin: [pinyin \(index)], aliases: [别名\(index)]}
                gloss: {en: Gloss number \(index) for English viewers., es: Glosa \(index)., th: คำอธิบาย \(index)}
                renderings: {en: {preferred: [term \(index)], admitted: [other \(index)]}, es: {preferred: [término \(index)]}}
                analogies: {greco-roman: Like something \(index)., vietnamese: {en: Same \(index)., vi: Giống \(index).}}
                related: [symbol-\((index + 1) % count)]
                sources: {wikidata: Q\(index + 1)}
                status: draft

            """
        }
        return yaml
    }

    @Test func openingAnUpToDateStoreOfThreeHundredSymbolsIsFast() throws {
        let fixture = try GlossaryFixture(["idioms.yaml": Self.generatedGlossary(count: 300)])
        defer { fixture.remove() }
        let cache = fixture.directory.appendingPathComponent(".cache")
        let built = try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache)
        #expect(built.allSymbols.count == 300)
        // Age the sources so the file-status fast path applies, as for any file not edited in the last seconds.
        let old = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: fixture.directory.appendingPathComponent("idioms.yaml").path)
        _ = try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache)   // records the new time stamp
        var best = Double.infinity
        for _ in 0..<5 {
            let start = Date()
            let store = try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache)
            best = min(best, Date().timeIntervalSince(start))
            #expect(!store.wasRebuilt)
            #expect(store.allSymbols.count == 300)
        }
        print("open + load of 300 symbols: \(Int(best * 1000)) ms (best of 5)")
        #expect(best < 0.25, "debug builds are slower; release target is < 50 ms")
    }
}
