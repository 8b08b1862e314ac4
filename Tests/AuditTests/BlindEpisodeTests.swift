import Audit
import Foundation
import Regions
import SymbolDB
import Testing

/// Glossary-finding precision and recall on episodes written and labelled by a blind writer (who never saw the
/// code or the glossary), split once by episode into a dev half (tuned on) and a test half (never tuned on).
@Suite("Blind labelled episodes")
struct BlindEpisodeTests {
    static let directory = AuditFixtures.directory.appendingPathComponent("blind-episodes")
    /// The split, fixed before the audit was run on the set (see the fixture README).
    static let dev: Set<String> = ["ep-b01", "ep-b02", "ep-b03", "ep-b04", "ep-b05"]
    static let test: Set<String> = ["ep-b06", "ep-b07", "ep-b08", "ep-b09", "ep-b10"]

    /// The writer's kinds mapped mechanically to the rules that report them (symbol: any).
    static let rulesByKind: [String: [String]] = [
        "pinyin": ["pinyin-leftover", "not-preferred"],
        "calque": ["deprecated", "not-preferred"],
        "chinese": ["untranslated-chinese", "not-preferred"],
        "inconsistent": ["inconsistent", "not-preferred", "pinyin-leftover"],
        "wrong": ["not-preferred", "deprecated"],
    ]

    /// `labels.tsv` as the writer delivered it: episode, cue, kind, source term, what is wrong.
    static func labels(in directory: URL = directory) throws -> [LabelledEpisodeTests.Label] {
        let text = try String(contentsOf: directory.appendingPathComponent("labels.tsv"), encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().filter { !$0.isEmpty }.map { line in
            let p = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let rules = try #require(rulesByKind[p[2]], "unknown kind '\(p[2])' in labels.tsv")
            return LabelledEpisodeTests.Label(episode: p[0], cue: p[1], rules: Set(rules.map { "glossary." + $0 }), symbol: nil,
                                              note: "\(p[2]) \(p[3]): \(p.count > 4 ? p[4] : "")")
        }
    }

    /// Audits every episode of a blind set and scores its dev and test halves; only the dev half's errors are printed.
    static func scores(_ directory: URL, dev: Set<String>, test: Set<String>, devName: String, testName: String) throws
        -> (dev: LabelledEpisodeTests.Score, test: LabelledEpisodeTests.Score) {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".en.srt") }.map { String($0.dropLast(".en.srt".count)) }.sorted()
        #expect(Set(names) == dev.union(test))
        let findings = try LabelledEpisodeTests.glossaryFindings(names.map { ($0, directory) })
        let labels = try Self.labels(in: directory)
        let devScore = LabelledEpisodeTests.Score(findings.filter { dev.contains($0.episode) },
                                                  labels.filter { dev.contains($0.episode) })
        let testScore = LabelledEpisodeTests.Score(findings.filter { test.contains($0.episode) },
                                                   labels.filter { test.contains($0.episode) })
        devScore.report(devName, details: true)
        // The test half's individual errors are not printed: nobody tunes on them.
        testScore.report(testName, details: false)
        return (devScore, testScore)
    }

    @Test("glossary findings on the blind episodes: dev and test halves reported separately")
    func blindPrecisionAndRecall() throws {
        let (devScore, testScore) = try Self.scores(Self.directory, dev: Self.dev, test: Self.test,
                                                    devName: "audit glossary blind dev (ep-b01–b05)",
                                                    testName: "audit glossary blind test (ep-b06–b10)")
        #expect(devScore.precision >= Self.devFloor.precision && devScore.recall >= Self.devFloor.recall, "\(devScore)")
        #expect(testScore.precision >= Self.testFloor.precision && testScore.recall >= Self.testFloor.recall, "\(testScore)")
    }

    /// The second blind set (ep-b11–b20, another blind writer's ten episodes, 42 labels), split by episode
    /// before the audit first ran on it: dev = ep-b11–b15, test = ep-b16–b20.
    static let secondDirectory = AuditFixtures.directory.appendingPathComponent("blind-episodes-2")
    static let secondDev: Set<String> = ["ep-b11", "ep-b12", "ep-b13", "ep-b14", "ep-b15"]
    static let secondTest: Set<String> = ["ep-b16", "ep-b17", "ep-b18", "ep-b19", "ep-b20"]

    @Test("glossary findings on the second blind set: dev and test halves reported separately")
    func secondBlindSetPrecisionAndRecall() throws {
        let (devScore, testScore) = try Self.scores(Self.secondDirectory, dev: Self.secondDev, test: Self.secondTest,
                                                    devName: "audit glossary blind-2 dev (ep-b11–b15)",
                                                    testName: "audit glossary blind-2 test (ep-b16–b20)")
        #expect(devScore.precision >= Self.secondDevFloor.precision && devScore.recall >= Self.secondDevFloor.recall, "\(devScore)")
        #expect(testScore.precision >= Self.secondTestFloor.precision && testScore.recall >= Self.secondTestFloor.recall, "\(testScore)")
    }

    /// Floors at the measured values, rounded down. First sight (main at e0cc7e2, before anyone read the set's
    /// results): dev 15/24 findings correct and 11/21 problems found, test 8/12 and 6/21. After the rendering
    /// rules tuned on the first set's dev half (auditjudge): dev 14/23 and 10/21, test 9/13 and 7/21; the same
    /// 23/36 and 17/42 over the whole set, so those rules neither helped nor hurt on unseen episodes. Most misses
    /// are calques and wrong renderings of terms the glossary does not hold or holds without a literal reading.
    static let secondDevFloor = (precision: 0.60, recall: 0.47)
    static let secondTestFloor = (precision: 0.69, recall: 0.33)

    /// Floors at the measured values, rounded down: dev 17/18 and 15/16, test 10/19 and 8/17 (audit branch of
    /// 2026-12-04, after tuning on dev only; nothing was changed for a test-half figure; before it: dev 13/18 and 11/16, test 10/21
    /// and 8/17). The one dev error left is a labelling convention: a deprecated title after the episode's
    /// accepted one ("Precious Concubine" after "Noble Consort") is `deprecated` here, `inconsistent` to the writer.
    /// After the day's content merges (1,847 symbols) dev is 17/20: two new court entries (淑妃 left as "her",
    /// 宫宴 dropped in condensation) raise not-preferred on an omission the writer accepts; the test half is unchanged.
    /// Branch auditjudge (general rendering-judgment rules, dev only): dev 18/18 and 16/16, test unchanged at 10/19 and 8/17.
    static let devFloor = (precision: 1.0, recall: 1.0)
    static let testFloor = (precision: 0.52, recall: 0.47)
}
