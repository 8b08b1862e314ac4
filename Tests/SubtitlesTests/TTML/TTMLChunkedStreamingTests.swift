import Foundation
@testable import Subtitles
import TestSupport
import Testing
import TextServices

/// TTML read a chunk at a time (`UTF8FileChunks` → `XMLStreamReader` source mode → `TTMLStreamReader`) gives the
/// cues of the whole-file reader, wherever the chunks are cut; the helpers it relies on agree with what they replace.
@Suite struct TTMLChunkedStreamingTests {
    /// Cues of a document read by the whole-file reader.
    func wholeFileCues(_ xml: String) throws -> [Cue] {
        try TTMLCodec().decode(SourceText(name: "t.ttml", text: xml), options: DecodeOptions()).track.cues
    }

    /// Cues of a document streamed from `chunk`-byte pieces (cut anywhere, also inside characters).
    func streamedCues(_ xml: String, chunk: Int) throws -> [Cue] {
        let bytes = Array(xml.utf8)
        var offset = 0
        var reader = try TTMLStreamReader(name: "t.ttml") { () throws(XMLParseError) -> [UInt8] in
            let n = min(chunk, bytes.count - offset)
            defer { offset += n }
            return Array(bytes[offset..<offset + n])
        }
        var cues: [Cue] = []
        while let next = try reader.nextCues() { cues += next }
        return cues
    }

    static let document = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- a comment before the root, longer than the smallest chunks -->
    <tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="zh-Hans">
      <head>
        <styling><style xml:id="s1" tts:fontStyle="italic"/></styling>
        <layout><region xml:id="r1" tts:origin="10% 80%" tts:extent="80% 15%" tts:displayAlign="after"/></layout>
      </head>
      <body style="s1" region="r1">
        <div>
          <p xml:id="c1" begin="00:00:00.613" end="00:00:02.794">许夜出事了，你懂什么叫卧薪尝胆吗？</p>
          <p xml:id="c2" begin="00:00:03.664" end="00:00:06.204">你敢，他不会离开我！<br/>姐竟然保护 &amp; 离开 &lt;公司&gt;</p>
          <p xml:id="c3" begin="00:00:07" end="00:00:08.5">  spaces   collapse
             here  </p>
          <p xml:id="c4" begin="99:59:58.000" end="100:00:01.250">past 99 hours</p>
          <p xml:id="c5" begin="123:04:05.6" end="1234:00:00">three and four hour digits 🎬</p>
          <p xml:id="c6" begin="1234:00:00.001" end="12345:00:00.1"><span tts:color="red">five</span> digits</p>
        </div>
      </body>
    </tt>
    """

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 16])
    func chunkedStreamGivesTheWholeFileCues(chunk: Int) throws {
        let expected = try wholeFileCues(Self.document)
        #expect(expected.count == 6)
        #expect(try streamedCues(Self.document, chunk: chunk) == expected)
    }

    @Test func corpusTTMLStreamedInSmallChunksGivesTheWholeFileCues() throws {
        let files = ["ttml", "xml", "dfxp"].flatMap { TestPaths.files(under: TestPaths.corpora, extension: $0) }
        try #require(files.count >= 50)
        var compared = 0
        for file in files.prefix(120) {
            guard let text = try? String(contentsOf: file, encoding: .utf8), let expected = try? wholeFileCues(text),
                  let cues = try? streamedCues(text, chunk: 1000) else { continue }
            // Streaming stops where only the whole document decides (cue order is the writer's to check).
            guard cues.count == expected.count, zip(cues, cues.dropFirst()).allSatisfy({ ($0.start, $0.end) <= ($1.start, $1.end) }) else { continue }
            #expect(cues == expected, "\(file.lastPathComponent)")
            compared += 1
        }
        #expect(compared >= 50)
    }

    @Test func internalSubsetIsRefusedWhateverTheChunks() throws {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE tt [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
            + "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"0s\" end=\"1s\">&x;</p></div></body></tt>"
        for chunk in [1, 5, 40, 4096] {
            let bytes = Array(xxe.utf8)
            var offset = 0
            #expect(throws: XMLParseError.self) {
                let reader = try XMLStreamReader(name: "x.ttml") { () throws(XMLParseError) -> [UInt8] in
                    let n = min(chunk, bytes.count - offset)
                    defer { offset += n }
                    return Array(bytes[offset..<offset + n])
                }
                try reader.finish()
            }
            do {
                var offset = 0
                let reader = try XMLStreamReader(name: "x.ttml") { () throws(XMLParseError) -> [UInt8] in
                    let n = min(chunk, bytes.count - offset)
                    defer { offset += n }
                    return Array(bytes[offset..<offset + n])
                }
                try reader.finish()
            } catch {
                #expect(error.kind == .unsafe, "chunk \(chunk): \(error)")
            }
        }
    }

    @Test func prologVerdictWaitsForEnoughBytes() {
        let doctype = Array("<?xml version=\"1.0\"?><!DOCTYPE tt [<!ENTITY a \"b\">]><tt/>".utf8)
        for n in 0..<doctype.count {
            switch SafeXML.prologVerdict(Array(doctype[..<n]), name: "t", complete: false) {
            case .accepted: Issue.record("accepted after \(n) bytes")
            case .refused, .undecided: break
            }
        }
        if case .refused = SafeXML.prologVerdict(doctype, name: "t", complete: true) {} else { Issue.record("not refused") }
        let plain = Array("<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\"><body/></tt>".utf8)
        if case .accepted = SafeXML.prologVerdict(plain, name: "t", complete: false) {} else { Issue.record("plain prolog not accepted") }
    }

    @Test func fileChunksAreWholeCharactersAndRefuseBadBytes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "aé许🎬\n" + String(repeating: "字幕 ok 😀 ", count: 50)
        let good = dir.appendingPathComponent("good.ttml")
        try Data(text.utf8).write(to: good)
        for size in [1, 2, 3, 5, 16, 100] {
            let chunks = try #require(UTF8FileChunks(path: good.path, chunkSize: size))
            var all: [UInt8] = []
            while true {
                let chunk = try chunks.next()
                if chunk.isEmpty { break }
                #expect(String(validating: chunk, as: UTF8.self) != nil, "chunk size \(size) cut a character")
                all += chunk
            }
            #expect(all == Array(text.utf8))
        }
        for (name, bytes) in [("bad", Array("ok".utf8) + [0xC3, 0x28] + Array("ok".utf8)), ("cut", Array("ok".utf8) + [0xE8, 0xAE]),
                              ("nul", Array("o".utf8) + [0] + Array("k".utf8))] {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let chunks = try #require(UTF8FileChunks(path: url.path, chunkSize: 3))
            #expect(throws: XMLParseError.self) { while try !chunks.next().isEmpty {} }
            #expect(chunks.failure == .notUTF8, "\(name)")
        }
    }

    @Test func plainClockTimesAreWhatTheGeneralParserReads() {
        let params = TTMLTimingParameters()
        var checked = 0
        for hours in ["00", "07", "99", "100", "123", "1234", "99999", "123456"] {
            for rest in [":00:00", ":59:59", ":05:60", ":60:00", ":5:00", ":00:00.5", ":12:34.567", ":12:34.123456789", ":00:00.", ":00:00.1234567890"] {
                let raw = hours + rest
                let fast = TTMLReader.plainClockTime(raw)
                if let fast { #expect(fast == params.parse(raw), "\(raw)"); checked += 1 }
                if hours.count <= 5, rest.count <= 15, params.parse(raw) != nil, !rest.hasSuffix(".") {
                    #expect(fast != nil, "\(raw) not read from the bytes")
                }
            }
        }
        #expect(checked >= 30)
        #expect(TTMLReader.plainClockTime("123456:00:00") == nil)
    }

    @Test func surelyNonWhitespaceNeverContradictsTheCharacters() {
        let pieces = ["a", " ", "\t", "\u{3000}", "\u{00A0}", "\u{2028}", "\u{301}", "\u{0600}", "许", "，", "！", "😀", "\u{200D}",
                      "、", "「", "\u{302A}", "\u{1100}", "\u{FEFF}", "…"]
        for a in pieces { for b in pieces { for c in ["", " ", "x", "\u{301}"] {
            let s = a + b + c
            if UTF8Scan.surelyHasNonWhitespace(s) {
                #expect(s.contains { !$0.isWhitespace }, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            }
            var line = s
            let bytesSay = line.withUTF8 { SRTCodec.hasNonWhitespace($0) }
            #expect(bytesSay == s.contains { !$0.isWhitespace })
        } } }
        #expect(UTF8Scan.surelyHasNonWhitespace("许夜出事了"))
        #expect(!UTF8Scan.surelyHasNonWhitespace("\u{3000} "))
    }

    @Test func srtBytesAreTheTimesAndLinesOfTheStringWriter() throws {
        var cue = try Cue(start: Timestamp(hours: 123, minutes: 4, seconds: 5, milliseconds: 7), end: Timestamp(hours: 123, minutes: 4, seconds: 6),
                          text: "one\n \u{3000}\nthree & <b>")
        cue.placement.anchor = .topCenter
        var bytes: [UInt8] = []
        SRTCodec.appendCue(cue, number: "12", eol: "\r\n", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "12\r\n123:04:05,007 --> 123:04:06,000\r\n{\\an8}one\r\nthree & &lt;b>\r\n\r\n")
        #expect(SRTCodec.time(Timestamp(milliseconds: 5)) == "00:00:00,005")
        var t: [UInt8] = []
        SRTCodec.appendTime(Timestamp(hours: 1000, minutes: 0, seconds: 1, milliseconds: 999), to: &t)
        #expect(String(decoding: t, as: UTF8.self) == SRTCodec.time(Timestamp(hours: 1000, minutes: 0, seconds: 1, milliseconds: 999)))
    }
}
