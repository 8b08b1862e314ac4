import Foundation
import Regions
import Subtitles

extension FuzzTarget {
    /// Encoding detection and transcoding of raw bytes (BOMs, UTF-16 without BOM, ICU guesses).
    static let textDecoder = FuzzTarget(name: "text-decoder") { bytes in
        let data = Data(bytes)
        _ = try? TextFileDecoder().decode(data, name: "fuzz.srt")
        // A forced legacy encoding goes through ICU's converter and the error-position code.
        _ = try? TextFileDecoder().decode(data, name: "fuzz.srt", encoding: bytes.first.map { $0 & 1 == 0 ? "GB18030" : "Big5" } ?? "UTF-8")
    }

    /// The whole reading path for a file of unknown type: decoding, sniffing, then the sniffed codec.
    static let sniffAndDecode = FuzzTarget(name: "sniff") { bytes in
        _ = try? SubtitleFile.decode(Data(bytes), name: "fuzz-input")
    }
}
