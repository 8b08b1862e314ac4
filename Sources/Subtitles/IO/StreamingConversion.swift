import Foundation

/// Converts an SRT file to SRT or WebVTT a chunk at a time, in memory independent of the number of cues.
///
/// Each chunk ends where a cue starts after a blank line (`SRTReader.lastCueBoundary`) and is read by the
/// same `SRTReader` as a whole file, with its line numbers and cue numbering carried over, and written with
/// the same per-cue writers (`SRTCodec.appendCue`, `WebVTTWriter.appendCueBlock`). Only what gives the
/// bytes and warnings of `SubtitleFile.read` + `SubtitleFile.write` is streamed; on anything else
/// (`Fallback`) the temp file is removed and `convert` returns nil, so the caller takes the whole-file path,
/// which reports problems as always:
/// - an explicit `--encoding`, an input that is not SRT, an output that is neither SRT nor WebVTT;
/// - a byte that is not valid UTF-8, a NUL byte (UTF-16/32 detection), a BOM other than UTF-8's;
/// - any error (also `--strict`'s first warning), no cue at all, more than `maxDiagnostics` warnings;
/// - a cue number not above every earlier one (the whole-file reader names the line it was first used on);
/// - WebVTT output with a cue starting before the previous one (the writer sorts);
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

    /// Why a conversion was not streamed (for tests and messages).
    public enum Fallback: Error, Equatable {
        case notEligible, notUTF8, readFailed, unordered, numbering, tooManyWarnings, noCues, unboundedCue
    }

    public static let defaultChunkSize = 1 << 20
    /// More warnings than this are not kept in memory: the whole-file path reports them.
    public static let maxDiagnostics = 10_000
    /// A single cue (or stray text) larger than this is read by the whole-file path.
    static let maxPending = 64 << 20

    /// Whether `convert` would try streaming for these options (the input's format from `from` or its extension).
    public static func isEligible(_ input: URL, from: String?, encoding: String?, to format: String) -> Bool {
        guard encoding == nil, format == "srt" || format == "vtt" else { return false }
        let codec = from.map { SubtitleFormats.codec(named: $0) } ?? SubtitleFormats.codec(forExtension: input.pathExtension)
        return codec?.identifier == "srt"
    }

    /// Streams `input` to `output` when possible; nil when the caller must use the whole-file path.
    public static func convert(_ input: URL, to output: URL, format: String, from: String? = nil, encoding: String? = nil,
                               strict: Bool = false, chunkSize: Int = defaultChunkSize) -> Outcome? {
        try? attempt(input, to: output, format: format, from: from, encoding: encoding, strict: strict, chunkSize: chunkSize).get()
    }

    /// `convert` telling why it did not stream.
    public static func attempt(_ input: URL, to output: URL, format: String, from: String? = nil, encoding: String? = nil,
                               strict: Bool = false, chunkSize: Int = defaultChunkSize) -> Result<Outcome, Fallback> {
        guard isEligible(input, from: from, encoding: encoding, to: format) else { return .failure(.notEligible) }
        guard let handle = FileHandle(forReadingAtPath: input.path) else { return .failure(.readFailed) }
        defer { try? handle.close() }
        guard let sink = try? AtomicFileStream(output) else { return .failure(.readFailed) }
        var writer = CueWriter(format: format)
        var diagnostics: [Diagnostic] = []
        var pending: [UInt8] = []
        var atStart = true
        var lineOffset = 0
        var carry = SRTReader.Carry()
        var cueCount = 0
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        do {
            try sink.write(writer.header())
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
                guard pending[..<complete].allSatisfy({ $0 != 0 }),
                      String(validating: pending[..<complete], as: UTF8.self) != nil else { throw Fallback.notUTF8 }
                var cut = complete
                if !eof {
                    cut = pending.withUnsafeBufferPointer { buf in
                        SRTReader(bytes: UnsafeBufferPointer(rebasing: buf[..<complete]), name: input.path, strict: strict).lastCueBoundary()
                    } ?? 0
                }
                if cut > 0 {
                    let chunk: Result<([Cue], [Diagnostic], Int, SRTReader.Carry), CodecError> = pending.withUnsafeBufferPointer { buf in
                        var reader = SRTReader(bytes: UnsafeBufferPointer(rebasing: buf[..<cut]), name: input.path, strict: strict)
                        reader.lineOffset = lineOffset
                        reader.ascendingNumbersOnly = true
                        reader.carry = carry
                        do throws(CodecError) {
                            let cues = try reader.read()
                            return .success((cues, reader.diagnostics, reader.lineCount, reader.carry))
                        } catch {
                            return .failure(error)
                        }
                    }
                    let (cues, found, lines, next): ([Cue], [Diagnostic], Int, SRTReader.Carry)
                    switch chunk {
                    case let .success(read): (cues, found, lines, next) = read
                    case let .failure(error): throw error.message == SRTReader.needsWholeFile ? Fallback.numbering : Fallback.readFailed
                    }
                    diagnostics += found
                    if diagnostics.count > maxDiagnostics { throw Fallback.tooManyWarnings }
                    for cue in cues { try sink.write(writer.append(cue)) }
                    cueCount += cues.count
                    lineOffset += lines
                    carry = next
                    pending.removeFirst(cut)
                }
                if eof { break }
                if pending.count > maxPending { throw Fallback.unboundedCue }
            }
            guard cueCount > 0 else { throw Fallback.noCues }
            try sink.commit()
        } catch let fallback as Fallback {
            sink.discard()
            return .failure(fallback)
        } catch CueWriter.Stop.unordered {
            sink.discard()
            return .failure(.unordered)
        } catch CueWriter.Stop.numbering {
            sink.discard()
            return .failure(.numbering)
        } catch {
            sink.discard()
            return .failure(.readFailed)
        }
        return .success(Outcome(diagnostics: diagnostics, cueCount: cueCount, format: "srt", encoding: "UTF-8"))
    }
}

/// Writes cues one at a time as the SRT or WebVTT codec writes a whole track, or stops where it cannot.
struct CueWriter {
    enum Stop: Error { case unordered, numbering }

    private let vtt: Bool
    private let eol: String
    private var count = 0
    private var previousStart: Timestamp?
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

    /// What comes before the first cue.
    func header() -> [UInt8] {
        vtt ? Array(WebVTTWriter.write(Track()).utf8) : []
    }

    /// The bytes of the next cue.
    mutating func append(_ cue: Cue) throws(Stop) -> [UInt8] {
        count += 1
        if vtt {
            if let previousStart, cue.start < previousStart { throw .unordered }
            previousStart = cue.start
            var out: [UInt8] = []
            WebVTTWriter.appendCueBlock(cue, regionIDs: [], to: &out)
            return out
        }
        let position = String(count)
        if !renumber && !SRTCodec.isNumericID(cue.id) {
            guard idsArePositions else { throw .numbering }
            renumber = true
        }
        if cue.id != position { idsArePositions = false }
        var out = ""
        SRTCodec.appendCue(cue, number: renumber ? position : cue.id!, eol: eol, to: &out)
        return Array(out.utf8)
    }
}
