import Localize
import Regions
import Subtitles

/// Finds a region's sensitive terms in text: case-insensitive, on word boundaries for spaced scripts.
struct SensitiveTermScanner: Sendable {
    struct Entry: Sendable {
        var term: String
        var scalars: [Unicode.Scalar]
        var reason: String
        var severity: FindingSeverity
    }

    struct Hit {
        var entry: Entry
        var text: String
    }

    let entries: [Entry]

    init(_ terms: [SensitiveTerm]) {
        var entries: [Entry] = []
        for group in terms {
            for term in group.terms {
                let scalars = Array(term.lowercased().unicodeScalars)
                if scalars.isEmpty { continue }
                entries.append(Entry(term: term, scalars: scalars, reason: group.reason, severity: FindingSeverity(group.severity)))
            }
        }
        self.entries = entries
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Every term found in `text` (each term once per text).
    func hits(in text: String) -> [Hit] {
        guard !entries.isEmpty, !text.isEmpty else { return [] }
        let original = Array(text.unicodeScalars)
        let lowered = Array(text.lowercased().unicodeScalars)
        let sameShape = original.count == lowered.count
        var hits: [Hit] = []
        for entry in entries {
            guard let at = Self.find(entry.scalars, in: lowered) else { continue }
            let matched = sameShape
                ? String(String.UnicodeScalarView(original[at..<(at + entry.scalars.count)]))
                : entry.term
            hits.append(Hit(entry: entry, text: matched))
        }
        return hits
    }

    /// The first word-bounded occurrence of `needle` in `haystack`.
    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        let n = needle.count, h = haystack.count
        guard n <= h, let head = needle.first else { return nil }
        let checkStart = !isUnspaced(head)
        let checkEnd = !isUnspaced(needle[n - 1])
        var i = 0
        while i <= h - n {
            if haystack[i] == head {
                var j = 1
                while j < n && haystack[i + j] == needle[j] { j += 1 }
                if j == n {
                    let startOK = !checkStart || i == 0 || !isWordScalar(haystack[i - 1])
                    let endOK = !checkEnd || i + n == h || !isWordScalar(haystack[i + n])
                    if startOK && endOK { return i }
                }
            }
            i += 1
        }
        return nil
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Scripts written without spaces (Thai, Lao, Khmer, Myanmar, CJK, Hangul): no word boundary needed.
    static func isUnspaced(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
