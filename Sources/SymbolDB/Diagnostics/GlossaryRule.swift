/// Every check the loader and the linter make, with a stable id and a default severity.
///
/// Ids appear in output (`[form-conflict]`) so CI logs and reviewers can refer to a rule.
public enum GlossaryRule: String, CaseIterable, Hashable, Sendable, Codable {
    // MARK: Reading (the loader)
    /// A file could not be read.
    case unreadableFile = "unreadable-file"
    /// The file is not well-formed YAML.
    case yamlSyntax = "yaml-syntax"
    /// A CSV file breaks RFC 4180 (stray or unclosed quotes).
    case csvSyntax = "csv-syntax"
    /// A TBX (XML) file is not well-formed, or is refused as unsafe (DTD declarations, entities, size, depth).
    case xmlSyntax = "xml-syntax"
    /// A value has the wrong type (a list where a string belongs, …).
    case typeMismatch = "type-mismatch"
    /// A key the schema does not know (usually a typo).
    case unknownKey = "unknown-key"
    /// The same key twice in one mapping.
    case duplicateKey = "duplicate-key"
    /// The document is too large, too deep, or expands anchors and aliases too often.
    case documentLimit = "document-limit"
    /// A required field is absent.
    case missingField = "missing-field"
    /// A category, context, status, theme, language, region or severity outside the vocabulary.
    case unknownTag = "unknown-tag"

    // MARK: Linting (the symbols)
    /// Two entries share an id.
    case duplicateID = "duplicate-id"
    /// An id is not kebab-case ASCII.
    case badID = "bad-id"
    /// One Simplified, Traditional or alias string belongs to two symbols.
    case formConflict = "form-conflict"
    /// One pinyin string belongs to two symbols (homophones are common: a warning).
    case pinyinConflict = "pinyin-conflict"
    /// No Simplified form.
    case missingSimplified = "missing-simplified"
    /// No pinyin.
    case missingPinyin = "missing-pinyin"
    /// OpenCC's Traditional conversion of a Simplified form is not among the Traditional forms.
    case traditionalMismatch = "traditional-mismatch"
    /// No Traditional forms although OpenCC's conversion differs from the Simplified form.
    case traditionalMissing = "traditional-missing"
    /// A single-character Chinese form without `disambiguation`.
    case singleCharacterForm = "single-character-form"
    /// No English gloss.
    case missingEnglishGloss = "missing-gloss-en"
    /// A gloss longer than 120 characters.
    case glossTooLong = "gloss-too-long"
    /// No English preferred rendering.
    case missingEnglishRendering = "missing-rendering-en"
    /// An analogy keyed by a frame outside the vocabulary.
    case unknownFrame = "unknown-frame"
    /// Text that is not in Unicode Normalization Form C.
    case notNFC = "not-nfc"
    /// A `related` id that no symbol has.
    case unknownRelated = "unknown-related"
    /// A Wikidata id that is not `Q` and digits.
    case badWikidataID = "bad-wikidata-id"
    /// A priority outside 1–3.
    case badPriority = "bad-priority"
    /// A rendering-context entry (`renderings.<tag>.not-before|not-after|not-within`) that can never apply:
    /// empty after the Latin fold, or a `not-within` phrase containing none of the Latin forms it guards.
    case badRenderingContext = "bad-rendering-context"
    /// A sense example keyed by a string that is not one of the symbol's Chinese forms, or a line without its form.
    case badSenseExample = "bad-sense-example"
    /// Fewer than ``Vocabulary/minimumSenseExamples`` lines for one sense of a form that has examples.
    case fewSenseExamples = "few-sense-examples"
    /// An `aligned-only` term that is none of the renderings of its tag.
    case badAlignedOnly = "bad-aligned-only"
    /// A term listed both as preferred/admitted and as deprecated for one language or region: an auto-replacer
    /// would both keep and replace it.
    case contradictoryRendering = "contradictory-rendering"
    /// A Chinese form that is frequent everyday vocabulary (word-frequency list) without sense examples.
    case ambiguousFormWithoutExamples = "ambiguous-form-without-examples"
    /// A rendering that is a frequent everyday word of its language (word-frequency list) not listed in `aligned-only`.
    case everydayRenderingNotAlignedOnly = "everyday-rendering"

    /// The severity a finding of this rule has.
    public var severity: GlossaryDiagnostic.Severity {
        switch self {
        // The frequency rules are warnings while the content catches up; CI prints them (`--frequencies`).
        case .pinyinConflict, .traditionalMismatch, .fewSenseExamples, .ambiguousFormWithoutExamples,
             .everydayRenderingNotAlignedOnly: return .warning
        default: return .error
        }
    }
}
