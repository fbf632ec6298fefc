/// What a command of one of ``MathSymbols``' tables is, found with one dictionary lookup: the
/// parser asked up to sixteen tables in turn for every command (hashing its name each time).
/// Where two tables hold a name, the entry is the one the parser asked first.
enum SymbolCommand {
    case bigOperatorWithLimits(String)
    case integral(String)
    case function
    case limitFunction
    case katex(element: String, variant: MathVariant?, text: String)
    case identifier(String)
    case uprightIdentifier(String)
    case `operator`(String)
    /// A run of tokens (`\coloneqq` → `:` `=`).
    case sequence([(element: String, text: String)])
    case space(Double)
    case accent(String, stretchy: Bool)
    case underAccent(String, stretchy: Bool)
    case font(MathVariant)
    case text(MathVariant?)
    case size(Double)

    /// Every table's names, in the order the parser asks them.
    static let table: [String: SymbolCommand] = {
        // Sized once for every table's names (about 1,300): grown from empty, it hashed them
        // again at every doubling.
        var table: [String: SymbolCommand] = Dictionary(minimumCapacity: 2_048)
        func add<Value>(_ entries: [String: Value], _ command: (Value) -> SymbolCommand) {
            for (name, value) in entries where table[name] == nil { table[name] = command(value) }
        }
        add(MathSymbols.bigOperatorsWithLimits, SymbolCommand.bigOperatorWithLimits)
        add(MathSymbols.integrals, SymbolCommand.integral)
        add(Dictionary(uniqueKeysWithValues: MathSymbols.functions.map { ($0, ()) })) { _ in .function }
        add(Dictionary(uniqueKeysWithValues: MathSymbols.limitFunctions.map { ($0, ()) })) { _ in .limitFunction }
        add(MathSymbols.katex) { .katex(element: $0.element, variant: $0.variant, text: $0.text) }
        add(MathSymbols.identifiers, SymbolCommand.identifier)
        add(MathSymbols.uprightIdentifiers, SymbolCommand.uprightIdentifier)
        add(MathSymbols.operators, SymbolCommand.operator)
        add(MathSymbols.katexSequences, SymbolCommand.sequence)
        add(MathSymbols.colonRelations, SymbolCommand.sequence)
        add(MathSymbols.spaces, SymbolCommand.space)
        add(MathSymbols.accents) { .accent($0.0, stretchy: $0.1) }
        add(MathSymbols.underAccents) { .underAccent($0.0, stretchy: $0.1) }
        add(MathSymbols.fonts, SymbolCommand.font)
        add(MathSymbols.textCommands, SymbolCommand.text)
        add(MathSymbols.sizes, SymbolCommand.size)
        return table
    }()
}
