import Regions
import Subtitles
import TextServices

/// Finds where to cut a cue's text into parts: sentence ends first (UAX #29), then clause punctuation,
/// then word boundaries (dictionary-based for Chinese, Japanese and Thai), nearest the proportional targets.
struct ClauseSplitter: Sendable {
    var locale: String

    /// `parts` pieces of `text` (line breaks read as spaces, or nothing between CJK characters), trimmed;
    /// nil when the text has too few places to cut.
    func split(_ text: String, into parts: Int) -> [String]? {
        guard parts >= 2 else { return [text] }
        let units = Array(text.utf16)
        let n = units.count
        guard n > 1 else { return nil }
        let dictionary = UnicodeScript.segmentationLocale(of: text).flatMap { ["zh", "ja", "th"].contains($0) ? $0 : nil }
        var ranked: [Int: Double] = [:]
        // An earlier wrap's line breaks are no sentence ends (UAX #29 ends a sentence at every line feed): in
        // spaced text the boundaries are found with them read as spaces (same UTF-16 offsets). (Chinese and
        // Japanese keep them: a line break there often stands for a pause the translator wrote.)
        let flat = dictionary == nil && text.contains("\n") ? String(decoding: units.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF16.self) : text
        for b in (try? TextBreaker(kind: .sentence, locale: locale))?.boundaries(in: flat) ?? [] where b > 0 && b < n { ranked[b] = 0 }
        let clause: Set<UInt16> = Set("，,;；、：:。！？!?".utf16)
        for k in 0..<(n - 1) where clause.contains(units[k]) && ranked[k + 1] == nil { ranked[k + 1] = 0.15 }
        // Word boundaries: any dictionary word boundary in Chinese, Japanese and Thai; in spaced text only at a
        // space, never inside a hyphenated compound or a contraction ("live-|in", "son-|in-law", "don|'t").
        for b in (try? TextBreaker(kind: .word, locale: dictionary ?? locale))?.boundaries(in: flat) ?? [] where b > 0 && b < n && ranked[b] == nil {
            if dictionary == nil && !(Character(Unicode.Scalar(units[b - 1]) ?? "x").isWhitespace) { continue }
            ranked[b] = 0.4
        }
        // Boundaries before spaces fold into the boundary after them.
        let candidates = ranked.filter { b, _ in !(Character(Unicode.Scalar(units[b]) ?? " ").isWhitespace) }.sorted { $0.key < $1.key }
        guard candidates.count >= parts - 1 else { return nil }
        var cuts: [Int] = []
        var from = 0
        for p in 1..<parts {
            let target = Double(n) * Double(p) / Double(parts)
            let remainingNeeded = parts - 1 - p
            let usable = candidates.filter { $0.key > from }
            guard usable.count > remainingNeeded else { return nil }
            let pool = remainingNeeded > 0 ? Array(usable.dropLast(remainingNeeded)) : usable
            guard let best = pool.min(by: { a, b in
                a.value + abs(Double(a.key) - target) / Double(n) < b.value + abs(Double(b.key) - target) / Double(n)
            }) else { return nil }
            cuts.append(best.key)
            from = best.key
        }
        var result: [String] = []
        var start = 0
        for cut in cuts + [n] {
            let piece = String(decoding: units[start..<cut], as: UTF16.self)
            result.append(piece.trimmingWhitespace())
            start = cut
        }
        return result.contains(where: \.isEmpty) ? nil : result
    }
}
