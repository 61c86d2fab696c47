// Vector and matrix norms, unit-ball outlines, and the text parsers.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/errors.hpp"
#include "core/norms.hpp"

using namespace reglab;
using Catch::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
const double kInf = std::numeric_limits<double>::infinity();
}

TEST_CASE("T7: the 5-norm of [1, 10, 1, 1, 1]", "[norms][golden]") {
  // Post: 10.00008 (10.000079998720032) = (1 + 10^5 + 1 + 1 + 1)^(1/5), numpy.linalg.norm(x, 5).
  const double n = vector_norm(parse_vector("1,10,1,1,1"), 5);
  CHECK_THAT(n, WithinRel(10.000079998720032, 1e-15));
}

TEST_CASE("T8: matrix norms of [[1,2,3],[1,2,3],[4,6,8]]", "[norms][golden]") {
  const Eigen::MatrixXd A = parse_matrix("1,2,3;1,2,3;4,6,8");
  // Post: inf-norm 18 (row 4+6+8), 1-norm 14 (column 3+3+8); numpy:
  // 2-norm 11.986070726834365, Frobenius 12 (sqrt(144)), nuclear 12.564091947313623.
  CHECK(matrix_norm(A, MatrixNorm::Inf) == 18);
  CHECK(matrix_norm(A, MatrixNorm::One) == 14);
  CHECK_THAT(matrix_norm(A, MatrixNorm::Spectral), WithinRel(11.986070726834365, 1e-13));
  CHECK_THAT(matrix_norm(A, MatrixNorm::Frobenius), WithinRel(12.0, 1e-15));
  CHECK_THAT(matrix_norm(A, MatrixNorm::Nuclear), WithinRel(12.564091947313623, 1e-13));
}

TEST_CASE("T9: equal L1 norms, different L2 norms", "[norms][golden]") {
  // [1,1,1,1,1] and [5,0,0,0,0]: L1 5 and 5, L2 sqrt(5) and 5.
  const Eigen::VectorXd a = parse_vector("1,1,1,1,1"), b = parse_vector("5,0,0,0,0");
  CHECK(vector_norm(a, 1) == 5);
  CHECK(vector_norm(b, 1) == 5);
  CHECK(vector_norm(a, 2) == std::sqrt(5.0));
  CHECK(vector_norm(b, 2) == 5);
}

TEST_CASE("vector norms on hand-computed cases", "[norms]") {
  const Eigen::Vector2d v(3, -4);
  CHECK(vector_norm(v, 1) == 7);
  CHECK(vector_norm(v, 2) == 5);
  CHECK(vector_norm(v, kInf) == 4);
  CHECK_THAT(vector_norm(v, 3), WithinRel(std::cbrt(91.0), 1e-15));  // 27 + 64
  CHECK(vector_norm(Eigen::Vector3d::Zero(), 3) == 0);
  CHECK(vector_norm(Eigen::VectorXd(0), 2) == 0);
  // Large p neither overflows nor underflows: it approaches the max norm.
  CHECK_THAT(vector_norm(Eigen::Vector2d(1e200, 1e200), 2), WithinRel(std::sqrt(2.0) * 1e200, 1e-15));
  CHECK_THAT(vector_norm(Eigen::Vector2d(1e-200, 1e-200), 2), WithinRel(std::sqrt(2.0) * 1e-200, 1e-15));
  CHECK_THAT(vector_norm(v, 1000), WithinRel(4.0, 1e-12));
  CHECK_THAT(vector_norm(Eigen::Vector2d(10, 10), 1e6), WithinRel(10 * std::pow(2.0, 1e-6), 1e-14));
  CHECK_THAT(vector_norm(Eigen::Vector2d(1e300, 1), 7), WithinRel(1e300, 1e-15));
  CHECK_THROWS_WITH(vector_norm(v, 0.5), Contains("p must be >= 1"));
  CHECK_THROWS_AS(vector_norm(v, std::nan("")), InputError);
}

TEST_CASE("matrix norms: identity, a rank-one matrix, parse_matrix_norm", "[norms]") {
  const Eigen::Matrix3d I = Eigen::Matrix3d::Identity();
  CHECK(matrix_norm(I, MatrixNorm::Spectral) == 1);
  CHECK(matrix_norm(I, MatrixNorm::Nuclear) == 3);
  CHECK_THAT(matrix_norm(I, MatrixNorm::Frobenius), WithinRel(std::sqrt(3.0), 1e-15));
  // u v^T has one singular value |u| |v|: 2-norm = nuclear = Frobenius.
  const Eigen::MatrixXd R = Eigen::Vector2d(3, 4) * Eigen::RowVector3d(1, 2, 2);  // 5 * 3
  CHECK_THAT(matrix_norm(R, MatrixNorm::Spectral), WithinRel(15.0, 1e-14));
  CHECK_THAT(matrix_norm(R, MatrixNorm::Nuclear), WithinRel(15.0, 1e-14));
  CHECK(parse_matrix_norm("1") == MatrixNorm::One);
  CHECK(parse_matrix_norm("inf") == MatrixNorm::Inf);
  CHECK(parse_matrix_norm("fro") == MatrixNorm::Frobenius);
  CHECK(parse_matrix_norm("2") == MatrixNorm::Spectral);
  CHECK(parse_matrix_norm("nuc") == MatrixNorm::Nuclear);
  CHECK_THROWS_WITH(parse_matrix_norm("3"), Contains("use 1, inf, fro, 2 or nuc"));
}

TEST_CASE("unit-ball outlines have norm 1 and sharp corners", "[norms][unit_ball]") {
  for (double p : {1.0, 1.5, 2.0, 3.0, 10.0, 100.0, kInf}) {
    INFO("p = " << p);
    const auto pts = unit_ball(p, 101);
    REQUIRE(pts.size() == 101);
    CHECK(pts.front().x == pts.back().x);
    CHECK(pts.front().y == pts.back().y);
    for (const Point2& q : pts) CHECK_THAT(vector_norm(Eigen::Vector2d(q.x, q.y), p), WithinRel(1.0, 1e-12));
  }
  // The diamond's corners lie exactly on the axes; the square's at (+-1, +-1).
  const auto diamond = unit_ball(1, 9);
  CHECK((diamond[2].x == 0 && diamond[2].y == 1));
  const auto square = unit_ball(kInf, 9);
  CHECK((square[1].x == 1 && square[1].y == 1));
  CHECK(unit_ball(2, 5).size() == 5);  // fewer than 8 segments: evenly spaced
  CHECK_THROWS_AS(unit_ball(2, 2), InputError);
  CHECK_THROWS_AS(unit_ball(0.5, 50), InputError);
}

TEST_CASE("parse_vector and parse_matrix", "[norms][parse]") {
  CHECK(parse_vector("1, -2.5 ,3e1") == Eigen::Vector3d(1, -2.5, 30));
  CHECK(parse_vector("7").size() == 1);
  CHECK_THROWS_WITH(parse_vector("1,,2"), Contains("value 2") && Contains("empty"));
  CHECK_THROWS_WITH(parse_vector("1,x"), Contains("'x' is not a finite number"));
  CHECK_THROWS_WITH(parse_vector("1,inf"), Contains("'inf'"));
  CHECK_THROWS_AS(parse_vector(""), InputError);
  const Eigen::MatrixXd A = parse_matrix("1,2;3,4");
  CHECK(A == (Eigen::Matrix2d() << 1, 2, 3, 4).finished());
  CHECK_THROWS_WITH(parse_matrix("1,2;3"), Contains("row 2 has 1 values but row 1 has 2"));
  CHECK_THROWS_WITH(parse_matrix("1,2;3,a"), Contains("matrix row 2") && Contains("'a'"));
  CHECK_THROWS_AS(parse_matrix("1,2;"), InputError);
}
