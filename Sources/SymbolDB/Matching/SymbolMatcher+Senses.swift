import TextServices

/// What an aligned cue says about one symbol: log-odds added to its sense models' score, and why.
public struct SenseEvidence: Hashable, Sendable {
    public var logOdds: Double
    /// Shown in explanations, e.g. `aligned:rendering` or `aligned:absent`.
    public var name: String

    public init(logOdds: Double, name: String) {
        self.logOdds = logOdds
        self.name = name
    }
}

/// The matches in one text, and the candidates of ambiguous forms that were turned down (for `--explain`).
public struct MatchAnalysis: Hashable, Sendable {
    public var matches: [SymbolMatch] = []
    /// Matches whose sense probability was below the threshold, each with its ``SymbolMatch/sense`` decision.
    public var rejected: [SymbolMatch] = []

    public init(matches: [SymbolMatch] = [], rejected: [SymbolMatch] = []) {
        self.matches = matches
        self.rejected = rejected
    }
}

extension SymbolMatcher {
    /// The number of forms with a sense model.
    public var senseModelCount: Int { senseModels.count }

    /// The sense model's decision for a Chinese candidate, with the window read straight from the UTF-8 bytes.
    func decide(_ model: SenseModel, _ c: Candidate, bytes: UnsafeBufferPointer<UInt8>, boundaries: Set<Int>,
                evidence: SenseEvidence?) -> SenseDecision {
        guard let p = bytes.baseAddress else { return SenseDecision(probability: 1, features: []) }
        let reach = SenseFeatures.window + 1
        var left: [UInt32] = []
        var i = c.startByte
        while i > 0 && left.count < reach {
            var start = i - 1
            while start > 0 && p[start] & 0xC0 == 0x80 { start -= 1 }
            left.append(HanScriptFold.fold(Self.decodeScalar(p, start).scalar))
            i = start
        }
        var inside: [UInt32] = []
        i = c.startByte
        while i < c.endByte {
            let (scalar, length) = Self.decodeScalar(p, i)
            inside.append(HanScriptFold.fold(scalar))
            i += length
        }
        var right: [UInt32] = []
        i = c.endByte
        while i < bytes.count && right.count < reach {
            let (scalar, length) = Self.decodeScalar(p, i)
            right.append(HanScriptFold.fold(scalar))
            i += length
        }
        // Off the ends of the text: a sentinel that reads as a boundary.
        let sentinel: UInt32 = 0x20
        while left.count < reach { left.append(sentinel) }
        while right.count < reach { right.append(sentinel) }
        let scalars = left.reversed() + inside + right
        let wholeWord = boundaries.isEmpty ? nil : boundaries.contains(c.startUTF16) && boundaries.contains(c.endUTF16)
        let features = SenseFeatures(scalars: Array(scalars), start: reach, length: inside.count, wholeWord: wholeWord)
        let extra = evidence.map { [SenseDecision.Feature(name: $0.name, weight: $0.logOdds)] } ?? []
        return model.decide(features, extraLogOdds: evidence?.logOdds ?? 0, evidence: extra)
    }
}
