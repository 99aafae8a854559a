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

    /// The last whole line, without its newline; nil for a file without one. With
    /// `droppingUnfinished`, bytes after the last newline (a write a crash cut off, which nothing
    /// acknowledged) are cut away first, so that the next line does not run on from them.
    func lastLine(droppingUnfinished: Bool) throws(StoreError) -> [UInt8]? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("read the file") }
        let size = Int(status.st_size)
        let lastNewline = try newline(before: size)
        let end = lastNewline.map { $0 + 1 } ?? 0
        if droppingUnfinished && end < size {
            guard ftruncate(descriptor, off_t(end)) == 0 else { throw failure("drop an unfinished last line") }
        }
        guard let lastNewline else { return nil }
        let start = try newline(before: lastNewline).map { $0 + 1 } ?? 0
        var line = [UInt8](repeating: 0, count: lastNewline - start)
        guard line.isEmpty || line.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, $0.count, off_t(start)) }) == line.count else {
            throw failure("read the file")
        }
        return line
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
