import Foundation

/// Appends little-endian fixed-width values, length-prefixed strings and flat arrays to a byte buffer
/// (the matcher snapshot format; see ``SnapshotReader``).
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f64(_ value: Double) { u64(value.bitPattern) }
    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }
    mutating func count(_ value: Int) { u32(UInt32(value)) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A flat array of fixed-width integers, copied as its memory (the host is little-endian: see the header check).
    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        count(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// A flat array whose elements start at an offset that is a multiple of 8 (zero padding after the count),
    /// so a reader can use them where they lie (``SnapshotReader/alignedArray(in:of:)``).
    mutating func alignedArray<T: FixedWidthInteger & Sendable>(_ values: FlatArray<T>) {
        count(values.count)
        while bytes.count % 8 != 0 { bytes.append(0) }
        values.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeRawBufferPointer($0)) }
    }

    mutating func scalarsList(_ lists: [[UInt32]]) {
        count(lists.count)
        for list in lists { array(list) }
    }

    /// Overwrites 8 bytes at `offset` (a length filled in after the fact).
    mutating func patch(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for i in 0..<8 { bytes[offset + i] = raw[i] }
        }
    }
}

/// Reads what ``SnapshotWriter`` wrote, checking every length against the bytes left: a truncated or damaged
/// snapshot throws instead of reading out of bounds.
struct SnapshotReader {
    struct Damaged: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "matcher snapshot damaged at byte \(offset)" }
    }

    let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var remaining: Int { buffer.count - offset }

    private mutating func take(_ size: Int) throws -> UnsafeRawBufferPointer {
        guard size >= 0, size <= remaining else { throw Damaged(offset: offset) }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + size)])
        offset += size
        return slice
    }

    mutating func u8() throws -> UInt8 { try take(1)[0] }
    mutating func bool() throws -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw Damaged(offset: offset - 1)
        }
    }
    mutating func u32() throws -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func i32() throws -> Int32 { Int32(bitPattern: try u32()) }
    mutating func u64() throws -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func f64() throws -> Double { Double(bitPattern: try u64()) }
    mutating func int() throws -> Int {
        let value = Int64(bitPattern: try u64())
        guard let int = Int(exactly: value) else { throw Damaged(offset: offset - 8) }
        return int
    }

    /// A count, no larger than the bytes left divided by `minimumSize` (each element takes at least that much).
    mutating func count(minimumSize: Int = 1) throws -> Int {
        let value = Int(try u32())
        guard value <= remaining / max(1, minimumSize) else { throw Damaged(offset: offset - 4) }
        return value
    }

    mutating func string() throws -> String {
        let length = try count()
        let raw = try take(length)
        return String(decoding: raw, as: UTF8.self)
    }

    mutating func array<T: FixedWidthInteger>(of type: T.Type = T.self) throws -> [T] {
        let n = try count(minimumSize: MemoryLayout<T>.size)
        let raw = try take(n * MemoryLayout<T>.size)
        return [T](unsafeUninitializedCapacity: n) { destination, initialized in
            if n > 0 { UnsafeMutableRawBufferPointer(destination).copyMemory(from: raw) }
            initialized = n
        }
    }

    /// What ``SnapshotWriter/alignedArray(_:)`` wrote, as a range of `data` (the bytes this reader reads, from
    /// their first byte), not copied when its address is aligned.
    mutating func alignedArray<T: FixedWidthInteger & Sendable>(in data: Data, of type: T.Type = T.self) throws -> FlatArray<T> {
        let n = try count(minimumSize: MemoryLayout<T>.size)
        while offset % 8 != 0 { guard try u8() == 0 else { throw Damaged(offset: offset - 1) } }
        let start = offset
        try skip(n * MemoryLayout<T>.size)
        return FlatArray(data: data, offset: start, count: n)
    }

    mutating func scalarsList() throws -> [[UInt32]] {
        let n = try count(minimumSize: 4)
        var lists: [[UInt32]] = []
        lists.reserveCapacity(n)
        for _ in 0..<n { lists.append(try array()) }
        return lists
    }

    mutating func skip(_ size: Int) throws { _ = try take(size) }
}
