#pragma once
// Vector p-norms, matrix norms as numpy.linalg.norm, unit-ball outlines.
#include <Eigen/Core>
#include <string_view>
#include <vector>

namespace reglab {

// p >= 1 or +infinity; computed with scaling so large p does not overflow.
double vector_norm(const Eigen::VectorXd& x, double p);

enum class MatrixNorm { One, Inf, Frobenius, Spectral, Nuclear };
MatrixNorm parse_matrix_norm(std::string_view ord);  // "1" | "inf" | "fro" | "2" | "nuc"
double matrix_norm(const Eigen::MatrixXd& A, MatrixNorm ord);

struct Point2 { double x, y; };
// Outline of {v : ||v||_p = 1}, n_points >= 3 around the circle, closed
// (last = first): directions scaled to norm 1. With n_points >= 9 every
// multiple of 45 degrees is included, so L1 and L-inf corners are exact.
std::vector<Point2> unit_ball(double p, int n_points);

// "1,10,1" -> vector; "1,2;3,4" -> matrix (spaces around values allowed).
// Throws InputError on bad text, non-finite values or ragged rows.
Eigen::VectorXd parse_vector(std::string_view text);
Eigen::MatrixXd parse_matrix(std::string_view text);

}  // namespace reglab
