// UTF-8 validation and repair.

#ifndef ECHOES_TEXT_UTF8_H_
#define ECHOES_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace echoes {

// Returns the length of the valid UTF-8 sequence starting at s[0], or 0 if the bytes
// there are not one (overlong forms, surrogates and code points past U+10FFFF are invalid).
size_t ValidUtf8SequenceLength(std::string_view s);

// True if all of `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// Replaces *out with `s` where every byte that does not belong to a valid sequence
// became U+FFFD, and returns how many bytes were replaced.
size_t RepairUtf8(std::string_view s, std::string* out);

}  // namespace echoes

#endif  // ECHOES_TEXT_UTF8_H_
