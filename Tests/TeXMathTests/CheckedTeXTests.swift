import Foundation
import Testing
@testable import TeXMath

/// What reaches xelatex: only TeX written from the parsed tree.
@Suite("Checked TeX")
struct CheckedTeXTests {
    @Test("dangerous commands never pass", arguments: [
        #"\input{/etc/passwd}"#, #"\include{x}"#, #"\write18{rm -rf /}"#, #"\immediate\write18{ls}"#, #"\openout1=x"#,
        #"\catcode`\@=11"#, #"\csname input\endcsname{x}"#, #"\def\input{x}\input"#, #"\newcommand{\frac}{\input{x}}"#,
        #"\def\x{\input{y}}\x"#, #"\url{a%b}"#, #"\href{javascript:alert(1)}{x}"#, #"\makeatletter"#, #"\expandafter\input"#,
    ])
    func dangerous(_ source: String) {
        switch TeXMath.checkedTeX(source, display: false) {
        case .failure: break
        case .success(let tex):
            for word in ["\\input", "\\include", "\\write", "\\openout", "\\immediate", "\\catcode", "\\csname", "\\def", "\\url", "\\href", "\\makeatletter", "\\expandafter"] {
                #expect(!tex.contains(word), "\(source) → \(tex)")
            }
        }
    }

    @Test("Unicode input becomes commands; macros are expanded", arguments: [
        ("a−b", "a-b"), ("α≤β", "\\alpha\\le\\beta"), ("x×y", "x\\times y"), (#"\def\R{\mathbb{R}}x\in\R"#, "x\\in\\mathbb{R}"),
        (#"\frac{a}{b}"#, "\\frac{a}{b}"), (#"\left(x\right)"#, "\\left( x\\right) "), (#"\text{中文 \& 50\%}"#, "\\text{中文 \\& 50\\%}"),
        (#"\frac12+\sqrt2x^23"#, "\\frac{1}{2}+\\sqrt{2}x^{2}3"),
    ])
    func mapping(_ pair: (String, String)) throws {
        let tex = try TeXMath.checkedTeX(pair.0, display: false).get()
        #expect(tex == pair.1)
    }
}
