import Foundation

/// What identifies one state of a glossary directory: a content hash and a cheap file-status signature.
public struct GlossaryFingerprint: Hashable, Sendable {
    /// SHA-256 over every source file's relative path and bytes (and the store format version).
    public var contentHash: String
    /// Hash of every source file's relative path, size and modification time: unchanged files skip hashing.
    public var statusSignature: String
    /// The newest modification time among the files (seconds since 1970).
    public var newestModification: Double

    /// The file-status signature only (no file is read).
    public static func statusSignature(of files: [URL], in directory: URL) -> (signature: String, newest: Double) {
        var text = "v\(SymbolStore.formatVersion)\n"
        var newest = 0.0
        for url in files {
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            newest = max(newest, modified)
            text += "\(relativePath(url, in: directory))\t\(size)\t\(modified)\n"
        }
        return (SHA256.hex(text), newest)
    }

    /// Reads and hashes every source file.
    public static func compute(files: [URL], in directory: URL) throws -> GlossaryFingerprint {
        var hasher = SHA256()
        hasher.update("locctl-symbols v\(SymbolStore.formatVersion)\n")
        try hashContents(of: files, in: directory, into: &hasher)
        let status = statusSignature(of: files, in: directory)
        return GlossaryFingerprint(contentHash: hasher.finalizeHex(), statusSignature: status.signature,
                                   newestModification: status.newest)
    }

    /// Feeds every file's relative name, length and bytes to `hasher`; throws when a file cannot be read.
    static func hashContents(of files: [URL], in directory: URL, into hasher: inout SHA256) throws {
        for url in files {
            let bytes = try [UInt8](Data(contentsOf: url))
            hasher.update("\(relativePath(url, in: directory))\n\(bytes.count)\n")
            hasher.update(bytes)
        }
    }

    static func relativePath(_ url: URL, in directory: URL) -> String {
        let base = directory.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}

/// Where compiled symbol stores live: `$LOCCTL_CACHE_DIR`, else `$XDG_CACHE_HOME/locctl`, else `~/.cache/locctl`.
public enum CacheLocation {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let custom = environment["LOCCTL_CACHE_DIR"], !custom.isEmpty {
            return URL(fileURLWithPath: custom, isDirectory: true)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("locctl", isDirectory: true)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".cache/locctl", isDirectory: true)
    }

    /// The store file for one glossary directory (named by a hash of its absolute path).
    public static func storeURL(for glossaryDirectory: URL, in cacheDirectory: URL) -> URL {
        let key = String(SHA256.hex(glossaryDirectory.standardizedFileURL.resolvingSymlinksInPath().path).prefix(16))
        return cacheDirectory.appendingPathComponent("symbols-\(key).sqlite")
    }
}
