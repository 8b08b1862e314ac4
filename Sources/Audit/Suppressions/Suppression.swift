/// A finding a team has accepted: by rule (and optionally symbol, episode and cue) or by fingerprint, with why.
public struct Suppression: Hashable, Sendable {
    public var rule: String?
    public var symbol: String?
    public var episode: String?
    /// The cue label (SRT number) as reports show it.
    public var cue: String?
    public var fingerprint: String?
    /// Why the finding is accepted (required: it is shown in SARIF and reports).
    public var reason: String
    /// Where the entry was written, for messages (`.locctl-audit.yaml:12`).
    public var origin: String

    public init(rule: String? = nil, symbol: String? = nil, episode: String? = nil, cue: String? = nil,
                fingerprint: String? = nil, reason: String, origin: String = "") {
        self.rule = rule
        self.symbol = symbol
        self.episode = episode
        self.cue = cue
        self.fingerprint = fingerprint
        self.reason = reason
        self.origin = origin
    }

    /// Whether every field the entry gives matches the finding.
    public func matches(_ f: Finding) -> Bool {
        if let fingerprint, fingerprint.lowercased() != f.fingerprint { return false }
        if let rule, rule != f.rule { return false }
        if let symbol, symbol != f.symbolID { return false }
        if let episode, episode != f.episode { return false }
        if let cue, cue != f.location.cueLabel { return false }
        return true
    }
}

/// How a finding was accepted: by a suppression entry.
public struct FindingSuppression: Hashable, Sendable {
    public var reason: String
    public var origin: String
}
