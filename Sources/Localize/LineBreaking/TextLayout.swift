import Foundation
import Regions
import Subtitles
import TextServices

/// One cue's plain text prepared for choosing breaks: candidate breaks with `BreakScoring` penalties, and a
/// dynamic programme over them per line count.
struct TextLayout {
    struct Run { var start: Int; var end: Int; var hasNewline: Bool; var joiner: String }
    struct Candidate { var start: Int; var end: Int; var penalty: Double }

    let wrapper: LineWrapper
    let units: [UInt16]
    let n: Int
    var prefix: [Double]
    /// Number of whitespace runs starting before each UTF-16 offset (words on a line = runs inside + 1).
    var runPrefix: [Int]
    var spaced: Bool
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
        self.runPrefix = []
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
        self.spaced = spaced
        let thai = dictionaryLocale == "th"

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
        runPrefix = [Int](repeating: 0, count: n + 1)
        var nextRun = 0
        for k in 0..<n {
            runPrefix[k + 1] = runPrefix[k]
            if nextRun < runs.count && runs[nextRun].start == k { runPrefix[k + 1] += 1; nextRun += 1 }
        }

        // Protected spans: glossary terms (Chinese matched script-insensitively) and capitalized multi-word names.
        let matchText = dictionaryLocale == "zh" ? HanScriptFold.fold(text) : text
        var protected: [(Range<Int>, Double)] = wrapper.protection.ranges(in: matchText).map { ($0, BreakScoring.violation) }
        if spaced && wrapper.protectCapitalizedNames {
            protected += Self.names(runs: runs, n: n, char: char).map { ($0, BreakScoring.capitalizedRun) }
        }
        // Thai has no capitals: a run of Chinese name syllables is the name to keep whole.
        let thaiNames = thai && wrapper.protectCapitalizedNames ? Self.thaiNames(units: units) : []
        protected += thaiNames.map { ($0, BreakScoring.capitalizedRun) }

        // Words: spaced text between whitespace runs; dictionary text between ICU word boundaries.
        var words: [Range<Int>] = []
        var s = 0
        for r in runs { words.append(s..<r.start); s = r.end }
        words.append(s..<n)
        var lineBreaks = (try? TextBreaker(kind: .line, locale: dictionaryLocale ?? wrapper.language))?.boundaries(in: text) ?? []
        var wordBoundaries: [Int] = []
        if let dictionaryLocale, let breaker = try? TextBreaker(kind: .word, locale: dictionaryLocale) {
            wordBoundaries = breaker.boundaries(in: text)
        }
        // ICU's Thai dictionary, not knowing a name, also mis-cuts the word after it ("ฉางเอ๋|อร้|องไห้"): the text
        // around names is segmented again with the names blanked out (same UTF-16 offsets), and a name's edges
        // are break opportunities; the boundaries inside a name stay (costed as a protected span).
        if !thaiNames.isEmpty {
            var masked = units
            for r in thaiNames { for k in r { masked[k] = 0x20 } }
            let maskedText = String(decoding: masked, as: UTF16.self)
            func inside(_ b: Int) -> Bool { thaiNames.contains { $0.lowerBound < b && b < $0.upperBound } }
            func near(_ b: Int) -> Bool { thaiNames.contains { $0.lowerBound <= b && b <= $0.upperBound } }
            let edges = thaiNames.flatMap { [$0.lowerBound, $0.upperBound] }
            let maskedLine = (try? TextBreaker(kind: .line, locale: "th"))?.boundaries(in: maskedText) ?? []
            let maskedWord = (try? TextBreaker(kind: .word, locale: "th"))?.boundaries(in: maskedText) ?? []
            lineBreaks = Array(Set(lineBreaks.filter(inside) + maskedLine.filter { !near($0) } + edges)).sorted()
            wordBoundaries = Array(Set(wordBoundaries.filter(inside) + maskedWord.filter { !near($0) } + edges)).sorted()
        }
        let wordBoundarySet = Set(wordBoundaries)
        // The words around a break see a Thai name as one word (its inner ICU pieces are no words of their own).
        let wordEdges = thaiNames.isEmpty ? wordBoundaries
            : wordBoundaries.filter { b in !thaiNames.contains { $0.lowerBound < b && b < $0.upperBound } }
        let vocabulary = BreakVocabulary.forLanguage(wrapper.language)
        let chineseNames = dictionaryLocale == "zh" && vocabulary.chineseClauses != nil
            ? Self.transliteratedNames(units: units, wordEdges: wordEdges, vocabulary.chineseClauses!) : []
        protected += chineseNames.map { ($0, BreakScoring.capitalizedRun) }
        func slice(_ r: Range<Int>) -> String {
            let lo = max(0, min(n, r.lowerBound)), hi = max(lo, min(n, r.upperBound))
            return String(decoding: units[lo..<hi], as: UTF16.self)
        }
        /// The dictionary word ending at `position` (skipping whitespace before it) and the one starting at `position`.
        func dictionaryWord(endingAt position: Int) -> String {
            var e = position
            while e > 0 && isSpace[e - 1] { e -= 1 }
            let lo = wordEdges.last(where: { $0 < e }) ?? 0
            return slice(lo..<e)
        }
        func dictionaryWord(startingAt position: Int) -> String {
            var b = position
            while b < n && isSpace[b] { b += 1 }
            let hi = wordEdges.first(where: { $0 > b }) ?? n
            return slice(b..<hi)
        }

        var seenRuns = Set<Int>()
        for b in lineBreaks where b > 0 && b < n {
            var start = b, end = b
            var run: Int? = nil
            if isSpace[b - 1] {
                let r = runOfUnit[b - 1]
                guard r >= 0, runs[r].end == b, !seenRuns.contains(r) else { continue }
                seenRuns.insert(r)
                start = runs[r].start; end = runs[r].end
                run = r
            } else if isSpace[b] {
                continue
            } else if spaced {
                // Space-separated text breaks inside a word only after a dash or slash, never in a hyphenated compound.
                guard !korean, let before = char(at: b - 1) else { continue }
                if !"–—/".contains(before) { continue }
            } else if !wordBoundarySet.contains(b) {
                continue
            }
            guard let last = char(at: start - 1), let next = char(at: end) else { continue }
            if BreakPunctuation.noLineStartTable.contains(next) || BreakPunctuation.noLineEndTable.contains(last) { continue }
            var site = BreakScoring.Site(last: last, next: next, atSpace: start < end, spaced: spaced,
                                         thai: thai, previousWord: "", nextWord: "")
            if spaced, let r = run {
                site.rawPrevious = slice(words[r]); site.rawNext = slice(words[r + 1])
                site.previousWord = Self.word(endingAt: start, units: units, isSpace: isSpace)
                site.nextWord = Self.word(startingAt: end, units: units, isSpace: isSpace)
                if r == 0 {
                    site.previousStartsClause = true
                } else if let before = char(at: words[r - 1].upperBound - 1) {
                    let w = Self.word(endingAt: words[r - 1].upperBound, units: units, isSpace: isSpace)
                    site.previousStartsClause = BreakPunctuation.sentenceEndTable.contains(before)
                        || BreakPunctuation.clauseEndTable.contains(before) || vocabulary.conjunctions.contains(w)
                }
            } else if !spaced {
                site.rawPrevious = dictionaryWord(endingAt: start); site.rawNext = dictionaryWord(startingAt: end)
                site.previousWord = site.rawPrevious; site.nextWord = site.rawNext
                if vocabulary.chineseClauses != nil {
                    site.preceding = Substring(slice(0..<start)); site.following = Substring(slice(end..<n))
                    site.beforeTrailingName = chineseNames.contains { name in
                        name.lowerBound == end && slice(name.upperBound..<n).allSatisfy { $0.isPunctuation || $0.isWhitespace }
                    }
                }
            }
            var penalty = BreakScoring.penalty(site, vocabulary)
            // A break inside a protected span costs its protection, except at punctuation or a phrase space
            // inside a Chinese/Japanese/Thai term (an idiom's two halves).
            let softInside = !spaced && (start < end || BreakPunctuation.clauseEndTable.contains(last) || BreakPunctuation.sentenceEndTable.contains(last))
            for (range, cost) in protected where range.lowerBound < start && end < range.upperBound && !softInside { penalty += cost }
            // A Thai name is never broken at its inner space either ("แฮร์รี่ พอตเตอร์").
            for range in thaiNames where range.lowerBound < start && end < range.upperBound && softInside { penalty += BreakScoring.capitalizedRun }
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

    /// The word without punctuation around it (an apostrophe may end it: French `l'`), lower-cased;
    /// empty for words longer than any listed word.
    private static func normalizedWord(_ slice: ArraySlice<UInt16>) -> String {
        func isASCIILetter(_ u: UInt16) -> Bool { (0x41...0x5A).contains(u) || (0x61...0x7A).contains(u) }
        func isASCIIUpper(_ u: UInt16) -> Bool { (0x41...0x5A).contains(u) }
        // Arabic comma, semicolon and question mark, and curly quotes, count as punctuation too.
        func isEdgePunctuation(_ u: UInt16) -> Bool { (u < 0x80 && !isASCIILetter(u)) || [0x060C, 0x061B, 0x061F, 0x201C, 0x201D, 0x2018, 0x2026].contains(u) }
        var lower = slice.startIndex, upper = slice.endIndex
        while lower < upper && isEdgePunctuation(slice[lower]) { lower += 1 }
        while upper > lower && isEdgePunctuation(slice[upper - 1]) && slice[upper - 1] != 0x27 { upper -= 1 }
        guard upper - lower <= 12, upper > lower else { return "" }
        let word = slice[lower..<upper]
        if word.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lower-cased byte by byte, as `lowercased()` does, without decoding UTF-16.
            return String(unsafeUninitializedCapacity: word.count) { buffer in
                for (k, u) in word.enumerated() { buffer[k] = UInt8(u) | (isASCIIUpper(u) ? 0x20 : 0) }
                return word.count
            }
        }
        return String(decoding: word, as: UTF16.self).lowercased().replacingOccurrences(of: "’", with: "'")
    }

    /// UTF-16 ranges of Thai names: runs of two or more Chinese name syllables (`BreakVocabulary.thaiNameSyllables`,
    /// longest first at each position) with nothing between them, and Western names
    /// (`BreakVocabulary.thaiWesternNames`), a given name and surname with one space between them as one.
    static func thaiNames(units: [UInt16]) -> [Range<Int>] {
        let syllables = BreakVocabulary.thaiNameSyllablesUTF16
        var result: [Range<Int>] = []
        var i = 0
        let n = units.count
        func match(at k: Int, in list: [[UInt16]] = syllables) -> Int? {
            guard k < n, (0x0E01...0x0E4F).contains(units[k]) else { return nil }
            for s in list where s.count <= n - k && units[k..<(k + s.count)].elementsEqual(s) {
                // A syllable must not end inside a character cluster (a following mark belongs to it).
                let end = k + s.count
                if end < n, BreakVocabulary.isThaiMark(units[end]) { continue }
                return s.count
            }
            return nil
        }
        while i < n {
            if let len = match(at: i, in: BreakVocabulary.thaiWesternNamesUTF16) {
                var j = i + len
                while j + 1 < n, units[j] == 0x20, let next = match(at: j + 1, in: BreakVocabulary.thaiWesternNamesUTF16) { j += 1 + next }
                result.append(i..<j)
                i = j
                continue
            }
            var j = i, count = 0
            while let len = match(at: j) { j += len; count += 1 }
            if count >= 2 { result.append(i..<j); i = j } else { i += 1 }
        }
        return result
    }

    /// UTF-16 ranges of transliterated foreign names in Chinese text: two or more dictionary "words" in a row,
    /// three characters or more, each of one or two transliteration characters (`ChineseClauses.transliteration`)
    /// or a "·", where ICU's dictionary, not knowing the name, cuts it into pieces ("雷|吉|纳|德", "亚当|斯").
    static func transliteratedNames(units: [UInt16], wordEdges: [Int], _ c: ChineseClauses) -> [Range<Int>] {
        var edges = wordEdges
        if edges.first != 0 { edges.insert(0, at: 0) }
        if edges.last != units.count { edges.append(units.count) }
        func isPart(_ k: Int) -> Bool {
            let lo = edges[k], hi = edges[k + 1]
            guard hi - lo <= 2 else { return false }
            return units[lo..<hi].allSatisfy { u in
                let ch = Character(Unicode.Scalar(u) ?? " ")
                return ch == "·" || c.transliteration.contains(ch)
            }
        }
        var result: [Range<Int>] = []
        var k = 0
        while k + 1 < edges.count {
            var j = k
            while j + 1 < edges.count && isPart(j) { j += 1 }
            if j - k >= 2 && edges[j] - edges[k] >= 3 { result.append(edges[k]..<edges[j]) }
            k = max(j, k + 1)
        }
        return result
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

    /// Words on the line `from..<to` (spaced text).
    func wordCount(_ from: Int, _ to: Int) -> Int { runPrefix[to] - runPrefix[from] + 1 }

    /// The chosen breaks (indices into `candidates`) and whether they fit.
    ///
    /// Fewest lines first; more lines only when the fewer-line layout breaks a "never" rule and the
    /// longer one does not.
    func bestBreaks() -> ([Int], Bool) {
        let cpl = Double(wrapper.limits.maxCharsPerLine) + 1e-9
        let maxLines = max(1, wrapper.limits.maxLines)
        if width(0, n) <= cpl { return ([], true) }
        if candidates.count <= 600 && maxLines >= 2 {
            var firstFit: [Int]? = nil
            for k in 2...maxLines {
                guard let (breaks, violations) = layout(lines: k, limit: cpl) else { continue }
                if violations == 0 { return (breaks, true) }
                if firstFit == nil { firstFit = breaks }
            }
            if let firstFit { return (firstFit, true) }
        }
        // Nothing fits: the break with the least overflow on at most `maxLines` lines.
        let k = min(maxLines, candidates.count + 1)
        if k < 2 { return ([], false) }
        if candidates.count <= 600, let (best, _) = layout(lines: k, limit: nil) { return (best, false) }
        return (greedy(cpl: cpl, maxLines: maxLines), false)
    }

    /// The cheapest `lines`-line layout (dynamic programme over candidates) and its number of broken
    /// "never" rules; with `limit`, only layouts whose lines all fit, otherwise overflow is costed.
    func layout(lines k: Int, limit: Double?) -> ([Int], Int)? {
        let count = candidates.count
        guard k >= 2, count >= k - 1 else { return nil }
        let total = width(0, n)
        let maxWidth = Double(wrapper.limits.maxCharsPerLine)
        func line(_ a: Int, _ b: Int, _ index: Int) -> (cost: Double, violations: Int)? {
            let w = width(a, b)
            if let limit, w > limit { return nil }
            var cost = BreakScoring.lineCost(width: w, words: wordCount(a, b), index: index, count: k, total: total,
                                             maxWidth: maxWidth, balance: wrapper.balance, spaced: spaced,
                                             weights: wrapper.weights)
            let v = Int(cost / BreakScoring.violation)
            if limit == nil { cost += max(0, w - maxWidth) * 1000 }
            return (cost, v)
        }
        func violations(_ c: Int) -> Int { Int(candidates[c].penalty / BreakScoring.violation) }
        // best[j][c]: cheapest j+1 lines ending at break c; back[j][c] the previous break.
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: count), count: k - 1)
        var broken = [[Int]](repeating: [Int](repeating: 0, count: count), count: k - 1)
        var back = [[Int]](repeating: [Int](repeating: -1, count: count), count: k - 1)
        for c in 0..<count {
            guard let l = line(0, candidates[c].start, 0) else { continue }
            best[0][c] = l.cost + candidates[c].penalty
            broken[0][c] = l.violations + violations(c)
        }
        if k > 2 {
            for j in 1..<(k - 1) {
                for c in j..<count {
                    for p in (j - 1)..<c where best[j - 1][p].isFinite {
                        guard let l = line(candidates[p].end, candidates[c].start, j) else { continue }
                        let cost = best[j - 1][p] + l.cost + candidates[c].penalty
                        if cost < best[j][c] {
                            best[j][c] = cost
                            broken[j][c] = broken[j - 1][p] + l.violations + violations(c)
                            back[j][c] = p
                        }
                    }
                }
            }
        }
        var end = -1
        var endCost = Double.infinity, endBroken = 0
        for c in 0..<count where best[k - 2][c].isFinite {
            guard let l = line(candidates[c].end, n, k - 1) else { continue }
            let cost = best[k - 2][c] + l.cost
            if cost < endCost { endCost = cost; end = c; endBroken = broken[k - 2][c] + l.violations }
        }
        guard end >= 0 else { return nil }
        var chosen = [end]
        var j = k - 2, c = end
        while j > 0 { c = back[j][c]; j -= 1; chosen.append(c) }
        return (chosen.reversed(), endBroken)
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
