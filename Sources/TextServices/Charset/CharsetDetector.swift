import CICU
import Foundation

/// Guesses the character set of raw bytes with ICU's statistical detector (`ucsdet`).
public enum CharsetDetector {
    /// One guess: an ICU charset name (e.g. `GB18030`, `Big5`, `UTF-16LE`), its language and ICU's confidence (0–100).
    public struct Candidate: Hashable, Sendable {
        public var name: String
        public var language: String
        public var confidence: Int
        public init(name: String, language: String = "", confidence: Int) {
            self.name = name
            self.language = language
            self.confidence = confidence
        }
    }

    /// All candidates ICU finds, best first (empty when ICU fails or the input is empty).
    public static func candidates(for data: Data, limit: Int = 32) -> [Candidate] {
        guard !data.isEmpty, limit > 0 else { return [] }
        var matches = [cicu_charset_match](repeating: cicu_charset_match(), count: limit)
        let count: Int32 = data.withUnsafeBytes { raw in
            let base = raw.bindMemory(to: UInt8.self).baseAddress
            return matches.withUnsafeMutableBufferPointer { out in
                cicu_charset_detect(base, Int32(clamping: raw.count), out.baseAddress, Int32(limit))
            }
        }
        guard count > 0 else { return [] }
        return matches.prefix(Int(count)).map { match in
            var m = match
            let name = withUnsafeBytes(of: &m.name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            let language = withUnsafeBytes(of: &m.language) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            return Candidate(name: name, language: language, confidence: Int(m.confidence))
        }
    }
}
