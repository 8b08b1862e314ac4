import Foundation
@testable import Subtitles

/// Decodes inline SRT text leniently.
func srt(_ text: String, strict: Bool = false) throws -> Decoded {
    try SRTCodec().decode(SourceText(name: "t.srt", text: text), options: DecodeOptions(strict: strict))
}

/// The first strict-mode error for `text`, if any.
func strictError(_ text: String, codec: some SubtitleCodec = SRTCodec()) -> CodecError? {
    do {
        _ = try codec.decode(SourceText(name: "t.srt", text: text), options: DecodeOptions(strict: true))
        return nil
    } catch {
        return error
    }
}

extension Decoded {
    var plainTexts: [String] { track.cues.map(\.text.plainText) }
    var warningLines: [Int] { diagnostics.compactMap(\.location.line) }
}

/// Read → write → read must give the same track.
func srtRoundTrip(_ track: Track, codec: SRTCodec = SRTCodec()) throws -> Track {
    let written = try codec.encode(track, options: EncodeOptions())
    return try codec.decode(SourceText(name: "roundtrip.srt", text: written), options: DecodeOptions()).track
}
