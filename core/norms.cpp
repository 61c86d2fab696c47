#include "core/norms.hpp"

#include <Eigen/SVD>
#include <cmath>
#include <limits>
#include <string>

#include "core/errors.hpp"
#include "core/number_text.hpp"

namespace reglab {

namespace {
constexpr double kPi = 3.14159265358979323846;

void check_p(double p) {
  if (!(p >= 1))
    throw InputError("p must be >= 1 or inf (got " + format_number(p) + "); below 1 it is not a norm");
}
}  // namespace

double vector_norm(const Eigen::VectorXd& x, double p) {
  check_p(p);
  if (x.size() == 0) return 0.0;
  if (!x.allFinite()) throw InputError("vector contains NaN or infinite values");
  const double m = x.cwiseAbs().maxCoeff();
  if (std::isinf(p) || m == 0.0) return m;
  if (p == 1.0) return x.cwiseAbs().sum();
  if (p == 2.0 && m < 1e150 && m > 1e-150) return std::sqrt(x.squaredNorm());  // numpy: sqrt(x . x)
  // numpy's plain formula, (sum |x|^p)^(1/p), when m^p neither overflows nor
  // underflows; otherwise the same with every entry divided by the largest.
  const double top = std::pow(m, p);
  if (std::isfinite(top) && top >= 1e-290 && top * static_cast<double>(x.size()) < 1e300)
    return std::pow(x.cwiseAbs().array().pow(p).sum(), 1.0 / p);
  return m * std::pow((x.cwiseAbs().array() / m).pow(p).sum(), 1.0 / p);
}

MatrixNorm parse_matrix_norm(std::string_view ord) {
  if (ord == "1") return MatrixNorm::One;
  if (ord == "inf") return MatrixNorm::Inf;
  if (ord == "fro") return MatrixNorm::Frobenius;
  if (ord == "2") return MatrixNorm::Spectral;
  if (ord == "nuc") return MatrixNorm::Nuclear;
  throw InputError("unknown matrix norm '" + std::string(ord) + "' (use 1, inf, fro, 2 or nuc)");
}

double matrix_norm(const Eigen::MatrixXd& A, MatrixNorm ord) {
  if (A.size() == 0) return 0.0;
  if (!A.allFinite()) throw InputError("matrix contains NaN or infinite values");
  switch (ord) {
    case MatrixNorm::One: return A.cwiseAbs().colwise().sum().maxCoeff();  // max column sum
    case MatrixNorm::Inf: return A.cwiseAbs().rowwise().sum().maxCoeff();  // max row sum
    case MatrixNorm::Frobenius: return A.norm();
    case MatrixNorm::Spectral: return Eigen::JacobiSVD<Eigen::MatrixXd>(A).singularValues()(0);
    case MatrixNorm::Nuclear: return Eigen::JacobiSVD<Eigen::MatrixXd>(A).singularValues().sum();
  }
  return 0.0;
}

std::vector<Point2> unit_ball(double p, int n_points) {
  check_p(p);
  if (n_points < 3) throw InputError("a unit-ball outline needs at least 3 points");
  // Directions around the circle, each scaled to p-norm 1. With 8 or more
  // segments every multiple of 45 degrees is a point, so the corners of the
  // L1 diamond (axes) and the L-inf square (diagonals) are drawn sharp.
  const int segments = n_points - 1;
  std::vector<Point2> out;
  out.reserve(static_cast<std::size_t>(n_points));
  auto push = [&](double c, double s) {
    const double r = vector_norm(Eigen::Vector2d(c, s), p);
    out.push_back({c / r, s / r});
  };
  const double exact[8][2] = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
  if (segments >= 8) {
    for (int octant = 0; octant < 8; ++octant) {
      const int count = segments / 8 + (octant < segments % 8 ? 1 : 0);  // segments in this octant
      push(exact[octant][0], exact[octant][1]);
      for (int i = 1; i < count; ++i) {
        const double t = (octant + static_cast<double>(i) / count) * kPi / 4;
        push(std::cos(t), std::sin(t));
      }
    }
  } else {
    for (int i = 0; i < segments; ++i) {
      const double t = 2 * kPi * i / segments;
      push(std::cos(t), std::sin(t));
    }
  }
  out.push_back(out.front());
  return out;
}

Eigen::VectorXd parse_vector(std::string_view text) {
  std::vector<double> values;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string_view item = trim_blanks(text.substr(start, comma == std::string_view::npos ? text.npos : comma - start));
    const auto value = parse_number(item);
    if (!value)
      throw InputError("value " + std::to_string(values.size() + 1) + " of '" + std::string(text) + "': " +
                       (item.empty() ? std::string("empty") : "'" + std::string(item) + "' is not a finite number"));
    values.push_back(*value);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

Eigen::MatrixXd parse_matrix(std::string_view text) {
  std::vector<Eigen::VectorXd> rows;
  std::size_t start = 0;
  for (;;) {
    const std::size_t semi = text.find(';', start);
    const std::string_view row = text.substr(start, semi == std::string_view::npos ? text.npos : semi - start);
    try {
      rows.push_back(parse_vector(row));
    } catch (const InputError& e) {
      throw InputError("matrix row " + std::to_string(rows.size() + 1) + ": " + e.what());
    }
    if (rows.back().size() != rows.front().size())
      throw InputError("matrix row " + std::to_string(rows.size()) + " has " + std::to_string(rows.back().size()) +
                       " values but row 1 has " + std::to_string(rows.front().size()));
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  Eigen::MatrixXd A(static_cast<Eigen::Index>(rows.size()), rows.front().size());
  for (std::size_t i = 0; i < rows.size(); ++i) A.row(static_cast<Eigen::Index>(i)) = rows[i].transpose();
  return A;
}

}  // namespace reglab
