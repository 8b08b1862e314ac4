import Foundation

/// Finds the region profiles directory with zero set-up, like `GlossaryLocator` does for glossaries.
///
/// In order: an explicit directory (`--regions-dir DIR`), `$LOCCTL_REGIONS`, then the nearest
/// `regions/README.md` walking up from the current directory, then from the executable's directory.
public struct RegionLocator: Sendable {
    public var explicitDirectory: String?
    public var environment: [String: String]
    public var currentDirectory: URL
    public var executableURL: URL?

    public init(explicitDirectory: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
                executableURL: URL? = Bundle.main.executableURL) {
        self.explicitDirectory = explicitDirectory
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executableURL = executableURL
    }

    /// The regions directory.
    ///
    /// - Throws: ``RegionLocatorError`` naming what was tried.
    public func locate() throws -> URL {
        if let explicit = explicitDirectory {
            return try existingDirectory(explicit, source: "--regions-dir")
        }
        if let fromEnvironment = environment["LOCCTL_REGIONS"], !fromEnvironment.isEmpty {
            return try existingDirectory(fromEnvironment, source: "LOCCTL_REGIONS")
        }
        var starts = [currentDirectory]
        if let executableURL { starts.append(executableURL.resolvingSymlinksInPath().deletingLastPathComponent()) }
        for start in starts {
            if let found = Self.walkUp(from: start) { return found }
        }
        throw RegionLocatorError.notFound(searchedFrom: starts.map(\.path))
    }

    /// The nearest `regions/` holding a `README.md`, from `start` up to the root.
    static func walkUp(from start: URL) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent("regions", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    private func existingDirectory(_ path: String, source: String) throws -> URL {
        let url = URL(fileURLWithPath: path, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RegionLocatorError.notADirectory(path: path, source: source)
        }
        return url
    }
}

/// Why no regions directory was found.
public enum RegionLocatorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The directory given by `source` (`--regions-dir` or `LOCCTL_REGIONS`) does not exist.
    case notADirectory(path: String, source: String)
    /// No `regions/README.md` above any of these directories.
    case notFound(searchedFrom: [String])

    public var description: String {
        switch self {
        case let .notADirectory(path, source):
            return "regions directory '\(path)' (from \(source)) does not exist"
        case let .notFound(starts):
            return "no regions/README.md found above \(starts.joined(separator: " or ")); pass --regions-dir DIR or set LOCCTL_REGIONS"
        }
    }
}
