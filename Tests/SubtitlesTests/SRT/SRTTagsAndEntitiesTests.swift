import Foundation
@testable import Subtitles
import Testing

/// Tags SRT does not define, tags padded with spaces, and HTML character references.
@Suite struct SRTTagsAndEntitiesTests {
    func cue(_ text: String) throws -> Decoded { try srt("1\n00:00:01,000 --> 00:00:02,000\n\(text)\n") }

    @Test func unknownTagsAreStrippedAndRoundTrip() throws {
        let d = try cue("H<sub>2</sub>O <span class=\"x\">ok</span> a<br>b")
        #expect(d.plainTexts == ["H2O ok a\nb"])
        #expect(d.diagnostics.contains { $0.message.contains("<sub>") && $0.location.line == 3 })
        let vtt = try WebVTTCodec().encode(d.track, options: EncodeOptions())
        #expect(vtt.contains("H2O ok a\nb") && !vtt.contains("sub"))
        let ttml = try TTMLCodec().encode(d.track, options: EncodeOptions())
        #expect(!ttml.contains("sub>") && !ttml.contains("srt.tag"))
        // SRT → SRT keeps the tags.
        let written = try SRTCodec().encode(d.track, options: EncodeOptions())
        #expect(written.contains("H<sub>2</sub>O <span class=\"x\">ok</span> a\r\nb"))
        #expect(try srtRoundTrip(d.track).cues.map(\.text) == d.track.cues.map(\.text))
    }

    @Test func paddedTagsAreTags() throws {
        let d = try cue("< i>slanted</ i > and <b >bold< /b> and < u >under</u>")
        #expect(d.track.cues[0].text.nodes == [
            .span(Span(.italic), [.text("slanted")]), .text(" and "),
            .span(Span(.bold), [.text("bold")]), .text(" and "),
            .span(Span(.underline), [.text("under")]),
        ])
    }

    @Test func comparisonsStayText() throws {
        #expect(try cue("a < b > c").plainTexts == ["a < b > c"])
        #expect(try cue("x <bold> y").plainTexts == ["x <bold> y"])
        #expect(try cue("<  sub>").plainTexts == ["<  sub>"], "only SRT's own tags may be padded")
    }

    @Test func entitiesAreDecodedOnce() throws {
        #expect(try cue("Tom &amp; Jerry").plainTexts == ["Tom & Jerry"])
        #expect(try cue("&amp;amp;").plainTexts == ["&amp;"], "decoded once, not twice")
        #expect(try cue("a&nbsp;b &#8212; &#x4E2D; &lt;i&gt;").plainTexts == ["a\u{A0}b — 中 <i>"])
        #expect(try cue("AT&T R&D &amp").plainTexts == ["AT&T R&D &amp"], "no `;`, no reference")
        // Text that would read back as a reference or a tag is escaped by the writer, and only that.
        let d = try cue("&amp;amp; &lt;i&gt; AT&T x < y")
        let written = try SRTCodec().encode(d.track, options: EncodeOptions())
        #expect(written.contains("&amp;amp; &lt;i> AT&T x < y"))
        #expect(try srtRoundTrip(d.track).cues[0].text == d.track.cues[0].text)
    }
}
