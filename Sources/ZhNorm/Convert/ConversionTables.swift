import CZhNormTables

/// Read-only views into the compiled conversion table (`tables/zhconvert.bin`),
/// which is embedded in the binary by the `CZhNormTables` target.
///
/// Loading reads a few hundred header words and builds small arrays of
/// pointer views — no parsing of dictionary text and no copying of table data,
/// so it takes microseconds. The layout is documented in `tables/README.md`;
/// all integers are little-endian `UInt32` (page indexes `UInt16`), every
/// section 16-byte aligned.
struct ConversionTables: @unchecked Sendable {
  // @unchecked: every pointer here points into immutable embedded data that
  // lives as long as the process; nothing is ever written through them.

  /// The embedded table, validated once on first use.
  static let shared: ConversionTables = {
    do {
      return try ConversionTables(
        bytes: UnsafeRawPointer(zhnorm_convert_table_bytes()),
        count: zhnorm_convert_table_size())
    } catch {
      preconditionFailure("embedded conversion table is unreadable: \(error)")
    }
  }()

  static let magic: UInt32 = 0x5643_485A  // "ZHCV"
  static let version: UInt32 = 2

  let profiles: [CompiledProfile]
  /// Characters that exist only in Traditional text (see `tables/README.md`).
  let traditionalOnly: ScalarSet
  /// Characters that exist only in Simplified text (see `tables/README.md`).
  let simplifiedOnly: ScalarSet
  let normalization: ScalarNormalization
  let values: ValuePool

  init(bytes base: UnsafeRawPointer, count: Int) throws(ConversionTableError) {
    func word(_ byteOffset: Int) throws(ConversionTableError) -> UInt32 {
      guard byteOffset >= 0, byteOffset + 4 <= count else { throw .outOfBounds }
      return base.load(fromByteOffset: byteOffset, as: UInt32.self).littleEndian
    }
    guard try word(0) == Self.magic else { throw .badMagic }
    let version = try word(4)
    guard version == Self.version else { throw .unsupportedVersion(version) }
    let sectionCount = Int(try word(8))

    func section<T>(_ index: UInt32, as type: T.Type) throws(ConversionTableError)
      -> UnsafeBufferPointer<T>
    {
      let i = Int(index)
      guard i < sectionCount else { throw .outOfBounds }
      let offset = Int(try word(16 + 8 * i))
      let length = Int(try word(20 + 8 * i))
      guard offset + length <= count, offset % MemoryLayout<T>.alignment == 0 else {
        throw .outOfBounds
      }
      return UnsafeBufferPointer(
        start: (base + offset).assumingMemoryBound(to: T.self),
        count: length / MemoryLayout<T>.stride)
    }

    let meta = try section(0, as: UInt32.self)
    var cursor = 0
    func next() throws(ConversionTableError) -> UInt32 {
      guard cursor < meta.count else { throw .outOfBounds }
      defer { cursor += 1 }
      return meta[cursor]
    }
    let profileCount = Int(try next())
    let stageCount = Int(try next())
    let trieCount = Int(try next())
    let setCount = Int(try next())
    let traditionalOnlySet = Int(try next())
    let simplifiedOnlySet = Int(try next())
    let normalizationSection = try next()
    let poolSection = try next()
    let valuesSection = try next()
    cursor += 3

    var profileRecords: [[Int]] = []
    for _ in 0..<profileCount {
      var record: [Int] = []
      for _ in 0..<8 { record.append(Int(try next())) }
      profileRecords.append(record)
    }
    var stageRecords: [[Int]] = []
    for _ in 0..<stageCount {
      var record: [Int] = []
      for _ in 0..<6 { record.append(Int(try next())) }
      stageRecords.append(record)
    }
    var tries: [PrefixTrie] = []
    for _ in 0..<trieCount {
      var record: [UInt32] = []
      for _ in 0..<8 { record.append(try next()) }
      let filter = try section(record[7], as: UInt32.self)
      guard filter.count >= 2, filter.count & (filter.count - 1) == 0 else { throw .outOfBounds }
      tries.append(
        PrefixTrie(
          pageIndex: try section(record[0], as: UInt16.self).baseAddress!,
          pages: try section(record[1], as: UInt32.self).baseAddress!,
          nodes: try section(record[2], as: UInt32.self).baseAddress!,
          labels: try section(record[3], as: UInt32.self).baseAddress!,
          values: try section(record[6], as: UInt32.self).baseAddress!,
          pairFilter: filter.baseAddress!,
          pairFilterMask: UInt32(filter.count * 32 - 1),
          maxKeyLength: Int(record[4])))
    }
    var sets: [ScalarSet] = []
    for _ in 0..<setCount {
      let pageIndex = try next()
      let bits = try next()
      sets.append(
        ScalarSet(
          pageIndex: try section(pageIndex, as: UInt16.self).baseAddress!,
          bits: try section(bits, as: UInt32.self).baseAddress!))
    }

    func stage(_ index: Int) throws(ConversionTableError) -> ConversionStage {
      guard index < stageRecords.count else { throw .outOfBounds }
      let record = stageRecords[index]
      let memberCount = record[0]
      guard (1...4).contains(memberCount), record[1...memberCount].allSatisfy({ $0 < tries.count })
      else { throw .outOfBounds }
      return ConversionStage(tries: record[1...memberCount].map { tries[$0] })
    }
    var profiles: [CompiledProfile] = []
    for record in profileRecords {
      let runCount = record[1]
      guard runCount <= 3, record[5] < sets.count, record[6] < sets.count else { throw .outOfBounds }
      var runStages: [ConversionStage] = []
      for r in 0..<runCount { runStages.append(try stage(record[2 + r])) }
      profiles.append(
        CompiledProfile(
          main: try stage(record[0]), runStages: runStages, keyScalars: sets[record[5]],
          attention: sets[record[6]]))
    }
    guard profiles.count == ConversionProfile.allCases.count,
      traditionalOnlySet < sets.count, simplifiedOnlySet < sets.count
    else { throw .outOfBounds }
    self.profiles = profiles
    self.traditionalOnly = sets[traditionalOnlySet]
    self.simplifiedOnly = sets[simplifiedOnlySet]
    self.normalization = ScalarNormalization(pairs: try section(normalizationSection, as: UInt32.self))
    self.values = ValuePool(
      bytes: try section(poolSection, as: UInt8.self).baseAddress!,
      spans: try section(valuesSection, as: UInt32.self).baseAddress!)
  }
}
