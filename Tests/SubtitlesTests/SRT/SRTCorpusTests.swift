import Foundation
@testable import Subtitles
import Testing

/// Every SRT in the shared corpora with its cue count (= its number of `-->` lines) and a known text.
let srtCorpus: [(path: String, cues: Int, text: String)] = [
    ("real-zh/chinesesubfinder/Foundation.2021.S01E04.zh-Hant-en.shooter.srt", 601, "他想知道"),
    ("real-zh/chinesesubfinder/Loki.S01E01.zh-Hans-en.zimuku.srt", 614, "第一季 第一集"),
    ("real-zh/chinesesubfinder/RickAndMorty.S05E10.en.srt", 549, "It's the crow man!"),
    ("real-zh/chinesesubfinder/RickAndMorty.S05E10.zh-Hans-en.srt", 450, "本字幕由Nicolas Bourbaki"),
    ("real-zh/montagesubs/Relay_2024.web.chs.srt", 1144, "（布利克街传媒）"),
    ("real-zh/montagesubs/Sorry_Baby_2025.web.srt", 1445, "（A24影业）"),
    ("real-zh/montagesubs/The_Life_of_Chuck_2024.web.chs.srt", 1402, "（飞跃影业）"),
    ("real-zh/montagesubs/The_Life_of_Chuck_2024.web.eng-chs.srt", 1402, "（飞跃影业）"),
    ("real-zh/universalmediaserver/chinese-big5.srt", 50, "看看你們自己"),
    ("real-zh/universalmediaserver/chinese-gb18030.srt", 45, "看看自己。"),
    ("cdown-srt/gb2312.srt", 3, "宇宙守护神"),
    ("cdown-srt/ascii.srt", 3, "oh look"),
]

@Test(arguments: srtCorpus.map(\.path))
func corpusSRTLoads(path: String) throws {
    let expected = srtCorpus.first { $0.path == path }!
    let source = try Corpus.source(path)
    let codec = SRTCodec()
    #expect(codec.sniff(source.text))
    let decoded = try codec.decode(source, options: DecodeOptions())
    #expect(decoded.track.cues.count == expected.cues)
    #expect(decoded.track.cues.contains { $0.text.plainText.contains(expected.text) })
    #expect(!decoded.diagnostics.contains { $0.severity == .error })
    // Nothing of the markup leaks into the text.
    #expect(!decoded.track.cues.contains { $0.text.plainText.contains("{\\an") || $0.text.plainText.contains("<i>") })
}

@Test(arguments: srtCorpus.map(\.path))
func corpusSRTRoundTripsExactly(path: String) throws {
    let track = try SRTCodec().decode(try Corpus.source(path), options: DecodeOptions()).track
    #expect(try srtRoundTrip(track) == track)
    #expect(try srtRoundTrip(track, codec: SRTCodec(lineEnding: .lf)) == track)
}

@Test func corpusAnchorsAreRead() throws {
    let track = try SRTCodec().decode(try Corpus.source("real-zh/montagesubs/The_Life_of_Chuck_2024.web.chs.srt"), options: DecodeOptions()).track
    #expect(track.cues[0].placement.anchor == .bottomCenter)
    #expect(track.cues[0].text.plainText == "（飞跃影业）")
    let loki = try SRTCodec().decode(try Corpus.source("real-zh/chinesesubfinder/Loki.S01E01.zh-Hans-en.zimuku.srt"), options: DecodeOptions())
    #expect(loki.track.cues[0].placement.anchor == .topCenter)
    #expect(loki.track.cues[0].text.plainText == "洛基\n第一季 第一集")
    // {\pos(…)} is removed with a warning that names its line.
    #expect(loki.track.cues[1].text.plainText == "纽约市")
    #expect(loki.diagnostics.contains { $0.location.line == 8 && $0.message.contains("\\pos") })
}

@Test func corpusBig5DuplicateNumbersAreKept() throws {
    let decoded = try SRTCodec().decode(try Corpus.source("real-zh/universalmediaserver/chinese-big5.srt"), options: DecodeOptions())
    #expect(decoded.track.cues.prefix(5).map(\.id) == ["0", "0", "0", "1", "2"])
    #expect(decoded.diagnostics.contains { $0.location.line == 5 && $0.message.contains("already used") })
}

@Test func corpusMixedCRAndCRLFLineEndings() throws {
    let decoded = try SRTCodec().decode(try Corpus.source("real-zh/montagesubs/Relay_2024.web.chs.srt"), options: DecodeOptions())
    #expect(decoded.track.cues.count == 1144)
    #expect(!decoded.track.cues.contains { $0.text.plainText.contains("\r") })
}
