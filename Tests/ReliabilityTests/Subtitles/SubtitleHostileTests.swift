import Foundation
import Localize
import Regions
import Subtitles
import TestSupport
import Testing

/// SRT (and WebVTT, once registered) with broken bytes, absurd sizes and absurd times.
@Suite struct SubtitleHostileTests {
    /// Formats with a line-based reader; WebVTT joins as soon as `SubtitleFormats` lists it.
    static let lineFormats: [String] = ["srt", "vtt"].filter { SubtitleFormats.codec(named: $0) != nil }

    static func sample(_ format: String, _ cues: [(String, String, String)]) -> String {
        var out = format == "vtt" ? "WEBVTT\n\n" : ""
        for (i, (start, end, text)) in cues.enumerated() {
            out += format == "vtt" ? "\(start) --> \(end)\n\(text)\n\n" : "\(i + 1)\n\(start) --> \(end)\n\(text)\n\n"
        }
        return out
    }

    static func time(_ format: String, _ s: String) -> String { format == "vtt" ? s.replacingOccurrences(of: ",", with: ".") : s }

    /// Damaged UTF-8 (issue 16): read as UTF-8 with the bad byte replaced and a located warning, or refused
    /// with a located encoding error under strict reading; never another encoding, never fewer cues.
    @Test(arguments: lineFormats)
    func invalidUTF8IsReplacedWithALocatedWarningOrRefusedWhenStrict(_ format: String) throws {
        var bytes = [UInt8](Self.sample(format, (0..<30).map { i in
            (Self.time(format, "00:00:0\(i % 10),000"), Self.time(format, "00:00:0\(i % 10),500"), "第\(i)句，中文字幕内容")
        }).utf8)
        // One broken byte in the middle of a line of otherwise valid UTF-8 Chinese (inside a 句).
        let at = bytes.indices.first { $0 >= bytes.count / 2 && Array(bytes[$0...].prefix(3)) == Array("句".utf8) }! + 1
        bytes[at] = 0xFF
        let lenient = try Hostile.decode(Data(bytes), name: "broken.\(format)").get()
        #expect(lenient.encoding == "UTF-8")
        #expect(lenient.track.cues.count == 30)
        #expect(lenient.track.cues.contains { $0.text.plainText.contains("\u{FFFD}") })
        let warning = lenient.diagnostics.first { $0.message.contains("not valid UTF-8") }
        #expect(warning?.location.line != nil && warning?.location.file == "broken.\(format)", "\(lenient.diagnostics)")

        let result = Hostile.decode(Data(bytes), name: "broken.\(format)", strict: true)
        guard case let .failure(error as CodecError) = result else {
            Issue.record("damaged UTF-8 was accepted under strict reading: \(result)"); return
        }
        #expect(error.kind == .encoding)
        #expect(error.location.line != nil, "no line in \(error)")
        #expect("\(error)".contains("broken.\(format)"))
    }

    @Test(arguments: lineFormats)
    func nulBytesDoNotCrashAndDoNotReachTheOutput(_ format: String) throws {
        let text = Self.sample(format, [(Self.time(format, "00:00:01,000"), Self.time(format, "00:00:02,000"), "a\u{0}b"),
                                        (Self.time(format, "00:00:03,000"), Self.time(format, "00:00:04,000"), "\u{0}\u{0}\u{0}")])
        let result = Hostile.decode(Data(text.utf8), name: "nul.\(format)")
        guard case let .success(loaded) = result else { return }   // a located error is fine too
        for target in SubtitleFormats.writable {
            let codec = SubtitleFormats.codec(named: target)!
            let written = try codec.encode(loaded.track, options: EncodeOptions())
            // What locctl writes, it reads back.
            _ = try codec.decode(SourceText(name: "nul-out.\(target)", text: written), options: DecodeOptions())
            if target == "ttml" { #expect(!written.contains("\u{0}"), "NUL written into XML") }
        }
    }

    @Test(.enabled(if: Hostile.heavyEnabled), arguments: lineFormats)
    func fiftyMegabyteLineIsReadInBoundedTime(_ format: String) throws {
        var text = Self.sample(format, [(Self.time(format, "00:00:01,000"), Self.time(format, "00:00:02,000"), "x")])
        text.removeLast(2)
        text += String(repeating: "长", count: 50 << 20 / 3) + "\n\n"
        let data = Data(text.utf8)
        let loaded = try Hostile.within(60, "50 MB line") { try SubtitleFile.decode(data, name: "long.\(format)") }
        #expect(loaded.track.cues.count == 1)
        #expect(loaded.track.cues[0].text.plainText.utf8.count > 50 << 20 - 16)
    }

    @Test(.enabled(if: Hostile.heavyEnabled))
    func aMillionCuesDecodeAndEncodeInBoundedTime() throws {
        let data = Data(Hostile.srt(cues: 1_000_000).utf8)
        let loaded = try Hostile.within(120, "decode 10^6 cues") { try SubtitleFile.decode(data, name: "million.srt") }
        #expect(loaded.track.cues.count == 1_000_000)
        #expect(loaded.diagnostics.isEmpty)
        let out = try Hostile.within(120, "encode 10^6 cues") { try SRTCodec().encode(loaded.track, options: EncodeOptions()) }
        #expect(out.utf8.count >= data.count)   // the writer ends lines with CRLF
    }

    @Test(arguments: lineFormats)
    func impossibleAndNegativeTimestampsAreReportedWithTheirLine(_ format: String) throws {
        let text = Self.sample(format, [
            (Self.time(format, "00:00:01,000"), Self.time(format, "00:00:02,000"), "good"),
            (Self.time(format, "99:99:99,999"), Self.time(format, "99:99:99,999"), "impossible"),
            (Self.time(format, "-00:00:01,000"), Self.time(format, "00:00:02,000"), "negative"),
            (Self.time(format, "999999999999:00:00,000"), Self.time(format, "999999999999:00:01,000"), "far"),
        ])
        let lenient = try SubtitleFile.decode(Data(text.utf8), name: "times.\(format)")
        #expect(lenient.track.cues.first?.text.plainText == "good")
        #expect(!lenient.diagnostics.isEmpty)
        #expect(lenient.diagnostics.allSatisfy { $0.location.line != nil })
        #expect(lenient.track.cues.allSatisfy { $0.timing.start.milliseconds >= 0 && $0.timing.end >= $0.timing.start })
        #expect(!lenient.track.cues.contains { $0.text.plainText == "impossible" || $0.text.plainText == "negative" })
        let strict = Hostile.decode(Data(text.utf8), name: "times.\(format)", strict: true)
        guard case let .failure(error as CodecError) = strict else { Issue.record("strict mode accepted impossible times"); return }
        #expect(error.location.line != nil && error.location.line! > 3, "\(error)")
    }

    @Test func mixedLineEndingsReadEveryCue() throws {
        let text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nCRLF\r\n\r\n2\n00:00:03,000 --> 00:00:04,000\nLF\n\n"
            + "3\r00:00:05,000 --> 00:00:06,000\rCR\r\r4\r\n00:00:07,000 --> 00:00:08,000\nmixed\r\nline\r\r\n"
        let loaded = try SubtitleFile.decode(Data(text.utf8), name: "mixed.srt")
        #expect(loaded.track.cues.map { $0.text.plainText } == ["CRLF", "LF", "CR", "mixed\nline"])
    }

    @Test func emptyAndWhitespaceOnlyFilesAreNotCrashes() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], [0x0A, 0x0D, 0x0A], [0xFF, 0xFE], [0xFE, 0xFF, 0x00], [0, 0, 0, 0]] {
            for name in ["e.srt", "e.ttml", "e.ass", "e.vtt", "e"] {
                _ = Hostile.decode(Data(bytes), name: name)
            }
        }
    }

    @Test func everyCodecSurvivesTruncationOfARealFile() throws {
        // Every prefix length of a real episode (sampled) through every codec: errors are fine, traps are not.
        let episode = try Data(contentsOf: CLIRunner.repoRoot.appendingPathComponent("examples/son-in-law/ep01.zh.srt"))
        let text = String(decoding: episode, as: UTF8.self)
        let step = max(1, text.utf8.count / 300)
        for codec in SubtitleFormats.all {
            var n = 0
            while n < text.utf8.count {
                let prefix = String(decoding: Array(text.utf8.prefix(n)), as: UTF8.self)
                _ = try? codec.decode(SourceText(name: "cut.\(codec.identifier)", text: prefix), options: DecodeOptions())
                n += step
            }
        }
    }
}
