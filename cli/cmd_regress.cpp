// PLACEHOLDER: replaced by the real `reglab regress` command.
#include "cli/commands.hpp"
#include "core/errors.hpp"
namespace reglab::cli {
void add_regress_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("regress", "(not built yet)");
  cmd->callback([] { throw InputError("reglab regress: not built yet"); });
}
}  // namespace reglab::cli
