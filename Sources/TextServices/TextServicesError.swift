/// Errors from the text services.
public enum TextServicesError: Error, Hashable, Sendable {
    /// An ICU call failed; `code` is ICU's `UErrorCode`.
    case icu(operation: String, code: Int)
}
