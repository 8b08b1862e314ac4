// INTEGRATION POINT (interim): a minimal private OpenCC binding for `ScriptStep`.
// Replace with the shared wrapper `TextServices/OpenCC/ChineseScriptConverter.swift` (branch `symdb`)
// when it lands: make that type conform to `ScriptConverting`, point `ScriptStep.defaultConverter`
// at it and delete this file. Nothing else in Localize imports COpenCC.
import COpenCC
import Foundation

/// One open OpenCC converter, used from any thread (calls are serialized).
final class OpenCCScriptConverter: ScriptConverting, @unchecked Sendable {
    private let handle: opencc_t
    private let lock = NSLock()
    let configuration: String

    /// Opens `configuration` (e.g. `s2twp`), looked up in `/usr/share/opencc` unless a path is given.
    init(configuration: String) throws {
        var path = configuration.hasSuffix(".json") ? configuration : configuration + ".json"
        if !path.contains("/") {
            for dir in ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"]
            where FileManager.default.fileExists(atPath: dir + "/" + path) {
                path = dir + "/" + path
                break
            }
        }
        let h = opencc_open(path)
        guard let h, Int(bitPattern: h) != -1 else {
            let reason = opencc_error().map { String(cString: $0) } ?? "unknown error"
            throw ScriptConverterError.cannotOpen(configuration: configuration, reason: reason)
        }
        handle = h
        self.configuration = configuration
    }

    deinit { opencc_close(handle) }

    func convert(_ text: String) -> String {
        if text.isEmpty { return text }
        lock.lock(); defer { lock.unlock() }
        var input = text
        return input.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress else { return text }
            let raw = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { opencc_convert_utf8(handle, $0, bytes.count) }
            guard let raw else { return text }
            defer { opencc_convert_utf8_free(raw) }
            return String(cString: raw)
        }
    }

    // Converters are not free to open: one per configuration per process.
    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: OpenCCScriptConverter] = [:]

    /// The process-wide converter for `configuration`, opened on first use.
    static func shared(_ configuration: String) throws -> OpenCCScriptConverter {
        cacheLock.lock(); defer { cacheLock.unlock() }
        if let c = cache[configuration] { return c }
        let c = try OpenCCScriptConverter(configuration: configuration)
        cache[configuration] = c
        return c
    }
}

/// Why a script converter could not be made.
public enum ScriptConverterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The OpenCC configuration could not be opened (missing data files, bad JSON).
    case cannotOpen(configuration: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(configuration, reason): return "cannot open OpenCC configuration '\(configuration)': \(reason)"
        }
    }
}
