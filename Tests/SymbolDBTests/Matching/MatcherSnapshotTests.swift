// Matcher snapshots (issue 18): a matcher loaded from the store's snapshot file finds exactly what the built one
// finds, a changed glossary or a damaged file is never used, and the store's sense models are the ones training
// its symbols gives (so a matcher asked to train them may take the store's).
import Foundation
@testable import SymbolDB
import Testing

@Suite(.serialized) struct MatcherSnapshotTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func optionSets() -> [SymbolMatcher.Options] {
        var marked = SymbolMatcher.Options.target(language: "en-US")
        marked.alignedOnlyTerms = .marked
        var reader = SymbolMatcher.Options.target(language: "en", includePinyin: true, includeChinese: true)
        reader.alignedOnlyTerms = .marked
        return [.chinese, .forTrack(language: "en"), marked, reader, .forTrack(language: "fr-FR")]
    }

    /// Lines to compare on: the blind set's development half, the trap lines, a few mixed ones.
    static func lines() throws -> [String] {
        let dev = try BlindEvaluationSet.load("dev").lines.map(\.text)
        return dev + ["我们得穿越这片树林才能到村子", "明天总裁要来开全体员工大会", "他穿越回了古代，成了赘婿。",
                      "The Mid-Autumn Festival is coming, boss.", "Chang'e's mooncakes", "中秋節快樂！月餅吃了嗎？", ""]
    }

    @Test func aLoadedSnapshotMatchesExactlyLikeTheBuiltMatcher() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let store = try SymbolStore.open(glossaryDirectory: Self.repository.appendingPathComponent("glossaries"), cacheDirectory: cache)
        let lines = try Self.lines()
        for options in Self.optionSets() {
            // Other suites open stores meanwhile and the process remembers only a few: remember this one again
            // and ask for the snapshotted matcher at once, before the slow reference build.
            store.registerForMatcherSnapshots()
            let first = SymbolMatcher(symbols: store.allSymbols, options: options)   // builds, writes the snapshot
            let built = SymbolMatcher.building(symbols: store.allSymbols, options: options, senses: store.senseModels)
            let loaded = try #require(store.loadMatcherSnapshot(options: options), "no snapshot for \(options.snapshotKey)")
            #expect(loaded.patternCount == built.patternCount)
            #expect(loaded.senseModelCount == built.senseModelCount)
            #expect(loaded.skippedForms == built.skippedForms)
            for line in lines {
                let expected = built.analyse(line)
                #expect(loaded.analyse(line) == expected, "\(options.snapshotKey): \(line)")
                #expect(first.analyse(line) == expected, "\(options.snapshotKey): \(line)")
            }
        }
        #expect(store.matcherSnapshotFiles.count == Self.optionSets().count)
        // The same request again in this process is served from memory (the store remembered again, as above).
        store.registerForMatcherSnapshots()
        _ = SymbolMatcher(symbols: store.allSymbols, options: .chinese)
        #expect(SymbolMatcher.snapshotLog.contains("memory"))
    }

    /// The localize glossary step matches the symbols sorted by id: that order is served like the store's own
    /// (snapshots, the store's sense models) and matches exactly what building it with trained models gives.
    @Test func theSymbolsSortedByIDMatchLikeTheirBuiltMatchers() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let store = try SymbolStore.open(glossaryDirectory: Self.repository.appendingPathComponent("glossaries"), cacheDirectory: cache)
        let sorted = store.allSymbolsByID
        #expect(sorted.map(\.id) == store.allSymbols.map(\.id).sorted())
        #expect(store.allSymbolsByID.withUnsafeBufferPointer { $0.baseAddress } == sorted.withUnsafeBufferPointer { $0.baseAddress })
        let lines = try Self.lines()
        for options in [Self.optionSets()[0], Self.optionSets()[3]] {
            let served = SymbolMatcher(symbols: sorted, options: options)
            let built = SymbolMatcher.building(symbols: sorted, options: options, senses: nil)   // trains the models
            #expect(served.senseModelCount == built.senseModelCount)
            for line in lines { #expect(served.analyse(line) == built.analyse(line), "\(options.snapshotKey): \(line)") }
        }
    }

    @Test func theStoresSenseModelsAreWhatTrainingItsSymbolsGives() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let store = try SymbolStore.open(glossaryDirectory: Self.repository.appendingPathComponent("glossaries"), cacheDirectory: cache)
        // Built now: the symbols come from the tables, and the next open reads the same symbols from their snapshot.
        #expect(!store.symbolsFromSnapshot)
        let reopened = try SymbolStore.open(glossaryDirectory: Self.repository.appendingPathComponent("glossaries"), cacheDirectory: cache)
        #expect(reopened.symbolsFromSnapshot)
        #expect(reopened.allSymbols == store.allSymbols)
        let trained = SenseModelTrainer().train(store.allSymbols)
        #expect(trained.all.count == store.senseModels.count)
        #expect(trained.all == store.senseModels.all)
    }

    static let glossary = """
    category: festival
    symbols:
      - id: mid-autumn-festival
        category: festival
        context: high
        forms: {simplified: [中秋节, 中秋], traditional: [中秋節], pinyin: [Zhōngqiū Jié]}
        gloss: {en: Harvest festival on the 15th day of the 8th lunar month.}
        renderings: {en: {preferred: [Mid-Autumn Festival], admitted: [Moon Festival]}}
        status: reviewed
      - id: mooncake
        category: food
        context: medium
        forms: {simplified: [月饼], traditional: [月餅], pinyin: [yuèbǐng]}
        gloss: {en: Round pastry eaten at the Mid-Autumn Festival.}
        renderings: {en: {preferred: [mooncake]}}
        status: draft

    """

    @Test func aChangedGlossaryGetsNewSnapshotsAndTheOldOnesGo() throws {
        let fixture = try GlossaryFixture(["festivals.yaml": Self.glossary])
        defer { fixture.remove() }
        let cache = fixture.directory.appendingPathComponent(".cache")
        let store = try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache)
        _ = SymbolMatcher(symbols: store.allSymbols, options: .chinese)
        let old = store.matcherSnapshotFiles
        #expect(old.count == 1)
        #expect(store.loadMatcherSnapshot(options: .forTrack(language: "en")) == nil)

        try fixture.write("festivals.yaml", Self.glossary.replacingOccurrences(of: "[月饼]", with: "[月饼, 冰皮月饼]"))
        let changed = try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache)
        #expect(changed.wasRebuilt)
        #expect(changed.contentHash != store.contentHash)
        #expect(old.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) })
        #expect(changed.loadMatcherSnapshot(options: .chinese) == nil)
        let matcher = SymbolMatcher(symbols: changed.allSymbols, options: .chinese)
        #expect(matcher.matches(in: "冰皮月饼").map(\.form) == ["冰皮月饼"])
        let loaded = try #require(changed.loadMatcherSnapshot(options: .chinese))
        #expect(loaded.matches(in: "冰皮月饼") == matcher.matches(in: "冰皮月饼"))
        // A snapshot is refused for other contents than the ones it was made for.
        let current = try #require(changed.matcherSnapshotFiles.first)
        let oldBytes = try Data(contentsOf: current)
        #expect(throws: (any Error).self) {
            try SymbolMatcher(snapshot: oldBytes, contentHash: MatcherSnapshots.identity(contentHash: store.contentHash), options: .chinese)
        }
    }

    @Test func aDamagedSnapshotIsRefusedNeverTrusted() throws {
        let fixture = try GlossaryFixture(["festivals.yaml": Self.glossary])
        defer { fixture.remove() }
        let cache = fixture.directory.appendingPathComponent(".cache")
        let store = try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache)
        let good = SymbolMatcher(symbols: store.allSymbols, options: .chinese)
        let url = try #require(store.matcherSnapshotFiles.first)
        let bytes = try Data(contentsOf: url)
        let text = "中秋節快樂，月饼吃了吗？中秋"
        // Truncated anywhere: refused.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: (any Error).self) {
                try SymbolMatcher(snapshot: bytes.prefix(length), contentHash: MatcherSnapshots.identity(contentHash: store.contentHash), options: .chinese)
            }
        }
        // Any single byte changed: refused, or (a byte of a form's text, say) a matcher that still runs safely.
        var refused = 0
        // The header and the tables after the 128 KB class table byte by byte, the rest sampled.
        var offsets = Set(0..<min(512, bytes.count)).union(max(0, bytes.count - 4096)..<bytes.count)
        offsets.formUnion(stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)))
        for offset in offsets.sorted() {
            var damaged = bytes
            damaged[offset] ^= 0x5A
            if let matcher = try? SymbolMatcher(snapshot: damaged, contentHash: MatcherSnapshots.identity(contentHash: store.contentHash), options: .chinese) {
                _ = matcher.analyse(text)
            } else {
                refused += 1
            }
        }
        #expect(refused * 2 > offsets.count)
        // On disk: the damaged file is not used, the matcher is built again and the snapshot rewritten.
        try Data(bytes.prefix(bytes.count / 2)).write(to: url)
        #expect(store.loadMatcherSnapshot(options: .chinese) == nil)
        let reopened = try SymbolStore.open(glossaryDirectory: fixture.directory, cacheDirectory: cache)
        #expect(SymbolMatcher(symbols: reopened.allSymbols, options: .chinese).matches(in: text) == good.matches(in: text))
        #expect(reopened.loadMatcherSnapshot(options: .chinese)?.matches(in: text) == good.matches(in: text))
    }
}
