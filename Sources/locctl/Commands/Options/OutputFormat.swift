import ArgumentParser
import Subtitles

/// A writable subtitle format named on the command line (`--to srt|vtt|ttml`), its values taken from the registry.
struct OutputFormat: ExpressibleByArgument, Hashable, Sendable {
    /// The codec identifier (`srt`, `vtt`, `ttml`).
    let identifier: String

    init?(argument: String) {
        guard let codec = SubtitleFormats.codec(named: argument), codec.canEncode else { return nil }
        identifier = codec.identifier
    }

    static var allValueStrings: [String] { SubtitleFormats.writable }
    var defaultValueDescription: String { identifier }
}
