import Foundation

/// Validates TTML files against the W3C TTML2 XML Schema with `xmllint` (Debian's libxml2-utils,
/// installed by `scripts/setup.sh`).
public enum TTMLSchemaValidator {
    /// The TTML2 schema: `$LOCCTL_SCHEMAS/ttml-xsd/ttml2/ttml2.xsd`, else `schemas/` beside the corpora.
    public static var schema: URL {
        let root: URL
        if let env = ProcessInfo.processInfo.environment["LOCCTL_SCHEMAS"], !env.isEmpty {
            root = URL(fileURLWithPath: env)
        } else {
            root = TestPaths.corpora.deletingLastPathComponent().appendingPathComponent("schemas")
        }
        return root.appendingPathComponent("ttml-xsd/ttml2/ttml2.xsd")
    }

    /// The `xmllint` executable on `PATH`, nil when it is not installed.
    public static let xmllint: URL? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent("xmllint")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    /// Why validation cannot run here, nil when it can.
    public static var unavailableReason: String? {
        if xmllint == nil { return "xmllint is not installed (apt-get install libxml2-utils)" }
        if !FileManager.default.fileExists(atPath: schema.path) { return "the TTML2 schema is missing at \(schema.path)" }
        return nil
    }

    /// The schema errors of each file that fails to validate (first few lines of xmllint's report), by path.
    public static func failures(_ files: [URL]) throws -> [String: String] {
        guard let xmllint else { throw CocoaError(.executableNotLoadable) }
        var failures: [String: String] = [:]
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + 200, files.count)])
            start += batch.count
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("xmllint-\(UUID().uuidString).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: log) }
            let handle = try FileHandle(forWritingTo: log)
            let process = Process()
            process.executableURL = xmllint
            process.arguments = ["--noout", "--nonet", "--schema", schema.path] + batch.map(\.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = handle
            try process.run()
            process.waitUntilExit()
            try handle.close()
            let report = String(decoding: try Data(contentsOf: log), as: UTF8.self)
            var errors: [String: [String]] = [:]
            for line in report.split(separator: "\n") {
                guard let file = batch.first(where: { line.hasPrefix($0.path + ":") || line == $0.path + " fails to validate" }) else { continue }
                if line.hasSuffix(" fails to validate") {
                    failures[file.path] = (errors[file.path] ?? ["fails to validate"]).prefix(3).joined(separator: "\n")
                } else {
                    errors[file.path, default: []].append(String(line.dropFirst(file.path.count + 1)))
                }
            }
            // A file xmllint could not even parse is reported without "fails to validate".
            for (path, lines) in errors where failures[path] == nil && !report.contains(path + " validates") {
                failures[path] = lines.prefix(3).joined(separator: "\n")
            }
        }
        return failures
    }
}
