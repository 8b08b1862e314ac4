import Regions
import Subtitles
import TextServices

extension FuzzTarget {
    /// `SafeXML` on raw bytes, then the TTML reader on the same bytes (through the codec's own path).
    static let safeXML = FuzzTarget(name: "xml") { bytes in
        _ = try? SafeXML.parse(bytes, name: "fuzz.xml", limits: SafeXML.Limits(maxBytes: 1 << 20, maxDepth: 200))
        if let ttml = SubtitleFormats.codec(named: "ttml"),
           let decoded = try? ttml.decode(SourceText(name: "fuzz.ttml", text: String(decoding: bytes, as: UTF8.self)), options: DecodeOptions()) {
            roundTrip(decoded.track)
        }
    }
}
