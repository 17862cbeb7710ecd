// NameHint: each word of a class or id is looked up whole in one ShortWordTable, and
// its 4-byte windows in a small table of the parts' first four bytes, so a name costs
// a pass over its bytes rather than a search per listed word.

#include "clean/name_hints.h"

#include <array>
#include <cstring>
#include <iterator>

#include "util/short_word_table.h"

namespace echoes {
namespace {

// Name words that mark page furniture: whole words, or parts of longer ones. Not
// "widget" (page builders such as Elementor and HubSpot wrap every block in one) nor
// "hidden" (utility CSS hides things only at some screen sizes).
// Strong words name furniture whatever else the name says ("post-comments" is
// comments, not the post).
constexpr std::string_view kStrongFurnitureWords[] = {
    "advert",  "banner",     "cookie",      "cookies",    "footer",    "modal",   "popup",
    "promo",   "related",    "share",       "social",     "sidebar",   "sponsor", "comments",
    "comment", "breadcrumb", "breadcrumbs", "newsletter", "subscribe", "signup",  "login"};
constexpr std::string_view kStrongFurnitureParts[] = {
    "advert", "breadcrumb", "comment",   "cookie",    "footer",   "newsletter", "sidebar",
    "share",  "social",     "sponsor",   "subscribe", "related",  "recommend",  "promo",
    "popup",  "signup",     "authorbio", "authorbox", "outbrain", "taboola"};
// Weak words name furniture only where no content word stands beside them
// ("content-nav-section" is content).
constexpr std::string_view kWeakFurnitureWords[] = {
    "ad",          "ads",     "bio",     "foot",     "menu",       "meta",
    "nav",         "tags",    "toolbar", "masthead", "pagination", "trending",
    "recommended", "popular", "skip",    "search",   "byline",     "author"};
constexpr std::string_view kWeakFurnitureParts[] = {"navigation", "navbar"};
constexpr std::string_view kContentWords[] = {"article", "content", "entry", "post", "story",
                                              "body",    "text",    "main",  "blog"};
constexpr std::string_view kContentParts[] = {"articlebody",  "articlecontent", "postcontent",
                                              "entrycontent", "storybody",      "maincontent"};
// The shortest entry of the parts lists: words this short are looked up whole only
// (a part inside them would be all of them).
constexpr size_t kShortestPart = 5;
// Longer words are noise (hashes, encoded state) and say nothing.
constexpr size_t kMaxNameWord = 48;

enum NameFlag : uint8_t { kStrong = 1, kWeak = 2, kContent = 4 };

// Each bucket of NameVocabulary marks its parts in one 32-bit mask.
static_assert(std::size(kStrongFurnitureParts) + std::size(kWeakFurnitureParts) +
                  std::size(kContentParts) <= 32,
              "more listed parts than a bucket mask has bits");

class NameVocabulary {
 public:
  NameVocabulary() {
    words_.AddAll(kStrongFurnitureWords, kStrong);
    words_.AddAll(kWeakFurnitureWords, kWeak);
    words_.AddAll(kContentWords, kContent);
    AddParts(kStrongFurnitureParts, kStrong);
    AddParts(kWeakFurnitureParts, kWeak);
    AddParts(kContentParts, kContent);
  }

  // Flags of a lower-cased word held in a buffer of kMaxNameWord bytes.
  uint8_t FlagsOf(const char* word, size_t size) const {
    uint8_t flags = words_.FlagsOf(word, size);
    if (size <= kShortestPart) return flags;
    for (size_t i = 0; i + kShortestPart <= size; ++i) {
      uint32_t key;
      std::memcpy(&key, word + i, 4);
      for (uint32_t candidates = buckets_[Bucket(key)]; candidates != 0;
           candidates &= candidates - 1) {
        const Part& part = parts_[static_cast<size_t>(__builtin_ctz(candidates))];
        if (part.text.size() <= size - i &&
            std::memcmp(word + i, part.text.data(), part.text.size()) == 0) {
          flags |= part.flag;
        }
      }
    }
    return flags;
  }

 private:
  struct Part {
    std::string_view text;
    uint8_t flag;
  };
  static size_t Bucket(uint32_t first_four) { return (first_four * 0x9E3779B1u) >> 26; }

  template <size_t N>
  void AddParts(const std::string_view (&parts)[N], uint8_t flag) {
    for (std::string_view p : parts) {
      uint32_t key;
      std::memcpy(&key, p.data(), 4);
      buckets_[Bucket(key)] |= 1u << parts_size_;
      parts_[parts_size_++] = {p, flag};
    }
  }

  ShortWordTable words_{256};
  // Bit k of a bucket: part k's first four bytes hash there.
  std::array<uint32_t, 64> buckets_{};
  std::array<Part, 32> parts_{};
  size_t parts_size_ = 0;
};

const NameVocabulary& Vocabulary() {
  static const NameVocabulary vocabulary;
  return vocabulary;
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

}  // namespace

int NameHint(std::string_view value) {
  const NameVocabulary& vocabulary = Vocabulary();
  uint8_t flags = 0;
  char word[kMaxNameWord] = {};
  size_t size = 0;
  auto flush = [&] {
    if (size > 0 && size <= kMaxNameWord) flags |= vocabulary.FlagsOf(word, size);
    size = 0;
  };
  for (char c : value) {
    if (IsAlnum(c)) {
      if (size < kMaxNameWord) word[size] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      ++size;
    } else {
      flush();
    }
  }
  flush();
  if (flags & kStrong) return -2;
  if (flags & kWeak) return (flags & kContent) ? 0 : -1;
  return (flags & kContent) ? 1 : 0;
}

}  // namespace echoes
