import Audit
import Foundation
import Localize
import Regions
import Subtitles
import Testing

@Suite("Planted problems")
struct PlantedProblemTests {
    @Test("every rule is planted once in the fixture")
    func everyRuleIsPlanted() throws {
        let planted = Set(try AuditFixtures.plantedExpectations().map(\.rule))
        #expect(planted == Set(AuditRules.all.map(\.id)))
    }

    @Test("the audit finds each planted problem at its cue, and nothing else")
    func findsEachPlantedProblem() throws {
        let report = try AuditFixtures.audit("planted")
        let found = report.findings.map { "\($0.location.cueID ?? "?")\t\($0.rule)" }.sorted()
        let expected = try AuditFixtures.plantedExpectations().map { "\($0.cue)\t\($0.rule)" }.sorted()
        #expect(found == expected, "unexpected: \(Set(found).subtracting(expected).sorted()); missing: \(Set(expected).subtracting(found).sorted())")
    }

    @Test("findings carry file, time, line, text, expected term and fix")
    func findingDetails() throws {
        let report = try AuditFixtures.audit("planted")
        let deprecated = try #require(report.findings.first { $0.rule == "glossary.deprecated" })
        #expect(deprecated.location.file == "planted.en.srt")
        #expect(deprecated.location.start == Timestamp(milliseconds: 6000))
        #expect(deprecated.location.line == 9)   // cue 3's number: 4 lines per cue before it
        #expect(deprecated.text == "Mooncake Festival")
        #expect(deprecated.expected == "Mid-Autumn Festival")
        #expect(deprecated.severity == .error)
        #expect(deprecated.fix?.contains("Mid-Autumn Festival") == true)
        #expect(deprecated.symbolID == "mid-autumn-festival")

        let sensitive = try #require(report.findings.first { $0.rule == "sensitivity.term" })
        #expect(sensitive.severity == .error)
        #expect(sensitive.text == "Oriental")
        #expect(sensitive.message.contains("Dated ethnic label"))

        let symbol = try #require(report.findings.first { $0.rule == "sensitivity.symbol" })
        #expect(symbol.severity == .warning)

        let inconsistent = try #require(report.findings.first { $0.rule == "glossary.inconsistent" })
        #expect(inconsistent.expected == "Mid-Autumn Festival")
        #expect(inconsistent.text == "Moon Festival")

        let gap = try #require(report.findings.first { $0.rule == "qc.min-gap" })
        #expect(gap.expected == "≥ 67 ms (2 frames)")
        let chinese = try #require(report.findings.first { $0.rule == "glossary.untranslated-chinese" })
        #expect(chinese.text == "好的")
    }

    @Test("a clean pair yields no findings")
    func cleanPair() throws {
        let report = try AuditFixtures.audit("clean")
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.location.cueID ?? "?") \($0.rule): \($0.message)" })")
        #expect(!report.fails(at: .note))
    }

    @Test("landscape limits differ from vertical ones")
    func landscape() throws {
        let report = try AuditFixtures.audit("planted", options: AuditOptions(orientation: .landscape))
        let rules = report.findings.map(\.rule)
        // 34 characters fit 42; 4 lines still exceed 2.
        #expect(!rules.contains("qc.chars-per-line"))
        #expect(rules.contains("qc.lines-per-cue"))
    }

    @Test("a target without source skips source-aligned rules only")
    func withoutSource() throws {
        var input = try AuditFixtures.episode("planted")
        input.source = nil
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: AuditFixtures.symbols)
        let rules = Set(auditor.audit(input).findings.map(\.rule))
        #expect(!rules.contains("glossary.not-preferred"))
        #expect(!rules.contains("glossary.unexpected-symbol"))
        #expect(!rules.contains("coverage.no-rendering"))   // 侠义 occurs only in the source
        #expect(rules.contains("glossary.deprecated"))
        #expect(rules.contains("qc.overlap"))
    }

    @Test("--fail-on thresholds")
    func failOn() throws {
        let report = try AuditFixtures.audit("planted")
        #expect(report.fails(at: .error))
        #expect(report.fails(at: .note))
        #expect(!report.fails(at: nil))
        #expect(report.highestSeverity == .error)
    }
}
