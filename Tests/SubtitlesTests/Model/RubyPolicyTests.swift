import Foundation
@testable import Subtitles
import Testing

/// Ruby in formats without ruby: base text, then the annotation in parentheses, on every path.
@Suite struct RubyPolicyTests {
    static let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<ruby>漢字<rt>かんじ</rt></ruby>を<ruby>読<rt>よ</rt></ruby>む <i><ruby>x<rt></rt></ruby></i>\n"

    func srtText(_ track: Track) throws -> String {
        try SRTCodec(lineEnding: .lf).encode(track, options: EncodeOptions()).components(separatedBy: "\n")[2]
    }

    @Test func sameTextOnEveryPath() throws {
        let track = try WebVTTCodec().decode(SourceText(text: Self.vtt), options: DecodeOptions()).track
        let direct = try srtText(track)
        #expect(direct == "漢字(かんじ)を読(よ)む <i>x</i>")
        let ttml = try TTMLCodec().encode(track, options: EncodeOptions())
        let viaTTML = try TTMLCodec().decode(SourceText(text: ttml), options: DecodeOptions()).track
        #expect(viaTTML.cues[0].text.nodes.contains { if case .ruby = $0 { return true }; return false }, "TTML reads ruby back as ruby")
        #expect(try srtText(viaTTML) == direct)
        // WebVTT → TTML → WebVTT keeps the ruby markup.
        let vttAgain = try WebVTTCodec().encode(viaTTML, options: EncodeOptions())
        #expect(vttAgain.contains("<ruby>漢字<rt>かんじ</rt></ruby>"))
    }

    /// A decorated container with base and text containers, with and without preserved white space.
    @Test func corpusTTMLRubyWithContainersAndDecoration() throws {
        let track = try TTMLCodec().decode(try Corpus.source("w3c-imsc-tests/imsc1_1/ttml/ruby/ruby006.ttml"), options: DecodeOptions()).track
        #expect(track.cues.count == 2)
        for cue in track.cues {
            #expect(cue.text.nodes == [.span(Span(.underline), [.ruby(base: [.text("single underline")],
                                                                       annotation: [.text("single underline")])])], "\(cue.text.nodes)")
        }
        var cue = track.cues[0]
        cue.placement = Placement()
        #expect(try srtText(Track(cues: [cue])) == "<u>single underline(single underline)</u>")
        #expect(try WebVTTCodec().encode(Track(cues: [cue]), options: EncodeOptions())
            .contains("<u><ruby>single underline<rt>single underline</rt></ruby></u>"))
    }

    /// The W3C IMSC ruby test document: TTML ruby becomes model ruby, SRT shows base(annotation).
    @Test func corpusTTMLRuby() throws {
        let track = try TTMLCodec().decode(try Corpus.source("w3c-imsc-tests/imsc1_1/ttml/ruby/ruby001.ttml"), options: DecodeOptions()).track
        let rubies = track.cues.flatMap { cue in cue.text.nodes.compactMap { node -> Inline? in if case .ruby = node { return node }; return nil } }
        #expect(!rubies.isEmpty)
        let srt = try SRTCodec().encode(track, options: EncodeOptions())
        #expect(srt.contains("利用許諾(ライセンス)"), "\(srt)")
        #expect(!track.cues.contains { $0.text.plainText.contains("ライセンス") }, "plain text leaves annotations out")
    }
}
