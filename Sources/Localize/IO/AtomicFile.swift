import Foundation

/// Writes files so that a reader never sees a half-written one: temp file in the same directory, then rename.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible {
        case directoryMissing(String)
        case writeFailed(String, String)
        public var description: String {
            switch self {
            case let .directoryMissing(dir): return "\(dir): output directory does not exist"
            case let .writeFailed(path, why): return "\(path): cannot write (\(why))"
            }
        }
    }

    /// Writes `data` to `url` atomically, replacing an existing file only once the new one is complete.
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw Failure.directoryMissing(dir.path)
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw Failure.writeFailed(url.path, String(cString: strerror(errno))) }
        TempFiles.shared.register(temp.path)
        defer { TempFiles.shared.unregister(temp.path) }
        var ok = true
        var why = ""
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false; why = String(cString: strerror(errno)); return
                }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false; why = String(cString: strerror(errno)) }
        close(fd)
        guard ok else {
            unlink(temp.path)
            throw Failure.writeFailed(url.path, why)
        }
        if rename(temp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp.path)
            throw Failure.writeFailed(url.path, reason)
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}

/// Temporary files being written right now, so an interrupted process can remove them.
public final class TempFiles: @unchecked Sendable {
    public static let shared = TempFiles()
    private let lock = NSLock()
    private var paths = Set<String>()

    func register(_ path: String) { lock.lock(); paths.insert(path); lock.unlock() }
    func unregister(_ path: String) { lock.lock(); paths.remove(path); lock.unlock() }

    /// Deletes every registered temp file (called from a signal handler path before exiting).
    public func removeAll() {
        lock.lock()
        let all = paths
        paths.removeAll()
        lock.unlock()
        for p in all { unlink(p) }
    }
}
