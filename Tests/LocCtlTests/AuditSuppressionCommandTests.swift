import Foundation
import TestSupport
import Testing

/// `locctl audit` suppressions (`.locctl-audit.yaml`, `--suppressions`) and `--baseline`, end to end.
@Suite struct AuditSuppressionCommandTests {
    let zh = ExampleEpisode.chinese.path, en = ExampleEpisode.english.path
    var pair: [String] { ["audit", en, "--source", zh, "--region", "en-US"] }

    func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func json(_ file: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    @Test func workingDirectoryFileSuppressesByRuleSymbolAndCue() throws {
        let dir = try CLIRunner.tempDir()
        _ = try write("""
        suppressions:
          - rule: glossary.pinyin-leftover
            symbol: xiayi
            reason: The hero's motto stays in pinyin on purpose.
          - rule: glossary.deprecated
            episode: ep01
            cue: "7"
            reason: The calque is the character's joke.
        """, ".locctl-audit.yaml", in: dir)
        let r = try CLIRunner.run(pair, cwd: dir)
        #expect(r.status == 0, "the only error (the calque) is suppressed: \(r.stderr)")
        #expect(!r.stdout.contains("xia yi"))
        #expect(r.stdout.contains("Zhongqiu"), "other pinyin findings stay")
        #expect(r.lines.last == "49 findings (0 errors, 36 warnings, 13 notes) in 1 file for en-US (vertical); 2 suppressed not shown")

        // SARIF keeps suppressed results with a `suppressions` entry and validates against 2.1.0.
        let sarif = dir.appendingPathComponent("a.sarif")
        #expect(try CLIRunner.run(pair + ["--format", "sarif", "-o", sarif.path], cwd: dir).status == 0)
        let schema = CLIRunner.repoRoot.appendingPathComponent("Tests/AuditTests/Fixtures/sarif-schema-2.1.0.json")
        let problems = try JSONSchemaCheck.problems(schema: schema, files: [sarif])
        #expect(problems == nil, "\(problems ?? "")")
        let results = try #require(((try json(sarif))["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.count == 51)
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 2)
        let entry = try #require((suppressed.first?["suppressions"] as? [[String: Any]])?.first)
        #expect(entry["kind"] as? String == "external")
        #expect((entry["justification"] as? String)?.isEmpty == false)
        #expect(results.allSatisfy { (($0["partialFingerprints"] as? [String: String])?["locctlFinding/v1"]?.count ?? 0) == 16 })
    }

    @Test func suppressionByFingerprintFromAnEarlierReport() throws {
        let dir = try CLIRunner.tempDir()
        let report = dir.appendingPathComponent("a.json")
        _ = try CLIRunner.run(pair + ["--format", "json", "-o", report.path], cwd: dir)
        let findings = try #require((try json(report))["findings"] as? [[String: Any]])
        let calque = try #require(findings.first { $0["rule"] as? String == "glossary.deprecated" })
        let print = try #require(calque["fingerprint"] as? String)
        let file = try write("suppressions:\n  - fingerprint: \(print)\n    reason: Accepted by the lead.\n", "accepted.yaml", in: dir)
        let r = try CLIRunner.run(pair + ["--suppressions", file.path, "--format", "json", "-o", report.path], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try json(report)
        #expect((doc["findings"] as? [Any])?.count == 50)
        let suppressed = try #require(doc["suppressed"] as? [[String: Any]])
        #expect(suppressed.map { $0["fingerprint"] as? String } == [print])
        #expect(suppressed.first?["suppression"] as? String == "Accepted by the lead.")
        let problems = try JSONSchemaCheck.problems(schema: ExampleEpisode.schemas.appendingPathComponent("audit.schema.json"), files: [report])
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test(arguments: ["json", "sarif"])
    func baselineReportsOnlyNewFindings(_ format: String) throws {
        let dir = try CLIRunner.tempDir()
        let baseline = dir.appendingPathComponent("baseline.\(format)")
        _ = try CLIRunner.run(pair + ["--format", format, "-o", baseline.path], cwd: dir)
        let same = try CLIRunner.run(pair + ["--baseline", baseline.path], cwd: dir)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.lines.last == "✓ no findings in 1 file for en-US (vertical); 51 in the baseline not shown")

        // A new problem in a retimed copy: old findings keep their fingerprints, only the new one is reported.
        var text = try String(contentsOf: ExampleEpisode.english, encoding: .utf8)
        text = text.replacingOccurrences(of: "00:00:01,000 --> 00:00:03,200", with: "00:00:01,100 --> 00:00:03,300")
        text = text.replacingOccurrences(of: "I'll keep the mooncakes.", with: "I'll keep the yuebing.")
        let edited = try write(text, "ep01.en.srt", in: dir)
        let r = try CLIRunner.run(["audit", edited.path, "--source", zh, "--region", "en-US", "--baseline", baseline.path], cwd: dir)
        let glossary = r.lines.filter { $0.hasPrefix("  00:") && $0.contains(" glossary.") }
        #expect(!glossary.isEmpty && glossary.allSatisfy { $0.contains("yuebing") }, "\(r.stdout)")
    }

    @Test func badSuppressionOrBaselineFilesAreTypedErrors() throws {
        let dir = try CLIRunner.tempDir()
        let bad = try write("suppressions:\n  - symbol: xiayi\n    reason: no rule\n", "bad.yaml", in: dir)
        let r = try CLIRunner.run(pair + ["--suppressions", bad.path], cwd: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:2: a suppression needs a 'rule' or a 'fingerprint'"), "\(r.stderr)")
        let unknown = try write("suppressions:\n  - rule: glossary.nope\n    reason: x\n", "unknown.yaml", in: dir)
        #expect(try CLIRunner.run(pair + ["--suppressions", unknown.path], cwd: dir).stderr.contains("unknown rule 'glossary.nope'"))
        let missing = try CLIRunner.run(pair + ["--suppressions", dir.appendingPathComponent("none.yaml").path], cwd: dir)
        #expect(missing.status == 64)
        let notReport = try write("{\"hello\": 1}", "x.json", in: dir)
        let b = try CLIRunner.run(pair + ["--baseline", notReport.path], cwd: dir)
        #expect(b.status == 2)
        #expect(b.stderr.contains("neither a locctl JSON report"))
    }
}
