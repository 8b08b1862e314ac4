import Foundation
internal import COpenCC

/// Phrase-level conversion between Simplified and Traditional Chinese through OpenCC.
///
/// Converters are opened once per configuration and shared process-wide: use
/// ``shared(_:)``. Conversion is safe from any thread.
public final class ChineseScriptConverter: Sendable {
    /// An OpenCC configuration, named after its file in OpenCC's data directory.
    public enum Configuration: String, CaseIterable, Sendable, Hashable {
        /// Simplified to Traditional (OpenCC standard).
        case s2t
        /// Simplified to Traditional, Taiwan variant characters.
        case s2tw
        /// Simplified to Traditional, Taiwan characters and phrasing (软件 → 軟體).
        case s2twp
        /// Simplified to Traditional, Hong Kong variant characters.
        case s2hk
        /// Traditional (OpenCC standard) to Simplified.
        case t2s
        /// Taiwan Traditional to Simplified.
        case tw2s
        /// Taiwan Traditional to Simplified with mainland phrasing.
        case tw2sp
        /// Hong Kong Traditional to Simplified.
        case hk2s
        /// Traditional (OpenCC standard) to Taiwan variants.
        case t2tw
        /// Traditional (OpenCC standard) to Hong Kong variants.
        case t2hk
        /// Taiwan variants to Traditional (OpenCC standard).
        case tw2t
        /// Hong Kong variants to Traditional (OpenCC standard).
        case hk2t

        /// The configuration's file name, e.g. `s2twp.json`.
        public var fileName: String { rawValue + ".json" }
    }

    /// The configuration this converter applies.
    public let configuration: Configuration
    /// The configuration file that was opened.
    public let configurationPath: String

    /// The OpenCC handle; OpenCC converters are not thread-safe, so every call holds its lock.
    private let handle: Locked<opencc_t>

    private init(configuration: Configuration, path: String) throws {
        let handle = opencc_open(path)
        // opencc_open signals failure with (opencc_t)-1.
        if handle == nil || Int(bitPattern: handle) == -1 {
            let reason = opencc_error().map { String(cString: $0) } ?? "unknown error"
            throw ChineseScriptConverterError.openFailed(configuration: configuration.rawValue, path: path, reason: reason)
        }
        self.handle = Locked(handle!)
        self.configuration = configuration
        self.configurationPath = path
    }

    deinit {
        _ = handle.withLock { opencc_close($0) }
    }

    /// Converts `text`; text OpenCC cannot convert comes back unchanged.
    public func convert(_ text: String) -> String {
        if text.isEmpty { return text }
        var utf8 = Array(text.utf8)
        let count = utf8.count
        utf8.append(0)
        let converted: String? = handle.withLock { handle in
            utf8.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    guard let output = opencc_convert_utf8(handle, pointer, count) else { return nil }
                    defer { opencc_convert_utf8_free(output) }
                    return String(cString: output)
                }
            }
        }
        return converted ?? text
    }

    // MARK: - Process-wide cache

    private static let cache = Locked<[Configuration: ChineseScriptConverter]>([:])

    /// The process-wide converter for `configuration`, opened on first use.
    ///
    /// - Throws: ``ChineseScriptConverterError`` when the configuration file is missing or unreadable.
    public static func shared(_ configuration: Configuration) throws -> ChineseScriptConverter {
        try cache.withLock { cache in
            if let converter = cache[configuration] { return converter }
            let path = try locate(configuration)
            let converter = try ChineseScriptConverter(configuration: configuration, path: path)
            cache[configuration] = converter
            return converter
        }
    }

    /// Directories searched for OpenCC configuration files, in order.
    ///
    /// `$OPENCC_DATA_DIR` comes first when set, then the usual install locations.
    public static var searchDirectories: [String] {
        var directories: [String] = []
        if let custom = ProcessInfo.processInfo.environment["OPENCC_DATA_DIR"], !custom.isEmpty {
            directories.append(custom)
        }
        directories += ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"]
        return directories
    }

    /// A new, unshared converter whose configuration is looked up in `directories` only.
    ///
    /// Prefer ``shared(_:)``; this is for custom OpenCC data and for tests.
    public static func open(_ configuration: Configuration, searching directories: [String]) throws -> ChineseScriptConverter {
        try ChineseScriptConverter(configuration: configuration, path: locate(configuration, in: directories))
    }

    private static func locate(_ configuration: Configuration, in directories: [String] = searchDirectories) throws -> String {
        for directory in directories {
            let path = (directory as NSString).appendingPathComponent(configuration.fileName)
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        throw ChineseScriptConverterError.configurationNotFound(configuration: configuration.fileName, searched: directories)
    }
}

/// Why a Chinese script converter could not be opened.
public enum ChineseScriptConverterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No directory holds the configuration file (install libopencc's data, e.g. Debian's `opencc-data`/`libopencc-dev`).
    case configurationNotFound(configuration: String, searched: [String])
    /// OpenCC refused the configuration file.
    case openFailed(configuration: String, path: String, reason: String)

    public var description: String {
        switch self {
        case let .configurationNotFound(configuration, searched):
            return "OpenCC configuration \(configuration) not found in \(searched.joined(separator: ", ")); install OpenCC's data (Debian: libopencc-dev) or set OPENCC_DATA_DIR"
        case let .openFailed(configuration, path, reason):
            return "OpenCC could not open \(configuration) at \(path): \(reason)"
        }
    }
}
