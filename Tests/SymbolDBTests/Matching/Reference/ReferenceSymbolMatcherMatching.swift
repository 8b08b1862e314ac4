@testable import SymbolDB
import TextServices

// Reference copy (commit cdef850), see ReferenceSymbolMatcher.swift.

extension ReferenceSymbolMatcher {
    /// Every symbol found in `text`, leftmost-longest and without overlaps, in text order.
    func matches(in text: String) -> [SymbolMatch] {
        if text.isEmpty { return [] }
        var text = text
        if text.utf8.withContiguousStorageIfAvailable({ _ in true }) == nil { text.makeContiguousUTF8() }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            matches(in: text, bytes: bytes)
        } ?? []
    }

    /// The number of matches in `text`, without building results (for benchmarks and quick checks).
    func countMatches(in text: String) -> Int {
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

    struct Resolved {
        var candidate: Candidate
        var symbol: Int32
        var entry: Entry
    }

    private func matches(in text: String, bytes: UnsafeBufferPointer<UInt8>) -> [SymbolMatch] {
        var candidates: [Candidate] = []
        if let han { Self.scanHan(han, bytes: bytes, into: &candidates) }
        if let latin { Self.scanLatin(latin, bytes: bytes, into: &candidates) }
        if candidates.isEmpty { return [] }

        var boundaries: [Int]? = nil
        var resolved: [Resolved] = []
        for candidate in candidates {
            if candidate.isLatin {
                if boundaries == nil { boundaries = wordBreaker?.boundaries(in: text) ?? [] }
                guard Self.isWordBounded(candidate, bytes: bytes, boundaries: boundaries!) else { continue }
                let matched = String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate.startByte..<candidate.endByte]), as: UTF8.self)
                for entry in Self.pickEntries(latinEntries[Int(candidate.pattern)], matched: matched, isLatin: true) {
                    resolved.append(Resolved(candidate: candidate, symbol: entry.symbol, entry: entry))
                }
            } else {
                let matched = String(decoding: UnsafeBufferPointer(rebasing: bytes[candidate.startByte..<candidate.endByte]), as: UTF8.self)
                for entry in Self.pickEntries(hanEntries[Int(candidate.pattern)], matched: matched, isLatin: false)
                where passesDisambiguation(entry, candidate, bytes: bytes) {
                    resolved.append(Resolved(candidate: candidate, symbol: entry.symbol, entry: entry))
                }
            }
        }
        if resolved.isEmpty { return [] }

        // Leftmost-longest, no overlaps; ties on the very same range keep every symbol.
        resolved.sort { a, b in
            if a.candidate.startUTF16 != b.candidate.startUTF16 { return a.candidate.startUTF16 < b.candidate.startUTF16 }
            if a.candidate.endUTF16 != b.candidate.endUTF16 { return a.candidate.endUTF16 > b.candidate.endUTF16 }
            return a.symbol < b.symbol
        }
        var chosen: [Resolved] = []
        var lastEnd = 0
        var lastRange: Range<Int>? = nil
        for item in resolved {
            let range = item.candidate.startUTF16..<item.candidate.endUTF16
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
        return makeMatches(chosen, text: text, bytes: bytes)
    }

    /// One entry per symbol: the one whose form is exactly the matched text if any, else the first listed,
    /// with an unlisted script variant of a Simplified form reported as Traditional.
    private static func pickEntries(_ entries: [Entry], matched: String, isLatin: Bool) -> [Entry] {
        var result: [Entry] = []
        for entry in entries where !result.contains(where: { $0.symbol == entry.symbol }) {
            let same = entries.filter { $0.symbol == entry.symbol }
            if let exact = same.first(where: { $0.form == matched }) {
                result.append(exact)
            } else {
                var picked = same[0]
                if !isLatin && picked.kind == .simplified { picked.kind = .traditional }
                result.append(picked)
            }
        }
        return result
    }

    private func makeMatches(_ chosen: [Resolved], text: String, bytes: UnsafeBufferPointer<UInt8>) -> [SymbolMatch] {
        var result: [SymbolMatch] = []
        result.reserveCapacity(chosen.count)
        var cursor = text.startIndex   // always on a Character boundary
        var cursorCharacters = 0
        for item in chosen {
            let c = item.candidate
            let lower = String.Index(utf16Offset: c.startUTF16, in: text)
            let upper = String.Index(utf16Offset: c.endUTF16, in: text)
            // Character offsets: the start rounds down, the end rounds up to a Character boundary.
            let startDelta = lower >= cursor ? text.distance(from: cursor, to: lower) : -text.distance(from: lower, to: cursor)
            let startCharacters = cursorCharacters + startDelta
            let alignedLower = text.index(cursor, offsetBy: startDelta)
            var length = text.distance(from: alignedLower, to: upper)
            if text.index(alignedLower, offsetBy: length) < upper { length += 1 }
            cursor = alignedLower
            cursorCharacters = startCharacters
            let matched = String(decoding: UnsafeBufferPointer(rebasing: bytes[c.startByte..<c.endByte]), as: UTF8.self)
            result.append(SymbolMatch(
                symbolID: symbols[Int(item.symbol)].id, matchedText: matched, form: item.entry.form,
                formKind: item.entry.kind, renderingStatus: item.entry.status,
                utf16Range: c.startUTF16..<c.endUTF16, characterRange: startCharacters..<(startCharacters + length)))
        }
        return result
    }
}

// MARK: - Scanning

extension ReferenceSymbolMatcher {
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

    static func scanHan(_ automaton: ReferencePatternAutomaton, bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [Candidate]) {
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

    static func scanLatin(_ automaton: ReferencePatternAutomaton, bytes: UnsafeBufferPointer<UInt8>, into candidates: inout [Candidate]) {
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

extension ReferenceSymbolMatcher {
    /// Up to `count` code points after byte `start`, Han-folded.
    static func scalars(after start: Int, count: Int, bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        guard let p = bytes.baseAddress else { return [] }
        var result: [UInt32] = []
        var i = start
        while i < bytes.count && result.count < count {
            let (scalar, length) = decode(p, i)
            result.append(HanScriptFold.fold(scalar))
            i += length
        }
        return result
    }

    /// Up to `count` code points before byte `end`, Han-folded, in text order.
    static func scalars(before end: Int, count: Int, bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        guard let p = bytes.baseAddress else { return [] }
        var result: [UInt32] = []
        var i = end
        while i > 0 && result.count < count {
            var start = i - 1
            while start > 0 && p[start] & 0xC0 == 0x80 { start -= 1 }
            result.append(HanScriptFold.fold(decode(p, start).scalar))
            i = start
        }
        return result.reversed()
    }

    func passesDisambiguation(_ entry: Entry, _ c: Candidate, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let context = symbols[Int(entry.symbol)]
        for following in context.notBefore where Self.scalars(after: c.endByte, count: following.count, bytes: bytes) == following {
            return false
        }
        for preceding in context.notAfter where Self.scalars(before: c.startByte, count: preceding.count, bytes: bytes) == preceding {
            return false
        }
        if !entry.notWithin.isEmpty {
            let length = Int(hanPatternLength(c))
            for (offset, longer) in entry.notWithin {
                let tail = longer.count - offset - length
                if Self.scalars(before: c.startByte, count: offset, bytes: bytes) == Array(longer[0..<offset]),
                   Self.scalars(after: c.endByte, count: tail, bytes: bytes) == Array(longer[(offset + length)...]) {
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
