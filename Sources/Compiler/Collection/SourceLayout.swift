import Foundation

/// Where a knowledge base lives: its source root, config file and public folder.
public struct SourceLayout: Sendable {
    /// The VuePress source folder: article paths are relative to it.
    public private(set) var root: URL
    /// `kbcompile.yml`, when there is one.
    public var configFile: URL?
    /// The folder that site paths such as `/images/x.png` point into.
    public private(set) var publicFolder: URL
    /// The folder of the locale being built (`root` itself for the root language).
    public var localeFolder: URL

    /// The file system path of `relative`, a path under the root as articles are named (no
    /// Foundation URL is made: the reader asks this for every file).
    public func filePath(_ relative: String) -> String { rootPath + "/" + relative }

    /// `root.path` and `publicFolder.path`, kept: links and images are resolved against them.
    let rootPath: String
    let publicFolderPath: String
    /// The real paths of the folders that links, images and includes lead into.
    let realFolders = RealFolderPaths()

    private init(root: URL, configFile: URL?, publicFolder: URL, localeFolder: URL) {
        self.root = root
        self.configFile = configFile
        self.publicFolder = publicFolder
        self.localeFolder = localeFolder
        rootPath = root.path
        publicFolderPath = publicFolder.path
    }

    /// A failure that stops the whole run (exit code 3).
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Finds the source root for SOURCE: the folder itself when it holds `.vuepress/` or
    /// `kbcompile.yml` (whose `source:` may point further), else `SOURCE/docs` (VuePress's
    /// convention) when that holds `.vuepress/` or SOURCE holds no Markdown of its own, else SOURCE.
    public static func locate(source: URL, configFile explicitConfig: URL?) throws -> (SourceLayout, Configuration, [Diagnostic]) {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: source.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(description: "\(source.path): no such folder")
        }
        var diagnostics: [Diagnostic] = []
        var config = Configuration()
        let candidate = explicitConfig ?? source.appendingPathComponent("kbcompile.yml")
        var configFile: URL?
        if manager.fileExists(atPath: candidate.path) {
            guard let data = manager.contents(atPath: candidate.path) else {
                throw Failure(description: "\(candidate.path): cannot be read")
            }
            let (read, problems) = Configuration.read(String(decoding: data, as: UTF8.self), file: candidate.lastPathComponent)
            config = read
            diagnostics += problems
            configFile = candidate
        } else if explicitConfig != nil {
            throw Failure(description: "\(candidate.path): no such config file")
        }

        var root = source
        if let sub = config.source {
            root = sub.hasPrefix("/") ? URL(fileURLWithPath: sub)
                : (configFile?.deletingLastPathComponent() ?? source).appendingPathComponent(sub)
        } else if configFile == nil, !manager.fileExists(atPath: source.appendingPathComponent(".vuepress").path),
            manager.fileExists(atPath: source.appendingPathComponent("docs").path, isDirectory: &isFolder), isFolder.boolValue
        {
            let docs = source.appendingPathComponent("docs")
            let topLevelMarkdown = (try? manager.contentsOfDirectory(atPath: source.path))?.contains { $0.hasSuffix(".md") && $0 != "README.md" } ?? false
            if manager.fileExists(atPath: docs.appendingPathComponent(".vuepress").path) || !topLevelMarkdown { root = docs }
        }
        root = root.standardizedFileURL.resolvingSymlinksInPath()
        guard manager.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(description: "\(root.path): the source folder does not exist")
        }
        var localeFolder = root
        if let locale = config.locale {
            localeFolder = root.appendingPathComponent(locale)
            guard manager.fileExists(atPath: localeFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw Failure(description: "\(localeFolder.path): the locale folder '\(locale)' does not exist")
            }
        }
        let layout = SourceLayout(root: root, configFile: configFile,
                                  publicFolder: root.appendingPathComponent(config.publicFolder).standardizedFileURL,
                                  localeFolder: localeFolder)
        return (layout, config, diagnostics)
    }
}
