/// Stable identities for findings, so a report can be compared with an earlier one (baselines, SARIF).
///
/// A fingerprint hashes what the finding is about — rule, episode, symbol and offending text — and its
/// ordinal among findings with the same four, never times or line numbers: retiming or inserting cues
/// elsewhere in the file keeps every other fingerprint.
public enum FindingFingerprint {
    /// The SARIF `partialFingerprints` key the value is stored under.
    public static let sarifKey = "locctlFinding/v1"

    /// Sets `fingerprint` on each finding (in report order).
    public static func assign(_ findings: inout [Finding]) {
        var seen: [String: Int] = [:]
        for i in findings.indices {
            let f = findings[i]
            let key = [f.rule, f.episode, f.symbolID ?? "", f.text].joined(separator: "\u{1F}")
            let ordinal = seen[key, default: 0]
            seen[key] = ordinal + 1
            findings[i].fingerprint = hex(fnv1a(key + "\u{1F}\(ordinal)"))
        }
    }

    /// 64-bit FNV-1a of the UTF-8 bytes.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
