/// The findings of a track or series audit for one region, with what was audited.
public struct AuditReport: Sendable {
    /// One audited target file.
    public struct AuditedFile: Hashable, Sendable {
        public var episode: String
        public var file: String
        public var sourceFile: String?
        public var cueCount: Int

        public init(episode: String, file: String, sourceFile: String?, cueCount: Int) {
            self.episode = episode
            self.file = file
            self.sourceFile = sourceFile
            self.cueCount = cueCount
        }
    }

    /// The region tag the tracks were audited for.
    public var region: String
    public var orientation: String
    public var files: [AuditedFile]
    /// Findings in report order (episode, time, cue, rule), without suppressed or baseline ones.
    public var findings: [Finding]
    /// Findings accepted by a suppression entry (each with its `suppression`).
    public var suppressed: [Finding] = []
    /// How many findings were left out because the baseline already has them.
    public var baselineCount: Int = 0

    public init(region: String, orientation: String, files: [AuditedFile], findings: [Finding]) {
        self.region = region
        self.orientation = orientation
        self.files = files
        var sorted = findings.sorted(by: Finding.reportOrder)
        FindingFingerprint.assign(&sorted)
        self.findings = sorted
    }

    /// The report with suppressed findings set apart and the baseline's findings left out.
    public func applying(_ suppressions: [Suppression], baseline: Baseline? = nil) -> AuditReport {
        var result = self
        result.findings = []
        for var f in findings {
            if let baseline, baseline.fingerprints.contains(f.fingerprint) {
                result.baselineCount += 1
            } else if let entry = suppressions.first(where: { $0.matches(f) }) {
                f.suppression = FindingSuppression(reason: entry.reason, origin: entry.origin)
                result.suppressed.append(f)
            } else {
                result.findings.append(f)
            }
        }
        return result
    }

    /// The most severe finding's severity, nil when clean.
    public var highestSeverity: FindingSeverity? { findings.map(\.severity).max() }

    /// Whether any finding is at or above `threshold` (never with nil).
    public func fails(at threshold: FindingSeverity?) -> Bool {
        guard let threshold else { return false }
        return findings.contains { $0.severity >= threshold }
    }

    /// Finding counts per severity.
    public var countsBySeverity: [FindingSeverity: Int] {
        var counts: [FindingSeverity: Int] = [:]
        for f in findings { counts[f.severity, default: 0] += 1 }
        return counts
    }

    /// Finding counts per rule id, in registry order.
    public var countsByRule: [(rule: String, count: Int)] {
        var counts: [String: Int] = [:]
        for f in findings { counts[f.rule, default: 0] += 1 }
        return counts.sorted { AuditRules.order(of: $0.key) < AuditRules.order(of: $1.key) }.map { ($0.key, $0.value) }
    }

    /// Findings grouped by episode, episodes in file order (episodes without findings included, empty).
    public var findingsByEpisode: [(episode: String, findings: [Finding])] {
        var groups: [String: [Finding]] = [:]
        for f in findings { groups[f.episode, default: []].append(f) }
        var order: [String] = []
        var seen = Set<String>()
        for file in files where seen.insert(file.episode).inserted { order.append(file.episode) }
        for f in findings where seen.insert(f.episode).inserted { order.append(f.episode) }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// Findings that are the same problem (rule, severity, symbol and offending text) wherever they occur, each
    /// group in report order, keyed by the first finding's fingerprint.
    public var sameFindingGroups: [String: [Finding]] {
        var byKey: [String: [Finding]] = [:]
        var keyOf: [String: String] = [:]
        for f in findings {
            let key = [f.rule, f.severity.rawValue, f.symbolID ?? "", f.text].joined(separator: "\u{1F}")
            if keyOf[key] == nil { keyOf[key] = f.fingerprint }
            byKey[keyOf[key]!, default: []].append(f)
        }
        return byKey
    }

    /// Merges reports of the same region (e.g. batches), keeping file and finding order.
    public static func merged(_ reports: [AuditReport]) -> AuditReport {
        AuditReport(region: reports.first?.region ?? "", orientation: reports.first?.orientation ?? "vertical",
                    files: reports.flatMap(\.files), findings: reports.flatMap(\.findings))
    }
}
