import Foundation

/// The findings of an earlier report (`--format json` or `sarif`), by fingerprint: `--baseline` reports only
/// what is new.
public struct Baseline: Sendable {
    public var fingerprints: Set<String>

    public init(fingerprints: Set<String>) { self.fingerprints = fingerprints }

    /// What is wrong with a baseline file.
    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    public static func load(_ url: URL) throws(Error) -> Baseline {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw Error(file: url.path, message: "cannot read the baseline (\(error.localizedDescription))")
        }
        return try parse(data, file: url.path)
    }

    /// Reads a locctl JSON report (`findings[].fingerprint`) or a SARIF log (`runs[].results[].partialFingerprints`).
    public static func parse(_ data: Data, file: String) throws(Error) -> Baseline {
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw Error(file: file, message: "not a JSON or SARIF audit report")
        }
        var prints = Set<String>()
        if let runs = root["runs"] as? [[String: Any]] {
            for run in runs {
                for result in run["results"] as? [[String: Any]] ?? [] {
                    if let p = (result["partialFingerprints"] as? [String: Any])?[FindingFingerprint.sarifKey] as? String { prints.insert(p) }
                }
            }
            if prints.isEmpty && runs.contains(where: { !($0["results"] as? [Any] ?? []).isEmpty }) {
                throw Error(file: file, message: "the SARIF results carry no \(FindingFingerprint.sarifKey) fingerprints (written by an older locctl?)")
            }
        } else if let findings = root["findings"] as? [[String: Any]] {
            for f in findings { if let p = f["fingerprint"] as? String { prints.insert(p) } }
            for f in root["suppressed"] as? [[String: Any]] ?? [] { if let p = f["fingerprint"] as? String { prints.insert(p) } }
            if prints.isEmpty && !findings.isEmpty {
                throw Error(file: file, message: "the findings carry no fingerprints (written by an older locctl?)")
            }
        } else {
            throw Error(file: file, message: "neither a locctl JSON report ('findings') nor a SARIF log ('runs')")
        }
        return Baseline(fingerprints: prints)
    }
}
