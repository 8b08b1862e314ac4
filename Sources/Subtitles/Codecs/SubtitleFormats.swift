/// The registry of subtitle formats: extension lookup, content sniffing and the CLI's `--to` values.
public enum SubtitleFormats {
    /// Every codec locctl knows, in sniffing order.
    public static let all: [any SubtitleCodec] = [SRTCodec(), WebVTTCodec(), TTMLCodec(), ASSCodec()]

    /// Identifiers of formats that can be written.
    public static var writable: [String] { all.filter(\.canEncode).map(\.identifier) }

    public static func codec(named identifier: String) -> (any SubtitleCodec)? {
        let id = identifier.lowercased()
        return all.first { $0.identifier == id || $0.extensions.contains(id) }
    }

    public static func codec(forExtension ext: String) -> (any SubtitleCodec)? {
        let e = ext.lowercased()
        return all.first { $0.extensions.contains(e) }
    }

    /// The one codec whose sniffer accepts the text; throws when none or several do.
    public static func sniff(_ text: String, name: String) throws(CodecError) -> any SubtitleCodec {
        let head = String(text.prefix(4096))
        let candidates = all.filter { $0.sniff(head) }
        guard let first = candidates.first else {
            throw CodecError(.unknownFormat, "cannot tell the subtitle format from the content (known: \(all.map(\.identifier).joined(separator: ", ")))", at: SourceLocation(file: name))
        }
        guard candidates.count == 1 else {
            throw CodecError(.unknownFormat, "content looks like several formats (\(candidates.map(\.identifier).joined(separator: ", "))); name one with --from", at: SourceLocation(file: name))
        }
        return first
    }
}
