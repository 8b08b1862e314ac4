import Foundation
import TestSupport
import Testing

/// `locctl annotate` on the example episode for every shipped region. Exit codes: 0 success, 1 an input failed, 64 usage.
@Suite struct AnnotateCommandTests {
    static let regions = ["ar-SA", "de-DE", "en-GB", "en-US", "es-419", "fr-FR", "id-ID", "ja-JP", "ko-KR", "pt-BR",
                          "th-TH", "vi-VN", "zh-Hans-CN", "zh-Hant-TW"]
    static let extensions = ["json", "srt", "ttml", "visible.vtt", "vtt"]

    @Test func allRegionsAllFormatsWriteTheExpectedValidSidecars() throws {
        let out = try CLIRunner.tempDir()
        let r = try ExampleEpisode.leavesInputsUnchanged {
            try CLIRunner.run(["annotate", ExampleEpisode.english.path, "--source", ExampleEpisode.chinese.path, "--regions", "all",
                               "--format", "vtt,vtt-visible,ttml,srt,json", "--out-dir", out.path])
        }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 14)
        #expect(r.lines.contains("ep01 en-US: 3 notes"))
        // Mainland viewers share these symbols, and glossaries have no zh-Hans gloss to fall back on: no note
        // rather than the English one they used to get.
        #expect(r.lines.contains("ep01 zh-Hans-CN: 0 notes"))
        #expect(r.lines.allSatisfy { $0.range(of: #"^ep01 [A-Za-z0-9-]+: \d+ notes?$"#, options: .regularExpression) != nil })

        let expected = Self.regions.flatMap { region in Self.extensions.map { "ep01.\(region).notes.\($0)" } }.sorted()
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == expected)

        // Every WebVTT sidecar is read back by locctl's own WebVTT reader.
        let converted = try CLIRunner.tempDir()
        for name in names where name.hasSuffix(".vtt") {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(text.hasPrefix("WEBVTT\n"), "\(name)")
            let c = try CLIRunner.run(["convert", out.appendingPathComponent(name).path, "-o", converted.appendingPathComponent(name + ".srt").path])
            #expect(c.status == 0, "\(name): \(c.stderr)")
            #expect(c.stderr.isEmpty, "\(name): \(c.stderr)")
        }
        // Every metadata cue payload is one line of JSON.
        let metadata = try String(contentsOf: out.appendingPathComponent("ep01.en-US.notes.vtt"), encoding: .utf8)
        let payloads = metadata.components(separatedBy: "\n").filter { $0.hasPrefix("{") }
        #expect(payloads.count == 3)
        for payload in payloads { #expect(try JSONSerialization.jsonObject(with: Data(payload.utf8)) is [String: Any]) }
        // Planned by need: the premise (赘婿, rendered as an ordinary word) comes first, not the self-explanatory festival.
        #expect(payloads.first?.contains(#""symbol":"zhuixu""#) == true)
        #expect(payloads.contains { $0.contains(#""symbol":"wo-xin-chang-dan""#) })
        #expect(!payloads.contains { $0.contains(#""symbol":"men-dang-hu-dui""#) })

        // Every JSON document validates against the published schema.
        let json = names.filter { $0.hasSuffix(".json") }.map { out.appendingPathComponent($0) }
        #expect(json.count == 14)
        let problems = try JSONSchemaCheck.problems(schema: ExampleEpisode.schemas.appendingPathComponent("annotations.schema.json"), files: json)
        #expect(problems == nil, "\(problems ?? "")")

        // Visible SRT notes sit at the top.
        let srt = try String(contentsOf: out.appendingPathComponent("ep01.en-US.notes.srt"), encoding: .utf8)
        #expect(srt.contains(#"{\an8}"#))
    }

    @Test func explainSaysWhatHappenedToEveryOccurrence() throws {
        let out = try CLIRunner.tempDir()
        let r = try CLIRunner.run(["annotate", ExampleEpisode.chinese.path, "--region", "en-US", "--format", "json", "--out-dir", out.path, "--explain"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("mid-autumn-festival"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["ep01.en-US.notes.json"])
    }

    @Test(arguments: [
        (["--out-dir", "/tmp/locctl-annotate-usage"], "Name regions with --region R or --regions all"),
        (["--region", "en-US", "--regions", "all", "--out-dir", "/tmp/x"], "Name regions with --region R or --regions all"),
        (["--regions", "some", "--out-dir", "/tmp/x"], "--regions takes 'all'"),
        (["--region", "en-US", "--format", "vtt,docx", "--out-dir", "/tmp/x"], "Unknown format 'docx'"),
        (["--region", "xx-XX", "--out-dir", "/tmp/x"], "unknown region 'xx-XX'"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) throws {
        let r = try CLIRunner.run(["annotate", ExampleEpisode.english.path] + arguments)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test func unreadableTrackExits1WithItsName() throws {
        let dir = try CLIRunner.tempDir()
        let bad = dir.appendingPathComponent("ep02.en.ttml")
        try Data("<tt><body><p begin=\"1s\">x</div></tt>".utf8).write(to: bad)
        let r = try CLIRunner.run(["annotate", bad.path, "--region", "en-US", "--out-dir", dir.appendingPathComponent("out").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains(bad.path), "\(r.stderr)")
    }
}
