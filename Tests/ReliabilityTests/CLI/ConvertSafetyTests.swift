import Foundation
import Localize
import Regions
import Subtitles
import TestSupport
import Testing

/// `locctl convert` on awkward names and outputs: inputs untouched, outputs atomic, re-runs skipped.
@Suite(.serialized) struct ConvertSafetyTests {
    static let episode = CLIRunner.repoRoot.appendingPathComponent("examples/son-in-law/ep01.zh.srt")

    func noTempFiles(_ dir: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "temp files left: \(names)")
    }

    @Test func awkwardFileNamesThroughTheCLI() throws {
        let dir = try CLIRunner.tempDir()
        let input = dir.appendingPathComponent("-weird name 中文.srt")
        try FileManager.default.copyItem(at: Self.episode, to: input)
        let before = try Hostile.digest(input)
        // An option value that starts with a dash is given as --output=VALUE (or ./VALUE); after `--`,
        // every argument is an input.
        let r = try CLIRunner.run(["convert", "--output=-out 输出 file.ttml", "--", "-weird name 中文.srt"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let out = dir.appendingPathComponent("-out 输出 file.ttml")
        let loaded = try SubtitleFile.read(out)
        #expect(loaded.track.cues.count == (try SubtitleFile.read(input)).track.cues.count)
        #expect(try Hostile.digest(input) == before)
        try noTempFiles(dir)

        // The same through a directory and --out-dir.
        let outDir = dir.appendingPathComponent("out dir ✓")
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: false)
        let r2 = try CLIRunner.run(["convert", "--out-dir", outDir.path, "--to", "srt", "--", input.path], cwd: dir)
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(FileManager.default.fileExists(atPath: outDir.appendingPathComponent("-weird name 中文.srt").path))
        #expect(try Hostile.digest(input) == before)
    }

    @Test func missingOutputDirectoryIsCreatedButAMissingParentOfAnOutputFileIsAnError() throws {
        let dir = try CLIRunner.tempDir()
        let missing = dir.appendingPathComponent("no/such/dir")
        // --out-dir is created, as every batch command does.
        let r = try CLIRunner.run(["convert", Self.episode.path, "--out-dir", missing.path, "--to", "ttml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: missing.appendingPathComponent("ep01.zh.ttml").path))
        // -o never creates directories: a missing parent is one clear error and nothing is written.
        let elsewhere = dir.appendingPathComponent("other/place/x.ttml")
        let r2 = try CLIRunner.run(["convert", Self.episode.path, "-o", elsewhere.path])
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("does not exist"), "\(r2.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("other").path))
    }

    @Test func fileInPlaceOfADirectoryIsOneClearError() throws {
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let r = try CLIRunner.run(["convert", Self.episode.path, "--out-dir", file.path, "--to", "ttml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not a directory"), "\(r.stderr)")
        let r2 = try CLIRunner.run(["convert", Self.episode.path, "-o", file.appendingPathComponent("x.ttml").path])
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("not a directory"), "\(r2.stderr)")
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    @Test func readOnlyOutputDirectoryIsAClearError() throws {
        let dir = try CLIRunner.tempDir()
        let ro = dir.appendingPathComponent("read-only")
        try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: false)
        chmod(ro.path, 0o555)
        defer { chmod(ro.path, 0o755) }
        // As root, permissions do not stop a write: detect that and say so instead of passing silently.
        if access(ro.path, W_OK) == 0 {
            print("skipped readOnlyOutputDirectoryIsAClearError: running as root, a 0555 directory is writable " +
                  "(fileInPlaceOfADirectoryIsOneClearError covers an unwritable output path)")
            return
        }
        let r = try CLIRunner.run(["convert", Self.episode.path, "--out-dir", ro.path, "--to", "ttml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write") && r.stderr.contains("ermission"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ro.path).isEmpty)
    }

    @Test func rerunSkipsUpToDateOutputsAndForceRedoes() throws {
        let dir = try CLIRunner.tempDir()
        let inDir = dir.appendingPathComponent("in"), outDir = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inDir, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: false)
        for n in ["a", "b", "c"] {
            try FileManager.default.copyItem(at: Self.episode, to: inDir.appendingPathComponent("\(n).srt"))
        }
        let digests = try ["a", "b", "c"].map { try Hostile.digest(inDir.appendingPathComponent("\($0).srt")) }
        let args = ["convert", inDir.path, "--out-dir", outDir.path, "--to", "ttml"]

        let first = try CLIRunner.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains("up to date"))
        let mtime = { (n: String) in UpToDate_mtime(outDir.appendingPathComponent("\(n).ttml")) }
        let before = ["a", "b", "c"].map(mtime)

        let second = try CLIRunner.run(args)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.components(separatedBy: "up to date").count - 1 == 3, "\(second.stdout)")
        #expect(["a", "b", "c"].map(mtime) == before, "up-to-date outputs were rewritten")

        // A newer input is redone, the others are skipped.
        usleep(20_000)
        let b = inDir.appendingPathComponent("b.srt")
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: b.path)
        let third = try CLIRunner.run(args)
        #expect(third.status == 0)
        #expect(third.stdout.components(separatedBy: "up to date").count - 1 == 2, "\(third.stdout)")
        #expect(third.stdout.contains("b.srt → "), "\(third.stdout)")

        let forced = try CLIRunner.run(args + ["--force"])
        #expect(forced.status == 0)
        #expect(!forced.stdout.contains("up to date"), "\(forced.stdout)")
        #expect(try ["a", "b", "c"].map { try Hostile.digest(inDir.appendingPathComponent("\($0).srt")) } == digests)
        try noTempFiles(outDir)
    }
}

/// Modification time in nanoseconds, nil when missing.
func UpToDate_mtime(_ url: URL) -> Int? {
    var st = stat()
    guard stat(url.path, &st) == 0 else { return nil }
    return Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
}
