// `reglab path`: coefficients over a grid of alphas, optionally k-fold CV.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/tabular_json.hpp"
#include "cli/tabular_options.hpp"
#include "core/errors.hpp"
#include "core/norms.hpp"
#include "core/number_text.hpp"
#include "core/regression_path.hpp"

namespace reglab::cli {

namespace {

struct PathOptions {
  DataOptions data;
  std::string model;
  double l1_ratio = 0.5;
  std::string alphas = "1e-3:10:30";
  int cv = 0;  // folds; 0 = no cross-validation
  bool json = false;
};

// "lo:hi:n" (a log grid) or "a,b,c" (a list).
std::vector<double> parse_alphas(const std::string& text) {
  if (text.find(':') == std::string::npos) {
    const Eigen::VectorXd v = parse_vector(text);
    return std::vector<double>(v.data(), v.data() + v.size());
  }
  const std::size_t a = text.find(':'), b = text.find(':', a + 1);
  const auto lo = parse_number(trim_blanks(std::string_view(text).substr(0, a)));
  const auto hi = b == std::string::npos ? std::nullopt : parse_number(trim_blanks(std::string_view(text).substr(a + 1, b - a - 1)));
  const auto n = b == std::string::npos ? std::nullopt : parse_number(trim_blanks(std::string_view(text).substr(b + 1)));
  if (!lo || !hi || !n || *n != std::floor(*n) || std::fabs(*n) > 1e9)
    throw InputError("--alphas '" + text + "' should be lo:hi:n (e.g. 1e-3:10:30) or a comma list");
  return log_alpha_grid(*lo, *hi, static_cast<int>(*n));
}

nlohmann::ordered_json path_json(const PathOptions& o, const RegressionResult& r, const RegularizationPath& p,
                         const CrossValidation* cv) {
  nlohmann::ordered_json j;
  j["model"] = o.model;
  j["l1_ratio"] = o.model == "elasticnet" ? nlohmann::ordered_json(o.l1_ratio) : nlohmann::ordered_json(nullptr);
  j["target"] = o.data.target;
  j["features"] = r.features;
  j["n_train"] = r.train_indices.size();
  j["alphas"] = p.alphas;
  j["coefs"] = rows_to_json(p.coefs);
  j["intercepts"] = to_json(p.intercepts);
  nlohmann::ordered_json n_iter = nlohmann::ordered_json::array();
  for (int n : p.n_iter) n_iter.push_back(o.model == "ridge" ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(n));
  j["n_iter"] = n_iter;
  j["converged"] = p.converged;
  if (cv) {
    j["cv"] = o.cv;
    j["mean_mse"] = to_json(cv->mean_mse);
    j["std_mse"] = to_json(cv->std_mse);
    j["best_alpha"] = cv->best_alpha;
    j["best_index"] = cv->best_index;
  }
  return j;
}

void print_text(const PathOptions& o, const RegressionResult& r, const RegularizationPath& p, const CrossValidation* cv) {
  std::printf("%s path on %zu training rows; coefficients per alpha\n", o.model.c_str(), r.train_indices.size());
  std::printf("%12s", "alpha");
  for (std::size_t k = 0; k < r.features.size(); ++k) std::printf(" %12.12s", r.features[k].c_str());
  std::printf(" %12s%s\n", "intercept", cv ? "     mean_mse      std_mse" : "");
  for (std::size_t a = 0; a < p.alphas.size(); ++a) {
    const auto i = static_cast<Eigen::Index>(a);
    std::printf("%12.6g", p.alphas[a]);
    for (Eigen::Index k = 0; k < p.coefs.cols(); ++k) std::printf(" %12.5g", p.coefs(i, k));
    std::printf(" %12.6g", p.intercepts(i));
    if (cv) std::printf(" %12.6g %12.6g", cv->mean_mse(i), cv->std_mse(i));
    std::printf("\n");
  }
  if (cv) std::printf("best alpha (lowest %d-fold mean MSE): %s\n", o.cv, format_number(cv->best_alpha).c_str());
}

}  // namespace

void add_path_command(CLI::App& app) {
  auto o = std::make_shared<PathOptions>();
  auto* cmd = app.add_subcommand("path", "Coefficients over a grid of alphas (warm-started), with optional k-fold CV");
  add_data_options(cmd, o->data);
  cmd->add_option("--model", o->model, "lasso | ridge | elasticnet")->required();
  cmd->add_option("--l1-ratio", o->l1_ratio, "elasticnet mixing (default 0.5)");
  cmd->add_option("--alphas", o->alphas, "lo:hi:n log grid or a comma list (default 1e-3:10:30)");
  cmd->add_option("--cv", o->cv, "k-fold cross-validation (KFold, no shuffle) on the training rows");
  cmd->add_flag("--json", o->json, "print JSON");
  cmd->callback([o] {
    if (o->model != "lasso" && o->model != "ridge" && o->model != "elasticnet")
      throw InputError("path --model must be lasso, ridge or elasticnet (got '" + o->model + "')");
    if (o->cv < 0 || o->cv == 1) throw InputError("--cv needs at least 2 folds (got " + std::to_string(o->cv) + ")");
    const std::vector<double> alphas = parse_alphas(o->alphas);
    RegressionRequest request = make_request(o->data);
    request.model = o->model;
    request.l1_ratio = o->l1_ratio;
    request.alpha = *std::max_element(alphas.begin(), alphas.end());  // validates; the largest alpha fits fastest
    const RegressionResult r = run_regression(request);
    const TrainingRows rows = training_rows(r);
    const RegularizationPath p = regularization_path(o->model, o->l1_ratio, rows.X, rows.y, alphas, request.solver);
    for (std::size_t a = 0; a < p.alphas.size(); ++a)
      if (!p.converged[a]) warn_not_converged(o->model + " at alpha " + format_number(p.alphas[a]), o->data.max_iter);
    CrossValidation cv;
    if (o->cv > 0) cv = cross_validate(o->model, o->l1_ratio, rows.X, rows.y, alphas, o->cv, request.solver);
    const CrossValidation* cvp = o->cv > 0 ? &cv : nullptr;
    if (o->json) {
      std::cout << path_json(*o, r, p, cvp).dump(2) << "\n";
    } else {
      print_text(*o, r, p, cvp);
    }
  });
}

}  // namespace reglab::cli
