import Localize
import Regions
import Subtitles
import SymbolDB

/// Region sensitivity: the profile's sensitive terms in the target (and source) track, and symbols the
/// glossary flags for the region.
enum SensitivityRules {
    static func check(_ scan: EpisodeScan, into findings: inout [Finding]) {
        let scanner = scan.context.sensitiveTerms
        if !scanner.isEmpty {
            for (index, text) in scan.targetTexts.enumerated() {
                for hit in scanner.hits(in: text) {
                    findings.append(finding(scan, hit, at: scan.targetLocation(index)))
                }
            }
            if let source = scan.input.source {
                for index in source.indices {
                    for hit in scanner.hits(in: source.text(at: index)) {
                        if let location = scan.sourceLocation(index) { findings.append(finding(scan, hit, at: location)) }
                    }
                }
            }
        }

        // Symbols with a sensitivity note for the region: once per symbol and episode, at the first occurrence.
        var seen = Set<String>()
        for occurrence in SymbolOccurrences.collect(scan) where seen.insert(occurrence.symbolID).inserted {
            guard let symbol = scan.context.symbols[occurrence.symbolID],
                  let note = scan.context.sensitivity(of: symbol) else { continue }
            findings.append(scan.finding(
                AuditRules.sensitivitySymbol, at: occurrence.location, severity: FindingSeverity(note.severity),
                message: "\(symbol.id) is flagged for \(scan.region.tag): \(note.note)",
                text: occurrence.text, expected: nil, fix: note.note, symbol: symbol.id))
        }
    }

    private static func finding(_ scan: EpisodeScan, _ hit: SensitiveTermScanner.Hit, at location: FindingLocation) -> Finding {
        scan.finding(AuditRules.sensitivityTerm, at: location, severity: hit.entry.severity,
                     message: "'\(hit.text)' is sensitive in \(scan.region.tag): \(hit.entry.reason)",
                     text: hit.text, expected: nil, fix: hit.entry.reason)
    }
}
