/// Namespace URIs that XML itself reserves.
public enum XMLNamespace {
    /// The `xml:` prefix (`xml:lang`, `xml:space`, `xml:id`).
    public static let xml = "http://www.w3.org/XML/1998/namespace"
}

/// One attribute of an element: its namespace URI (nil when unprefixed), local name and value.
public struct XMLAttribute: Hashable, Sendable {
    public var namespace: String?
    public var name: String
    public var value: String

    public init(namespace: String? = nil, name: String, value: String) {
        self.namespace = namespace
        self.name = name
        self.value = value
    }
}

/// A child of an element: an element or a run of character data.
public enum XMLContent: Hashable, Sendable {
    case element(XMLTreeElement)
    /// Character data (text and CDATA), with predefined and character references already resolved.
    case text(String)
}

/// An immutable XML element with its namespace, attributes, children and source line.
public struct XMLTreeElement: Hashable, Sendable {
    /// Namespace URI, nil when the element is in no namespace.
    public var namespace: String?
    public var name: String
    public var attributes: [XMLAttribute]
    public var children: [XMLContent]
    /// 1-based line of the start tag in the source (0 when unknown).
    public var line: Int

    public init(namespace: String? = nil, name: String, attributes: [XMLAttribute] = [],
                children: [XMLContent] = [], line: Int = 0) {
        self.namespace = namespace
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// Whether the element has this namespace URI and local name.
    public func `is`(_ namespace: String?, _ name: String) -> Bool {
        self.name == name && self.namespace == namespace
    }

    /// The value of the attribute with this namespace URI (nil: unprefixed) and local name.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// Child elements, in document order.
    public var elements: [XMLTreeElement] {
        children.compactMap { if case let .element(e) = $0 { return e } else { return nil } }
    }

    /// Child elements with this namespace and local name.
    public func elements(_ namespace: String?, _ name: String) -> [XMLTreeElement] {
        elements.filter { $0.is(namespace, name) }
    }

    /// All character data below this element, concatenated in document order.
    public var textContent: String {
        var out = ""
        for child in children {
            switch child {
            case let .text(s): out += s
            case let .element(e): out += e.textContent
            }
        }
        return out
    }
}

/// A parsed document: its root element.
public struct XMLTreeDocument: Hashable, Sendable {
    public var root: XMLTreeElement
    /// Name used in errors (usually the path).
    public var name: String

    public init(root: XMLTreeElement, name: String) {
        self.root = root
        self.name = name
    }
}
