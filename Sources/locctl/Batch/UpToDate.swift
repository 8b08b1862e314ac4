import Foundation
import Subtitles

/// The re-run rule shared by batch commands: an output is up to date when it exists, was modified no
/// earlier than every input it is made from, and was made with the same options. `--force` bypasses it.
///
/// The options (and anything else the output depends on: glossary or region content hashes) are a short
/// text, the fingerprint, kept beside the output as `.NAME.locctl-stamp`; a re-run with another
/// `--encoding`, `--from`, `--to` or `--strict` is not skipped.
enum UpToDate {
    /// Whether `output` exists, its modification time is at or after each input's, and its stamp is `fingerprint`.
    static func isCurrent(_ output: URL, inputs: [URL], fingerprint: String) -> Bool {
        guard let out = modificationTime(output) else { return false }
        for input in inputs {
            guard let t = modificationTime(input), t <= out else { return false }
        }
        guard let stamp = try? Data(contentsOf: stampURL(for: output)) else { return false }
        return String(decoding: stamp, as: UTF8.self) == fingerprint
    }

    /// Records that `output` was made with `fingerprint` (atomically; a failure only costs a redo next time, so
    /// the stamp is not synced to disk: a stamp lost or emptied by a crash only makes the next run redo the output).
    static func record(_ output: URL, fingerprint: String) {
        try? AtomicFile.write(fingerprint, to: stampURL(for: output), durable: false)
    }

    /// A fingerprint from named values, one `name=value` a line, in the given order.
    static func fingerprint(_ command: String, _ values: KeyValuePairs<String, String?>) -> String {
        (["locctl \(command) 1"] + values.map { "\($0.key)=\($0.value ?? "")" }).joined(separator: "\n") + "\n"
    }

    /// The hidden file beside `output` holding its fingerprint.
    static func stampURL(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).locctl-stamp")
    }

    /// Nanosecond-precision modification time (following symlinks); nil when the file does not exist.
    static func modificationTime(_ url: URL) -> (Int, Int)? {
        var st = stat()
        guard stat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
    }
}

private func <= (a: (Int, Int), b: (Int, Int)) -> Bool { a.0 < b.0 || (a.0 == b.0 && a.1 <= b.1) }
