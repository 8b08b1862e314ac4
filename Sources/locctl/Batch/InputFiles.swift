import Foundation

/// Expands command-line inputs (files and directories) into the subtitle files to process.
enum InputFiles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Files as given, and every file with one of `extensions` under each directory, sorted by path.
    static func expand(_ inputs: [String], extensions: Set<String>) throws -> [URL] {
        var out: [URL] = []
        var seen = Set<String>()
        for input in inputs {
            let url = URL(fileURLWithPath: input)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
                throw Failure(description: "\(input): no such file or directory")
            }
            if isDir.boolValue {
                guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
                var found: [URL] = []
                for case let file as URL in walker where extensions.contains(file.pathExtension.lowercased()) {
                    found.append(file)
                }
                for f in found.sorted(by: { $0.path < $1.path }) where seen.insert(f.standardizedFileURL.path).inserted { out.append(f) }
            } else if seen.insert(url.standardizedFileURL.path).inserted {
                out.append(url)
            }
        }
        return out
    }
}
