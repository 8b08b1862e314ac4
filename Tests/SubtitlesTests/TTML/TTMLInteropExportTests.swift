import Foundation
@testable import Subtitles
import Testing

/// Test-only stand-in for `locctl convert` until the command exists: when `LOCCTL_INTEROP_OUT` names a
/// directory, writes each sample as TTML with `TTMLCodec` plus `<name>.expected.json` (the cues locctl
/// read) for `scripts/interop_ttconv.py --from-dir`.
@Test func exportTTMLForTTconvInterop() throws {
    guard let out = ProcessInfo.processInfo.environment["LOCCTL_INTEROP_OUT"] else { return }
    let dir = URL(fileURLWithPath: out)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let corpus = TTMLCorpus.root
    var inputs = TTMLCorpus.files(under: corpus.appendingPathComponent("pysubs2"), ext: "ttml")
    inputs += TTMLCorpus.files(under: corpus.appendingPathComponent("ttconv/ttml"), ext: "ttml")
    inputs += TTMLCorpus.files(under: corpus.appendingPathComponent("w3c-imsc-tests/imsc1/ttml/timing"), ext: "ttml")
    inputs += TTMLCorpus.files(under: corpus.appendingPathComponent("w3c-imsc-tests/imsc1/ttml/span"), ext: "ttml")
    for url in inputs {
        let source = try TTMLCorpus.source(url)
        let track = try TTMLCodec().decode(source, options: DecodeOptions()).track
        guard !track.cues.isEmpty else { continue }
        let name = url.deletingPathExtension().lastPathComponent
        try TTMLCodec().encode(track, options: EncodeOptions()).write(to: dir.appendingPathComponent(name + ".ttml"), atomically: true, encoding: .utf8)
        let cues: [[String: Any]] = track.cues.map { cue in
            ["begin_ms": cue.start.milliseconds,
             "end_ms": cue.extensions["ttml.end"] == "indefinite" ? NSNull() : cue.end.milliseconds as Any,
             "text": cue.text.plainText]
        }
        let json = try JSONSerialization.data(withJSONObject: ["source": url.path, "cues": cues], options: [.prettyPrinted, .sortedKeys])
        try json.write(to: dir.appendingPathComponent(name + ".expected.json"))
    }
}
