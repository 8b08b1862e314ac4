import Foundation
import TextServices

/// Formats symbols are exchanged in, outside the YAML sources.
///
/// Each has a reader and writer in its folder (`CSV/`, `JSON/`, `TBX/`).
public enum GlossaryExchangeFormat: String, CaseIterable, Sendable {
    case csv
    case json
    /// TBX-Basic (ISO 30042:2019, TBX v3) for CAT tools.
    case tbx

    /// Serializes `symbols`.
    public func write(_ symbols: [Symbol]) throws -> Data {
        switch self {
        case .csv: return Data(SymbolCSV.write(symbols).utf8)
        case .json: return try SymbolJSON.write(symbols)
        case .tbx: return Data(try SymbolTBX.write(symbols).utf8)
        }
    }

    /// The format a file name's extension names (`.csv`, `.json`, `.tbx`; `.xml` is read as TBX).
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "tbx", "xml": self = .tbx
        default: return nil
        }
    }
}

/// Writes new glossary source files into the glossary directory.
public enum GlossaryFileWriter {
    /// Why a glossary file was not written.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The file exists and overwriting was not allowed.
        case exists(String)
        /// The file could not be written; the reason in plain words.
        case cannotWrite(String, String)
        public var description: String {
            switch self {
            case let .exists(path): return "\(path) already exists (use --force to overwrite)"
            case let .cannotWrite(path, why): return "\(path): cannot write (\(why))"
            }
        }
    }

    /// Writes `contents` to `url` atomically (temporary file, then rename); refuses to replace an
    /// existing file unless `overwrite`.
    public static func write(_ contents: Data, to url: URL, overwrite: Bool) throws {
        if !overwrite && FileManager.default.fileExists(atPath: url.path) { throw Failure.exists(url.path) }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do { try contents.write(to: temporary) } catch { throw Failure.cannotWrite(url.path, UserMessage.reason(error)) }
        if overwrite {
            guard rename(temporary.path, url.path) == 0 else { throw Failure.cannotWrite(url.path, String(cString: strerror(errno))) }
        } else {
            // link(2) fails if the target appeared meanwhile: no race can overwrite a file.
            guard link(temporary.path, url.path) == 0 else {
                if errno == EEXIST { throw Failure.exists(url.path) }
                throw Failure.cannotWrite(url.path, String(cString: strerror(errno)))
            }
        }
    }
}
