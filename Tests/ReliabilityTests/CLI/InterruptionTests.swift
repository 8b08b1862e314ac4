import Foundation
import Localize
import Regions
import Subtitles
import TestSupport
import Testing

/// A real SIGINT/SIGTERM sent to a running `locctl convert` batch.
@Suite(.serialized) struct InterruptionTests {
    /// 40 inputs of 50k cues each; under the sanitizers (`LOCCTL_HEAVY_TESTS=0`, binaries 5–15× slower)
    /// 16 of 10k, which still keeps the batch running for seconds.
    static let files = Hostile.heavyEnabled ? 40 : 16
    static let cuesPerFile = Hostile.heavyEnabled ? 50_000 : 10_000

    /// The inputs, made once per test run.
    static let inputs: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-interrupt-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let data = Data(Hostile.srt(cues: cuesPerFile).utf8)
        for i in 0..<files { try! data.write(to: dir.appendingPathComponent(String(format: "ep%02d.srt", i))) }
        return dir
    }()

    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedBatchLeavesOnlyCompleteOutputs(_ sig: Int32) throws {
        let inputs = Self.inputs
        let digestBefore = try Hostile.digest(inputs.appendingPathComponent("ep00.srt"))
        let outDir = try CLIRunner.tempDir()
        let (process, out, err) = CLIRunner.process(["convert", inputs.path, "--out-dir", outDir.path, "--to", "ttml"])
        try process.run()
        let errData = Box<Data>(), outData = Box<Data>()
        Thread { errData.value = err.fileHandleForReading.readDataToEndOfFile() }.start()
        Thread { outData.value = out.fileHandleForReading.readDataToEndOfFile() }.start()

        // Wait until the first output is complete, so the batch is well under way, then signal.
        let deadline = Date().addingTimeInterval(120 * Hostile.slowdown)
        while Date() < deadline && process.isRunning {
            let done = (try? FileManager.default.contentsOfDirectory(atPath: outDir.path))?.filter { $0.hasSuffix(".ttml") } ?? []
            if !done.isEmpty { break }
            usleep(20_000)
        }
        #expect(process.isRunning, "batch finished before it could be interrupted")
        kill(process.processIdentifier, sig)
        process.waitUntilExit()
        while errData.value == nil || outData.value == nil { usleep(1000) }
        let stderr = String(decoding: errData.value!, as: UTF8.self)

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130, "exit \(process.terminationStatus); \(stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: outDir.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "partial files left: \(names)")
        let outputs = names.filter { $0.hasSuffix(".ttml") }.sorted()
        #expect(outputs.count < Self.files, "nothing was interrupted")
        #expect(stderr.contains("interrupted; \(outputs.count) of \(Self.files) finished"), "\(stderr)")
        for name in outputs {
            // Every output that exists is complete and named in the report.
            let loaded = try SubtitleFile.read(outDir.appendingPathComponent(name))
            #expect(loaded.track.cues.count == Self.cuesPerFile, "\(name) is incomplete")
            #expect(stderr.contains("finished: \(name.replacingOccurrences(of: ".ttml", with: ".srt"))"), "\(name) not reported")
        }
        #expect(try Hostile.digest(inputs.appendingPathComponent("ep00.srt")) == digestBefore)

        // Re-running completes the rest and skips what finished.
        let rerun = try CLIRunner.run(["convert", inputs.path, "--out-dir", outDir.path, "--to", "ttml"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.components(separatedBy: "up to date").count - 1 == outputs.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outDir.path).filter { $0.hasSuffix(".ttml") }.count == Self.files)
    }
}
