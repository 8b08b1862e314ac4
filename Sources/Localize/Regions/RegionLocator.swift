import Foundation

/// Finds the region profile directory: an explicit path, else `$LOCCTL_REGIONS`, else the nearest
/// `regions/README.md` walking up from the current directory, then from the executable's directory.
public enum RegionLocator {
    public static func locate(explicit: String?) throws -> URL {
        let fm = FileManager.default
        func directory(_ path: String, _ source: String) throws -> URL {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw RegionError("region directory '\(path)' (from \(source)) does not exist", at: SourceLocation(file: path))
            }
            return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        }
        if let explicit { return try directory(explicit, "the command line") }
        if let env = ProcessInfo.processInfo.environment["LOCCTL_REGIONS"], !env.isEmpty { return try directory(env, "LOCCTL_REGIONS") }
        var starts = [URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)]
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent("regions", isDirectory: true)
                if fm.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw RegionError("no regions/README.md found above \(starts.map(\.path).joined(separator: " or ")); pass --regions-dir DIR or set LOCCTL_REGIONS",
                          at: SourceLocation())
    }
}
