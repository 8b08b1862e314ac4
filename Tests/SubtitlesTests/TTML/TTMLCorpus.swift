import Foundation
@testable import Subtitles
import TestSupport

/// Locates the shared corpora (`LOCCTL_CORPORA`, or `../shared/corpora` beside the checkout).
enum TTMLCorpus {
    static var root: URL { TestPaths.corpora }

    static func files(under dir: URL, ext: String) -> [URL] {
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.pathExtension == ext }.sorted { $0.path < $1.path }
    }

    static func source(_ url: URL) throws -> SourceText {
        let data = try Data(contentsOf: url)
        return SourceText(name: url.path, data: data, text: String(decoding: data, as: UTF8.self), encoding: "UTF-8")
    }

    /// Image-profile documents: a `ttp:profile`/`ttp:contentProfiles` naming an `…/image` profile, or
    /// content that uses images (`smpte:backgroundImage`, `<image>`).
    static func isImageProfile(_ text: String) -> Bool {
        for attr in ["ttp:profile=\"", "ttp:contentProfiles=\""] {
            if let r = text.range(of: attr) {
                let value = text[r.upperBound...].prefix { $0 != "\"" }
                if value.contains("/image") { return true }
            }
        }
        return text.contains("backgroundImage") || text.contains("<image")
    }

    /// Whether any cue is on screen at `ms`.
    static func visible(_ track: Track, at ms: Int64) -> Bool {
        track.cues.contains { $0.start.milliseconds <= ms && ms < $0.end.milliseconds }
    }
}
