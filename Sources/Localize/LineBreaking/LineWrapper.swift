import Regions
import Subtitles
import TextServices

/// Re-breaks cue text into lines that fit a region's line limits.
///
/// Latin-script (and Korean, Arabic …) text breaks at spaces where UAX #14 allows a line break; Chinese,
/// Japanese and Thai break only at dictionary word boundaries that UAX #14 also allows, and never put
/// closing punctuation at the start of a line or an opening bracket at its end. Every candidate break has a
/// penalty (best after sentence punctuation, then clause punctuation, before conjunctions; worst inside a
/// protected term or name, or after an article); the wrapper takes the fewest lines that fit, then the
/// cheapest breaks plus line-balance cost. Nothing but whitespace at a break is ever removed, and nothing
/// is inserted except line breaks and the joiner that replaces an old line break.
struct LineWrapper: Sendable {
    var metrics: TextMetrics
    var limits: LineLimits
    var balance: LineBalance
    /// Region language subtag, for word lists and the segmentation locale.
    var language: String
    var protection: ProtectedTerms
    var protectCapitalizedNames: Bool
    /// Line-shape weights (`BreakWeights.standard` unless tuning).
    var weights: BreakWeights = .standard

    struct Result {
        var text: CueText
        var changed: Bool
        /// False when no break fits the limits; `text` then holds the break with the least overflow.
        var fits: Bool
    }

    /// Whether the cue's current lines already fit (count and length).
    func fits(_ text: CueText) -> Bool { fits(plain: text.plainText) }

    /// `fits` for a cue's plain text (the region limit check's line part).
    func fits(plain: String) -> Bool { LineFit(limits: limits, metrics: metrics).fits(plain) }

    func wrap(_ text: CueText) -> Result {
        let plain = text.plainText
        if fits(plain: plain) { return Result(text: text, changed: false, fits: true) }
        let layout = TextLayout(plain, wrapper: self)
        let (breaks, fits) = layout.bestBreaks()
        let edits = layout.edits(breakingAt: breaks)
        let wrapped = text.applying(edits)
        return Result(text: wrapped, changed: wrapped != text, fits: fits)
    }

    /// The text's script mode: dictionary-segmented locale (`zh`, `ja`, `th`) or nil for space-separated text.
    func dictionaryLocale(for text: String) -> (locale: String?, korean: Bool) {
        guard let detected = UnicodeScript.segmentationLocale(of: text) else { return (nil, false) }
        if detected == "ko" { return (nil, true) }
        let regionLanguage = String(language.prefix(2))
        if detected == "zh", regionLanguage == "ja" { return ("ja", false) }
        return (detected, false)
    }
}

/// Terms that must not be split across lines, indexed by first character.
struct ProtectedTerms: Sendable {
    private var byFirst: [Character: [String]] = [:]
    /// The all-ASCII terms as bytes, by first byte, longest first: for ASCII texts, where every character is
    /// one byte and can only equal an ASCII term character (nil when some term holds a character canonically
    /// equivalent to an ASCII one, so only the general path is exact).
    private var asciiByFirst: [[[UInt8]]]?

    init(_ terms: [String]) {
        for term in Set(terms) where term.count >= 2 {
            if let first = term.first { byFirst[first, default: []].append(term) }
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.count > $1.count } }
        var ascii = [[[UInt8]]](repeating: [], count: 128)
        var exact = true
        for terms in byFirst.values {
            for term in terms {
                if term.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                    let bytes = Array(term.utf8)
                    ascii[Int(bytes[0])].append(bytes)
                } else if term.unicodeScalars.contains(where: { Self.asciiEquivalents.contains($0.value) }) {
                    exact = false
                }
            }
        }
        for k in ascii.indices { ascii[k].sort { $0.count > $1.count } }
        asciiByFirst = exact ? ascii : nil
    }

    /// Non-ASCII scalars whose canonical decomposition is ASCII (KELVIN SIGN, GREEK QUESTION MARK, GREEK VARIA).
    private static let asciiEquivalents: Set<UInt32> = [0x212A, 0x037E, 0x1FEF]

    var isEmpty: Bool { byFirst.isEmpty }

    /// UTF-16 ranges of the terms in `text` (matched on text whose line breaks count as spaces).
    func ranges(in text: String) -> [Range<Int>] {
        guard !byFirst.isEmpty else { return [] }
        if let asciiByFirst, let result = Self.asciiRanges(in: text, terms: asciiByFirst) { return result }
        var result: [Range<Int>] = []
        var offset = 0
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if let candidates = byFirst[ch] {
                for term in candidates {
                    if Self.matches(term, in: text, at: index) {
                        result.append(offset..<(offset + Self.matchedLength(term, in: text, at: index)))
                        break
                    }
                }
            }
            offset += ch.utf16.count
            index = text.index(after: index)
        }
        return result
    }

    /// `ranges(in:)` for a text of ASCII characters other than CR (each character one byte and one UTF-16
    /// unit); nil for any other text.
    private static func asciiRanges(in text: String, terms: [[[UInt8]]]) -> [Range<Int>]? {
        var text = text
        return text.withUTF8 { bytes -> [Range<Int>]? in
            let n = bytes.count
            for k in 0..<n where bytes[k] >= 0x80 || bytes[k] == 0x0D { return nil }
            var result: [Range<Int>] = []
            for i in 0..<n {
                let candidates = terms[Int(bytes[i])]
                if candidates.isEmpty { continue }
                for term in candidates where term.count <= n - i {
                    var j = 1
                    while j < term.count {
                        let t = term[j], u = bytes[i + j]
                        if t != u && !(t == 0x20 && u == 0x0A) { break }
                        j += 1
                    }
                    if j == term.count {
                        result.append(i..<(i + term.count))
                        break
                    }
                }
            }
            return result
        }
    }

    /// Whether `term` occurs at `index`, where a term's space also matches a line break.
    private static func matches(_ term: String, in text: String, at index: String.Index) -> Bool {
        var i = index
        for ch in term {
            guard i < text.endIndex else { return false }
            let other = text[i]
            if other != ch && !(ch == " " && other == "\n") { return false }
            i = text.index(after: i)
        }
        return true
    }

    private static func matchedLength(_ term: String, in text: String, at index: String.Index) -> Int {
        text[index...].prefix(term.count).utf16.count
    }
}
