import Foundation
@testable import Subtitles
import TestSupport
import Testing

/// Streaming SRT → SRT/WebVTT writes the bytes and warnings of the whole-file path, or falls back.
@Suite struct StreamingConversionTests {
    let dir: URL

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    /// The whole-file path's output bytes and diagnostics.
    func wholeFile(_ input: URL, format: String) throws -> (Data, [Diagnostic], SubtitleFile.Loaded) {
        let loaded = try SubtitleFile.read(input)
        let out = dir.appendingPathComponent("whole-\(UUID().uuidString).\(format)")
        try SubtitleFile.write(loaded.track, to: out, format: format)
        return (try Data(contentsOf: out), loaded.diagnostics, loaded)
    }

    func streamed(_ input: URL, format: String, chunkSize: Int, strict: Bool = false) -> (Result<StreamingConversion.Outcome, StreamingConversion.Fallback>, URL) {
        let out = dir.appendingPathComponent("stream-\(UUID().uuidString).\(format)")
        return (StreamingConversion.attempt(input, to: out, format: format, strict: strict, chunkSize: chunkSize), out)
    }

    func write(_ text: String, _ name: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Nothing but the inputs is left in the directory (no output, no temp file).
    func leftovers(besides inputs: [URL]) throws -> [String] {
        let names = Set(inputs.map(\.lastPathComponent))
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !names.contains($0) && !$0.hasPrefix("whole-") }
    }

    @Test(arguments: ["srt", "vtt"], [37, 4096, 1 << 20])
    func corpusSRTFilesStreamToTheSameBytes(format: String, chunkSize: Int) throws {
        try corpusFilesStream(extension: "srt", format: format, chunkSize: chunkSize, atLeast: 6)
    }

    @Test(arguments: ["srt", "vtt"], [37, 1 << 20])
    func corpusWebVTTFilesStreamToTheSameBytes(format: String, chunkSize: Int) throws {
        try corpusFilesStream(extension: "vtt", format: format, chunkSize: chunkSize, atLeast: 20)
    }

    func corpusFilesStream(extension ext: String, format: String, chunkSize: Int, atLeast: Int) throws {
        let files = TestPaths.files(under: TestPaths.corpora, extension: ext)
        try #require(files.count >= 10)
        var streamedCount = 0
        for file in files {
            guard let (expected, diagnostics, loaded) = try? wholeFile(file, format: format) else {
                let (result, _) = streamed(file, format: format, chunkSize: chunkSize)
                #expect(throws: StreamingConversion.Fallback.self, "\(file.lastPathComponent): whole path fails, so must streaming") { try result.get() }
                continue
            }
            let (result, out) = streamed(file, format: format, chunkSize: chunkSize)
            switch result {
            case let .success(outcome):
                streamedCount += 1
                #expect(loaded.encoding == "UTF-8", "\(file.lastPathComponent)")
                #expect(try Data(contentsOf: out) == expected, "\(file.lastPathComponent) → \(format): bytes differ")
                #expect(outcome.diagnostics == diagnostics, "\(file.lastPathComponent): warnings differ")
                #expect(outcome.cueCount == loaded.track.cues.count)
            case let .failure(why):
                #expect(!FileManager.default.fileExists(atPath: out.path))
                if loaded.encoding == "UTF-8" {
                    // NUL bytes (valid UTF-8, but the UTF-16 test) and empty tracks are the whole-file path's too.
                    #expect([.unordered, .numbering, .regions, .noCues, .notUTF8].contains(why), "\(file.lastPathComponent): UTF-8 file not streamed: \(why)")
                } else {
                    #expect(why == .notUTF8, "\(file.lastPathComponent) (\(loaded.encoding)): \(why)")
                }
            }
        }
        #expect(streamedCount >= atLeast, "only \(streamedCount) corpus files streamed")
    }

    /// A generated file with markup, coordinates, anchors, BOM, CRLF and the reader's recoverable quirks.
    static func generated(cues: Int) -> String {
        var s = "\u{FEFF}"
        for c in 1...cues {
            let i = c + c / 97   // ascending with a gap now and then
            let start = c * 1000
            func t(_ ms: Int) -> String {
                String(format: "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000)
            }
            let eol = i % 3 == 0 ? "\r\n" : "\n"
            switch i % 97 {
            case 5: s += "\(t(start)) --> \(t(start + 800))\(eol)no number here\(eol)\(eol)"   // cue has no number
            case 11: s += "\(i)\(eol)\(t(start)) --> \(t(start + 800))\(eol)first\(eol)\(eol)after a blank line\(eol)\(eol)"
            case 17: s += "\(i)\(eol)\(t(start)) --> \(t(start + 800))\(eol)missing blank\(eol)"   // next cue follows directly
            case 23: s += "\(i)\(eol)\(t(start)) --> \(t(start + 800)) X1:10 X2:20 Y1:30 Y2:40\(eol){\\an8}<i>top</i> & <b>bold</b>\(eol)\(eol)"
            case 29: s += "stray text\(eol)\(eol)\(i)\(eol)\(t(start)) --> \(t(start - 10))\(eol)end before start\(eol)\(eol)"
            default: s += "\(i)\(eol)\(t(start)) --> \(t(start + 900))\(eol)<font color=\"red\">line \(i)</font>\(eol)second 第\(i)行\(eol)\(eol)"
            }
        }
        return s
    }

    @Test(arguments: ["srt", "vtt"])
    func generatedFileStreamsToTheSameBytesAndWarnings(format: String) throws {
        let input = try write(Self.generated(cues: 20000), "big.srt")
        let (expected, diagnostics, loaded) = try wholeFile(input, format: format)
        #expect(diagnostics.count > 100)
        for chunkSize in [500, 65536] {
            let (result, out) = streamed(input, format: format, chunkSize: chunkSize)
            let outcome = try result.get()
            #expect(outcome.cueCount == loaded.track.cues.count)
            #expect(outcome.diagnostics == diagnostics)
            #expect(try Data(contentsOf: out) == expected)
        }
    }

    /// A WebVTT file with a header line, STYLE, NOTEs, ids, settings, markup and ignored blocks.
    static func generatedWebVTT(cues: Int) -> String {
        var s = "WEBVTT - generated\nKind: captions\n\nSTYLE\n::cue { color: yellow }\n\nNOTE first note\n\n"
        func t(_ ms: Int) -> String { String(format: "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000) }
        for i in 1...cues {
            let start = i * 1000
            let eol = i % 3 == 0 ? "\r\n" : "\n"
            switch i % 89 {
            case 3: s += "NOTE before \(i)\(eol)two lines\(eol)\(eol)"
            case 7: s += "c\(i)\(eol)\(t(start)) --> \(t(start + 500)) line:0 align:left\(eol)<i>top</i> &amp; <b>left</b>\(eol)\(eol)"
            case 13: s += "not a block\(eol)\(eol)"
            case 19: s += "\(t(start)) --> \(t(start - 5))\(eol)ends before it starts\(eol)\(eol)"
            case 23: s += "\(t(start)) --> 99:xx\(eol)bad timing\(eol)\(eol)"
            case 29: s += "\(t(start)) --> \(t(start + 700))\(eol)first\(eol)\(t(start + 1)) --> \(t(start + 800))\(eol)arrow ends the block\(eol)\(eol)"
            default: s += "\(t(start)) --> \(t(start + 900))\(eol)<c.yellow>line \(i)</c>\(eol)第\(i)行 <ruby>漢<rt>han</rt></ruby>\(eol)\(eol)"
            }
        }
        return s + "NOTE trailing\n"
    }

    @Test(arguments: ["srt", "vtt"])
    func generatedWebVTTStreamsToTheSameBytesAndWarnings(format: String) throws {
        let input = try write(Self.generatedWebVTT(cues: 20000), "big.vtt")
        let (expected, diagnostics, loaded) = try wholeFile(input, format: format)
        #expect(diagnostics.count > 100)
        for chunkSize in [300, 65536] {
            let (result, out) = streamed(input, format: format, chunkSize: chunkSize)
            let outcome = try result.get()
            #expect(outcome.cueCount == loaded.track.cues.count)
            #expect(outcome.diagnostics == diagnostics)
            #expect(try Data(contentsOf: out) == expected)
        }
    }

    @Test func webVTTRegionsFallBackForWebVTTOutput() throws {
        let input = try write("WEBVTT\n\nREGION\nid:r\nwidth:40%\n\n00:01.000 --> 00:02.000 region:r\nhello\n\n00:03.000 --> 00:04.000\nbye\n", "region.vtt")
        #expect(throws: StreamingConversion.Fallback.regions) { try streamed(input, format: "vtt", chunkSize: 20).0.get() }
        let (srt, out) = streamed(input, format: "srt", chunkSize: 20)
        _ = try srt.get()
        #expect(try Data(contentsOf: out) == (try wholeFile(input, format: "srt").0))
    }

    @Test func outOfOrderCuesFallBackForWebVTTButStreamForSRT() throws {
        var text = ""
        for i in 1...200 { text += "\(i)\n00:00:\(String(format: "%02d", i == 150 ? 1 : i % 60)),000 --> 00:01:00,000\ncue \(i)\n\n" }
        let input = try write(text, "unordered.srt")
        let (vtt, vttOut) = streamed(input, format: "vtt", chunkSize: 300)
        #expect(throws: StreamingConversion.Fallback.unordered) { try vtt.get() }
        #expect(!FileManager.default.fileExists(atPath: vttOut.path))
        let (srt, srtOut) = streamed(input, format: "srt", chunkSize: 300)
        _ = try srt.get()
        #expect(try Data(contentsOf: srtOut) == (try wholeFile(input, format: "srt").0))
    }

    @Test func invalidUTF8LateInTheFileFallsBackAndLeavesNothing() throws {
        var bytes = Array(Self.generated(cues: 500).utf8)
        bytes.insert(contentsOf: [0xFF, 0xFE], at: bytes.count - 40)
        let input = dir.appendingPathComponent("damaged.srt")
        try Data(bytes).write(to: input)
        let (result, out) = streamed(input, format: "vtt", chunkSize: 1000)
        #expect(throws: StreamingConversion.Fallback.notUTF8) { try result.get() }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try leftovers(besides: [input]).isEmpty)
    }

    @Test func repeatedCueNumbersAndStrictWarningsFallBack() throws {
        let repeated = try write("1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n00:00:03,000 --> 00:00:04,000\nb\n\n1\n00:00:05,000 --> 00:00:06,000\nc\n\n", "repeat.srt")
        #expect(throws: StreamingConversion.Fallback.numbering) { try streamed(repeated, format: "srt", chunkSize: 20).0.get() }
        let quirky = try write("00:00:01,000 --> 00:00:02,000\nno number\n\n", "quirky.srt")
        #expect(throws: StreamingConversion.Fallback.readFailed) { try streamed(quirky, format: "srt", chunkSize: 20, strict: true).0.get() }
        _ = try streamed(quirky, format: "srt", chunkSize: 20).0.get()
    }

    @Test func numericIdsThenAMissingOneRenumbersOnlyWhenTheSame() throws {
        // Ids 1, 2 then none: renumbering from 1 writes the same, so it streams.
        let same = try write("1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n00:00:03,000 --> 00:00:04,000\nb\n\n00:00:05,000 --> 00:00:06,000\nc\n\n", "same.srt")
        let (ok, okOut) = streamed(same, format: "srt", chunkSize: 20)
        _ = try ok.get()
        #expect(try Data(contentsOf: okOut) == (try wholeFile(same, format: "srt").0))
        // Ids 5, 6 then none: the whole file is renumbered, which the stream has already passed.
        let gap = try write("5\n00:00:01,000 --> 00:00:02,000\na\n\n6\n00:00:03,000 --> 00:00:04,000\nb\n\n00:00:05,000 --> 00:00:06,000\nc\n\n", "gap.srt")
        #expect(throws: StreamingConversion.Fallback.numbering) { try streamed(gap, format: "srt", chunkSize: 20).0.get() }
    }

    @Test func notStreamedWhenNotEligibleOrEmpty() throws {
        let input = try write("1\n00:00:01,000 --> 00:00:02,000\na\n\n", "one.srt")
        #expect(StreamingConversion.streamableInput(input, from: nil, encoding: "UTF-8", to: "vtt") == nil)
        #expect(StreamingConversion.streamableInput(input, from: nil, encoding: nil, to: "ttml") == nil)
        #expect(StreamingConversion.streamableInput(input, from: "ass", encoding: nil, to: "srt") == nil)
        #expect(StreamingConversion.streamableInput(input, from: "ttml", encoding: nil, to: "srt") == "ttml")
        #expect(StreamingConversion.streamableInput(input, from: nil, encoding: nil, to: "vtt") == "srt")
        let blank = try write("\n\n  \n", "blank.srt")
        #expect(throws: StreamingConversion.Fallback.noCues) { try streamed(blank, format: "vtt", chunkSize: 20).0.get() }
        let utf16 = dir.appendingPathComponent("utf16.srt")
        try Data([0xFF, 0xFE] + Array("1\n".utf16).flatMap { [UInt8($0), 0] }).write(to: utf16)
        #expect(throws: StreamingConversion.Fallback.notUTF8) { try streamed(utf16, format: "vtt", chunkSize: 20).0.get() }
    }
}
