import Foundation
import TextServices

/// Reads the entries of a parsed TBX document, v3 (`tbx/text/body/conceptEntry/langSec/termSec`) or v2
/// (`martif/text/body/termEntry/langSet/(tig|ntig)`), into ``TBXEntry`` values.
///
/// Tolerant: elements it does not know are skipped with one warning per element name; `*Grp` wrappers
/// (`descripGrp`, `adminGrp`, `termNoteGrp`, `transacGrp`) are looked through.
struct TBXTreeReader {
    enum Version: String { case v3 = "TBX v3", v2 = "TBX v2 (martif)" }

    let file: String
    private(set) var diagnostics: [GlossaryDiagnostic] = []
    private var reportedUnknown = Set<String>()
    private(set) var version: Version = .v3

    init(file: String) { self.file = file }

    /// The data-category elements TBX-Basic (v2 and v3) defines; they become ``TBXEntry/Item``s.
    private static let dataCategories: Set<String> = ["descrip", "admin", "note", "ref", "xref", "termNote", "transac",
                                                       "adminNote", "descripNote", "transacNote", "date"]
    private static let groups: Set<String> = ["descripGrp", "adminGrp", "termNoteGrp", "transacGrp"]

    mutating func read(_ document: XMLTreeDocument) -> [TBXEntry] {
        let root = document.root
        switch root.name {
        case "tbx":
            version = .v3
            if let namespace = root.namespace, namespace != TBXConventions.namespace, namespace != TBXConventions.draftNamespace {
                warn("the tbx element is in namespace '\(namespace)', not \(TBXConventions.namespace); reading it anyway", line: root.line)
            }
            if root.attribute("style") == "dct" {
                warn("DCT-style TBX: data categories in other namespaces are skipped (export TBX-Basic in DCA style for a full import)", line: root.line)
            }
        case "martif":
            version = .v2
        default:
            diagnostics.append(GlossaryDiagnostic(.xmlSyntax, "the root element is <\(root.name)>; a TBX file has <tbx> (TBX v3) or <martif> (TBX v2)",
                                                  at: location(root.line)))
            return []
        }
        if let type = root.attribute("type"), type != "TBX-Basic", type != "TBX" {
            warn("dialect '\(type)': read as TBX-Basic; data categories TBX-Basic does not know are skipped", line: root.line)
        }
        guard let text = child(root, "text"), let body = child(text, "body") else {
            diagnostics.append(GlossaryDiagnostic(.missingField, "no <text><body> in the document", at: location(root.line)))
            return []
        }
        let entryName = version == .v3 ? "conceptEntry" : "termEntry"
        var entries: [TBXEntry] = []
        for element in body.elements {
            if isTBX(element), element.name == entryName {
                entries.append(entry(element))
            } else {
                unknown(element, in: "body")
            }
        }
        return entries
    }

    // MARK: Levels

    private mutating func entry(_ element: XMLTreeElement) -> TBXEntry {
        var result = TBXEntry(id: element.attribute("id"), line: element.line, items: [], languages: [])
        let languageName = version == .v3 ? "langSec" : "langSet"
        for child in element.elements {
            if isTBX(child), child.name == languageName {
                result.languages.append(languageSection(child))
            } else if let items = items(child, in: element.name) {
                result.items += items
            }
        }
        return result
    }

    private mutating func languageSection(_ element: XMLTreeElement) -> TBXEntry.LanguageSection {
        let tag = element.attribute("lang", namespace: XMLNamespace.xml) ?? element.attribute("lang") ?? ""
        if tag.isEmpty { warn("<\(element.name)> without xml:lang; its terms are skipped", line: element.line) }
        var section = TBXEntry.LanguageSection(tag: tag, line: element.line, items: [], terms: [])
        for child in element.elements {
            switch (isTBX(child), child.name) {
            case (true, "termSec") where version == .v3, (true, "tig") where version == .v2:
                if let term = term(child, container: child) { section.terms.append(term) }
            case (true, "ntig") where version == .v2:
                // ntig: termGrp (term, termNote…) followed by auxiliary information.
                guard let group = self.child(child, "termGrp") else {
                    warn("<ntig> without <termGrp>; skipped", line: child.line)
                    continue
                }
                if var found = term(group, container: group) {
                    for other in child.elements where !(isTBX(other) && other.name == "termGrp") {
                        found.items += items(other, in: "ntig") ?? []
                    }
                    section.terms.append(found)
                }
            default:
                section.items += items(child, in: element.name) ?? []
            }
        }
        if tag.isEmpty { section.terms = [] }
        return section
    }

    /// A term and its notes from a `termSec`, `tig` or `termGrp`.
    private mutating func term(_ element: XMLTreeElement, container: XMLTreeElement) -> TBXEntry.Term? {
        guard let termElement = child(element, "term") else {
            warn("<\(element.name)> without <term>; skipped", line: element.line)
            return nil
        }
        let text = termElement.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            warn("empty <term>; skipped", line: termElement.line)
            return nil
        }
        var term = TBXEntry.Term(text: text, line: termElement.line, items: [])
        for child in element.elements where child != termElement {
            if isTBX(child), child.name == "termCompList" { continue }
            term.items += items(child, in: element.name) ?? []
        }
        return term
    }

    /// The data-category items in `element` (itself, or the members of a group); nil (with a warning) when it is not one.
    private mutating func items(_ element: XMLTreeElement, in parent: String) -> [TBXEntry.Item]? {
        guard isTBX(element) else {
            unknown(element, in: parent)
            return nil
        }
        if element.name == "transacGrp" {
            // Transaction history (who changed what when) has no place in the model: one item, skipped as a whole.
            return [TBXEntry.Item(element: element.name, type: nil, language: nil, target: nil, text: "", line: element.line)]
        }
        if Self.groups.contains(element.name) {
            return element.elements.flatMap { items($0, in: element.name) ?? [] }
        }
        guard Self.dataCategories.contains(element.name) else {
            unknown(element, in: parent)
            return nil
        }
        return [TBXEntry.Item(element: element.name, type: element.attribute("type"),
                              language: element.attribute("lang", namespace: XMLNamespace.xml),
                              target: element.attribute("target"), text: element.textContent, line: element.line)]
    }

    // MARK: Helpers

    /// Whether `element` is in a TBX namespace (v3's, the draft's, or none as in v2).
    private func isTBX(_ element: XMLTreeElement) -> Bool {
        element.namespace == nil || element.namespace == TBXConventions.namespace || element.namespace == TBXConventions.draftNamespace
    }

    private func child(_ element: XMLTreeElement, _ name: String) -> XMLTreeElement? {
        element.elements.first { $0.name == name && isTBX($0) }
    }

    private mutating func unknown(_ element: XMLTreeElement, in parent: String) {
        let key = "\(parent)/\(element.name)"
        guard reportedUnknown.insert(key).inserted else { return }
        warn("<\(element.name)> in <\(parent)> is not part of \(version == .v3 ? "TBX-Basic" : "TBX-Basic v2"); skipped (reported once)", line: element.line)
    }

    private func location(_ line: Int) -> GlossaryLocation {
        GlossaryLocation(file: file, line: line > 0 ? line : nil)
    }

    private mutating func warn(_ message: String, line: Int) {
        diagnostics.append(GlossaryDiagnostic(.unknownKey, message, at: location(line), severity: .warning))
    }
}
