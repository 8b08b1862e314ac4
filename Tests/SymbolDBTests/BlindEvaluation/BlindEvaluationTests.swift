// The honest quality figures of symbol detection: a blind labelled set of micro-drama lines (see
// Fixtures/blind-eval/README.md), split once into dev.tsv (tuning allowed) and test.tsv (never tuned on).
// Chinese lines are matched with the Chinese forms, English lines with the English renderings and pinyin,
// free-standing (aligned-only renderings are not searched). The test half's figures are a CI floor.
import Foundation
@testable import SymbolDB
import Testing

@Suite(.serialized) struct BlindEvaluationTests {
    /// The test half's figures when they were last measured, rounded down to a whole percent (at the 1,847-symbol
    /// content merge of 2026-12-04: 77.0 / 87.6 / 85.5; at 1,318 symbols 74.7 / 85.0 / 85.5; before 68.1 / 82.9 / 84.7;
    /// at 1,904 symbols, the second 2026-12-04 merge: 77.4 / 88.4 / 87.0).
    static let testFloor = (recall: 0.77, precision: 0.88, trapsClean: 0.87)

    static let repository = BlindEvaluationSet.directory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The glossary evaluated: `LOCCTL_EVAL_GLOSSARY` (to measure newer content), else the repository's.
    static var glossary: URL {
        if let path = ProcessInfo.processInfo.environment["LOCCTL_EVAL_GLOSSARY"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return repository.appendingPathComponent("glossaries", isDirectory: true)
    }

    struct Matchers {
        var store: SymbolStore
        var chinese: SymbolMatcher
        var english: SymbolMatcher

        func matches(_ line: BlindEvaluationSet.Line) -> [SymbolMatch] {
            (line.script == "en" ? english : chinese).matches(in: line.text)
        }
    }

    static func matchers() throws -> Matchers {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-blind-eval-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let store = try SymbolStore.open(glossaryDirectory: glossary, cacheDirectory: cache)
        return Matchers(store: store,
                        chinese: SymbolMatcher(symbols: store.allSymbols, options: .chinese, senses: store.senseModels),
                        english: SymbolMatcher(symbols: store.allSymbols, options: .forTrack(language: "en"), senses: store.senseModels))
    }

    static func score(_ set: BlindEvaluationSet, with matchers: Matchers) -> BlindEvaluationScore {
        var score = BlindEvaluationScore()
        for line in set.lines { score.add(line, matches: matchers.matches(line)) }
        return score
    }

    @Test func halvesAreDisjointAndStratified() throws {
        let dev = try BlindEvaluationSet.load("dev"), test = try BlindEvaluationSet.load("test")
        #expect(Set(dev.lines.map(\.id)).isDisjoint(with: test.lines.map(\.id)))
        #expect(dev.lines.count + test.lines.count >= 660)
        #expect(abs(dev.lines.count - test.lines.count) <= 1)
        func strata(_ set: BlindEvaluationSet) -> [String: Int] {
            set.lines.reduce(into: [:]) { $0["\($1.genre) \($1.kind) \($1.script)", default: 0] += 1 }
        }
        let devStrata = strata(dev), testStrata = strata(test)
        for key in Set(devStrata.keys).union(testStrata.keys) {
            #expect(abs((devStrata[key] ?? 0) - (testStrata[key] ?? 0)) <= 1,
                    "stratum \(key): dev \(devStrata[key] ?? 0), test \(testStrata[key] ?? 0)")
        }
        #expect(test.lines.filter { $0.kind == "trap" }.count >= 100)
    }

    @Test func detectionOnTheBlindSet() throws {
        let matchers = try Self.matchers()
        let dev = try BlindEvaluationSet.load("dev"), test = try BlindEvaluationSet.load("test")
        let devScore = Self.score(dev, with: matchers), testScore = Self.score(test, with: matchers)
        print("[report] blind-eval glossary \(Self.glossary.path): \(matchers.store.allSymbols.count) symbols, "
            + "\(matchers.store.senseModels.all.count) sense models")
        try Self.report("blind-eval", dev: devScore, test: testScore, testSet: test, devLines: dev.lines.count, mistakes: "dev",
                        missingOut: "", matchers: matchers)
        #expect(testScore.recall >= Self.testFloor.recall)
        #expect(testScore.precision >= Self.testFloor.precision)
        #expect(testScore.trapsClean >= Self.testFloor.trapsClean)
    }

    /// The second blind set (another writer, written after the first set's tuning): both halves reported, the dev
    /// half's mistakes printed with `LOCCTL_EVAL_VERBOSE`, the test half a CI floor like the first set's.
    @Test func detectionOnTheSecondBlindSet() throws {
        try checkLaterSet(2, floor: Self.secondTestFloor)
    }

    /// The third blind set (a third writer, written after the second set's tuning), reported and floored the same way.
    @Test func detectionOnTheThirdBlindSet() throws {
        try checkLaterSet(3, floor: Self.thirdTestFloor)
    }

    func checkLaterSet(_ number: Int, floor: (recall: Double, precision: Double, trapsClean: Double)) throws {
        let directory = BlindEvaluationSet.laterDirectory(number)
        let dev = try BlindEvaluationSet.load("dev", from: directory), test = try BlindEvaluationSet.load("test", from: directory)
        let matchers = try Self.matchers()
        let devScore = Self.score(dev, with: matchers), testScore = Self.score(test, with: matchers)
        try Self.report("blind-eval-\(number)", dev: devScore, test: testScore, testSet: test, devLines: dev.lines.count,
                        mistakes: "dev\(number)", missingOut: ".\(number)", matchers: matchers)
        #expect(Set(dev.lines.map(\.id)).isDisjoint(with: test.lines.map(\.id)))
        #expect(testScore.recall >= floor.recall)
        #expect(testScore.precision >= floor.precision)
        #expect(testScore.trapsClean >= floor.trapsClean)
    }

    /// The second set's test half, rounded down to a whole percent: 59.4 / 81.5 / 88.6 with the 1,202-symbol glossary
    /// before anyone read its dev half, 64.1 / 82.4 / 88.6 after the content pass tuned on that dev half.
    /// At 1,847 symbols (2026-12-04): 69.4 / 84.4 / 89.4; at 1,904: 70.8 / 85.0 / 91.1.
    static let secondTestFloor = (recall: 0.70, precision: 0.85, trapsClean: 0.91)

    /// The third set's test half, rounded down to a whole percent: 65.8 / 72.2 / 65.8 with the 1,497-symbol glossary,
    /// before anyone read either half; 71.9 / 76.3 / 66.7 at 1,847 symbols (content written without it; one
    /// precision pass tuned on its dev half); 73.6 / 78.7 / 70.0 at 1,904 symbols (a content pass tuned on its
    /// dev half, which is no longer a fair signal: dev rose 21 recall points, test 1.7).
    static let thirdTestFloor = (recall: 0.73, precision: 0.78, trapsClean: 0.70)

    /// Prints a set's dev and test figures and the test half by script; with `LOCCTL_EVAL_VERBOSE` the dev half's
    /// mistakes (the test half's never), with `LOCCTL_EVAL_MISSING_OUT` (+ `missingOut`) its spans no form covers.
    static func report(_ label: String, dev devScore: BlindEvaluationScore, test testScore: BlindEvaluationScore,
                       testSet test: BlindEvaluationSet, devLines: Int,
                       mistakes: String, missingOut: String, matchers: Matchers) throws {
        print("[report] \(label) " + devScore.summary("dev", lines: devLines))
        print("[report] \(label) " + testScore.summary("test", lines: test.lines.count))
        for script in ["zh-Hans", "zh-Hant", "en"] {
            let part = BlindEvaluationSet(name: "test", lines: test.lines.filter { $0.script == script })
            print("[report] \(label)   " + score(part, with: matchers).summary("test \(script)", lines: part.lines.count))
        }
        if ProcessInfo.processInfo.environment["LOCCTL_EVAL_VERBOSE"] != nil {
            for mistake in devScore.mistakes { print("[report]   \(mistakes) \(mistake)") }
        }
        if let path = ProcessInfo.processInfo.environment["LOCCTL_EVAL_MISSING_OUT"] {
            try missingForms(devScore, symbols: matchers.store.allSymbols)
                .write(to: URL(fileURLWithPath: path + missingOut), atomically: true, encoding: .utf8)
        }
    }

    /// Dev spans that were not found and that no symbol has a form for inside the span.
    static func missingForms(_ score: BlindEvaluationScore, symbols: [Symbol]) -> String {
        var chinese: [String] = [], latin: [String] = []
        for symbol in symbols {
            chinese += symbol.forms.chinese
            latin += symbol.forms.pinyin.map { $0.lowercased() }
            latin += (symbol.renderings["en"].map { $0.preferred + $0.admitted + $0.deprecated } ?? []).map { $0.lowercased() }
        }
        var seen = Set<String>()
        var out = "# Expected spans of the DEV half of the blind set that no glossary symbol has a form for.\n"
            + "# span<TAB>script<TAB>line (generated by BlindEvaluationTests with LOCCTL_EVAL_MISSING_OUT)\n"
        for miss in score.missed where seen.insert(miss.span + "\t" + miss.script).inserted {
            let span = miss.script == "en" ? miss.span.lowercased() : miss.span
            let forms = miss.script == "en" ? latin : chinese
            let covered = forms.contains { !$0.isEmpty && span.contains($0) }
            if !covered { out += "\(miss.span)\t\(miss.script)\t\(miss.text)\n" }
        }
        return out
    }
}
