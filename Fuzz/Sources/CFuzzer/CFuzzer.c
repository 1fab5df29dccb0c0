// The declaration in include/CFuzzer.h is all this target is; libFuzzer defines the function.
#include "CFuzzer.h"
