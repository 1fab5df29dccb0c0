// libFuzzer's entry point for programs that have a `main` of their own. A SwiftPM executable
// always has one (it points `main` at the module's entry), so libFuzzer's `main` never runs:
// ours calls this instead.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
