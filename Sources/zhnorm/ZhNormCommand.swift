import ArgumentParser
import ZhNorm

@main
struct ZhNormCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "zhnorm")
  func run() throws {}
}
