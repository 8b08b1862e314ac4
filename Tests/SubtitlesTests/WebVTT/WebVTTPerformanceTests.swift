import Foundation
@testable import Subtitles
import Testing

/// Reads and writes a big WebVTT file when `LOCCTL_BENCH_VTT` names one (e.g. from
/// `python3 ../shared/bench/gen_corpus.py --out /tmp/bench-vtt`); run it in release:
/// `LOCCTL_BENCH_VTT=/tmp/bench-vtt/big.zh.vtt swift test -c release --filter WebVTTPerformanceTests`.
@Suite struct WebVTTPerformanceTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LOCCTL_BENCH_VTT"] != nil))
    func bigFile() throws {
        let path = ProcessInfo.processInfo.environment["LOCCTL_BENCH_VTT"]!
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let codec = WebVTTCodec()
        let clock = ContinuousClock()
        var decoded: Decoded?
        let read = try clock.measure {
            decoded = try codec.decode(SourceText(name: path, text: text), options: DecodeOptions())
        }
        let track = decoded!.track
        var written = ""
        let write = try clock.measure { written = try codec.encode(track, options: EncodeOptions()) }
        print("[report] WebVTT \(path): \(text.utf8.count) bytes, \(track.cues.count) cues, read \(read), write \(write) (\(written.utf8.count) bytes)")
        #expect(track.cues.count > 0)
        #expect(try codec.decode(SourceText(text: written), options: DecodeOptions()).track == track)
    }
}
