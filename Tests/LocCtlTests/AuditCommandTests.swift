import Foundation
import TestSupport
import Testing

/// `locctl audit` on the example episode. Exit codes (docs/audit.md): 0 nothing at or above --fail-on,
/// 1 findings at or above --fail-on, 2 usage or input errors; 64 only for what the argument parser rejects.
@Suite struct AuditCommandTests {
    let zh = ExampleEpisode.chinese.path, en = ExampleEpisode.english.path
    var pair: [String] { [en, "--source", zh, "--region", "en-US"] }

    @Test func textReportFindsTheKnownProblems() throws {
        let r = try ExampleEpisode.leavesInputsUnchanged { try CLIRunner.run(["audit"] + pair) }
        // The 卧薪尝胆 calque is a deprecated rendering, an error: the default --fail-on error fails.
        #expect(r.status == 1, "the calque is an error-severity finding: \(r.stderr)")
        // Tolerant rendering judgment (issue 13): the glossary findings are the three real problems only.
        #expect(r.lines.first == "ep01  \(en)  (22 cues, 1 error, 37 warnings, 13 notes)")
        #expect(r.lines.last == "51 findings (1 error, 37 warnings, 13 notes) in 1 file for en-US (vertical)")
        let glossary = r.lines.filter { $0.hasPrefix("  00:") && $0.contains(" glossary.") }
        #expect(glossary.count == 3, "\(glossary.joined(separator: "\n"))")
        #expect(r.stdout.contains("  00:00:05.800  #3   warning  glossary.pinyin-leftover  mid-autumn-festival is left in pinyin ('Zhongqiu'); the glossary renders it 'Mid-Autumn Festival'"))
        #expect(r.stdout.contains("fix: Replace 'Zhongqiu' with 'Mid-Autumn Festival'."))
        #expect(r.stdout.contains("xiayi is left in pinyin ('xia yi')"))
        #expect(r.stdout.contains("#7   error    glossary.deprecated       'tasted gall' is a deprecated rendering of wo-xin-chang-dan; use 'bide one's time for revenge'"))
        #expect(!r.stdout.contains("\u{1B}["), "no colour when piped")
    }

    @Test(arguments: [("error", Int32(1)), ("warning", 1), ("note", 1), ("never", 0)])
    func failOnSetsTheExitCode(_ threshold: String, _ status: Int32) throws {
        let r = try CLIRunner.run(["audit"] + pair + ["--fail-on", threshold])
        #expect(r.status == status, "\(threshold): \(r.stderr)")
    }

    @Test func cleanPairPassesUnlessNotesFail() throws {
        let fixtures = CLIRunner.repoRoot.appendingPathComponent("Tests/AuditTests/Fixtures")
        let args = ["audit", fixtures.appendingPathComponent("clean.en.srt").path, "--source", fixtures.appendingPathComponent("clean.zh.srt").path, "--region", "en-US"]
        #expect(try CLIRunner.run(args + ["--fail-on", "warning"]).status == 0)
        let notes = try CLIRunner.run(args + ["--fail-on", "note"])
        #expect(notes.status == 1)
        #expect(notes.lines.last == "1 finding (0 errors, 0 warnings, 1 note) in 1 file for en-US (vertical)")
    }

    @Test func jsonValidatesAgainstItsSchema() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("audit.json")
        let r = try CLIRunner.run(["audit"] + pair + ["--format", "json", "-o", file.path])
        #expect(r.status == 1 && r.stdout.isEmpty, "\(r.stderr)")
        let problems = try JSONSchemaCheck.problems(schema: ExampleEpisode.schemas.appendingPathComponent("audit.schema.json"), files: [file])
        #expect(problems == nil, "\(problems ?? "")")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect((doc["findings"] as? [Any])?.count == 51)
    }

    @Test func sarifValidatesAgainstSARIF210() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("audit.sarif")
        let r = try CLIRunner.run(["audit"] + pair + ["--format", "sarif", "-o", file.path])
        #expect(r.status == 1, "\(r.stderr)")
        let schema = CLIRunner.repoRoot.appendingPathComponent("Tests/AuditTests/Fixtures/sarif-schema-2.1.0.json")
        let problems = try JSONSchemaCheck.problems(schema: schema, files: [file])
        #expect(problems == nil, "\(problems ?? "")")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(doc["version"] as? String == "2.1.0")
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == 51)
    }

    @Test func markdownAndHTMLReports() throws {
        let md = try CLIRunner.run(["audit"] + pair + ["--format", "markdown"])
        #expect(md.status == 1)
        #expect(md.lines.first == "# Audit for en-US (vertical)")
        #expect(md.stdout.contains("51 findings in 1 file: 1 error, 37 warnings, 13 notes."))
        #expect(md.stdout.contains("| `glossary.pinyin-leftover` | 2 |"))
        #expect(md.stdout.contains("## ep01"))

        let html = try CLIRunner.run(["audit"] + pair + ["--format", "html"])
        #expect(html.status == 1)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") || html.stdout.hasPrefix("<!doctype html>"))
        #expect(html.stdout.contains("<svg"))
        #expect(!html.stdout.contains("<script"))
        #expect(html.stdout.range(of: #"(src|href)\s*=\s*["']?https?:"#, options: .regularExpression) == nil, "self-contained")
    }

    @Test func usageErrorsExit64LikeEveryCommand() throws {
        let unknown = try CLIRunner.run(["audit", en, "--region", "xx-YY"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("error: unknown region 'xx-YY'"))
        let noTrack = try CLIRunner.run(["audit"])
        #expect(noTrack.status == 64)
        #expect(noTrack.stderr.contains("give at least one TRACK"))
        let noRegion = try CLIRunner.run(["audit", en])
        #expect(noRegion.status == 64)
        #expect(noRegion.stderr.contains("give --region TAG"))
        let missing = try CLIRunner.run(["audit", "/nonexistent/ep07.en.srt", "--region", "en-US"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("/nonexistent/ep07.en.srt"))
    }

    @Test func malformedCommandLinesExit64() throws {
        let r = try CLIRunner.run(["audit", en, "--region", "en-US", "--fail-on", "sometimes"])
        #expect(r.status == 64)
    }

    @Test func glossaryAuditSummarisesEveryRegion() throws {
        let r = try CLIRunner.run(["audit", "glossary", "--regions", "all"])
        #expect(r.status == 0, "\(r.stderr)")
        let header = try #require(r.lines.lastIndex { $0.hasPrefix("region ") })
        #expect(r.lines[header].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                == "region symbols no gloss no analogy no rendering draft sensitive")
        let rows = r.lines[(header + 1)...].map { String($0.split(separator: " ")[0]) }
        #expect(rows == AnnotateCommandTests.regions)
        let enUS = try #require(r.lines[(header + 1)...].first { $0.hasPrefix("en-US ") })
        #expect(enUS.contains("0 (0%)"), "English has glosses and renderings for every symbol: \(enUS)")

        #expect(try CLIRunner.run(["audit", "glossary", "--region", "th-TH", "--fail-on", "warning"]).status == 1)
        let usage = try CLIRunner.run(["audit", "glossary", "--regions", "some"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--regions takes 'all'"))
    }

    @Test func rulesListsEveryRuleOnce() throws {
        let r = try CLIRunner.run(["audit", "rules"])
        #expect(r.status == 0)
        #expect(r.lines.count == 22)
        #expect(r.lines.first?.hasPrefix("glossary.not-preferred") == true)
        let json = try CLIRunner.run(["audit", "rules", "--json"])
        #expect((try json.json() as? [[String: Any]])?.count == 22)
    }
}
