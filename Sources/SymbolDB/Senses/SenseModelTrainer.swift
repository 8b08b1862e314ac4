import Foundation
import TextServices

/// Trains one ``SenseModel`` per form that has examples of both senses; deterministic for the same examples.
public struct SenseModelTrainer: Sendable {
    /// Laplace smoothing of feature counts.
    public var smoothing: Double = 0.5

    public init() {}

    /// Models for every symbol's `examples` with at least one line of each sense, in symbol then form order.
    public func train(_ symbols: [Symbol]) -> SenseModels {
        let segmenter = SenseSegmenter()
        var models: [SenseModel] = []
        for symbol in symbols {
            for (form, senses) in symbol.examples.sorted(by: { $0.key < $1.key })
            where !senses.symbol.isEmpty && !senses.ordinary.isEmpty {
                if let model = train(symbolID: symbol.id, form: form, senses: senses, segmenter: segmenter) {
                    models.append(model)
                }
            }
        }
        return SenseModels(models)
    }

    func train(symbolID: String, form: String, senses: SenseExamples, segmenter: SenseSegmenter) -> SenseModel? {
        let pattern = SenseModels.pattern(form)
        guard !pattern.isEmpty else { return nil }
        var counts: [[String: Int]] = [[:], [:]]
        var totals = [0, 0]
        var occurrences = [0, 0]
        for (sense, lines) in [senses.symbol, senses.ordinary].enumerated() {
            for line in lines {
                let (scalars, utf16) = SenseFeatures.folded(UnicodeNormalization.normalize(line))
                for start in Self.occurrences(of: pattern, in: scalars) {
                    let features = SenseFeatures(scalars: scalars, start: start, length: pattern.count,
                                                 wholeWord: segmenter.isWholeWord(line: line, utf16: utf16, start: start, length: pattern.count))
                    for name in features.names { counts[sense][name, default: 0] += 1 }
                    totals[sense] += features.names.count
                    occurrences[sense] += 1
                }
            }
        }
        guard occurrences[0] > 0 && occurrences[1] > 0 else { return nil }
        let vocabulary = Set(counts[0].keys).union(counts[1].keys)
        let size = Double(vocabulary.count)
        var weights: [String: Double] = [:]
        for name in vocabulary {
            let symbolShare = (Double(counts[0][name] ?? 0) + smoothing) / (Double(totals[0]) + smoothing * size)
            let ordinaryShare = (Double(counts[1][name] ?? 0) + smoothing) / (Double(totals[1]) + smoothing * size)
            weights[name] = log(symbolShare) - log(ordinaryShare)
        }
        return SenseModel(symbolID: symbolID, form: form,
                          priorLogOdds: 0,
                          weights: weights, symbolCount: occurrences[0], ordinaryCount: occurrences[1])
    }

    /// Start offsets of every (possibly overlapping) occurrence of `pattern` in `scalars`.
    static func occurrences(of pattern: [UInt32], in scalars: [UInt32]) -> [Int] {
        guard pattern.count <= scalars.count, !pattern.isEmpty else { return [] }
        var starts: [Int] = []
        for start in 0...(scalars.count - pattern.count) where scalars[start] == pattern[0] {
            if Array(scalars[start..<(start + pattern.count)]) == pattern { starts.append(start) }
        }
        return starts
    }
}

/// ICU's Chinese word breaks, for the whole-word feature (opened on first use).
final class SenseSegmenter: Sendable {
    private let breaker = LazyWordBreaker(locale: "zh")

    /// Whether word breaks fall at both ends of the `length` code points at `start`; nil without ICU.
    func isWholeWord(line: String, utf16: [Int], start: Int, length: Int) -> Bool? {
        guard let breaker = breaker.breaker else { return nil }
        let boundaries = Set(breaker.boundaries(in: line))
        let from = utf16[start]
        let to = start + length < utf16.count ? utf16[start + length] : line.utf16.count
        return boundaries.contains(from) && boundaries.contains(to)
    }
}
