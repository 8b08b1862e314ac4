/// One Chinese form claimed by two symbols (an error), or one pinyin string (a warning: homophones exist).
public struct FormConflictRule: LintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.formConflict, .pinyinConflict] }

    public func check(_ context: LintContext) -> [GlossaryDiagnostic] {
        var chineseOwner: [String: (id: String, location: GlossaryLocation)] = [:]
        var pinyinOwner: [String: (id: String, location: GlossaryLocation)] = [:]
        var findings: [GlossaryDiagnostic] = []
        for located in context.symbols {
            let symbol = located.symbol
            let chinese = [("forms.simplified", symbol.forms.simplified), ("forms.traditional", symbol.forms.traditional),
                           ("forms.aliases", symbol.forms.aliases)]
            var reported = Set<String>()
            for (path, forms) in chinese {
                for (index, form) in forms.enumerated() {
                    let at = "\(path).\(index)"
                    if let owner = chineseOwner[form] {
                        if owner.id != symbol.id, reported.insert(form).inserted {
                            findings.append(located.finding(.formConflict,
                                "form '\(form)' is also claimed by '\(owner.id)' (\(owner.location))", at: at))
                        }
                    } else {
                        chineseOwner[form] = (symbol.id, located.source.location(at))
                    }
                }
            }
            for (index, pinyin) in symbol.forms.pinyin.enumerated() {
                let key = pinyin.lowercased()
                let at = "forms.pinyin.\(index)"
                if let owner = pinyinOwner[key] {
                    if owner.id != symbol.id, reported.insert("pinyin:" + key).inserted {
                        findings.append(located.finding(.pinyinConflict,
                            "pinyin '\(pinyin)' is also used by '\(owner.id)' (\(owner.location))", at: at))
                    }
                } else {
                    pinyinOwner[key] = (symbol.id, located.source.location(at))
                }
            }
        }
        return findings
    }
}

/// At least one Simplified form and one pinyin form.
public struct RequiredFormsRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.missingSimplified, .missingPinyin] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        var findings: [GlossaryDiagnostic] = []
        if located.symbol.forms.simplified.isEmpty {
            findings.append(located.finding(.missingSimplified, "symbol '\(located.symbol.id)' has no forms.simplified", at: "forms"))
        }
        if located.symbol.forms.pinyin.isEmpty {
            findings.append(located.finding(.missingPinyin, "symbol '\(located.symbol.id)' has no forms.pinyin", at: "forms"))
        }
        return findings
    }
}

/// Each Simplified form's OpenCC conversion should be among the Traditional forms (explicit forms win).
public struct TraditionalFormsRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.traditionalMismatch, .traditionalMissing] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        guard let standard = context.traditionalConverters.first else { return [] }
        let forms = located.symbol.forms
        let traditional = Set(forms.traditional)
        var findings: [GlossaryDiagnostic] = []
        for (index, simplified) in forms.simplified.enumerated() {
            let converted = standard.convert(simplified)
            guard converted != simplified else { continue }
            if traditional.isEmpty {
                findings.append(located.finding(.traditionalMissing,
                    "forms.traditional is empty but OpenCC converts '\(simplified)' to '\(converted)'; add it", at: "forms.simplified.\(index)"))
                continue
            }
            // Regional variants (s2tw, s2hk) are as good as the standard conversion.
            let candidates = Set(context.traditionalConverters.map { $0.convert(simplified) })
            if candidates.isDisjoint(with: traditional) {
                findings.append(located.finding(.traditionalMismatch,
                    "OpenCC converts '\(simplified)' to '\(converted)', which is not among forms.traditional",
                    at: "forms.simplified.\(index)"))
            }
        }
        return findings
    }
}

/// A one-character Chinese form matches inside countless words: it needs `disambiguation`.
public struct SingleCharacterFormRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.singleCharacterForm] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        let symbol = located.symbol
        if let d = symbol.disambiguation, !(d.notBefore.isEmpty && d.notAfter.isEmpty && d.notWithin.isEmpty) { return [] }
        var findings: [GlossaryDiagnostic] = []
        let chinese = [("forms.simplified", symbol.forms.simplified), ("forms.traditional", symbol.forms.traditional),
                       ("forms.aliases", symbol.forms.aliases)]
        var seen = Set<String>()
        for (path, forms) in chinese {
            for (index, form) in forms.enumerated() where form.count == 1 && form.unicodeScalars.allSatisfy(\.isHan) {
                guard seen.insert(form).inserted else { continue }
                findings.append(located.finding(.singleCharacterForm,
                    "single-character form '\(form)' needs disambiguation (not-before, not-after or not-within)", at: "\(path).\(index)"))
            }
        }
        return findings
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a Han ideograph (CJK Unified Ideographs, extensions and compatibility blocks).
    var isHan: Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }
}
