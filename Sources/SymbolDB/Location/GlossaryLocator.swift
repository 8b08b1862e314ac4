import Foundation

/// Finds the glossary directory with zero set-up.
///
/// In order: an explicit directory (`--glossary DIR`), `$LOCCTL_GLOSSARIES`, then the nearest
/// `glossaries/README.md` walking up from the current directory, then from the executable's directory.
public struct GlossaryLocator: Sendable {
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

    /// The glossary directory.
    ///
    /// - Throws: ``GlossaryLocatorError`` naming what was tried.
    public func locate() throws -> URL {
        if let explicit = explicitDirectory {
            return try existingDirectory(explicit, source: "--glossary")
        }
        if let fromEnvironment = environment["LOCCTL_GLOSSARIES"], !fromEnvironment.isEmpty {
            return try existingDirectory(fromEnvironment, source: "LOCCTL_GLOSSARIES")
        }
        var starts = [currentDirectory]
        if let executableURL { starts.append(executableURL.resolvingSymlinksInPath().deletingLastPathComponent()) }
        for start in starts {
            if let found = Self.walkUp(from: start) { return found }
        }
        throw GlossaryLocatorError.notFound(searchedFrom: starts.map(\.path))
    }

    /// The nearest `glossaries/` holding a `README.md`, from `start` up to the root.
    static func walkUp(from start: URL) -> URL? {
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent("glossaries", isDirectory: true)
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
            throw GlossaryLocatorError.notADirectory(path: path, source: source)
        }
        return url
    }
}

/// Why no glossary directory was found.
public enum GlossaryLocatorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The directory given by `source` (`--glossary` or `LOCCTL_GLOSSARIES`) does not exist.
    case notADirectory(path: String, source: String)
    /// No `glossaries/README.md` above any of these directories.
    case notFound(searchedFrom: [String])

    public var description: String {
        switch self {
        case let .notADirectory(path, source):
            return "glossary directory '\(path)' (from \(source)) does not exist"
        case let .notFound(starts):
            return "no glossaries/README.md found above \(starts.joined(separator: " or ")); pass --glossary DIR or set LOCCTL_GLOSSARIES"
        }
    }
}
