import Audit
import Foundation
import Localize
import Regions
import Subtitles
import Testing

/// Issue 16: the audit keeps its per-cue findings in a temp file and writes text, JSON and SARIF one finding at a
/// time. The streamed reports must be the in-memory ones byte for byte: same order, fingerprints, suppressions,
/// baseline, groups and summaries.
@Suite("Stored (streamed) reports")
struct StoredReportTests {
    /// A small series: the planted episode under two names (so findings repeat across episodes), and the clean one.
    static func series() throws -> (inputs: [EpisodeInput], auditor: TrackAuditor) {
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: AuditFixtures.symbols)
        let inputs = [try AuditFixtures.episode("planted", episode: "ep10"), try AuditFixtures.episode("planted", episode: "ep2"),
                      try AuditFixtures.episode("clean", episode: "ep03")]
        return (inputs, auditor)
    }

    static func inMemory(_ suppressions: [Suppression], _ baseline: Baseline?) throws -> AuditReport {
        let (inputs, auditor) = try series()
        return SeriesAudit.combine(inputs.map { auditor.audit($0) }, context: auditor.context).applying(suppressions, baseline: baseline)
    }

    static func stored(_ suppressions: [Suppression], _ baseline: Baseline?) throws -> StoredAuditReport {
        let (inputs, auditor) = try series()
        let store = try FindingStore()
        let results = inputs.map { auditor.audit($0, qcStore: store) }
        #expect(store.count > 0, "QC findings went to the store")
        let files = SeriesAudit.combine(results, context: auditor.context, into: store)
        return try StoredAuditReport(region: auditor.context.region.tag, orientation: auditor.context.options.orientation.rawValue,
                                     files: files, all: store, suppressions: suppressions, baseline: baseline)
    }

    static func streamed(_ write: (ReportSink) throws -> Void) rethrows -> String {
        let sink = StringReportSink()
        try write(sink)
        return sink.text
    }

    @Test("text, JSON and SARIF streamed from the store equal the in-memory reports, with suppressions and a baseline")
    func streamedEqualsInMemory() throws {
        let plain = try Self.inMemory([], nil)
        #expect(plain.findings.count > 20)
        // Accept one rule in one episode, and put two other findings in a baseline.
        let qcRule = try #require(plain.findings.first { $0.rule.hasPrefix("qc.") }?.rule)
        let suppressions = [Suppression(rule: qcRule, episode: "ep2", reason: "accepted", origin: ".locctl-audit.yaml:3")]
        let baseline = Baseline(fingerprints: Set(plain.findings.suffix(2).map(\.fingerprint)))
        for (s, b) in [([Suppression](), nil as Baseline?), (suppressions, baseline)] {
            let memory = try Self.inMemory(s, b)
            let stored = try Self.stored(s, b)
            #expect(stored.findingCount == memory.findings.count)
            #expect(stored.suppressed.count == memory.suppressed.count)
            #expect(stored.baselineCount == memory.baselineCount)
            if !s.isEmpty { #expect(memory.suppressed.count > 0 && memory.baselineCount == 2) }
            #expect(try Self.streamed { try JSONReport.write(stored, to: $0) } == JSONReport.render(memory))
            #expect(try Self.streamed { try SARIFReport.write(stored, to: $0) } == SARIFReport.render(memory))
            for color in [false, true] {
                let text = try Self.streamed { try TextReport(color: color).write(stored, to: $0) }
                #expect(text == TextReport(color: color).render(memory))
            }
            let materialized = try stored.materialized()
            #expect(MarkdownReport.render(materialized) == MarkdownReport.render(memory))
            #expect(stored.fails(at: .warning) == memory.fails(at: .warning))
            #expect(stored.highestSeverity == memory.highestSeverity)
        }
    }

    @Test("a clean series streams the same '✓ no findings' report and empty JSON arrays")
    func emptyReport() throws {
        let store = try FindingStore()
        let files = [AuditReport.AuditedFile(episode: "ep01", file: "ep01.en.srt", sourceFile: nil, cueCount: 3)]
        let stored = try StoredAuditReport(region: "en-US", orientation: "vertical", files: files, all: store)
        let memory = AuditReport(region: "en-US", orientation: "vertical", files: files, findings: [])
        #expect(try Self.streamed { try JSONReport.write(stored, to: $0) } == JSONReport.render(memory))
        #expect(try Self.streamed { try SARIFReport.write(stored, to: $0) } == SARIFReport.render(memory))
        #expect(try Self.streamed { try TextReport(color: false).write(stored, to: $0) } == TextReport(color: false).render(memory))
    }

    @Test("the store gives back every field, in report order, ties by text in the order they were added")
    func storeRoundTrip() throws {
        let store = try FindingStore()
        func finding(_ episode: String, _ ms: Int64?, _ cue: Int?, _ rule: String, _ text: String, _ message: String) -> Finding {
            var f = Finding(rule: rule, severity: .warning, episode: episode,
                            location: FindingLocation(file: "\(episode).en.srt", cueIndex: cue, cueID: cue.map { "\($0 + 1)" },
                                                      start: ms.map(Timestamp.init(milliseconds:)), end: ms.map { Timestamp(milliseconds: $0 + 500) },
                                                      line: cue.map { $0 * 4 + 1 }),
                            message: message, text: text, expected: "≤ 25", fix: nil, symbolID: rule.hasPrefix("glossary") ? "face" : nil)
            f.context = FindingContext(target: "目标 \(text)", source: ["源", "第二"])
            return f
        }
        let added = [
            finding("ep2", 5000, 3, "qc.reading-speed", "b", "one"),
            finding("ep10", 1000, 0, "qc.chars-per-line", "zz", "two"),
            finding("ep2", 5000, 3, "qc.chars-per-line", "b", "three"),
            finding("ep2", 5000, 3, "qc.chars-per-line", "a", "four"),
            finding("ep2", 5000, 3, "qc.chars-per-line", "b", "five"),
            finding("ep2", nil, nil, "coverage.no-gloss", "", "six"),
            finding("ep10", 1000, 0, "glossary.pinyin-leftover", "Zhongqiu", "seven"),
        ]
        store.append(contentsOf: added.prefix(3))
        store.append(contentsOf: added.dropFirst(3))
        var read: [Finding] = []
        try store.forEach { read.append($0) }
        #expect(read == added.sorted { a, b in
            // reportOrder, ties kept in the order added (a stable sort)
            let ia = added.firstIndex(of: a)!, ib = added.firstIndex(of: b)!
            if a.episode != b.episode { return a.episode < b.episode }
            let ta = a.location.start?.milliseconds ?? -1, tb = b.location.start?.milliseconds ?? -1
            if ta != tb { return ta < tb }
            let ca = a.location.cueIndex ?? -1, cb = b.location.cueIndex ?? -1
            if ca != cb { return ca < cb }
            if a.rule != b.rule { return a.rule < b.rule }
            if a.text != b.text { return a.text < b.text }
            return ia < ib
        })
        #expect(read.map(\.message) == ["seven", "two", "six", "four", "three", "five", "one"])
        // Text order: episodes as listed, then errors first (all warnings here), then report order.
        var byEpisode: [String] = []
        try store.forEach(in: .severityFirst, episodeOrder: ["ep2", "ep10"]) { byEpisode.append($0.message) }
        #expect(byEpisode == ["six", "four", "three", "five", "one", "seven", "two"])
    }

    @Test("cue lines from the file's bytes equal those from its text (CRLF, CR, BOM, non-ASCII blank lines)")
    func cueLinesFromBytes() {
        let texts = [
            "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
            "\u{FEFF}1\r\n00:00:01,000 --> 00:00:02,000\r\nA\r\n\r\n\u{3000}\r\n00:00:03,000 --> 00:00:04,000\r\nB",
            "WEBVTT\r\rid\r00:01.000 --> 00:02.000\r好\r\r\u{00A0}\r00:03.000 --> 00:04.000\r再见\r",
        ]
        for text in texts {
            let fromText = CueLines.locate(in: text, cueCount: 2)
            #expect(fromText != nil, "\(text.debugDescription)")
            #expect(CueLines.locate(in: Data(text.utf8), cueCount: 2) == fromText, "\(text.debugDescription)")
        }
        #expect(CueLines.locate(in: texts[1], cueCount: 2) == [1, 6])
        #expect(CueLines.locate(in: texts[2], cueCount: 2) == [3, 8])
    }
}
