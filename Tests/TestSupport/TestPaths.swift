import Foundation

/// Where tests find the repository and the shared conformance corpora.
public enum TestPaths {
    /// The checkout (the directory holding `Package.swift`).
    public static var repoRoot: URL { CLIRunner.repoRoot }

    /// The shared corpora: `$LOCCTL_CORPORA`, else `../shared/corpora` beside the checkout, else `/work/shared/corpora`.
    public static let corpora: URL = {
        if let env = ProcessInfo.processInfo.environment["LOCCTL_CORPORA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let sibling = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        if FileManager.default.fileExists(atPath: sibling.path) { return sibling }
        return URL(fileURLWithPath: "/work/shared/corpora")
    }()

    /// A file or folder of the shared corpora.
    public static func corpus(_ relative: String) -> URL { corpora.appendingPathComponent(relative) }

    /// Every file under `folder` of the corpora (or any directory) whose extension is `ext`, sorted by path.
    public static func files(under folder: URL, extension ext: String) -> [URL] {
        guard let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.pathExtension == ext }.sorted { $0.path < $1.path }
    }
}
