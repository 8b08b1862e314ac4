import Foundation
import TextServices

/// Validates JSON documents against a JSON Schema with Python's `jsonschema` (installed by `scripts/setup.sh`).
public enum JSONSchemaValidator {
    public enum Failure: Error, CustomStringConvertible {
        case unavailable(String)
        public var description: String {
            switch self { case let .unavailable(why): return "jsonschema is not available: \(why)" }
        }
    }

    /// nil when `document` is valid against `schema`, else the first errors (path: message, one per line).
    ///
    /// - Throws: ``Failure/unavailable`` when python3 or jsonschema cannot run: a missing validator fails the test.
    public static func errors(in document: String, schema: URL) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json")
        try Data(document.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        doc = json.load(open(sys.argv[2], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc), key=lambda e: list(map(str, e.path)))
        for e in errors[:10]:
            print("/".join(map(str, e.path)) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path, file.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw Failure.unavailable("\(error)") }
        let errData = Locked(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData.set(err.fileHandleForReading.readDataToEndOfFile()); group.leave() }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        group.wait()
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return nil
        case 1 where !output.isEmpty: return output
        default: throw Failure.unavailable(String(decoding: errData.value, as: UTF8.self))
        }
    }
}
