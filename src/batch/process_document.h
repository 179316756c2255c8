// What a worker does with one document: read it, extract it with its
// group's Extractor, render it for the chosen output (a file of the mirrored
// tree, or a JSON line) — and, in --learn-repeats' first pass, only collect
// its block keys. Runs on worker threads; everything here is thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "batch/doc_job.h"
#include "batch/group_extractors.h"
#include "batch/jsonl.h"
#include "batch/output_tree.h"

namespace winnow::batch {

struct DocumentSettings {
  std::string format = "text";  // text, json (tree mode) or jsonl
  bool explain = false;
  bool with_title = false;
  bool resume = false;
  std::size_t max_bytes = std::size_t{64} << 20;
  RecordFields fields;
  OutputTree* tree = nullptr;  // tree mode only
};

DocOutcome process_document(const DocJob& job, const DocumentSettings& settings, GroupExtractors& extractors);
// Writes a tree-mode output prepared by process_document.
void commit_document(DocOutcome& outcome, OutputTree& tree);
// The learning pass: the outcome carries learning_keys() and the group.
DocOutcome learn_from_document(const DocJob& job, const DocumentSettings& settings, GroupExtractors& extractors);

}  // namespace winnow::batch
