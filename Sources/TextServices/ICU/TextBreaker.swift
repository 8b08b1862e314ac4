import CICU

/// Finds character, word, line or sentence boundaries with ICU's break iterators.
///
/// Word breaking for Chinese, Japanese, Thai, Lao, Khmer and Burmese uses ICU's dictionaries. ICU objects
/// are opened once per (kind, locale) for the whole process and cloned into a small pool; a `TextBreaker`
/// is cheap to create and safe to use from any thread.
public struct TextBreaker: Sendable {
    /// What the boundaries separate.
    public enum Kind: Int32, Sendable, CaseIterable {
        /// User-perceived characters (extended grapheme clusters).
        case character = 0
        /// Words, spaces and punctuation (UAX #29 plus dictionaries for scripts without spaces).
        case word = 1
        /// Line-break opportunities (UAX #14).
        case line = 2
        /// Sentences (UAX #29).
        case sentence = 3
    }

    public let kind: Kind
    public let locale: String
    private let pool: BreakIteratorPool

    /// A breaker of `kind` for `locale` (a BCP 47 or ICU locale id such as `zh`, `th`, `en-US`).
    /// - Throws: `TextServicesError.icu` when ICU cannot open the iterator.
    public init(kind: Kind, locale: String = "") throws {
        self.kind = kind
        self.locale = locale
        self.pool = try BreakIteratorPool.shared(kind: kind, locale: locale)
    }

    /// Every boundary as a UTF-16 offset into `text`, from 0 to `text.utf16.count` inclusive.
    public func boundaries(in text: String) -> [Int] {
        run(text).map { $0.offset }
    }

    /// The segments between consecutive boundaries, with ICU's rule status for each.
    public func segments(in text: String) -> [Segment] {
        let marks = run(text)
        guard marks.count > 1 else { return [] }
        var result: [Segment] = []
        result.reserveCapacity(marks.count - 1)
        for i in 1..<marks.count {
            result.append(Segment(range: marks[i - 1].offset..<marks[i].offset, ruleStatus: Int(marks[i].status)))
        }
        return result
    }

    private func run(_ text: String) -> [(offset: Int, status: Int32)] {
        let units = Array(text.utf16)
        let capacity = units.count + 1
        var boundaries = [Int32](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        let count: Int32 = pool.withIterator { iterator in
            var error: Int32 = 0
            return units.withUnsafeBufferPointer { text in
                cicu_break_all(iterator, text.baseAddress, Int32(units.count), &boundaries, &statuses,
                               Int32(capacity), &error)
            }
        }
        // ICU only fails here on a bad argument; fall back to the whole text as one segment.
        guard count > 0 else { return units.isEmpty ? [(0, Int32(0))] : [(0, Int32(0)), (units.count, Int32(0))] }
        return (0..<Int(count)).map { (Int(boundaries[$0]), statuses[$0]) }
    }
}

extension TextBreaker {
    /// A stretch of text between two boundaries.
    public struct Segment: Hashable, Sendable {
        /// UTF-16 offsets into the text.
        public var range: Range<Int>
        /// ICU's rule status for the segment (for words: see `wordKind`).
        public var ruleStatus: Int

        public init(range: Range<Int>, ruleStatus: Int) {
            self.range = range
            self.ruleStatus = ruleStatus
        }

        /// For word segments: what the segment holds.
        public var wordKind: WordKind { WordKind(ruleStatus: ruleStatus) }
        /// For word segments: whether it is a word (letters, numbers, kana or ideographs), not spaces or punctuation.
        public var isWord: Bool { wordKind != .none }
    }

    /// What a word segment holds, from ICU's `UWordBreak` rule status ranges.
    public enum WordKind: Hashable, Sendable {
        /// Spaces, punctuation and symbols.
        case none
        case number
        case letter
        case kana
        case ideographic

        init(ruleStatus: Int) {
            switch ruleStatus {
            case 100..<200: self = .number
            case 200..<300: self = .letter
            case 300..<400: self = .kana
            case 400..<500: self = .ideographic
            default: self = .none
            }
        }
    }

    /// The word segments (not spaces or punctuation) of `text`, as UTF-16 ranges; needs `kind == .word`.
    public func words(in text: String) -> [Segment] {
        segments(in: text).filter(\.isWord)
    }

    /// The segments of `text` as substrings.
    public func substrings(in text: String) -> [Substring] {
        let utf16 = text.utf16
        return segments(in: text).map { segment in
            let lower = utf16.index(utf16.startIndex, offsetBy: segment.range.lowerBound)
            let upper = utf16.index(lower, offsetBy: segment.range.count)
            return text[lower..<upper]
        }
    }
}

/// One template iterator per (kind, locale) for the process, cloned into a pool of ready iterators.
final class BreakIteratorPool: @unchecked Sendable {
    private struct Key: Hashable { let kind: Int32; let locale: String }
    private static let registry = Locked<[Key: BreakIteratorPool]>([:])
    private static let maximumIdle = 16

    // Guarded by `lock`: the template is only cloned, the idle iterators are handed out one at a time.
    private let template: OpaquePointer
    private let lock = Locked<[OpaquePointer]>([])

    private init(template: OpaquePointer) { self.template = template }

    static func shared(kind: TextBreaker.Kind, locale: String) throws -> BreakIteratorPool {
        try registry.withLock { pools in
            let key = Key(kind: kind.rawValue, locale: locale)
            if let pool = pools[key] { return pool }
            var error: Int32 = 0
            guard let template = cicu_break_open(kind.rawValue, locale, &error) else {
                throw TextServicesError.icu(operation: "ubrk_open(\(kind), \(locale))", code: Int(error))
            }
            let pool = BreakIteratorPool(template: template)
            pools[key] = pool
            return pool
        }
    }

    func withIterator<R>(_ body: (OpaquePointer) -> R) -> R {
        let iterator: OpaquePointer = lock.withLock { idle in
            if let ready = idle.popLast() { return ready }
            var error: Int32 = 0
            // Cloning a template opened successfully only fails when memory runs out.
            guard let clone = cicu_break_clone(template, &error) else {
                fatalError("ubrk_clone failed with ICU error \(error)")
            }
            return clone
        }
        let result = body(iterator)
        let surplus: OpaquePointer? = lock.withLock { idle in
            if idle.count < Self.maximumIdle { idle.append(iterator); return nil }
            return iterator
        }
        if let surplus { cicu_break_close(surplus) }
        return result
    }
}
