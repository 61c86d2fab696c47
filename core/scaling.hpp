#pragma once
// Column scalers fitted on training rows and applied to any rows.
#include <Eigen/Core>
#include <string_view>

namespace reglab {

enum class Scaling { None, MinMax, ZScore };
Scaling parse_scaling(std::string_view name);  // "none" | "minmax" | "zscore"

struct Scaler {
  Eigen::RowVectorXd offset;  // (features) subtracted first
  Eigen::RowVectorXd scale;   // (features) then divided by
  Eigen::MatrixXd apply(const Eigen::MatrixXd& X) const;
};

// MinMax: (x - min) / (max - min); ZScore: (x - mean) / std with ddof = 0.
// A constant column keeps scale 1, as scikit-learn does.
Scaler fit_scaler(Scaling kind, const Eigen::MatrixXd& X);

}  // namespace reglab
