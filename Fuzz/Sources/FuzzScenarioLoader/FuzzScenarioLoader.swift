import FuzzSupport
import RehearseCore

/// One input: the bytes of a scenario file, loaded as `rehearse scenarios lint` loads it, with
/// its diagnostics rendered, and read by the catalog's quick headline read.
@main enum FuzzScenarioLoader {
    static func main() {
        runFuzzer { start, count in
            FuzzInput.loadScenario(Data(fuzzBytes(start, count)))
            return 0
        }
    }
}
