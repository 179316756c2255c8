// The extraction pipeline behind Extractor::extract, open to the speed bench
// (bench/speed.cpp), which times its stages with a StageClock.
#pragma once

#include <string_view>

#include "lexicon.h"
#include "stage_clock.h"
#include "winnow.h"

namespace winnow::internal {

// decode -> sniff -> segment -> features -> classify, as Extractor::extract.
// Without cut_invisible the HTML pre-scan only caps the nesting (for tests).
Result run_pipeline(const Options& options, const Lexicon& lexicon, std::string_view bytes,
                    StageClock& clock, bool cut_invisible = true);

}  // namespace winnow::internal
