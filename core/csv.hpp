#pragma once
// CSV parsing (RFC 4180): header row, quoted fields, CRLF, UTF-8 BOM.
#include <Eigen/Core>
#include <string>
#include <string_view>
#include <vector>

namespace reglab {

struct Table {
  std::vector<std::string> columns;             // header names
  std::vector<std::vector<std::string>> rows;   // rows[i][j]: cell of column j
  std::vector<int> lines;                       // lines[i]: 1-based line where rows[i] starts
  int n_rows() const { return static_cast<int>(rows.size()); }
  int column_index(std::string_view name) const;  // throws InputError if unknown
};

// Throws InputError (with line/column) on empty input, a header without data,
// duplicate column names, ragged rows and bad quoting. Blank lines are skipped.
Table parse_csv(std::string_view text);

// Rows whose `column` equals `value` exactly ("species=virginica"); throws
// InputError when the column is unknown or no row matches.
Table filter_rows(const Table& table, std::string_view column, std::string_view value);
// Parses "COL=VALUE" (split at the first '=') and applies filter_rows;
// throws InputError on bad syntax.
Table filter_rows(const Table& table, std::string_view where);

// Names of columns whose every cell parses as a number.
std::vector<std::string> numeric_columns(const Table& table);

// Columns as a (rows, names.size()) matrix; throws InputError naming the
// line and column of the first value that is not a number. Cells are numbers
// as parse_number reads them, after trimming spaces and tabs.
Eigen::MatrixXd numeric_matrix(const Table& table, const std::vector<std::string>& names);
Eigen::VectorXd numeric_vector(const Table& table, std::string_view name);

}  // namespace reglab
