import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import Testing

/// Glossary-finding precision and recall against episodes labelled by a reviewer (the real glossary, en-US).
@Suite("Labelled episodes")
struct LabelledEpisodeTests {
    static let directory = AuditFixtures.directory.appendingPathComponent("labelled-episodes")

    /// One real problem a reviewer marked.
    struct Label {
        var episode: String
        var cue: String
        var rules: Set<String>
        /// nil: any symbol.
        var symbol: String?
        var note: String

        func covers(_ f: Finding) -> Bool {
            f.episode == episode && f.location.cueLabel == cue && rules.contains(f.rule)
                && (symbol == nil || f.symbolID == symbol)
        }
    }

    static func labels() throws -> [Label] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected-findings.tsv"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let p = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Label(episode: p[0], cue: p[1], rules: Set(p[2].split(separator: ",").map { "glossary." + $0 }),
                         symbol: p[3] == "*" ? nil : p[3], note: p.count > 4 ? p[4] : "")
        }
    }

    static func load(_ url: URL) throws -> Track {
        try SubtitleFile.decode(try Data(contentsOf: url), name: url.lastPathComponent).track
    }

    /// Glossary findings of each episode (`name.{en,zh}.srt` in its directory), each audited as its own series
    /// for en-US with the real glossary.
    static func glossaryFindings(_ episodes: [(name: String, directory: URL)]) throws -> [Finding] {
        let loaded = try GlossaryLoader().load(directory: AuditFixtures.repository.appendingPathComponent("glossaries"))
        let region = try RegionLoader.loadFile(AuditFixtures.repository.appendingPathComponent("regions/en-US.yaml"))
        let auditor = TrackAuditor(region: region, symbols: loaded.symbols.map(\.symbol))
        var findings: [Finding] = []
        for (name, dir) in episodes {
            let target = try load(dir.appendingPathComponent("\(name).en.srt"))
            let source = try load(dir.appendingPathComponent("\(name).zh.srt"))
            let input = EpisodeInput(episode: name, target: target, targetFile: "\(name).en.srt", source: source, sourceFile: "\(name).zh.srt")
            findings += SeriesAudit.combine([auditor.audit(input)], context: auditor.context).findings
                .filter { $0.rule.hasPrefix("glossary.") }
        }
        return findings
    }

    /// Precision and recall of glossary findings against labels.
    struct Score: CustomStringConvertible {
        var findings: [Finding]
        var labels: [Label]
        init(_ findings: [Finding], _ labels: [Label]) { self.findings = findings; self.labels = labels }
        var correct: [Finding] { findings.filter { f in labels.contains { $0.covers(f) } } }
        var found: [Label] { labels.filter { l in findings.contains { l.covers($0) } } }
        var falseAlarms: [Finding] { findings.filter { f in !labels.contains { $0.covers(f) } } }
        var missed: [Label] { labels.filter { l in !findings.contains { l.covers($0) } } }
        var precision: Double { findings.isEmpty ? 1 : Double(correct.count) / Double(findings.count) }
        var recall: Double { labels.isEmpty ? 1 : Double(found.count) / Double(labels.count) }
        var description: String {
            "precision=\(String(format: "%.3f", precision)) recall=\(String(format: "%.3f", recall)) "
                + "(\(correct.count)/\(findings.count) findings correct, \(found.count)/\(labels.count) labelled problems found)"
        }
        func report(_ title: String, details: Bool) {
            print("[report] \(title) \(self)")
            guard details else { return }
            for f in falseAlarms { print("[report]   false alarm: \(f.episode) #\(f.location.cueLabel ?? "?") \(f.rule) \(f.symbolID ?? "-"): \(f.message)") }
            for l in missed { print("[report]   missed: \(l.episode) #\(l.cue) \(l.symbol ?? "*"): \(l.note)") }
        }
    }

    @Test("glossary findings are precise and complete on labelled episodes")
    func precisionAndRecall() throws {
        let labels = try Self.labels()
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".en.srt") }.map { String($0.dropLast(".en.srt".count)) }.sorted()
        let example = AuditFixtures.repository.appendingPathComponent("examples/son-in-law")
        let findings = try Self.glossaryFindings(names.map { ($0, Self.directory) } + [("ep01", example)])
        let score = Score(findings, labels)
        let precision = score.precision, recall = score.recall
        print("[report] audit glossary \(score)")
        // Episodes written after the audit was tuned on the others.
        let held = Score(findings.filter { Self.heldOut.contains($0.episode) }, labels.filter { Self.heldOut.contains($0.episode) })
        print("[report] audit glossary held-out (\(Self.heldOut.sorted().joined(separator: ", "))): \(held.correct.count)/\(held.findings.count) findings correct, \(held.found.count)/\(held.labels.count) labelled problems found")
        for f in score.falseAlarms { print("[report]   false alarm: \(f.episode) #\(f.location.cueLabel ?? "?") \(f.rule) \(f.symbolID ?? "-"): \(f.message)") }
        for l in score.missed { print("[report]   missed: \(l.episode) #\(l.cue) \(l.symbol ?? "*"): \(l.note)") }
        // Floors at the measured values (see the branch note); raise them when the audit improves.
        #expect(precision >= LabelledEpisodeTests.precisionFloor, "precision \(precision)")
        #expect(recall >= LabelledEpisodeTests.recallFloor, "recall \(recall)")
        // The example episode: its three real problems, and at most three other glossary findings.
        let exampleFindings = findings.filter { $0.episode == "ep01" }
        #expect(labels.filter { $0.episode == "ep01" }.allSatisfy { l in exampleFindings.contains { l.covers($0) } })
        #expect(exampleFindings.filter { f in !labels.contains { $0.covers(f) } }.count <= 3)
    }

    static let precisionFloor = 1.0
    static let recallFloor = 0.947
    /// Written and labelled after the tuning (see the fixture README).
    static let heldOut: Set<String> = ["lab06"]
}
