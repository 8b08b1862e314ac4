import Foundation
import Localize
import Regions
import Subtitles

/// Subtitle QC against the region's limits: line length and count, reading speed, durations, gaps,
/// overlaps, empty cues, line balance and cue order. One pass in file order, one in time order.
enum QCRules {
    static func check(_ scan: EpisodeScan, into findings: inout [Finding]) {
        var buffer = FindingBuffer(store: nil)
        check(scan, into: &buffer)
        findings += buffer.findings
    }

    /// Checks every cue; with a store in `findings`, what is found goes there a few thousand at a time.
    static func check(_ scan: EpisodeScan, into findings: inout FindingBuffer) {
        let limits = scan.region.limits
        let lineLimits = limits.lines(for: scan.context.options.orientation)
        let metrics = TextMetrics(counting: limits.charCounting)
        let orientation = scan.context.options.orientation.rawValue
        let cues = scan.input.target.cues

        for (index, cue) in cues.enumerated() {
            let text = scan.targetTexts[index]
            if cue.text.isEmpty {
                findings.append(scan.finding(AuditRules.qcEmpty, cue: index, message: "cue has no text", text: ""))
            } else {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                for violation in limits.violations(ofText: text, duration: cue.duration, orientation: scan.context.options.orientation) {
                    switch violation {
                    case let .tooManyLines(count, limit):
                        findings.append(scan.finding(
                            AuditRules.qcLinesPerCue, cue: index,
                            message: "\(count) lines; \(scan.region.tag) allows \(limit) (\(orientation))",
                            text: excerpt(text), expected: "≤ \(limit) lines"))
                    case let .lineTooLong(line, length, limit):
                        findings.append(scan.finding(
                            AuditRules.qcCharsPerLine, cue: index,
                            message: "line of \(format(length)) characters; \(scan.region.tag) allows \(limit) (\(orientation))",
                            text: String(lines[line]), expected: "≤ \(limit) characters per line"))
                    case let .readingSpeed(cps, limit):
                        findings.append(scan.finding(
                            AuditRules.qcReadingSpeed, cue: index,
                            message: "reading speed \(cps.isFinite ? format(cps) : "∞") characters per second; \(scan.region.tag) allows \(format(limit))",
                            text: excerpt(text), expected: "≤ \(format(limit)) cps"))
                    }
                }
                let lengths = lines.map { metrics.length($0) }
                if lengths.count == 2, let problem = imbalance(top: lengths[0], bottom: lengths[1], rule: limits.lineBalance,
                                                               maxCharsPerLine: lineLimits.maxCharsPerLine) {
                    findings.append(scan.finding(AuditRules.qcUnbalanced, cue: index, message: problem,
                                                 text: excerpt(text), expected: limits.lineBalance.rawValue))
                }
            }
            if cue.duration < limits.minDuration {
                findings.append(scan.finding(
                    AuditRules.qcMinDuration, cue: index,
                    message: "lasts \(cue.duration.milliseconds) ms; \(scan.region.tag) needs at least \(limits.minDuration.milliseconds) ms",
                    text: excerpt(text), expected: "≥ \(limits.minDuration.milliseconds) ms"))
            } else if cue.duration > limits.maxDuration {
                findings.append(scan.finding(
                    AuditRules.qcMaxDuration, cue: index,
                    message: "lasts \(cue.duration.milliseconds) ms; \(scan.region.tag) allows at most \(limits.maxDuration.milliseconds) ms",
                    text: excerpt(text), expected: "≤ \(limits.maxDuration.milliseconds) ms"))
            }
            if index > 0, cue.start < cues[index - 1].start {
                findings.append(scan.finding(
                    AuditRules.qcOutOfOrder, cue: index,
                    message: "starts at \(cue.start) but the cue before it in the file starts at \(cues[index - 1].start)",
                    text: excerpt(text), expected: "start ≥ \(cues[index - 1].start)"))
            }
        }

        // Time order: overlaps with any earlier-ending cue, and the gap to the previous cue.
        let minGap = limits.minGap(at: scan.context.frameRate(for: scan.input.target))
        let frames = limits.minGapFrames
        let order = cues.indices.sorted { (cues[$0].start, $0) < (cues[$1].start, $1) }
        var latest: Int? = nil   // the cue with the latest end so far
        for index in order {
            let cue = cues[index]
            if let previous = latest {
                let before = cues[previous]
                if cue.start < before.end {
                    findings.append(scan.finding(
                        AuditRules.qcOverlap, cue: index,
                        message: "starts at \(cue.start), before cue \(scan.targetLocation(previous).cueLabel ?? "?") ends at \(before.end)",
                        text: excerpt(scan.targetTexts[index]), expected: "start ≥ \(before.end)"))
                } else {
                    let gap = cue.start - before.end
                    if gap < minGap {
                        findings.append(scan.finding(
                            AuditRules.qcMinGap, cue: index,
                            message: "gap of \(gap.milliseconds) ms after cue \(scan.targetLocation(previous).cueLabel ?? "?"); \(scan.region.tag) needs \(frames) frames (\(minGap.milliseconds) ms)",
                            text: excerpt(scan.targetTexts[index]), expected: "≥ \(minGap.milliseconds) ms (\(frames) frames)"))
                    }
                }
                if cue.end > before.end { latest = index }
            } else {
                latest = index
            }
        }
    }

    /// Why a two-line cue is unbalanced, or nil. The longer line may exceed the other by 20 % of the line limit
    /// (at least 2 characters); with `none`, either line may be the longer by twice that.
    static func imbalance(top: Double, bottom: Double, rule: LineBalance, maxCharsPerLine: Int) -> String? {
        let tolerance = max(2, 0.2 * Double(maxCharsPerLine))
        switch rule {
        case .bottomHeavy where top - bottom > tolerance:
            return "top line (\(format(top))) is longer than the bottom line (\(format(bottom))); the region wants bottom-heavy cues"
        case .topHeavy where bottom - top > tolerance:
            return "bottom line (\(format(bottom))) is longer than the top line (\(format(top))); the region wants top-heavy cues"
        case .none where abs(top - bottom) > 2 * tolerance:
            return "lines of \(format(top)) and \(format(bottom)) characters are far from balanced"
        default:
            return nil
        }
    }
}

/// Findings as a rule appends them: kept, or handed to a ``FindingStore`` a few thousand at a time.
struct FindingBuffer {
    private(set) var findings: [Finding] = []
    let store: FindingStore?
    private static let batch = 4096

    init(store: FindingStore?) { self.store = store }

    mutating func append(_ finding: Finding) {
        findings.append(finding)
        if let store, findings.count >= Self.batch {
            store.append(contentsOf: findings)
            findings.removeAll(keepingCapacity: true)
        }
    }

    /// Hands what is left to the store.
    mutating func flush() {
        guard let store, !findings.isEmpty else { return }
        store.append(contentsOf: findings)
        findings.removeAll()
    }
}

/// A number without a needless `.0`, one decimal otherwise.
func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
}
