import Foundation
import SymbolDB

/// Recall, precision and trap-line cleanliness of matches against a labelled set.
///
/// A match is correct when its range overlaps an expected span; an expected span is found when a match overlaps it.
struct BlindEvaluationScore {
    var expectedSpans = 0
    var foundSpans = 0
    var matches = 0
    var correctMatches = 0
    var trapLines = 0
    var cleanTrapLines = 0
    /// Spans not found and matches that are wrong, as readable lines (printed for the dev half only).
    var mistakes: [String] = []
    /// Spans not found, with their line's script.
    var missed: [(span: String, script: String, text: String)] = []

    var recall: Double { Double(foundSpans) / Double(max(1, expectedSpans)) }
    var precision: Double { Double(correctMatches) / Double(max(1, matches)) }
    var trapsClean: Double { Double(cleanTrapLines) / Double(max(1, trapLines)) }

    /// Scores one line's matches.
    mutating func add(_ line: BlindEvaluationSet.Line, matches found: [SymbolMatch]) {
        let expected = line.spans.map { span in (span, Self.ranges(of: span, in: line.text)) }
        expectedSpans += expected.count
        for (span, ranges) in expected {
            if found.contains(where: { match in ranges.contains { $0.overlaps(match.utf16Range) } }) {
                foundSpans += 1
            } else {
                missed.append((span, line.script, line.text))
                mistakes.append("FN \(line.id) [\(line.script)] '\(span)' in \(line.text)")
            }
        }
        matches += found.count
        for match in found {
            if expected.contains(where: { $0.1.contains { $0.overlaps(match.utf16Range) } }) {
                correctMatches += 1
            } else {
                mistakes.append("FP \(line.id) [\(line.script) \(line.kind)] \(match.symbolID) '\(match.matchedText)' in \(line.text)")
            }
        }
        if line.kind == "trap" {
            trapLines += 1
            if found.isEmpty { cleanTrapLines += 1 }
        }
    }

    /// Every UTF-16 range where `span` occurs in `text`.
    static func ranges(of span: String, in text: String) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var searchStart = text.startIndex
        while let range = text.range(of: span, range: searchStart..<text.endIndex) {
            result.append(range.lowerBound.utf16Offset(in: text)..<range.upperBound.utf16Offset(in: text))
            searchStart = text.index(after: range.lowerBound)
        }
        return result
    }

    func summary(_ name: String, lines: Int) -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        return "\(name): recall=\(percent(recall)) (\(foundSpans)/\(expectedSpans) spans) "
            + "precision=\(percent(precision)) (\(correctMatches)/\(matches) matches) "
            + "traps-clean=\(percent(trapsClean)) (\(cleanTrapLines)/\(trapLines) trap lines) on \(lines) lines"
    }
}
