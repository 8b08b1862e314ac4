import TextServices
/// A self-contained HTML page: per-episode summary, an inline SVG bar chart of findings by rule, filters by
/// severity, rule and episode, and the findings of each episode, errors first. No scripts, no external
/// resources (the filters are radio buttons and CSS `:checked` rules); every text is escaped.
public enum HTMLReport {
    /// `media`: each episode's video URL (see ``MediaLinks``); a finding on a timed cue then links to that cue.
    public static func render(_ report: AuditReport, media: [String: String] = [:]) -> String {
        let title = "locctl audit — \(report.region) (\(report.orientation))"
        var out = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
        th{background:#f3f3f3}td.n{text-align:right}.error{color:#b00020;font-weight:600}.warning{color:#a05a00}.note{color:#00639b}
        code{font-family:ui-monospace,monospace}.muted{color:#666}svg text{font:12px system-ui,sans-serif}
        .filters{margin:1em 0;padding:.5em;border:1px solid #ddd}.filters div{margin:.2em 0}.filters label{margin-right:.8em;cursor:pointer}
        input.filter{position:absolute;opacity:0;pointer-events:none}
        .src{color:#555;font-size:90%;margin-top:.2em}mark{background:#fff3b0}a.play{margin-left:.4em;text-decoration:none}
        \(filterCSS(report))
        </style></head><body>
        <h1>\(escape(title))</h1>

        """
        let counts = report.countsBySeverity
        out += "<p>\(plural(report.findings.count, "finding")) in \(plural(report.files.count, "file")): "
        out += FindingSeverity.allCases.reversed().map { "<span class=\"\($0.rawValue)\">\(plural(counts[$0] ?? 0, $0.rawValue))</span>" }.joined(separator: ", ")
        out += ".</p>\n"

        // Per-episode summary.
        out += "<h2>Episodes</h2>\n<table><thead><tr><th>episode</th><th>file</th><th>source</th><th>cues</th><th>errors</th><th>warnings</th><th>notes</th></tr></thead><tbody>\n"
        let groups = report.findingsByEpisode
        for (episode, findings) in groups {
            let files = report.files.filter { $0.episode == episode }
            var c: [FindingSeverity: Int] = [:]
            for f in findings { c[f.severity, default: 0] += 1 }
            out += "<tr><td><a href=\"#\(anchor(episode))\">\(escape(episode))</a></td><td><code>\(escape(files.first?.file ?? ""))</code></td>"
            out += "<td><code>\(escape(files.first?.sourceFile ?? "—"))</code></td><td class=\"n\">\(files.reduce(0) { $0 + $1.cueCount })</td>"
            out += "<td class=\"n error\">\(c[.error] ?? 0)</td><td class=\"n warning\">\(c[.warning] ?? 0)</td><td class=\"n note\">\(c[.note] ?? 0)</td></tr>\n"
        }
        out += "</tbody></table>\n"

        out += "<h2>Findings by rule</h2>\n" + chart(report.countsByRule) + "\n"

        out += filterControls(report)
        out += "<div class=\"findings\">\n"
        for (episode, findings) in groups {
            out += "<section class=\"episode \(anchor(episode))\"><h2 id=\"\(anchor(episode))\">\(escape(episode))</h2>\n"
            if findings.isEmpty { out += "<p class=\"muted\">No findings.</p></section>\n"; continue }
            out += "<table><thead><tr><th>time</th><th>cue</th><th>severity</th><th>rule</th><th>message</th><th>cue in context</th><th>expected</th><th>fix</th></tr></thead><tbody>\n"
            let ordered = findings.enumerated().sorted { $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset }.map(\.element)
            for f in ordered {
                out += "<tr class=\"f sev-\(f.severity.rawValue) \(ruleClass(f.rule)) \(anchor(episode))\"><td>\(escape(f.location.start?.formatted() ?? ""))</td><td>\(escape(f.location.cueLabel ?? ""))\(playLink(f, media))</td>"
                out += "<td class=\"\(f.severity.rawValue)\">\(f.severity.rawValue)</td><td><code>\(escape(f.rule))</code></td>"
                out += "<td>\(escape(f.message))</td><td>\(contextCell(f))</td><td>\(escape(f.expected ?? ""))</td><td>\(escape(f.fix ?? ""))</td></tr>\n"
            }
            out += "</tbody></table></section>\n"
        }
        out += "</div>\n</body></html>\n"
        return out
    }

    /// A link that plays the finding's cue in its episode's video, when there is one and the cue is timed.
    static func playLink(_ f: Finding, _ media: [String: String]) -> String {
        guard let video = media[f.episode], let start = f.location.start else { return "" }
        let href = MediaLinks.fragment(video, startMs: start.milliseconds, endMs: f.location.end?.milliseconds)
        return " <a class=\"play\" href=\"\(escape(href))\" title=\"play this cue\">▶</a>"
    }

    /// The target cue (with the offending text marked) over its aligned source cues; the text alone without a cue.
    static func contextCell(_ f: Finding) -> String {
        guard let context = f.context else { return escape(f.text) }
        var target = escape(context.target).replacingOccurrences(of: "\n", with: "<br>")
        let marked = escape(f.text)
        if !f.text.isEmpty, f.text != context.target, target.contains(marked) {
            target = target.replacingOccurrences(of: marked, with: "<mark>\(marked)</mark>")
        }
        var cell = "<div class=\"tgt\">\(target)</div>"
        for source in context.source {
            cell += "<div class=\"src\" lang=\"zh\">\(escape(source).replacingOccurrences(of: "\n", with: "<br>"))</div>"
        }
        return cell
    }

    /// The filter dimensions: (input name, value class, label) per severity, rule and episode present.
    static func filterValues(_ report: AuditReport) -> [(name: String, values: [(id: String, label: String)])] {
        let severities = FindingSeverity.allCases.reversed().filter { s in report.findings.contains { $0.severity == s } }
        return [
            ("severity", severities.map { ("sev-\($0.rawValue)", $0.rawValue) }),
            ("rule", report.countsByRule.map { (ruleClass($0.rule), "\($0.rule) (\($0.count))") }),
            ("episode", report.findingsByEpisode.filter { !$0.findings.isEmpty }.map { (anchor($0.episode), $0.episode) }),
        ]
    }

    /// Radio buttons (siblings of the findings, so CSS can see which is checked) and their labels.
    static func filterControls(_ report: AuditReport) -> String {
        var inputs = "", labels = "<div class=\"filters\"><strong>Filter</strong>\n"
        for (name, values) in filterValues(report) {
            inputs += "<input class=\"filter\" type=\"radio\" name=\"\(name)\" id=\"\(name)-all\" checked>"
            labels += "<div>\(name): <label for=\"\(name)-all\">all</label>"
            for value in values {
                inputs += "<input class=\"filter\" type=\"radio\" name=\"\(name)\" id=\"f-\(value.id)\">"
                labels += "<label for=\"f-\(value.id)\">\(escape(value.label))</label>"
            }
            labels += "</div>\n"
        }
        return inputs + "\n" + labels + "</div>\n"
    }

    /// One rule per filter value: when it is checked, rows without its class are hidden (and so are episode
    /// sections for an episode filter); the checked label is underlined.
    static func filterCSS(_ report: AuditReport) -> String {
        var css = ""
        for (name, values) in filterValues(report) {
            css += "#\(name)-all:checked~.filters label[for=\"\(name)-all\"]{text-decoration:underline;font-weight:600}"
            for value in values {
                css += "#f-\(value.id):checked~.findings tr.f:not(.\(value.id)){display:none}"
                if name == "episode" { css += "#f-\(value.id):checked~.findings section.episode:not(.\(value.id)){display:none}" }
                css += "#f-\(value.id):checked~.filters label[for=\"f-\(value.id)\"]{text-decoration:underline;font-weight:600}"
            }
            css += "\n"
        }
        return css
    }

    /// `glossary.not-preferred` → `rule-glossary-not-preferred`.
    static func ruleClass(_ rule: String) -> String {
        "rule-" + String(rule.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
    }

    /// A horizontal bar chart, one bar per rule, as inline SVG.
    static func chart(_ counts: [(rule: String, count: Int)]) -> String {
        guard !counts.isEmpty else { return "<p class=\"muted\">No findings.</p>" }
        let labelWidth = 230, barWidth = 400, rowHeight = 22
        let maximum = max(1, counts.map(\.count).max() ?? 1)
        let height = counts.count * rowHeight + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(height)\" role=\"img\" aria-label=\"Findings by rule\">\n"
        for (i, item) in counts.enumerated() {
            let y = 5 + i * rowHeight
            let width = max(2, barWidth * item.count / maximum)
            let color: String
            switch AuditRules.rule(id: item.rule)?.family {
            case .glossary?: color = "#5b6abf"
            case .sensitivity?: color = "#c0392b"
            case .coverage?: color = "#2e8b57"
            default: color = "#d08a00"
            }
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(item.rule))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"\(color)\"><title>\(escape(item.rule)): \(item.count)</title></rect>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(item.count)</text>\n"
        }
        return svg + "</svg>"
    }

    /// Text safe in HTML element content and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        HTMLText.escape(text)
    }

    /// An id for an episode heading (letters, digits, `-`, `_`; others as `-`).
    static func anchor(_ episode: String) -> String {
        "ep-" + String(episode.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
    }
}
