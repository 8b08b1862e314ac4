// Labelled evaluation of the matcher on the SHIPPED glossary (glossaries/*.yaml), not on a fixture.
//
// Fixtures/real-glossary-eval.tsv: `text <TAB> expected ids (comma-separated, "-" = none) <TAB> zh|en`.
// Labels were written by meaning (what a careful annotator expects a viewer to need explained), before the
// glossary forms were tuned, so the numbers measure the glossary and the matcher together.
//
// before review: P=0.904, R=0.973 on 274 lines (tp=283 fp=30 fn=8)
// after review:  P=0.983, R=1.000 on the same 274 lines (tp=291 fp=5 fn=0);
//                P=0.984, R=1.000 with 17 held-out lines written after the review (291 lines, tp=308 fp=5 fn=0).
// Then the remaining false positives were English renderings that are ordinary words ("you" for 您, "face" in
// "face the music", "master" in "master bedroom", "father-in-law" shared by 公公 and 岳父).
// With Latin-script rendering context rules (renderings.en.not-within / not-before) and "you" dropped from 您:
//                P=0.997, R=1.000 on the same 291 lines (tp=308 fp=1 fn=0). The one left, "father-in-law" for
//                公公 and 岳父, is a real ambiguity of English (whose father depends on the speaker), not a context.
import Foundation
@testable import SymbolDB
import Testing

enum RealGlossaryEvaluation {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let glossaries = repository.appendingPathComponent("glossaries", isDirectory: true)
    static let fixture = testsDirectory.appendingPathComponent("Fixtures/real-glossary-eval.tsv")

    struct Line {
        var text: String
        var expected: Set<String>
        var language: String
    }

    static func labelledLines() throws -> [Line] {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        var lines: [Line] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 3 else { throw EvaluationError.badLine(String(line)) }
            let ids = columns[1].trimmingCharacters(in: .whitespaces)
            let expected = ids == "-" || ids.isEmpty ? [] : Set(ids.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            })
            lines.append(Line(text: columns[0], expected: expected, language: columns[2].trimmingCharacters(in: .whitespaces)))
        }
        return lines
    }

    enum EvaluationError: Error { case badLine(String) }
}

@Test func realGlossaryMatcherPrecisionAndRecall() throws {
    let loaded = try GlossaryLoader().load(directory: RealGlossaryEvaluation.glossaries)
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    try #require(errors.isEmpty, "the shipped glossary does not load: \(errors)")
    let symbols = loaded.symbols.map(\.symbol)
    let knownIDs = Set(symbols.map(\.id))
    try #require(symbols.count >= 300)

    let chinese = SymbolMatcher(symbols: symbols, options: .chinese)
    let english = SymbolMatcher(symbols: symbols, options: .forTrack(language: "en"))

    let lines = try RealGlossaryEvaluation.labelledLines()
    var truePositives = 0, falsePositives = 0, falseNegatives = 0
    var mistakes: [String] = []
    var unknownLabels: [String] = []
    for line in lines {
        unknownLabels += line.expected.subtracting(knownIDs).map { "\($0) in \(line.text)" }
        let matcher = line.language == "en" ? english : chinese
        let found = Set(matcher.matches(in: line.text).map(\.symbolID))
        let extra = found.subtracting(line.expected)
        let missed = line.expected.subtracting(found)
        truePositives += found.intersection(line.expected).count
        falsePositives += extra.count
        falseNegatives += missed.count
        for id in extra.sorted() { mistakes.append("FP \(id)  [\(line.language)] \(line.text)") }
        for id in missed.sorted() { mistakes.append("FN \(id)  [\(line.language)] \(line.text)") }
    }
    let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
    let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
    print("[report] real-glossary matcher precision=\(String(format: "%.3f", precision)) "
        + "recall=\(String(format: "%.3f", recall)) on \(lines.count) lines "
        + "(tp=\(truePositives) fp=\(falsePositives) fn=\(falseNegatives))")
    for mistake in mistakes { print("[report]   \(mistake)") }

    #expect(unknownLabels.isEmpty, "labels that are not symbol ids: \(unknownLabels)")
    #expect(lines.count >= 290)
    #expect(lines.filter { $0.language == "en" }.count >= 20)
    // Retired, self-tuned set (the honest figures are BlindEvaluationTests'): its labels predate the court and
    // ritual content, so new true symbols (saomu, chen-qie, ben-gong, resou …) count as false positives here, and
    // choices made on blind data count as misses (bare 您 is no longer a symbol; "Your Majesty" is aligned-only;
    // a trip up Mount Tai is not the idiom; bare 皇上 and 女婿 were dropped on the evidence of three blind dev
    // halves, whose writers never mark them; 龙王殿 is its own symbol). Floors at the values measured with the
    // 1,847-symbol glossary (0.850 / 0.883; 0.87 / 0.91 with the 1,318-symbol one).
    #expect(precision >= 0.85)
    #expect(recall >= 0.88)
}
