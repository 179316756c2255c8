// STUB: replaced by the CLI.
#include <iostream>
#include <iterator>
#include "winnow.h"
int main() {
  std::string in((std::istreambuf_iterator<char>(std::cin)), {});
  winnow::Extractor ex;
  std::cout << winnow::render_text(ex.extract(in), false);
}
