/// The leaves the parser makes most often, made once and shared by every formula: a plain ASCII
/// letter, digit or operator. A node is an immutable box, so sharing one is invisible, and a
/// book's formulas then cost no allocation per such character (a large book has hundreds of
/// thousands of them).
enum SharedMathLeaves {
    /// `.identifier(letter, variant: nil)` for each ASCII letter, by its code (`nil` for the others).
    static let letters: [MathNode?] = (0..<128).map { code in
        let character = Character(Unicode.Scalar(UInt8(code)))
        return character.isASCIILetter ? .identifier(String(character), variant: nil) : nil
    }

    /// `.number(digit)` for the digits `0`–`9`.
    static let digits: [MathNode] = (0...9).map { .number(String($0)) }

    /// ``TeXParser/operatorNode(_:)`` for each ASCII operator character, by its code.
    static let operators: [MathNode?] = (0..<128).map { code in
        let character = Character(Unicode.Scalar(UInt8(code)))
        return character.isOperatorSymbol ? TeXParser.operatorNode(character) : nil
    }
}
