import Foundation

/// Converts an SRT or WebVTT file to SRT or WebVTT a chunk at a time, in memory independent of the number of cues.
///
/// Each chunk ends where a block starts after a blank line (`SRTReader.lastCueBoundary`,
/// `WebVTTParser.lastBlockBoundary`) and is read by the same reader as a whole file, with its line numbers
/// and state carried over, and written with the same per-cue writers (`SRTCodec.appendCue`,
/// `WebVTTWriter.appendCueBlock`). Only what gives the bytes and warnings of `SubtitleFile.read` +
/// `SubtitleFile.write` is streamed; on anything else (`Fallback`) the temp file is removed and `convert`
/// returns nil, so the caller takes the whole-file path, which reports problems as always:
/// - an explicit `--encoding`, an input that is neither SRT nor WebVTT (by `--from` or extension), an
///   output that is neither SRT nor WebVTT;
/// - a byte that is not valid UTF-8, a NUL byte (UTF-16/32 detection), a BOM other than UTF-8's;
/// - any error (also `--strict`'s first warning), no cue at all, more than `maxDiagnostics` warnings;
/// - SRT: a cue number not above every earlier one (the whole-file reader names the line it was first used on);
/// - WebVTT output: a cue starting before the previous one (the writer sorts), REGION blocks (written only
///   when some cue uses them);
/// - SRT output with numeric ids kept and then a cue without a numeric id, unless every id so far was its
///   position (then renumbering from 1 writes the same bytes).
public enum StreamingConversion {
    /// What a streamed conversion read, as `SubtitleFile.Loaded` tells it.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var cueCount: Int
        public var format: String
        public var encoding: String
    }

    /// Why a conversion was not streamed (for tests).
    public enum Fallback: Error, Equatable {
        case notEligible, notUTF8, readFailed, unordered, numbering, regions, tooManyWarnings, noCues, unboundedBlock
        /// TTML: what only the whole document decides (`TTMLStreamReader.NotStreamable`), or a warning under `--strict`.
        case wholeDocument
    }

    public static let defaultChunkSize = 1 << 20
    /// More warnings than this are not kept in memory: the whole-file path reports them.
    public static let maxDiagnostics = 10_000
    /// A single block (or stray text) larger than this is read by the whole-file path.
    static let maxPending = 64 << 20

    /// The input format `convert` would stream for these options ("srt", "vtt" or "ttml"), from `from` or the extension.
    public static func streamableInput(_ input: URL, from: String?, encoding: String?, to format: String) -> String? {
        guard encoding == nil, format == "srt" || format == "vtt" else { return nil }
        let codec = from.map { SubtitleFormats.codec(named: $0) } ?? SubtitleFormats.codec(forExtension: input.pathExtension)
        guard let id = codec?.identifier, id == "srt" || id == "vtt" || id == "ttml" else { return nil }
        return id
    }

    /// Streams `input` to `output` when possible; nil when the caller must use the whole-file path.
    public static func convert(_ input: URL, to output: URL, format: String, from: String? = nil, encoding: String? = nil,
                               strict: Bool = false, chunkSize: Int = defaultChunkSize) -> Outcome? {
        try? attempt(input, to: output, format: format, from: from, encoding: encoding, strict: strict, chunkSize: chunkSize).get()
    }

    /// `convert` telling why it did not stream.
    public static func attempt(_ input: URL, to output: URL, format: String, from: String? = nil, encoding: String? = nil,
                               strict: Bool = false, chunkSize: Int = defaultChunkSize) -> Result<Outcome, Fallback> {
        guard let inputFormat = streamableInput(input, from: from, encoding: encoding, to: format) else { return .failure(.notEligible) }
        if inputFormat == "ttml" { return attemptTTML(input, to: output, format: format, strict: strict) }
        guard let handle = FileHandle(forReadingAtPath: input.path) else { return .failure(.readFailed) }
        defer { try? handle.close() }
        guard let sink = try? AtomicFileStream(output) else { return .failure(.readFailed) }
        var reader = ChunkReader(vtt: inputFormat == "vtt", name: input.path, strict: strict, directVTT: format == "vtt")
        var writer = CueWriter(format: format)
        var diagnostics: [Diagnostic] = []
        var pending: [UInt8] = []
        var atStart = true
        var validated = 0
        var out: [UInt8] = []
        var headerWritten = false
        var cueCount = 0
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if let failure = discardingOnFailure(sink, {
            while true {
                let data: Data
                do { data = try handle.read(upToCount: max(chunkSize, 16)) ?? Data() } catch { throw Fallback.readFailed }
                let eof = data.isEmpty
                pending.append(contentsOf: data)
                if atStart {
                    var skip = 0
                    while pending[skip...].starts(with: bom) { skip += 3 }
                    pending.removeFirst(skip)
                    if !pending.isEmpty || eof { atStart = false }
                }
                // Only whole lines are parsed until the end: the bytes up to the last line feed.
                let complete = eof ? pending.count : (pending.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
                // Bytes before `validated` were checked with an earlier chunk.
                let valid = pending.withUnsafeBufferPointer { UTF8Scan.isValidWithoutNUL(UnsafeBufferPointer(rebasing: $0[validated..<complete])) }
                guard valid else { throw Fallback.notUTF8 }
                validated = complete
                let cut = eof ? complete : (pending.withUnsafeBufferPointer { reader.lastBoundary(UnsafeBufferPointer(rebasing: $0[..<complete])) } ?? 0)
                if cut > 0 {
                    let (cues, found) = try reader.read(pending, upTo: cut)
                    diagnostics += found
                    if diagnostics.count > maxDiagnostics { throw Fallback.tooManyWarnings }
                    if !headerWritten, reader.headerIsFinal || eof {
                        try sink.write(try writer.header(reader.headerTrack))
                        headerWritten = true
                    }
                    // One write per chunk: the cues' bytes are gathered in `out` (storage kept between chunks).
                    out.removeAll(keepingCapacity: true)
                    for cue in cues { try writer.append(cue, to: &out) }
                    cueCount += cues.count
                    try sink.write(out)
                    if reader.directVTT {
                        cueCount += reader.directCount
                        try sink.write(reader.vttBytes)
                        reader.vttBytes.removeAll(keepingCapacity: true)
                    }
                    pending.removeFirst(cut)
                    validated -= cut
                }
                if eof { break }
                if pending.count > maxPending { throw Fallback.unboundedBlock }
            }
            guard cueCount > 0 else { throw Fallback.noCues }
            try sink.write(writer.trailer(reader.trailingNotes))
            try sink.commit()
        }) {
            return .failure(failure)
        }
        return .success(Outcome(diagnostics: diagnostics, cueCount: cueCount, format: inputFormat, encoding: "UTF-8"))
    }
}

extension StreamingConversion {
    /// TTML to SRT or WebVTT one paragraph at a time (`TTMLStreamReader`), reading the file 64 KiB at a time
    /// (`UTF8FileChunks`): one chunk and one paragraph in memory, never the file, the document's tree or its cues.
    /// Only UTF-8 input (with or without BOM) is streamed.
    static func attemptTTML(_ input: URL, to output: URL, format: String, strict: Bool) -> Result<Outcome, Fallback> {
        guard let chunks = UTF8FileChunks(path: input.path) else { return .failure(.readFailed) }
        guard let sink = try? AtomicFileStream(output) else { return .failure(.readFailed) }
        var writer = CueWriter(format: format)
        var cueCount = 0
        var diagnostics: [Diagnostic] = []
        if let failure = discardingOnFailure(sink, {
            var reader: TTMLStreamReader
            do { reader = try TTMLStreamReader(name: input.path, source: chunks.next) } catch { throw chunks.failure ?? Fallback.wholeDocument }
            var headerWritten = false
            // The cues' bytes, written 64 KiB at a time.
            var out: [UInt8] = []
            while true {
                let next: [Cue]?
                do { next = try reader.nextCues() } catch { throw chunks.failure ?? Fallback.wholeDocument }
                if strict, reader.diagnostics.contains(where: { $0.severity >= .warning }) { throw Fallback.wholeDocument }
                if reader.diagnostics.count > maxDiagnostics { throw Fallback.tooManyWarnings }
                guard let cues = next else { break }
                if !headerWritten {
                    try sink.write(try writer.header(reader.header, ttml: true))
                    headerWritten = true
                }
                for cue in cues { try writer.append(cue, orderedBy: .startAndEnd, to: &out) }
                cueCount += cues.count
                if out.count >= 1 << 16 {
                    try sink.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            try sink.write(out)
            diagnostics = reader.diagnostics
            guard cueCount > 0 else { throw Fallback.noCues }
            try sink.commit()
        }) {
            return .failure(failure)
        }
        return .success(Outcome(diagnostics: diagnostics, cueCount: cueCount, format: "ttml", encoding: "UTF-8"))
    }

    /// Runs one streamed conversion into `sink`: on any failure the partial output is discarded and the reason to
    /// fall back to the whole-file path returned (nil when `body` finished and committed).
    static func discardingOnFailure(_ sink: AtomicFileStream, _ body: () throws -> Void) -> Fallback? {
        do {
            try body()
            return nil
        } catch let fallback as Fallback {
            sink.discard()
            return fallback
        } catch {
            sink.discard()
            return .readFailed
        }
    }
}

/// Reads SRT or WebVTT one chunk at a time with the codecs' own readers, carrying their state between chunks.
private struct ChunkReader {
    let vtt: Bool
    let name: String
    let strict: Bool
    private var lineOffset = 0
    private var srtCarry = SRTReader.Carry()
    private var vttCarry = WebVTTParser.Carry()
    /// SRT to WebVTT: the reader writes the WebVTT bytes itself (`SRTReader.directVTT`); `read` returns no cue
    /// and the bytes wait in `vttBytes`.
    let directVTT: Bool
    private var previousStart: Int64?
    var vttBytes: [UInt8] = []
    /// How many cues the last `read` put in `vttBytes`.
    private(set) var directCount = 0

    init(vtt: Bool, name: String, strict: Bool, directVTT: Bool = false) {
        self.vtt = vtt
        self.name = name
        self.strict = strict
        self.directVTT = directVTT && !vtt
    }

    /// Where the last chunk that reads as in the whole file ends within these whole lines.
    func lastBoundary(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if vtt { return WebVTTParser.lastBlockBoundary(bytes, from: 0) }
        // Only the last lines matter: look in the last 64 KiB first (from a line start), then everywhere.
        var from = max(0, bytes.count - (64 << 10))
        while from > 0 && bytes[from - 1] != 0x0A { from -= 1 }
        if from > 0, let cut = SRTReader(bytes: UnsafeBufferPointer(rebasing: bytes[from...]), name: name, strict: strict).lastCueBoundary() {
            return from + cut
        }
        return SRTReader(bytes: bytes, name: name, strict: strict).lastCueBoundary()
    }

    /// Reads `bytes[..<cut]`.
    mutating func read(_ bytes: [UInt8], upTo cut: Int) throws(StreamingConversion.Fallback) -> ([Cue], [Diagnostic]) {
        if vtt {
            do throws(CodecError) {
                return try WebVTTParser.readChunk(Array(bytes[..<cut]), name: name, strict: strict, carry: &vttCarry)
            } catch {
                throw .readFailed
            }
        }
        // SRT to WebVTT: the canonical cues straight from the bytes, the reader from the first other cue on.
        var from = 0
        var canonical = 0
        if directVTT {
            var state = SRTReader.CanonicalState(carry: srtCarry, previousStart: previousStart)
            let progress = bytes.withUnsafeBufferPointer { buf in
                SRTReader.canonicalVTT(UnsafeBufferPointer(rebasing: buf[..<cut]), state: &state, into: &vttBytes)
            }
            srtCarry = state.carry
            previousStart = state.previousStart
            lineOffset += progress.lines
            canonical = progress.cues
            from = progress.bytes
            if from == cut {
                directCount = canonical
                return ([], [])
            }
        }
        let result: Result<([Cue], [Diagnostic], Int, SRTReader.Carry), CodecError> = bytes.withUnsafeBufferPointer { buf in
            var reader = SRTReader(bytes: UnsafeBufferPointer(rebasing: buf[from..<cut]), name: name, strict: strict)
            reader.lineOffset = lineOffset
            reader.ascendingNumbersOnly = true
            reader.carry = srtCarry
            reader.directVTT = directVTT
            reader.previousStart = previousStart
            do throws(CodecError) {
                let cues = try reader.read()
                reader.takeVTT(into: &vttBytes)
                previousStart = reader.previousStart
                directCount = canonical + reader.written
                return .success((cues, reader.diagnostics, reader.lineCount, reader.carry))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case let .success((cues, diagnostics, lines, carry)):
            lineOffset += lines
            srtCarry = carry
            return (cues, diagnostics)
        case let .failure(error):
            switch error.message {
            case SRTReader.needsWholeFile: throw .numbering
            case SRTReader.unorderedForVTT: throw .unordered
            default: throw .readFailed
            }
        }
    }

    /// Whether the track's header, styles and regions can no longer change (WebVTT: a cue was read).
    var headerIsFinal: Bool { !vtt || vttCarry.seenCue }

    /// The cue-less track of what precedes the cues (WebVTT header, STYLE and REGION blocks).
    var headerTrack: Track {
        guard vtt else { return Track() }
        var track = vttCarry.header ?? Track()
        track.regions = vttCarry.regions
        if !vttCarry.styles.isEmpty { track.extensions["webvtt.style"] = vttCarry.styles.joined(separator: "\n\n") }
        return track
    }

    /// NOTE blocks after the last cue.
    var trailingNotes: String? {
        vtt && !vttCarry.pendingNotes.isEmpty ? vttCarry.pendingNotes.joined(separator: "\n\n") : nil
    }
}

/// Writes cues one at a time as the SRT or WebVTT codec writes a whole track, or stops where it cannot.
private struct CueWriter {
    private let vtt: Bool
    private let eol: String
    private var count = 0
    private var previousStart: Timestamp?
    private var previousKey: (Timestamp, Timestamp)?
    /// SRT: numeric ids are kept as long as every cue has one; `renumber` once one has not.
    private var renumber = false
    /// SRT: every id so far was its position (1, 2, 3 …), so keeping and renumbering wrote the same.
    private var idsArePositions = true

    init(format: String) {
        vtt = format == "vtt"
        let srt = SubtitleFormats.codec(named: "srt") as? SRTCodec ?? SRTCodec()
        eol = srt.lineEnding.rawValue
        renumber = srt.numbering == .renumber
    }

    /// What comes before the first cue: for WebVTT the header and STYLE blocks of `track` (which has no cues).
    func header(_ track: Track, ttml: Bool = false) throws(StreamingConversion.Fallback) -> [UInt8] {
        guard vtt else { return [] }
        // REGION blocks are written only when a cue uses them, which the stream cannot know yet. TTML regions
        // are never written as REGION blocks unless they hold WebVTT settings only (as if every region were used).
        if ttml {
            var used = track
            used.cues = track.regions.compactMap { _ in try? Cue(start: .zero, end: Timestamp(milliseconds: 1), text: "x") }
            for i in used.cues.indices { used.cues[i].placement.regionID = track.regions[i].id }
            guard WebVTTWriter.writtenRegions(used).isEmpty else { throw .regions }
        } else {
            guard track.regions.isEmpty else { throw .regions }
        }
        return Array(WebVTTWriter.write(track).utf8)
    }

    /// The bytes of the next cue.
    /// How the whole-file path orders cues: WebVTT's writer by start; TTML's reader by start and end, before that.
    enum Order { case start, startAndEnd }

    mutating func append(_ cue: Cue, orderedBy order: Order = .start) throws(StreamingConversion.Fallback) -> [UInt8] {
        var out: [UInt8] = []
        try append(cue, orderedBy: order, to: &out)
        return out
    }

    /// Appends the bytes of the next cue to `out`.
    mutating func append(_ cue: Cue, orderedBy order: Order = .start, to out: inout [UInt8]) throws(StreamingConversion.Fallback) {
        count += 1
        if order == .startAndEnd {
            if let (s, e) = previousKey, (cue.start, cue.end) < (s, e) { throw .unordered }
            previousKey = (cue.start, cue.end)
        }
        if vtt {
            if let previousStart, cue.start < previousStart { throw .unordered }
            previousStart = cue.start
            WebVTTWriter.appendCueBlock(cue, regionIDs: [], to: &out)
            return
        }
        let position = String(count)
        if !renumber && !SRTCodec.isNumericID(cue.id) {
            guard idsArePositions else { throw .numbering }
            renumber = true
        }
        if cue.id != position { idsArePositions = false }
        SRTCodec.appendCue(cue, number: renumber ? position : cue.id!, eol: eol, to: &out)
    }

    /// What follows the last cue: WebVTT's trailing NOTE blocks.
    func trailer(_ notes: String?) -> [UInt8] {
        guard vtt, let notes else { return [] }
        var out: [UInt8] = []
        WebVTTWriter.appendNotes(notes, to: &out)
        return out
    }
}
