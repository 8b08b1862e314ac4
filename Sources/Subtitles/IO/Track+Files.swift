import Foundation

extension Track {
    /// Reads a subtitle file (format from the extension or the content, encoding detected).
    public init(contentsOf url: URL, format: String? = nil, encoding: String? = nil) throws {
        self = try SubtitleFile.read(url, format: format, encoding: encoding).track
    }

    /// Writes the track atomically in the format the file extension names (`.srt`, `.vtt`, `.ttml`), or `format`.
    public func write(to url: URL, format: String? = nil) throws {
        let name = format ?? SubtitleFormats.codec(forExtension: url.pathExtension)?.identifier
        guard let name else {
            throw CodecError(.unknownFormat, "no subtitle format for extension '.\(url.pathExtension)'; pass a format",
                             at: SourceLocation(file: url.path))
        }
        try SubtitleFile.write(self, to: url, format: name)
    }
}
