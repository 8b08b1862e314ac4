import Foundation

/// Remembers, in the cache, that a set of files passed a check by this build exactly as they are now (their
/// names and bytes), so a later process can skip checking them again. Any change to a file's bytes, a file added
/// or removed, or another build of locctl gives another fingerprint, and the files are checked again.
public struct CheckedContents: Sendable {
    /// The cache file that records the fingerprint of the last files that passed.
    public let markURL: URL
    /// SHA-256 over the kind, this build's identity and every file's name, length and bytes.
    public let fingerprint: String

    /// Reads and hashes `files` (named relative to `directory`); throws when a file cannot be read.
    public init(kind: String, files: [URL], directory: URL, cacheDirectory: URL = CacheLocation.directory()) throws {
        var hasher = SHA256()
        hasher.update("locctl-checked \(kind)\n\(MatcherSnapshots.buildIdentity)\n")
        try GlossaryFingerprint.hashContents(of: files, in: directory, into: &hasher)
        fingerprint = hasher.finalizeHex()
        let key = String(SHA256.hex(kind + "\t" + directory.standardizedFileURL.resolvingSymlinksInPath().path).prefix(16))
        markURL = cacheDirectory.appendingPathComponent("checked-\(key)")
    }

    /// Whether these very contents were recorded as passing.
    public var isRecorded: Bool {
        guard let data = try? Data(contentsOf: markURL) else { return false }
        return String(decoding: data, as: UTF8.self) == fingerprint
    }

    /// Records that these contents passed (atomically; a cache that cannot be written only costs a re-check).
    public func record() {
        try? FileManager.default.createDirectory(at: markURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        MatcherSnapshots.write(Array(fingerprint.utf8), to: markURL)
    }
}
