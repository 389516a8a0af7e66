import Foundation
import Testing

/// The `repair` step through the built binary, on the seeds and small inputs.
@Suite("zhnorm repair")
struct RepairEndToEndTests {
  func seed(_ prefix: String) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: ZhNormBinary.repositoryRoot.appendingPathComponent("seeds").path)
    return "seeds/" + names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }.sorted()[0]
  }

  @Test("Seed 000: paragraphs broken at page breaks are joined, furniture removed, tables kept")
  func seed000() throws {
    let result = try ZhNormBinary.run([try seed("000")])
    #expect(result.status == 0)
    for text in ["其中新能源汽车产量38.8万辆", "开始向中国学习", "深度对接", "一条条机械臂正精准高效地", "营销中心方云鹏", "\n等51个绿色驿站"] {
      #expect(result.text.contains(text), "\(text)")
    }
    #expect(!result.text.contains("上接第一版"))
    let unicodeOnly = try ZhNormBinary.run(["--only", "unicode", try seed("000")]).text
    let tableRows = unicodeOnly.split(separator: "\n").filter { $0.contains("\t") }
    #expect(!tableRows.isEmpty)
    for row in tableRows { #expect(result.text.contains(row + "\n")) }
  }

  @Test("Seed 002: joins, headings kept, a truncated repeat is not joined")
  func seed002() throws {
    let text = try ZhNormBinary.run([try seed("002")]).text
    for s in ["共建国家有贸易往来", "中部第一。", "驻马店市", "数据要素市场化平台", "助推湖北汽车产业", "圈出自己家的86.2亩土地", "关注着该项目",
      "35个百亿级项目", "进一步放宽至160千瓦", "廉洁奉公的强大力量。", "盛阅春强调\n\n## 全面提升", "\n## 全面提升动力储能电池产业核心竞争力\n"]
    {
      #expect(text.contains(s), "\(s)")
    }
    #expect(!text.contains("廉洁奉公的强省政协"))
  }

  @Test("Seeds 001 and 003 keep their line structure; seed 004 loses its pinyin annotations")
  func otherSeeds() throws {
    for prefix in ["001", "003"] {
      let path = try seed(prefix)
      #expect(try ZhNormBinary.run([path]).text == ZhNormBinary.run(["--only", "unicode", path]).text, "\(prefix)")
    }
    let s004 = try ZhNormBinary.run([try seed("004")]).text
    #expect(!s004.contains("(yè)") && !s004.contains("（yè）"))
    #expect(try ZhNormBinary.run(["--keep-annotations", try seed("004")]).text.contains("yè"))
  }

  @Test("Every join and removal is in the report with its evidence")
  func report() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let reportPath = directory.appendingPathComponent("report.json").path
    let result = try ZhNormBinary.run(["--report", reportPath, try seed("000")])
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath))) as! [String: Any]
    let input = (json["inputs"] as! [[String: Any]])[0]
    let steps = input["steps"] as! [String: [String: Int]]
    let records = (input["records"] as! [[String: Any]]).filter { $0["step"] as? String == "repair" }
    let joins = records.filter { $0["kind"] as? String == "paragraph-join" }
    #expect(joins.count == steps["repair"]?["paragraph-join"])
    #expect(!joins.isEmpty)
    for join in joins { #expect((join["detail"] as? String)?.contains("score") == true || (join["detail"] as? String)?.contains("hard-wrapped") == true) }
    #expect(records.contains { $0["kind"] as? String == "page-furniture" })
  }

  @Test("--only repair, --skip repair, --no-join, --keep-furniture, --keep-annotations")
  func flags() throws {
    let broken = Data("据悉，2023年，全省汽车产量179万辆，其\n\n（上接第一版）\n\n中新能源汽车产量38.8万辆。行業(yè)发展。\n".utf8)
    let full = try ZhNormBinary.run([], input: broken).text
    #expect(full == "据悉，2023年，全省汽车产量179万辆，其中新能源汽车产量38.8万辆。行業发展。\n")
    #expect(try ZhNormBinary.run(["--only", "repair"], input: broken).text == full)
    let skipped = try ZhNormBinary.run(["--skip", "repair"], input: broken).text
    #expect(skipped == "据悉，2023年，全省汽车产量179万辆，其\n\n（上接第一版）\n\n中新能源汽车产量38.8万辆。行業（yè）发展。\n")
    #expect(try ZhNormBinary.run(["--no-join"], input: broken).text == "据悉，2023年，全省汽车产量179万辆，其\n\n中新能源汽车产量38.8万辆。行業发展。\n")
    #expect(try ZhNormBinary.run(["--keep-furniture"], input: broken).text.contains("（上接第一版）"))
    #expect(try ZhNormBinary.run(["--keep-annotations"], input: broken).text.contains("行業（yè）发展"))
    let help = try ZhNormBinary.run(["--help"]).text
    for flag in ["--no-join", "--keep-furniture", "--keep-annotations"] { #expect(help.contains(flag)) }
  }

  @Test("Running zhnorm on its own output changes nothing")
  func idempotent() throws {
    for prefix in ["000", "001", "002", "003", "004"] {
      let once = try ZhNormBinary.run([try seed(prefix)]).output
      #expect(try ZhNormBinary.run([], input: once).output == once, "\(prefix)")
    }
  }
}
