import Foundation

/// A read-only flat array of fixed-width integers: an array's own storage, or a range of a snapshot's bytes
/// (memory-mapped) used where it lies, so loading a matcher copies none of its automaton tables.
struct FlatArray<Element: FixedWidthInteger & Sendable>: Sendable {
    private enum Storage: Sendable {
        case array([Element])
        /// `count` elements at byte `offset` of `data`, aligned for `Element`.
        case bytes(Data, offset: Int)
    }

    private let storage: Storage
    let count: Int

    init(_ array: [Element]) {
        storage = .array(array)
        count = array.count
    }

    /// The `count` elements at byte `offset` of `data`, in place when that address is aligned, else copied.
    init(data: Data, offset: Int, count: Int) {
        self.count = count
        let aligned = data.withUnsafeBytes { raw in
            raw.baseAddress.map { (Int(bitPattern: $0) + offset) % MemoryLayout<Element>.alignment == 0 } ?? false
        }
        if aligned && count > 0 {
            storage = .bytes(data, offset: offset)
        } else {
            storage = .array(data.withUnsafeBytes { raw in
                [Element](unsafeUninitializedCapacity: count) { destination, initialized in
                    if count > 0 {
                        UnsafeMutableRawBufferPointer(destination).copyMemory(
                            from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count * MemoryLayout<Element>.size)]))
                    }
                    initialized = count
                }
            })
        }
    }

    /// Runs `body` with the elements as a buffer (valid only inside `body`).
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        switch storage {
        case let .array(array):
            return try array.withUnsafeBufferPointer(body)
        case let .bytes(data, offset):
            return try data.withUnsafeBytes { raw in
                let start = (raw.baseAddress! + offset).assumingMemoryBound(to: Element.self)
                return try body(UnsafeBufferPointer(start: start, count: count))
            }
        }
    }

    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "FlatArray index out of range")
        return withUnsafeBufferPointer { $0[index] }
    }

    var first: Element? { count == 0 ? nil : self[0] }
    var last: Element? { count == 0 ? nil : self[count - 1] }

    func allSatisfy(_ predicate: (Element) throws -> Bool) rethrows -> Bool {
        try withUnsafeBufferPointer { try $0.allSatisfy(predicate) }
    }

    /// A copy as an array.
    var array: [Element] { withUnsafeBufferPointer { Array($0) } }
}

extension FlatArray: Equatable {
    static func == (a: FlatArray, b: FlatArray) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
    }
}
