import CICU

/// An ICU transliterator (`Hant-Hans`, `Han-Latin`, `Any-Latin; Latin-ASCII; Lower` …), opened once and
/// safe to share between threads (calls are serialized).
public final class ICUTransliterator: Sendable {
    /// The transliterator id it was opened with.
    public let id: String
    private let handle: Locked<OpaquePointer>

    /// Opens the transliterator `id`.
    /// - Throws: `TextServicesError.icu` when ICU does not know the id.
    public init(id: String) throws {
        var units = Array(id.utf16)
        var error: Int32 = 0
        guard let opened = cicu_transliterator_open(&units, Int32(units.count), &error) else {
            throw TextServicesError.icu(operation: "utrans_openU(\(id))", code: Int(error))
        }
        self.id = id
        self.handle = Locked(opened)
    }

    deinit {
        handle.withLock { cicu_transliterator_close($0) }
    }

    /// `text` transliterated.
    public func transliterate(_ text: String) -> String {
        let units = Array(text.utf16)
        var capacity = units.count * 2 + 16
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var error: Int32 = 0
            let length = handle.withLock { transliterator in
                cicu_transliterate(transliterator, &buffer, Int32(units.count), Int32(capacity), &error)
            }
            if length >= 0 { return String(decoding: buffer[0..<Int(length)], as: UTF16.self) }
            // U_BUFFER_OVERFLOW_ERROR: give it more room; any other error leaves the text unchanged.
            guard error == 15, capacity < units.count * 16 + 1024 else { return text }
            capacity *= 4
        }
    }
}
