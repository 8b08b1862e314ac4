/// A readable table grouped by episode, with ANSI colour when `color` is true.
public struct TextReport: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func render(_ report: AuditReport) -> String {
        var out = ""
        for (episode, findings) in report.findingsByEpisode {
            let files = report.files.filter { $0.episode == episode }
            let file = files.first?.file ?? findings.first?.location.file ?? ""
            let cues = files.reduce(0) { $0 + $1.cueCount }
            out += paint(episode, "1") + "  " + file + paint("  (\(cues) cues, \(summary(findings)))", "2") + "\n"
            let idWidth = findings.map { ($0.location.cueLabel ?? "-").count }.max() ?? 1
            let ruleWidth = findings.map(\.rule.count).max() ?? 0
            for f in findings {
                let time = f.location.start?.formatted() ?? "            "
                let id = "#" + (f.location.cueLabel ?? "-").padding(idWidth)
                let severity = paint(f.severity.rawValue.padding(7), severityColor(f.severity))
                let fileNote = f.location.file == file ? "" : paint(" [\(f.location.file)]", "2")
                out += "  " + paint(time, "2") + "  " + id + "  " + severity + "  " + f.rule.padding(ruleWidth) + "  " + f.message + fileNote + "\n"
                let indent = String(repeating: " ", count: 2 + 12 + 2 + idWidth + 1 + 2 + 7 + 2 + ruleWidth + 2)
                var detail: [String] = []
                if let expected = f.expected { detail.append(paint("expected: ", "2") + expected) }
                if let fix = f.fix, fix != AuditRules.rule(id: f.rule)?.help { detail.append(paint("fix: ", "2") + fix) }
                if !detail.isEmpty { out += indent + detail.joined(separator: paint(" · ", "2")) + "\n" }
            }
            out += "\n"
        }
        let files = report.files.count
        var accepted: [String] = []
        if !report.suppressed.isEmpty { accepted.append("\(report.suppressed.count) suppressed") }
        if report.baselineCount > 0 { accepted.append("\(report.baselineCount) in the baseline") }
        let tail = accepted.isEmpty ? "" : "; " + accepted.joined(separator: ", ") + " not shown"
        if report.findings.isEmpty {
            out += paint("✓", "32") + " no findings in \(files) file\(files == 1 ? "" : "s") for \(report.region) (\(report.orientation))\(tail)\n"
        } else {
            out += "\(report.findings.count) finding\(report.findings.count == 1 ? "" : "s") (\(summary(report.findings))) in \(files) file\(files == 1 ? "" : "s") for \(report.region) (\(report.orientation))\(tail)\n"
        }
        return out
    }

    private func summary(_ findings: [Finding]) -> String {
        var counts: [FindingSeverity: Int] = [:]
        for f in findings { counts[f.severity, default: 0] += 1 }
        let parts = FindingSeverity.allCases.reversed().map { s -> String in
            let n = counts[s] ?? 0
            let word = s.rawValue + (n == 1 ? "" : "s")
            return n == 0 ? "0 \(word)" : paint("\(n) \(word)", severityColor(s))
        }
        return parts.joined(separator: ", ")
    }

    private func severityColor(_ s: FindingSeverity) -> String {
        switch s {
        case .error: return "1;31"
        case .warning: return "33"
        case .note: return "36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Pads with spaces to `width` characters (never cuts).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
