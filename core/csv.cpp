#include "core/csv.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "core/errors.hpp"
#include "core/number_text.hpp"

namespace reglab {

namespace {

struct Record {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// 'text' for messages; control characters (binary data) as \xNN so the
// message stays printable.
std::string quoted(std::string_view s) {
  constexpr char digits[] = "0123456789abcdef";
  std::string out = "'";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      out += "\\x";
      out += digits[u >> 4];
      out += digits[u & 0xf];
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string where(int line, std::size_t field) {
  return "line " + std::to_string(line) + ", column " + std::to_string(field + 1);
}

// Splits the text into records; the only job here is RFC 4180 tokenising.
std::vector<Record> tokenize(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  std::vector<Record> records;
  Record record;
  std::string field;
  int line = 1;
  bool record_open = false;  // saw any character of the current record
  const std::size_t n = text.size();
  std::size_t i = 0;

  auto end_record = [&] {
    if (record_open) {
      record.fields.push_back(std::move(field));
      records.push_back(std::move(record));
    }
    record = Record{};
    field.clear();
    record_open = false;
  };
  auto end_of_line = [&](std::size_t k) {  // CRLF, LF or a lone CR; returns its length
    if (text[k] == '\n') return std::size_t{1};
    if (text[k] == '\r') return (k + 1 < n && text[k + 1] == '\n') ? std::size_t{2} : std::size_t{1};
    return std::size_t{0};
  };

  while (i < n) {
    if (!record_open) record.line = line;
    const char c = text[i];
    if (const std::size_t eol = end_of_line(i)) {
      end_record();
      i += eol;
      ++line;
      continue;
    }
    record_open = true;
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      ++i;
    } else if (c == '"' && field.empty()) {
      const int open_line = line;
      const std::size_t open_field = record.fields.size();
      ++i;
      for (;;) {
        if (i >= n)
          throw InputError(where(open_line, open_field) + ": quoted field is never closed");
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {  // "" is an escaped quote
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n' || (text[i] == '\r' && !(i + 1 < n && text[i + 1] == '\n'))) ++line;
        field += text[i++];
      }
      if (i < n && text[i] != ',' && !end_of_line(i))
        throw InputError(where(line, open_field) + ": unexpected " + quoted(text.substr(i, 1)) +
                         " after a closing quote (quote the whole field)");
    } else {
      field += c;  // a quote inside an unquoted field is kept as text
      ++i;
    }
  }
  end_record();
  return records;
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + quoted(c);
  return out;
}

}  // namespace

int Table::column_index(std::string_view name) const {
  for (std::size_t j = 0; j < columns.size(); ++j)
    if (columns[j] == name) return static_cast<int>(j);
  throw InputError("unknown column " + quoted(name) + " (columns: " + column_list(columns) + ")");
}

Table parse_csv(std::string_view text) {
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n');
    throw InputError("line " + std::to_string(line) +
                     ": a NUL byte: this is a binary or UTF-16 file, not UTF-8 CSV text");
  }
  std::vector<Record> records = tokenize(text);
  if (records.empty()) throw InputError("CSV input is empty");
  Table table;
  table.columns = std::move(records.front().fields);
  for (std::size_t j = 0; j < table.columns.size(); ++j)
    for (std::size_t k = 0; k < j; ++k)
      if (table.columns[j] == table.columns[k])
        throw InputError("CSV header: column name " + quoted(table.columns[j]) + " appears twice (columns " +
                         std::to_string(k + 1) + " and " + std::to_string(j + 1) + ")");
  if (records.size() == 1) throw InputError("CSV has a header row but no data rows");
  const std::size_t width = table.columns.size();
  for (std::size_t r = 1; r < records.size(); ++r) {
    Record& rec = records[r];
    if (rec.fields.size() != width)
      throw InputError("line " + std::to_string(rec.line) + ": " + std::to_string(rec.fields.size()) +
                       " fields, but the header has " + std::to_string(width));
    table.lines.push_back(rec.line);
    table.rows.push_back(std::move(rec.fields));
  }
  return table;
}

Table filter_rows(const Table& table, std::string_view column, std::string_view value) {
  const int j = table.column_index(column);
  Table out;
  out.columns = table.columns;
  std::set<std::string> seen;
  for (int i = 0; i < table.n_rows(); ++i) {
    if (table.rows[i][j] == value) {
      out.rows.push_back(table.rows[i]);
      out.lines.push_back(i < static_cast<int>(table.lines.size()) ? table.lines[i] : 0);
    } else if (seen.size() < 10) {
      seen.insert(table.rows[i][j]);
    }
  }
  if (out.rows.empty()) {
    std::string values;
    for (const auto& v : seen) values += (values.empty() ? "" : ", ") + quoted(v);
    throw InputError("no rows where " + quoted(column) + " = " + quoted(value) +
                     (values.empty() ? std::string() : " (values seen include " + values + ")"));
  }
  return out;
}

Table filter_rows(const Table& table, std::string_view where) {
  const auto eq = where.find('=');
  if (eq == std::string_view::npos || eq == 0)
    throw InputError("row filter " + quoted(where) + " should look like COLUMN=VALUE");
  return filter_rows(table, where.substr(0, eq), where.substr(eq + 1));
}

std::vector<std::string> numeric_columns(const Table& table) {
  std::vector<std::string> names;
  for (std::size_t j = 0; j < table.columns.size(); ++j) {
    bool numeric = table.n_rows() > 0;
    for (const auto& row : table.rows)
      if (!(numeric = parse_number(trim_blanks(row[j])).has_value())) break;
    if (numeric) names.push_back(table.columns[j]);
  }
  return names;
}

Eigen::MatrixXd numeric_matrix(const Table& table, const std::vector<std::string>& names) {
  Eigen::MatrixXd X(table.n_rows(), static_cast<Eigen::Index>(names.size()));
  for (std::size_t k = 0; k < names.size(); ++k) {
    const int j = table.column_index(names[k]);
    for (int i = 0; i < table.n_rows(); ++i) {
      const std::string& cell = table.rows[i][j];
      const auto value = parse_number(trim_blanks(cell));
      if (!value) {
        const int line = i < static_cast<int>(table.lines.size()) ? table.lines[i] : i + 2;
        throw InputError(where(line, j) + " (" + quoted(names[k]) + "): " +
                         (trim_blanks(cell).empty() ? std::string("empty cell") : quoted(cell)) +
                         " is not a number");
      }
      X(i, static_cast<Eigen::Index>(k)) = *value;
    }
  }
  return X;
}

Eigen::VectorXd numeric_vector(const Table& table, std::string_view name) {
  return numeric_matrix(table, {std::string(name)}).col(0);
}

}  // namespace reglab
