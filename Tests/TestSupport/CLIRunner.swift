import Foundation
import TextServices

/// Runs the built `locctl` executable and captures what it prints.
public enum CLIRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The repository checkout (the directory holding `Package.swift`).
    public static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `locctl` binary next to the test bundle (`<scratch>/<config>/locctl`).
    public static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("locctl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repoRoot.appendingPathComponent(".build/debug/locctl")
    }

    /// A configured, not yet started `locctl` process with its stdout and stderr pipes.
    public static func process(_ arguments: [String], cwd: URL? = nil,
                               environment: [String: String] = [:]) -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = cwd ?? repoRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        return (process, out, err)
    }

    /// Runs `locctl` to completion, reading stdout and stderr concurrently so a full pipe cannot block the child.
    public static func run(_ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = process(arguments, cwd: cwd, environment: environment)
        try process.run()
        let (outData, errData) = drain(out, err)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a shell tool (e.g. iconv) on `input` and returns its stdout bytes.
    public static func tool(_ path: String, _ arguments: [String], input: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + [input.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let (data, _) = drain(out, err)
        process.waitUntilExit()
        return data
    }

    /// A fresh temporary directory.
    public static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static func drain(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
        let group = DispatchGroup()
        let errData = Locked(Data())
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        return (outData, errData.value)
    }
}
