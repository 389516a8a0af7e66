import Foundation
@testable import ZhNorm

/// Generated documents with known duplicates, for measuring the `dedup`
/// step's precision and recall.
struct DedupCorpus {
  enum Role: Equatable {
    case distinct
    /// A repeat that must be removed, and how it was made.
    case duplicate(String)
    /// A short line that legitimately repeats and must stay.
    case legitimateRepeat
  }

  var paragraphs: [(text: String, role: Role)] = []

  var text: String { paragraphs.map(\.text).joined(separator: "\n\n") + "\n" }

  /// Common characters, so that generated text has realistic n-gram overlap.
  static let characters = Array(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
  )

  static func sentence(length: Int, using generator: inout SeededGenerator) -> String {
    var text = ""
    for index in 0..<length {
      text.append(characters[Int.random(in: 0..<characters.count, using: &generator)])
      if index > 0 && index < length - 1 && index % 11 == 10 { text.append("，") }
    }
    return text + "。"
  }

  /// A document of `count` paragraphs: about 60% distinct, the rest exact,
  /// spacing/width-variant, truncated and near copies of earlier paragraphs,
  /// plus legitimately repeated short lines (captions, bylines, refrains,
  /// table rows).
  static func document(count: Int, using generator: inout SeededGenerator) -> DedupCorpus {
    var corpus = DedupCorpus()
    var distinct: [String] = []
    let shortLines = ["图1", "（完）", "本报记者 张三", "甲\t乙\t丙", "责任编辑：李四", "我爱你，中国。", "（记者 王小明 通讯员 李华）"]
    while corpus.paragraphs.count < count {
      let roll = Int.random(in: 0..<100, using: &generator)
      if distinct.isEmpty || roll < 55 {
        let text = sentence(length: Int.random(in: 20...120, using: &generator), using: &generator)
        distinct.append(text)
        corpus.paragraphs.append((text, .distinct))
      } else if roll < 65 {
        corpus.paragraphs.append((distinct.randomElement(using: &generator)!, .duplicate("exact")))
      } else if roll < 72 {
        // Spaces inserted, ASCII commas: equal after normalization.
        var variant = distinct.randomElement(using: &generator)!
        variant = variant.replacingOccurrences(of: "，", with: ", ")
        let cut = variant.index(variant.startIndex, offsetBy: variant.count / 2)
        variant.insert(contentsOf: "  ", at: cut)
        corpus.paragraphs.append((variant, .duplicate("variant")))
      } else if roll < 80 {
        // The last paragraph, cut (as by a page break) and repeated.
        let whole = distinct.last!
        let keep = Int.random(in: max(20, whole.count / 3)...(whole.count - 1), using: &generator)
        if whole.count > 40 {
          corpus.paragraphs.append((String(whole.prefix(keep)), .duplicate("truncated")))
        }
      } else if roll < 88 {
        // One character changed or two appended in a long paragraph.
        guard let whole = distinct.filter({ $0.count >= 100 }).randomElement(using: &generator) else { continue }
        var scalars = Array(whole)
        if Bool.random(using: &generator) {
          let position = Int.random(in: 0..<(scalars.count - 1), using: &generator)
          scalars[position] = characters[Int.random(in: 0..<characters.count, using: &generator)]
          if String(scalars) == whole { continue }
        } else {
          scalars.insert(contentsOf: "新闻", at: scalars.count - 1)
        }
        corpus.paragraphs.append((String(scalars), .duplicate("near")))
      } else {
        corpus.paragraphs.append((shortLines.randomElement(using: &generator)!, .legitimateRepeat))
      }
    }
    return corpus
  }
}

/// Precision and recall of removals against a ``DedupCorpus``.
struct DedupScore {
  var truePositives = 0
  var falsePositives = 0
  var falseNegatives = 0
  var missedByKind: [String: Int] = [:]

  var precision: Double { Double(truePositives) / Double(max(truePositives + falsePositives, 1)) }
  var recall: Double { Double(truePositives) / Double(max(truePositives + falseNegatives, 1)) }

  /// Aligns the output paragraphs with the input paragraphs (kept ones come
  /// out unchanged and in order, once cleaned by the `unicode` step).
  init(corpus: DedupCorpus, output: String) {
    let cleaner = Normalizer(configuration: NormalizerConfiguration(steps: [.unicode]))
    let outputParagraphs = output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    var next = 0
    for (text, role) in corpus.paragraphs {
      let cleaned = cleaner.normalize(text).trimmingTrailingNewline
      let kept = next < outputParagraphs.count && outputParagraphs[next] == cleaned
      if kept { next += 1 }
      switch (role, kept) {
      case (.duplicate, false): truePositives += 1
      case (.duplicate(let kind), true):
        falseNegatives += 1
        missedByKind[kind, default: 0] += 1
      case (_, false): falsePositives += 1
      default: break
      }
    }
  }
}

extension String {
  var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
