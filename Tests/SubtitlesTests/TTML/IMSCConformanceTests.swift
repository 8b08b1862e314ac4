import Foundation
@testable import Subtitles
import Testing

/// Runs every IMSC text-profile document of w3c/imsc-tests through the TTML reader and compares its
/// significant times with ttconv's ISD reference dumps and with imscJS's exemplar PNG file names.
///
/// Times are compared after rounding to whole milliseconds: the Track model stores integer
/// milliseconds, the references store seconds as decimal text (ttconv writes `float(Fraction)`,
/// imscJS `toFixed(6)`), so frame- and tick-based times such as 1001/30000 s only agree at that precision.
@Suite struct IMSCConformanceTests {
    /// Documents known not to match, with the reason; the test fails if any other document mismatches.
    static let knownISDMismatches: [String: String] = [
        "imsc1/ttml/animation/Animation012.ttml":
            "ttconv resolves a <set> in a seq child against the animated element's parent (6 s) instead of the element (10 s + 6 s = 16 s); imscJS (PNG names) agrees with locctl",
        "imsc1/ttml/timing/BasicTiming010.ttml":
            "ttconv counts a paragraph holding only <br/> and collapsible spaces (24.4–25 s, 35–40 s) as content; nothing is visible, so locctl makes no cue there",
    ]
    private static let unclipped = "imscJS lists begin/end of descendants that lie after an ancestor's end (never shown; empty renderings); ttconv's references agree with locctl"
    static let knownPNGMismatches: [String: String] = [
        "imsc1/ttml/timing/BasicTimeContainment003.ttml": unclipped,
        "imsc1/ttml/timing/BasicTimeContainment004.ttml": unclipped,
        "imsc1/ttml/timing/BasicTiming008.ttml": unclipped,
        "imsc1/ttml/timing/MediaParTiming002.ttml": unclipped,
        "imsc1/ttml/timing/MediaSeqTiming004.ttml": unclipped,
        "imsc1/ttml/timing/MediaSeqTiming005.ttml": unclipped,
        "imsc1/ttml/timing/MediaSeqTiming006.ttml": unclipped,
        "imsc1/ttml/timing/MediaSeqTiming007.ttml": unclipped,
    ]

    struct Result {
        var loaded = 0, total = 0, isdMatched = 0, isdTotal = 0, pngMatched = 0, pngTotal = 0
        var failures: [String] = []
        var isdMismatches: [String: String] = [:]
        var pngMismatches: [String: String] = [:]
    }

    static func run() -> Result {
        let corpus = TTMLCorpus.root
        let suite = corpus.appendingPathComponent("w3c-imsc-tests")
        let refs = corpus.appendingPathComponent("ttconv/isd-references")
        var result = Result()
        let codec = TTMLCodec()
        let dirs = ((try? FileManager.default.contentsOfDirectory(atPath: suite.path)) ?? []).filter { $0.hasPrefix("imsc1") }.sorted()
        for dir in dirs {
            let ttmlRoot = suite.appendingPathComponent(dir).appendingPathComponent("ttml")
            for url in TTMLCorpus.files(under: ttmlRoot, ext: "ttml") {
                guard let source = try? TTMLCorpus.source(url), !TTMLCorpus.isImageProfile(source.text) else { continue }
                result.total += 1
                let rel = String(url.path.dropFirst(suite.path.count + 1))
                let track: Track, times: [Int64]
                do {
                    track = try codec.decode(source, options: DecodeOptions()).track
                    times = try codec.significantTimes(source).map(\.milliseconds)
                } catch {
                    result.failures.append("\(rel): \(error)")
                    continue
                }
                result.loaded += 1

                // ttconv ISD reference: "<seconds> +|-" per significant time.
                let refName = String(rel.dropLast(5)).replacingOccurrences(of: "/", with: "_") + ".txt"
                if let text = try? String(contentsOf: refs.appendingPathComponent(refName), encoding: .utf8) {
                    result.isdTotal += 1
                    var refTimes: [Int64] = [], refSigns: [Bool] = []
                    for line in text.split(whereSeparator: \.isNewline) {
                        let parts = line.split(separator: " ")
                        guard parts.count == 2, let s = Double(parts[0]) else { continue }
                        refTimes.append(Int64((s * 1000).rounded()))
                        refSigns.append(parts[1] == "+")
                    }
                    var reasons: [String] = []
                    if Array(Set(refTimes)).sorted() != times {
                        reasons.append("times \(times) ≠ reference \(refTimes)")
                    }
                    for (t, sign) in zip(refTimes, refSigns) where TTMLCorpus.visible(track, at: t) != sign {
                        reasons.append("at \(t) ms reference shows \(sign ? "content" : "nothing"), cues show \(sign ? "nothing" : "content")")
                    }
                    let cueTimes = Set(track.cues.flatMap { [$0.start.milliseconds, $0.end.milliseconds] })
                        .subtracting([TTMLCodec.indefiniteEnd.milliseconds])
                    let extra = cueTimes.subtracting(refTimes)
                    if !extra.isEmpty { reasons.append("cue boundaries \(extra.sorted()) are not significant times") }
                    if reasons.isEmpty { result.isdMatched += 1 } else { result.isdMismatches[rel] = reasons.joined(separator: "; ") }
                }

                // imscJS exemplar renderings: png/<TestName>/<seconds>.png.
                let testName = url.deletingPathExtension().lastPathComponent
                let pngDir = suite.appendingPathComponent(dir).appendingPathComponent("png").appendingPathComponent(testName)
                if let names = try? FileManager.default.contentsOfDirectory(atPath: pngDir.path) {
                    result.pngTotal += 1
                    let pngTimes = Set(names.compactMap { n -> Int64? in
                        guard n.hasSuffix(".png"), let s = Double(n.dropLast(4)) else { return nil }
                        return Int64((s * 1000).rounded())
                    }).sorted()
                    if pngTimes == times { result.pngMatched += 1 } else {
                        let extra = Set(pngTimes).subtracting(times)
                        let extraShown = extra.filter { TTMLCorpus.visible(track, at: $0) }
                        result.pngMismatches[rel] = "times \(times) ≠ PNG names \(pngTimes)"
                            + (Set(times).isSubset(of: pngTimes) && extraShown.isEmpty ? " (extra PNG times show nothing in locctl's cues)" : "")
                    }
                }
            }
        }
        return result
    }

    @Test func textProfileDocumentsLoadAndMatchSignificantTimes() {
        let r = Self.run()
        print("[report] IMSC: loaded \(r.loaded)/\(r.total) text-profile documents, significant times matched \(r.isdMatched)/\(r.isdTotal) (ISD refs), \(r.pngMatched)/\(r.pngTotal) (PNG names)")
        for f in r.failures { print("[report]   load failure: \(f)") }
        for (doc, why) in r.isdMismatches.sorted(by: { $0.key < $1.key }) {
            print("[report]   ISD mismatch \(doc): \(why)" + (Self.knownISDMismatches[doc].map { " — known: \($0)" } ?? ""))
        }
        for (doc, why) in r.pngMismatches.sorted(by: { $0.key < $1.key }) {
            print("[report]   PNG mismatch \(doc): \(why)" + (Self.knownPNGMismatches[doc].map { " — known: \($0)" } ?? ""))
        }
        #expect(r.total > 300)
        #expect(r.failures.isEmpty)
        #expect(Set(r.isdMismatches.keys).isSubset(of: Self.knownISDMismatches.keys), "new ISD mismatches")
        #expect(Set(r.pngMismatches.keys).isSubset(of: Self.knownPNGMismatches.keys), "new PNG mismatches")
    }

    @Test(arguments: ["pysubs2", "ttconv/ttml"])
    func otherCorpusTTMLLoads(_ folder: String) throws {
        let files = TTMLCorpus.files(under: TTMLCorpus.root.appendingPathComponent(folder), ext: "ttml")
        #expect(!files.isEmpty)
        for url in files {
            let source = try TTMLCorpus.source(url)
            #expect(TTMLCodec().sniff(source.text), "\(url.lastPathComponent) sniffed")
            let decoded = try TTMLCodec().decode(source, options: DecodeOptions())
            print("[report] \(folder)/\(url.lastPathComponent): \(decoded.track.cues.count) cues, \(decoded.diagnostics.count) diagnostics")
            // body_only.ttml has an empty body; referential_styling.ttml declares regions but puts its text in none (not presented, TTML2 §11.3.1.3).
            #expect(["body_only.ttml", "referential_styling.ttml"].contains(url.lastPathComponent) || !decoded.track.cues.isEmpty, "\(url.lastPathComponent) has cues")
        }
    }
}
