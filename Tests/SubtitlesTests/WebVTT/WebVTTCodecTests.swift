import Foundation
@testable import Subtitles
import Testing

/// Unit tests of the WebVTT codec: cue text, settings, blocks, errors, writer escaping.
@Suite struct WebVTTCodecTests {
    let codec = WebVTTCodec()

    func decode(_ text: String, strict: Bool = false) throws(CodecError) -> Decoded {
        try codec.decode(SourceText(name: "t.vtt", text: text), options: DecodeOptions(strict: strict))
    }

    func cueText(_ payload: String) throws -> [Inline] {
        let track = try decode("WEBVTT\n\n00:00.000 --> 00:01.000\n" + payload + "\n").track
        try #require(track.cues.count == 1)
        return track.cues[0].text.nodes
    }

    // MARK: Cue text

    @Test func nestedTagsWithClasses() throws {
        #expect(try cueText("<b.loud><i>a</i> b</b>") == [
            .span(Span(.bold, classes: ["loud"]), [.span(Span(.italic), [.text("a")]), .text(" b")]),
        ])
        #expect(try cueText("<c.yellow.bg_blue>x</c>") == [.span(Span(.class, classes: ["yellow", "bg_blue"]), [.text("x")])])
    }

    @Test func voiceAndLanguageAnnotations() throws {
        #expect(try cueText("<v.first   Mary   Lee >hi</v>") == [
            .span(Span(.voice, classes: ["first"], annotation: "Mary Lee"), [.text("hi")]),
        ])
        #expect(try cueText("<v Tom &amp; Jerry>x") == [.span(Span(.voice, annotation: "Tom & Jerry"), [.text("x")])])
        #expect(try cueText("<lang zh-Hans>中文</lang>") == [.span(Span(.language, annotation: "zh-Hans"), [.text("中文")])])
    }

    @Test func rubyPairsAndTrailingBase() throws {
        #expect(try cueText("<ruby>漢<rt>kan</rt>字<rt>ji</rt>!</ruby>") == [
            .ruby(base: [.text("漢")], annotation: [.text("kan")]),
            .ruby(base: [.text("字")], annotation: [.text("ji")]),
            .text("!"),
        ])
        // `</ruby>` closes an open `<rt>` too; `<rt>` outside ruby is ignored.
        #expect(try cueText("<ruby>a<rt>b</ruby>c<rt>d") == [.ruby(base: [.text("a")], annotation: [.text("b")]), .text("cd")])
    }

    @Test func characterReferences() throws {
        #expect(try cueText("a &amp; b &lt;c&gt; &lrm;&rlm;&nbsp;&#20013;&#x6587;&#0;&bogus; &amp") ==
            [.text("a & b <c> \u{200E}\u{200F}\u{A0}中文\u{FFFD}&bogus; &")])
    }

    @Test func timestampsUnknownTagsLinesAndUnclosed() throws {
        #expect(try cueText("a<00:00:01.500>b<01:02.003>c<1:2.3>d") == [
            .text("a"), .timestamp(Timestamp(milliseconds: 1500)), .text("b"),
            .timestamp(Timestamp(milliseconds: 62_003)), .text("cd"),
        ])
        #expect(try cueText("<font color=red>x</font>\n<i>y") == [.text("x"), .lineBreak, .span(Span(.italic), [.text("y")])])
        #expect(try cueText("<i>a</b>b</i>c") == [.span(Span(.italic), [.text("ab")]), .text("c")])
    }

    // MARK: Blocks, settings, errors

    @Test func missingSignatureIsAnErrorWithLocation() throws {
        for bad in ["", "WEBVT", "WEBVTTX\n", "webvtt\n", "\u{FEFF}00:00.000 --> 00:01.000"] {
            #expect(throws: CodecError.self) { try decode(bad) }
            do { _ = try decode(bad) } catch {
                #expect(error.kind == .syntax)
                #expect(error.location.line == 1 && error.location.column != nil && error.location.file == "t.vtt")
            }
        }
        #expect(try decode("WEBVTT").track.cues.isEmpty)
        #expect(try decode("\u{FEFF}WEBVTT\t-\n").track.extensions["webvtt.header"] == "\t-")
    }

    @Test func sniffing() {
        #expect(codec.sniff("WEBVTT\n"))
        #expect(codec.sniff("\u{FEFF}WEBVTT - x"))
        #expect(codec.sniff("WEBVTT"))
        #expect(!codec.sniff("WEBVTTX"))
        #expect(!codec.sniff("1\n00:00:01,000 --> 00:00:02,000\n"))
    }

    @Test func headerStyleRegionsAndNotesAreKept() throws {
        let src = """
        WEBVTT - title
        X-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000

        NOTE first

        REGION
        id:r1 width:40% lines:2 bogus:1 scroll:down
        regionanchor:10%,90%

        STYLE
        ::cue(.a) { color: red; }

        NOTE before cue

        c1
        00:00:01.000 --> 00:00:02.000 region:r1 align:left line:0
        hello

        STYLE
        ::cue { color: blue }

        NOTE end
        """
        let d = try decode(src)
        let t = d.track
        #expect(t.extensions["webvtt.header"] == " - title\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000")
        #expect(t.extensions["webvtt.style"] == "::cue(.a) { color: red; }")
        #expect(t.regions == [DocumentRegion(id: "r1", properties: ["width": "40%", "lines": "2", "regionanchor": "10%,90%"])])
        #expect(t.cues.count == 1)
        #expect(t.cues[0].id == "c1")
        #expect(t.cues[0].placement == Placement(anchor: .topLeft, regionID: "r1", cueSettings: ["align": "left", "line": "0"]))
        #expect(t.cues[0].extensions["webvtt.notes"] == "NOTE first\n\nNOTE before cue")
        #expect(t.extensions["webvtt.trailingNotes"] == "NOTE end")
        // The STYLE block after the cue is not a style sheet; it is reported and ignored.
        #expect(d.diagnostics.count == 1 && d.diagnostics[0].location.line == 19, "\(d.diagnostics)")
        #expect(throws: CodecError.self) { try decode(src, strict: true) }
    }

    @Test func endBeforeStartIsKeptAndRestored() throws {
        let d = try decode("WEBVTT\n\n00:00:02.000 --> 00:00:01.500\nx\n")
        let cue = try #require(d.track.cues.first)
        #expect(cue.start == cue.end && cue.start.milliseconds == 2000)
        #expect(cue.extensions["webvtt.originalEnd"] == "1500")
        #expect(d.diagnostics.count == 1)
        #expect(try codec.encode(d.track, options: EncodeOptions()).contains("00:00:02.000 --> 00:00:01.500"))
    }

    @Test func lineAlignmentKeptWhenLineRepeatsWithoutOne() throws {
        let cue = try #require(try decode("WEBVTT\n\n00:00.000 --> 00:01.000 line:10%,end line:20%\nx").track.cues.first)
        #expect(cue.placement.cueSettings["line"] == "20%,end")
        #expect(WebVTTCueSettings(raw: cue.placement.cueSettings).lineAlign == .end)
    }

    // MARK: Writer

    @Test func writerEscapesTextAndNeverWritesArrows() throws {
        var cue = try Cue(id: "a-->b\nc", start: .zero, end: Timestamp(milliseconds: 1000), text: "x --> y & <z>")
        cue.text.nodes.append(contentsOf: [.lineBreak, .lineBreak, .span(Span(.voice, classes: ["a b", "."], annotation: " A  <&> "), [.text("v")]), .lineBreak])
        let out = try codec.encode(Track(cues: [cue]), options: EncodeOptions())
        #expect(out == "WEBVTT\n\na-- >b c\n00:00:00.000 --> 00:00:01.000\nx --&gt; y &amp; &lt;z&gt;\n<v.ab A &lt;&amp;&gt;>v</v>\n\n")
        let back = try decode(out).track.cues[0]
        #expect(back.text.plainText == "x --> y & <z>\nv")
        #expect(back.id == "a-- >b c")
    }

    @Test func anchorBecomesSettingsWhenNoneAreRaw() throws {
        func settings(_ anchor: Placement.Anchor?, raw: [String: String] = [:]) throws -> String {
            var cue = try Cue(start: .zero, end: Timestamp(milliseconds: 1), text: "x")
            cue.placement = Placement(anchor: anchor, cueSettings: raw)
            let out = try codec.encode(Track(cues: [cue]), options: EncodeOptions())
            return String(out.split(separator: "\n")[1].dropFirst("00:00:00.000 --> 00:00:00.001".count))
        }
        #expect(try settings(nil) == "")
        #expect(try settings(.bottomCenter) == "")
        #expect(try settings(.topCenter) == " line:0")
        #expect(try settings(.middleLeft) == " line:50%,center align:left")
        #expect(try settings(.bottomRight) == " align:right")
        // Raw settings win while they still match the anchor; an edited anchor replaces line/align.
        #expect(try settings(.topLeft, raw: ["line": "1", "align": "start", "size": "50%"]) == " line:1 size:50% align:start")
        #expect(try settings(.bottomCenter, raw: ["line": "1", "size": "50%"]) == " size:50%")
        // Invalid raw settings are not written.
        #expect(try settings(nil, raw: ["line": "x", "size": "500%", "align": "middle", "vertical": "rl"]) == " vertical:rl")
    }

    @Test func emptyLinesInCueTextAreDropped() throws {
        let cue = Cue(timing: TimeSpan(start: .zero, end: .zero)!, text: CueText([.lineBreak, .text("a"), .lineBreak, .lineBreak, .text("b"), .lineBreak]))
        let out = try codec.encode(Track(cues: [cue]), options: EncodeOptions())
        #expect(out.hasSuffix("00:00:00.000 --> 00:00:00.000\na\nb\n\n"))
    }
}
