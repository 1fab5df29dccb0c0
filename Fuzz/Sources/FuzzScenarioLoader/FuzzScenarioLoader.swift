import RehearseCore

/// One input: the bytes of a scenario file, loaded as `rehearse scenarios lint` loads it, with
/// its diagnostics rendered, and read by the catalog's quick headline read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzInput.loadScenario(Data(bytes: start, count: count))
    return 0
}
