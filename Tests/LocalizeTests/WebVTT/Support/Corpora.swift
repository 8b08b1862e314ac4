import Foundation

/// Where the shared test corpora live: `$LOCCTL_CORPORA`, else `../shared/corpora` beside the repository.
enum Corpora {
    static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["LOCCTL_CORPORA"] { return URL(fileURLWithPath: env) }
        let repo = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    }()

    static func files(in folder: String, extension ext: String) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.pathExtension == ext }
            .sorted { $0.path < $1.path }
    }
}
