/// The commands KaTeX's math knows, by what they produce. Tables are `name char` lines.
enum MathSymbols {
    private static func table(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for fields in TableLines.fields(of: text, maxSplits: 1) where fields.count == 2 { result[fields[0]] = fields[1] }
        return result
    }

    /// Ordinary symbols: written as `<mi>`.
    static let identifiers = table("""
        alpha α
        beta β
        gamma γ
        delta δ
        epsilon ϵ
        varepsilon ε
        zeta ζ
        eta η
        theta θ
        vartheta ϑ
        iota ι
        kappa κ
        varkappa ϰ
        lambda λ
        mu μ
        nu ν
        xi ξ
        omicron ο
        pi π
        varpi ϖ
        rho ρ
        varrho ϱ
        sigma σ
        varsigma ς
        tau τ
        upsilon υ
        phi ϕ
        varphi φ
        chi χ
        psi ψ
        omega ω
        digamma ϝ
        infty ∞
        partial ∂
        nabla ∇
        emptyset ∅
        varnothing ∅
        hbar ℏ
        hslash ℏ
        ell ℓ
        Re ℜ
        Im ℑ
        aleph ℵ
        beth ℶ
        gimel ℷ
        wp ℘
        forall ∀
        exists ∃
        nexists ∄
        complement ∁
        prime ′
        backprime ‵
        vdots ⋮
        top ⊤
        bot ⊥
        angle ∠
        measuredangle ∡
        triangle △
        Box □
        square □
        blacksquare ■
        Diamond ◊
        lozenge ◊
        clubsuit ♣
        diamondsuit ♢
        heartsuit ♡
        spadesuit ♠
        flat ♭
        natural ♮
        sharp ♯
        imath ı
        jmath ȷ
        eth ð
        mho ℧
        surd √
        checkmark ✓
        dagger †
        ddagger ‡
        degree °
        P ¶
        S §
        copyright ©
        pounds £
        yen ¥
        """)

    /// Upper-case Greek: `<mi mathvariant="normal">`.
    static let uprightIdentifiers = table("""
        Gamma Γ
        Delta Δ
        Theta Θ
        Lambda Λ
        Xi Ξ
        Pi Π
        Sigma Σ
        Upsilon Υ
        Phi Φ
        Psi Ψ
        Omega Ω
        varGamma Γ
        varDelta Δ
        varTheta Θ
        varLambda Λ
        varXi Ξ
        varPi Π
        varSigma Σ
        varUpsilon Υ
        varPhi Φ
        varPsi Ψ
        varOmega Ω
        """)

    /// Relations, binary operators, arrows, punctuation: `<mo>`.
    static let operators = table("""
        pm ±
        mp ∓
        times ×
        div ÷
        cdot ⋅
        cdotp ⋅
        centerdot ⋅
        ast ∗
        star ⋆
        circ ∘
        bullet ∙
        oplus ⊕
        ominus ⊖
        otimes ⊗
        oslash ⊘
        odot ⊙
        cap ∩
        cup ∪
        sqcap ⊓
        sqcup ⊔
        vee ∨
        lor ∨
        wedge ∧
        land ∧
        setminus ∖
        smallsetminus ∖
        wr ≀
        uplus ⊎
        amalg ⨿
        diamond ⋄
        bigtriangleup △
        bigtriangledown ▽
        triangleleft ◃
        triangleright ▹
        lhd ⊲
        rhd ⊳
        unlhd ⊴
        unrhd ⊵
        dotplus ∔
        ltimes ⋉
        rtimes ⋊
        leq ≤
        le ≤
        geq ≥
        ge ≥
        leqslant ⩽
        geqslant ⩾
        neq ≠
        ne ≠
        ll ≪
        gg ≫
        lll ⋘
        ggg ⋙
        approx ≈
        approxeq ≊
        equiv ≡
        sim ∼
        simeq ≃
        cong ≅
        propto ∝
        asymp ≍
        doteq ≐
        prec ≺
        succ ≻
        preceq ⪯
        succeq ⪰
        subset ⊂
        supset ⊃
        subseteq ⊆
        supseteq ⊇
        subsetneq ⊊
        supsetneq ⊋
        sqsubseteq ⊑
        sqsupseteq ⊒
        in ∈
        isin ∈
        notin ∉
        ni ∋
        owns ∋
        mid ∣
        nmid ∤
        parallel ∥
        nparallel ∦
        perp ⊥
        vdash ⊢
        dashv ⊣
        models ⊨
        smile ⌣
        frown ⌢
        bowtie ⋈
        Join ⋈
        lt <
        gt >
        neg ¬
        lnot ¬
        therefore ∴
        because ∵
        colon :
        to →
        rightarrow →
        leftarrow ←
        gets ←
        leftrightarrow ↔
        Rightarrow ⇒
        Leftarrow ⇐
        Leftrightarrow ⇔
        implies ⟹
        impliedby ⟸
        iff ⟺
        longrightarrow ⟶
        longleftarrow ⟵
        longleftrightarrow ⟷
        Longrightarrow ⟹
        Longleftarrow ⟸
        Longleftrightarrow ⟺
        mapsto ↦
        longmapsto ⟼
        uparrow ↑
        downarrow ↓
        updownarrow ↕
        Uparrow ⇑
        Downarrow ⇓
        Updownarrow ⇕
        nearrow ↗
        searrow ↘
        swarrow ↙
        nwarrow ↖
        hookrightarrow ↪
        hookleftarrow ↩
        rightharpoonup ⇀
        rightharpoondown ⇁
        leftharpoonup ↼
        leftharpoondown ↽
        rightleftharpoons ⇌
        leftrightarrows ⇆
        rightleftarrows ⇄
        twoheadrightarrow ↠
        leadsto ⇝
        cdots ⋯
        dotsb ⋯
        dotsm ⋯
        dotsi ⋯
        ldots …
        dots …
        dotsc …
        dotso …
        ddots ⋱
        vert ∣
        Vert ∥
        |  ∥
        lvert ∣
        rvert ∣
        lVert ∥
        rVert ∥
        langle ⟨
        rangle ⟩
        lceil ⌈
        rceil ⌉
        lfloor ⌊
        rfloor ⌋
        lbrace {
        rbrace }
        lbrack [
        rbrack ]
        { {
        } }
        backslash \\
        ngtr ≯
        nless ≮
        nleq ≰
        ngeq ≱
        nsim ≁
        ncong ≇
        nsubseteq ⊈
        nsupseteq ⊉
        triangleq ≜
        circeq ≗
        """)

    /// Large operators with limits under and over in display style (`\sum`).
    static let bigOperatorsWithLimits = table("""
        sum ∑
        prod ∏
        coprod ∐
        bigcup ⋃
        bigcap ⋂
        bigvee ⋁
        bigwedge ⋀
        bigoplus ⨁
        bigotimes ⨂
        bigodot ⨀
        biguplus ⨄
        bigsqcup ⨆
        """)

    /// Integrals: scripts stay beside them (`\int_0^1`).
    static let integrals = table("""
        int ∫
        iint ∬
        iiint ∭
        oint ∮
        oiint ∯
        oiiint ∰
        intop ∫
        smallint ∫
        """)

    /// Function names written upright, followed by U+2061 (`\sin x`).
    static let functions: Set<String> = [
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "arccot", "sinh", "cosh", "tanh", "coth",
        "log", "ln", "lg", "exp", "ker", "dim", "hom", "arg", "deg", "sgn", "sech", "csch", "arcsec", "arccsc", "arcctg",
        "arctg", "ch", "cosec", "cotg", "ctg", "cth", "sh", "tg", "th",
    ]

    /// Function names whose scripts become limits in display style (`\lim_{x\to0}`).
    static let limitFunctions: Set<String> = ["lim", "max", "min", "sup", "inf", "det", "gcd", "Pr", "liminf", "limsup", "argmax", "argmin",
                                              "injlim", "projlim", "plim"]

    /// Accents over the base: the character, and whether it stretches (`\widehat`).
    static let accents: [String: (String, Bool)] = [
        "hat": ("^", false), "widehat": ("^", true), "check": ("ˇ", false), "widecheck": ("ˇ", true), "tilde": ("~", false),
        "widetilde": ("~", true), "acute": ("ˊ", false), "grave": ("ˋ", false), "dot": ("˙", false), "ddot": ("¨", false),
        "dddot": ("⃛", false), "breve": ("˘", false), "bar": ("ˉ", false), "vec": ("⃗", false), "mathring": ("˚", false),
        "overline": ("‾", true), "overrightarrow": ("→", true), "overleftarrow": ("←", true), "overleftrightarrow": ("↔", true),
        "Overrightarrow": ("⇒", true), "overbrace": ("⏞", true), "overgroup": ("⏠", true), "overleftharpoon": ("↼", true),
        "overrightharpoon": ("⇀", true),
    ]

    /// Accents under the base.
    static let underAccents: [String: (String, Bool)] = [
        "underline": ("‾", true), "underbrace": ("⏟", true), "underrightarrow": ("→", true), "underleftarrow": ("←", true),
        "underleftrightarrow": ("↔", true), "undergroup": ("⏡", true), "utilde": ("~", true),
    ]

    /// Font commands that take an argument.
    static let fonts: [String: MathVariant] = [
        "mathbb": .doubleStruck, "Bbb": .doubleStruck, "mathcal": .script, "mathscr": .script, "mathfrak": .fraktur, "frak": .fraktur,
        "mathbf": .bold, "bold": .bold, "Bbold": .bold, "boldsymbol": .boldItalic, "bm": .boldItalic, "mathrm": .normal, "mathit": .italic,
        "mathsf": .sansSerif, "mathtt": .monospace, "mathnormal": .italic, "mathbfit": .boldItalic,
    ]

    /// Old-style font switches (`{\bf x}`).
    static let fontSwitches: [String: MathVariant] = [
        "bf": .bold, "rm": .normal, "it": .italic, "sf": .sansSerif, "tt": .monospace, "cal": .script, "frak": .fraktur,
    ]

    /// Text commands and the variant of their text.
    static let textCommands: [String: MathVariant?] = [
        "text": nil, "textrm": nil, "textnormal": nil, "mbox": nil, "hbox": nil, "textbf": .bold, "textit": .italic,
        "textsf": .sansSerif, "texttt": .monospace, "textup": nil, "emph": .italic, "textmd": nil,
    ]

    /// Spacing commands in em (negative for `\!`).
    static let spaces: [String: Double] = [
        ",": 0.1667, "thinspace": 0.1667, ":": 0.2222, ">": 0.2222, "medspace": 0.2222, ";": 0.2778, "thickspace": 0.2778,
        "!": -0.1667, "negthinspace": -0.1667, "negmedspace": -0.2222, "negthickspace": -0.2778, "quad": 1, "qquad": 2,
        " ": 0.3333, "enspace": 0.5, "space": 0.3333, "nobreakspace": 0.3333,
    ]

    /// `\big(` and friends: the size in em.
    static let sizes: [String: Double] = [
        "big": 1.2, "bigl": 1.2, "bigr": 1.2, "bigm": 1.2, "Big": 1.623, "Bigl": 1.623, "Bigr": 1.623, "Bigm": 1.623,
        "bigg": 2.047, "biggl": 2.047, "biggr": 2.047, "biggm": 2.047, "Bigg": 2.470, "Biggl": 2.470, "Biggr": 2.470, "Biggm": 2.470,
    ]

    /// Single-token commands as KaTeX writes them (generated from KaTeX; see `KaTeXSymbols.swift`).
    static let katex: [String: (element: String, variant: MathVariant?, text: String)] = {
        let lines = TableLines.fields(of: katexSymbolData, maxSplits: 3)
        // Sized once: grown from empty, the table hashed its names again at every doubling.
        // Built with the labels of the result: without them the whole table was copied to add them.
        var table: [String: (element: String, variant: MathVariant?, text: String)] = Dictionary(minimumCapacity: lines.count)
        for fields in lines where fields.count == 4 {
            // `\not`'s text is a lone combining mark: the parser puts it on what follows.
            if fields[3].unicodeScalars.first?.properties.generalCategory == .nonspacingMark { continue }
            // Most lines have no variant (`-`), which `MathVariant(rawValue:)` compares with each case.
            let variant = fields[2] == "-" ? nil : MathVariant(rawValue: fields[2])
            table[fields[0]] = (fields[1], variant, fields[3])
        }
        return table
    }()

    /// Commands KaTeX writes as a run of tokens (`\coloneqq` → `:` `=`).
    static let katexSequences: [String: [(element: String, text: String)]] = {
        var table: [String: [(element: String, text: String)]] = [:]
        for parts in TableLines.fields(of: katexSequenceData) where parts.count > 1 {
            table[parts[0]] = parts.dropFirst().compactMap { item in
                guard let colon = item.firstIndex(of: ":") else { return nil }
                return (String(item[..<colon]), String(item[item.index(after: colon)...]))
            }
        }
        return table
    }()

    /// The colon relations KaTeX assembles from pieces (`\\coloneq` → `:` `−`).
    static let colonRelations: [String: [(element: String, text: String)]] = [
        "colonapprox": [("mi", ":"), ("mi", "≈")], "Colonapprox": [("mi", "∷"), ("mi", "≈")], "coloncolonapprox": [("mi", "∷"), ("mi", "≈")],
        "coloncolonequals": [("mi", "∷"), ("mi", "=")], "coloncolonminus": [("mi", "∷"), ("mi", "−")], "coloncolonsim": [("mi", "∷"), ("mi", "∼")],
        "Coloneq": [("mi", "∷"), ("mi", "−")], "coloneq": [("mi", ":"), ("mi", "−")], "Coloneqq": [("mi", "∷"), ("mi", "=")],
        "colonminus": [("mi", ":"), ("mi", "−")], "Colonsim": [("mi", "∷"), ("mi", "∼")], "colonsim": [("mi", ":"), ("mi", "∼")],
        "Eqcolon": [("mi", "−"), ("mi", "∷")], "Eqqcolon": [("mi", "="), ("mi", "∷")], "equalscoloncolon": [("mi", "="), ("mi", "∷")],
        "minuscoloncolon": [("mi", "−"), ("mi", "∷")], "approxcolon": [("mo", "≈"), ("mo", ":")], "approxcoloncolon": [("mo", "≈"), ("mi", "∷")],
        "simcolon": [("mo", "∼"), ("mo", ":")], "simcoloncolon": [("mo", "∼"), ("mi", "∷")],
    ]

    /// Symbol characters typed directly that are ordinary identifiers, not operators.
    static let identifierCharacters: Set<Character> = Set(identifiers.values.compactMap(\.first))

    /// Characters that KaTeX writes as something else in MathML.
    static func mathMLText(of character: Character) -> String {
        switch character {
        case "-": "\u{2212}"
        case "*": "\u{2217}"
        case "'": "\u{2032}"
        default: String(character)
        }
    }
}
