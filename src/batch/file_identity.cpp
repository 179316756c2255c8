#include "batch/file_identity.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

namespace winnow::batch {

std::optional<FileId> file_id_of(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileId{info.st_dev, info.st_ino};
}

std::optional<std::string> real_path(const std::string& path) {
  char* resolved = realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return std::nullopt;
  std::string result = resolved;
  std::free(resolved);
  return result;
}

namespace {

std::string absolute_of(const std::string& path) {
  if (!path.empty() && path.front() == '/') return path;
  std::vector<char> buffer(4096);
  while (getcwd(buffer.data(), buffer.size()) == nullptr) buffer.resize(buffer.size() * 2);
  return std::string(buffer.data()) + "/" + path;
}

void append_component(std::string& path, const std::string& component) {
  if (component.empty() || component == ".") return;
  if (component == "..") {
    std::size_t slash = path.rfind('/');
    path.erase(slash == 0 || slash == std::string::npos ? 1 : slash);
    return;
  }
  if (path.back() != '/') path += '/';
  path += component;
}

}  // namespace

std::string prospective_real_path(const std::string& path) {
  std::string existing = absolute_of(path);
  std::vector<std::string> missing;  // components below the deepest existing ancestor, reversed
  std::optional<std::string> resolved;
  while (!(resolved = real_path(existing))) {
    std::size_t slash = existing.rfind('/');
    if (slash == std::string::npos || existing == "/") return absolute_of(path);
    missing.push_back(existing.substr(slash + 1));
    existing = slash == 0 ? "/" : existing.substr(0, slash);
  }
  std::string result = *resolved;
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) append_component(result, *it);
  return result;
}

bool is_within(const std::string& path, const std::string& folder) {
  if (folder == "/") return true;
  return path == folder || (path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
                            path[folder.size()] == '/');
}

}  // namespace winnow::batch
