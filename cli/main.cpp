// reglab: the lab's experiments from a terminal, as JSON.
#include <exception>
#include <iostream>

#include "cli/commands.hpp"
#include "core/errors.hpp"

int main(int argc, char** argv) {
  CLI::App app{"reglab: regularization and normalization experiments (see README.md)"};
  app.require_subcommand(1);
  reglab::cli::add_regress_command(app);
  reglab::cli::add_path_command(app);
  reglab::cli::add_norm_command(app);
  reglab::cli::add_train_command(app);
  reglab::cli::add_evaluate_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "reglab: " << e.what() << "\n(run `reglab --help` for usage)\n";
    return 2;
  } catch (const reglab::InputError& e) {
    std::cerr << "reglab: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "reglab: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
