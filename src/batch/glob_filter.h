// Which entries of IN_DIR a batch reads: --include and --exclude globs.
//
// A pattern without '/' is matched against the entry's name, one with '/'
// against its path relative to IN_DIR (there '*' also crosses '/'); the
// syntax is fnmatch(3)'s. A file is read when it matches an include
// pattern — or, for a name ending in ".gz", when the name without ".gz"
// does — and no exclude pattern. Without --include, the default set is
// *.html *.htm *.xhtml *.txt *.md *.markdown (any case) and names with no extension.
// --exclude also applies to folders: an excluded folder is not entered.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow::batch {

class GlobFilter {
 public:
  GlobFilter(std::vector<std::string> include, std::vector<std::string> exclude);

  // A regular file (or a link to one) at `relative_path`.
  bool reads_file(std::string_view relative_path) const;
  // A file or folder at `relative_path` matching an --exclude pattern.
  bool excludes(std::string_view relative_path) const;

 private:
  bool matches_include(std::string_view relative_path) const;

  std::vector<std::string> include_;
  std::vector<std::string> exclude_;
};

// "a/b/c.html" -> "c.html".
std::string_view base_name(std::string_view relative_path);

// True when `name` has no extension: no '.' after its first character.
bool has_no_extension(std::string_view name);

// `name` without a final ".gz" (any case), when something is left.
std::string_view without_gz_suffix(std::string_view name);

}  // namespace winnow::batch
