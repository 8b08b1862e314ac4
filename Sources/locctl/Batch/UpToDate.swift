import Foundation

/// The re-run rule shared by batch commands: an output is up to date when it exists and was modified no
/// earlier than every input it is made from. `--force` bypasses it.
///
/// The rule looks at times only: a re-run with other options (another `--to`, another `--encoding`) into
/// the same output path is skipped too, unless `--force` is given.
enum UpToDate {
    /// Whether `output` exists and its modification time is at or after each input's.
    static func isCurrent(_ output: URL, inputs: [URL]) -> Bool {
        guard let out = modificationTime(output) else { return false }
        for input in inputs {
            guard let t = modificationTime(input), t <= out else { return false }
        }
        return true
    }

    /// Nanosecond-precision modification time (following symlinks); nil when the file does not exist.
    static func modificationTime(_ url: URL) -> (Int, Int)? {
        var st = stat()
        guard stat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
    }
}

private func <= (a: (Int, Int), b: (Int, Int)) -> Bool { a.0 < b.0 || (a.0 == b.0 && a.1 <= b.1) }
