import Foundation
import Testing

/// Memory stays flat whatever the input size: the binary's peak resident
/// size (which it reports in `--report`) on 200 MB of input through a pipe is
/// compared with its peak on 4 MB.
@Suite("Bounded memory")
struct MemoryTests {
  func peakKiB(inputMegabytes: Int) throws -> Int {
    // Real text, with the messy parts of the seeds, repeated.
    var unit = Data()
    for name in ["000_9a485736f1d30434.txt", "002_1e4af29fab1a8898.txt", "004_836b92e4923d98e4.txt"] {
      unit += try Data(contentsOf: ZhNormBinary.repositoryRoot.appendingPathComponent("seeds/\(name)"))
      unit += Data("\n".utf8)
    }
    var input = Data(capacity: inputMegabytes << 20)
    while input.count < inputMegabytes << 20 { input += unit }
    let result = try ZhNormBinary.run(["--report", "-", "--skip", "dedup"], input: input)  // repeated text: dedup would remove most of it
    #expect(result.status == 0)
    #expect(result.output.count > input.count / 2)
    let json = try JSONSerialization.jsonObject(with: Data(result.errors.utf8)) as! [String: Any]
    let document = (json["inputs"] as! [[String: Any]])[0]
    #expect(document["bytesIn"] as? Int == input.count)
    return document["peakResidentKiB"] as! Int
  }

  @Test("Peak memory on 200 MB is within 16 MiB of the peak on 4 MB")
  func flatMemory() throws {
    let small = try peakKiB(inputMegabytes: 4)
    let large = try peakKiB(inputMegabytes: 200)
    print("zhnorm peak RSS: 4 MB input \(small) KiB, 200 MB input \(large) KiB")
    #expect(large < small + 16 * 1024)
  }
}
