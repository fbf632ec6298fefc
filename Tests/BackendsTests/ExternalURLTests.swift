@testable import Backends
import Testing

/// Which external destinations a book keeps as links: the ASCII fast path against the reading by
/// `Character` it stands in for.
@Suite("External URLs")
struct ExternalURLTests {
    @Test("web and mail addresses are kept, other schemes and malformed hosts are not")
    func examples() {
        for kept in ["https://example.com", "http://a.b-c_d.org:8080/x?y#z", "HTTPS://EXAMPLE.COM", "mailto:a@b.cn", "ftp://u:p@host/", "https://[::1]/"] {
            #expect(ExternalURL.isAllowed(kept), "\(kept)")
        }
        for refused in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/guide/x", "https://", "https://ex ample.com",
                        "https://a\"b", "mailto:", "https://host:8x/", "http:/x", "https://ex%61mple.com", "https://例子.cn"] {
            #expect(!ExternalURL.isAllowed(refused), "\(refused)")
        }
    }

    @Test("bytes and characters agree on ASCII destinations")
    func asciiAgrees() {
        let pieces = ["http", "HTTPS", "mailto", "ftp", "javascript", ":", "//", "/", "@", "[", "]", ".", "-", "_", "?", "#", "a", "Z", "0", "9",
                      " ", "\t", "\"", "<", ">", "\\", "%", "x.com", ":80", "u:p@"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let viaBytes = Array(text.utf8).withUnsafeBufferPointer(ExternalURL.isAllowedASCII)
            #expect(viaBytes == ExternalURL.isAllowedText(text), "\(text)")
        }
    }
}
