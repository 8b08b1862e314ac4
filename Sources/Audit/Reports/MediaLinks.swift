import Foundation
import Subtitles

/// Where each episode's video is, for the HTML report's "play this cue" links (Media Fragments `#t=start,end`,
/// which browsers honour when they open a video URL).
public enum MediaLinks {
    /// Video extensions looked for, in order of preference.
    public static let videoExtensions = ["mp4", "webm", "m4v", "mov", "mkv", "ogv"]

    /// The video of each episode in `location`: a directory, whose files are paired with episodes by episode key
    /// (as tracks are), or an `http(s)://` base URL, where `<episode>.mp4` is assumed. Local videos become
    /// absolute `file://` URLs so the report works wherever it is written.
    public static func links(for episodes: [String], in location: String) -> [String: String] {
        if location.hasPrefix("http://") || location.hasPrefix("https://") {
            let base = location.hasSuffix("/") ? location : location + "/"
            return Dictionary(episodes.map { ($0, base + (escapePath($0) ?? $0) + ".mp4") }, uniquingKeysWith: { a, _ in a })
        }
        let directory = URL(fileURLWithPath: location).standardizedFileURL
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [:] }
        var byEpisode: [String: (rank: Int, url: URL)] = [:]
        for name in names {
            let ext = (name as NSString).pathExtension.lowercased()
            guard let rank = videoExtensions.firstIndex(of: ext) else { continue }
            let key = EpisodeNaming.episodeKey(name)
            if let known = byEpisode[key], known.rank <= rank { continue }
            byEpisode[key] = (rank, directory.appendingPathComponent(name))
        }
        var result: [String: String] = [:]
        for episode in episodes { if let video = byEpisode[episode] { result[episode] = video.url.absoluteString } }
        return result
    }

    /// `video#t=6.000,8.500`: the cue's span as a media fragment.
    public static func fragment(_ video: String, startMs: Int64, endMs: Int64?) -> String {
        let seconds = { (ms: Int64) in String(format: "%lld.%03lld", ms / 1000, ms % 1000) }
        let base = video.split(separator: "#", maxSplits: 1).first.map(String.init) ?? video
        return base + "#t=" + seconds(max(0, startMs)) + (endMs.map { $0 > startMs ? "," + seconds($0) : "" } ?? "")
    }

    static func escapePath(_ s: String) -> String? { s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) }
}
