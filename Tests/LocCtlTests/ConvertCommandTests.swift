import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ConvertCommandTests {
    let episode = CLIRunner.repoRoot.appendingPathComponent("examples/son-in-law/ep01.zh.srt")

    @Test(arguments: ["GB18030", "BIG5"])
    func legacyChineseSRTIsDetectedAndReported(_ encoding: String) throws {
        let dir = try CLIRunner.tempDir()
        // Big5 cannot hold every Simplified character: convert a Traditional text for it.
        var source = episode
        if encoding == "BIG5" {
            let trad = dir.appendingPathComponent("trad.srt")
            try CLIRunner.tool("/usr/bin/opencc", ["-c", "s2t.json", "-i"], input: episode).write(to: trad)
            source = trad
        }
        let legacy = dir.appendingPathComponent("legacy.srt")
        try CLIRunner.tool("/usr/bin/iconv", ["-f", "UTF-8", "-t", encoding], input: source).write(to: legacy)
        let out = dir.appendingPathComponent("out.vtt")
        let r = try CLIRunner.run(["convert", legacy.path, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(encoding == "BIG5" ? "Big5" : "GB18030"), "encoding not reported: \(r.stdout)")
        let written = try String(contentsOf: out, encoding: .utf8)
        let expected = try String(contentsOf: source, encoding: .utf8)
        #expect(written.hasPrefix("WEBVTT"))
        #expect(written.contains(expected.split(separator: "\n")[2]))
    }

    @Test func refusesToOverwriteItsInput() throws {
        let dir = try CLIRunner.tempDir()
        let copy = dir.appendingPathComponent("ep.srt")
        try FileManager.default.copyItem(at: episode, to: copy)
        let before = try Data(contentsOf: copy)
        let r = try CLIRunner.run(["convert", copy.path, "-o", copy.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("overwrite"))
        #expect(try Data(contentsOf: copy) == before)
    }

    @Test func convertsADirectoryIntoAnOutputDirectory() throws {
        let out = try CLIRunner.tempDir()
        let r = try CLIRunner.run(["convert", episode.deletingLastPathComponent().path, "--out-dir", out.path, "--to", "ttml"])
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names.filter { !$0.hasPrefix(".") } == ["ep01.en.ttml", "ep01.zh.ttml"])
        #expect(names.filter { $0.hasPrefix(".") } == [".ep01.en.ttml.locctl-stamp", ".ep01.zh.ttml.locctl-stamp"])   // the up-to-date fingerprints
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }

    @Test func malformedInputFailsWithItsLocationAndWritesNothing() throws {
        let dir = try CLIRunner.tempDir()
        let bad = dir.appendingPathComponent("bad.ttml")
        try Data("<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"1s\" end=\"2s\">x</div></body></tt>".utf8).write(to: bad)
        let out = dir.appendingPathComponent("out.srt")
        let r = try CLIRunner.run(["convert", bad.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.ttml:1"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.ttml"])
    }

    /// A real WebVTT test file whose only cue has invalid timings: an error, not an empty output.
    @Test func inputWhoseCuesAreAllInvalidFails() throws {
        let dir = try CLIRunner.tempDir()
        let input = TestPaths.corpus("wpt-webvtt/inputs-via-ttconv/timings-eof.vtt")
        let out = dir.appendingPathComponent("out.srt")
        let r = try CLIRunner.run(["convert", input.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("timings-eof.vtt:3:1: no cue could be read"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // A header-only WebVTT is a valid empty track.
        let empty = dir.appendingPathComponent("empty.vtt")
        try Data("WEBVTT\n".utf8).write(to: empty)
        let ok = try CLIRunner.run(["convert", empty.path, "-o", dir.appendingPathComponent("empty.srt").path])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    /// `--vtt-compat` leaves out STYLE and REGION blocks (kept by default); the option is part of the up-to-date
    /// fingerprint, so switching it redoes the output.
    @Test func vttCompatLeavesOutStyleAndRegionBlocks() throws {
        let dir = try CLIRunner.tempDir()
        let input = dir.appendingPathComponent("in.vtt")
        try Data("WEBVTT\n\nREGION\nid:r\nwidth:40%\n\nSTYLE\n::cue { color: red }\n\n00:00:01.000 --> 00:00:02.000 region:r\nhi\n".utf8).write(to: input)
        let out = dir.appendingPathComponent("out.vtt")
        let plain = try CLIRunner.run(["convert", input.path, "-o", out.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        var written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.contains("REGION") && written.contains("STYLE"), "\(written)")
        let compat = try CLIRunner.run(["convert", input.path, "-o", out.path, "--vtt-compat"])
        #expect(compat.status == 0 && compat.stdout.contains("1 cues"), "\(compat.stdout) \(compat.stderr)")
        written = try String(contentsOf: out, encoding: .utf8)
        #expect(!written.contains("REGION") && !written.contains("STYLE") && written.contains("size:40%\nhi\n"), "\(written)")
    }

    @Test func usageErrorsExit64() throws {
        let r = try CLIRunner.run(["convert", episode.path, "--to", "docx", "-o", "/tmp/x.docx"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("'docx' is invalid for '--to") && r.stderr.contains("'srt', 'vtt' or 'ttml'"))
    }
}
