import TextServices

extension SymbolMatcher {
    /// Every symbol found in `text`, leftmost-longest and without overlaps, in text order.
    public func matches(in text: String) -> [SymbolMatch] {
        analyse(text, collectRejected: false).matches
    }

    /// The matches in `text` and the matches of ambiguous forms that their sense model turned down.
    ///
    /// - Parameters:
    ///   - evidence: extra log-odds for the symbol sense by symbol id, from an aligned cue.
    ///   - defaultEvidence: the evidence for symbols not in `evidence` (an aligned cue without them).
    public func analyse(_ text: String, evidence: [String: SenseEvidence] = [:],
                        defaultEvidence: SenseEvidence? = nil) -> MatchAnalysis {
        analyse(text, collectRejected: true, evidence: evidence, defaultEvidence: defaultEvidence)
    }

    private func analyse(_ text: String, collectRejected: Bool, evidence: [String: SenseEvidence] = [:],
                         defaultEvidence: SenseEvidence? = nil) -> MatchAnalysis {
        if text.isEmpty { return MatchAnalysis() }
        var text = text
        if text.utf8.withContiguousStorageIfAvailable({ _ in true }) == nil { text.makeContiguousUTF8() }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var rejected: [Rejected] = []
            var decisions: [SenseDecision] = []
            let found = matches(in: text, bytes: bytes, evidence: evidence, defaultEvidence: defaultEvidence, decisions: &decisions,
                                rejected: &rejected, collectRejected: collectRejected)
            let turnedDown = rejected.isEmpty ? [] : makeMatches(rejected.map(\.hit), candidates: rejected.map(\.candidate),
                                                                 renumbered: true, decisions: decisions, text: text, bytes: bytes)
            return MatchAnalysis(matches: found, rejected: turnedDown)
        } ?? MatchAnalysis()
    }

    /// The number of matches in `text`, without building results (for benchmarks and quick checks).
    public func countMatches(in text: String) -> Int {
        matches(in: text).count
    }

    struct Candidate {
        var startByte: Int
        var endByte: Int
        var startUTF16: Int
        var endUTF16: Int
        var pattern: Int32
        var isLatin: Bool
    }

    /// A candidate that passed its checks, for one symbol of its pattern.
    struct Hit {
        var candidate: Int32
        var group: Int32
        var symbol: Int32
        var startUTF16: Int
        var endUTF16: Int
        /// Index into the sense decisions, or −1.
        var decision: Int32 = -1
    }

    /// A candidate whose sense model turned it down.
    struct Rejected {
        var hit: Hit
        var candidate: Candidate
    }

    private func matches(in text: String, bytes: UnsafeBufferPointer<UInt8>, evidence: [String: SenseEvidence],
                         defaultEvidence: SenseEvidence?,
                         decisions: inout [SenseDecision], rejected: inout [Rejected], collectRejected: Bool) -> [SymbolMatch] {
        var candidates: [Candidate] = []
        if let han { Self.scanHan(han, bytes: bytes, into: &candidates) }
        if let latin { Self.scanLatin(latin, bytes: bytes, into: &candidates) }
        if candidates.isEmpty { return [] }

        var boundaries: [Int]? = nil
        var hanBoundaries: [Int: Set<Int>] = [:]
        var hits: [Hit] = []
        hits.reserveCapacity(candidates.count)
        for (index, candidate) in candidates.enumerated() {
            if candidate.isLatin {
                if boundaries == nil { boundaries = wordBreaker.breaker?.boundaries(in: text) ?? [] }
                guard Self.isWordBounded(candidate, bytes: bytes, boundaries: boundaries!) else { continue }
                let groups = latinGroups[Int(candidate.pattern)]
                for g in groups.indices {
                    if symbols[Int(groups[g].symbol)].hasLatinContext,
                       !passesLatinContext(groups[g], candidate, bytes: bytes, boundaries: boundaries!) { continue }
                    hits.append(Hit(candidate: Int32(index), group: Int32(g), symbol: groups[g].symbol,
                                    startUTF16: candidate.startUTF16, endUTF16: candidate.endUTF16))
                }
            } else {
                let groups = hanGroups[Int(candidate.pattern)]
                for g in groups.indices where passesDisambiguation(groups[g], candidate, bytes: bytes) {
                    var hit = Hit(candidate: Int32(index), group: Int32(g), symbol: groups[g].symbol,
                                  startUTF16: candidate.startUTF16, endUTF16: candidate.endUTF16)
                    if groups[g].sense >= 0 {
                        let decision = decide(senseModels[Int(groups[g].sense)], candidate, bytes: bytes,
                                              boundaries: lineBoundaries(around: candidate, text: text, bytes: bytes, cache: &hanBoundaries),
                                              evidence: evidence[symbols[Int(hit.symbol)].id] ?? defaultEvidence)
                        hit.decision = Int32(decisions.count)
                        decisions.append(decision)
                        if decision.probability < options.senseThreshold {
                            if collectRejected { rejected.append(Rejected(hit: hit, candidate: candidate)) }
                            continue
                        }
                    }
                    hits.append(hit)
                }
            }
        }
        if hits.isEmpty { return [] }

        // Leftmost-longest, no overlaps; ties on the very same range keep every symbol.
        func precedes(_ a: Hit, _ b: Hit) -> Bool {
            if a.startUTF16 != b.startUTF16 { return a.startUTF16 < b.startUTF16 }
            if a.endUTF16 != b.endUTF16 { return a.endUTF16 > b.endUTF16 }
            if a.symbol != b.symbol { return a.symbol < b.symbol }
            return a.candidate < b.candidate
        }
        if hits.count > 1 {
            var sorted = true
            for i in 1..<hits.count where !precedes(hits[i - 1], hits[i]) { sorted = false; break }
            if !sorted { hits.sort(by: precedes) }
        }
        var chosen: [Hit] = []
        chosen.reserveCapacity(hits.count)
        var lastEnd = 0
        var lastRange: Range<Int>? = nil
        for item in hits {
            let range = item.startUTF16..<item.endUTF16
            if let lastRange, lastRange == range {
                if chosen.last?.symbol != item.symbol { chosen.append(item) }
                continue
            }
            if range.lowerBound >= lastEnd {
                chosen.append(item)
                lastEnd = range.upperBound
                lastRange = range
            }
        }
        return makeMatches(chosen, candidates: candidates, decisions: decisions, text: text, bytes: bytes)
    }

    /// ICU's Chinese word boundaries (UTF-16 offsets into `text`) of the line holding `c`, by line start byte in `cache`.
    ///
    /// A line feed is always a word boundary (UAX #29 WB3a/WB3b), so these are the boundaries segmenting the whole
    /// text gives inside that line, at the cost of one line: a long text with one ambiguous candidate is not
    /// segmented from end to end (that capped matching at about 10 MB/s with the sense models in place).
    private func lineBoundaries(around c: Candidate, text: String, bytes: UnsafeBufferPointer<UInt8>,
                                cache: inout [Int: Set<Int>]) -> Set<Int> {
        guard let p = bytes.baseAddress else { return [] }
        var start = c.startByte
        var startUTF16 = c.startUTF16
        while start > 0 && p[start - 1] != 0x0A {
            start -= 1
            let byte = p[start]
            if byte & 0xC0 != 0x80 { startUTF16 -= byte >= 0xF0 ? 2 : 1 }
        }
        if let cached = cache[start] { return cached }
        var end = c.endByte
        while end < bytes.count && p[end] != 0x0A { end += 1 }
        var boundaries = Set<Int>()
        if let breaker = hanWordBreaker.breaker {
            let line = start == 0 && end == bytes.count ? text
                : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            for offset in breaker.boundaries(in: line) { boundaries.insert(offset + startUTF16) }
        }
        cache[start] = boundaries
        return boundaries
    }

    /// The entry reported for one symbol: the one whose form is exactly the matched text if any, else the
    /// first listed, with an unlisted script variant of a Simplified form reported as Traditional.
    private static func pickEntry(_ group: SymbolGroup, matched: UnsafeBufferPointer<UInt8>, isLatin: Bool) -> Entry {
        let matchedIsNFC = isTriviallyNFC(matched)
        var matchedString: String? = nil
        for entry in group.entries {
            if entry.formUTF8.elementsEqual(matched) { return entry }
            // Byte-different NFC strings are never canonically equivalent; otherwise compare as `String`s.
            if matchedIsNFC && entry.formIsNFC { continue }
            if matchedString == nil { matchedString = String(decoding: matched, as: UTF8.self) }
            if entry.form == matchedString! { return entry }
        }
        var picked = group.entries[0]
        if !isLatin && picked.kind == .simplified { picked.kind = .traditional }
        return picked
    }

    /// Whether `bytes` hold only code points that are NFC on their own and never combine (ASCII, CJK ideographs).
    @inline(__always)
    private static func isTriviallyNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        var i = 0
        while i < bytes.count {
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            guard b0 >= 0xE0 && b0 < 0xF0, i + 2 < bytes.count else { return false }
            let scalar = decode(p, i).scalar
            guard scalar >= 0x3400 && scalar <= 0x9FFF else { return false }
            i += 3
        }
        return true
    }

    /// Whether every code point in `p[from..<to]` is its own Character whatever surrounds it.
    /// Counts the code points into `count`.
    @inline(__always)
    private static func simpleScalars(_ p: UnsafePointer<UInt8>, from: Int, to: Int, count: inout Int) -> Bool {
        var i = from
        while i < to {
            let b0 = p[i]
            if b0 < 0x80 {
                if b0 == 0x0D { return false }
                i += 1
            } else {
                if b0 < 0xE0 || b0 >= 0xF0 { return false }
                if !isSimpleCharacter(decode(p, i).scalar) { return false }
                i += 3
            }
            count += 1
        }
        return true
    }

    /// Code points of grapheme-break class Other (or Control, but not CR) that are not pictographic:
    /// a Character boundary lies on both sides of each.
    @inline(__always)
    private static func isSimpleCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2010...0x2027, 0x3000...0x3029, 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }

    /// - Parameter renumbered: whether `chosen[i]` belongs to `candidates[i]` (rejected lists) rather than to
    ///   `candidates[chosen[i].candidate]`.
    private func makeMatches(_ chosen: [Hit], candidates: [Candidate], renumbered: Bool = false, decisions: [SenseDecision],
                             text: String, bytes: UnsafeBufferPointer<UInt8>) -> [SymbolMatch] {
        let p = bytes.baseAddress!
        var result: [SymbolMatch] = []
        result.reserveCapacity(chosen.count)
        var cursor = text.startIndex   // always on a Character boundary
        var cursorByte = 0
        var cursorCharacters = 0
        for (position, item) in chosen.enumerated() {
            let c = candidates[renumbered ? position : Int(item.candidate)]
            let startCharacters: Int
            let length: Int
            // Fast path: every code point from the cursor to just after the match is a Character of its own.
            var before = 0, inside = 0, after = 0
            let nextEnd = c.endByte < bytes.count ? c.endByte + (p[c.endByte] < 0x80 ? 1 : (p[c.endByte] < 0xE0 ? 2 : (p[c.endByte] < 0xF0 ? 3 : 4))) : c.endByte
            if c.startByte >= cursorByte,
               Self.simpleScalars(p, from: cursorByte, to: c.startByte, count: &before),
               Self.simpleScalars(p, from: c.startByte, to: c.endByte, count: &inside),
               c.endByte >= bytes.count || Self.simpleScalars(p, from: c.endByte, to: min(nextEnd, bytes.count), count: &after) {
                startCharacters = cursorCharacters + before
                length = inside
                cursorByte = c.startByte
                cursor = text.utf8.index(text.utf8.startIndex, offsetBy: c.startByte)
                cursorCharacters = startCharacters
            } else {
                let lower = String.Index(utf16Offset: c.startUTF16, in: text)
                let upper = String.Index(utf16Offset: c.endUTF16, in: text)
                // Character offsets: the start rounds down, the end rounds up to a Character boundary.
                let startDelta = lower >= cursor ? text.distance(from: cursor, to: lower) : -text.distance(from: lower, to: cursor)
                startCharacters = cursorCharacters + startDelta
                let alignedLower = text.index(cursor, offsetBy: startDelta)
                var count = text.distance(from: alignedLower, to: upper)
                if text.index(alignedLower, offsetBy: count) < upper { count += 1 }
                length = count
                cursor = alignedLower
                cursorByte = text.utf8.distance(from: text.utf8.startIndex, to: alignedLower)
                cursorCharacters = startCharacters
            }
            let matchedBytes = UnsafeBufferPointer(rebasing: bytes[c.startByte..<c.endByte])
            let group = c.isLatin ? latinGroups[Int(c.pattern)][Int(item.group)] : hanGroups[Int(c.pattern)][Int(item.group)]
            let entry = Self.pickEntry(group, matched: matchedBytes, isLatin: c.isLatin)
            var match = SymbolMatch(
                symbolID: symbols[Int(item.symbol)].id, matchedText: String(decoding: matchedBytes, as: UTF8.self),
                form: entry.form, formKind: entry.kind, renderingStatus: entry.status,
                utf16Range: c.startUTF16..<c.endUTF16, characterRange: startCharacters..<(startCharacters + length))
            if item.decision >= 0 { match.sense = decisions[Int(item.decision)] }
            if entry.alignedOnly { match.isAlignedOnly = true }
            result.append(match)
        }
        return result
    }
}

// MARK: - Scanning

extension SymbolMatcher {
    /// Ring of the last 64 (byte, UTF-16) start offsets of pattern characters.
    private static let ringSize = 64

    @inline(__always)
    private static func decode(_ p: UnsafePointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F), 4)
    }

    static func scanHan(_ automaton: PatternAutomaton, bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [Candidate]) {
        guard let p = bytes.baseAddress else { return }
        let n = bytes.count
        automaton.withTables { t in
            automaton.outputs.withUnsafeBufferPointer { outputs in
                automaton.patternLength.withUnsafeBufferPointer { lengths in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: ringSize * 2) { ring in
                        var i = 0
                        var utf16 = 0
                        var position = 0
                        var state: Int32 = 0
                        while i < n {
                            let b0 = p[i]
                            if b0 < 0x80 {
                                // ASCII: usually in no Chinese pattern.
                                let cls = t.bmp[Int(b0)]
                                if cls == 0 {
                                    state = 0
                                    i += 1
                                    utf16 += 1
                                    continue
                                }
                            }
                            let (scalar, length) = decode(p, i)
                            let cls = t.classOf(scalar)
                            let startByte = i
                            let startUTF16 = utf16
                            i += length
                            utf16 += length == 4 ? 2 : 1
                            if cls == 0 {
                                state = 0
                                continue
                            }
                            state = t.next(state, cls)
                            let slot = (position & (ringSize - 1)) &* 2
                            ring[slot] = startByte
                            ring[slot + 1] = startUTF16
                            position += 1
                            if t.hasOutput(state) {
                                for o in Int(t.outputStart[Int(state)])..<Int(t.outputStart[Int(state) + 1]) {
                                    let pattern = outputs[o]
                                    let from = ((position - Int(lengths[Int(pattern)])) & (ringSize - 1)) &* 2
                                    candidates.append(Candidate(startByte: ring[from], endByte: i, startUTF16: ring[from + 1],
                                                                endUTF16: utf16, pattern: pattern, isLatin: false))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func scanLatin(_ automaton: PatternAutomaton, bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [Candidate]) {
        guard let p = bytes.baseAddress else { return }
        let n = bytes.count
        automaton.withTables { t in
            automaton.outputs.withUnsafeBufferPointer { outputs in
                automaton.patternLength.withUnsafeBufferPointer { lengths in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: ringSize * 2) { ring in
                        var i = 0
                        var utf16 = 0
                        var position = 0
                        var state: Int32 = 0
                        var lastWasSpace = true
                        while i < n {
                            let (scalar, length) = decode(p, i)
                            let startByte = i
                            let startUTF16 = utf16
                            i += length
                            utf16 += length == 4 ? 2 : 1
                            LatinFold.fold(scalar) { folded in
                                if folded == 0x20 {
                                    if lastWasSpace { return }
                                    lastWasSpace = true
                                } else {
                                    lastWasSpace = false
                                }
                                let cls = t.classOf(folded)
                                if cls == 0 {
                                    state = 0
                                    return
                                }
                                state = t.next(state, cls)
                                let slot = (position & (ringSize - 1)) &* 2
                                ring[slot] = startByte
                                ring[slot + 1] = startUTF16
                                position += 1
                                if t.hasOutput(state) {
                                    for o in Int(t.outputStart[Int(state)])..<Int(t.outputStart[Int(state) + 1]) {
                                        let pattern = outputs[o]
                                        let from = ((position - Int(lengths[Int(pattern)])) & (ringSize - 1)) &* 2
                                        candidates.append(Candidate(startByte: ring[from], endByte: i, startUTF16: ring[from + 1],
                                                                    endUTF16: utf16, pattern: pattern, isLatin: true))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

// MARK: - Context checks

extension SymbolMatcher {
    /// Whether the code points from byte `start` on, Han-folded, begin with `expected`.
    static func text(after start: Int, startsWith expected: ArraySlice<UInt32>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return expected.isEmpty }
        var i = start
        for scalar in expected {
            guard i < bytes.count else { return false }
            let (next, length) = decode(p, i)
            if HanScriptFold.fold(next) != scalar { return false }
            i += length
        }
        return true
    }

    /// Whether the code points before byte `end`, Han-folded, end with `expected`.
    static func text(before end: Int, endsWith expected: ArraySlice<UInt32>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return expected.isEmpty }
        var i = end
        for scalar in expected.reversed() {
            guard i > 0 else { return false }
            var start = i - 1
            while start > 0 && p[start] & 0xC0 == 0x80 { start -= 1 }
            if HanScriptFold.fold(decode(p, start).scalar) != scalar { return false }
            i = start
        }
        return true
    }

    func passesDisambiguation(_ group: SymbolGroup, _ c: Candidate, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let context = symbols[Int(group.symbol)]
        for following in context.notBefore where Self.text(after: c.endByte, startsWith: following[...], bytes: bytes) {
            return false
        }
        for preceding in context.notAfter where Self.text(before: c.startByte, endsWith: preceding[...], bytes: bytes) {
            return false
        }
        let notWithin = group.notWithin
        if !notWithin.isEmpty {
            let length = Int(hanPatternLength(c))
            for (offset, longer) in notWithin {
                if Self.text(before: c.startByte, endsWith: longer[0..<offset], bytes: bytes),
                   Self.text(after: c.endByte, startsWith: longer[(offset + length)...], bytes: bytes) {
                    return false
                }
            }
        }
        return true
    }

    private func hanPatternLength(_ c: Candidate) -> Int32 {
        han?.patternLength[Int(c.pattern)] ?? 0
    }

    /// Scripts written without spaces between words: no word boundary is required next to them.
    static func isUnspacedScript(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1780...0x17FF, 0x2E80...0x9FFF,
             0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Endings allowed after a Latin form that ends inside a word: English plural and possessive.
    private static let allowedEndings: Set<[UInt32]> = [[0x73], [0x65, 0x73], [0x27, 0x73]]

    static func isWordBounded(_ c: Candidate, bytes: UnsafeBufferPointer<UInt8>, boundaries: [Int]) -> Bool {
        guard let p = bytes.baseAddress else { return false }
        func isBoundary(_ offset: Int) -> Bool {
            var lo = 0, hi = boundaries.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if boundaries[mid] < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo < boundaries.count && boundaries[lo] == offset
        }
        let first = decode(p, c.startByte).scalar
        if !isUnspacedScript(first) && !isBoundary(c.startUTF16) { return false }
        var lastStart = c.endByte - 1
        while lastStart > c.startByte && p[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
        let last = decode(p, lastStart).scalar
        if isUnspacedScript(last) || isBoundary(c.endUTF16) { return true }
        // Allow "mooncakes", "Chang'e's": fold what follows up to the next boundary.
        var folded: [UInt32] = []
        var i = c.endByte
        var utf16 = c.endUTF16
        while i < bytes.count && folded.count <= 2 {
            let (scalar, length) = decode(p, i)
            LatinFold.fold(scalar) { folded.append($0) }
            i += length
            utf16 += length == 4 ? 2 : 1
            if isBoundary(utf16) { return allowedEndings.contains(folded) }
        }
        return false
    }
}

// MARK: - Latin-script context rules (renderings.<tag>.not-before, not-after, not-within)

extension SymbolMatcher {
    /// Whether no Latin-script context rule of the group's symbol cancels the candidate. Text is compared
    /// `LatinFold`ed with runs of spaces as one space; the far end of a cancelling context must be on a word
    /// boundary (an English plural or possessive ending is allowed after it, as after forms).
    func passesLatinContext(_ group: SymbolGroup, _ c: Candidate, bytes: UnsafeBufferPointer<UInt8>, boundaries: [Int]) -> Bool {
        let context = symbols[Int(group.symbol)]
        for following in context.latinNotBefore {
            if let end = Self.latinText(after: c.endByte, utf16: c.endUTF16, startsWith: following[...], skippingSpaces: true, bytes: bytes),
               Self.isLatinWordEnd(byte: end.byte, utf16: end.utf16, bytes: bytes, boundaries: boundaries) {
                return false
            }
        }
        for preceding in context.latinNotAfter {
            if let start = Self.latinText(before: c.startByte, utf16: c.startUTF16, endsWith: preceding[...], skippingSpaces: true, bytes: bytes),
               Self.isBoundary(start, boundaries) {
                return false
            }
        }
        let length = latin?.patternLength[Int(c.pattern)] ?? 0
        for (offset, longer) in group.notWithin {
            guard let start = Self.latinText(before: c.startByte, utf16: c.startUTF16, endsWith: longer[0..<offset],
                                             skippingSpaces: false, bytes: bytes),
                  Self.isBoundary(start, boundaries),
                  let end = Self.latinText(after: c.endByte, utf16: c.endUTF16, startsWith: longer[(offset + Int(length))...],
                                           skippingSpaces: false, bytes: bytes),
                  Self.isLatinWordEnd(byte: end.byte, utf16: end.utf16, bytes: bytes, boundaries: boundaries) else { continue }
            return false
        }
        return true
    }

    static func isBoundary(_ offset: Int, _ boundaries: [Int]) -> Bool {
        var lo = 0, hi = boundaries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if boundaries[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return offset == 0 || (lo < boundaries.count && boundaries[lo] == offset)
    }

    /// Whether a word ends at byte `byte`: the end of the text, a word boundary, or an allowed ending ("s",
    /// "es", "'s") and then a boundary.
    static func isLatinWordEnd(byte: Int, utf16: Int, bytes: UnsafeBufferPointer<UInt8>, boundaries: [Int]) -> Bool {
        guard let p = bytes.baseAddress, byte < bytes.count else { return true }
        if isBoundary(utf16, boundaries) { return true }
        var folded: [UInt32] = []
        var i = byte
        var offset = utf16
        while i < bytes.count && folded.count <= 2 {
            let (scalar, length) = decodeScalar(p, i)
            LatinFold.fold(scalar) { folded.append($0) }
            i += length
            offset += length == 4 ? 2 : 1
            if i >= bytes.count || isBoundary(offset, boundaries) {
                return folded == [0x73] || folded == [0x65, 0x73] || folded == [0x27, 0x73]
            }
        }
        return false
    }

    @inline(__always)
    static func decodeScalar(_ p: UnsafePointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F), 4)
    }

    /// Whether the text from byte `start` on, Latin-folded with space runs collapsed, begins with `expected`
    /// (after any spaces, when `skippingSpaces`); the byte and UTF-16 offsets where it ends, or nil.
    /// A code point whose fold only partly matches does not match.
    static func latinText(after start: Int, utf16: Int, startsWith expected: ArraySlice<UInt32>, skippingSpaces: Bool,
                          bytes: UnsafeBufferPointer<UInt8>) -> (byte: Int, utf16: Int)? {
        guard let p = bytes.baseAddress else { return expected.isEmpty ? (start, utf16) : nil }
        var i = start
        var offset = utf16
        var k = expected.startIndex
        var lastWasSpace = skippingSpaces
        while k < expected.endIndex {
            guard i < bytes.count else { return nil }
            let (scalar, length) = decodeScalar(p, i)
            var ok = true
            LatinFold.fold(scalar) { folded in
                guard ok else { return }
                if folded == 0x20 {
                    if lastWasSpace { return }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                if k < expected.endIndex && expected[k] == folded { k += 1 } else { ok = false }
            }
            if !ok { return nil }
            i += length
            offset += length == 4 ? 2 : 1
        }
        return (i, offset)
    }

    /// Whether the text before byte `end`, Latin-folded with space runs collapsed, ends with `expected` (before
    /// any spaces, when `skippingSpaces`); the UTF-16 offset where it starts, or nil.
    static func latinText(before end: Int, utf16: Int, endsWith expected: ArraySlice<UInt32>, skippingSpaces: Bool,
                          bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = bytes.baseAddress else { return expected.isEmpty ? utf16 : nil }
        var i = end
        var offset = utf16
        var k = expected.endIndex
        var lastWasSpace = skippingSpaces
        var folded: [UInt32] = []
        while k > expected.startIndex {
            guard i > 0 else { return nil }
            var start = i - 1
            while start > 0 && p[start] & 0xC0 == 0x80 { start -= 1 }
            let (scalar, length) = decodeScalar(p, start)
            folded.removeAll(keepingCapacity: true)
            LatinFold.fold(scalar) { folded.append($0) }
            for value in folded.reversed() {
                if value == 0x20 {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                guard k > expected.startIndex, expected[k - 1] == value else { return nil }
                k -= 1
            }
            i = start
            offset -= length == 4 ? 2 : 1
        }
        return offset
    }
}
