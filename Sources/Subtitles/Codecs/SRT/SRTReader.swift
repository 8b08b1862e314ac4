/// Reads SRT as found in the wild into cues, line by line over UTF-8 bytes (no quadratic string work).
///
/// Structure rules, in the order they are tried for each block:
/// - blank lines (empty, spaces, control characters) separate cues, any number of them;
/// - a cue starts at a timing line, optionally preceded by its number on the line before;
/// - a cue's text runs until a blank line followed by the start of a cue (or the end of the file), or
///   until a line that is itself a timing line or a number directly followed by a timing line (a missing
///   blank line, with a warning);
/// - a blank line inside the text followed by more text is skipped and the text kept (warning);
/// - text before the first cue and a lone number at the end are skipped (warning).
struct SRTReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    let strict: Bool
    private var lines: [Range<Int>] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Line of the first cue that used each number (numbers, not strings: cheap to hash on 10^6 cues).
    private var seenNumbers: [Int: Int] = [:]
    private var previousNumber: Int?
    /// Added to every reported line: the lines before these bytes when a file is read a chunk at a time.
    var lineOffset = 0
    /// Reading a chunk at a time: cue numbers are checked against the largest so far instead of all seen
    /// (bounded memory), and a number not above it is thrown as `needsWholeFile` so the caller reads the whole file.
    var ascendingNumbersOnly = false
    private var largestNumber: Int?

    /// What a chunked read carries from one chunk's reader to the next.
    struct Carry {
        var previousNumber: Int?
        var largestNumber: Int?
    }

    /// The numbering state to hand to the reader of the next chunk.
    var carry: Carry {
        get { Carry(previousNumber: previousNumber, largestNumber: largestNumber) }
        set { previousNumber = newValue.previousNumber; largestNumber = newValue.largestNumber }
    }

    /// The message of the error thrown when a chunked read meets what only a whole-file read reports exactly.
    static let needsWholeFile = "cue numbers are not ascending; read the whole file"

    /// The number of lines in these bytes.
    var lineCount: Int { lines.count }

    init(bytes: UnsafeBufferPointer<UInt8>, name: String, strict: Bool) {
        self.bytes = bytes
        self.name = name
        self.strict = strict
        splitLines()
    }

    private mutating func splitLines() {
        lines.reserveCapacity(bytes.count / 16)
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                lines.append(start..<i)
                i += 1
                start = i
            } else if b == 0x0D {
                lines.append(start..<i)
                i += (i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else {
                i += 1
            }
        }
        if start < n { lines.append(start..<n) }
    }

    // MARK: - Line classes

    private func isBlank(_ k: Int) -> Bool { Self.isBlank(bytes, lines[k]) }

    /// The line without surrounding spaces and BOMs (U+FEFF left by concatenated files).
    private func trimmed(_ k: Int) -> Range<Int> { Self.trimmed(bytes, lines[k]) }

    private func isNumber(_ k: Int) -> Bool { Self.isNumber(bytes, lines[k]) }

    private func timing(_ k: Int) -> SRTTiming? {
        guard k < lines.count else { return nil }
        return SRTTiming.parse(bytes, lines[k])
    }

    private func isBrokenTiming(_ k: Int) -> Bool {
        guard k < lines.count else { return false }
        return Self.isBrokenTiming(bytes, lines[k])
    }

    // The same classes for a line given as its byte range (also read by `canonicalVTT`).

    /// Empty, or spaces and control characters only.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        for i in line {
            let b = bytes[i]
            if b > 0x20 && b != 0x7F { return false }
        }
        return true
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int> {
        var lo = line.lowerBound, hi = line.upperBound
        while true {
            if lo < hi && (bytes[lo] <= 0x20) { lo += 1; continue }
            if lo + 3 <= hi && bytes[lo] == 0xEF && bytes[lo + 1] == 0xBB && bytes[lo + 2] == 0xBF { lo += 3; continue }
            break
        }
        while hi > lo && bytes[hi - 1] <= 0x20 { hi -= 1 }
        return lo..<hi
    }

    static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let r = trimmed(bytes, line)
        guard !r.isEmpty, r.count <= 12 else { return false }
        for i in r where !SRTTiming.isDigit(bytes[i]) { return false }
        return true
    }

    /// A line meant as a timing line that does not parse: digits, `:`, `,`, `.`, `-` and spaces, then `-->`
    /// (`99:99:99,999 --> …`, `-00:00:01,000 --> …`). It ends the cue before it and is reported, never kept as text.
    static func isBrokenTiming(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let r = trimmed(bytes, line)
        guard let first = r.first, SRTTiming.isDigit(bytes[first]) || bytes[first] == 0x2D else { return false }
        var i = r.lowerBound
        while i + 2 < r.upperBound {
            let b = bytes[i]
            if b == 0x2D && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x3E { return SRTTiming.parse(bytes, line) == nil }
            guard SRTTiming.isDigit(b) || b == 0x3A || b == 0x2C || b == 0x2E || b == 0x2D || SRTTiming.isSpace(b) else { return false }
            i += 1
        }
        return false
    }

    /// Whether line `k` holds `<`, `{` or `&` (a possible tag, override or character reference).
    private func hasMarkup(_ k: Int) -> Bool {
        for i in lines[k] {
            let b = bytes[i]
            if b == 0x3C || b == 0x7B || b == 0x26 { return true }
        }
        return false
    }

    private func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    private func excerpt(_ k: Int) -> String {
        let s = string(trimmed(k))
        return s.count > 40 ? String(s.prefix(40)) + "…" : s
    }

    // MARK: - Diagnostics

    private mutating func warn(_ message: String, line: Int, kind: CodecError.Kind = .syntax, dropsCue: Bool = false) throws(CodecError) {
        let location = SourceLocation(file: name, line: line + lineOffset)
        if strict { throw CodecError(kind, message, at: location) }
        diagnostics.append(Diagnostic(.warning, message, at: location, dropsCue: dropsCue))
    }

    // MARK: - Structure

    /// The byte offset of the last line where a cue starts after a blank line, with the line after it
    /// present: reading the bytes before it gives the cues and warnings a whole-file read gives for them
    /// (every rule looks at most at that line and the next). Nil when these bytes hold no such line.
    func lastCueBoundary() -> Int? {
        var k = lines.count - 2
        while k >= 1 {
            if isBlank(k - 1), !isBlank(k), timing(k) != nil || timing(k + 1) != nil { return lines[k].lowerBound }
            k -= 1
        }
        return nil
    }

    /// Reads every cue.
    mutating func read() throws(CodecError) -> [Cue] {
        var cues: [Cue] = []
        cues.reserveCapacity(lines.count / 4)
        var k = 0
        let n = lines.count
        while k < n {
            if isBlank(k) { k += 1; continue }
            var idLine: Int?
            let timingLine: Int
            let parsed: SRTTiming
            if let t = timing(k) {
                timingLine = k
                parsed = t
            } else if let t = timing(k + 1) {
                idLine = k
                timingLine = k + 1
                parsed = t
            } else if isBrokenTiming(k) || (isNumber(k) && isBrokenTiming(k + 1)) {
                let bad = isBrokenTiming(k) ? k : k + 1
                try warn("invalid timing line '\(excerpt(bad))' (times must be HH:MM:SS,mmm with minutes and seconds below 60); "
                         + "the cue is skipped", line: bad + 1, dropsCue: true)
                k = bad + 1
                while k < n && !isBlank(k) && timing(k) == nil { k += 1 }
                continue
            } else {
                try warn("text outside any cue was skipped: '\(excerpt(k))'", line: k + 1, dropsCue: true)
                k += 1
                continue
            }
            let (textLines, next) = try collectText(after: timingLine)
            if directVTT {
                try writeVTT(idLine: idLine, timingLine: timingLine, timing: parsed, textLines: textLines)
            } else {
                cues.append(try makeCue(idLine: idLine, timingLine: timingLine, timing: parsed, textLines: textLines))
            }
            k = next
        }
        return cues
    }

    /// The text lines of the cue whose timing is on line `t`, and the line where the next block starts.
    private mutating func collectText(after t: Int) throws(CodecError) -> ([Int], Int) {
        var text: [Int] = []
        var k = t + 1
        let n = lines.count
        while k < n {
            if isBlank(k) {
                var j = k + 1
                while j < n && isBlank(j) { j += 1 }
                if j == n || timing(j) != nil || timing(j + 1) != nil { return (text, j) }
                if isBrokenTiming(j) || (isNumber(j) && isBrokenTiming(j + 1)) { return (text, j) }
                // A lone number after a blank line with nothing after it: a dangling cue number.
                if isNumber(j) && (j + 1 == n || isBlank(j + 1)) { return (text, j) }
                if !text.isEmpty {
                    try warn("blank line inside the cue text; the text after it is kept in the same cue", line: k + 1)
                }
                k = j
                continue
            }
            if timing(k) != nil || isBrokenTiming(k) {
                try warn("missing blank line before the cue starting here", line: k + 1)
                return (text, k)
            }
            if k + 1 < n, isNumber(k), timing(k + 1) != nil {
                try warn("missing blank line before cue \(excerpt(k))", line: k + 1)
                return (text, k)
            }
            text.append(k)
            k += 1
        }
        return (text, k)
    }

    private mutating func makeCue(idLine: Int?, timingLine: Int, timing t: SRTTiming, textLines: [Int]) throws(CodecError) -> Cue {
        let (id, span, extensions) = try cueHeader(idLine: idLine, timingLine: timingLine, timing: t)
        return try makeCue(id: id, span: span, extensions: extensions, textLines: textLines)
    }

    // MARK: - Direct WebVTT

    /// Appends each cue as WebVTT to `vtt` instead of returning it (`read` returns no cue): the bytes
    /// `WebVTTWriter.appendCueBlock` writes for the cue `read` would give, with the same warnings. Plain cues (no
    /// `<`, `{` or `&` in their text, no `-->` in their number line) are copied from the input without building a
    /// `Cue`; the others go through the model. A cue starting before the previous one (the WebVTT writer sorts)
    /// throws `unorderedForVTT`.
    var directVTT = false
    private(set) var vtt: [UInt8] = []
    var previousStart: Int64?
    /// Cues appended to `vtt`.
    private(set) var written = 0
    static let unorderedForVTT = "cues are not in start-time order; read the whole file"

    /// Empties `vtt`, keeping its storage.
    mutating func takeVTT(into out: inout [UInt8]) {
        out.append(contentsOf: vtt)
        vtt.removeAll(keepingCapacity: true)
    }

    private mutating func writeVTT(idLine: Int?, timingLine: Int, timing t: SRTTiming, textLines: [Int]) throws(CodecError) {
        let (id, span, extensions) = try cueHeader(idLine: idLine, timingLine: timingLine, timing: t)
        let idRange = idLine.map(trimmed)
        let start = span.start.milliseconds
        if let previousStart, start < previousStart {
            throw CodecError(.unsupported, Self.unorderedForVTT, at: SourceLocation(file: name, line: timingLine + 1 + lineOffset))
        }
        previousStart = start
        written += 1
        if textLines.contains(where: hasMarkup) || (idRange.map(containsArrow) ?? false) {
            let cue = try makeCue(id: id, span: span, extensions: extensions, textLines: textLines)
            WebVTTWriter.appendCueBlock(cue, regionIDs: [], to: &vtt)
            return
        }
        if let idRange, !idRange.isEmpty {
            vtt.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[idRange]))
            vtt.append(0x0A)
        }
        WebVTTSyntax.appendTimestamp(start, to: &vtt)
        vtt.append(contentsOf: [0x20, 0x2D, 0x2D, 0x3E, 0x20]) // " --> "
        WebVTTSyntax.appendTimestamp(span.end.milliseconds, to: &vtt)
        vtt.append(0x0A)
        for (index, k) in textLines.enumerated() {
            if index > 0 { vtt.append(0x0A) }
            // Plain text: only `>` needs escaping (no `&`, `<`; no CR or NUL inside a line).
            var runStart = lines[k].lowerBound
            for i in lines[k] where bytes[i] == 0x3E {
                vtt.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                vtt.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
                runStart = i + 1
            }
            vtt.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<lines[k].upperBound]))
        }
        if !textLines.isEmpty { vtt.append(0x0A) }
        vtt.append(0x0A)
    }

    private func containsArrow(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i + 2 < r.upperBound {
            if bytes[i] == 0x2D && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x3E { return true }
            i += 1
        }
        return false
    }

    // MARK: - Cues

    /// The number, timing and extensions of a cue, with their warnings.
    private mutating func cueHeader(idLine: Int?, timingLine: Int, timing t: SRTTiming) throws(CodecError)
        -> (id: String?, span: TimeSpan, extensions: [String: String]) {
        // Number.
        var id: String?
        if let idLine {
            let s = string(trimmed(idLine))
            id = s
            if isNumber(idLine) {
                let number = Int(s) ?? 0
                if ascendingNumbersOnly {
                    if let largest = largestNumber, number <= largest {
                        throw CodecError(.unsupported, Self.needsWholeFile, at: SourceLocation(file: name, line: idLine + 1 + lineOffset))
                    }
                    largestNumber = number
                }
                if let first = seenNumbers[number] {
                    try warn("cue number \(s) was already used on line \(first)", line: idLine + 1)
                } else if let previous = previousNumber, number != previous + 1 {
                    try warn("cue number \(s) follows \(previous) (expected \(previous + 1))", line: idLine + 1)
                }
                previousNumber = number
                if !ascendingNumbersOnly, seenNumbers[number] == nil { seenNumbers[number] = idLine + 1 }
            } else {
                try warn("cue number '\(s)' is not a number", line: idLine + 1)
            }
        } else {
            try warn("cue has no number", line: timingLine + 1)
        }

        // Timing.
        for quirk in t.quirks { try warn("timing line: \(quirk)", line: timingLine + 1) }
        var extensions: [String: String] = [:]
        if !t.rest.isEmpty {
            let rest = string(t.rest)
            if rest.uppercased().hasPrefix("X1:") {
                extensions["srt.coordinates"] = rest
            } else {
                try warn("unexpected text after the end time was ignored: '\(rest)'", line: timingLine + 1)
            }
        }
        let start = Timestamp(milliseconds: t.start)
        var end = Timestamp(milliseconds: t.end)
        if end < start {
            try warn("end time \(end.formatted(separator: ",")) is before start time \(start.formatted(separator: ",")); "
                     + "the cue is kept with its end set to its start", line: timingLine + 1, kind: .semantics)
            end = start
        }
        return (id, TimeSpan(start: start, end: end)!, extensions)
    }

    private mutating func makeCue(id: String?, span: TimeSpan, extensions: [String: String], textLines: [Int]) throws(CodecError) -> Cue {
        var placement = Placement()
        let nodes: [Inline]
        if textLines.isEmpty {
            nodes = []
        } else if !textLines.contains(where: hasMarkup) {
            // Plain lines (never empty, never holding a line break): one text node each, line breaks between.
            var plain: [Inline] = []
            plain.reserveCapacity(textLines.count * 2 - 1)
            for (index, k) in textLines.enumerated() {
                if index > 0 { plain.append(.lineBreak) }
                plain.append(.text(string(lines[k])))
            }
            nodes = plain
        } else {
            var joined: [UInt8] = []
            for (index, k) in textLines.enumerated() {
                if index > 0 { joined.append(0x0A) }
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lines[k]]))
            }
            var parser = SRTInlineParser()
            nodes = parser.parse(joined[...])
            placement.anchor = parser.anchor
            for problem in parser.problems {
                try warn(problem.message, line: textLines[min(problem.lineOffset, textLines.count - 1)] + 1)
            }
        }
        return Cue(id: id, timing: span, text: CueText(nodes), placement: placement, extensions: extensions)
    }
}
