import Dispatch
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TestSupport
import Testing
import TextServices

/// Shared readers used from many threads at once, as the batch commands do (run under TSan by
/// scripts/sanitizers.sh).
@Suite struct ConcurrencyTests {
    static let symbols: [Symbol] = {
        let result = try! GlossaryLoader().load(directory: CLIRunner.repoRoot.appendingPathComponent("glossaries"))
        return result.symbols.map(\.symbol)
    }()

    @Test func oneMatcherSharedByManyThreads() throws {
        let matcher = SymbolMatcher(symbols: Self.symbols, options: .chinese)
        let text = try String(contentsOf: CLIRunner.repoRoot.appendingPathComponent("examples/son-in-law/ep01.zh.srt"), encoding: .utf8)
        let expected = matcher.matches(in: text)
        let counts = Box<[Int]>()
        counts.value = []
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let n = matcher.matches(in: text).count
            let m = matcher.countMatches(in: text)
            let c = counts
            c.value = (c.value ?? []) + [n, m]
        }
        #expect(counts.value?.count == 32)
        #expect(counts.value?.allSatisfy { $0 == expected.count } == true)
    }

    @Test func safeXMLAndCodecsInParallel() throws {
        let ttml = try Data(contentsOf: CLIRunner.repoRoot.appendingPathComponent("Fuzz/Corpus/ttml/ttml_example.ttml"))
        let srt = Data(Hostile.srt(cues: 500).utf8)
        let failures = Box<[String]>()
        failures.value = []
        DispatchQueue.concurrentPerform(iterations: 24) { i in
            do {
                if i % 2 == 0 {
                    _ = try SafeXML.parse([UInt8](ttml), name: "t\(i).ttml")
                    let loaded = try SubtitleFile.decode(ttml, name: "t\(i).ttml")
                    _ = try SRTCodec().encode(loaded.track, options: EncodeOptions())
                } else {
                    let loaded = try SubtitleFile.decode(srt, name: "s\(i).srt")
                    _ = try TTMLCodec().encode(loaded.track, options: EncodeOptions())
                }
                // A refused document in the same threads: the refusal flag is per parse.
                #expect(throws: XMLParseError.self) {
                    try SafeXML.parse("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", name: "bad\(i)")
                }
            } catch {
                let f = failures
                f.value = (f.value ?? []) + ["\(i): \(error)"]
            }
        }
        #expect(failures.value == [])
    }

    @Test func atomicWritesFromManyThreadsToOneDirectory() throws {
        let dir = try CLIRunner.tempDir()
        DispatchQueue.concurrentPerform(iterations: 32) { i in
            try? AtomicFile.write("file \(i % 4)\n", to: dir.appendingPathComponent("out\(i % 4).txt"))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["out0.txt", "out1.txt", "out2.txt", "out3.txt"])
        for n in 0..<4 {
            #expect(try String(contentsOf: dir.appendingPathComponent("out\(n).txt"), encoding: .utf8) == "file \(n)\n")
        }
    }
}
