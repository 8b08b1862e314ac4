import Regions
import Subtitles

extension FuzzTarget {
    /// Any registered subtitle codec by its registry name (`srt`, `ttml`, `ass`, later `vtt`): decodes the
    /// bytes as (lossy) UTF-8 text; when a track comes out, writes it in every writable format and reads
    /// each result back with the same writer's codec, which must succeed.
    static func subtitleCodec(_ codecName: String) -> FuzzTarget {
        FuzzTarget(name: "codec:\(codecName)", unavailable: {
            SubtitleFormats.codec(named: codecName) == nil
                ? "no codec named '\(codecName)' is registered in SubtitleFormats (known: \(SubtitleFormats.all.map(\.identifier).joined(separator: ", ")))"
                : nil
        }, run: { bytes in
            guard let codec = SubtitleFormats.codec(named: codecName) else { return }
            let source = SourceText(name: "fuzz.\(codec.extensions.first ?? codecName)", text: String(decoding: bytes, as: UTF8.self))
            for strict in [false, true] {
                guard let decoded = try? codec.decode(source, options: DecodeOptions(strict: strict)) else { continue }
                if !strict { roundTrip(decoded.track) }
            }
        })
    }

    /// Writes `track` in every writable format and reads it back: what locctl writes, locctl must read.
    static func roundTrip(_ track: Track) {
        for writer in SubtitleFormats.all where writer.canEncode {
            guard let text = try? writer.encode(track, options: EncodeOptions()) else { continue }
            do {
                _ = try writer.decode(SourceText(name: "roundtrip.\(writer.identifier)", text: text), options: DecodeOptions())
            } catch {
                preconditionFailure("\(writer.identifier) cannot read back its own output: \(error)\n---\n\(text.prefix(2000))")
            }
        }
    }
}
