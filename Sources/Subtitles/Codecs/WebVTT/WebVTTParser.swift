/// The W3C "WebVTT parser algorithm" over UTF-8 bytes (https://w3c.github.io/webvtt/#file-parsing).
///
/// Steps kept as the spec writes them: NUL → U+FFFD; CR, LF and CRLF all end a line; the signature
/// check; the header line and header block; "collect a WebVTT block" with its `-->` rules (an arrow
/// on line 1, or on line 2 after an id, starts a cue; any other arrow line ends the block and starts
/// the next); STYLE and REGION blocks only before the first cue; NOTE and other blocks yield nothing.
///
/// What the spec throws away but a round trip needs is kept in extensions:
/// - `Track.extensions["webvtt.header"]`: the text after `WEBVTT` on the first line and the header
///   block lines after it (e.g. HLS `X-TIMESTAMP-MAP`), joined by LF.
/// - `Track.extensions["webvtt.style"]`: the STYLE blocks' CSS, blocks separated by a blank line.
/// - `Cue.extensions["webvtt.notes"]`: NOTE blocks met before the cue (blank-line separated);
///   `Track.extensions["webvtt.trailingNotes"]` those after the last cue.
/// - `Cue.extensions["webvtt.originalEnd"]`: the end time in milliseconds when the file's end
///   precedes its start (the spec keeps such a cue; the model cannot, so its end is set to its start).
struct WebVTTParser {
    private let b: [UInt8]
    private let name: String
    private let strict: Bool
    private var pos = 0
    private var line = 1
    private var seenCue = false

    private var cues: [Cue] = []
    private var regions: [DocumentRegion] = []
    private var regionIDs: Set<String> = []
    private var styles: [String] = []
    private var pendingNotes: [String] = []
    private var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8], name: String, strict: Bool) {
        // Step 1: NUL → U+FFFD (EF BF BD). Line terminators are handled while reading lines.
        if bytes.contains(0) {
            var replaced: [UInt8] = []
            replaced.reserveCapacity(bytes.count + 16)
            for c in bytes {
                if c == 0 { replaced.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { replaced.append(c) }
            }
            b = replaced
        } else {
            b = bytes
        }
        self.name = name
        self.strict = strict
    }

    private func location(line: Int, column: Int? = nil) -> SourceLocation {
        SourceLocation(file: name, line: line, column: column)
    }

    private mutating func warn(_ message: String, line: Int, dropsCue: Bool = false) throws(CodecError) {
        if strict { throw CodecError(.syntax, message, at: location(line: line, column: 1)) }
        diagnostics.append(Diagnostic(.warning, message, at: location(line: line, column: 1), dropsCue: dropsCue))
    }

    mutating func parse() throws(CodecError) -> Decoded {
        guard var track = try readHeader() else { return Decoded(track: header, diagnostics: diagnostics) }
        try readBlocks()
        track.cues = cues
        track.regions = regions
        if !styles.isEmpty { track.extensions["webvtt.style"] = styles.joined(separator: "\n\n") }
        if !pendingNotes.isEmpty { track.extensions["webvtt.trailingNotes"] = pendingNotes.joined(separator: "\n\n") }
        return Decoded(track: track, diagnostics: diagnostics)
    }

    /// The track holding what the signature line and header block give (`webvtt.header`).
    private var header = Track()

    /// Steps 1–12: the signature and header block; nil when the file ends there (`header` holds the track).
    private mutating func readHeader() throws(CodecError) -> Track? {
        var start = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }
        pos = start
        // Steps 4–6: the signature.
        let signature: [UInt8] = Array("WEBVTT".utf8)
        let rest = b.count - start
        let hasSignature = rest >= 6 && Array(b[start..<start + 6]) == signature
            && (rest == 6 || [WebVTTSyntax.space, WebVTTSyntax.tab, WebVTTSyntax.lf, WebVTTSyntax.cr].contains(b[start + 6]))
        guard hasSignature else {
            var column = 1
            while column <= 6, start + column - 1 < b.count, b[start + column - 1] == signature[column - 1] { column += 1 }
            let what = rest == 0 ? "empty file" : "missing WEBVTT signature"
            throw CodecError(.syntax, "\(what): a WebVTT file must start with \"WEBVTT\" followed by a space, tab or line break",
                             at: location(line: 1, column: column))
        }
        var track = Track()
        // Step 7: the rest of the signature line.
        let first = nextLine()
        var headerText: [UInt8] = Array(b[(start + 6)..<first.end])
        func finish(_ track: inout Track, header: [UInt8]) {
            if !header.isEmpty { track.extensions["webvtt.header"] = String(decoding: header, as: UTF8.self) }
        }
        // Steps 8–10.
        if !first.terminated || pos >= b.count {
            finish(&track, header: headerText)
            header = track
            return nil
        }
        // Step 11: a header block, unless the next line is empty.
        if isTerminator(b[pos]) {
            skipOneTerminator()
        } else {
            let block = try collectBlock(inHeader: true)
            if case let .other(text, _) = block, !text.isEmpty {
                headerText.append(WebVTTSyntax.lf)
                headerText.append(contentsOf: text)
            }
        }
        finish(&track, header: headerText)
        // Step 12.
        skipTerminators()
        header = track
        return track
    }

    /// Step 14: the blocks from `pos` to the end of the bytes.
    private mutating func readBlocks() throws(CodecError) {
        while pos < b.count {
            let blockLine = line
            switch try collectBlock(inHeader: false) {
            case let .cue(cue):
                var cue = cue
                if !pendingNotes.isEmpty {
                    cue.extensions["webvtt.notes"] = pendingNotes.joined(separator: "\n\n")
                    pendingNotes.removeAll()
                }
                cues.append(cue)
            case let .style(css):
                styles.append(css)
            case let .region(settings):
                if settings.id.isEmpty {
                    diagnostics.append(Diagnostic(.note, "REGION without an id cannot be used by any cue; dropped",
                                                  at: location(line: blockLine)))
                } else {
                    if regionIDs.contains(settings.id) { regions.removeAll { $0.id == settings.id } }
                    regionIDs.insert(settings.id)
                    regions.append(DocumentRegion(id: settings.id, properties: settings.raw))
                }
            case let .other(text, isNote):
                if isNote {
                    pendingNotes.append(String(decoding: text, as: UTF8.self))
                } else if !text.isEmpty {
                    try warn("block is neither a cue, a NOTE, a STYLE nor a REGION block; ignored", line: blockLine)
                }
            }
            skipTerminators()
        }
    }

    // MARK: Reading a chunk at a time

    /// What a chunked read carries from one chunk's parser to the next: everything but the bytes, cues and diagnostics.
    struct Carry {
        var line = 1
        var seenCue = false
        var header: Track?
        var regions: [DocumentRegion] = []
        var regionIDs: Set<String> = []
        var styles: [String] = []
        var pendingNotes: [String] = []
    }

    /// Reads one chunk that starts at a block (or at the file's start when `carry.header` is nil) and ends
    /// right after an empty line or at the end of the file; returns its cues and diagnostics and updates `carry`.
    static func readChunk(_ bytes: [UInt8], name: String, strict: Bool, carry: inout Carry) throws(CodecError) -> ([Cue], [Diagnostic]) {
        var parser = WebVTTParser(bytes: bytes, name: name, strict: strict)
        if carry.header == nil {
            carry.header = try parser.readHeader() ?? parser.header
        } else {
            parser.line = carry.line
            parser.seenCue = carry.seenCue
            parser.regions = carry.regions
            parser.regionIDs = carry.regionIDs
            parser.styles = carry.styles
            parser.pendingNotes = carry.pendingNotes
        }
        try parser.readBlocks()
        carry.line = parser.line
        carry.seenCue = parser.seenCue
        carry.regions = parser.regions
        carry.regionIDs = parser.regionIDs
        carry.styles = parser.styles
        carry.pendingNotes = parser.pendingNotes
        return (parser.cues, parser.diagnostics)
    }

    /// The byte offset of the last non-empty line that follows an empty line in `bytes`, past `from`: every
    /// empty line after the header ends a block, so a chunk cut there reads as in the whole file.
    static func lastBlockBoundary(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var k = bytes.count - 1
        while k > from {
            let c = bytes[k]
            let previous = bytes[k - 1]
            if c != WebVTTSyntax.lf, c != WebVTTSyntax.cr, previous == WebVTTSyntax.lf || previous == WebVTTSyntax.cr {
                // Line k starts here; the line before it is empty when its terminator follows another terminator.
                var j = k - 1
                if previous == WebVTTSyntax.lf, j >= 1, bytes[j - 1] == WebVTTSyntax.cr { j -= 1 }
                if j >= 1, bytes[j - 1] == WebVTTSyntax.lf || bytes[j - 1] == WebVTTSyntax.cr { return k }
            }
            k -= 1
        }
        return nil
    }

    // MARK: Lines

    @inline(__always)
    private func isTerminator(_ c: UInt8) -> Bool { c == WebVTTSyntax.lf || c == WebVTTSyntax.cr }

    /// Collects characters up to the next line terminator and moves past it.
    private mutating func nextLine() -> (start: Int, end: Int, terminated: Bool) {
        let s = pos
        var k = pos
        let n = b.count
        while k < n, b[k] != WebVTTSyntax.lf, b[k] != WebVTTSyntax.cr { k += 1 }
        pos = k
        guard k < n else { return (s, k, false) }
        skipOneTerminator()
        return (s, k, true)
    }

    private mutating func skipOneTerminator() {
        if b[pos] == WebVTTSyntax.cr, pos + 1 < b.count, b[pos + 1] == WebVTTSyntax.lf { pos += 2 } else { pos += 1 }
        line += 1
    }

    private mutating func skipTerminators() {
        while pos < b.count, isTerminator(b[pos]) { skipOneTerminator() }
    }

    private func containsArrow(_ s: Int, _ e: Int) -> Bool {
        var k = s
        while k + 2 < e {
            if b[k + 2] == 0x3E, b[k + 1] == 0x2D, b[k] == 0x2D { return true }
            k += 1
        }
        return false
    }

    // MARK: Blocks

    private enum Block {
        case cue(Cue)
        case style(String)
        case region(WebVTTRegionSettings)
        /// A block that makes nothing: its text, and whether it is a NOTE comment.
        case other([UInt8], isNote: Bool)
    }

    private struct PendingCue {
        var id: [UInt8]
        var start: Int64
        var end: Int64
        var settings: [String: String]
        var regionID: String?
        var derived: WebVTTCueSettings
        var line: Int
    }

    /// "Collect a WebVTT block".
    private mutating func collectBlock(inHeader: Bool) throws(CodecError) -> Block {
        var lineCount = 0
        var previousPosition = pos, previousLine = line
        var buffer: [UInt8] = []
        var seenArrow = false
        var cue: PendingCue?
        var isStyle = false, isRegion = false
        while true {
            let lineNumber = line
            let l = nextLine()
            lineCount += 1
            let seenEOF = !l.terminated
            if containsArrow(l.start, l.end) {
                if !inHeader, lineCount == 1 || (lineCount == 2 && !seenArrow) {
                    seenArrow = true
                    previousPosition = pos
                    previousLine = line
                    if var parsed = parseTimingsAndSettings(l.start, l.end, line: lineNumber) {
                        parsed.id = buffer
                        cue = parsed
                        buffer.removeAll()
                        seenCue = true
                    } else {
                        cue = nil
                        try warn("invalid cue timings; the block is ignored", line: lineNumber, dropsCue: true)
                    }
                } else {
                    pos = previousPosition
                    line = previousLine
                    break
                }
            } else if l.start == l.end {
                break
            } else {
                if !inHeader, lineCount == 2, !seenCue {
                    if matchesKeyword(buffer, "STYLE") {
                        isStyle = true
                        buffer.removeAll()
                    } else if matchesKeyword(buffer, "REGION") {
                        isRegion = true
                        buffer.removeAll()
                    }
                }
                if !buffer.isEmpty { buffer.append(WebVTTSyntax.lf) }
                buffer.append(contentsOf: b[l.start..<l.end])
                previousPosition = pos
                previousLine = line
            }
            if seenEOF { break }
        }
        if let c = cue {
            let start = Timestamp(milliseconds: c.start)
            var extensions: [String: String] = [:]
            var endMS = c.end
            if c.end < c.start {
                try warn("cue ends (\(WebVTTSyntax.timestampString(c.end))) before it starts (\(WebVTTSyntax.timestampString(c.start))); end set to start",
                         line: c.line)
                extensions["webvtt.originalEnd"] = String(c.end)
                endMS = c.start
            }
            let span = TimeSpan(start: start, end: Timestamp(milliseconds: endMS))!
            let text = WebVTTCueTextParser.parse(buffer, 0, buffer.count)
            let placement = Placement(anchor: c.settings.isEmpty ? nil : c.derived.anchor,
                                      regionID: c.regionID, cueSettings: c.settings)
            return .cue(Cue(id: c.id.isEmpty ? nil : String(decoding: c.id, as: UTF8.self), timing: span, text: text,
                            placement: placement, extensions: extensions))
        }
        if isStyle { return .style(String(decoding: buffer, as: UTF8.self)) }
        if isRegion { return .region(WebVTTRegionSettings(parsing: Substring(String(decoding: buffer, as: UTF8.self)))) }
        let isNote = buffer.count >= 4 && buffer[0] == 0x4E && buffer[1] == 0x4F && buffer[2] == 0x54 && buffer[3] == 0x45
            && (buffer.count == 4 || WebVTTSyntax.isWhitespace(buffer[4]))
        return .other(buffer, isNote: isNote)
    }

    /// `keyword` followed by nothing but spaces and tabs.
    private func matchesKeyword(_ buffer: [UInt8], _ keyword: StaticString) -> Bool {
        let k = keyword.utf8Start
        let n = keyword.utf8CodeUnitCount
        guard buffer.count >= n else { return false }
        for j in 0..<n where buffer[j] != k[j] { return false }
        return buffer[n...].allSatisfy { $0 == WebVTTSyntax.space || $0 == WebVTTSyntax.tab }
    }

    /// "Collect WebVTT cue timings and settings".
    private func parseTimingsAndSettings(_ s: Int, _ e: Int, line: Int) -> PendingCue? {
        var i = s
        skipWhitespace(&i, e)
        guard let start = WebVTTSyntax.collectTimestamp(b, &i, end: e) else { return nil }
        skipWhitespace(&i, e)
        guard i + 2 < e, b[i] == 0x2D, b[i + 1] == 0x2D, b[i + 2] == 0x3E else { return nil }
        i += 3
        skipWhitespace(&i, e)
        guard let end = WebVTTSyntax.collectTimestamp(b, &i, end: e) else { return nil }
        var cue = PendingCue(id: [], start: start, end: end, settings: [:], regionID: nil, derived: WebVTTCueSettings(), line: line)
        if i < e { parseSettings(i, e, into: &cue) }
        return cue
    }

    private func skipWhitespace(_ i: inout Int, _ e: Int) {
        while i < e, WebVTTSyntax.isWhitespace(b[i]) { i += 1 }
    }

    /// "Parse the WebVTT cue settings": invalid settings are ignored; the raw text of each valid one is
    /// kept (the last valid value of a name wins).
    private func parseSettings(_ s: Int, _ e: Int, into cue: inout PendingCue) {
        let text = String(decoding: b[s..<e], as: UTF8.self)
        for token in WebVTTSyntax.splitOnWhitespace(Substring(text)) {
            guard let (name, value) = WebVTTSyntax.splitSetting(token) else { continue }
            if name == "region" {
                let id = String(value)
                cue.regionID = regionIDs.contains(id) ? id : nil
            } else if cue.derived.apply(name: name, value: value) {
                var raw = String(value)
                // A bare line number keeps an alignment set earlier in the same settings.
                if name == "line", !value.contains(","), cue.derived.lineAlign != .start {
                    raw += "," + cue.derived.lineAlign.rawValue
                }
                cue.settings[String(name)] = raw
            }
        }
    }
}
