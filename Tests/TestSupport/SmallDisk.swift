// A tiny tmpfs that tests can fill up, for disk-full faults. Needs the right to mount (root on Linux).

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small tmpfs mounted on a fresh folder; unmounted (lazily) when released.
public final class SmallDisk {
    /// Where it is mounted.
    public let path: String
    private var fillerNumber = 0

    /// True when this process can mount a tmpfs (checked once, by mounting and unmounting one).
    public static let canMount: Bool = {
        guard let disk = try? SmallDisk(kilobytes: 16) else { return false }
        return FileManager.default.createFile(atPath: disk.path + "/probe", contents: Data("x".utf8))
    }()

    /// Mounts a tmpfs of `kilobytes` on a new folder under the temporary folder.
    public init(kilobytes: Int) throws {
        path = NSTemporaryDirectory() + "rehearse-small-disk-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = runProcess(
            executable: "/bin/mount", arguments: ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", path],
            environment: ProcessInfo.processInfo.environment, stdin: "")
        guard result.status == 0 else {
            rmdir(path)
            throw ProcessStartError.systemCall("mount: \(result.stderr)", EPERM)
        }
    }

    deinit {
        _ = runProcess(
            executable: "/bin/umount", arguments: ["-l", path], environment: ProcessInfo.processInfo.environment,
            stdin: "")
        rmdir(path)
    }

    /// Fills the disk until a write fails, leaving about `leavingBytes` free (rounded to pages).
    public func fill(leavingBytes: Int = 0) {
        fillerNumber += 1
        let filler = path + "/filler-\(fillerNumber)"
        let descriptor = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0x2E, count: 4096)
        while chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        // Give back whole pages until at least `leavingBytes` are free.
        var size = lseek(descriptor, 0, SEEK_END)
        while freeBytes < leavingBytes && size > 0 {
            size = max(0, size - 4096)
            ftruncate(descriptor, size)
        }
    }

    /// Removes every filler file.
    public func free() {
        for number in 0...fillerNumber { unlink(path + "/filler-\(number)") }
    }

    /// Bytes still free on the disk.
    public var freeBytes: Int {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return 0 }
        return Int(info.f_bavail) * Int(info.f_frsize)
    }
}
