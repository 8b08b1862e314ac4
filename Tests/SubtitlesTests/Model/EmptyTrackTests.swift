import Foundation
@testable import Subtitles
import Testing

/// A file whose cues are all invalid is an error; a file with no cues at all is an empty track.
@Suite struct EmptyTrackTests {
    func read(_ text: String, name: String) throws -> SubtitleFile.Loaded {
        try SubtitleFile.decode(Data(text.utf8), name: name)
    }

    @Test func allCuesInvalidIsAnError() throws {
        let srt = "1\n00:00:99,000 --> 00:00:02,000\nbad\n\n2\n00:61:00,000 --> 00:62:00,000\nbad too\n"
        #expect(throws: CodecError.self) { try read(srt, name: "bad.srt") }
        do {
            _ = try read(srt, name: "bad.srt")
        } catch let error as CodecError {
            #expect(error.location.file == "bad.srt" && error.location.line == 2, "\(error)")
            #expect(error.description.contains("no cue could be read"), "\(error)")
        }
        let vtt = "WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nx\n\n1:2 --> 3:4\ny\n"
        #expect(throws: CodecError.self) { try read(vtt, name: "bad.vtt") }
        let ass = "[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: 0,bad,0:00:02.00,Default,x\n"
        #expect(throws: CodecError.self) { try read(ass, name: "bad.ass") }
        // One good cue is enough.
        #expect(try read(srt + "\n3\n00:00:01,000 --> 00:00:02,000\ngood\n", name: "some.srt").track.cues.count == 1)
    }

    @Test func emptyTracksAreValid() throws {
        #expect(try read("WEBVTT\n", name: "header.vtt").track.cues.isEmpty)
        #expect(try read("WEBVTT - title\n\nNOTE nothing yet\n", name: "note.vtt").track.cues.isEmpty)
        let bomOnly = try SubtitleFile.decode(Data([0xEF, 0xBB, 0xBF]), name: "bom.vtt")
        #expect(bomOnly.track.cues.isEmpty)
        #expect(try read("", name: "empty.srt").track.cues.isEmpty)
    }
}
