import Foundation
import TextServices

/// Writes files so that a reader never sees a half-written one: temp file in the same directory, then rename.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible {
        case directoryMissing(String)
        case notADirectory(String)
        case writeFailed(String, String)
        /// The process is stopping (SIGINT/SIGTERM): no new file is started.
        case interrupted(String)
        public var description: String {
            switch self {
            case let .directoryMissing(dir): return "\(dir): output directory does not exist"
            case let .notADirectory(dir): return "\(dir): output directory is not a directory"
            case let .writeFailed(path, why): return "\(path): cannot write (\(why))"
            case let .interrupted(path): return "\(path): not written, interrupted"
            }
        }
    }

    /// Writes `data` to `url` atomically, replacing an existing file only once the new one is complete.
    /// `durable: false` skips the fsync before the rename: for files whose loss only costs a redo (stamps).
    public static func write(_ data: Data, to url: URL, durable: Bool = true) throws {
        let file = try AtomicFileStream(url)
        try file.write(data)
        try file.commit(durable: durable)
    }

    /// Creates `path` and its parents, throwing a locctl sentence naming it when that fails.
    public static func createDirectory(_ path: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw AtomicFile.Failure.notADirectory(path) }
            return
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw AtomicFile.Failure.writeFailed(path, "cannot create the directory: \(UserMessage.reason(error))")
        }
    }

    public static func write(_ text: String, to url: URL, durable: Bool = true) throws {
        try write(Data(text.utf8), to: url, durable: durable)
    }
}

/// Temporary files being written right now, so an interrupted process can remove them.
public final class TempFiles: Sendable {
    public static let shared = TempFiles()
    private let state = Locked((paths: Set<String>(), closed: false))

    /// Records a temp file about to be created; false once `removeAll()` has run (the process is stopping).
    func register(_ path: String) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.paths.insert(path)
            return true
        }
    }
    func unregister(_ path: String) { state.withLock { _ = $0.paths.remove(path) } }

    /// Deletes every registered temp file and refuses new ones (called on the way out after a signal).
    /// A writer that is between its temp file and the rename sees its rename fail and reports it.
    public func removeAll() {
        let all = state.withLock { state in
            defer { state.paths.removeAll(); state.closed = true }
            return state.paths
        }
        for p in all { unlink(p) }
    }
}

/// A file written piece by piece into a temp file beside it and renamed into place only by `commit()`,
/// so a reader never sees it half-written; `discard()` (or an error) removes the temp file.
public final class AtomicFileStream {
    private let url: URL
    private let temp: URL
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 18

    /// Creates the temp file for `url`; throws `AtomicFile.Failure` as `AtomicFile.write` does.
    public init(_ url: URL) throws {
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) else {
            throw AtomicFile.Failure.directoryMissing(dir.path)
        }
        guard isDir.boolValue else { throw AtomicFile.Failure.notADirectory(dir.path) }
        self.url = url
        self.temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        guard TempFiles.shared.register(temp.path) else { throw AtomicFile.Failure.interrupted(url.path) }
        fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            TempFiles.shared.unregister(temp.path)
            throw AtomicFile.Failure.writeFailed(url.path, String(cString: strerror(errno)))
        }
    }

    deinit { discard() }

    /// Appends bytes (buffered).
    public func write<S: Sequence>(_ bytes: S) throws where S.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends bytes: an array of at least the buffer's size is written after what is buffered, without copying it.
    public func write(_ bytes: [UInt8]) throws {
        guard bytes.count >= Self.flushSize else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.flushSize { try flush() }
            return
        }
        try flush()
        try bytes.withUnsafeBytes { try writeAll($0) }
    }

    /// Writes `data` unbuffered (after what is buffered), without copying it.
    public func write(_ data: Data) throws {
        try flush()
        try data.withUnsafeBytes { try writeAll($0) }
    }

    private func flush() throws {
        guard fd >= 0 else { throw AtomicFile.Failure.writeFailed(url.path, "already closed") }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte of `raw` (retrying on EINTR); on failure the temp file is discarded.
    private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < raw.count {
            let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                let failure = String(cString: strerror(errno))
                discard()
                throw AtomicFile.Failure.writeFailed(url.path, failure)
            }
            offset += n
        }
    }

    /// Writes what is buffered, syncs (unless `durable` is false) and renames the temp file onto the destination.
    public func commit(durable: Bool = true) throws {
        try flush()
        if durable, fsync(fd) != 0 {
            let why = String(cString: strerror(errno))
            discard()
            throw AtomicFile.Failure.writeFailed(url.path, why)
        }
        close(fd)
        fd = -1
        defer { TempFiles.shared.unregister(temp.path) }
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            throw AtomicFile.Failure.writeFailed(url.path, reason)
        }
    }

    /// Closes and removes the temp file; nothing is left at the destination. Does nothing after `commit()`.
    public func discard() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        unlink(temp.path)
        TempFiles.shared.unregister(temp.path)
    }
}
