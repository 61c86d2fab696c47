// PLACEHOLDER: replaced by the real `reglab train` command.
#include "cli/commands.hpp"
#include "core/errors.hpp"
namespace reglab::cli {
void add_train_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("train", "(not built yet)");
  cmd->callback([] { throw InputError("reglab train: not built yet"); });
}
}  // namespace reglab::cli
