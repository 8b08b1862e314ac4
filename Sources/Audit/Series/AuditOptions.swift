import Localize
import Regions
import Subtitles

/// How a track audit applies a region's limits.
public struct AuditOptions: Hashable, Sendable {
    /// The frame the subtitles are laid over: line limits differ (vertical 9:16 by default).
    public var orientation: Orientation
    /// Frame rate for the minimum gap, overriding the track's and the region's.
    public var frameRate: FrameRate?

    public init(orientation: Orientation = .vertical, frameRate: FrameRate? = nil) {
        self.orientation = orientation
        self.frameRate = frameRate
    }
}
