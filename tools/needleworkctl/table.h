// Aligned plain-text tables for terminals.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TABLE_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TABLE_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace needlework::ctl {

// Rows of cells printed in columns padded to the widest cell, two spaces apart; the last
// column is not padded, so no line ends in spaces. Cells come from the host and may hold
// anything: control characters (newlines, escape sequences) are shown as spaces.
class Table {
 public:
  // With a header row when `header` is not empty.
  explicit Table(std::vector<std::string> header = {});

  // Adds a row; a row shorter than the widest one is padded with empty cells.
  void AddRow(std::vector<std::string> cells);

  // Prints every row, each line starting with `indent`.
  void Print(std::ostream& out, std::string_view indent = "") const;

 private:
  std::vector<std::vector<std::string>> rows_;  // the header first, when there is one
};

// Columns `text` takes on a terminal: one per UTF-8 code point (wide characters count one).
size_t DisplayWidth(std::string_view text);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TABLE_H_
