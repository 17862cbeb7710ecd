// The echoes binary as a user meets it: help, exit codes, stdin, the summary line.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "test_util.h"

namespace echoes {
namespace {

using testing::ReadFile;
using testing::ReadLines;
using testing::TempDir;
using testing::WriteFile;

struct CommandRun {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `echoes ARGS` through the shell, optionally with `stdin_file` as its input.
CommandRun Echoes(const TempDir& dir, const std::string& args, const std::string& stdin_file = "") {
  const std::string out = dir.File("stdout.txt"), err = dir.File("stderr.txt");
  std::string command = std::string(ECHOES_BINARY) + " " + args + " >" + out + " 2>" + err;
  command += stdin_file.empty() ? " </dev/null" : " <" + stdin_file;
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out), ReadFile(err)};
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(CliTest, HelpTeachesAndExitsZero) {
  TempDir dir;
  CommandRun top = Echoes(dir, "--help");
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_TRUE(Contains(top.out, "dedup"));
  CommandRun dedup = Echoes(dir, "dedup --help");
  EXPECT_EQ(dedup.exit_code, 0);
  EXPECT_TRUE(Contains(dedup.out, "--text-field TEXT=text")) << "defaults come from DedupOptions";
  EXPECT_TRUE(Contains(dedup.out, "Exit codes"));
  EXPECT_TRUE(Contains(dedup.out, "Examples"));
}

TEST(CliTest, UsageErrorsExitOne) {
  TempDir dir;
  EXPECT_EQ(Echoes(dir, "").exit_code, 1);
  EXPECT_EQ(Echoes(dir, "frobnicate").exit_code, 1);
  CommandRun no_out = Echoes(dir, "dedup x.jsonl");
  EXPECT_EQ(no_out.exit_code, 1);
  EXPECT_TRUE(Contains(no_out.err, "--out")) << no_out.err;
  EXPECT_EQ(Echoes(dir, "dedup x.jsonl --out " + dir.File("o") + " --bogus").exit_code, 1);
  CommandRun missing =
      Echoes(dir, "dedup " + dir.File("missing.jsonl") + " --out " + dir.File("o"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(Contains(missing.err, "missing.jsonl: no such file")) << missing.err;
}

TEST(CliTest, DryRunPrintsThePlanAndReadsNothing) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), "{\"id\":\"a\",\"text\":\"words\"}\n");
  CommandRun plan =
      Echoes(dir, "dedup " + dir.File("in.jsonl") + " --out " + dir.File("o") + " --dry-run");
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_TRUE(Contains(plan.out, "16 bands x 8 rows")) << plan.out;
  EXPECT_TRUE(Contains(plan.out, "P(candidate)"));
  EXPECT_FALSE(std::filesystem::exists(dir.File("o/kept.jsonl")));
  CommandRun lower = Echoes(dir, "dedup " + dir.File("in.jsonl") + " --out " + dir.File("o") +
                                     " --dry-run --threshold 0.5");
  EXPECT_FALSE(Contains(lower.out, "16 bands x 8 rows")) << "the plan follows the threshold";
  CommandRun too_many = Echoes(
      dir, "dedup " + dir.File("in.jsonl") + " --out " + dir.File("o") + " --bands 20 --rows 8");
  EXPECT_EQ(too_many.exit_code, 1);
  EXPECT_TRUE(Contains(too_many.err, "--num-perm")) << too_many.err;
}

TEST(CliTest, StrictExitsTwoNamingFileAndLine) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"), "{\"id\":\"a\",\"text\":\"fine words\"}\n{oops\n");
  CommandRun lenient = Echoes(dir, "dedup " + dir.File("in.jsonl") + " --out " + dir.File("o"));
  EXPECT_EQ(lenient.exit_code, 0);
  EXPECT_TRUE(Contains(lenient.out, "read 2, kept 1, dropped 0, rejected 1")) << lenient.out;
  CommandRun strict =
      Echoes(dir, "dedup " + dir.File("in.jsonl") + " --out " + dir.File("s") + " --strict");
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_TRUE(Contains(strict.err, "in.jsonl:2: invalid_json")) << strict.err;
}

TEST(CliTest, ReadsStandardInputAndLeavesNoTemporaryFiles) {
  TempDir dir;
  WriteFile(dir.File("in.jsonl"),
            "{\"id\":\"a\",\"text\":\"Same story.\"}\n"
            "{\"id\":\"b\",\"text\":\"same STORY\"}\n{bad\n");
  CommandRun run = Echoes(dir, "dedup - --out " + dir.File("o") + " --quiet", dir.File("in.jsonl"));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty()) << "--quiet prints nothing";
  EXPECT_EQ(ReadLines(dir.File("o/dropped.jsonl")),
            (std::vector<std::string>{
                "{\"id\":\"b\",\"duplicate_of\":\"a\",\"relation\":\"exact\",\"score\":1}"}));
  EXPECT_TRUE(Contains(ReadFile(dir.File("o/rejected.jsonl")), "{\"source\":\"-\",\"line\":3,"));
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir.File("o"))) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"clusters.jsonl", "dropped.jsonl", "edges.jsonl",
                                             "kept.jsonl", "rejected.jsonl", "stats.json"}));
}

}  // namespace
}  // namespace echoes

namespace echoes {
namespace {

TEST(CliTest, CleanAndExplainTeachAndReport) {
  TempDir dir;
  for (const char* command : {"clean --help", "explain --help"}) {
    CommandRun help = Echoes(dir, command);
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_TRUE(Contains(help.out, "Examples")) << command;
  }
  const std::string sample = std::string(ECHOES_SOURCE_DIR) + "/data/sample";
  CommandRun clean = Echoes(dir, "clean " + sample + "/pages --out " + dir.File("pages.jsonl"));
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_TRUE(Contains(clean.out, "cleaned 2")) << clean.out;
  EXPECT_EQ(ReadLines(dir.File("pages.jsonl")).size(), 2u);
  EXPECT_EQ(Echoes(dir, "clean " + sample + "/pages").exit_code, 1) << "--out is required";

  CommandRun rewrite =
      Echoes(dir, "explain --corpus " + sample +
                      "/news.jsonl rate-decision-orig rate-decision-rewrite-light --json");
  EXPECT_EQ(rewrite.exit_code, 0) << rewrite.err;
  EXPECT_TRUE(Contains(rewrite.out, "\"relation\":\"rewrite\"")) << rewrite.out;
  CommandRun same_event = Echoes(
      dir, "explain --corpus " + sample + "/news.jsonl rate-decision-orig rate-decision-markets");
  EXPECT_EQ(same_event.exit_code, 0) << same_event.err;
  EXPECT_TRUE(Contains(same_event.out, "relation: none")) << same_event.out;
  CommandRun unknown =
      Echoes(dir, "explain --corpus " + sample + "/news.jsonl rate-decision-orig nope");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(Contains(unknown.err, "no record with id \"nope\"")) << unknown.err;
  EXPECT_EQ(
      Echoes(dir, "explain " + dir.File("missing.txt") + " " + dir.File("missing2.txt")).exit_code,
      1);
}

}  // namespace
}  // namespace echoes
