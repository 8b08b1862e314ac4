import Foundation
@testable import SymbolDB
import Testing

/// Precision and recall of the matcher on labelled drama lines (Fixtures/matcher-eval.tsv).
@Test func matcherPrecisionAndRecallOnLabelledLines() throws {
    let url = MatcherFixtures.directory.appendingPathComponent("matcher-eval.tsv")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
    var truePositives = 0, falsePositives = 0, falseNegatives = 0
    var mistakes: [String] = []
    for line in lines {
        let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        try #require(columns.count == 3, "bad line: \(line)")
        let matcher = columns[0] == "en" ? MatcherFixtures.english : MatcherFixtures.chinese
        var expected = columns[2] == "-" ? [] : columns[2].split(separator: ",").map(String.init)
        let found = matcher.matches(in: columns[1]).map(\.symbolID)
        var extra: [String] = []
        for id in found {
            if let index = expected.firstIndex(of: id) {
                expected.remove(at: index)
                truePositives += 1
            } else {
                extra.append(id)
            }
        }
        falsePositives += extra.count
        falseNegatives += expected.count
        if !extra.isEmpty || !expected.isEmpty {
            mistakes.append("\(columns[1])  extra=\(extra) missed=\(expected)")
        }
    }
    let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
    let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
    print("[report] matcher precision=\(String(format: "%.3f", precision)) recall=\(String(format: "%.3f", recall)) on \(lines.count) lines (tp=\(truePositives) fp=\(falsePositives) fn=\(falseNegatives))")
    for mistake in mistakes { print("[report]   \(mistake)") }
    #expect(lines.count >= 100)
    #expect(precision >= 0.95)
    #expect(recall >= 0.90)
}
