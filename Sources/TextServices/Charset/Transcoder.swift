import CICU
import Foundation

/// Converts between bytes in a named character set and UTF-8, through ICU's converters (`ucnv`).
///
/// Conversion is strict: the first byte sequence (or character) the charset cannot convert stops it
/// with `TranscodingError.invalidInput` and its offset; nothing is replaced silently.
public enum Transcoder {
    /// Why a conversion failed.
    public enum TranscodingError: Error, Hashable, Sendable {
        /// ICU has no converter of this name.
        case unknownCharset(String)
        /// Decoding: byte offset of the first invalid byte. Encoding: UTF-16 offset (in the input string)
        /// of the first character the charset cannot hold.
        case invalidInput(charset: String, offset: Int)
        /// ICU failed for another reason (memory, internal error).
        case failed(charset: String)
    }

    /// Whether ICU knows a converter called `charset` (names and aliases such as `Big5`, `GB18030`, `cp950`).
    public static func isKnown(_ charset: String) -> Bool { cicu_charset_is_known(charset) != 0 }

    /// Decodes `data` in `charset` (no BOM handling: a BOM is decoded as U+FEFF).
    public static func decode<Bytes: Collection>(_ data: Bytes, from charset: String) throws(TranscodingError) -> String
    where Bytes.Element == UInt8 {
        if data.isEmpty { return "" }
        var out: UnsafeMutablePointer<UInt8>?
        var outLength: Int32 = 0
        var errorOffset: Int32 = 0
        let rc: Int32
        if let r = data.withContiguousStorageIfAvailable({ buf in
            cicu_convert_to_utf8(charset, buf.baseAddress, Int32(clamping: buf.count), &out, &outLength, &errorOffset)
        }) {
            rc = r
        } else {
            let copy = Array(data)
            rc = copy.withUnsafeBufferPointer { buf in
                cicu_convert_to_utf8(charset, buf.baseAddress, Int32(clamping: buf.count), &out, &outLength, &errorOffset)
            }
        }
        defer { cicu_free(out) }
        try check(rc, charset: charset, offset: errorOffset)
        guard let out else { return "" }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(outLength)), as: UTF8.self)
    }

    /// Encodes `text` in `charset`.
    public static func encode(_ text: String, to charset: String) throws(TranscodingError) -> Data {
        var text = text
        var out: UnsafeMutablePointer<UInt8>?
        var outLength: Int32 = 0
        var errorOffset: Int32 = 0
        let rc = text.withUTF8 { buf in
            cicu_convert_from_utf8(charset, buf.baseAddress, Int32(clamping: buf.count), &out, &outLength, &errorOffset)
        }
        defer { cicu_free(out) }
        try check(rc, charset: charset, offset: errorOffset)
        guard let out else { return Data() }
        return Data(bytes: out, count: Int(outLength))
    }

    private static func check(_ rc: Int32, charset: String, offset: Int32) throws(TranscodingError) {
        switch rc {
        case Int32(CICU_CONVERT_OK): return
        case Int32(CICU_CONVERT_UNKNOWN_CHARSET): throw .unknownCharset(charset)
        case Int32(CICU_CONVERT_INVALID): throw .invalidInput(charset: charset, offset: Int(offset))
        default: throw .failed(charset: charset)
        }
    }
}
