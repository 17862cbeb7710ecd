// Line features. Word lists are looked up in one ShortWordTable built once, so a
// feature vector costs a pass over the line's bytes.

#include "clean/line_features.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <xxhash.h>

#include "util/short_word_table.h"

namespace echoes {
namespace {

// Words of running prose: English function words. Their share separates sentences
// from labels, menus and headlines better than length does.
constexpr std::string_view kFunctionWords[] = {
    "the",   "a",     "an",    "of",     "to",   "in",    "and",   "or",   "but",   "is",
    "are",   "was",   "were",  "be",     "been", "that",  "this",  "it",   "its",   "for",
    "with",  "as",    "on",    "at",     "by",   "from",  "has",   "have", "had",   "not",
    "which", "who",   "will",  "would",  "can",  "could", "their", "they", "he",    "she",
    "his",   "her",   "we",    "our",    "you",  "your",  "i",     "if",   "than",  "then",
    "so",    "there", "these", "those",  "what", "when",  "how",   "into", "about", "more",
    "also",  "such",  "may",   "should", "do",   "does",  "did",   "one",  "all",   "some"};

// Words of page furniture: sharing, accounts, legal lines, navigation, counters.
constexpr std::string_view kChromeWords[] = {
    "share",       "shares",      "tweet",      "facebook",
    "twitter",     "linkedin",    "pinterest",  "whatsapp",
    "email",       "print",       "subscribe",  "subscribed",
    "newsletter",  "newsletters", "signup",     "sign",
    "login",       "log",         "register",   "cookie",
    "cookies",     "privacy",     "policy",     "terms",
    "copyright",   "reserved",    "rights",     "advertisement",
    "advertising", "sponsored",   "ad",         "ads",
    "related",     "recommended", "trending",   "popular",
    "read",        "min",         "views",      "comments",
    "comment",     "reply",       "replies",    "likes",
    "follow",      "followers",   "menu",       "home",
    "search",      "skip",        "navigation", "tags",
    "tagged",      "category",    "categories", "posted",
    "updated",     "published",   "photo",      "image",
    "credit",      "getty",       "download",   "app",
    "click",       "contact",     "careers",    "accessibility",
    "sitemap",     "next",        "previous",   "prev",
    "loading",     "close",       "toggle",     "cart",
    "shop",        "login",       "account",    "join",
    "unsubscribe", "reuters",     "ap",         "afp",
    "courtesy",    "caption",     "video",      "watch",
    "listen",      "podcast",     "ranking",    "recommendation",
    "trending",    "featured",    "breaking",   "live"};

// Words of calls to action, offers and disclosures ("Get a free quote", "Check price
// at Amazon", "We may earn commission"): a service blurb inside an article reads
// like prose but is made of these.
constexpr std::string_view kPromotionWords[] = {
    "get",        "free",         "now",        "today",       "book",       "call",
    "consultation", "quote",      "demo",       "trial",       "offer",      "deal",
    "deals",      "price",        "prices",     "pricing",     "buy",        "order",
    "amazon",     "discount",     "code",       "save",        "off",        "started",
    "start",      "try",          "request",    "learn",       "discover",   "explore",
    "unlock",     "exclusive",    "expert",     "experts",     "talk",       "schedule",
    "access",     "member",       "members",    "membership",  "plans",      "sale",
    "checkout",   "compare",      "upgrade",    "premium",     "enroll",     "apply",
    "here",       "check",        "view",       "visit",       "inbox",      "weekly",
    "latest",     "affiliate",    "commission", "earn",        "partner",    "partners",
    "reviewed",   "disclosure",   "independently", "editors",  "editorial",  "writer",
    "author",     "team",         "us",         "updates",     "tips",       "ready",
    "services",   "solutions",    "customers",  "guarantee",   "benefits",   "form"};

// Words of disclosures and review notes ("Products are chosen independently by our
// editors. Purchases made through our links may earn us a commission.").
constexpr std::string_view kDisclosureWords[] = {
    "affiliate",  "affiliates",   "commission",  "commissions", "earn",       "independently",
    "purchases",  "purchase",     "compensation", "compensated", "sponsored", "advertiser",
    "advertisers", "disclosure",  "supported",   "reader-supported", "recommend", "endorse",
    "reviewed",   "medically",    "fact-checked", "checked",    "editors",    "editorial",
    "partnership", "paid",        "links",       "link",        "qualifying", "associate"};

// Words of author biographies ("Jane Doe is a freelance writer with ten years of
// experience covering…").
constexpr std::string_view kBiographyWords[] = {
    "writer",    "editor",     "author",      "journalist", "contributor", "freelance",
    "ceo",       "founder",    "co-founder",  "experience", "experienced", "years",
    "specializes", "specialises", "covers",   "covering",   "degree",      "graduate",
    "holds",     "lives",      "based",       "passionate", "expertise",   "certified",
    "career",    "background", "enthusiast",  "she",        "he",          "her",
    "his",       "bio",        "biography",   "currently",  "previously",  "worked"};

// First words of calls to action and interface lines ("Sign up", "Book a call").
constexpr std::string_view kActionVerbs[] = {
    "get",      "sign",    "subscribe", "join",   "book",     "follow",  "share",   "check",
    "see",      "talk",    "request",   "unlock", "compare",  "download", "try",    "learn",
    "discover", "shop",    "order",     "start",  "contact",  "call",    "click",   "read",
    "watch",    "listen",  "explore",   "save",   "buy",      "register", "schedule", "claim",
    "grab",     "boost",   "stop",      "fill",   "view",     "visit",   "browse",  "enter",
    "leave",    "send",    "email",     "find",   "upgrade",  "select",  "show",    "load"};

// Which lists a word is on, as bits.
enum WordList : uint8_t {
  kFunctionWord = 1,
  kChromeWord = 2,
  kPromotionWord = 4,
  kDisclosureWord = 8,
  kBiographyWord = 16,
  kActionVerb = 32,
};

// Every listed word in one table, each with the bits of its lists: one probe per word
// of a line, whatever the number of lists.
const ShortWordTable& ListedWords() {
  static const ShortWordTable table = [] {
    ShortWordTable t;
    t.AddAll(kFunctionWords, kFunctionWord);
    t.AddAll(kChromeWords, kChromeWord);
    t.AddAll(kPromotionWords, kPromotionWord);
    t.AddAll(kDisclosureWords, kDisclosureWord);
    t.AddAll(kBiographyWords, kBiographyWord);
    t.AddAll(kActionVerbs, kActionVerb);
    return t;
  }();
  return table;
}

// What each byte is to the feature scan, so the common byte (a letter) costs one
// table load and one branch.
enum ByteClass : uint8_t {
  kSpaceByte = 1,     // ends a word: space, line feed, tab
  kWordByte = 2,      // ASCII letter or digit, or any byte of a multi-byte character
  kDigitByte = 4,
  kUpperByte = 8,
  kMarkLead = 16,     // C2, E2: may start ©, », ·, ›, •
  kPunctuation = 32,  // , | > / \ @ : (counted or looked at)
  kInWordMark = 64,   // ' and -: inside a token without ending its dictionary word
};

constexpr auto kByteClasses = [] {
  std::array<uint8_t, 256> table{};
  table[' '] = table['\n'] = table['\t'] = kSpaceByte;
  for (int c = '0'; c <= '9'; ++c) table[static_cast<size_t>(c)] = kWordByte | kDigitByte;
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<size_t>(c)] = kWordByte;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<size_t>(c)] = kWordByte | kUpperByte;
  for (int c = 0x80; c < 0x100; ++c) table[static_cast<size_t>(c)] = kWordByte;
  table[0xC2] |= kMarkLead;
  table[0xE2] |= kMarkLead;
  for (unsigned char c : std::string_view(",|>/\\@:")) table[c] = kPunctuation;
  table['\''] = table['-'] = kInWordMark;
  return table;
}();

}  // namespace

TextFeatures TextFeaturesOf(std::string_view line) {
  const ShortWordTable& listed = ListedWords();
  size_t promotion = 0, disclosure = 0, biography = 0;
  bool action_first = false;
  size_t words = 0, function = 0, chrome = 0, capitalized = 0, digits = 0, chars = 0;
  size_t separators = 0, commas = 0, word_bytes = 0;
  bool copyright = false, address = false;
  char word[32] = {};  // the current word, lower-cased; read 16 bytes at a time
  size_t size = 0;     // its bytes
  bool word_open = false;
  const auto count_lists = [&](uint8_t lists, bool first) {
    function += (lists & kFunctionWord) != 0;
    chrome += (lists & kChromeWord) != 0;
    promotion += (lists & kPromotionWord) != 0;
    disclosure += (lists & kDisclosureWord) != 0;
    biography += (lists & kBiographyWord) != 0;
    if (first) action_first = (lists & kActionVerb) != 0;
  };
  auto end_word = [&] {
    if (!word_open) return;
    ++words;
    if (size > 0 && size <= ShortWordTable::kMaxWord) {
      count_lists(listed.FlagsOf(word, size), words == 1);
      if (std::string_view(word, size) == "copyright") copyright = true;
    }
    word_open = false;
    size = 0;
  };
  for (size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const uint8_t byte_class = kByteClasses[c];
    if (byte_class & kSpaceByte) {
      end_word();
      continue;
    }
    ++chars;
    if (byte_class & kWordByte) {
      if (byte_class & kMarkLead) {
        if (c == 0xC2 && i + 1 < line.size()) {  // ©, », ·
          const auto d = static_cast<unsigned char>(line[i + 1]);
          if (d == 0xA9) copyright = true;
          if (d == 0xBB || d == 0xB7) ++separators;
        }
        if (c == 0xE2 && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(line[i + 2]) == 0xBA ||   // ›
             static_cast<unsigned char>(line[i + 2]) == 0xA2)) {  // •
          ++separators;
        }
      }
      digits += (byte_class & kDigitByte) != 0;
      if (!word_open && (byte_class & kUpperByte)) ++capitalized;
      word_open = true;
      ++word_bytes;
      if (size < sizeof word) {
        word[size] = static_cast<char>((byte_class & kUpperByte) ? c + 32 : c);
      }
      ++size;
      continue;
    }
    if (byte_class & kPunctuation) {
      if (c == ',') ++commas;
      if (c == '|' || c == '>' || c == '/' || c == '\\') ++separators;
      if (c == '@' ||
          (c == ':' && i + 2 < line.size() && line[i + 1] == '/' && line[i + 2] == '/')) {
        address = true;
      }
    }
    if (word_open && !(byte_class & kInWordMark)) {
      // Punctuation inside a token ("policy." "U.S.") ends the dictionary word but
      // not the token count.
      if (size > 0 && size <= ShortWordTable::kMaxWord) {
        count_lists(listed.FlagsOf(word, size), words == 0);
      }
      size = sizeof word + 1;  // counted: do not look this token up again
    }
  }
  end_word();
  size_t end = line.size();
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\n')) --end;
  const std::string_view trimmed = line.substr(0, end);
  bool sentence_end = false;
  if (!trimmed.empty()) {
    const char last = trimmed.back();
    sentence_end = last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
                   last == ')' || trimmed.ends_with("\xE2\x80\x9D") ||  // ”
                   trimmed.ends_with("\xE2\x80\xA6");                   // …
  }
  const float n = static_cast<float>(std::max<size_t>(words, 1));
  TextFeatures f{};
  f[0] = std::log1p(static_cast<float>(words));
  f[1] = sentence_end ? 1.f : 0.f;
  f[2] = static_cast<float>(function) / n;
  f[3] = static_cast<float>(chrome) / n;
  f[4] = static_cast<float>(capitalized) / n;
  f[5] = static_cast<float>(digits) / static_cast<float>(std::max<size_t>(chars, 1));
  f[6] = std::min(1.f, static_cast<float>(separators) / n);
  f[7] = copyright ? 1.f : 0.f;
  f[8] = std::min(1.f, static_cast<float>(commas) / n);
  f[9] = words <= 3 ? 1.f : 0.f;
  f[10] = std::min(2.f, static_cast<float>(word_bytes) / n / 10.f);
  f[11] = address ? 1.f : 0.f;
  f[12] = static_cast<float>(promotion) / n;
  f[13] = action_first ? 1.f : 0.f;
  f[14] = static_cast<float>(disclosure) / n;
  f[15] = static_cast<float>(biography) / n;
  return f;
}

void LineFeaturesOf(const std::vector<TextFeatures>& lines, std::vector<LineFeatures>* out) {
  out->assign(lines.size(), LineFeatures{});
  const TextFeatures none{};
  for (size_t i = 0; i < lines.size(); ++i) {
    LineFeatures& f = (*out)[i];
    const TextFeatures& previous = i > 0 ? lines[i - 1] : none;
    const TextFeatures& next = i + 1 < lines.size() ? lines[i + 1] : none;
    std::copy(lines[i].begin(), lines[i].end(), f.begin());
    std::copy(previous.begin(), previous.end(), f.begin() + kTextFeatureCount);
    std::copy(next.begin(), next.end(), f.begin() + 2 * kTextFeatureCount);
    f[3 * kTextFeatureCount] = static_cast<float>(i) / static_cast<float>(lines.size());
    f[3 * kTextFeatureCount + 1] = i < 3 || i + 3 >= lines.size() ? 1.f : 0.f;
  }
}

BlockRange BlockFeaturesOf(const PageBlocks& page, int32_t container,
                           std::vector<BlockFeatures>* out) {
  const size_t n = page.blocks.size();
  out->assign(n, BlockFeatures{});
  // Where each block sits: inside the container or not, and whether an element hinted
  // as furniture (or as content) lies on its path.
  // Hints count only below the container (or anywhere, outside it). Elements are in
  // preorder, so one pass sets each from its parent.
  const size_t elements = page.elements.size();
  std::vector<uint8_t> element_inside(elements, 0), element_furniture(elements, 0),
      element_content(elements, 0);
  for (size_t e = 0; e < elements; ++e) {
    const PageElement& el = page.elements[e];
    const bool top = el.parent < 0 || el.parent == container;
    const size_t up = top ? 0 : static_cast<size_t>(el.parent);
    element_inside[e] = static_cast<int32_t>(e) == container ||
                        (el.parent >= 0 && element_inside[static_cast<size_t>(el.parent)]);
    if (static_cast<int32_t>(e) == container) continue;  // its own hint is not counted
    element_furniture[e] = el.hint < 0 || (!top && element_furniture[up]);
    element_content[e] = el.hint > 0 || (!top && element_content[up]);
  }
  std::vector<uint8_t> inside(n, 0), furniture(n, 0), content(n, 0);
  std::vector<uint32_t> inside_index;
  for (size_t i = 0; i < n; ++i) {
    const size_t e = static_cast<size_t>(page.blocks[i].element);
    inside[i] = element_inside[e];
    furniture[i] = element_furniture[e];
    content[i] = element_content[e];
    if (inside[i]) inside_index.push_back(static_cast<uint32_t>(i));
  }
  // Words and linked words under each element: a short list item reads differently
  // in a list of links than in a list of plain phrases. Integer counts, summed exactly.
  std::vector<float> element_words(elements, 0.f), element_links(elements, 0.f);
  for (const PageBlock& b : page.blocks) {
    element_words[static_cast<size_t>(b.element)] += static_cast<float>(b.words);
    element_links[static_cast<size_t>(b.element)] += static_cast<float>(b.link_words);
  }
  SumOverSubtrees(page.elements, &element_words);
  SumOverSubtrees(page.elements, &element_links);
  const auto density = [](float links, float words) { return words > 0 ? links / words : 1.f; };
  // How many blocks of the page say the same (a "Subscribe" box shown twice, a
  // product name on every card): text that repeats is interface, not the article.
  std::vector<uint64_t> text_hashes(n);
  for (size_t i = 0; i < n; ++i) {
    text_hashes[i] = XXH3_64bits(page.blocks[i].text.data(), page.blocks[i].text.size());
  }
  std::vector<uint64_t> sorted_hashes = text_hashes;
  std::sort(sorted_hashes.begin(), sorted_hashes.end());
  const auto copies = [&](size_t i) {
    const auto [lo, hi] =
        std::equal_range(sorted_hashes.begin(), sorted_hashes.end(), text_hashes[i]);
    return static_cast<float>(hi - lo);
  };
  BlockRange range;
  if (inside_index.empty()) return range;
  range.first = inside_index.front() >= kBlockMargin ? inside_index.front() - kBlockMargin : 0;
  range.last = std::min(n, static_cast<size_t>(inside_index.back()) + kBlockMargin + 1);
  for (size_t i = range.first; i < range.last; ++i) {
    const PageBlock& b = page.blocks[i];
    BlockFeatures& f = (*out)[i];
    const TextFeatures text = TextFeaturesOf(b.text);
    std::copy(text.begin(), text.end(), f.begin());
    float* m = f.data() + kTextFeatureCount;
    m[0] = b.words == 0 ? 1.f : static_cast<float>(b.link_words) / static_cast<float>(b.words);
    m[1] = b.kind == BlockKind::kHeading;
    m[2] = b.kind == BlockKind::kListItem;
    m[3] = b.kind == BlockKind::kTableRow;
    m[4] = b.kind == BlockKind::kCaption;
    m[5] = b.kind == BlockKind::kPre;
    m[6] = inside[i];
    m[7] = furniture[i];
    m[8] = content[i];
    m[9] = static_cast<float>(i) / static_cast<float>(n);
    // The enclosing element one level up (a list, a table, a section).
    const int32_t up = page.elements[static_cast<size_t>(b.element)].parent;
    const size_t parent = static_cast<size_t>(up >= 0 ? up : b.element);
    m[12] = density(element_links[parent], element_words[parent]);
    m[13] = std::log1p(element_words[parent]);
    m[18] = copies(i) > 1 ? 1.f : 0.f;
    // The neighbouring blocks.
    for (int side = 0; side < 2; ++side) {
      const size_t j = side == 0 ? i - 1 : i + 1;
      if ((side == 0 && i == 0) || j >= n) continue;
      const PageBlock& other = page.blocks[j];
      m[14 + 2 * side] = std::log1p(static_cast<float>(other.words));
      m[15 + 2 * side] =
          density(static_cast<float>(other.link_words), static_cast<float>(other.words));
    }
  }
  // Position among the container's blocks: its first and last lines are where bylines,
  // share bars and "related" headings sit.
  for (size_t k = 0; k < inside_index.size(); ++k) {
    float* m = (*out)[inside_index[k]].data() + kTextFeatureCount;
    m[10] = static_cast<float>(k) / static_cast<float>(inside_index.size());
    m[11] = k < 2 || k + 2 >= inside_index.size() ? 1.f : 0.f;
  }
  return range;
}

}  // namespace echoes
