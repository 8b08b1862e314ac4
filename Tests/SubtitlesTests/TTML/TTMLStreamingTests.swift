import Foundation
@testable import Subtitles
import TestSupport
import Testing

/// Streaming TTML → SRT/WebVTT (`TTMLStreamReader`) writes the bytes and warnings of the whole-file path, or falls back.
@Suite struct TTMLStreamingTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ttml-streaming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func wholeFile(_ input: URL, format: String) throws -> (Data, SubtitleFile.Loaded) {
        let loaded = try SubtitleFile.read(input)
        let out = dir.appendingPathComponent("whole-\(UUID().uuidString).\(format)")
        try SubtitleFile.write(loaded.track, to: out, format: format)
        return (try Data(contentsOf: out), loaded)
    }

    func streamed(_ input: URL, format: String, strict: Bool = false) -> (Result<StreamingConversion.Outcome, StreamingConversion.Fallback>, URL) {
        let out = dir.appendingPathComponent("stream-\(UUID().uuidString).\(format)")
        return (StreamingConversion.attempt(input, to: out, format: format, from: "ttml", strict: strict), out)
    }

    func write(_ text: String, _ name: String = "t.ttml") throws -> URL {
        let url = dir.appendingPathComponent(UUID().uuidString + "-" + name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Checks one file; true when it was streamed.
    @discardableResult
    func check(_ file: URL, format: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
        let name = file.lastPathComponent
        guard let (expected, loaded) = try? wholeFile(file, format: format) else {
            let (result, out) = streamed(file, format: format)
            #expect(throws: StreamingConversion.Fallback.self, "\(name): whole path fails, so must streaming", sourceLocation: sourceLocation) { try result.get() }
            #expect(!FileManager.default.fileExists(atPath: out.path), sourceLocation: sourceLocation)
            return false
        }
        let (result, out) = streamed(file, format: format)
        switch result {
        case let .success(outcome):
            #expect(try Data(contentsOf: out) == expected, "\(name) → \(format): bytes differ", sourceLocation: sourceLocation)
            #expect(outcome.diagnostics == loaded.diagnostics, "\(name): warnings differ", sourceLocation: sourceLocation)
            #expect(outcome.cueCount == loaded.track.cues.count, sourceLocation: sourceLocation)
            return true
        case let .failure(why):
            #expect(!FileManager.default.fileExists(atPath: out.path), sourceLocation: sourceLocation)
            #expect([.wholeDocument, .unordered, .regions, .noCues, .notUTF8].contains(why), "\(name): \(why)", sourceLocation: sourceLocation)
            return false
        }
    }

    @Test(arguments: ["srt", "vtt"])
    func corpusTTMLStreamsToTheSameBytes(format: String) throws {
        let files = ["ttml", "xml", "dfxp"].flatMap { TestPaths.files(under: TestPaths.corpora, extension: $0) }
        try #require(files.count >= 50)
        var streamedCount = 0
        for file in files where try check(file, format: format) { streamedCount += 1 }
        #expect(streamedCount >= 50, "only \(streamedCount) of \(files.count) corpus TTML files streamed")
    }

    static let head = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" \
    ttp:tickRate="10" ttp:frameRate="25" xml:lang="en">
      <head>
        <styling><style xml:id="s1" tts:fontStyle="italic"/><style xml:id="s2" tts:fontWeight="bold" style="s1"/></styling>
        <layout><region xml:id="top" tts:origin="10% 10%" tts:extent="80% 20%"/><region xml:id="bottom" tts:origin="10% 70%" tts:extent="80% 20%"/></layout>
      </head>
    """

    @Test(arguments: ["srt", "vtt"])
    func timingStylesRegionsAndRubyStreamExactly(format: String) throws {
        let doc = Self.head + """
          <body region="bottom" begin="1s">
            <div timeContainer="seq" style="s1">
              <p dur="20t">seq one &amp; <span tts:color="red">red</span></p>
              <p dur="00:00:01:05">seq two<br/>line two</p>
              <div begin="1s"><p end="2s">nested</p><p begin="500ms" dur="1s">after</p></div>
            </div>
            <div begin="10s" end="20s" region="top">
              <set begin="1s" end="2s" tts:color="yellow"/>
              <p begin="0s" end="3s" style="s2">set <span begin="1.5s">appears</span></p>
              <p begin="4s" end="5s"><span tts:ruby="container"><span tts:ruby="base">漢</span><span tts:ruby="text">kan</span></span></p>
              <p begin="6s" end="30s" xml:space="preserve">  kept
            spaces </p>
              <p begin="7s" end="8s">unitless <span begin="0.1">warned</span></p>
            </div>
            <div tts:display="none"><p begin="0s" end="1s">hidden</p></div>
            <metadata><p begin="0s" end="1s">not content</p></metadata>
          </body>
        </tt>
        """
        #expect(try check(try write(doc), format: format))
    }

    @Test func whatOnlyTheWholeDocumentDecidesFallsBack() throws {
        // Out of (start, end) order: the whole-file reader sorts.
        let unordered = try write(Self.head + "<body region=\"bottom\"><div><p begin=\"5s\" end=\"6s\">b</p><p begin=\"1s\" end=\"2s\">a</p></div></body></tt>")
        #expect(throws: StreamingConversion.Fallback.unordered) { try streamed(unordered, format: "srt").0.get() }
        #expect(try check(unordered, format: "vtt") == false)
        // A <set> in a div after its content, a head after the body, iTunes TTML.
        let lateSet = try write(Self.head + "<body region=\"bottom\"><div><p begin=\"0s\" end=\"3s\">a</p><set begin=\"1s\" end=\"2s\" tts:color=\"red\"/></div></body></tt>")
        #expect(throws: StreamingConversion.Fallback.wholeDocument) { try streamed(lateSet, format: "srt").0.get() }
        #expect(try check(lateSet, format: "srt") == false)
        let lateHead = try write("<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"0s\" end=\"1s\">a</p></div></body><head/></tt>")
        #expect(throws: StreamingConversion.Fallback.wholeDocument) { try streamed(lateHead, format: "srt").0.get() }
        let itunes = try write("<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:itunes=\"http://music.apple.com/lyric-ttml-internal\"><body><div>"
                               + "<p begin=\"1s\" end=\"2s\" itunes:key=\"L1\">a</p></div></body></tt>")
        #expect(throws: StreamingConversion.Fallback.wholeDocument) { try streamed(itunes, format: "srt").0.get() }
        #expect(try check(itunes, format: "srt") == false)
        // Errors are the whole-file path's to report (with file and line).
        let broken = try write(Self.head + "<body><div><p begin=\"1s\" end=\"2s\">a</div></body></tt>")
        #expect(throws: StreamingConversion.Fallback.wholeDocument) { try streamed(broken, format: "srt").0.get() }
        #expect(try check(broken, format: "srt") == false)
        let badTime = try write(Self.head + "<body><div><p begin=\"1s\" end=\"2s\">a</p><p begin=\"later\">b</p></div></body></tt>")
        #expect(try check(badTime, format: "srt") == false)
        // --strict: a warning stops the stream.
        let warned = try write(Self.head + "<body region=\"bottom\"><div><p begin=\"1\" end=\"2s\">a</p></div></body></tt>")
        #expect(throws: StreamingConversion.Fallback.wholeDocument) { try streamed(warned, format: "srt", strict: true).0.get() }
        #expect(try check(warned, format: "srt"))
    }

    @Test func entitiesAreRefusedBeforeAnyOutput() throws {
        let xxe = try write("<?xml version=\"1.0\"?>\n<!DOCTYPE tt [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
                            + "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"0s\" end=\"1s\">&x;</p></div></body></tt>")
        let (result, out) = streamed(xxe, format: "srt")
        #expect(throws: StreamingConversion.Fallback.wholeDocument) { try result.get() }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(throws: CodecError.self) { try SubtitleFile.read(xxe) }
    }
}
