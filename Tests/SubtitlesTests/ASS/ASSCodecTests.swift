import Foundation
@testable import Subtitles
import Testing

/// Every ASS file in the shared corpora: Dialogue count and a known Chinese text.
let assCorpus: [(path: String, cues: Int, text: String)] = [
    ("real-zh/chinesesubfinder/21.Bridges.2019.zh-Hans-en.zimuku.ass", 1120, "新浪微博 @摆渡字幕组 发布\n关注微博 掌握最新字幕资源"),
    ("real-zh/chinesesubfinder/Loki.S01E01.zh-Hant-en.shooter.ass", 614, "洛基\n第一季 第一集"),
    ("real-zh/chinesesubfinder/Loki.S01E03.subhd.utf16le.ass", 528, "洛基\n第一季 第三集"),
    ("real-zh/chinesesubfinder/oslo.2021.zh-Hans-en.utf16le.ass", 1358, "（阿语）"),
    ("real-zh/chinesesubfinder/oslo.2021.zh-Hant-en.utf16le.ass", 1358, "（阿語）"),
    ("real-zh/chinesesubfinder/oslo.2021.zh-Hant.utf16le.ass", 1358, "（阿語）"),
    ("real-zh/montagesubs/Relay_2024.web.ass", 1358, "传话人"), // 1359 Dialogue lines, one only a drawing
]

@Test(arguments: assCorpus.map(\.path))
func corpusASSLoads(path: String) throws {
    let expected = assCorpus.first { $0.path == path }!
    let source = try Corpus.source(path)
    let codec = ASSCodec()
    #expect(codec.sniff(source.text))
    #expect(!SRTCodec().sniff(source.text))
    let decoded = try codec.decode(source, options: DecodeOptions())
    #expect(decoded.track.cues.count == expected.cues)
    #expect(decoded.track.cues.contains { $0.text.plainText == expected.text })
    #expect(decoded.diagnostics.allSatisfy { $0.severity == .note }, "\(decoded.diagnostics)")
    // No override block or escape survives in the text.
    #expect(!decoded.track.cues.contains { $0.text.plainText.contains("{\\") || $0.text.plainText.contains("\\N") })
    #expect(track(decoded).extensions["ass.playResX"] != nil || path.contains("oslo") || path.contains("subhd"))
}

private func track(_ d: Decoded) -> Track { d.track }

@Test func corpusASSOverrideTagsMapToAnchorAndBold() throws {
    let decoded = try ASSCodec().decode(try Corpus.source("real-zh/chinesesubfinder/Loki.S01E01.zh-Hant-en.shooter.ass"), options: DecodeOptions())
    let first = decoded.track.cues[0]
    #expect(first.placement.anchor == .topCenter)
    #expect(first.text.nodes == [.span(Span(.bold), [.text("洛基"), .lineBreak, .text("第一季 第一集")])])
    #expect(first.styleRefs == ["Default"])
    #expect(first.extensions["ass.name"] == "NTP")
    #expect(decoded.track.extensions["ass.playResX"] == "0")
}

@Test func corpusASSCommentsAreSkipped() throws {
    let decoded = try ASSCodec().decode(try Corpus.source("real-zh/montagesubs/Relay_2024.web.ass"), options: DecodeOptions())
    #expect(decoded.track.cues.count == 1358) // 1359 Dialogue (one a drawing, dropped), 3 Comment lines
    #expect(decoded.track.extensions["ass.playResX"] == "384")
}

private let header = """
[Script Info]
ScriptType: v4.00+
PlayResX: 1920
PlayResY: 1080

[V4+ Styles]
Format: Name, Fontname, Fontsize, Bold, Italic, Alignment
Style: Default,Arial,20,0,0,2
Style: Thoughts,Arial,20,0,-1,2

"""

private func ass(_ events: String, strict: Bool = false) throws -> Decoded {
    try ASSCodec().decode(SourceText(name: "t.ass", text: header + "[Events]\n" + events), options: DecodeOptions(strict: strict))
}

@Test func scriptInfoAndStyles() throws {
    let d = try ass("Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")
    #expect(d.track.extensions["ass.playResX"] == "1920")
    #expect(d.track.extensions["ass.playResY"] == "1080")
    #expect(d.track.styles.map(\.id) == ["Default", "Thoughts"])
    #expect(d.track.styles[1].properties["ass.Italic"] == "-1")
}

@Test func dialogueTextKeepsCommasAndTimes() throws {
    let d = try ass("""
    Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
    Dialogue: 0,0:00:01.50,1:02:03.04,Default,,0,0,0,,你好，世界, and more, commas
    """)
    let cue = d.track.cues[0]
    #expect(cue.start.milliseconds == 1500)
    #expect(cue.end == Timestamp(hours: 1, minutes: 2, seconds: 3, milliseconds: 40))
    #expect(cue.text.plainText == "你好，世界, and more, commas")
}

@Test func formatLineColumnOrderIsHonoured() throws {
    let d = try ass("""
    Format: Start, End, Text
    Dialogue: 0:00:05.00,0:00:06.00,only three, columns
    """)
    #expect(d.track.cues[0].start.milliseconds == 5000)
    #expect(d.track.cues[0].text.plainText == "only three, columns")
}

@Test func commentLinesAreSkipped() throws {
    let d = try ass("""
    Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
    Comment: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,note to self
    Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,shown
    """)
    #expect(d.track.cues.map(\.text.plainText) == ["shown"])
}

@Test func lineBreaksAndHardSpaces() throws {
    let d = try ass("Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,一\\N二\\n三\\h四\n")
    #expect(d.track.cues[0].text.nodes == [.text("一"), .lineBreak, .text("二"), .lineBreak, .text("三\u{00A0}四")])
}

@Test func anchorAndLegacyAlignment() throws {
    let d = try ass("""
    Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an7\\pos(10,10)}top left
    Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\a6}legacy top centre
    Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\alpha&H80&}no anchor
    """)
    #expect(d.track.cues.map(\.placement.anchor) == [.topLeft, .topCenter, nil])
    #expect(d.track.cues.map(\.text.plainText) == ["top left", "legacy top centre", "no anchor"])
}

@Test func italicAndBoldOverridesBecomeSpans() throws {
    let d = try ass("Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,a{\\i1}b{\\i0}c{\\b1\\blur3}d{\\b0}e\n")
    #expect(d.track.cues[0].text.nodes == [
        .text("a"), .span(Span(.italic), [.text("b")]), .text("c"), .span(Span(.bold), [.text("d")]), .text("e"),
    ])
}

@Test func styleItalicAppliesToItsCues() throws {
    let d = try ass("Dialogue: 0,0:00:01.00,0:00:02.00,Thoughts,,0,0,0,,想{\\i0}说{\\r}完\n")
    #expect(d.track.cues[0].styleRefs == ["Thoughts"])
    #expect(d.track.cues[0].text.nodes == [
        .span(Span(.italic), [.text("想")]), .text("说"), .span(Span(.italic), [.text("完")]),
    ])
}

@Test func drawingModeTextIsDropped() throws {
    let d = try ass("Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\p1}m 0 0 l 100 0 100 100{\\p0}字\n")
    #expect(d.track.cues[0].text.nodes == [.text("字")])
}

@Test func endBeforeStartIsKeptOrRejectedInStrictMode() throws {
    let events = "Dialogue: 0,0:00:05.00,0:00:04.00,Default,,0,0,0,,x\n"
    let d = try ass(events)
    #expect(d.track.cues[0].end == d.track.cues[0].start)
    #expect(d.diagnostics.first?.location.line == 11)
    let error = #expect(throws: CodecError.self) { try ass(events, strict: true) }
    #expect(error?.location.line == 11)
    #expect(error?.kind == .semantics)
}

@Test func badTimeIsWarnedAndSkipped() throws {
    let d = try ass("Dialogue: 0,soon,0:00:04.00,Default,,0,0,0,,x\n")
    #expect(d.track.cues.isEmpty)
    #expect(d.diagnostics.count == 1)
}

@Test func ssaV4Styles() throws {
    let text = """
    [Script Info]
    ScriptType: v4.00

    [V4 Styles]
    Format: Name, Fontname, Fontsize, Bold, Italic
    Style: Default,Arial,20,0,1

    [Events]
    Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
    Dialogue: Marked=0,0:00:01.00,0:00:02.00,Default,,0,0,0,,斜体
    """
    let d = try ASSCodec().decode(SourceText(text: text), options: DecodeOptions())
    #expect(d.track.cues[0].text.nodes == [.span(Span(.italic), [.text("斜体")])])
}

@Test func assIsReadOnly() {
    #expect(!ASSCodec().canEncode)
    #expect(throws: CodecError.self) { try ASSCodec().encode(Track(), options: EncodeOptions()) }
}

@Test func assSniffing() {
    #expect(ASSCodec().sniff("\u{FEFF}[Script Info]\r\n"))
    #expect(ASSCodec().sniff("\n[script info]\n"))
    #expect(!ASSCodec().sniff("1\n00:00:01,000 --> 00:00:02,000\n"))
}
