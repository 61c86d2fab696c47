#include "cli/app.hpp"

#include <exception>
#include <iostream>

#include "cli/commands.hpp"
#include "core/errors.hpp"

namespace reglab::cli {

int run_reglab(int argc, const char* const* argv) {
  CLI::App app{"reglab: regularization and normalization experiments (see README.md)"};
  app.require_subcommand(1);
  add_regress_command(app);
  add_path_command(app);
  add_norm_command(app);
  add_train_command(app);
  add_evaluate_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "reglab: " << e.what() << "\n(run `reglab --help` for usage)\n";
    return 2;
  } catch (const InputError& e) {
    std::cerr << "reglab: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "reglab: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace reglab::cli
