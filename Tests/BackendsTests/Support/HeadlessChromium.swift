import Foundation
import TestSupport

/// Loads a page in headless Chromium with name resolution cut off and a net log, and returns the
/// DOM after the page's scripts ran and the URLs the page itself asked for (the browser's own
/// background traffic, whose initiator is "not an origin", is left out). A missing Chromium is an
/// error, never a pass.
enum HeadlessChromium {
    struct Load {
        var dom: String
        var pageRequests: [String]
    }

    enum Failure: Error { case notInstalled, unreadableNetLog }

    static func load(_ url: String, windowSize: String = "1280,900") throws -> Load {
        guard let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure.notInstalled
        }
        let folder = try TemporaryFolder()
        let netLog = folder.url.appendingPathComponent("netlog.json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--host-resolver-rules=MAP * ~NOTFOUND", "--log-net-log=\(netLog.path)",
            "--user-data-dir=\(folder.url.appendingPathComponent("profile").path)", "--window-size=\(windowSize)",
            "--virtual-time-budget=2000", "--dump-dom", url,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Load(dom: dom, pageRequests: try pageRequests(in: netLog))
    }

    /// The URLs of `URL_REQUEST_START_JOB` events that a page started.
    static func pageRequests(in netLog: URL) throws -> [String] {
        guard let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: netLog)) as? [String: Any],
              let constants = object["constants"] as? [String: Any],
              let types = constants["logEventTypes"] as? [String: Int],
              let startJob = types["URL_REQUEST_START_JOB"],
              let events = object["events"] as? [[String: Any]]
        else { throw Failure.unreadableNetLog }
        return events.compactMap { event in
            // The job's begin event carries the URL and the initiator; its end event only the result.
            guard event["type"] as? Int == startJob, let parameters = event["params"] as? [String: Any],
                  let url = parameters["url"] as? String, parameters["initiator"] as? String != "not an origin" else { return nil }
            return url
        }
    }
}
