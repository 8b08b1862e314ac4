import TextServices

/// The features of one occurrence of a form: character n-grams around it and whether it is a whole ICU word.
///
/// Text is Han-folded (Traditional → Simplified, one to one) before features are taken, so a model trained on
/// Simplified examples reads Traditional text. Punctuation, spaces and the line's ends become `|`.
struct SenseFeatures {
    /// How many code points on each side are looked at.
    static let window = 6

    /// Feature names, with repeats (a multinomial bag).
    var names: [String]

    /// The features of the occurrence of `length` folded code points at `start` in `scalars`.
    ///
    /// - Parameter wholeWord: whether ICU's word breaks fall at both ends of the occurrence (nil: unknown).
    init(scalars: [UInt32], start: Int, length: Int, wholeWord: Bool?) {
        let end = start + length
        func unit(_ index: Int) -> String {
            guard index >= 0 && index < scalars.count else { return "|" }
            return Self.unit(scalars[index])
        }
        var names: [String] = []
        names.reserveCapacity(4 * Self.window + 8)
        names.append("L1:" + unit(start - 1))
        names.append("R1:" + unit(end))
        names.append("L2:" + unit(start - 2) + unit(start - 1))
        names.append("R2:" + unit(end) + unit(end + 1))
        var left: [String] = []
        var offset = start - 1
        while offset >= max(0, start - Self.window) { left.append(unit(offset)); offset -= 1 }
        var right: [String] = []
        offset = end
        while offset < min(scalars.count, end + Self.window) { right.append(unit(offset)); offset += 1 }
        // A form alone on its line ("月饼") has no context: no evidence either way (the line-end features would
        // otherwise speak for whichever sense the examples begin or end with), and the model gives even odds.
        guard (left + right).contains(where: { $0 != "|" }) else {
            self.names = []
            return
        }
        for character in left + right where character != "|" { names.append("W:" + character) }
        for side in [Array(left.reversed()), right] where side.count >= 2 {
            for index in 0..<(side.count - 1) where side[index] != "|" && side[index + 1] != "|" {
                names.append("B:" + side[index] + side[index + 1])
            }
        }
        if let wholeWord { names.append(wholeWord ? "seg:whole" : "seg:part") }
        self.names = names
    }

    /// A code point as a feature unit: itself for letters and ideographs, `|` for punctuation and spaces, `#` for digits.
    static func unit(_ scalar: UInt32) -> String {
        guard let value = Unicode.Scalar(scalar) else { return "|" }
        let properties = value.properties
        if properties.numericType != nil && scalar < 0x3000 { return "#" }
        if properties.isAlphabetic || properties.isIdeographic { return String(Character(value)) }
        return "|"
    }

    /// `text` Han-folded, as code points, with the UTF-16 offset of each.
    static func folded(_ text: String) -> (scalars: [UInt32], utf16: [Int]) {
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        var utf16 = 0
        for scalar in text.unicodeScalars {
            scalars.append(HanScriptFold.fold(scalar.value))
            offsets.append(utf16)
            utf16 += scalar.utf16.count
        }
        return (scalars, offsets)
    }
}
