import CLibXML2
import Foundation

/// A node of raw HTML as libxml2's HTML parser reads it (names lowercased, comments dropped).
struct DOMNode {
    enum Kind {
        case element(name: String, attributes: [(name: String, value: String)])
        case text(String)
    }

    var kind: Kind
    var children: [DOMNode]

    func attribute(_ name: String) -> String? {
        guard case .element(_, let attributes) = kind else { return nil }
        return attributes.first { $0.name == name }?.value
    }
}

/// Parses HTML fragments with libxml2 (recovering, no network, no error output) into ``DOMNode``s.
enum HTMLFragmentParser {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The nodes of `html` as children of `<body>`; malformed markup is repaired as browsers do.
    static func parse(_ html: String) -> [DOMNode] {
        precondition(initialized)
        let wrapped = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue)
        let bytes = Array(wrapped.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }) else { return [] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let body = findBody(root) else { return [] }
        return convert(children: body.pointee.children, document: document)
    }

    private static func findBody(_ node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == "body" { return current }
            child = current.pointee.next
        }
        return nil
    }

    private static func convert(children first: xmlNodePtr?, document: xmlDocPtr) -> [DOMNode] {
        var nodes: [DOMNode] = []
        var child = first
        while let node = child {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name)
                var attributes: [(String, String)] = []
                var property = node.pointee.properties
                while let attribute = property {
                    let attributeName = String(cString: attribute.pointee.name)
                    var value = ""
                    if let raw = xmlNodeListGetString(document, attribute.pointee.children, 1) {
                        value = String(cString: raw)
                        free(raw)  // xmlFree is free() unless an application replaces it; we do not
                    }
                    attributes.append((attributeName, value))
                    property = attribute.pointee.next
                }
                nodes.append(DOMNode(kind: .element(name: name, attributes: attributes), children: convert(children: node.pointee.children, document: document)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { nodes.append(DOMNode(kind: .text(String(cString: content)), children: [])) }
            default:
                break  // comments, processing instructions
            }
            child = node.pointee.next
        }
        return nodes
    }
}
