/// Where a generated piece of an artifact (``Artifact/Piece/generated(_:)``) puts its bytes: at
/// offsets from the piece's start, forwards mostly and back over what it wrote at times (a zip
/// archive finishes each entry's local header after the entry's data).
public protocol ArtifactOutput: AnyObject {
    /// Writes `bytes` at `offset`; a gap before `offset` is never left (writers write forwards).
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws
}
