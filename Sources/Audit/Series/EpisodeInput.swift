import Localize
import Regions
import Subtitles

/// One episode to audit: the target track and, optionally, the Chinese source track it was translated from.
public struct EpisodeInput: Sendable {
    /// The episode key shared by the pair (`ep01` for `ep01.en.srt` and `ep01.zh.srt`).
    public var episode: String
    public var target: Track
    /// The target file as it should appear in reports.
    public var targetFile: String
    /// 1-based line of each target cue in its file, when known (same count as the cues).
    public var targetLines: [Int]?
    /// The source cues: the audit reads only their ids, times and plain text, so it keeps them in a
    /// ``CueDigest`` (a sixth of a `Track`'s memory for a big track).
    public var source: CueDigest?
    public var sourceFile: String?
    public var sourceLines: [Int]?

    public init(episode: String, target: Track, targetFile: String, targetLines: [Int]? = nil,
                source: Track? = nil, sourceFile: String? = nil, sourceLines: [Int]? = nil) {
        self.init(episode: episode, target: target, targetFile: targetFile, targetLines: targetLines,
                  sourceCues: source.map(CueDigest.init), sourceFile: sourceFile, sourceLines: sourceLines)
    }

    /// An episode whose source was read into a digest (the source `Track` need not stay in memory).
    public init(episode: String, target: Track, targetFile: String, targetLines: [Int]? = nil,
                sourceCues: CueDigest?, sourceFile: String? = nil, sourceLines: [Int]? = nil) {
        self.episode = episode
        self.target = target
        self.targetFile = targetFile
        self.targetLines = targetLines
        self.source = sourceCues
        self.sourceFile = sourceFile
        self.sourceLines = sourceLines
    }
}
