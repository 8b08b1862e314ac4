/// One terminological entry as read from TBX v3 (`conceptEntry`) or v2 (`termEntry`), before it becomes a
/// ``Symbol``: the version-neutral middle step of ``TBXReader``.
struct TBXEntry: Hashable, Sendable {
    /// A data-category element (`descrip`, `admin`, `note`, `ref`, `xref`, `termNote`, `transac`) with its type.
    struct Item: Hashable, Sendable {
        var element: String
        var type: String?
        var language: String?
        var target: String?
        var text: String
        var line: Int
    }

    struct Term: Hashable, Sendable {
        var text: String
        var line: Int
        /// `termNote`s and term-level auxiliary items, in document order.
        var items: [Item]
    }

    struct LanguageSection: Hashable, Sendable {
        var tag: String
        var line: Int
        var items: [Item]
        var terms: [Term]
    }

    var id: String?
    var line: Int
    var items: [Item]
    var languages: [LanguageSection]
}
