#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The end of an open file of lines, read backwards: what appending needs to know costs the length
/// of the last line, not of the file.
struct LineFile {
    let descriptor: Int32
    let path: String

    /// The bytes after the last newline (a line a crash cut off, or one written without its
    /// newline); nil when the file ends in a newline or is empty.
    func unfinishedLine() throws(StoreError) -> [UInt8]? {
        let size = try self.size()
        let start = try newline(before: size).map { $0 + 1 } ?? 0
        return start < size ? try read(start..<size) : nil
    }

    /// Cuts the file back to its last newline.
    func dropUnfinishedLine() throws(StoreError) {
        let end = try newline(before: size()).map { $0 + 1 } ?? 0
        guard ftruncate(descriptor, off_t(end)) == 0 else { throw failure("drop an unfinished last line") }
    }

    /// The last line that ends in a newline, without it; nil for a file without one.
    func lastLine() throws(StoreError) -> [UInt8]? {
        guard let end = try newline(before: size()) else { return nil }
        let start = try newline(before: end).map { $0 + 1 } ?? 0
        return try read(start..<end)
    }

    private func size() throws(StoreError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("read the file") }
        return Int(status.st_size)
    }

    private func read(_ range: Range<Int>) throws(StoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        guard bytes.isEmpty || bytes.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, $0.count, off_t(range.lowerBound)) }) == range.count else {
            throw failure("read the file")
        }
        return bytes
    }

    /// The offset of the last newline before `offset`, read backwards in blocks.
    private func newline(before offset: Int) throws(StoreError) -> Int? {
        var block = [UInt8](repeating: 0, count: 4096)
        var end = offset
        while end > 0 {
            let start = max(0, end - block.count)
            let count = end - start
            guard block.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, count, off_t(start)) }) == count else {
                throw failure("read the file")
            }
            if let index = block[..<count].lastIndex(of: 0x0A) { return start + index }
            end = start
        }
        return nil
    }

    private func failure(_ operation: String) -> StoreError {
        .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}
