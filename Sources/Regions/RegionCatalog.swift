import Foundation
import Subtitles
import SymbolDB

/// A regions directory whose every profile has been checked: every tag, and each profile parsed when asked for.
///
/// Opening checks every profile, as ``RegionLoader/loadDirectory(_:)`` does (any error in any file throws),
/// unless the cache records that these very files (names and bytes) already passed that check with this build of
/// locctl; then only the profiles asked for are parsed. A changed, added, removed or broken file is never taken
/// on trust: its bytes give another fingerprint, and the whole directory is checked again.
public struct RegionCatalog: Sendable {
    /// Every profile's tag, sorted.
    public let tags: [String]
    private let files: [String: URL]
    private let parsed: [String: RegionProfile]

    /// Opens `directory`, checking every profile unless `cacheDirectory` records these files as checked
    /// (nil: always check, and record nothing).
    public static func open(_ directory: URL, cacheDirectory: URL? = CacheLocation.directory()) throws -> RegionCatalog {
        let files = try RegionLoader.profileFiles(in: directory)
        let before = cacheDirectory.flatMap { try? CheckedContents(kind: "regions", files: files, directory: directory, cacheDirectory: $0) }
        if let before, before.isRecorded {
            // A checked directory's profiles are named after their tags (`<tag>.yaml`), each tag once.
            var byTag: [String: URL] = [:]
            for url in files { byTag[url.deletingPathExtension().lastPathComponent] = url }
            return RegionCatalog(tags: byTag.keys.sorted(), files: byTag, parsed: [:])
        }
        let profiles = try RegionLoader.loadDirectory(directory)
        // Recorded only when the bytes checked are the bytes hashed (no file changed while it was read).
        if let before, let cacheDirectory,
           let after = try? CheckedContents(kind: "regions", files: files, directory: directory, cacheDirectory: cacheDirectory),
           after.fingerprint == before.fingerprint {
            after.record()
        }
        return RegionCatalog(profiles)
    }

    /// A catalog of profiles already loaded.
    public init(_ profiles: [RegionProfile]) {
        var parsed: [String: RegionProfile] = [:]
        for p in profiles { parsed[p.tag] = p }
        self.init(tags: profiles.map(\.tag).sorted(), files: [:], parsed: parsed)
    }

    private init(tags: [String], files: [String: URL], parsed: [String: RegionProfile]) {
        self.tags = tags
        self.files = files
        self.parsed = parsed
    }

    /// The profile with exactly `tag` (one of ``tags``), parsed now if it was not yet.
    public func profile(_ tag: String) throws -> RegionProfile {
        if let profile = parsed[tag] { return profile }
        guard let url = files[tag] else {
            throw RegionErrors(errors: [RegionError("no region profile '\(tag)'", at: SourceLocation(file: tag))])
        }
        let profile = try RegionLoader.loadFile(url)
        // The file changed since it was hashed: the check no longer vouches for it.
        guard profile.tag == tag else {
            throw RegionErrors(errors: [RegionError("tag '\(profile.tag)' does not match the file name '\(tag).yaml'",
                                                    at: SourceLocation(file: url.path, line: 1))])
        }
        return profile
    }

    /// Every profile, sorted by tag.
    public func all() throws -> [RegionProfile] { try tags.map(profile) }
}
