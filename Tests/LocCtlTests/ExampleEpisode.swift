import Foundation
import TestSupport
import Testing

/// The bundled example episode (`examples/son-in-law/`) and checks shared by the end-to-end tests.
enum ExampleEpisode {
    static let directory = CLIRunner.repoRoot.appendingPathComponent("examples/son-in-law")
    static let chinese = directory.appendingPathComponent("ep01.zh.srt")
    static let english = directory.appendingPathComponent("ep01.en.srt")
    static let schemas = CLIRunner.repoRoot.appendingPathComponent("schemas")

    /// The bytes of every file of the example, to check that no command modified its inputs.
    static func snapshot() throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            out[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return out
    }

    /// Runs `body` and expects the example files to be byte-identical afterwards.
    static func leavesInputsUnchanged<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        let before = try snapshot()
        let result = try body()
        #expect(try snapshot() == before, "an example input was modified", sourceLocation: sourceLocation)
        return result
    }

    /// A temporary copy of the example episode (both tracks).
    static func copy() throws -> URL {
        let dir = try CLIRunner.tempDir()
        for url in [chinese, english] {
            try FileManager.default.copyItem(at: url, to: dir.appendingPathComponent(url.lastPathComponent))
        }
        return dir
    }
}

/// Validates JSON files against a JSON Schema with Python's `jsonschema` (the validator class the schema names).
enum JSONSchemaCheck {
    /// nil when every file is valid; otherwise the validator's messages.
    static func problems(schema: URL, files: [URL]) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        bad = []
        for path in sys.argv[2:]:
            for e in sorted(cls(schema).iter_errors(json.load(open(path))), key=str):
                bad.append(f"{path}: {list(e.path)}: {e.message}")
        print("\\n".join(bad))
        sys.exit(1 if bad else 0)
        """, schema.path] + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : String(decoding: data, as: UTF8.self)
    }
}

extension CLIRunner.Result {
    /// The stdout lines, without the trailing empty one.
    var lines: [String] {
        var lines = stdout.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// stdout parsed as JSON.
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
}
