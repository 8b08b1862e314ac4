import Foundation
import TestSupport

/// Where the shared test corpora live: `$LOCCTL_CORPORA`, else `../shared/corpora` beside the repository.
enum Corpora {
    static var root: URL { TestPaths.corpora }

    static func files(in folder: String, extension ext: String) -> [URL] {
        let dir = root.appendingPathComponent(folder)
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.pathExtension == ext }
            .sorted { $0.path < $1.path }
    }
}
