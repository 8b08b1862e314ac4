extension TextReport {
    /// Writes the same text as ``render(_:)`` for a stored report: one pass over the findings gathers counts,
    /// column widths and the same-finding groups (compact: a hash, a count, the episodes and the first places),
    /// a second writes them in the text order (per episode, errors first).
    public func write(_ report: StoredAuditReport, to sink: ReportSink) throws {
        struct Group {
            var first: String
            var count = 0
            var episodes: [String] = []
            var places: [String] = []   // of members 2…10
        }
        struct Episode {
            var counts: [FindingSeverity: Int] = [:]
            var total = 0
            var shown = 0
            var idWidth: Int?
            var ruleWidth: Int?
            var firstFile: String?
        }
        struct RuleTally {
            var count = 0
            var episodes: [String] = []
        }
        func groupKey(_ f: Finding) -> UInt64 {
            FindingFingerprint.fnv1a([f.rule, f.severity.rawValue, f.symbolID ?? "", f.text].joined(separator: "\u{1F}"))
        }
        var groups: [UInt64: Group] = [:]
        var episodes: [String: Episode] = [:]
        var findingEpisodes: [String] = []
        var tallies: [FindingSeverity: [String: RuleTally]] = [:]
        try report.findings.forEach(in: .report) { f in
            let key = groupKey(f)
            var group = groups[key] ?? Group(first: f.fingerprint)
            let isFirst = group.count == 0
            if !isFirst && group.places.count < 9 { group.places.append(Self.place(f)) }
            group.count += 1
            if group.episodes.last != f.episode { group.episodes.append(f.episode) }   // report order: episodes come together
            groups[key] = group

            if episodes[f.episode] == nil { findingEpisodes.append(f.episode) }
            var e = episodes[f.episode] ?? Episode()
            e.counts[f.severity, default: 0] += 1
            e.total += 1
            if e.firstFile == nil { e.firstFile = f.location.file }
            if isFirst {
                e.shown += 1
                e.idWidth = max(e.idWidth ?? 0, (f.location.cueLabel ?? "-").count)
                e.ruleWidth = max(e.ruleWidth ?? 0, f.rule.count)
            }
            episodes[f.episode] = e

            var tally = tallies[f.severity, default: [:]][f.rule] ?? RuleTally()
            tally.count += 1
            if tally.episodes.last != f.episode { tally.episodes.append(f.episode) }
            tallies[f.severity, default: [:]][f.rule] = tally
        }

        // Episodes in file order, then those only findings name.
        var order: [String] = []
        var seen = Set<String>()
        for file in report.files where seen.insert(file.episode).inserted { order.append(file.episode) }
        for name in findingEpisodes where seen.insert(name).inserted { order.append(name) }

        var next = 0          // the next episode of `order` to open
        var open: (name: String, info: Episode)?
        func close() throws {
            guard let current = open else { return }
            let repeated = current.info.total - current.info.shown
            var out = ""
            if repeated > 0 { out += "  " + paint("(\(repeated) more shown with their first occurrence)", "2") + "\n" }
            out += "\n"
            try sink.write(out)
            open = nil
        }
        func openEpisode(_ name: String) throws {
            let info = episodes[name] ?? Episode()
            let files = report.files.filter { $0.episode == name }
            let file = files.first?.file ?? info.firstFile ?? ""
            let cues = files.reduce(0) { $0 + $1.cueCount }
            try sink.write(paint(name, "1") + "  " + file + paint("  (\(cues) cues, \(summary(counts: info.counts)))", "2") + "\n")
            open = (name, info)
        }
        /// Opens (and closes) every episode up to `name`.
        func advance(to name: String?) throws {
            while next < order.count, order[next] != name {
                try close()
                try openEpisode(order[next])
                next += 1
            }
            if let name, next < order.count {
                try close()
                try openEpisode(name)
                next += 1
            }
        }
        try report.findings.forEach(in: .severityFirst, episodeOrder: order) { f in
            if open?.name != f.episode { try advance(to: f.episode) }
            let key = groupKey(f)
            guard let group = groups[key], group.first == f.fingerprint, let info = open?.info else { return }
            let idWidth = info.idWidth ?? 1, ruleWidth = info.ruleWidth ?? 0
            let file = report.files.first(where: { $0.episode == f.episode })?.file ?? info.firstFile ?? ""
            let time = f.location.start?.formatted() ?? "            "
            let id = "#" + (f.location.cueLabel ?? "-").padding(idWidth)
            let severity = paint(f.severity.rawValue.padding(7), severityColor(f.severity))
            let fileNote = f.location.file == file ? "" : paint(" [\(f.location.file)]", "2")
            var out = "  " + paint(time, "2") + "  " + id + "  " + severity + "  " + f.rule.padding(ruleWidth) + "  " + f.message + fileNote + "\n"
            let indent = String(repeating: " ", count: 2 + 12 + 2 + idWidth + 1 + 2 + 7 + 2 + ruleWidth + 2)
            var detail: [String] = []
            if let expected = f.expected { detail.append(paint("expected: ", "2") + expected) }
            if let fix = f.fix, fix != AuditRules.rule(id: f.rule)?.help { detail.append(paint("fix: ", "2") + fix) }
            if !detail.isEmpty { out += indent + detail.joined(separator: paint(" · ", "2")) + "\n" }
            if group.count > 1 {
                out += indent + paint("×\(group.count) in \(Self.episodes(distinct: group.episodes)): ", "2")
                    + Self.places(group.places, count: group.count - 1) + "\n"
            }
            try sink.write(out)
        }
        try advance(to: nil)
        try close()

        // The action summary and the last line, as render(_:) ends.
        var out = ""
        if report.findingCount > 0 {
            out += paint("Summary", "1") + "\n"
            let verbs: [FindingSeverity: String] = [.error: "fix first", .warning: "then review", .note: "when there is time"]
            for severity in FindingSeverity.allCases.reversed() {
                let count = report.countsBySeverity[severity] ?? 0
                guard count > 0, let byRule = tallies[severity] else { continue }
                let rules = byRule.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : AuditRules.order(of: $0.key) < AuditRules.order(of: $1.key) }
                let word = severity.rawValue + (count == 1 ? "" : "s")
                out += "  " + paint("\(verbs[severity] ?? ""): \(count) \(word)", severityColor(severity)) + "\n"
                for (rule, tally) in rules { out += "    \(rule) ×\(tally.count) (\(Self.episodes(distinct: tally.episodes)))\n" }
            }
            out += "  " + paint("accept a finding: add rule + symbol + episode/cue (or its fingerprint) and a reason to \(SuppressionFile.defaultName); report only new ones with --baseline PREVIOUS.json", "2") + "\n"
        }
        let files = report.files.count
        var accepted: [String] = []
        if report.suppressed.count > 0 { accepted.append("\(report.suppressed.count) suppressed") }
        if report.baselineCount > 0 { accepted.append("\(report.baselineCount) in the baseline") }
        let tail = accepted.isEmpty ? "" : "; " + accepted.joined(separator: ", ") + " not shown"
        if report.findingCount == 0 {
            out += paint("✓", "32") + " no findings in \(files) file\(files == 1 ? "" : "s") for \(report.region) (\(report.orientation))\(tail)\n"
        } else {
            out += "\(report.findingCount) finding\(report.findingCount == 1 ? "" : "s") (\(summary(counts: report.countsBySeverity))) in \(files) file\(files == 1 ? "" : "s") for \(report.region) (\(report.orientation))\(tail)\n"
        }
        try sink.write(out)
    }
}
