import Foundation
import Testing
@testable import ZhNorm

@Suite("JSON report")
struct JSONReportTests {
  @Test("Strings are escaped as JSON requires")
  func quoting() {
    #expect(JSONReport.quoted("a\"b\\c\nd\u{01}\u{2028}中") == "\"a\\\"b\\\\c\\nd\\u0001\\u2028中\"")
  }

  @Test("A report with records and statistics is valid JSON")
  func wholeReport() throws {
    var statistics = DocumentStatistics()
    statistics.bytesIn = 10
    statistics.add(3, .punctuationWidth, by: .unicode)
    let record = ChangeRecord(step: .unicode, kind: .blankLine, line: 3, text: "x\"y", detail: "because")
    let text = JSONReport.header(version: "1")
      + JSONReport.documentStart(file: "a.txt") + JSONReport.record(record, first: true)
      + JSONReport.documentEnd(statistics, seconds: 0.5)
      + JSONReport.documentSeparator
      + JSONReport.documentStart(file: "b.txt") + JSONReport.documentEnd(DocumentStatistics(), seconds: 0)
      + JSONReport.footer
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let inputs = object?["inputs"] as? [[String: Any]]
    #expect(inputs?.count == 2)
    #expect((inputs?[0]["records"] as? [[String: Any]])?.first?["text"] as? String == "x\"y")
    #expect(((inputs?[0]["steps"] as? [String: Any])?["unicode"] as? [String: Int])?["punctuation-width"] == 3)
  }
}
