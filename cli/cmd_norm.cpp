// PLACEHOLDER: replaced by the real `reglab norm` command.
#include "cli/commands.hpp"
#include "core/errors.hpp"
namespace reglab::cli {
void add_norm_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("norm", "(not built yet)");
  cmd->callback([] { throw InputError("reglab norm: not built yet"); });
}
}  // namespace reglab::cli
