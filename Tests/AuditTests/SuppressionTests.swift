@testable import Audit
import Foundation
import Subtitles
import Testing

@Suite("Suppressions and fingerprints")
struct SuppressionTests {
    @Test("entries narrow by rule, symbol, episode and cue; a fingerprint matches one finding")
    func matching() throws {
        let report = try AuditFixtures.audit("planted")
        let deprecated = try #require(report.findings.first { $0.rule == "glossary.deprecated" })
        let entries = try SuppressionFile.parse("""
        suppressions:
          - rule: glossary.deprecated
            symbol: mid-autumn-festival
            episode: planted
            cue: 3
            reason: Accepted.
          - fingerprint: \(report.findings.first { $0.rule == "qc.overlap" }!.fingerprint)
            reason: Known overlap.
          - rule: qc.empty
            episode: another
            reason: Not this episode.
        """, file: "s.yaml")
        #expect(entries.count == 3)
        #expect(entries[0].origin == "s.yaml:2")
        let applied = report.applying(entries)
        #expect(Set(applied.suppressed.map(\.rule)) == ["glossary.deprecated", "qc.overlap"])
        #expect(applied.findings.count == report.findings.count - 2)
        #expect(applied.suppressed.first { $0.rule == "glossary.deprecated" }?.suppression?.reason == "Accepted.")
        #expect(!applied.findings.contains(deprecated))
        #expect(applied.findings.contains { $0.rule == "qc.empty" })
    }

    @Test("bad files are typed errors with the line")
    func errors() {
        func error(_ text: String) -> String? {
            do { _ = try SuppressionFile.parse(text, file: "s.yaml"); return nil } catch { return error.description }
        }
        #expect(error("suppressions:\n  - rule: qc.empty\n") == "s.yaml:2: a suppression needs a 'reason'")
        #expect(error("suppressions:\n  - rule: qc.empty\n    reason: x\n    colour: red\n") == "s.yaml:4: unknown key 'colour' in a suppression (allowed: cue, episode, fingerprint, reason, rule, symbol)")
        #expect(error("ignore: []\n") == "s.yaml:1: unknown key 'ignore' (expected 'suppressions')")
        #expect(error("suppressions: [\n") != nil)
        #expect(error("suppressions:\n") == nil, "an empty list is allowed")
    }

    @Test("fingerprints ignore times and lines, and tell identical findings apart by ordinal")
    func fingerprints() throws {
        let report = try AuditFixtures.audit("planted")
        #expect(Set(report.findings.map(\.fingerprint)).count == report.findings.count)
        #expect(report.findings.allSatisfy { $0.fingerprint.count == 16 })
        var moved = report.findings
        for i in moved.indices {
            moved[i].location.start = moved[i].location.start.map { Timestamp(milliseconds: $0.milliseconds + 5000) }
            moved[i].location.line = (moved[i].location.line ?? 0) + 10
        }
        let again = AuditReport(region: report.region, orientation: report.orientation, files: report.files, findings: moved)
        #expect(Set(again.findings.map(\.fingerprint)) == Set(report.findings.map(\.fingerprint)))
        let baseline = Baseline(fingerprints: Set(report.findings.map(\.fingerprint)))
        #expect(again.applying([], baseline: baseline).findings.isEmpty)
        #expect(again.applying([], baseline: baseline).baselineCount == report.findings.count)
    }
}
