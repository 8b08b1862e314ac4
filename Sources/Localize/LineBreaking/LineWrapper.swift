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

/// One cue's plain text prepared for choosing breaks.
private struct TextLayout {
    struct Run { var start: Int; var end: Int; var hasNewline: Bool; var joiner: String }
    struct Candidate { var start: Int; var end: Int; var penalty: Double }

    let wrapper: LineWrapper
    let units: [UInt16]
    let n: Int
    var prefix: [Double]
    var runs: [Run] = []
    var candidates: [Candidate] = []
    /// Leading and trailing whitespace of the whole text (removed).
    var trim: [Range<Int>] = []

    init(_ text: String, wrapper: LineWrapper) {
        self.wrapper = wrapper
        let units = Array(text.utf16)
        let n = units.count
        self.units = units
        self.n = n
        self.prefix = []
        var chars: [Character] = []
        var charOfUnit = [Int](repeating: 0, count: n + 1)
        var width = [Double](repeating: 0, count: n)
        var isSpace = [Bool](repeating: false, count: n)
        var o = 0
        for ch in text {
            let len = ch.utf16.count
            for k in 0..<len { charOfUnit[o + k] = chars.count }
            width[o] = wrapper.metrics.width(of: ch)
            if BreakPunctuation.isBreakableSpace(ch) { for k in 0..<len { isSpace[o + k] = true } }
            chars.append(ch)
            o += len
        }
        charOfUnit[n] = chars.count
        func char(at unit: Int) -> Character? { unit >= 0 && unit < n ? chars[charOfUnit[unit]] : nil }

        let (dictionaryLocale, korean) = wrapper.dictionaryLocale(for: text)
        let spaced = dictionaryLocale == nil

        // Whitespace runs; an old line break inside a run becomes its joiner when not broken at.
        var runOfUnit = [Int](repeating: -1, count: n)
        var i = 0
        while i < n {
            guard isSpace[i] else { i += 1; continue }
            var j = i
            var newline = false, other: Character? = nil
            while j < n && isSpace[j] {
                if units[j] == 0x0A { newline = true } else if other == nil { other = char(at: j) }
                j += 1
            }
            if i == 0 || j == n {
                trim.append(i..<j)
                for k in i..<j { width[k] = 0 }
            } else {
                var joiner = ""
                if newline {
                    if spaced { joiner = " " }
                    else if let other { joiner = String(other) }
                    else if let a = char(at: i - 1), let b = char(at: j), Self.isLatinLike(a) && Self.isLatinLike(b) { joiner = " " }
                    for k in i..<j { width[k] = 0 }
                    width[i] = joiner.isEmpty ? 0 : wrapper.metrics.width(of: joiner.first!)
                }
                for k in i..<j { runOfUnit[k] = runs.count }
                runs.append(Run(start: i, end: j, hasNewline: newline, joiner: joiner))
            }
            i = j
        }
        prefix = [Double](repeating: 0, count: n + 1)
        for k in 0..<n { prefix[k + 1] = prefix[k] + width[k] }

        // Protected spans: glossary terms and capitalized multi-word names.
        var protected: [(Range<Int>, Double)] = wrapper.protection.ranges(in: text).map { ($0, 100) }
        if spaced && wrapper.protectCapitalizedNames { protected += Self.names(runs: runs, n: n, char: char).map { ($0, 40) } }

        // Candidate breaks.
        let lineBreaks = (try? TextBreaker(kind: .line, locale: dictionaryLocale ?? wrapper.language))?.boundaries(in: text) ?? []
        var wordBoundaries = Set<Int>()
        if let dictionaryLocale, let words = try? TextBreaker(kind: .word, locale: dictionaryLocale) {
            wordBoundaries = Set(words.boundaries(in: text))
        }
        let vocabulary = spaced ? BreakVocabulary.forLanguage(wrapper.language) : .empty
        var seenRuns = Set<Int>()
        for b in lineBreaks where b > 0 && b < n {
            var start = b, end = b
            if isSpace[b - 1] {
                let r = runOfUnit[b - 1]
                guard r >= 0, runs[r].end == b, !seenRuns.contains(r) else { continue }
                seenRuns.insert(r)
                start = runs[r].start; end = runs[r].end
            } else if isSpace[b] {
                continue
            } else if spaced {
                // Space-separated text breaks inside a word only after a hyphen, dash or slash.
                guard !korean, let before = char(at: b - 1), "-‐–—/".contains(before) else { continue }
            } else if !wordBoundaries.contains(b) {
                continue
            }
            guard let last = char(at: start - 1), let next = char(at: end) else { continue }
            if BreakPunctuation.noLineStartTable.contains(next) || BreakPunctuation.noLineEndTable.contains(last) { continue }
            var penalty: Double
            if BreakPunctuation.sentenceEndTable.contains(last) { penalty = 0 }
            else if BreakPunctuation.clauseEndTable.contains(last) { penalty = 1 }
            else if !spaced && start < end { penalty = 0 }      // a phrase-separating space in CJK/Thai text
            else if start == end { penalty = spaced ? 8 : 3 }
            else { penalty = 4 }
            if spaced && start < end && !vocabulary.isEmpty {
                let previousWord = Self.word(endingAt: start, units: units, isSpace: isSpace)
                let nextWord = Self.word(startingAt: end, units: units, isSpace: isSpace)
                if vocabulary.noBreakAfter.contains(previousWord) { penalty += 25 }
                if penalty >= 4 && vocabulary.breakBefore.contains(nextWord) { penalty = 2 }
            }
            for (range, cost) in protected where range.lowerBound < start && end < range.upperBound { penalty += cost }
            candidates.append(Candidate(start: start, end: end, penalty: penalty))
        }
        candidates.sort { $0.start < $1.start }
    }

    static func isLatinLike(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return s.value < 0x2E80 && !(0x0E00...0x0EFF).contains(s.value)
    }

    /// Lower-cased word before `position`, without surrounding punctuation.
    static func word(endingAt position: Int, units: [UInt16], isSpace: [Bool]) -> String {
        var s = position
        while s > 0 && !isSpace[s - 1] { s -= 1 }
        return normalizedWord(units[s..<position])
    }

    static func word(startingAt position: Int, units: [UInt16], isSpace: [Bool]) -> String {
        var e = position
        while e < units.count && !isSpace[e] { e += 1 }
        return normalizedWord(units[position..<e])
    }

    /// The word without ASCII punctuation around it (an apostrophe may end it: French `l'`), lower-cased;
    /// empty for words longer than any listed word.
    private static func normalizedWord(_ slice: ArraySlice<UInt16>) -> String {
        func isASCIILetter(_ u: UInt16) -> Bool { (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) }
        func isASCIIUpper(_ u: UInt16) -> Bool { (0x41...0x5A).contains(u) }
        var lower = slice.startIndex, upper = slice.endIndex
        while lower < upper && slice[lower] < 0x80 && !isASCIILetter(slice[lower]) { lower += 1 }
        while upper > lower && slice[upper - 1] < 0x80 && !isASCIILetter(slice[upper - 1]) && slice[upper - 1] != 0x27 { upper -= 1 }
        guard upper - lower <= 12, upper > lower else { return "" }
        let word = slice[lower..<upper]
        if word.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lower-cased byte by byte, as `lowercased()` does, without decoding UTF-16.
            return String(unsafeUninitializedCapacity: word.count) { buffer in
                for (k, u) in word.enumerated() { buffer[k] = UInt8(u) | (isASCIIUpper(u) ? 0x20 : 0) }
                return word.count
            }
        }
        return String(decoding: word, as: UTF16.self).lowercased()
    }

    /// Ranges of two or more consecutive capitalized words (names such as "Lin Feng" or "Madame Zhao").
    static func names(runs: [Run], n: Int, char: (Int) -> Character?) -> [Range<Int>] {
        // Words are the stretches between runs.
        var words: [Range<Int>] = []
        var s = 0
        for r in runs { words.append(s..<r.start); s = r.end }
        words.append(s..<n)
        func capitalized(_ w: Range<Int>) -> Bool {
            guard !w.isEmpty, let c = char(w.lowerBound) else { return false }
            return c.isUppercase
        }
        func endsClause(_ w: Range<Int>) -> Bool {
            guard let c = char(w.upperBound - 1) else { return false }
            return BreakPunctuation.sentenceEndTable.contains(c) || BreakPunctuation.clauseEndTable.contains(c)
        }
        var result: [Range<Int>] = []
        var i = 0
        while i < words.count {
            var j = i
            while j + 1 < words.count && capitalized(words[j]) && capitalized(words[j + 1]) && !endsClause(words[j]) { j += 1 }
            if j > i { result.append(words[i].lowerBound..<words[j].upperBound) }
            i = j + 1
        }
        return result
    }

    func width(_ from: Int, _ to: Int) -> Double { prefix[to] - prefix[from] }

    /// The chosen breaks (indices into `candidates`) and whether they fit.
    func bestBreaks() -> ([Int], Bool) {
        let cpl = Double(wrapper.limits.maxCharsPerLine) + 1e-9
        let maxLines = max(1, wrapper.limits.maxLines)
        if width(0, n) <= cpl { return ([], true) }
        if candidates.count <= 200 {
            for k in 2...max(2, maxLines) where k <= maxLines {
                if let best = search(lines: k, limit: cpl) { return (best, true) }
            }
        }
        // Nothing fits: the break with the least overflow on at most `maxLines` lines.
        let k = min(maxLines, candidates.count + 1)
        if k < 2 { return ([], false) }
        if candidates.count <= 200, let best = search(lines: k, limit: nil) { return (best, false) }
        return (greedy(cpl: cpl, maxLines: maxLines), false)
    }

    /// Exhaustive search over `lines - 1` breaks; with `limit`, only configurations whose lines all fit.
    private func search(lines: Int, limit: Double?) -> [Int]? {
        var best: [Int]? = nil
        var bestCost = Double.infinity
        var chosen: [Int] = []
        var widths: [Double] = []
        func recurse(from index: Int, lineStart: Int, cost: Double) {
            if chosen.count == lines - 1 {
                let w = width(lineStart, n)
                if let limit, w > limit { return }
                widths.append(w)
                let total = cost + shapeCost(widths) + overflow(widths)
                widths.removeLast()
                if total < bestCost { bestCost = total; best = chosen }
                return
            }
            var c = index
            while c < candidates.count {
                let candidate = candidates[c]
                let w = width(lineStart, candidate.start)
                if let limit, w > limit { break }
                chosen.append(c); widths.append(w)
                recurse(from: c + 1, lineStart: candidate.end, cost: cost + candidate.penalty)
                chosen.removeLast(); widths.removeLast()
                c += 1
            }
        }
        recurse(from: 0, lineStart: 0, cost: 0)
        return best
    }

    private func overflow(_ widths: [Double]) -> Double {
        let cpl = Double(wrapper.limits.maxCharsPerLine)
        return widths.reduce(0) { $0 + max(0, $1 - cpl) } * 1000
    }

    /// Line-balance cost, in units of a 25-character line.
    private func shapeCost(_ widths: [Double]) -> Double {
        let scale = 25 / Double(max(1, wrapper.limits.maxCharsPerLine))
        if widths.count == 2 {
            let d = (widths[1] - widths[0]) * scale
            switch wrapper.balance {
            case .bottomHeavy: return d < 0 ? 6 + 0.3 * -d : 0.15 * d
            case .topHeavy: return d > 0 ? 6 + 0.3 * d : 0.15 * -d
            case .none: return 0.3 * abs(d)
            }
        }
        let mean = widths.reduce(0, +) / Double(widths.count)
        var cost = widths.reduce(0) { $0 + abs($1 - mean) } * scale * 0.2
        if wrapper.balance == .bottomHeavy, let first = widths.first, let last = widths.last, last < first { cost += 3 }
        if wrapper.balance == .topHeavy, let first = widths.first, let last = widths.last, last > first { cost += 3 }
        return cost
    }

    /// Fills lines greedily (for very long texts only).
    private func greedy(cpl: Double, maxLines: Int) -> [Int] {
        var result: [Int] = []
        var lineStart = 0
        for (c, candidate) in candidates.enumerated() where result.count < maxLines - 1 {
            let nextStart = c + 1 < candidates.count ? candidates[c + 1].start : n
            if width(lineStart, nextStart) > cpl { result.append(c); lineStart = candidate.end }
        }
        return result
    }

    /// Edits that turn the text into the chosen lines.
    func edits(breakingAt chosen: [Int]) -> [TextEdit] {
        var edits: [TextEdit] = trim.map { TextEdit($0, .text("")) }
        let broken = Set(chosen.map { candidates[$0].start })
        for c in chosen where candidates[c].start == candidates[c].end {
            edits.append(TextEdit(candidates[c].start..<candidates[c].end, .lineBreak))
        }
        for run in runs {
            if broken.contains(run.start) { edits.append(TextEdit(run.start..<run.end, .lineBreak)) }
            else if run.hasNewline { edits.append(TextEdit(run.start..<run.end, .text(run.joiner))) }
        }
        // Bidi embeddings are re-added per line by the bidi step.
        for (k, u) in units.enumerated() where u == 0x202B || u == 0x202C { edits.append(TextEdit(k..<(k + 1), .text(""))) }
        return edits
    }
}
