import Foundation
@testable import Subtitles
import Testing

private func cue(_ id: String?, _ start: Int64, _ end: Int64, _ nodes: [Inline], anchor: Placement.Anchor? = nil) -> Cue {
    Cue(id: id, timing: TimeSpan(start: Timestamp(milliseconds: start), end: Timestamp(milliseconds: end))!,
        text: CueText(nodes), placement: Placement(anchor: anchor))
}

@Test func writerEmitsCanonicalSRTWithCRLF() throws {
    let track = Track(cues: [
        cue("1", 1000, 2500, [.span(Span(.italic), [.text("你好")]), .lineBreak, .text("world")], anchor: .topCenter),
        cue("2", 3_723_004, 3_724_000, [.text("B")]),
    ])
    let out = try SRTCodec().encode(track, options: EncodeOptions())
    #expect(out == "1\r\n00:00:01,000 --> 00:00:02,500\r\n{\\an8}<i>你好</i>\r\nworld\r\n\r\n2\r\n01:02:03,004 --> 01:02:04,000\r\nB\r\n\r\n")
}

@Test func writerUsesLFWhenAsked() throws {
    let out = try SRTCodec(lineEnding: .lf).encode(Track(cues: [cue("1", 0, 1, [.text("A")])]), options: EncodeOptions())
    #expect(out == "1\n00:00:00,000 --> 00:00:00,001\nA\n\n")
}

@Test func writerKeepsNumericIDsAndRenumbersOthers() throws {
    let numeric = Track(cues: [cue("2", 0, 1, [.text("A")]), cue("4", 1, 2, [.text("B")])])
    #expect(try SRTCodec(lineEnding: .lf).encode(numeric, options: EncodeOptions()).hasPrefix("2\n"))
    #expect(try SRTCodec(lineEnding: .lf, numbering: .renumber).encode(numeric, options: EncodeOptions()).hasPrefix("1\n"))
    let named = Track(cues: [cue("intro", 0, 1, [.text("A")]), cue("4", 1, 2, [.text("B")]), cue(nil, 2, 3, [.text("C")])])
    let out = try SRTCodec(lineEnding: .lf).encode(named, options: EncodeOptions())
    #expect(try srt(out).track.cues.map(\.id) == ["1", "2", "3"])
}

@Test func writerDropsWhatSRTCannotHold() throws {
    let track = Track(cues: [cue("1", 0, 1000, [
        .ruby(base: [.text("漢")], annotation: [.text("かん")]),
        .span(Span(.voice, annotation: "Bob"), [.text("字")]),
        .timestamp(Timestamp(milliseconds: 500)),
        .lineBreak, .lineBreak, .text("  "), .lineBreak,
        .span(Span(.styled, properties: ["tts:color": "red"]), [.text("x")]),
    ])])
    let out = try SRTCodec(lineEnding: .lf).encode(track, options: EncodeOptions())
    // Ruby keeps its annotation in parentheses (the policy of CueText.rubyWrittenInline).
    #expect(out == "1\n00:00:00,000 --> 00:00:01,000\n漢(かん)字\nx\n\n")
}

@Test func writerClampsNegativeTimesToZero() throws {
    let track = Track(cues: [cue("1", -500, -100, [.text("A")])])
    #expect(try SRTCodec(lineEnding: .lf).encode(track, options: EncodeOptions()).contains("00:00:00,000 --> 00:00:00,000"))
}
