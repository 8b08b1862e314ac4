@testable import Localize
@testable import Regions
@testable import Subtitles
import Testing

@Suite struct BidiStepTests {
    let ctx = LocalizeContext(region: Regions["ar-SA"])

    @Test func wrapsRTLLinesInEmbeddingOnce() {
        let input = track([cue("1", 0, 2000, "هل أنت بخير؟\nOK 100%")])
        let once = BidiStep().apply(input, in: ctx)
        #expect(once.track.cues[0].text.plainText == "\u{202B}هل أنت بخير؟\u{202C}\nOK 100%")
        #expect(once.changes.count == 1)
        let twice = BidiStep().apply(once.track, in: ctx)
        #expect(twice.track == once.track)
        #expect(twice.changes.isEmpty)
    }

    @Test func mixedLineWithLatinRunGetsEmbedding() {
        let out = BidiStep().apply(track([cue("1", 0, 2000, "NBC محطة!")]), in: ctx)
        #expect(out.track.cues[0].text.plainText == "\u{202B}NBC محطة!\u{202C}")
        // Marks are invisible to line length.
        #expect(TextMetrics(counting: .full).length(out.track.cues[0].text.plainText) == 9)
    }

    @Test func keepsStylingAndIsNoOpForLTR() {
        let styled = Track(cues: [Cue(timing: TimeSpan(start: .zero, end: Timestamp(milliseconds: 1000))!,
                                      text: CueText([.span(Span(.italic), [.text("مرحبا")])]))])
        let out = BidiStep().apply(styled, in: ctx).track.cues[0].text
        #expect(out.plainText == "\u{202B}مرحبا\u{202C}")
        #expect(out.nodes.contains { if case .span = $0 { return true }; return false })
        let en = LocalizeContext(region: Regions["en-US"])
        #expect(BidiStep().apply(track([cue("1", 0, 1000, "مرحبا")]), in: en).changes.isEmpty)
    }
}
