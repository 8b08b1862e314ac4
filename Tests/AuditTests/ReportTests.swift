import Audit
import Foundation
import Localize
import Regions
import Subtitles
import TestSupport
import Testing

@Suite("Reports")
struct ReportTests {
    static let sarifSchema = AuditFixtures.directory.appendingPathComponent("sarif-schema-2.1.0.json")
    static let auditSchema = AuditFixtures.repository.appendingPathComponent("schemas/audit.schema.json")

    @Test("SARIF output validates against the SARIF 2.1.0 JSON schema")
    func sarifValidates() throws {
        for name in ["planted", "clean"] {
            let sarif = ReportFormat.sarif.render(try AuditFixtures.audit(name))
            let problems = try JSONSchemaValidator.errors(in: sarif, schema: Self.sarifSchema)
            #expect(problems == nil, "\(name): \(problems ?? "")")
        }
    }

    @Test("JSON output validates against schemas/audit.schema.json")
    func jsonValidates() throws {
        for name in ["planted", "clean"] {
            let json = ReportFormat.json.render(try AuditFixtures.audit(name))
            let problems = try JSONSchemaValidator.errors(in: json, schema: Self.auditSchema)
            #expect(problems == nil, "\(name): \(problems ?? "")")
        }
    }

    @Test("SARIF results carry rule, level, location line and cue properties")
    func sarifContent() throws {
        let sarif = ReportFormat.sarif.render(try AuditFixtures.audit("planted"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [[String: Any]])?.count == AuditRules.all.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 22)
        let deprecated = try #require(results.first { $0["ruleId"] as? String == "glossary.deprecated" })
        #expect(deprecated["level"] as? String == "error")
        let location = try #require((deprecated["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "planted.en.srt")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 9)
        let properties = try #require(deprecated["properties"] as? [String: Any])
        #expect(properties["cueId"] as? String == "3")
        #expect(properties["start"] as? String == "00:00:06.000")
    }

    @Test("text report: plain without colour, ANSI with it, grouped by episode")
    func textReport() throws {
        let report = try AuditFixtures.audit("planted")
        let plain = ReportFormat.text.render(report, color: false)
        #expect(!plain.contains("\u{1B}["))
        #expect(plain.hasPrefix("planted  planted.en.srt  (24 cues"))
        #expect(plain.contains("22 findings"))
        #expect(ReportFormat.text.render(report, color: true).contains("\u{1B}[1;31m"))
        #expect(ReportFormat.text.render(try AuditFixtures.audit("clean")).contains("no findings"))
    }

    @Test("HTML report is self-contained, escaped, with a summary and an SVG chart")
    func htmlReport() throws {
        var report = try AuditFixtures.audit("planted")
        report.findings[0].message = "<script>alert('x')</script> & \"quotes\""
        let html = ReportFormat.html.render(report)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<h2>Episodes</h2>"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2)   // only the SVG namespace
        #expect(!html.contains("https://"))
    }

    @Test("HTML report filters by severity, rule and episode without scripts, errors first")
    func htmlFilters() throws {
        let report = try AuditFixtures.audit("planted")
        let html = ReportFormat.html.render(report)
        #expect(!html.contains("<script"))
        // A radio button per severity, rule and episode present, before the labels and the findings (siblings).
        for id in ["severity-all", "f-sev-error", "f-sev-warning", "f-sev-note", "rule-all", "f-rule-qc-overlap", "episode-all", "f-ep-planted"] {
            #expect(html.contains("id=\"\(id)\""), "\(id)")
        }
        let inputs = try #require(html.range(of: "id=\"f-sev-error\""))
        let labels = try #require(html.range(of: "<div class=\"filters\">"))
        let findings = try #require(html.range(of: "<div class=\"findings\">"))
        #expect(inputs.lowerBound < labels.lowerBound && labels.lowerBound < findings.lowerBound)
        // The CSS hides rows without the checked value's class.
        #expect(html.contains("#f-sev-error:checked~.findings tr.f:not(.sev-error){display:none}"))
        #expect(html.contains("#f-rule-qc-overlap:checked~.findings tr.f:not(.rule-qc-overlap){display:none}"))
        #expect(html.contains("#f-ep-planted:checked~.findings section.episode:not(.ep-planted){display:none}"))
        // Every row carries its severity, rule and episode classes; errors come first.
        let rows = html.components(separatedBy: "<tr class=\"f ").dropFirst().map { String($0.prefix(while: { $0 != "\"" })) }
        #expect(rows.count == report.findings.count)
        #expect(rows.allSatisfy { $0.hasPrefix("sev-") && $0.contains(" rule-") && $0.hasSuffix(" ep-planted") })
        let severities = rows.map { $0.split(separator: " ")[0] }
        let firstNonError = severities.firstIndex { $0 != "sev-error" } ?? severities.count
        #expect(!severities[firstNonError...].contains("sev-error"), "\(severities)")
        // Each cue finding shows its target cue with the offending text marked, over the aligned source cue.
        #expect(html.contains("<div class=\"tgt\">Happy <mark>Mooncake Festival</mark>"), "\(html)")
        #expect(html.contains("<div class=\"src\" lang=\"zh\">"))
    }

    @Test("Markdown report escapes table cells")
    func markdownReport() throws {
        var report = try AuditFixtures.audit("planted")
        report.findings[0].message = "a | b\nc"
        let markdown = ReportFormat.markdown.render(report)
        #expect(markdown.contains("a \\| b<br>c"))
        #expect(markdown.contains("| `qc.overlap` | 1 |"))
    }
}

@Suite("Glossary audit")
struct GlossaryAuditTests {
    @Test("per-region gaps consider only the region's own language and frames")
    func gaps() {
        let report = GlossaryAudit.run(symbols: AuditFixtures.symbols, regions: [AuditFixtures.region, AuditFixtures.thai])
        let en = report.regions[0], th = report.regions[1]
        #expect(en.symbolCount == 8)
        #expect(en.entries.filter { $0.gap == .noGloss }.map(\.symbolID) == ["jianghu"])
        #expect(en.entries.filter { $0.gap == .noAnalogy }.map(\.symbolID) == ["face"])
        #expect(en.entries.filter { $0.gap == .noRendering }.map(\.symbolID) == ["xiayi"])
        #expect(en.entries.filter { $0.gap == .draft }.map(\.symbolID) == ["dragon-king"])
        #expect(en.entries.filter { $0.gap == .sensitive }.map(\.symbolID) == ["kowtow"])
        // Thai: no symbol has a Thai gloss, analogy or rendering (English does not count).
        #expect(th.count(.noGloss) == 8)
        #expect(th.count(.noAnalogy) == 8)
        #expect(th.count(.noRendering) == 8)
        #expect(th.count(.sensitive) == 0)
        #expect(th.percent(.draft) == 12.5)
        #expect(report.highestSeverity == .warning)
    }

    @Test("summary table lists counts and percentages")
    func summaryTable() {
        let report = GlossaryAudit.run(symbols: AuditFixtures.symbols, regions: [AuditFixtures.region, AuditFixtures.thai])
        let text = GlossaryAuditFormat.text.render(report)
        #expect(text.contains("region"))
        #expect(text.contains("8 (100%)"))
        #expect(text.contains("1 (13%)"))
        let markdown = GlossaryAuditFormat.markdown.render(report)
        #expect(markdown.contains("| th-TH | 8 | 8 (100%) |"))
        let json = GlossaryAuditFormat.json.render(report)
        #expect(json.contains("\"no-gloss\" : 8"))
    }

    @Test("the repository's region profiles load and audit")
    func realRegions() throws {
        let regions = try RegionLoader.loadDirectory(AuditFixtures.repository.appendingPathComponent("regions"))
        #expect(regions.count >= 12)
        let report = GlossaryAudit.run(symbols: AuditFixtures.symbols, regions: regions)
        #expect(report.regions.count == regions.count)
    }
}

@Suite("Rules registry")
struct RuleRegistryTests {
    @Test("ids are unique, stable-looking and described")
    func registry() {
        let ids = AuditRules.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in AuditRules.all {
            #expect(rule.id.hasPrefix(rule.family.rawValue + "."))
            #expect(!rule.summary.isEmpty && !rule.help.isEmpty)
            #expect(AuditRules.rule(id: rule.id) == rule)
        }
    }

    @Test("HTML report links each timed finding to its cue in the episode's video (media fragment)")
    func playThisCue() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-media-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["planted.mkv", "planted.mp4", "other.mp4", "planted.txt"] {
            try Data().write(to: directory.appendingPathComponent(name))
        }
        let links = MediaLinks.links(for: ["planted", "missing"], in: directory.path)
        #expect(links.keys.sorted() == ["planted"])
        #expect(links["planted"]?.hasSuffix("/planted.mp4") == true, "mp4 is preferred over mkv: \(links)")
        #expect(links["planted"]?.hasPrefix("file://") == true)
        #expect(MediaLinks.links(for: ["ep 1"], in: "https://cdn.example/s1")["ep 1"] == "https://cdn.example/s1/ep%201.mp4")
        #expect(MediaLinks.fragment("v.mp4", startMs: 6000, endMs: 8500) == "v.mp4#t=6.000,8.500")

        let report = try AuditFixtures.audit("planted")
        let html = ReportFormat.html.render(report, media: links)
        let video = try #require(links["planted"])
        let timed = report.findings.filter { $0.location.start != nil }
        #expect(!timed.isEmpty)
        let deprecated = try #require(timed.first { $0.rule == "glossary.deprecated" })
        let href = MediaLinks.fragment(video, startMs: deprecated.location.start!.milliseconds, endMs: deprecated.location.end?.milliseconds)
        #expect(html.contains("<a class=\"play\" href=\"\(HTMLReport.escape(href))\""), "the deprecated finding's cue is playable")
        #expect(html.components(separatedBy: "class=\"play\"").count - 1 == timed.count)
        #expect(!ReportFormat.html.render(report).contains("class=\"play\""), "no video, no links")
    }

    @Test("JSON findings carry their cue in context: the target cue and the aligned source cues")
    func jsonContext() throws {
        let json = ReportFormat.json.render(try AuditFixtures.audit("planted"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(root["findings"] as? [[String: Any]])
        let deprecated = try #require(findings.first { $0["rule"] as? String == "glossary.deprecated" })
        let context = try #require(deprecated["context"] as? [String: Any])
        let target = try #require(context["target"] as? String)
        #expect(target.contains(try #require(deprecated["text"] as? String)))
        let source = try #require(context["source"] as? [String])
        #expect(!source.isEmpty && source.allSatisfy { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
    }
}

