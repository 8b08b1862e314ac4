import Foundation

/// The Unicode byte order marks a text file may start with.
enum ByteOrderMark: CaseIterable {
    case utf8, utf16LE, utf16BE, utf32LE, utf32BE

    var bytes: [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .utf32LE: return [0xFF, 0xFE, 0x00, 0x00]
        case .utf32BE: return [0x00, 0x00, 0xFE, 0xFF]
        }
    }

    /// The ICU converter name, also what is reported to the user.
    var encoding: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        case .utf32LE: return "UTF-32LE"
        case .utf32BE: return "UTF-32BE"
        }
    }

    /// The BOM at `offset`, if any. `FF FE 00 00` is UTF-32LE only when the rest is a whole number of
    /// 4-byte units; otherwise it is a UTF-16LE BOM followed by U+0000.
    static func at(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> ByteOrderMark? {
        func matches(_ bom: ByteOrderMark) -> Bool {
            let b = bom.bytes
            guard bytes.count - offset >= b.count else { return false }
            for i in 0..<b.count where bytes[offset + i] != b[i] { return false }
            return true
        }
        if matches(.utf32LE) && (bytes.count - offset) % 4 == 0 { return .utf32LE }
        if matches(.utf32BE) { return .utf32BE }
        if matches(.utf8) { return .utf8 }
        if matches(.utf16LE) { return .utf16LE }
        if matches(.utf16BE) { return .utf16BE }
        return nil
    }
}
