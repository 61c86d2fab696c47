// PLACEHOLDER: replaced by the real `reglab path` command.
#include "cli/commands.hpp"
#include "core/errors.hpp"
namespace reglab::cli {
void add_path_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("path", "(not built yet)");
  cmd->callback([] { throw InputError("reglab path: not built yet"); });
}
}  // namespace reglab::cli
