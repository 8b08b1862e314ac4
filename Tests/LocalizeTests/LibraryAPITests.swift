import Foundation
import Localize
import Subtitles
import TestSupport
import Testing

/// The three-line library use shown in the README: read, localize, write.
@Suite struct LibraryAPITests {
    @Test func readLocalizeWriteWithTheBundledData() throws {
        let examples = TestPaths.repoRoot.appendingPathComponent("examples/son-in-law")
        let chinese = try Track(contentsOf: examples.appendingPathComponent("ep01.zh.srt"))
        let track = try Track(contentsOf: examples.appendingPathComponent("ep01.en.srt"))
        let result = try Localizer(region: "en-US", glossary: .bundled).run(track, source: chinese)
        let out = try CLIRunner.tempDir().appendingPathComponent("ep01.en-US.vtt")
        try result.track.write(to: out)

        let back = try Track(contentsOf: out)
        #expect(back.cues.count == result.track.cues.count)
        #expect(back.cues.map(\.text.plainText) == result.track.cues.map(\.text.plainText))
        #expect(!result.changes.isEmpty)   // the example episode has planted problems to fix
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("WEBVTT"))
    }

    @Test func unknownRegionAndExtensionAreTypedErrors() throws {
        #expect(throws: LocalizerError.self) { try Localizer(region: "xx-XX", glossary: .none) }
        let track = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 1000), text: "hi")])
        #expect(throws: CodecError.self) { try track.write(to: try CLIRunner.tempDir().appendingPathComponent("x.docx")) }
    }
}
