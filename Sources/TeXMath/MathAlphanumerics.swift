/// Letters and digits in a math font as the Unicode Mathematical Alphanumeric Symbols that KaTeX
/// writes (`\mathbb{R}` → ℝ, `\mathbf{x}` → 𝐱): MathML Core renders these, not `mathvariant`.
enum MathAlphanumerics {
    /// Offsets into U+1D400… for A, a and 0 by variant (nil where the variant has no such letters).
    private static let bases: [MathVariant: (upper: UInt32?, lower: UInt32?, digit: UInt32?)] = [
        .bold: (0x1D400, 0x1D41A, 0x1D7CE), .italic: (0x1D434, 0x1D44E, nil), .boldItalic: (0x1D468, 0x1D482, nil),
        .script: (0x1D49C, 0x1D4B6, nil), .boldScript: (0x1D4D0, 0x1D4EA, nil), .fraktur: (0x1D504, 0x1D51E, nil),
        .doubleStruck: (0x1D538, 0x1D552, 0x1D7D8), .boldFraktur: (0x1D56C, 0x1D586, nil), .sansSerif: (0x1D5A0, 0x1D5BA, 0x1D7E2),
        .boldSansSerif: (0x1D5D4, 0x1D5EE, 0x1D7EC), .sansSerifItalic: (0x1D608, 0x1D622, nil), .monospace: (0x1D670, 0x1D68A, 0x1D7F6),
    ]

    /// Letters that live in the Letterlike Symbols block instead.
    private static let exceptions: [UInt32: UInt32] = [
        0x1D455: 0x210E, 0x1D49D: 0x212C, 0x1D4A0: 0x2130, 0x1D4A1: 0x2131, 0x1D4A3: 0x210B, 0x1D4A4: 0x2110, 0x1D4A7: 0x2112,
        0x1D4A8: 0x2133, 0x1D4AD: 0x211B, 0x1D4BA: 0x212F, 0x1D4BC: 0x210A, 0x1D4C4: 0x2134, 0x1D506: 0x212D, 0x1D50B: 0x210C,
        0x1D50C: 0x2111, 0x1D515: 0x211C, 0x1D51D: 0x2128, 0x1D53A: 0x2102, 0x1D53F: 0x210D, 0x1D545: 0x2115, 0x1D547: 0x2119,
        0x1D548: 0x211A, 0x1D549: 0x211D, 0x1D551: 0x2124,
    ]

    /// The styled form of an ASCII letter or digit, or nil when the variant has none.
    static func styled(_ character: Character, _ variant: MathVariant) -> Character? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.isASCII,
            let base = bases[variant]
        else { return nil }
        let value = scalar.value
        var code: UInt32?
        switch value {
        case 0x41...0x5A: code = base.upper.map { $0 + value - 0x41 }
        case 0x61...0x7A: code = base.lower.map { $0 + value - 0x61 }
        case 0x30...0x39: code = base.digit.map { $0 + value - 0x30 }
        default: return nil
        }
        guard let resolved = code.map({ exceptions[$0] ?? $0 }), let styled = Unicode.Scalar(resolved) else { return nil }
        return Character(styled)
    }

    /// The ASCII letter or digit behind a styled character, and its variant.
    static func unstyled(_ character: Character) -> (Character, MathVariant)? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, scalar.value >= 0x2100 else { return nil }
        let value = exceptions.first { $0.value == scalar.value }?.key ?? scalar.value
        guard value >= 0x1D400 else { return nil }
        for (variant, base) in bases {
            for (start, ascii, count) in [(base.upper, 0x41, 26), (base.lower, 0x61, 26), (base.digit, 0x30, 10)] as [(UInt32?, UInt32, UInt32)] {
                if let start, value >= start, value < start + count, let plain = Unicode.Scalar(ascii + value - start) {
                    return (Character(plain), variant)
                }
            }
        }
        return nil
    }
}
