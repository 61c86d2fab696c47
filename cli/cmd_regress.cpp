// `reglab regress`: one linear model on a CSV, with sklearn's defaults.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/tabular_json.hpp"
#include "cli/tabular_options.hpp"
#include "core/number_text.hpp"

namespace reglab::cli {

namespace {

struct RegressOptions {
  DataOptions data;
  std::string model;
  double alpha = 1.0;
  double l1_ratio = 0.5;
  bool json = false;
};

nlohmann::ordered_json regress_json(const RegressOptions& o, const RegressionResult& r) {
  nlohmann::ordered_json j;
  j["model"] = o.model;
  j["alpha"] = o.alpha;
  j["l1_ratio"] = o.l1_ratio;
  j["target"] = o.data.target;
  j["features"] = r.features;
  j["coef"] = to_json(r.fit.coef);
  j["intercept"] = r.fit.intercept;
  j["n_iter"] = r.fit.n_iter ? nlohmann::ordered_json(*r.fit.n_iter) : nlohmann::ordered_json(nullptr);
  j["converged"] = r.fit.converged;
  j["dual_gap"] = r.fit.n_iter ? nlohmann::ordered_json(r.fit.dual_gap) : nlohmann::ordered_json(nullptr);
  j["n_rows"] = r.y.size();
  j["train"] = to_json(r.train);
  j["test"] = r.test ? to_json(*r.test) : nlohmann::ordered_json(nullptr);
  j["test_indices"] = r.test_indices;
  return j;
}

void print_metrics(const char* name, const RegressionMetrics& m) {
  std::printf("%-10s n %d  MAE %.10g  MSE %.10g  RMSE %.10g  R2 %.10g\n", name, m.n, m.mae, m.mse, m.rmse, m.r2);
}

void print_text(const RegressOptions& o, const RegressionResult& r) {
  std::printf("model      %s", o.model.c_str());
  if (o.model != "ols") std::printf(" (alpha %s", format_number(o.alpha).c_str());
  if (o.model == "elasticnet") std::printf(", l1_ratio %s", format_number(o.l1_ratio).c_str());
  std::printf("%s\n", o.model != "ols" ? ")" : "");
  std::printf("target     %s\n", o.data.target.c_str());
  std::printf("rows       %d (train %zu, test %zu)\n", static_cast<int>(r.y.size()), r.train_indices.size(),
              r.test_indices.size());
  for (std::size_t k = 0; k < r.features.size(); ++k)
    std::printf("%-10s %-30s % .10g\n", k == 0 ? "coef" : "", r.features[k].c_str(), r.fit.coef(static_cast<Eigen::Index>(k)));
  std::printf("intercept  %.10g\n", r.fit.intercept);
  if (r.fit.n_iter) std::printf("n_iter     %d (%s)\n", *r.fit.n_iter, r.fit.converged ? "converged" : "NOT converged");
  print_metrics("train", r.train);
  if (r.test) print_metrics("test", *r.test);
}

}  // namespace

void add_regress_command(CLI::App& app) {
  auto o = std::make_shared<RegressOptions>();
  auto* cmd = app.add_subcommand("regress", "Fit OLS, Ridge, Lasso or ElasticNet to a CSV (scikit-learn semantics)");
  add_data_options(cmd, o->data);
  cmd->add_option("--model", o->model, "ols | ridge | lasso | elasticnet")->required();
  cmd->add_option("--alpha", o->alpha, "regularization strength (default 1.0)");
  cmd->add_option("--l1-ratio", o->l1_ratio, "elasticnet mixing, 1 = lasso (default 0.5)");
  cmd->add_flag("--json", o->json, "print JSON");
  cmd->callback([o] {
    RegressionRequest request = make_request(o->data);
    request.model = o->model;
    request.alpha = o->alpha;
    request.l1_ratio = o->l1_ratio;
    const RegressionResult r = run_regression(request);
    if (!r.fit.converged)
      warn_not_converged(o->model + " (duality gap " + format_number(r.fit.dual_gap) + ")", o->data.max_iter);
    if (o->json) {
      std::cout << regress_json(*o, r).dump(2) << "\n";
    } else {
      print_text(*o, r);
    }
  });
}

}  // namespace reglab::cli
