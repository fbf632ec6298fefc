import CLibXML2
import Foundation

/// Makes an SVG file safe to put in a book: parsed with libxml2 (no network, no external
/// entities, no DTD loading), then `<script>`, `<foreignObject>`, event-handler attributes and
/// links to anything but the file itself or an embedded image are removed. An SVG that does not
/// parse is refused (nil): the book shows the image's alt text instead.
enum SVGSanitizer {
    static func sanitize(_ bytes: [UInt8]) -> [UInt8]? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard !bytes.isEmpty, let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "image.svg", nil, options)
            }
        }) else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), name(of: root) == "svg" else { return nil }
        clean(root)
        // Drop the DOCTYPE (it may declare entities) and write the tree back.
        if let dtd = xmlGetIntSubset(document) {
            xmlUnlinkNode(UnsafeMutablePointer(OpaquePointer(dtd)))
            xmlFreeDtd(dtd)
        }
        var output: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(document, &output, &size, "UTF-8")
        guard let output else { return nil }
        defer { free(output) }  // xmlFree is free() unless an application replaces it; we do not
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }

    static let removedElements: Set<String> = ["script", "foreignObject", "iframe", "object", "embed", "handler", "listener"]

    private static func clean(_ element: xmlNodePtr) {
        var child = element.pointee.children
        while let node = child {
            child = node.pointee.next
            if node.pointee.type == XML_ELEMENT_NODE {
                if removedElements.contains(name(of: node)) {
                    xmlUnlinkNode(node)
                    xmlFreeNode(node)
                } else {
                    clean(node)
                }
            } else if node.pointee.type == XML_PI_NODE || node.pointee.type == XML_ENTITY_REF_NODE {
                xmlUnlinkNode(node)
                xmlFreeNode(node)
            }
        }
        var attribute = element.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let attributeName = String(cString: current.pointee.name).lowercased()
            let value = current.pointee.children.flatMap { xmlNodeGetContent(UnsafeMutablePointer(OpaquePointer($0))) }
            let text = value.map { String(cString: $0) } ?? ""
            if let value { free(value) }  // xmlFree is free() here, as above
            let isLink = attributeName == "href" || attributeName == "src"
            let unsafeLink = isLink && !(text.hasPrefix("#") || text.lowercased().hasPrefix("data:image/png") || text.lowercased().hasPrefix("data:image/jpeg"))
            if attributeName.hasPrefix("on") || unsafeLink || text.lowercased().contains("javascript:") {
                xmlRemoveProp(current)
            }
        }
    }

    private static func name(of node: xmlNodePtr) -> String {
        String(cString: node.pointee.name)
    }
}
