// kevy-conform: the conformance gate (usage: conformance/README.md, `kevy-conform --help`).
#include "modes.h"

int main(int argc, char** argv) { return kevy::conformance::dispatch_mode(argc, argv); }
