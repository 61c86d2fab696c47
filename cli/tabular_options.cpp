#include "cli/tabular_options.hpp"

#include <filesystem>
#include <iostream>

#include "cli/io/files.hpp"
#include "core/builtin_data.hpp"
#include "core/errors.hpp"
#include "core/number_text.hpp"

namespace reglab::cli {

void add_data_options(CLI::App* cmd, DataOptions& o) {
  cmd->add_option("--data", o.data, "iris, wine (built in) or a CSV file with a header row")->required();
  cmd->add_option("--target", o.target, "target column")->required();
  cmd->add_option("--features", o.features, "comma-separated feature columns (default: every numeric column but the target)");
  cmd->add_option("--where", o.where, "keep only rows where COL=VALUE, e.g. species=virginica");
  cmd->add_option("--scale", o.scale, "none | minmax | zscore, fitted on the training rows (default none)");
  cmd->add_option("--test-size", o.test_size, "fraction of rows held out as in train_test_split (default 0: fit on all rows)");
  cmd->add_option("--seed", o.seed, "random_state of the split (default 0)");
  cmd->add_option("--max-iter", o.max_iter, "coordinate-descent passes at most (default 1000)");
  cmd->add_option("--tol", o.tol, "coordinate-descent tolerance, as sklearn's tol (default 1e-4)");
}

RegressionRequest make_request(const DataOptions& o) {
  RegressionRequest r;
  if (o.seed < 0 || o.seed > 4294967295LL)
    throw InputError("--seed must be in [0, 4294967295] (got " + std::to_string(o.seed) + ")");
  r.seed = static_cast<std::uint32_t>(o.seed);
  r.scaling = parse_scaling(o.scale);
  r.test_size = o.test_size;
  r.solver = SolverOptions{o.max_iter, o.tol};
  r.target = o.target;
  r.where = o.where;
  if (!o.features.empty()) {
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = o.features.find(',', start);
      const std::string name(trim_blanks(std::string_view(o.features).substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (name.empty()) throw InputError("--features has an empty name in '" + o.features + "'");
      r.features.push_back(name);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  const std::string_view builtin = builtin_csv(o.data);
  if (builtin.empty()) {
    std::error_code ec;
    if (std::filesystem::is_directory(o.data, ec)) throw InputError("--data '" + o.data + "' is a folder, not a CSV file");
    r.csv_text = io::read_text_file(o.data);
  } else {
    r.csv_text = std::string(builtin);
  }
  return r;
}

namespace {
Eigen::MatrixXd rows_of(const Eigen::MatrixXd& X, const std::vector<int>& rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), X.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = X.row(rows[i]);
  return out;
}
}  // namespace

TrainingRows training_rows(const RegressionResult& result) {
  TrainingRows rows{result.scaler.apply(rows_of(result.X, result.train_indices)),
                    Eigen::VectorXd(static_cast<Eigen::Index>(result.train_indices.size()))};
  for (std::size_t i = 0; i < result.train_indices.size(); ++i)
    rows.y(static_cast<Eigen::Index>(i)) = result.y(result.train_indices[i]);
  return rows;
}

void warn_not_converged(const std::string& what, int max_iter) {
  std::cerr << "reglab: warning (ConvergenceWarning): " << what << " did not converge in " << max_iter
            << " iterations. Increase --max-iter, scale the features (--scale zscore) or use a larger alpha.\n";
}

}  // namespace reglab::cli
