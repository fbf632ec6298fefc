import Foundation

// Runs the command line and exits with kbcompile's exit code (see ``ExitStatus``).
exit(KBCompile.run(CommandLine.arguments.dropFirst()))
