import Foundation
import TextServices
import Subtitles

/// How input files map to episodes and series: names, language suffixes and source/target pairing.
public enum EpisodeFiles {
    /// One episode to annotate: the track named on the command line and, when found, its Chinese source.
    public struct Episode: Hashable, Sendable {
        /// `ep01` for `ep01.en.srt`.
        public var name: String
        /// The directory it came from when a directory was given (episodes of one series share it).
        public var series: String?
        public var track: URL
        public var source: URL?
        /// The track's language from its file name suffix, if any.
        public var language: String?
    }

    /// The language suffix of a file name (`ep01.en.srt` → `en`, `ep01.srt` → nil).
    public static func language(ofFileName name: String) -> String? {
        EpisodeNaming.languageSuffix(name)
    }

    /// Whether a language tag is Chinese.
    public static func isChinese(_ tag: String?) -> Bool {
        tag.map(LanguageTag.isChinese) ?? false
    }

    /// Episodes for tracks grouped by series (nil for single files), paired with sources by episode name.
    /// A track whose language is Chinese is its own source.
    public static func episodes(tracks: [(url: URL, series: String?)], sources: [URL]) -> [Episode] {
        var sourceByName: [String: URL] = [:]
        for s in sources { sourceByName[NoteFormat.episodeName(fileName: s.lastPathComponent)] = sourceByName[NoteFormat.episodeName(fileName: s.lastPathComponent)] ?? s }
        let single = sources.count == 1 ? sources.first : nil
        return tracks.map { t in
            let name = NoteFormat.episodeName(fileName: t.url.lastPathComponent)
            let language = language(ofFileName: t.url.lastPathComponent)
            var source = sourceByName[name] ?? (tracks.count == 1 ? single : nil)
            if source?.standardizedFileURL == t.url.standardizedFileURL { source = nil }
            return Episode(name: name, series: t.series, track: t.url, source: source, language: language)
        }
    }

    /// The path of `file` relative to `directory` (`../video/ep01.mp4`).
    public static func relativePath(of file: URL, from directory: URL) -> String {
        let a = directory.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let b = file.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: a.count - common)
        return (up + b[common...]).joined(separator: "/")
    }
}
