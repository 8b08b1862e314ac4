import Foundation
import Subtitles
import TextServices

/// Findings kept in an unlinked temp file, with a compact index in memory (40 bytes a finding), so a series
/// or a 10^6-cue track can be reported without holding every finding: the reports read them back one at a
/// time, in report order (``Finding/reportOrder``) or in the text report's order (severity first per episode).
///
/// Appends may come from several threads (one episode each); reading starts once every append is done.
public final class FindingStore: @unchecked Sendable {
    /// Where one finding is on disk, and what it sorts by.
    struct Entry {
        var episode: Int32
        var rule: Int32
        var start: Int64       // -1 without a time, as in reportOrder
        var cue: Int64         // -1 without a cue
        var offset: UInt64
        var length: UInt32
        var severity: UInt8
    }

    private let state = Locked(State())
    private struct State {
        var fd: Int32 = -1
        var failure: String?
        var buffer: [UInt8] = []
        var flushed: UInt64 = 0
        var entries: [Entry] = []
        var episodes: [String: Int32] = [:]
        var episodeNames: [String] = []
        var rules: [String: Int32] = [:]
        var ruleNames: [String] = []
    }
    private static let flushSize = 1 << 18

    /// Creates the temp file (in `directory`, default the system temp directory) and unlinks it at once:
    /// nothing is left behind, whatever happens to the process.
    public init(directory: URL? = nil) throws {
        let dir = directory ?? URL(fileURLWithPath: NSTemporaryDirectory())
        let path = dir.appendingPathComponent("locctl-findings.\(UUID().uuidString.prefix(8)).tmp").path
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw AtomicFile.Failure.writeFailed(path, "cannot create a temporary file for findings (\(String(cString: strerror(errno))))")
        }
        unlink(path)
        state.withLock { $0.fd = fd }
    }

    deinit {
        state.withLock { s in
            if s.fd >= 0 { close(s.fd) }
            s.fd = -1
        }
    }

    /// How many findings the store holds.
    public var count: Int { state.withLock { $0.entries.count } }

    /// Adds `findings` (kept in this order among findings that sort equal).
    public func append<S: Sequence>(contentsOf findings: S) where S.Element == Finding {
        state.withLock { s in
            for f in findings { Self.add(f, to: &s) }
            if s.buffer.count >= Self.flushSize { Self.flush(&s) }
        }
    }

    public func append(_ finding: Finding) { append(contentsOf: CollectionOfOne(finding)) }

    private static func add(_ f: Finding, to s: inout State) {
        let episode: Int32
        if let id = s.episodes[f.episode] { episode = id } else {
            episode = Int32(s.episodeNames.count)
            s.episodes[f.episode] = episode
            s.episodeNames.append(f.episode)
        }
        let rule: Int32
        if let id = s.rules[f.rule] { rule = id } else {
            rule = Int32(s.ruleNames.count)
            s.rules[f.rule] = rule
            s.ruleNames.append(f.rule)
        }
        let offset = s.flushed + UInt64(s.buffer.count)
        FindingCoding.encode(f, into: &s.buffer)
        let length = UInt32(UInt64(s.buffer.count) + s.flushed - offset)
        s.entries.append(Entry(episode: episode, rule: rule, start: f.location.start?.milliseconds ?? -1,
                               cue: Int64(f.location.cueIndex ?? -1), offset: offset, length: length,
                               severity: UInt8(f.severity.rank)))
    }

    private static func flush(_ s: inout State) {
        guard s.failure == nil, !s.buffer.isEmpty else { return }
        let fd = s.fd
        var failure: String?
        s.buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(s.flushed) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                done += n
            }
        }
        if let failure { s.failure = failure; return }
        s.flushed += UInt64(s.buffer.count)
        s.buffer.removeAll(keepingCapacity: true)
    }

    /// The two orders findings are read back in.
    public enum Order: Sendable {
        /// Episode, time, cue, rule, text (``Finding/reportOrder``).
        case report
        /// Episode, then severity (errors first), then report order: the text report's order.
        case severityFirst
    }

    /// Calls `body` with every finding in `order`. Throws when the temp file could not be written or read.
    /// With `episodeOrder`, episodes go in that order (those not listed after, by name); else by name.
    public func forEach(in order: Order = .report, episodeOrder: [String]? = nil, _ body: (Finding) throws -> Void) throws {
        let (fd, entries, episodeRank, ruleRank, failure): (Int32, [Entry], [Int32], [Int32], String?) = state.withLock { s in
            Self.flush(&s)
            return (s.fd, s.entries, Self.ranks(s.episodeNames, first: episodeOrder), Self.ranks(s.ruleNames), s.failure)
        }
        if let failure { throw AtomicFile.Failure.writeFailed("temporary findings file", failure) }
        // Sort positions, not entries: ties keep the order findings were added in (as a stable sort would).
        var positions = Array(0..<Int32(entries.count))
        func key(_ e: Entry) -> (Int32, Int64, Int64, Int32) { (episodeRank[Int(e.episode)], e.start, e.cue, ruleRank[Int(e.rule)]) }
        positions.sort { a, b in
            let ea = entries[Int(a)], eb = entries[Int(b)]
            if order == .severityFirst {
                let ra = episodeRank[Int(ea.episode)], rb = episodeRank[Int(eb.episode)]
                if ra != rb { return ra < rb }
                if ea.severity != eb.severity { return ea.severity > eb.severity }
            }
            let ka = key(ea), kb = key(eb)
            return ka != kb ? ka < kb : a < b
        }
        var buffer = [UInt8]()
        var run: [Finding] = []
        var runKey: (Int32, Int64, Int64, Int32, UInt8)? = nil
        func emitRun() throws {
            // Findings equal up to their text go by text, as in reportOrder.
            if run.count > 1 { run = run.enumerated().sorted { $0.element.text != $1.element.text ? $0.element.text < $1.element.text : $0.offset < $1.offset }.map(\.element) }
            for f in run { try body(f) }
            run.removeAll(keepingCapacity: true)
        }
        for p in positions {
            let e = entries[Int(p)]
            buffer.removeAll(keepingCapacity: true)
            buffer.reserveCapacity(Int(e.length))
            try Self.read(fd, offset: e.offset, length: Int(e.length), into: &buffer)
            let finding = try FindingCoding.decode(buffer)
            let k = key(e)
            let full = (k.0, k.1, k.2, k.3, order == .severityFirst ? e.severity : 0)
            if let runKey, runKey != full { try emitRun() }
            runKey = full
            run.append(finding)
        }
        try emitRun()
    }

    /// Rank of each name: its place in `first` when listed there, else after those, in String order.
    private static func ranks(_ names: [String], first: [String]? = nil) -> [Int32] {
        var listed: [String: Int] = [:]
        for (i, name) in (first ?? []).enumerated() where listed[name] == nil { listed[name] = i }
        var ranks = [Int32](repeating: 0, count: names.count)
        let sorted = names.indices.sorted { a, b in
            switch (listed[names[a]], listed[names[b]]) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return names[a] < names[b]
            }
        }
        for (rank, i) in sorted.enumerated() { ranks[i] = Int32(rank) }
        return ranks
    }

    private static func read(_ fd: Int32, offset: UInt64, length: Int, into buffer: inout [UInt8]) throws {
        buffer = [UInt8](unsafeUninitializedCapacity: length) { raw, initialized in
            var done = 0
            while done < length {
                let n = pread(fd, raw.baseAddress! + done, length - done, off_t(offset) + off_t(done))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            initialized = done
        }
        guard buffer.count == length else {
            throw AtomicFile.Failure.writeFailed("temporary findings file", "short read")
        }
    }
}

/// A compact binary form of ``Finding`` for ``FindingStore`` (never written anywhere a user sees).
enum FindingCoding {
    struct Malformed: Error, CustomStringConvertible {
        var description: String { "the temporary findings file is damaged" }
    }

    static func encode(_ f: Finding, into out: inout [UInt8]) {
        put(f.rule, &out)
        out.append(UInt8(f.severity.rank))
        put(f.episode, &out)
        let l = f.location
        put(l.file, &out)
        put(l.cueIndex.map(Int64.init), &out)
        put(l.cueID, &out)
        put(l.start?.milliseconds, &out)
        put(l.end?.milliseconds, &out)
        put(l.line.map(Int64.init), &out)
        put(f.message, &out)
        put(f.text, &out)
        put(f.expected, &out)
        put(f.fix, &out)
        put(f.symbolID, &out)
        put(f.fingerprint, &out)
        put(f.suppression?.reason, &out)
        put(f.suppression?.origin, &out)
        if let context = f.context {
            out.append(1)
            put(context.target, &out)
            put(Int64(context.source.count), &out)
            for s in context.source { put(s, &out) }
        } else {
            out.append(0)
        }
    }

    static func decode(_ bytes: [UInt8]) throws -> Finding {
        var r = Reader(bytes: bytes)
        let rule = try r.string()
        let severity = try r.severity()
        let episode = try r.string()
        let file = try r.string()
        let cueIndex = try r.optionalInt().map(Int.init)
        let cueID = try r.optionalString()
        let start = try r.optionalInt().map(Timestamp.init(milliseconds:))
        let end = try r.optionalInt().map(Timestamp.init(milliseconds:))
        let line = try r.optionalInt().map(Int.init)
        var f = Finding(rule: rule, severity: severity, episode: episode,
                        location: FindingLocation(file: file, cueIndex: cueIndex, cueID: cueID, start: start, end: end, line: line),
                        message: try r.string(), text: try r.string(), expected: try r.optionalString(), fix: try r.optionalString(),
                        symbolID: try r.optionalString())
        f.fingerprint = try r.string()
        let reason = try r.optionalString(), origin = try r.optionalString()
        if let reason, let origin { f.suppression = FindingSuppression(reason: reason, origin: origin) }
        if try r.byte() == 1 {
            let target = try r.string()
            let count = try r.int()
            var sources: [String] = []
            for _ in 0..<max(0, count) { sources.append(try r.string()) }
            f.context = FindingContext(target: target, source: sources)
        }
        return f
    }

    private static func put(_ value: Int64, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func put(_ value: Int64?, _ out: inout [UInt8]) {
        guard let value else { out.append(0); return }
        out.append(1)
        put(value, &out)
    }

    private static func put(_ value: String, _ out: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            put(Int64(utf8.count), &out)
            out.append(contentsOf: utf8)
        }
    }

    private static func put(_ value: String?, _ out: inout [UInt8]) {
        guard let value else { out.append(0); return }
        out.append(1)
        put(value, &out)
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func byte() throws -> UInt8 {
            guard at < bytes.count else { throw Malformed() }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func int() throws -> Int64 {
            guard at + 8 <= bytes.count else { throw Malformed() }
            var value: Int64 = 0
            for i in 0..<8 { value |= Int64(bytes[at + i]) << (8 * i) }
            at += 8
            return value
        }

        mutating func optionalInt() throws -> Int64? { try byte() == 0 ? nil : try int() }

        mutating func string() throws -> String {
            let count = Int(try int())
            guard count >= 0, at + count <= bytes.count else { throw Malformed() }
            defer { at += count }
            return String(decoding: bytes[at..<(at + count)], as: UTF8.self)
        }

        mutating func optionalString() throws -> String? { try byte() == 0 ? nil : try string() }

        mutating func severity() throws -> FindingSeverity {
            switch try byte() {
            case 0: return .note
            case 1: return .warning
            case 2: return .error
            default: throw Malformed()
            }
        }
    }
}
