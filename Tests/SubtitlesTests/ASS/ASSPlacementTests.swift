import Foundation
@testable import Subtitles
import Testing

/// ASS style alignment and margins reach every writer; stacked layers and drawings do not become cues.
@Suite struct ASSPlacementTests {
    static let relay = "real-zh/montagesubs/Relay_2024.web.ass"

    func relayTrack() throws -> Decoded {
        try ASSCodec().decode(try Corpus.source(Self.relay), options: DecodeOptions())
    }

    /// `Style: 3Note,…,8,…` (top centre) and `5Music` (3, bottom right) in a real fansub script.
    @Test func corpusStyleAlignmentPlacesCues() throws {
        let track = try relayTrack().track
        let notes = track.cues.filter { $0.styleRefs == ["3Note"] }
        let music = track.cues.filter { $0.styleRefs == ["5Music"] }
        let dialogue = track.cues.filter { $0.styleRefs == ["2Chi"] }
        #expect(!notes.isEmpty && !music.isEmpty && !dialogue.isEmpty)
        // Events without their own \an take the style's alignment.
        let plainNotes = notes.filter { $0.placement.cueSettings["line"] != nil }
        #expect(notes.allSatisfy { $0.placement.anchor?.rawValue ?? 2 >= 7 }, "3Note is top-aligned")
        #expect(!plainNotes.isEmpty)
        #expect(music.contains { $0.placement.anchor == .bottomRight })
        #expect(dialogue.contains { $0.placement.anchor == nil }, "alignment 2 is the default bottom centre")
        // MarginV 3 of PlayResY 288: the top margin as a WebVTT line percentage.
        let note = try #require(notes.first { $0.placement.anchor == .topCenter })
        #expect(note.placement.cueSettings == ["line": "1.042%"])

        // SRT: {\an8}; WebVTT: a line at the top; TTML: the top region.
        let srt = try SRTCodec().encode(Track(cues: [note]), options: EncodeOptions())
        #expect(srt.contains("{\\an8}"))
        let vtt = try WebVTTCodec().encode(Track(cues: [note]), options: EncodeOptions())
        #expect(vtt.contains("--> ") && vtt.contains(" line:1.042%"))
        let vttBack = try WebVTTCodec().decode(SourceText(text: vtt), options: DecodeOptions()).track
        #expect(vttBack.cues.first?.placement.anchor == .topCenter)
        let ttml = try TTMLCodec().encode(Track(cues: [note]), options: EncodeOptions())
        #expect(ttml.contains("region=\"top\""))
        let ttmlBack = try TTMLCodec().decode(SourceText(text: ttml), options: DecodeOptions()).track
        #expect(ttmlBack.cues.first?.placement.anchor == .topCenter)
    }

    /// The drawing-only event on line 1188 (a `\p1` box behind a sign) is dropped with a note.
    @Test func corpusDrawingOnlyEventIsDropped() throws {
        let decoded = try relayTrack()
        #expect(decoded.track.cues.count == 1358) // 1359 Dialogue lines, one of them a drawing
        #expect(!decoded.track.cues.contains { $0.text.isEmpty })
        let note = try #require(decoded.diagnostics.first { $0.message.contains("drawing") })
        #expect(note.severity == .note && note.location.line == 1188)
        #expect(decoded.track.cues.contains { $0.text.plainText.hasPrefix("销毁多余备份") }, "the sign's text on layer 1 stays")
    }

    static let stacked = """
    [Script Info]
    ScriptType: v4.00+
    PlayResX: 1920
    PlayResY: 1080

    [V4+ Styles]
    Format: Name, Fontname, Fontsize, Bold, Italic, Alignment, MarginL, MarginR, MarginV
    Style: Default,Arial,20,0,0,2,10,10,10
    Style: Sign Top,Arial,20,0,0,7,96,10,54

    [Events]
    Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
    Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\bord6\\blur4}你好
    Dialogue: 1,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\bord0}你好
    Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,你好
    Dialogue: 0,0:00:03.00,0:00:04.00,Sign Top,,0,0,0,,招牌
    Dialogue: 0,0:00:03.00,0:00:04.00,Sign Top,,0,0,0,,{\\p1}m 0 0 l 10 0 10 10
    """

    /// Same times and text on another layer merge; the same line twice on one layer stays twice (libass
    /// stacks those on screen).
    @Test func stackedLayersMerge() throws {
        let decoded = try ASSCodec().decode(SourceText(name: "stacked.ass", text: Self.stacked), options: DecodeOptions())
        let texts = decoded.track.cues.map(\.text.plainText)
        #expect(texts == ["你好", "你好", "招牌"])
        #expect(decoded.diagnostics.contains { $0.severity == .note && $0.message.hasPrefix("1 events repeat") })
        #expect(decoded.diagnostics.contains { $0.severity == .note && $0.location.line == 17 })
        let sign = decoded.track.cues[2]
        #expect(sign.placement.anchor == .topLeft)
        #expect(sign.placement.cueSettings == ["line": "5%", "align": "left", "position": "5%,line-left"])
        // Strict mode does not refuse a merge or a drawing: they are notes.
        #expect(throws: Never.self) { try ASSCodec().decode(SourceText(name: "stacked.ass", text: Self.stacked), options: DecodeOptions(strict: true)) }
    }
}
