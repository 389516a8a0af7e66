import Testing
@testable import ZhNorm

@Suite("Punctuation width")
struct PunctuationWidthTests {
  @Test("ASCII marks in Chinese context become fullwidth", arguments: [
    ("湖北日报讯(记者许旷)11月8日,2023第六届", "湖北日报讯（记者许旷）11月8日，2023第六届"),
    ("盛阅春强调,当前", "盛阅春强调，当前"),
    ("组长:刘东喜 副组长:祁兵", "组长：刘东喜 副组长：祁兵"),
    ("同比增长129%,实现", "同比增长129%，实现"),
    ("岚图汽车CEO,卢放", "岚图汽车CEO，卢放"),
    ("占42.6%、42.4%;中碳登", "占42.6%、42.4%；中碳登"),
    ("您是湖北人吗?", "您是湖北人吗？"),
    ("我自己也非常想试驾!”", "我自己也非常想试驾！”"),
    ("“两湖(东湖与日内瓦湖)对话”", "“两湖（东湖与日内瓦湖）对话”"),
    ("(上接第1版)", "（上接第1版）"),
    ("行業(yè)第35屆", "行業（yè）第35屆"),
    ("兩業(yè)“兩鏈聚合”", "兩業（yè）“兩鏈聚合”"),
    ("重鎮(zhèn),2023年", "重鎮（zhèn），2023年"),
    ("“老周,你好”,“周鸿祎”就能", "“老周，你好”，“周鸿祎”就能"),
    ("什么?!", "什么？！"),
    ("网址:http://a.cn", "网址：http://a.cn"),
  ])
  func toFullwidth(input: String, expected: String) {
    #expect(cleaned(input) == expected)
  }

  @Test("Decimals, times, numbers, URLs, e-mail and Latin sentences are left alone", arguments: [
    "产量38.8万辆",
    "上午10:30开会",
    "共1,000元",
    "Notice: The content above (including the pictures and videos if any) is uploaded.",
    "http://example.com/a?b=1,c(d)",
    "见www.example.cn/x?y=1",
    "邮箱whswxc1z@126.com",
    "比分3:1",
    "(1)",
    "Hello, world!",
  ])
  func leftAlone(input: String) {
    #expect(cleaned(input) == input)
  }

  @Test("A URL followed by Chinese punctuation context keeps its own characters")
  func urlBoundary() {
    #expect(cleaned("访问http://a.cn/?q=1,然后") == "访问http://a.cn/?q=1，然后")
    #expect(cleaned("见(http://a.cn/x_(y))后") == "见（http://a.cn/x_(y)）后")
  }

  @Test("Chains settle in one call, so the result is a fixed point")
  func chains() {
    let once = cleaned(",,,,中")
    #expect(once == "，，，，中")
    #expect(cleaned("A,(中)") == "A，（中）")
    #expect(cleaned(cleaned("A,(中)")) == cleaned("A,(中)"))
  }

  @Test("ascii style makes the seven fullwidth marks ASCII everywhere")
  func asciiStyle() {
    #expect(cleaned("你好，世界（测试）：好；是！吗？", punctuation: .ascii) == "你好,世界(测试):好;是!吗?")
    #expect(cleaned("句号。不变、", punctuation: .ascii) == "句号。不变、")
  }

  @Test("keep style leaves punctuation alone")
  func keepStyle() {
    #expect(cleaned("你好,世界（测试）", punctuation: .keep) == "你好,世界（测试）")
  }
}
