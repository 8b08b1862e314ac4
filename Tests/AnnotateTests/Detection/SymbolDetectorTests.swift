@testable import Annotate
import Localize
import Regions
import Subtitles
import SymbolDB
import Testing

@Suite struct SymbolDetectorTests {
    @Test func findsEveryOccurrenceInTheChineseSourceWithCueAndOffsets() throws {
        let detector = SymbolDetector(symbols: try Fixtures.glossary())
        let zh = try Fixtures.readExample("ep01.zh.srt")
        let found = detector.occurrences(in: zh, side: .source)
        let first = try #require(found.first)
        #expect(first.symbolID == "mid-autumn-festival")
        #expect(first.cueIndex == 0 && first.cueID == "1")
        #expect(first.matchedText == "中秋节" && first.characterRange == 0..<3)
        #expect(found.contains { $0.symbolID == "chang-e" && $0.cueID == "10" })
        #expect(found.contains { $0.symbolID == "wo-xin-chang-dan" })
        // Sorted by time, one occurrence per symbol per cue.
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.start <= $1.start })
        #expect(Set(found.map { "\($0.cueIndex)/\($0.symbolID)" }).count == found.count)
    }

    @Test func findsRenderingsAndPinyinInATranslatedTrack() throws {
        let detector = SymbolDetector(symbols: try Fixtures.glossary(), targetLanguage: "en")
        let en = try Fixtures.readExample("ep01.en.srt")
        let found = detector.occurrences(in: en, side: .target)
        #expect(found.contains { $0.symbolID == "mid-autumn-festival" && $0.matchedText == "Zhongqiu" })
        #expect(found.contains { $0.symbolID == "jianghu" && $0.matchedText == "jianghu" })
        #expect(found.allSatisfy { $0.side == .target })
    }

    @Test func mergesSourceAndTargetPerSourceCueSoASymbolCountsOnce() throws {
        let symbols = try Fixtures.glossary()
        let detector = SymbolDetector(symbols: symbols, targetLanguage: "en")
        let zh = try Fixtures.readExample("ep01.zh.srt"), en = try Fixtures.readExample("ep01.en.srt")
        let merged = detector.occurrences(source: zh, target: en)
        let sourceOnly = detector.occurrences(in: zh, side: .source)
        // Every source occurrence survives; target ones that repeat an aligned source cue's symbol are dropped.
        #expect(merged.filter { $0.side == .source }.count == sourceOnly.count)
        let keys = merged.compactMap { o in o.sourceCueIndex.map { "\($0)/\(o.symbolID)" } }
        #expect(Set(keys).count == keys.count)
        #expect(!merged.contains { $0.side == .target && $0.symbolID == "mid-autumn-festival" && $0.cueIndex == 2 })
    }

    @Test func theSourceIsTheAuthorityWhenBothTracksAreGiven() throws {
        let symbols = [Fixtures.symbol("chang-e", rendering: "Chang'e")]
        var s = symbols[0]
        s.forms = Forms(simplified: ["嫦娥"], pinyin: ["Chang'e"])
        let detector = SymbolDetector(symbols: [s], targetLanguage: "en")
        let zh = Track(cues: [try Cue(id: "1", start: .zero, end: Timestamp(milliseconds: 2000), text: "月亮真圆。")])
        let en = Track(cues: [try Cue(id: "1", start: .zero, end: Timestamp(milliseconds: 2000), text: "Chang'e would love this moon.")])
        // The translator added Chang'e where the Chinese line does not name her: no note (the audit flags it).
        #expect(detector.occurrences(source: zh, target: en).isEmpty)
        // The same translated track alone still yields the occurrence.
        #expect(detector.occurrences(source: nil, target: en).map(\.symbolID) == ["chang-e"])
    }
}
