import Foundation
import PropertyBased
@testable import Subtitles
import Testing

/// Read → write → read gives the identical `Track`: for every `.vtt` in the shared corpora, and for
/// random tracks drawn from what WebVTT can express.
@Suite struct WebVTTRoundTripTests {
    let codec = WebVTTCodec()

    func decode(_ text: String, name: String = "<memory>") throws -> Track {
        try codec.decode(SourceText(name: name, text: text), options: DecodeOptions()).track
    }

    /// What the writer promises to keep: the cues in start-time order and the regions a cue uses.
    static func asWritten(_ track: Track) -> Track {
        var t = track
        t.cues = WebVTTWriter.cuesInTimeOrder(t.cues)
        t.regions = WebVTTWriter.writtenRegions(t)
        let kept = Set(t.regions.map(\.id))
        for i in t.cues.indices where t.cues[i].placement.regionID.map({ !kept.contains($0) }) ?? false {
            t.cues[i].placement.regionID = nil
        }
        return t
    }

    /// Files whose signature is invalid on purpose.
    static let invalidSignature: Set<String> = ["bad-signature.vtt"]

    @Test func corpusFilesRoundTrip() throws {
        let files = Corpora.files(in: "wpt-webvtt", extension: "vtt") + Corpora.files(in: "ttconv/vtt", extension: "vtt")
        #expect(files.count >= 80, "corpus not found under \(Corpora.root.path)")
        var checked = 0
        for url in files {
            let data = try Data(contentsOf: url)
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let name = url.lastPathComponent
            if Self.invalidSignature.contains(name) {
                #expect(throws: CodecError.self, "\(name) must be refused") { try decode(text, name: name) }
                continue
            }
            let first = try decode(text, name: name)
            let written = try codec.encode(first, options: EncodeOptions())
            let second = try decode(written)
            #expect(Self.asWritten(first) == second, "\(url.path) changed in a round trip")
            #expect(try codec.encode(second, options: EncodeOptions()) == written, "\(name): writing is not stable")
            checked += 1
        }
        print("[report] WebVTT corpus round trip: \(checked) files identical after read → write → read")
    }

    // MARK: Property-based

    @Test func randomTracksRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max)).array(of: 0...8), Gen.int(in: 0...Int(Int32.max))) { cueSeeds, trackSeed in
            let track = RandomTrack.make(trackSeed: UInt64(trackSeed), cueSeeds: cueSeeds.map(UInt64.init))
            do {
                let written = try codec.encode(track, options: EncodeOptions())
                let back = try decode(written)
                #expect(back == Self.asWritten(track), "written:\n\(written)")
            } catch {
                Issue.record("round trip threw \(error)")
            }
        }
    }

    @Test func anchorsSurviveAsSettings() async {
        await propertyCheck(input: Gen<Placement.Anchor>.case) { anchor in
            var cue = Cue(timing: TimeSpan(start: .zero, end: Timestamp(milliseconds: 1000))!, text: CueText(plain: "x"))
            cue.placement.anchor = anchor
            do {
                let back = try decode(try codec.encode(Track(cues: [cue]), options: EncodeOptions())).cues[0]
                #expect(back.placement.anchor == (anchor == .bottomCenter ? nil : anchor))
                #expect(back.placement.cueSettings == WebVTTCueSettings.raw(for: anchor))
            } catch {
                Issue.record("round trip threw \(error)")
            }
        }
    }
}

/// Random tracks within what WebVTT expresses exactly: valid raw settings with the anchor the
/// reader derives, ids without line breaks or arrows, cue text without empty lines, normalised
/// annotations, no adjacent text nodes.
enum RandomTrack {
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
        mutating func chance(_ p: Int) -> Bool { int(100) < p }
    }

    static let words = ["你好", "他说：“走吧”", "a", "Tom & Jerry", "x < y > z", "-->", "&amp;", " lead", "trail ",
                        "\u{A0}nbsp", "emoji 🎬", "NOTE", "00:00:01.000 --> 00:00:02.000", "<i>", "!", "ok"]

    static func make(trackSeed: UInt64, cueSeeds: [UInt64]) -> Track {
        var r = SplitMix(state: trackSeed)
        var track = Track()
        if r.chance(40) { track.extensions["webvtt.header"] = r.pick([" - 标题", "\tx", "\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000", " a\nb: c"]) }
        if r.chance(30) { track.extensions["webvtt.style"] = r.pick(["::cue { color: yellow; }", "::cue(.a) {\n  color: red;\n}\n\n.b { x: y }"]) }
        if r.chance(30) { track.extensions["webvtt.trailingNotes"] = r.pick(["NOTE end", "NOTE a\nb\n\nNOTE c"]) }
        for k in 0..<r.int(3) {
            var props: [String: String] = [:]
            if r.chance(50) { props["width"] = r.pick(["40%", "100%", "12.5%"]) }
            if r.chance(50) { props["lines"] = r.pick(["1", "3", "10"]) }
            if r.chance(50) { props["regionanchor"] = r.pick(["0%,100%", "50%,50%"]) }
            if r.chance(50) { props["viewportanchor"] = r.pick(["10%,90%", "0%,0%"]) }
            if r.chance(30) { props["scroll"] = "up" }
            track.regions.append(DocumentRegion(id: "r\(k)", properties: props))
        }
        var time: Int64 = Int64(r.int(10_000))
        for seed in cueSeeds {
            var c = SplitMix(state: seed)
            let start = time + Int64(c.int(5_000))
            let end = start + Int64(c.int(10_000))
            time = start
            let id: String? = c.chance(50) ? c.pick(["1", "cue one", " spaced ", "中文 id", "a&b<c>", "NOTE", "STYLE"]) : nil
            var settings: [String: String] = [:]
            if c.chance(20) { settings["vertical"] = c.pick(["rl", "lr"]) }
            if c.chance(40) { settings["line"] = c.pick(["0", "-1", "3", "1.5", "50%", "10%,start", "100%,end", "0,center"]) }
            if c.chance(30) { settings["position"] = c.pick(["10%", "50%,center", "90%,line-right", "0%,line-left"]) }
            if c.chance(30) { settings["size"] = c.pick(["50%", "80.5%", "0%"]) }
            if c.chance(40) { settings["align"] = c.pick(["start", "center", "end", "left", "right"]) }
            let region = !track.regions.isEmpty && c.chance(30) ? c.pick(track.regions).id : nil
            let placement = Placement(anchor: settings.isEmpty ? nil : WebVTTCueSettings(raw: settings).anchor,
                                      regionID: region, cueSettings: settings)
            var extensions: [String: String] = [:]
            if c.chance(20) { extensions["webvtt.notes"] = c.pick(["NOTE x", "NOTE\nmulti line", "NOTE 1\n\nNOTE 2"]) }
            var nodes: [Inline] = []
            for line in 0..<(1 + c.int(3)) {
                if line > 0 { nodes.append(.lineBreak) }
                append(lineNodes(&c, depth: 0, nonEmpty: true), to: &nodes)
            }
            track.cues.append(Cue(id: id, timing: TimeSpan(start: Timestamp(milliseconds: start), end: Timestamp(milliseconds: end))!,
                                  text: CueText(nodes), placement: placement, extensions: extensions))
        }
        return track
    }

    static func append(_ items: [Inline], to out: inout [Inline]) {
        for item in items {
            if case let .text(b) = item, case let .text(a)? = out.last { out[out.count - 1] = .text(a + b) } else { out.append(item) }
        }
    }

    /// Inline nodes for one line (no line breaks).
    static func lineNodes(_ c: inout SplitMix, depth: Int, nonEmpty: Bool) -> [Inline] {
        var out: [Inline] = []
        let count = (nonEmpty ? 1 : 0) + c.int(depth > 1 ? 2 : 4)
        for _ in 0..<count {
            switch c.int(depth > 1 ? 2 : 10) {
            case 0, 1, 2, 3:
                append([.text(c.pick(words))], to: &out)
            case 4:
                out.append(.timestamp(Timestamp(milliseconds: Int64(c.int(100_000_000)))))
            case 5:
                out.append(.ruby(base: [.text(c.pick(["漢字", "a"]))], annotation: c.chance(80) ? [.text(c.pick(["かんじ", "b&c"]))] : []))
            default:
                let kind = c.pick([Span.Kind.italic, .bold, .underline, .class, .voice, .language])
                let classes = c.chance(40) ? Array(["yellow", "bg_blue", "大"].prefix(1 + c.int(3))) : []
                var annotation: String?
                if kind == .voice, c.chance(80) { annotation = c.pick(["Mary", "Tom & Jerry", "老 王", "<x>"]) }
                if kind == .language { annotation = c.chance(90) ? c.pick(["zh-Hans", "en"]) : nil }
                out.append(.span(Span(kind, classes: classes, annotation: annotation), lineNodes(&c, depth: depth + 1, nonEmpty: false)))
            }
        }
        if nonEmpty, out.allSatisfy({ if case .timestamp = $0 { return true }; return false }) { append([.text("t")], to: &out) }
        return out
    }
}
