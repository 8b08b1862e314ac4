import Foundation

/// A two-sense multinomial naive Bayes model for one form of one symbol: the symbol sense against ordinary use.
///
/// Stored as the log prior odds and one log likelihood ratio per feature seen in training; a feature never
/// seen is no evidence either way. Scores are the posterior probability of the symbol sense.
public struct SenseModel: Hashable, Sendable, Codable {
    /// The symbol whose sense the model recognises.
    public var symbolID: String
    /// The form, as written in the entry's `examples`.
    public var form: String
    /// log P(symbol) − log P(ordinary). Training sets it to 0 (even odds): how many examples an editor wrote for
    /// each sense is an editing choice, not how often each sense occurs.
    public var priorLogOdds: Double
    /// log P(feature | symbol) − log P(feature | ordinary), Laplace-smoothed.
    public var weights: [String: Double]
    /// Training occurrences of each sense.
    public var symbolCount: Int
    public var ordinaryCount: Int

    public init(symbolID: String, form: String, priorLogOdds: Double, weights: [String: Double],
                symbolCount: Int, ordinaryCount: Int) {
        self.symbolID = symbolID
        self.form = form
        self.priorLogOdds = priorLogOdds
        self.weights = weights
        self.symbolCount = symbolCount
        self.ordinaryCount = ordinaryCount
    }

    /// The decision for one occurrence with `features`. An occurrence without context (the form alone on its
    /// line) has even odds, whatever the model's prior.
    func decide(_ features: SenseFeatures, extraLogOdds: Double = 0, evidence: [SenseDecision.Feature] = []) -> SenseDecision {
        var logOdds = (features.names.isEmpty ? 0 : priorLogOdds) + extraLogOdds
        var contributions: [String: Double] = [:]
        for name in features.names {
            guard let weight = weights[name] else { continue }
            logOdds += weight
            contributions[name, default: 0] += weight
        }
        let deciding = contributions.map { SenseDecision.Feature(name: $0.key, weight: $0.value) }
            .sorted { abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : $0.name < $1.name }
        return SenseDecision(probability: 1 / (1 + exp(-logOdds)),
                             features: evidence + deciding.prefix(SenseDecision.decidingFeatureCount))
    }
}

/// Why a match of an ambiguous form was kept or dropped: the symbol-sense probability and the strongest evidence.
public struct SenseDecision: Hashable, Sendable, Codable {
    /// One piece of evidence: a feature and its log-odds weight (positive: the symbol sense).
    public struct Feature: Hashable, Sendable, Codable {
        public var name: String
        public var weight: Double
        public init(name: String, weight: Double) {
            self.name = name
            self.weight = weight
        }
    }

    /// How many features an explanation lists.
    static let decidingFeatureCount = 4

    /// P(symbol sense | context).
    public var probability: Double
    /// The features that weighed most, strongest first (aligned-cue evidence before the model's features).
    public var features: [Feature]

    public init(probability: Double, features: [Feature]) {
        self.probability = probability
        self.features = features
    }
}
