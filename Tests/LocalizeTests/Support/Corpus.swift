import Foundation
@testable import Localize

/// Paths of the shared test corpora (never copied into the repository).
enum Corpus {
    static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["LOCCTL_CORPORA"] { return URL(fileURLWithPath: env) }
        // Tests/LocalizeTests/Support/Corpus.swift → repo root → ../shared/corpora
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let sibling = url.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        if FileManager.default.fileExists(atPath: sibling.path) { return sibling }
        return URL(fileURLWithPath: "/work/shared/corpora")
    }()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    /// Reads and decodes a corpus file with encoding detection.
    static func source(_ relative: String) throws -> SourceText {
        try TextFileDecoder().decode(contentsOf: url(relative))
    }
}

/// Runs a command line tool and returns its standard output.
func run(_ tool: String, _ arguments: [String], input: Data? = nil) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let out = Pipe()
    process.standardOutput = out
    if let input {
        let inPipe = Pipe()
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(input)
        try inPipe.fileHandleForWriting.close()
    } else {
        try process.run()
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    struct Failed: Error { var status: Int32 }
    guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
    return data
}
