#pragma once
// Each subcommand of `reglab` lives in its own cmd_*.cpp and registers itself
// on the app. Callbacks throw reglab::InputError for bad input; main turns
// that into a message on stderr and exit status 2.
#include <CLI/CLI.hpp>

namespace reglab::cli {

void add_regress_command(CLI::App& app);   // cmd_regress.cpp
void add_path_command(CLI::App& app);      // cmd_path.cpp
void add_norm_command(CLI::App& app);      // cmd_norm.cpp
void add_train_command(CLI::App& app);     // cmd_train.cpp
void add_evaluate_command(CLI::App& app);  // cmd_evaluate.cpp

}  // namespace reglab::cli
