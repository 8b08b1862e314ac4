import Foundation

/// Where a streamed report goes, piece by piece (a file written atomically, standard output, a string in tests).
public protocol ReportSink: AnyObject {
    func write(_ text: String) throws
}

/// Collects a streamed report in memory (tests, small reports).
public final class StringReportSink: ReportSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) throws { self.text += text }
}

/// An audit report whose findings stay in ``FindingStore``s: the streamed counterpart of ``AuditReport``, with
/// the same fingerprints, suppressions and baseline. Built in one pass over the audit's findings in report order;
/// the reports then read the findings back one at a time, so memory does not grow with the number of findings.
public final class StoredAuditReport: @unchecked Sendable {
    public let region: String
    public let orientation: String
    public let files: [AuditReport.AuditedFile]
    /// Findings in report order, without suppressed or baseline ones (as ``AuditReport/findings``).
    public let findings: FindingStore
    /// Findings accepted by a suppression entry, each with its `suppression`.
    public let suppressed: FindingStore
    public private(set) var baselineCount = 0
    public private(set) var countsBySeverity: [FindingSeverity: Int] = [:]
    public private(set) var countsByRule: [String: Int] = [:]

    /// Fingerprints every finding of `all` (in report order), then sets apart the suppressed ones and leaves out
    /// those the baseline has, as `AuditReport(…).applying(suppressions, baseline:)` does.
    public init(region: String, orientation: String, files: [AuditReport.AuditedFile], all: FindingStore,
                suppressions: [Suppression] = [], baseline: Baseline? = nil, directory: URL? = nil) throws {
        self.region = region
        self.orientation = orientation
        self.files = files
        findings = try FindingStore(directory: directory)
        suppressed = try FindingStore(directory: directory)
        var fingerprints = FingerprintAssigner()
        var pending: [Finding] = []
        var pendingSuppressed: [Finding] = []
        try all.forEach(in: .report) { original in
            var f = original
            f.fingerprint = fingerprints.next(for: f)
            if let baseline, baseline.fingerprints.contains(f.fingerprint) {
                baselineCount += 1
            } else if let entry = suppressions.first(where: { $0.matches(f) }) {
                f.suppression = FindingSuppression(reason: entry.reason, origin: entry.origin)
                pendingSuppressed.append(f)
            } else {
                countsBySeverity[f.severity, default: 0] += 1
                countsByRule[f.rule, default: 0] += 1
                pending.append(f)
            }
            if pending.count >= 4096 { findings.append(contentsOf: pending); pending.removeAll(keepingCapacity: true) }
            if pendingSuppressed.count >= 4096 { suppressed.append(contentsOf: pendingSuppressed); pendingSuppressed.removeAll(keepingCapacity: true) }
        }
        findings.append(contentsOf: pending)
        suppressed.append(contentsOf: pendingSuppressed)
    }

    /// How many findings are shown.
    public var findingCount: Int { findings.count }

    /// The most severe finding's severity, nil when clean.
    public var highestSeverity: FindingSeverity? { countsBySeverity.keys.max() }

    /// Whether any finding is at or above `threshold` (never with nil).
    public func fails(at threshold: FindingSeverity?) -> Bool {
        guard let threshold else { return false }
        return countsBySeverity.contains { $0.key >= threshold && $0.value > 0 }
    }

    /// Finding counts per rule id, in registry order.
    var orderedCountsByRule: [(rule: String, count: Int)] {
        countsByRule.sorted { AuditRules.order(of: $0.key) < AuditRules.order(of: $1.key) }.map { ($0.key, $0.value) }
    }

    /// The whole report in memory (for the formats that are not streamed: Markdown and HTML).
    public func materialized() throws -> AuditReport {
        var report = AuditReport(region: region, orientation: orientation, files: files, findings: [])
        try findings.forEach(in: .report) { report.findings.append($0) }
        try suppressed.forEach(in: .report) { report.suppressed.append($0) }
        report.baselineCount = baselineCount
        return report
    }
}

/// ``FindingFingerprint/assign(_:)`` one finding at a time (findings must come in report order). The ordinal per
/// rule, episode, symbol and text is counted under a 64-bit hash of those four, not the strings themselves.
struct FingerprintAssigner {
    private var seen: [UInt64: Int] = [:]

    mutating func next(for f: Finding) -> String {
        let key = [f.rule, f.episode, f.symbolID ?? "", f.text].joined(separator: "\u{1F}")
        let hash = FindingFingerprint.fnv1a(key)
        let ordinal = seen[hash, default: 0]
        seen[hash] = ordinal + 1
        return FindingFingerprint.hex(FindingFingerprint.fnv1a(key + "\u{1F}\(ordinal)"))
    }
}

/// Pretty-printed JSON written piece by piece, byte for byte as `JSONEncoder` with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes` writes the whole document: `"key" : value`, two spaces a level, `[\n\n  ]` when empty.
struct PrettyJSONWriter {
    let sink: ReportSink
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(sink: ReportSink) { self.sink = sink }

    /// `value` encoded, its continuation lines indented by `indent` spaces.
    func encoded<T: Encodable>(_ value: T, indent: Int) throws -> String {
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard indent > 0, text.contains("\n") else { return text }
        // Continuation lines are indented; the blank line inside an empty `[\n\n]` or `{\n\n}` stays empty.
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : pad + $0.element }
            .joined(separator: "\n")
    }

    /// Writes `"key" : value` at `indent` (a member of an object), with the comma and line break before it unless first.
    func member<T: Encodable>(_ key: String, _ value: T, indent: Int, first: Bool = false) throws {
        try sink.write((first ? "" : ",\n") + String(repeating: " ", count: indent) + "\"\(key)\" : " + (try encoded(value, indent: indent)))
    }

    /// Writes `"key" : [` … `]` whose elements `produce` hands to the given closure one at a time.
    func arrayMember(_ key: String, indent: Int, first: Bool = false, _ produce: (_ element: (any Encodable) throws -> Void) throws -> Void) throws {
        let pad = String(repeating: " ", count: indent)
        try sink.write((first ? "" : ",\n") + pad + "\"\(key)\" : [")
        var count = 0
        try produce { element in
            try sink.write((count == 0 ? "\n" : ",\n") + pad + "  " + (try encoded(element, indent: indent + 2)))
            count += 1
        }
        try sink.write((count == 0 ? "\n\n" : "\n") + pad + "]")
    }
}
