import Foundation

/// The bundled data directories locctl finds with zero set-up.
public enum DataDirectory: String, Sendable {
    case glossaries, regions

    /// The command-line option that names the directory explicitly.
    public var option: String { self == .glossaries ? "--glossary" : "--regions-dir" }
    /// The environment variable that names the directory.
    public var environmentKey: String { self == .glossaries ? "LOCCTL_GLOSSARIES" : "LOCCTL_REGIONS" }
}

/// The glossary locator is the data-directory locator for `glossaries/`.
public typealias GlossaryLocator = DataDirectoryLocator

/// Finds a bundled data directory (`glossaries/`, `regions/`) with zero set-up.
///
/// In order: an explicit directory (`--glossary DIR`), the environment (`$LOCCTL_GLOSSARIES`), then the
/// nearest `glossaries/README.md` walking up from the current directory, then from the executable's directory.
public struct DataDirectoryLocator: Sendable {
    public var kind: DataDirectory
    public var explicitDirectory: String?
    public var environment: [String: String]
    public var currentDirectory: URL
    public var executableURL: URL?

    public init(_ kind: DataDirectory = .glossaries, explicitDirectory: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
                executableURL: URL? = Bundle.main.executableURL) {
        self.kind = kind
        self.explicitDirectory = explicitDirectory
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executableURL = executableURL
    }

    /// The directory.
    ///
    /// - Throws: ``GlossaryLocatorError`` naming what was tried.
    public func locate() throws -> URL {
        if let explicit = explicitDirectory {
            return try existingDirectory(explicit, source: kind.option)
        }
        if let fromEnvironment = environment[kind.environmentKey], !fromEnvironment.isEmpty {
            return try existingDirectory(fromEnvironment, source: kind.environmentKey)
        }
        var starts = [currentDirectory]
        if let executableURL { starts.append(executableURL.resolvingSymlinksInPath().deletingLastPathComponent()) }
        for start in starts {
            if let found = Self.walkUp(from: start, name: kind.rawValue) { return found }
        }
        throw GlossaryLocatorError.notFound(kind: kind, searchedFrom: starts.map(\.path))
    }

    /// The nearest `<name>/` holding a `README.md`, from `start` up to the root.
    static func walkUp(from start: URL, name: String = "glossaries") -> URL? {
        var directory = start.standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(name, isDirectory: true)
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
            throw GlossaryLocatorError.notADirectory(kind: kind, path: path, source: source)
        }
        return url
    }
}

/// Why no data directory was found.
public enum GlossaryLocatorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The directory given by `source` (an option or environment variable) does not exist.
    case notADirectory(kind: DataDirectory, path: String, source: String)
    /// No `<kind>/README.md` above any of these directories.
    case notFound(kind: DataDirectory, searchedFrom: [String])

    public var description: String {
        switch self {
        case let .notADirectory(kind, path, source):
            return "\(kind.rawValue) directory '\(path)' (from \(source)) does not exist"
        case let .notFound(kind, starts):
            return "no \(kind.rawValue)/README.md found above \(starts.joined(separator: " or ")); pass \(kind.option) DIR or set \(kind.environmentKey)"
        }
    }
}

/// The data directories shipped with locctl, for library callers (`$LOCCTL_GLOSSARIES` / `$LOCCTL_REGIONS`, else
/// the nearest `glossaries/` or `regions/` above the current directory or the executable).
public enum BundledData {
    public static func directory(_ kind: DataDirectory) throws -> URL {
        try DataDirectoryLocator(kind).locate()
    }
}
