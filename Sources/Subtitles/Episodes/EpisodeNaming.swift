import Foundation
import TextServices
import TextServices

/// Pairs target and source files of a series by file name.
///
/// The episode key of a file is its name without the extension and without the last dot-separated part
/// when that part looks like a language tag: `ep01.en.srt`, `ep01.zh.srt`, `ep01.zh-Hans.ttml` and
/// `ep01.es-419.srt` all have the key `ep01`; `ep01.srt` has the key `ep01`.
public enum EpisodeNaming {
    /// The episode key of a path or file name.
    public static func episodeKey(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension
        if !ext.isEmpty { name = (name as NSString).deletingPathExtension }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let suffix = String(name[name.index(after: dot)...])
            if isLanguageLike(suffix) { name = String(name[..<dot]) }
        }
        return name
    }

    /// The language-like last part of a file name (`en` for `ep01.en.srt`), if any.
    public static func languageSuffix(_ path: String) -> String? {
        var name = (path as NSString).lastPathComponent
        if !(name as NSString).pathExtension.isEmpty { name = (name as NSString).deletingPathExtension }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = String(name[name.index(after: dot)...])
        return isLanguageLike(suffix) ? suffix : nil
    }

    /// Whether a file may be a Chinese source track: its language suffix is Chinese (`zh`, `zh-Hans`, `cmn`,
    /// `yue`) or it has none.
    public static func isSourceCandidate(_ path: String) -> Bool {
        guard let suffix = languageSuffix(path) else { return true }
        return LanguageTag.isChinese(suffix)
    }

    /// Two or three letters, then optional subtags of 2–8 letters or digits (`en`, `zh-Hant`, `es-419`, `pt_BR`).
    public static func isLanguageLike(_ text: String) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Pairs each target with the source of the same episode key.
    ///
    /// - Returns: the pairs in target order, with `nil` sources for targets without a partner, and sources
    ///   left unpaired. A single target and a single source are always paired.
    public static func pair(targets: [String], sources: [String]) -> (pairs: [(target: String, source: String?)], unpairedSources: [String]) {
        if targets.count == 1 && sources.count == 1 { return ([(targets[0], sources[0])], []) }
        var byKey: [String: String] = [:]
        for source in sources where byKey[episodeKey(source)] == nil { byKey[episodeKey(source)] = source }
        var used = Set<String>()
        let pairs: [(target: String, source: String?)] = targets.map { target in
            let source = byKey[episodeKey(target)]
            if let source { used.insert(source) }
            return (target, source)
        }
        return (pairs, sources.filter { !used.contains($0) })
    }

    /// The Chinese source for `input` among `candidates`: a file of the same episode key whose language suffix is
    /// Chinese or absent, never `input` itself; an explicitly Chinese file wins over one without a language.
    public static func source(for input: URL, among candidates: [URL]) -> URL? {
        let key = episodeKey(input.path)
        let matches = candidates.filter { candidate in
            episodeKey(candidate.path) == key && !samePath(candidate, input) && isSourceCandidate(candidate.path)
        }
        return matches.first { languageSuffix($0.path) != nil } ?? matches.first
    }

    /// Whether the file name says the track is Chinese (`ep01.zh.srt`, `ep01.zh-Hans.srt`, `ep01.cmn.srt`).
    public static func isChinese(_ path: String) -> Bool {
        languageSuffix(path).map(LanguageTag.isChinese) ?? false
    }

    /// Whether two URLs name the same file (standardized, symlinks resolved).
    public static func samePath(_ a: URL, _ b: URL) -> Bool {
        a.standardizedFileURL.resolvingSymlinksInPath().path == b.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Orders `ep2` before `ep10`.
    public static func naturalOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric]) == .orderedAscending
    }
}
