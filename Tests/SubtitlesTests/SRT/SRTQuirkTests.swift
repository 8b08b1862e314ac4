import Foundation
@testable import Subtitles
import Testing

// One test per quirk of SRT as found in the wild.

@Test func plainCue() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,500\n你好\n世界\n")
    #expect(d.track.cues.count == 1)
    let cue = d.track.cues[0]
    #expect(cue.id == "1")
    #expect(cue.start.milliseconds == 1000 && cue.end.milliseconds == 2500)
    #expect(cue.text.nodes == [.text("你好"), .lineBreak, .text("世界")])
    #expect(d.diagnostics.isEmpty)
}

@Test func bomAtStartOfText() throws {
    let d = try srt("\u{FEFF}1\n00:00:01,000 --> 00:00:02,000\nA\n")
    #expect(d.track.cues.map(\.id) == ["1"])
    #expect(d.diagnostics.isEmpty)
}

@Test func crlfLineEndings() throws {
    let d = try srt("1\r\n00:00:01,000 --> 00:00:02,000\r\nA\r\nB\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nC\r\n")
    #expect(d.plainTexts == ["A\nB", "C"])
}

@Test func bareCRLineEndings() throws {
    let d = try srt("1\r00:00:01,000 --> 00:00:02,000\rA\r\r2\r00:00:03,000 --> 00:00:04,000\rC\r")
    #expect(d.plainTexts == ["A", "C"])
}

@Test func mixedLineEndings() throws {
    let d = try srt("1\r\n00:00:01,000 --> 00:00:02,000\rA\n\r\n2\n00:00:03,000 --> 00:00:04,000\r\nC")
    #expect(d.plainTexts == ["A", "C"])
    #expect(d.diagnostics.isEmpty)
}

@Test func multipleBlankLinesBetweenCues() throws {
    let d = try srt("\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n\n\n  \n\n2\n00:00:03,000 --> 00:00:04,000\nB\n\n\n")
    #expect(d.plainTexts == ["A", "B"])
    #expect(d.diagnostics.isEmpty)
}

@Test func missingBlankLineBetweenCues() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(d.plainTexts == ["A", "B"])
    #expect(d.track.cues.map(\.id) == ["1", "2"])
    #expect(d.warningLines == [4])
}

@Test func missingBlankLineAndNumberBetweenCues() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\nA\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(d.plainTexts == ["A", "B"])
    #expect(d.track.cues[1].id == nil)
}

@Test func blankLineInsideCueText() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\nstill A\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(d.plainTexts == ["A\nstill A", "B"])
    #expect(d.diagnostics.count == 1)
    #expect(d.warningLines == [4])
}

@Test func numberOnlyTextLineIsText() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n1984\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(d.plainTexts == ["1984", "B"])
}

@Test func missingIndex() throws {
    let d = try srt("00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(d.track.cues.map(\.id) == [nil, nil])
    #expect(d.warningLines == [1, 4])
}

@Test func duplicateIndex() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\n1\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(d.track.cues.map(\.id) == ["1", "1"])
    #expect(d.diagnostics.first?.message == "cue number 1 was already used on line 1")
    #expect(d.warningLines == [5])
}

@Test func outOfSequenceIndex() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\n5\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(d.track.cues.map(\.id) == ["1", "5"])
    #expect(d.warningLines == [5])
}

@Test func nonNumericIndex() throws {
    let d = try srt("intro\n00:00:01,000 --> 00:00:02,000\nA\n")
    #expect(d.track.cues[0].id == "intro")
    #expect(d.diagnostics.first?.message == "cue number 'intro' is not a number")
}

@Test func indexWithSpacesIsTrimmed() throws {
    let d = try srt(" 7 \n00:00:01,000 --> 00:00:02,000\nA\n")
    #expect(d.track.cues[0].id == "7")
}

@Test func dotMillisecondSeparator() throws {
    let d = try srt("1\n00:00:01.250 --> 00:00:02.500\nA\n")
    #expect(d.track.cues[0].start.milliseconds == 1250)
    #expect(d.track.cues[0].end.milliseconds == 2500)
    #expect(d.warningLines == [2])
}

@Test func shortMilliseconds() throws {
    let d = try srt("1\n00:00:01,5 --> 00:00:02,25\nA\n")
    #expect(d.track.cues[0].start.milliseconds == 1500)
    #expect(d.track.cues[0].end.milliseconds == 2250)
}

@Test func longHours() throws {
    let d = try srt("1\n123:04:05,006 --> 123:04:06,000\nA\n")
    #expect(d.track.cues[0].start == Timestamp(hours: 123, minutes: 4, seconds: 5, milliseconds: 6))
    #expect(d.diagnostics.isEmpty)
    let written = try SRTCodec().encode(d.track, options: EncodeOptions())
    #expect(written.contains("123:04:05,006 --> 123:04:06,000"))
}

@Test func singleDigitTimeFields() throws {
    let d = try srt("1\n0:0:1,000 --> 0:0:2,000\nA\n")
    #expect(d.track.cues[0].start.milliseconds == 1000)
}

@Test func spacesAroundArrow() throws {
    let d = try srt("1\n00:00:01,000-->00:00:02,000\nA\n\n2\n  00:00:03,000   -->   00:00:04,000  \nB\n")
    #expect(d.plainTexts == ["A", "B"])
    #expect(d.diagnostics.isEmpty)
}

@Test func coordinatesAfterTimesAreKept() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:600 Y1:50 Y2:80\nA\n")
    #expect(d.track.cues[0].extensions["srt.coordinates"] == "X1:100 X2:600 Y1:50 Y2:80")
    #expect(d.diagnostics.isEmpty)
    #expect(try srtRoundTrip(d.track) == d.track)
}

@Test func garbageAfterTimesIsWarned() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000 position:10%\nA\n")
    #expect(d.track.cues[0].extensions.isEmpty)
    #expect(d.diagnostics.first?.message.contains("position:10%") == true)
}

@Test func endBeforeStartIsKeptWithEndEqualToStart() throws {
    var text = ""
    for i in 1...15 { text += "\(i)\n00:00:\(String(format: "%02d", i)),000 --> 00:00:\(String(format: "%02d", i)),500\nx\n\n" }
    text += "16\n00:01:03,000 --> 00:01:02,500\nbackwards\n"
    let d = try srt(text)
    let cue = d.track.cues.last!
    #expect(cue.start.milliseconds == 63_000 && cue.end.milliseconds == 63_000)
    #expect(d.diagnostics.count == 1)
    #expect(d.diagnostics[0].location.line == 62)
    #expect(d.diagnostics[0].description
            == "t.srt:62: warning: end time 00:01:02,500 is before start time 00:01:03,000; the cue is kept with its end set to its start")
}

@Test func strictModeRejectsEndBeforeStartWithLine() {
    let error = strictError("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:01:03,000 --> 00:01:02,500\nB\n")
    #expect(error?.kind == .semantics)
    #expect(error?.location.line == 6)
    #expect(error?.location.file == "t.srt")
}

@Test func strictModeRejectsMissingBlankLineWithLine() {
    let error = strictError("1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(error?.kind == .syntax)
    #expect(error?.location.line == 4)
}

@Test func strictModeRejectsDotSeparatorWithLine() {
    #expect(strictError("1\n00:00:01.000 --> 00:00:02,000\nA\n")?.location.line == 2)
}

@Test func strictModeRejectsUnknownOverrideWithLine() {
    #expect(strictError("1\n00:00:01,000 --> 00:00:02,000\nA\n{\\pos(1,2)}B\n")?.location.line == 4)
}

@Test func strictModeAcceptsCleanSRT() {
    #expect(strictError("1\n00:00:01,000 --> 00:00:02,000\n<i>A</i>\n\n2\n00:00:03,000 --> 00:00:04,000\n{\\an8}B\n") == nil)
}

@Test func italicBoldUnderline() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n<i>a</i> <b>b</b> <u>c</u>\n")
    #expect(d.track.cues[0].text.nodes == [
        .span(Span(.italic), [.text("a")]), .text(" "),
        .span(Span(.bold), [.text("b")]), .text(" "),
        .span(Span(.underline), [.text("c")]),
    ])
}

@Test func tagsAreCaseInsensitive() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n<I>a</I><B>b</b>\n")
    #expect(d.track.cues[0].text.nodes == [.span(Span(.italic), [.text("a")]), .span(Span(.bold), [.text("b")])])
}

@Test func nestedTagsAcrossLines() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n<i>a <b>b\nc</b></i>\n")
    #expect(d.track.cues[0].text.nodes == [
        .span(Span(.italic), [.text("a "), .span(Span(.bold), [.text("b"), .lineBreak, .text("c")])]),
    ])
}

@Test func unclosedTagRunsToEndOfCue() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n<i>a\nb\n\n2\n00:00:03,000 --> 00:00:04,000\nc\n")
    #expect(d.track.cues[0].text.nodes == [.span(Span(.italic), [.text("a"), .lineBreak, .text("b")])])
    #expect(d.track.cues[1].text.nodes == [.text("c")])
    #expect(d.warningLines == [4])
}

@Test func crossingTagsAreReopened() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n<b>a<i>b</b>c</i>\n")
    #expect(d.track.cues[0].text.nodes == [
        .span(Span(.bold), [.text("a"), .span(Span(.italic), [.text("b")])]),
        .span(Span(.italic), [.text("c")]),
    ])
}

@Test func strayClosingTagIsIgnored() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\na</i>b\n")
    #expect(d.track.cues[0].text.nodes == [.text("ab")])
    #expect(d.diagnostics.count == 1)
}

@Test func fontTagAttributes() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n<font color=\"#ff0000\" face='Kai' SIZE=20>红</font>\n")
    #expect(d.track.cues[0].text.nodes == [
        .span(Span(.font, properties: ["color": "#ff0000", "face": "Kai", "size": "20"]), [.text("红")]),
    ])
    #expect(try srtRoundTrip(d.track) == d.track)
}

@Test func unknownTagsAreLiteralText() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n<3 you <Music> a<b\n")
    #expect(d.track.cues[0].text.plainText == "<3 you <Music> a<b")
}

@Test func emptySpansAreDropped() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\na<i></i>b\n")
    #expect(d.track.cues[0].text.nodes == [.text("ab")])
}

@Test func anchorTags() throws {
    for n in 1...9 {
        let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n{\\an\(n)}A\n")
        #expect(d.track.cues[0].placement.anchor?.rawValue == n)
        #expect(d.track.cues[0].text.plainText == "A")
        #expect(d.diagnostics.isEmpty)
    }
}

@Test func otherOverrideTagsAreStrippedWithWarning() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n{\\an8\\pos(10,20)}A{\\fad(200,200)}B\n")
    #expect(d.track.cues[0].placement.anchor == .topCenter)
    #expect(d.track.cues[0].text.nodes == [.text("AB")])
    #expect(d.diagnostics.count == 2)
    #expect(d.diagnostics[0].message.contains("\\pos(10,20)"))
}

@Test func bracesWithoutBackslashAreText() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n{sic} text\n")
    #expect(d.track.cues[0].text.plainText == "{sic} text")
}

@Test func textBeforeFirstCueIsSkipped() throws {
    let d = try srt("garbage line\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n")
    #expect(d.plainTexts == ["A"])
    #expect(d.warningLines == [1])
}

@Test func trailingGarbageNumberIsSkipped() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n")
    #expect(d.plainTexts == ["A"])
    #expect(d.warningLines == [5])
}

@Test func trailingControlCharactersAreIgnored() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\nA\n\n\u{1A}")
    #expect(d.plainTexts == ["A"])
    #expect(d.diagnostics.isEmpty)
}

@Test func noTrailingNewline() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\nA")
    #expect(d.plainTexts == ["A"])
}

@Test func emptyCueText() throws {
    let d = try srt("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n")
    #expect(d.plainTexts == ["", "B"])
    #expect(try srtRoundTrip(d.track) == d.track)
}

@Test func emptyFile() throws {
    #expect(try srt("").track.cues.isEmpty)
}

@Test func cuesKeepFileOrder() throws {
    let d = try srt("1\n00:00:05,000 --> 00:00:06,000\nlater\n\n2\n00:00:01,000 --> 00:00:02,000\nearlier\n")
    #expect(d.plainTexts == ["later", "earlier"])
}

@Test func sniffing() {
    let codec = SRTCodec()
    #expect(codec.sniff("1\r\n00:00:01,000 --> 00:00:02,000\r\nA"))
    #expect(codec.sniff("\u{FEFF}\n\n00:00:01,000 --> 00:00:02,000\nA"))
    #expect(!codec.sniff("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA"))
    #expect(!codec.sniff("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nA"))
    #expect(!codec.sniff("[Script Info]\nTitle: x\n"))
    #expect(!codec.sniff("1\n00:00:01.000 --> 00:00:02.000\nA"))
}
