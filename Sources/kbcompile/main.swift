import ArgumentParser
import Foundation

// Parses the command line and runs the command, mapping every outcome onto kbcompile's exit
// codes (see ``ExitStatus``): ArgumentParser's usage errors become 2 instead of 64.
do {
    var command = try KBCompile.parseAsRoot()
    try command.run()
} catch {
    let code = KBCompile.exitCode(for: error)
    let message = KBCompile.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
    exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
}
