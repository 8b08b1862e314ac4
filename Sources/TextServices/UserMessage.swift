import Foundation

/// Turns errors from Foundation and the C library into the short reason locctl prints, never a raw
/// `Error Domain=NSCocoaErrorDomain Code=…` dump.
public enum UserMessage {
    /// A lower-case reason such as "permission denied" or "read-only file system"; locctl's own errors as they describe themselves.
    public static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileReadNoSuchFile.rawValue: return "no such file or directory"
            case CocoaError.fileReadNoPermission.rawValue, CocoaError.fileWriteNoPermission.rawValue: return "permission denied"
            case CocoaError.fileWriteVolumeReadOnly.rawValue: return "read-only file system"
            case CocoaError.fileWriteOutOfSpace.rawValue: return "no space left on device"
            case CocoaError.fileWriteFileExists.rawValue: return "a file of that name exists"
            case CocoaError.fileReadCorruptFile.rawValue: return "the file is damaged or not in the expected format"
            case CocoaError.fileReadInapplicableStringEncoding.rawValue: return "the file is not text in the expected encoding"
            case CocoaError.fileReadTooLarge.rawValue: return "the file is too large"
            default:
                if let path = ns.userInfo[NSFilePathErrorKey] as? String { return diagnose(path) }
                return "file operation failed"
            }
        }
        if error is CustomStringConvertible { return "\(error)" }
        return "unexpected error (\(ns.domain) \(ns.code))"
    }

    /// Why `path` cannot be written, found by looking at its parents: one is a file, is missing, or is not writable.
    static func diagnose(_ path: String) -> String {
        var parent = (path as NSString).deletingLastPathComponent
        var missing: String?
        while !parent.isEmpty {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: parent, isDirectory: &isDir) {
                if !isDir.boolValue { return "\(parent) is a file, not a directory" }
                if access(parent, W_OK) != 0 { return "\(parent): permission denied" }
                if let missing { return "\(missing) does not exist" }
                return "cannot write \(path)"
            }
            missing = parent
            let up = (parent as NSString).deletingLastPathComponent
            if up == parent { break }
            parent = up
        }
        return "cannot write \(path)"
    }
}
