import Foundation
import FuzzTargets
import TestSupport
import Testing

/// Replays every input that once crashed a fuzz target (`Fixtures/fuzz-regressions/TARGET/…`, where the
/// folder name is the target with `:` written as `-`, e.g. `codec-srt`) and a short run over the seeds.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions")

    static var cases: [String] {
        let fm = FileManager.default
        var out: [String] = []
        for dir in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] where !dir.hasPrefix(".") {
            for file in (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(dir).path)) ?? [] where !file.hasPrefix(".") {
                out.append("\(dir)/\(file)")
            }
        }
        return out.sorted()
    }

    static func target(forFolder folder: String) -> FuzzTarget? {
        let name = folder.hasPrefix("codec-") ? "codec:" + folder.dropFirst("codec-".count) : folder
        return FuzzTarget.named(name)
    }

    @Test(arguments: cases)
    func crashInputNoLongerCrashes(_ path: String) throws {
        let folder = String(path.split(separator: "/")[0])
        guard let target = Self.target(forFolder: folder) else { Issue.record("no fuzz target for \(folder)"); return }
        guard target.unavailable() == nil else { return }
        let data = try Data(contentsOf: Self.root.appendingPathComponent(path))
        target.run([UInt8](data))
    }

    @Test func everyTargetRunsOnItsSeeds() throws {
        let corpus = CLIRunner.repoRoot.appendingPathComponent("Fuzz/Corpus")
        let seeds = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).filter { !$0.hasSuffix(".md") && $0.contains(".") }
        let targets = FuzzTarget.all + ["srt", "ttml", "ass", "vtt"].map { FuzzTarget.named("codec:\($0)")! }
        for target in targets where target.unavailable() == nil {
            for seed in seeds {
                target.run([UInt8](try Data(contentsOf: corpus.appendingPathComponent(seed))))
            }
        }
    }
}
