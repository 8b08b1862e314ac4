import Foundation
@testable import Subtitles
import Testing

/// Expected encoding and a known substring for every real-world file.
let corpusEncodings: [(path: String, encoding: String, substring: String)] = [
    ("real-zh/chinesesubfinder/Loki.S01E03.subhd.utf16le.ass", "UTF-16LE", "[Script Info]"),
    ("real-zh/chinesesubfinder/Foundation.2021.S01E04.zh-Hant-en.shooter.srt", "UTF-8", "曾經有一個男人"),
    ("real-zh/chinesesubfinder/oslo.2021.zh-Hans-en.utf16le.ass", "UTF-16LE", "[Events]"),
    ("real-zh/chinesesubfinder/RickAndMorty.S05E10.en.srt", "UTF-8", "It's the crow man!"),
    ("real-zh/chinesesubfinder/Loki.S01E01.zh-Hant-en.shooter.ass", "UTF-8", "[Events]"),
    ("real-zh/chinesesubfinder/oslo.2021.zh-Hant-en.utf16le.ass", "UTF-16LE", "[Events]"),
    ("real-zh/chinesesubfinder/oslo.2021.zh-Hant.utf16le.ass", "UTF-16LE", "[Events]"),
    ("real-zh/chinesesubfinder/21.Bridges.2019.zh-Hans-en.zimuku.ass", "UTF-8", "[Events]"),
    ("real-zh/chinesesubfinder/Loki.S01E01.zh-Hans-en.zimuku.srt", "UTF-8", "洛基"),
    ("real-zh/chinesesubfinder/RickAndMorty.S05E10.zh-Hans-en.srt", "UTF-8", "本字幕由Nicolas Bourbaki"),
    ("real-zh/montagesubs/The_Life_of_Chuck_2024.web.eng-chs.srt", "UTF-8", "（飞跃影业）"),
    ("real-zh/montagesubs/Relay_2024.web.chs.srt", "UTF-8", "（布利克街传媒）"),
    ("real-zh/montagesubs/Sorry_Baby_2025.web.srt", "UTF-8", "（A24影业）"),
    ("real-zh/montagesubs/The_Life_of_Chuck_2024.web.chs.srt", "UTF-8", "（飞跃影业）"),
    ("real-zh/montagesubs/Relay_2024.web.ass", "UTF-8", "[Script Info]"),
    ("real-zh/universalmediaserver/chinese-gb18030.srt", "GB18030", "看看自己。"),
    ("real-zh/universalmediaserver/chinese-big5.srt", "Big5", "看看你們自己"),
    ("cdown-srt/gb2312.srt", "GB18030", "宇宙守护神"),
    ("cdown-srt/ascii.srt", "UTF-8", "oh look"),
]

@Test(arguments: corpusEncodings.map(\.path))
func corpusFileEncodingIsDetected(path: String) throws {
    let expected = corpusEncodings.first { $0.path == path }!
    let source = try Corpus.source(path)
    #expect(source.encoding == expected.encoding)
    #expect(source.text.contains(expected.substring))
    #expect(source.text.unicodeScalars.first != "\u{FEFF}")
    #expect(!source.text.contains("\u{FFFD}"))
}

@Test func gb18030MadeWithIconvDecodesLikeTheOriginal() throws {
    let original = try Corpus.data("real-zh/montagesubs/The_Life_of_Chuck_2024.web.chs.srt")
    let converted = try run("iconv", ["-f", "UTF-8", "-t", "GB18030"], input: original)
    #expect(converted != original)
    let source = try TextFileDecoder().decode(converted)
    #expect(source.encoding == "GB18030")
    #expect(source.text == String(decoding: original, as: UTF8.self))
}

@Test func big5MadeWithIconvDecodesLikeTheOriginal() throws {
    let original = try Corpus.data("real-zh/chinesesubfinder/Foundation.2021.S01E04.zh-Hant-en.shooter.srt")
    let converted = try run("iconv", ["-c", "-f", "UTF-8", "-t", "BIG5"], input: original)
    // -c drops what Big5 lacks (the BOM, a few symbols); compare with the same text round-tripped by iconv.
    let expected = String(decoding: try run("iconv", ["-f", "BIG5", "-t", "UTF-8"], input: converted), as: UTF8.self)
    #expect(expected.contains("曾經有一個男人"))
    let source = try TextFileDecoder().decode(converted)
    #expect(source.encoding == "Big5")
    #expect(source.text == expected)
}

@Test func explicitEncodingWins() throws {
    let data = Data("héllo".utf8)
    let source = try TextFileDecoder().decode(data, encoding: "ISO-8859-1")
    #expect(source.encoding == "ISO-8859-1")
    #expect(source.text == "hÃ©llo")
}

@Test func gbkOverrideIsReadAsGB18030() throws {
    let data = try run("iconv", ["-f", "UTF-8", "-t", "GB18030"], input: Data("中文字幕".utf8))
    let source = try TextFileDecoder().decode(data, encoding: "gb2312")
    #expect(source.encoding == "GB18030")
    #expect(source.text == "中文字幕")
}

@Test func utf8BOMIsRemoved() throws {
    let source = try TextFileDecoder().decode(Data([0xEF, 0xBB, 0xBF] + Array("字幕".utf8)))
    #expect(source.encoding == "UTF-8")
    #expect(source.text == "字幕")
}

@Test func repeatedBOMsAreAllRemoved() throws {
    let source = try TextFileDecoder().decode(Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("1\n".utf8)))
    #expect(source.encoding == "UTF-8")
    #expect(source.text == "1\n")
}

@Test func utf8BOMFollowedByUTF16BOMUsesTheLastOne() throws {
    let body = Array("字\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let source = try TextFileDecoder().decode(Data([0xEF, 0xBB, 0xBF, 0xFF, 0xFE] + body))
    #expect(source.encoding == "UTF-16LE")
    #expect(source.text == "字\n")
}

@Test func utf16BEWithBOM() throws {
    let body = Array("字幕\r\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let source = try TextFileDecoder().decode(Data([0xFE, 0xFF] + body))
    #expect(source.encoding == "UTF-16BE")
    #expect(source.text == "字幕\r\n")
}

@Test func utf32LEWithBOM() throws {
    var bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00]
    for scalar in "字A".unicodeScalars {
        let v = scalar.value
        bytes += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), 0]
    }
    let source = try TextFileDecoder().decode(Data(bytes))
    #expect(source.encoding == "UTF-32LE")
    #expect(source.text == "字A")
}

/// An English SRT whose only oddity is a UTF-16LE mark (FF FE) in front of UTF-8 text: read as UTF-8, with a warning.
@Test func utf16BOMBeforeTextThatIsNotUTF16IsIgnoredWithAWarning() throws {
    let text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nHello there, café.\r\n"
    for (bom, name) in [([UInt8(0xFF), 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")] {
        // Odd and even body lengths: UTF-16 decoding fails on the first and gives CJK-looking garbage on the second.
        for body in [text, text + "\r\n"] {
            let source = try TextFileDecoder().decode(Data(bom + Array(body.utf8)), name: "ep01.en.srt")
            #expect(source.encoding == "UTF-8")
            #expect(source.text == body)
            #expect(source.diagnostics.count == 1)
            #expect(source.diagnostics.first?.severity == .warning)
            #expect(source.diagnostics.first?.message.contains("\(name) byte order mark") == true)
            #expect(source.diagnostics.first?.location.line == 1)
        }
        #expect(throws: CodecError.self) { try TextFileDecoder(strict: true).decode(Data(bom + Array(text.utf8))) }
    }
    // Real UTF-16 after the same mark is unchanged (its line breaks hold NUL bytes).
    let utf16 = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let real = try TextFileDecoder().decode(Data([0xFF, 0xFE] + utf16))
    #expect(real.encoding == "UTF-16LE")
    #expect(real.text == text)
    #expect(real.diagnostics.isEmpty)
}

@Test func utf16LEWithoutBOMIsRecognisedByNULs() throws {
    let text = "1\r\n00:00:01,000 --> 00:00:02,000\r\n你好\r\n"
    let bytes = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let source = try TextFileDecoder().decode(Data(bytes))
    #expect(source.encoding == "UTF-16LE")
    #expect(source.text == text)
}

@Test func utf16BEWithoutBOMIsRecognisedByNULs() throws {
    let text = "1\n00:00:01,000 --> 00:00:02,000\n你好\n"
    let bytes = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let source = try TextFileDecoder().decode(Data(bytes))
    #expect(source.encoding == "UTF-16BE")
    #expect(source.text == text)
}

@Test func invalidBytesInExplicitEncodingReportTheLine() throws {
    let bytes = Array("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8)
    let error = #expect(throws: CodecError.self) { try TextFileDecoder().decode(Data(bytes), name: "x.srt", encoding: "UTF-8") }
    #expect(error?.kind == .encoding)
    #expect(error?.location.line == 6)
    #expect(error?.location.file == "x.srt")
}

/// 30 UTF-8 cues of Chinese text, with a stray lead byte at the start of line 10's text.
private func damagedUTF8() -> [UInt8] {
    var text = ""
    for i in 1...30 { text += "\(i)\n00:00:0\(i % 10),000 --> 00:00:0\(i % 10),500\n中文字幕第\(i)行\n\n" }
    var bytes = Array(text.utf8)
    let lineStarts = bytes.indices.filter { $0 == 0 || bytes[$0 - 1] == 0x0A }
    bytes[lineStarts[9] + 1] = 0xC3 // line 10: a stray lead byte
    return bytes
}

@Test func damagedUTF8IsUTF8WithTheBadBytesReplacedAndReportedByLine() throws {
    let source = try TextFileDecoder().decode(Data(damagedUTF8()), name: "x.srt")
    #expect(source.encoding == "UTF-8")
    #expect(source.text.contains("中文字幕第30行"))
    #expect(source.text.filter { $0 == "\u{FFFD}" }.count >= 1)
    #expect(source.diagnostics.count == 1)
    #expect(source.diagnostics.first?.location == SourceLocation(file: "x.srt", line: 10, column: 2))
}

@Test func damagedUTF8IsAnErrorWithTheLineWhenStrict() throws {
    let error = #expect(throws: CodecError.self) { try TextFileDecoder(strict: true).decode(Data(damagedUTF8())) }
    #expect(error?.kind == .encoding)
    #expect(error?.location.line == 10)
}

@Test func mixedUTF8AndGB18030LinesAreDecodedPerLineWithAWarning() throws {
    var bytes: [UInt8] = []
    var expected = ""
    for i in 1...6 {
        let cue = "\(i)\n00:00:0\(i),000 --> 00:00:0\(i),500\n第\(i)行中文字幕，你好\n\n"
        expected += cue
        bytes += i % 2 == 0 ? Array(try TextFileEncoder(encoding: "GB18030").encode(cue)) : Array(cue.utf8)
    }
    let source = try TextFileDecoder().decode(Data(bytes), name: "m.srt")
    #expect(source.text == expected)
    #expect(source.encoding == "UTF-8+GB18030")
    #expect(source.diagnostics.map(\.location.line) == [7])
    let error = #expect(throws: CodecError.self) { try TextFileDecoder(strict: true).decode(Data(bytes), name: "m.srt") }
    #expect(error?.location.line == 7)
}

@Test func cjkTextIsNeverReadAsASingleByteCharset() throws {
    let text = "1\n00:00:01,000 --> 00:00:02,000\n你们好，我是你的女婿。\n\n2\n00:00:03,000 --> 00:00:04,000\n三年了，他终于回来了。\n"
    let source = try TextFileDecoder().decode(try TextFileEncoder(encoding: "GB18030").encode(text))
    #expect(source.encoding == "GB18030")
    #expect(source.text == text)
}

@Test func binaryDataIsAnError() throws {
    var state: UInt32 = 12345   // a fixed pseudo-random byte stream, like a compressed file
    let bytes = (0..<2000).map { _ -> UInt8 in state = state &* 1_103_515_245 &+ 12345; return UInt8(truncatingIfNeeded: state >> 16) }
    let error = #expect(throws: CodecError.self) { try TextFileDecoder().decode(Data(bytes), name: "b.srt") }
    #expect(error?.kind == .encoding)
}

@Test func invalidGB18030BytesAreReported() throws {
    let good = try run("iconv", ["-f", "UTF-8", "-t", "GB18030"], input: Data("第一行\n第二行\n".utf8))
    let bytes = Array(good) + [0x81, 0x0A]
    let error = #expect(throws: CodecError.self) { try TextFileDecoder().decode(Data(bytes), encoding: "GB18030") }
    #expect(error?.location.line == 3)
}

@Test func unknownEncodingNameIsAnError() {
    #expect(throws: CodecError.self) { try TextFileDecoder().decode(Data("x".utf8), encoding: "no-such-charset") }
}

@Test func encoderWritesGB18030AndBOMs() throws {
    let gb = try TextFileEncoder(encoding: "GB18030").encode("中文\r\n")
    #expect(try TextFileDecoder().decode(gb, encoding: "GB18030").text == "中文\r\n")
    let utf8 = try TextFileEncoder(byteOrderMark: true).encode("a")
    #expect(Array(utf8) == [0xEF, 0xBB, 0xBF, 0x61])
    let utf16 = try TextFileEncoder(encoding: "UTF-16LE", byteOrderMark: true).encode("a")
    #expect(Array(utf16) == [0xFF, 0xFE, 0x61, 0x00])
}

@Test func encoderReportsUnmappableCharacterLine() {
    let error = #expect(throws: CodecError.self) { try TextFileEncoder(encoding: "Big5").encode("一\n二\n😀\n") }
    #expect(error?.location.line == 3)
}
