// Hard-wrapped text: prose broken into lines of a fixed width (wire services, e-mail,
// plain-text archives such as Reuters-21578), where a line break is not a paragraph.
//
// Page text flattened from HTML puts one paragraph, heading or menu on each line, and
// its lines vary from a word to hundreds of characters; a wrapped text's lines end
// near one width. Telling them apart matters: split at every line, a wrapped
// sentence becomes fragments that neither the sentence aligner nor the chrome
// classifier can read.

#ifndef ECHOES_TEXT_HARD_WRAP_H_
#define ECHOES_TEXT_HARD_WRAP_H_

#include <string>
#include <string_view>

namespace echoes {

// True when most lines of `text` that continue into a next line end within a few
// characters of one width (at most 100): the mark of wrapping at a column. Needs four
// such lines at least.
bool LooksHardWrapped(std::string_view text);

// True when the line break at text[newline] only wraps a paragraph: the next line is
// neither empty nor indented (an indent or a blank line starts a paragraph).
bool IsWrapBreak(std::string_view text, size_t newline);

// `text` with its wrap breaks replaced by spaces, when it LooksHardWrapped; else
// unchanged. Offsets are preserved (one byte for one byte).
std::string UnwrapLines(std::string_view text);

}  // namespace echoes

#endif  // ECHOES_TEXT_HARD_WRAP_H_
