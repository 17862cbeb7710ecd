// echoes explain A B: why two texts are (or are not) one story rewritten: the
// sentence alignment side by side, shared words marked, the score and the relation.

#include <simdjson.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/parse_flags.h"
#include "echoes/clean.h"
#include "io/byte_source.h"
#include "io/input_source.h"
#include "io/record_batcher.h"
#include "report/json_writer.h"
#include "rewrite/alignment.h"
#include "rewrite/direction.h"

namespace echoes::cli {
namespace {

constexpr const char* kFooter = R"(
A and B are files: web pages (.html, .htm) or text (anything else; .gz is fine); or,
with --corpus, the ids of two records of a JSONL corpus. Both
are cleaned first, as 'echoes clean' does (page chrome, link lists and share lines
would otherwise look like shared content); --raw compares them as they are.

How the verdict is reached: both texts are cut into sentences; each sentence becomes
its content words (Snowball stems, without function words), weighted by rarity across
the two texts' sentences. A monotone alignment pairs sentences (also one with two, for
splits and merges) whose similarity, from a model calibrated on the MSRP paraphrase
corpus, is at least --min-similarity; between such pairs (and before the first, after
the last), sentences in the same place on both sides pair at the lower
--min-anchored-similarity: their neighbours vouch for them. Pairs whose shared words
are mostly quoted speech on both sides are shown but do not count: outlets quote the
same people. The relation is 'rewrite' when at least 3 pairs cover at least
--min-coverage of the shorter text's content, and the texts share enough of their
names (--min-name-overlap) and of their telling figures (--min-figure-overlap): a
rewrite keeps who, where and how much; a template filled in for another company or
another week does not.
Direction comes from the texts' dates when both have one; else, when one text is
nearly all inside the other (and not the reverse), the container is the likely source;
else it is undetermined.

Examples:
  echoes explain ../shared/data/seeds/000_f9b3a3fd6c4ceab5.txt ../shared/data/seeds/001_acb975feda389482.txt
  echoes explain a.html b.html --json
  echoes explain --corpus data/sample/news.jsonl rate-decision-orig rate-decision-rewrite-light)";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Side {
  std::string name, date;
  std::string text;
  SentencedText sentences;
};

// `sentence` with the words whose stems the other side shares wrapped in open/close.
std::string Marked(std::string_view sentence, const std::vector<Term>& terms,
                   const std::set<uint64_t>& shared, const char* open, const char* close) {
  std::string out;
  size_t at = 0;
  for (const Term& t : terms) {
    if (!shared.count(t.stem)) continue;
    out.append(sentence.substr(at, t.begin - at));
    out += open;
    out.append(sentence.substr(t.begin, t.end - t.begin));
    out += close;
    at = t.end;
  }
  out.append(sentence.substr(at));
  return out;
}

// Visible width of UTF-8 text without ANSI escapes (one column per code point).
size_t Width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b') {
      while (i < s.size() && s[i] != 'm') ++i;
      continue;
    }
    width += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  }
  return width;
}

std::vector<std::string> Wrap(const std::string& text, size_t width) {
  std::vector<std::string> lines(1);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!lines.back().empty() && Width(lines.back()) + 1 + Width(word) > width)
      lines.emplace_back();
    if (!lines.back().empty()) lines.back() += ' ';
    lines.back() += word;
    start = end + 1;
  }
  return lines;
}

// Finds the records with ids a and b in a JSONL corpus (plain, .gz or .zst); fills
// their texts and dates. Returns an error message, or "" when both were found.
std::string FindInCorpus(const std::string& corpus, const std::string& id_field,
                         const std::string& text_field, const std::string& date_field,
                         const std::string ids[2], std::string texts[2], std::string dates[2]) {
  Result<InputList> inputs = ExpandInputs({corpus}, "");
  if (!inputs.ok()) return inputs.status().ToString();
  RecordBatcher batcher(&inputs.value().sources, 4 << 20, uint64_t{256} << 20);
  RecordBatch batch;
  simdjson::dom::parser parser;
  bool found[2] = {false, false};
  while (!(found[0] && found[1]) && batcher.Next(&batch)) {
    for (const RecordRef& r : batch.records) {
      if (r.kind != RecordKind::kJsonLine) continue;
      simdjson::dom::element doc;
      if (parser.parse(batch.BytesOf(r)).get(doc) != simdjson::SUCCESS) continue;
      std::string_view id, text, date;
      if (doc[id_field].get(id) != simdjson::SUCCESS) continue;
      for (int k = 0; k < 2; ++k) {
        if (found[k] || id != ids[k]) continue;
        if (doc[text_field].get(text) != simdjson::SUCCESS) {
          return corpus + ":" + std::to_string(r.line) + ": record " + ids[k] + " has no \"" +
                 text_field + "\" string";
        }
        texts[k] = std::string(text);
        if (doc[date_field].get(date) == simdjson::SUCCESS) dates[k] = std::string(date);
        found[k] = true;
      }
    }
  }
  for (int k = 0; k < 2; ++k) {
    if (!found[k]) return corpus + ": no record with " + id_field + " \"" + ids[k] + "\"";
  }
  return "";
}

std::string Pad(const std::string& s, size_t width) {
  const size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

}  // namespace

int ExplainCommand(int argc, char** argv) {
  CLI::App app{"echoes explain: is B a rewrite of A? The sentence alignment, side by side",
               "echoes explain"};
  std::string path_a, path_b;
  bool json = false, raw = false;
  std::string corpus, id_field = "id", text_field = "text", date_field = "date";
  app.add_option("A", path_a, "first text: a file, or an id with --corpus")->required();
  app.add_option("B", path_b, "second text: a file, or an id with --corpus")->required();
  app.add_option("--corpus", corpus, "A and B are ids of records in this JSONL corpus");
  app.add_option("--id-field", id_field, "with --corpus: the records' id field")
      ->capture_default_str();
  app.add_option("--text-field", text_field, "with --corpus: the records' text field")
      ->capture_default_str();
  app.add_option("--date-field", date_field, "with --corpus: the records' date field")
      ->capture_default_str();
  app.add_flag("--json", json, "machine-readable output");
  app.add_flag("--raw", raw, "do not clean the texts first");
  AlignOptions align;
  AddShareOption(app, "--min-similarity", &align.min_similarity,
                 "sentence similarity at which two sentences may align");
  AddShareOption(app, "--min-anchored-similarity", &align.min_anchored_similarity,
                 "lower similarity at which sentences between aligned pairs, in their place, "
                 "may align");
  AddShareOption(app, "--min-coverage", &align.min_coverage,
                 "share of the shorter text the aligned pairs must cover for 'rewrite'");
  AddShareOption(app, "--min-name-overlap", &align.min_name_overlap,
                 "share of the lighter side's name weight both texts must use for 'rewrite' "
                 "(a template filled in for another company shares its sentences, not its names)");
  AddShareOption(app, "--min-figure-overlap", &align.min_figure_overlap,
                 "share of the lighter side's telling figures (amounts, prices, counts above 31) "
                 "both texts must state for 'rewrite'");
  app.footer(kFooter);
  if (std::optional<int> stop = ParseFlags(app, argc, argv, "explain")) return *stop;
  const auto start = std::chrono::steady_clock::now();
  PageCleaner cleaner;
  Side sides[2];
  const std::string* paths[2] = {&path_a, &path_b};
  std::string corpus_texts[2], corpus_dates[2];
  if (!corpus.empty()) {
    const std::string ids[2] = {path_a, path_b};
    const std::string error =
        FindInCorpus(corpus, id_field, text_field, date_field, ids, corpus_texts, corpus_dates);
    if (!error.empty()) {
      std::cerr << "echoes explain: " << error << "\n";
      return 1;
    }
  }
  for (int k = 0; k < 2; ++k) {
    std::string bytes = corpus_texts[k];
    if (corpus.empty()) {
      Result<std::string> read = ReadWholeFile(*paths[k]);
      if (!read.ok()) {
        std::cerr << "echoes explain: " << read.status().ToString() << "\n";
        return 1;
      }
      bytes = std::move(read.value());
    }
    sides[k].name = *paths[k];
    std::string text = bytes;
    if (!raw) {
      CleanedPage page;
      const bool html = EndsWith(*paths[k], ".html") || EndsWith(*paths[k], ".htm") ||
                        EndsWith(*paths[k], ".html.gz") || LooksLikeHtml(bytes);
      if (html) {
        if (!cleaner.CleanHtml(bytes, "", &page).ok()) {
          std::cerr << "echoes explain: " << *paths[k] << ": not a web page\n";
          return 2;
        }
      } else {
        page = CleanPageTextToPage(bytes);
      }
      if (!page.text.empty()) text = (page.title.empty() ? "" : page.title + "\n") + page.text;
      sides[k].date = page.date;
    }
    if (!corpus_dates[k].empty()) sides[k].date = corpus_dates[k].substr(0, 10);
    sides[k].text = std::move(text);
  }
  PairExplanation explanation =
      ExplainPair(std::move(sides[0].text), std::move(sides[1].text), align);
  sides[0].sentences = std::move(explanation.a);
  sides[1].sentences = std::move(explanation.b);
  const RewriteEvidence& evidence = explanation.evidence;
  const double milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  // Dates as written (ISO 8601 compares as text); a guess only for a rewrite.
  const int dates_order = sides[0].date.empty() || sides[1].date.empty() ||
                                  sides[0].date == sides[1].date
                              ? 0
                              : (sides[0].date < sides[1].date ? -1 : 1);
  const DirectionGuess guess = GuessDirection(dates_order, evidence);
  std::string direction = "undetermined";
  if (evidence.rewrite && guess.direction != Direction::kUndetermined) {
    const bool a_first = guess.direction == Direction::kAToB;
    direction = std::string(a_first ? "A -> B" : "B -> A") +
                (std::string(guess.basis) == "dates"
                     ? (a_first ? " (A is dated earlier)" : " (B is dated earlier)")
                     : (a_first ? " (B sits inside A)" : " (A sits inside B)"));
  }
  const char* relation = evidence.rewrite ? "rewrite" : "none";
  // A summary's pairs say how much of a sentence's words a run holds, not how alike
  // two sentences are.
  const char* pair_measure = evidence.summary ? "words found" : "similarity";

  if (json) {
    std::string out = "{\"a\":";
    AppendJsonString(&out, sides[0].name);
    out += ",\"b\":";
    AppendJsonString(&out, sides[1].name);
    out += ",\"relation\":\"" + std::string(relation) + "\",\"summary\":";
    out += evidence.summary ? "true" : "false";
    out += ",\"score\":";
    AppendJsonScore(&out, evidence.score);
    out += ",\"coverage_a\":";
    AppendJsonScore(&out, evidence.coverage_a);
    out += ",\"coverage_b\":";
    AppendJsonScore(&out, evidence.coverage_b);
    out += ",\"name_overlap\":";
    AppendJsonScore(&out, evidence.name_overlap);
    out += ",\"figure_overlap\":";
    AppendJsonScore(&out, evidence.figure_overlap);
    out += ",\"direction\":";
    AppendJsonString(&out, direction);
    out += ",\"sentences_a\":" + std::to_string(sides[0].sentences.spans.size()) +
           ",\"sentences_b\":" + std::to_string(sides[1].sentences.spans.size()) + ",\"pairs\":[";
    for (size_t k = 0; k < evidence.pairs.size(); ++k) {
      const AlignedPair& p = evidence.pairs[k];
      const auto text_of = [](const SentencedText& s, uint32_t first, uint32_t last) {
        return std::string(
            s.text.substr(s.spans[first].begin, s.spans[last].end - s.spans[first].begin));
      };
      out += k ? ",{" : "{";
      out += "\"a\":[" + std::to_string(p.a_first) + "," + std::to_string(p.a_last) + "],\"b\":[" +
             std::to_string(p.b_first) + "," + std::to_string(p.b_last) + "],\"similarity\":";
      AppendJsonScore(&out, p.similarity);
      out += std::string(",\"quotation\":") + (p.quotation ? "true" : "false") +
             ",\"slight\":" + (p.slight ? "true" : "false") + ",\"moved\":" +
             (p.moved ? "true" : "false") + ",\"anchored\":" + (p.anchored ? "true" : "false") +
             ",\"a_text\":";
      AppendJsonString(&out, text_of(sides[0].sentences, p.a_first, p.a_last));
      out += ",\"b_text\":";
      AppendJsonString(&out, text_of(sides[1].sentences, p.b_first, p.b_last));
      out += "}";
    }
    out += "]}\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }

  const bool tty = isatty(STDOUT_FILENO);
  const char* open = tty ? "\x1b[1m" : "[";
  const char* close = tty ? "\x1b[0m" : "]";
  std::printf("A: %s (%zu sentences%s%s)\nB: %s (%zu sentences%s%s)\n\n", sides[0].name.c_str(),
              sides[0].sentences.spans.size(), sides[0].date.empty() ? "" : ", dated ",
              sides[0].date.c_str(), sides[1].name.c_str(), sides[1].sentences.spans.size(),
              sides[1].date.empty() ? "" : ", dated ", sides[1].date.c_str());
  const size_t column = 54;
  for (const AlignedPair& p : evidence.pairs) {
    std::set<uint64_t> stems_a, stems_b, shared;
    std::string text_a, text_b;
    for (uint32_t i = p.a_first; i <= p.a_last; ++i) {
      for (const Term& t : sides[0].sentences.terms[i]) stems_a.insert(t.stem);
    }
    for (uint32_t j = p.b_first; j <= p.b_last; ++j) {
      for (const Term& t : sides[1].sentences.terms[j]) stems_b.insert(t.stem);
    }
    std::set_intersection(stems_a.begin(), stems_a.end(), stems_b.begin(), stems_b.end(),
                          std::inserter(shared, shared.begin()));
    for (uint32_t i = p.a_first; i <= p.a_last; ++i) {
      text_a +=
          (text_a.empty() ? "" : " ") +
          Marked(sides[0].sentences.Sentence(i), sides[0].sentences.terms[i], shared, open, close);
    }
    for (uint32_t j = p.b_first; j <= p.b_last; ++j) {
      text_b +=
          (text_b.empty() ? "" : " ") +
          Marked(sides[1].sentences.Sentence(j), sides[1].sentences.terms[j], shared, open, close);
    }
    const std::string label_a = "A" + std::to_string(p.a_first + 1) +
                                (p.a_last != p.a_first ? "-" + std::to_string(p.a_last + 1) : "");
    const std::string label_b = "B" + std::to_string(p.b_first + 1) +
                                (p.b_last != p.b_first ? "-" + std::to_string(p.b_last + 1) : "");
    std::printf("%s  %s %s  %s %.2f%s\n", Pad(label_a, column).c_str(), "|",
                label_b.c_str(), pair_measure, p.similarity,
                p.quotation ? "  (shared quotation: not counted)"
                : p.slight  ? "  (weighs next to nothing: not counted)"
                            : "");
    const std::vector<std::string> la = Wrap(text_a, column), lb = Wrap(text_b, column);
    for (size_t line = 0; line < std::max(la.size(), lb.size()); ++line) {
      std::printf("%s  | %s\n", Pad(line < la.size() ? la[line] : "", column).c_str(),
                  line < lb.size() ? lb[line].c_str() : "");
    }
    std::printf("\n");
  }
  std::printf(
      "relation: %s%s; score %.2f (%s); %zu aligned pairs, %zu of "
      "them shared quotations; coverage A %.2f, B %.2f; names shared %.2f (needs %.2f), figures "
      "shared %.2f (needs %.2f); direction: %s; %.1f ms\n",
      relation, evidence.summary ? " (a summary)" : "", evidence.score,
      evidence.summary ? "share of the shorter text's words found in order"
                       : "aligned share of the shorter text",
      evidence.pairs.size(), evidence.quotation_pairs,
      evidence.coverage_a, evidence.coverage_b, evidence.name_overlap, align.min_name_overlap,
      evidence.figure_overlap, align.min_figure_overlap, direction.c_str(), milliseconds);
  return 0;
}

}  // namespace echoes::cli
