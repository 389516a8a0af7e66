import Foundation
import Testing

@Suite("--report")
struct ReportTests {
  @Test("--report FILE writes one JSON object per input with per-step counts")
  func reportFile() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let report = directory.appendingPathComponent("report.json")
    let result = try ZhNormBinary.run(["--report", report.path, "seeds/000_9a485736f1d30434.txt", "seeds/004_836b92e4923d98e4.txt"])
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
    let inputs = json["inputs"] as! [[String: Any]]
    #expect(inputs.map { $0["file"] as? String } == ["seeds/000_9a485736f1d30434.txt", "seeds/004_836b92e4923d98e4.txt"])
    let steps = inputs[0]["steps"] as! [String: [String: Int]]
    #expect(steps["unicode"]?["punctuation-width"] == 288)
    #expect(steps["unicode"]?["blank-line"] == 4)
    #expect(inputs[0]["bytesIn"] as? Int == 18989)
    #expect((inputs[0]["peakResidentKiB"] as? Int ?? 0) > 0)
  }

  @Test("--report - writes to standard error, never into the text")
  func reportToStandardError() throws {
    let result = try ZhNormBinary.run(["--report", "-"], input: Data("甲,乙\n".utf8))
    #expect(result.text == "甲，乙\n")
    let json = try JSONSerialization.jsonObject(with: Data(result.errors.utf8)) as? [String: Any]
    #expect((json?["inputs"] as? [Any])?.count == 1)
  }
}
