import CICU

/// Unicode character properties from ICU.
public enum CharacterProperties {
    /// UAX #11 East Asian Width classes.
    public enum EastAsianWidth: Int32, Sendable {
        case neutral = 0, ambiguous, halfwidth, fullwidth, narrow, wide
    }

    public static func eastAsianWidth(_ scalar: Unicode.Scalar) -> EastAsianWidth {
        EastAsianWidth(rawValue: cicu_east_asian_width(scalar.value)) ?? .neutral
    }

    /// Whether the scalar takes a full cell in East Asian typography (Wide or Fullwidth).
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let w = cicu_east_asian_width(scalar.value)
        return w == 3 || w == 5
    }

    /// Whether the scalar is a strong right-to-left character (Hebrew R or Arabic AL).
    public static func isStrongRTL(_ scalar: Unicode.Scalar) -> Bool {
        let c = cicu_bidi_class(scalar.value)
        return c == 1 || c == 13
    }

    /// Whether the scalar is a strong left-to-right character.
    public static func isStrongLTR(_ scalar: Unicode.Scalar) -> Bool { cicu_bidi_class(scalar.value) == 0 }
}
