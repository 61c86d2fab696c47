#pragma once
// The whole `reglab` command line as a function: main() calls it, and so does
// the CLI fuzz target (tests/fuzz/fuzz_cli.cpp). It builds a fresh CLI::App on
// every call and keeps no state between calls.
namespace reglab::cli {

// Parses argv (argv[0] is the program name) and runs the subcommand. Returns
// the exit status: 0 on success, 2 for bad input (a CLI parse error or a
// reglab::InputError, with the message on stderr), 1 for an internal error.
// Help output (--help) returns 0.
int run_reglab(int argc, const char* const* argv);

}  // namespace reglab::cli
