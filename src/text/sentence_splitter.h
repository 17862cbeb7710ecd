// SplitSentences: news text into sentences, surviving abbreviations (U.S., Mr., Oct.),
// initials, decimal numbers, quotations and headlines.

#ifndef ECHOES_TEXT_SENTENCE_SPLITTER_H_
#define ECHOES_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace echoes {

struct SentenceSpan {
  size_t begin = 0;  // byte offsets into the text, trimmed of spaces
  size_t end = 0;
};

// A sentence ends at '.', '!' or '?' (with any closing quotes and brackets after it)
// followed by a space and something that can start a sentence (a capital, a digit, an
// opening quote), unless the word before the period is an abbreviation ("Mr.",
// "Oct.", "U.S.", a single capital initial) followed by a capitalised word or a number;
// and always at
// a line break (paragraphs, headlines, list items).
std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace echoes

#endif  // ECHOES_TEXT_SENTENCE_SPLITTER_H_
