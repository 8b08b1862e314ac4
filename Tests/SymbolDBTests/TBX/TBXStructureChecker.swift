import Foundation
import TextServices

/// Checks a parsed document against the TBX-Basic v3 DCA content model: which elements may appear, in what
/// order and how often (from the TBX-Basic integrated RELAX NG grammar), the data-category `type` values,
/// the levels each data category is allowed at and the picklist values (from the TBX-Basic DCA Schematron).
///
/// Written from the published TBX-Basic dialect (LTAC-Global/TBX-Basic_dialect, DCA); returns one message
/// per violation, with the line.
struct TBXStructureChecker {
    static let namespace = "urn:iso:std:iso:30042:ed-2"

    /// One slot of a content model: any of `names`, between `min` and `max` times.
    struct Slot {
        var names: Set<String>
        var min: Int
        var max: Int
        static func one(_ name: String) -> Slot { Slot(names: [name], min: 1, max: 1) }
        static func optional(_ name: String) -> Slot { Slot(names: [name], min: 0, max: 1) }
        static func some(_ names: Set<String>) -> Slot { Slot(names: names, min: 1, max: .max) }
        static func any(_ names: Set<String>) -> Slot { Slot(names: names, min: 0, max: .max) }
    }

    static let auxInfo: Set<String> = ["descrip", "descripGrp", "admin", "adminGrp", "transacGrp", "note", "ref", "xref"]

    /// Element content models (elements with text content have none).
    static let models: [String: [Slot]] = [
        "tbx": [.one("tbxHeader"), .one("text")],
        "tbxHeader": [.one("fileDesc"), .optional("encodingDesc"), .optional("revisionDesc")],
        "fileDesc": [.optional("titleStmt"), .optional("publicationStmt"), .some(["sourceDesc"])],
        "titleStmt": [.one("title"), .any(["note"])],
        "publicationStmt": [.some(["p"])],
        "sourceDesc": [.some(["p"])],
        "encodingDesc": [.some(["p"])],
        "text": [.one("body"), .optional("back")],
        "body": [.some(["conceptEntry"])],
        "conceptEntry": [.any(auxInfo), .some(["langSec"])],
        "langSec": [.any(auxInfo), .some(["termSec"])],
        "termSec": [.one("term"), .any(["termNote", "termNoteGrp"]), .any(auxInfo)],
    ]

    /// Text-only elements (TBX-Basic allows `hi` and friends inside some; locctl writes plain text).
    static let textElements: Set<String> = ["title", "p", "term", "termNote", "descrip", "admin", "note", "ref", "xref", "transac"]

    static let types: [String: Set<String>] = [
        "descrip": ["context", "definition", "subjectField"],
        "admin": ["customerSubset", "projectSubset", "source"],
        "ref": ["crossReference"],
        "xref": ["externalCrossReference", "xGraphic"],
        "transac": ["transactionType"],
        "termNote": ["administrativeStatus", "grammaticalGender", "geographicalUsage", "partOfSpeech", "termLocation", "termType"],
    ]

    /// Parents each data category is allowed under (Schematron level rules).
    static let levels: [String: Set<String>] = [
        "descrip/subjectField": ["conceptEntry"],
        "descrip/definition": ["conceptEntry", "langSec"],
        "descrip/context": ["termSec"],
        "admin/customerSubset": ["termSec"],
        "admin/projectSubset": ["termSec"],
        "ref/crossReference": ["conceptEntry", "termSec"],
        "xref/externalCrossReference": ["conceptEntry", "termSec"],
        "xref/xGraphic": ["conceptEntry"],
    ]

    static let picklists: [String: Set<String>] = [
        "administrativeStatus": ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"],
        "partOfSpeech": ["adjective", "noun", "other", "verb", "adverb"],
        "grammaticalGender": ["masculine", "feminine", "neuter", "other"],
        "termType": ["fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"],
    ]

    private(set) var problems: [String] = []
    private var ids = Set<String>()
    private var targets: [(String, Int)] = []

    static func check(_ document: XMLTreeDocument) -> [String] {
        var checker = TBXStructureChecker()
        let root = document.root
        if root.name != "tbx" { checker.problems.append("root is <\(root.name)>, not <tbx>") }
        if root.attribute("type") != "TBX-Basic" { checker.problems.append("tbx/@type is not TBX-Basic") }
        if root.attribute("style") != "dca" { checker.problems.append("tbx/@style is not dca") }
        if root.attribute("lang", namespace: XMLNamespace.xml) == nil { checker.problems.append("tbx has no xml:lang") }
        checker.visit(root, parent: nil)
        for (target, line) in checker.targets where !checker.ids.contains(target) {
            checker.problems.append("line \(line): ref target '\(target)' is not an id in the document")
        }
        return checker.problems
    }

    private mutating func visit(_ element: XMLTreeElement, parent: String?) {
        let at = "line \(element.line): <\(element.name)>"
        if element.namespace != Self.namespace { problems.append("\(at) is not in the TBX namespace") }
        if let id = element.attribute("id") {
            if !isNCName(id) { problems.append("\(at) id '\(id)' is not an XML name") }
            if !ids.insert(id).inserted { problems.append("\(at) id '\(id)' is not unique") }
        }
        if element.name == "langSec", element.attribute("lang", namespace: XMLNamespace.xml)?.isEmpty != false {
            problems.append("\(at) has no xml:lang")
        }
        if let allowed = Self.types[element.name] {
            guard let type = element.attribute("type"), allowed.contains(type) else {
                problems.append("\(at) type '\(element.attribute("type") ?? "")' is not a TBX-Basic \(element.name) type")
                return
            }
            if let parents = Self.levels["\(element.name)/\(type)"], let parent, !parents.contains(parent) {
                problems.append("\(at) type '\(type)' is not allowed in <\(parent)>")
            }
            if element.name == "termNote", let values = Self.picklists[type], !values.contains(element.textContent) {
                problems.append("\(at) \(type) value '\(element.textContent)' is not in the TBX-Basic picklist")
            }
            if element.name == "termNote" && parent != "termSec" && parent != "termNoteGrp" {
                problems.append("\(at) termNote outside termSec")
            }
            if element.name == "ref" {
                if let target = element.attribute("target") { targets.append((target, element.line)) }
            }
            if element.name == "xref" {
                let target = element.attribute("target") ?? ""
                if !(target.hasPrefix("http://") || target.hasPrefix("https://")) || target.contains(" ") {
                    problems.append("\(at) target '\(target)' is not an http(s) URI")
                }
            }
        }
        if Self.textElements.contains(element.name) {
            if !element.elements.isEmpty { problems.append("\(at) holds elements; locctl writes text only") }
            return
        }
        guard let model = Self.models[element.name] else {
            problems.append("\(at) is not a TBX-Basic element here (in <\(parent ?? "")>)")
            return
        }
        for case let .text(text) in element.children where !text.allSatisfy(\.isWhitespace) {
            problems.append("\(at) holds text '\(text.prefix(20))' outside a data category")
        }
        let children = element.elements
        var index = 0
        for slot in model {
            var count = 0
            while index < children.count, count < slot.max, slot.names.contains(children[index].name) {
                index += 1
                count += 1
            }
            if count < slot.min {
                problems.append("\(at) needs \(slot.names.sorted().joined(separator: "|")) at child \(index + 1)")
            }
        }
        if index < children.count {
            problems.append("\(at) child <\(children[index].name)> (line \(children[index].line)) is not allowed there")
        }
        for child in children { visit(child, parent: element.name) }
    }

    private func isNCName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return !name.contains(":") && !name.unicodeScalars.contains { $0.properties.isWhitespace }
    }
}
