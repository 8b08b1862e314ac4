/// A readable table grouped by episode, with ANSI colour when `color` is true.
public struct TextReport: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    /// Episodes in file order, each with its findings errors first; a finding that recurs (same rule, symbol and
    /// text) is shown once, where it first occurs, with its count and the other places; an action summary ends it.
    public func render(_ report: AuditReport) -> String {
        var out = ""
        let groups = report.sameFindingGroups
        var groupOf: [String: [Finding]] = [:]
        for (_, members) in groups { for f in members { groupOf[f.fingerprint] = members } }
        for (episode, findings) in report.findingsByEpisode {
            let files = report.files.filter { $0.episode == episode }
            let file = files.first?.file ?? findings.first?.location.file ?? ""
            let cues = files.reduce(0) { $0 + $1.cueCount }
            out += paint(episode, "1") + "  " + file + paint("  (\(cues) cues, \(summary(findings)))", "2") + "\n"
            // Shown: the first of each group; severity first, then report order.
            let shown = findings.enumerated()
                .filter { groupOf[$0.element.fingerprint]?.first?.fingerprint == $0.element.fingerprint }
                .sorted { $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset }
                .map(\.element)
            let idWidth = shown.map { ($0.location.cueLabel ?? "-").count }.max() ?? 1
            let ruleWidth = shown.map(\.rule.count).max() ?? 0
            for f in shown {
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
                if let members = groupOf[f.fingerprint], members.count > 1 {
                    out += indent + paint("×\(members.count) in \(Self.episodes(members)): ", "2") + Self.places(members.dropFirst()) + "\n"
                }
            }
            let repeated = findings.count - shown.count
            if repeated > 0 { out += "  " + paint("(\(repeated) more shown with their first occurrence)", "2") + "\n" }
            out += "\n"
        }
        out += actionSummary(report)
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

    /// What a lead does next: per severity, the rules by count with their episodes; how to accept findings.
    func actionSummary(_ report: AuditReport) -> String {
        guard !report.findings.isEmpty else { return "" }
        var out = paint("Summary", "1") + "\n"
        let verbs: [FindingSeverity: String] = [.error: "fix first", .warning: "then review", .note: "when there is time"]
        for severity in FindingSeverity.allCases.reversed() {
            let findings = report.findings.filter { $0.severity == severity }
            guard !findings.isEmpty else { continue }
            var byRule: [String: [Finding]] = [:]
            for f in findings { byRule[f.rule, default: []].append(f) }
            let rules = byRule.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : AuditRules.order(of: $0.key) < AuditRules.order(of: $1.key) }
            let word = severity.rawValue + (findings.count == 1 ? "" : "s")
            out += "  " + paint("\(verbs[severity] ?? ""): \(findings.count) \(word)", severityColor(severity)) + "\n"
            for (rule, members) in rules {
                out += "    \(rule) ×\(members.count) (\(Self.episodes(members)))\n"
            }
        }
        out += "  " + paint("accept a finding: add rule + symbol + episode/cue (or its fingerprint) and a reason to \(SuppressionFile.defaultName); report only new ones with --baseline PREVIOUS.json", "2") + "\n"
        return out
    }

    /// The episodes of `findings`, consecutive numbered runs shortened: `ep01–ep20`, `ep01–ep03, ep07`
    /// (at most 5 items, then `+N more`).
    static func episodes<C: Collection>(_ findings: C) -> String where C.Element == Finding {
        var order: [String] = []
        var seen = Set<String>()
        for f in findings where seen.insert(f.episode).inserted { order.append(f.episode) }
        return episodes(distinct: order)
    }

    /// ``episodes(_:)`` from the distinct episode names in order.
    static func episodes(distinct order: [String]) -> String {
        var items: [String] = []
        var run: [(name: String, prefix: String, number: Int, width: Int)] = []
        func flush() {
            guard let first = run.first, let last = run.last else { return }
            items.append(run.count >= 3 ? "\(first.name)–\(last.name)" : run.map(\.name).joined(separator: ", "))
            run.removeAll()
        }
        for name in order {
            let digits = name.reversed().prefix(while: \.isNumber)
            guard !digits.isEmpty, let number = Int(String(digits.reversed())) else { flush(); items.append(name); continue }
            let prefix = String(name.dropLast(digits.count))
            if let last = run.last, last.prefix == prefix, last.width == digits.count, last.number + 1 == number {
                run.append((name, prefix, number, digits.count))
            } else {
                flush()
                run = [(name, prefix, number, digits.count)]
            }
        }
        flush()
        let parts = items.joined(separator: ", ").components(separatedBy: ", ")
        return parts.count > 5 ? parts.prefix(5).joined(separator: ", ") + " (+\(parts.count - 5) more)" : parts.joined(separator: ", ")
    }

    /// `ep01 #9, ep02 #3` for the places of `findings` (at most 8).
    static func places<C: Collection>(_ findings: C) -> String where C.Element == Finding {
        places(findings.prefix(9).map(place), count: findings.count)
    }

    /// `ep01 #9`.
    static func place(_ f: Finding) -> String { "\(f.episode) #\(f.location.cueLabel ?? "-")" }

    /// ``places(_:)`` from the first 9 places (or all) and how many there are.
    static func places(_ first: [String], count: Int) -> String {
        first.prefix(8).joined(separator: ", ") + (count > 8 ? ", …" : "")
    }

    private func summary(_ findings: [Finding]) -> String {
        var counts: [FindingSeverity: Int] = [:]
        for f in findings { counts[f.severity, default: 0] += 1 }
        return summary(counts: counts)
    }

    func summary(counts: [FindingSeverity: Int]) -> String {
        let parts = FindingSeverity.allCases.reversed().map { s -> String in
            let n = counts[s] ?? 0
            let word = s.rawValue + (n == 1 ? "" : "s")
            return n == 0 ? "0 \(word)" : paint("\(n) \(word)", severityColor(s))
        }
        return parts.joined(separator: ", ")
    }

    func severityColor(_ s: FindingSeverity) -> String {
        switch s {
        case .error: return "1;31"
        case .warning: return "33"
        case .note: return "36"
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Pads with spaces to `width` characters (never cuts).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
