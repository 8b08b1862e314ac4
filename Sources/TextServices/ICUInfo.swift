import CICU

/// Facts about the ICU library locctl runs on.
public enum ICUInfo {
    /// ICU's version, e.g. `72.1`.
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer, 32)
        return String(cString: buffer)
    }
}
