#include "core/linear.hpp"

#include <Eigen/Cholesky>
#include <Eigen/QR>
#include <cmath>
#include <string>

#include "core/coordinate_descent.hpp"
#include "core/errors.hpp"
#include "core/number_text.hpp"

namespace reglab {

namespace {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

void check_alpha(double alpha) {
  if (!(std::isfinite(alpha) && alpha >= 0))
    throw InputError("alpha must be a finite number >= 0 (got " + format_number(alpha) + ")");
}
void check_l1_ratio(double r) {
  if (!(r >= 0 && r <= 1)) throw InputError("l1_ratio must be in [0, 1] (got " + format_number(r) + ")");
}
void check_model(const LinearModel& model) {
  std::visit(Overloaded{[](const Ols&) {}, [](const Ridge& m) { check_alpha(m.alpha); },
                        [](const Lasso& m) { check_alpha(m.alpha); },
                        [](const ElasticNet& m) {
                          check_alpha(m.alpha);
                          check_l1_ratio(m.l1_ratio);
                        }},
             model);
}

void check_data(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  if (X.rows() != y.size())
    throw InputError("X has " + std::to_string(X.rows()) + " rows but y has " + std::to_string(y.size()));
  if (X.rows() < 2) throw InputError("need at least 2 rows to fit (got " + std::to_string(X.rows()) + ")");
  if (X.cols() < 1) throw InputError("need at least 1 feature to fit");
  if (!X.allFinite()) throw InputError("X contains NaN or infinite values");
  if (!y.allFinite()) throw InputError("y contains NaN or infinite values");
}

void check_options(const SolverOptions& o) {
  if (o.max_iter < 1) throw InputError("max_iter must be >= 1 (got " + std::to_string(o.max_iter) + ")");
  if (!(std::isfinite(o.tol) && o.tol >= 0))
    throw InputError("tol must be a finite number >= 0 (got " + format_number(o.tol) + ")");
}

// X and y centred on their column means, as sklearn's _preprocess_data.
struct Centered {
  Eigen::MatrixXd X;          // (samples, features)
  Eigen::VectorXd y;          // (samples)
  Eigen::RowVectorXd x_mean;  // (features)
  double y_mean = 0.0;
};
Centered center(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  Centered c;
  c.x_mean = X.colwise().mean();
  c.y_mean = y.mean();
  c.X = X.rowwise() - c.x_mean;
  c.y = y.array() - c.y_mean;
  return c;
}

// Minimum-norm least squares, as scipy.linalg.lstsq.
Eigen::VectorXd least_squares(const Eigen::MatrixXd& A, const Eigen::VectorXd& b) {
  return Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>(A).solve(b);
}

// sklearn Ridge's cholesky solver: (X^T X + alpha I) w = X^T y, falling back
// to a minimum-norm solve when the system is singular (alpha 0, collinear X).
Eigen::VectorXd ridge_solve(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, double alpha) {
  Eigen::MatrixXd A = X.transpose() * X;
  A.diagonal().array() += alpha;
  const Eigen::VectorXd Xy = X.transpose() * y;
  Eigen::LLT<Eigen::MatrixXd> llt(A);
  if (llt.info() == Eigen::Success) {
    Eigen::VectorXd w = llt.solve(Xy);
    if (w.allFinite()) return w;
  }
  return least_squares(A, Xy);
}

LinearFit finish(const Centered& c, Eigen::VectorXd coef) {
  LinearFit f;
  f.intercept = c.y_mean - c.x_mean.dot(coef);
  f.coef = std::move(coef);
  return f;
}

LinearFit fit_enet(const Centered& c, double alpha, double l1_ratio, const SolverOptions& options,
                   const Eigen::VectorXd* warm_start) {
  const double n = static_cast<double>(c.X.rows());
  Eigen::VectorXd w0 = Eigen::VectorXd::Zero(c.X.cols());
  if (warm_start) {
    if (warm_start->size() != c.X.cols())
      throw InputError("warm start has " + std::to_string(warm_start->size()) + " coefficients, expected " +
                       std::to_string(c.X.cols()));
    w0 = *warm_start;
  }
  CoordinateDescentResult cd = enet_coordinate_descent(c.X, c.y, alpha * l1_ratio * n,
                                                       alpha * (1.0 - l1_ratio) * n, options.max_iter,
                                                       options.tol, std::move(w0));
  LinearFit f = finish(c, std::move(cd.w));
  f.n_iter = cd.n_iter;
  f.converged = cd.converged;
  f.dual_gap = cd.gap / n;  // sklearn's dual_gap_ is per sample
  return f;
}

}  // namespace

LinearModel make_model(std::string_view name, double alpha, double l1_ratio) {
  check_alpha(alpha);
  check_l1_ratio(l1_ratio);
  if (name == "ols") return Ols{};
  if (name == "ridge") return Ridge{alpha};
  if (name == "lasso") return Lasso{alpha};
  if (name == "elasticnet") return ElasticNet{alpha, l1_ratio};
  throw InputError("unknown model '" + std::string(name) + "' (use ols, ridge, lasso or elasticnet)");
}

std::string_view model_name(const LinearModel& model) {
  return std::visit(Overloaded{[](const Ols&) { return std::string_view("ols"); },
                               [](const Ridge&) { return std::string_view("ridge"); },
                               [](const Lasso&) { return std::string_view("lasso"); },
                               [](const ElasticNet&) { return std::string_view("elasticnet"); }},
                    model);
}

Eigen::VectorXd LinearFit::predict(const Eigen::MatrixXd& X) const {
  if (X.cols() != coef.size())
    throw InputError("model has " + std::to_string(coef.size()) + " coefficients but X has " +
                     std::to_string(X.cols()) + " columns");
  return (X * coef).array() + intercept;
}

LinearFit fit(const LinearModel& model, const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
              const SolverOptions& options, const Eigen::VectorXd* warm_start) {
  check_model(model);
  check_data(X, y);
  check_options(options);
  const Centered c = center(X, y);
  return std::visit(
      Overloaded{
          [&](const Ols&) { return finish(c, least_squares(c.X, c.y)); },
          [&](const Ridge& m) { return finish(c, ridge_solve(c.X, c.y, m.alpha)); },
          [&](const Lasso& m) { return fit_enet(c, m.alpha, 1.0, options, warm_start); },
          [&](const ElasticNet& m) { return fit_enet(c, m.alpha, m.l1_ratio, options, warm_start); }},
      model);
}

}  // namespace reglab
