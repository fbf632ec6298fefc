/// A file or folder name as the sidebar reads it: an optional numeric order prefix (`1.`,
/// `01.`, `1. `) and the displayed title. Only a `.` ends a prefix, so `2023-08-30-x` has none.
struct SidebarName: Hashable {
    let order: Int?
    let title: String

    init(_ name: String) {
        let bytes = Array(name.utf8)
        var index = 0
        while index < bytes.count, index < 9, (0x30...0x39).contains(bytes[index]) { index += 1 }
        if index > 0, index < bytes.count, bytes[index] == UInt8(ascii: "."), let number = Int(String(decoding: bytes[..<index], as: UTF8.self)) {
            var start = index + 1
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            if start < bytes.count {
                order = number
                title = String(decoding: bytes[start...], as: UTF8.self)
                return
            }
        }
        order = nil
        title = name
    }
}
