// PLACEHOLDER: replaced by the real `reglab evaluate` command.
#include "cli/commands.hpp"
#include "core/errors.hpp"
namespace reglab::cli {
void add_evaluate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("evaluate", "(not built yet)");
  cmd->callback([] { throw InputError("reglab evaluate: not built yet"); });
}
}  // namespace reglab::cli
