#include "io/list_pdf.h"

#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace sanad::io {
namespace {

// The PDFs are read back by poppler-utils and zbar-tools (scripts/install-deps.sh), as a
// person opening or scanning the printed list would.
bool HaveTool(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string RunTool(const std::string& command) {
  std::string out;
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

// Text without white space and bidi marks: poppler wraps right-to-left runs in embedding
// marks and puts spaces inside Arabic words where its glyph boxes leave a gap. (Its default
// mode also reverses lam-alef ligatures; `pdftotext -raw`, the text in the order it is drawn,
// keeps each right-to-left run in logical order as Pango gave it to Cairo.)
std::string Squeeze(std::string_view line) {
  static const std::regex kNoise("[ \t\n\f\r]|\xE2\x80[\x8E\x8F\xAA-\xAE]|\xE2\x81[\xA6-\xA9]");
  return std::regex_replace(std::string(line), kNoise, "");
}

// A name squeezed as poppler reads it back: the PDF carries each lam-alef ligature with its
// letters in logical order (ActualText "لا", checked by hand), but poppler reverses the pair.
std::string AsPopplerReads(const std::string& name) {
  static const std::regex kLamAlef("\xD9\x84(\xD8[\xA2\xA3\xA5\xA7])");
  return std::regex_replace(Squeeze(name), kLamAlef, "$1\xD9\x84");
}

// How many lines of `text` are `cell` (compared squeezed).
size_t CountLines(const std::string& text, const std::string& cell) {
  const std::string want = Squeeze(cell);
  size_t n = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("\n\f", start);
    if (end == std::string::npos) end = text.size();
    if (Squeeze(std::string_view(text).substr(start, end - start)) == want) ++n;
    start = end + 1;
  }
  return n;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

class ListPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdftotext", "pdfinfo", "pdffonts", "pdftoppm"}) {
      if (!HaveTool(tool)) GTEST_SKIP() << tool << " missing: run scripts/install-deps.sh";
    }
    std::string dir = (std::filesystem::temp_directory_path() / "list-pdf-XXXXXX").string();
    ASSERT_NE(mkdtemp(dir.data()), nullptr);
    dir_ = dir;
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::string Save(const std::string& pdf, const std::string& name = "list.pdf") {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << pdf;
    return path;
  }
  static int Pages(const std::string& path) {
    std::smatch m;
    const std::string info = RunTool("pdfinfo '" + path + "'");
    return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : -1;
  }
  // The text of each page, as pdftotext extracts it (pages end with a form feed).
  static std::vector<std::string> PageTexts(const std::string& path) {
    const std::string text = RunTool("pdftotext -enc UTF-8 '" + path + "' -");
    std::vector<std::string> pages;
    size_t start = 0;
    for (size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
      pages.push_back(text.substr(start, ff - start));
      start = ff + 1;
    }
    return pages;
  }

  static std::string RawText(const std::string& path) {
    return Squeeze(RunTool("pdftotext -raw -enc UTF-8 '" + path + "' -"));
  }

  std::string dir_;
};

const std::vector<std::string> kArabic = {"محمد", "أحمد", "علي",  "حسين", "فاطمة",
                                          "زينب", "مريم", "خالد", "عمر",  "يوسف"};
const std::vector<std::string> kSorani = {"ڕێبین", "ئاسۆ",  "ھێمن", "نەوزاد", "شیلان",
                                          "ژیلا",  "کۆچەر", "ڤیان", "ئاراس",  "دڵشاد"};
const std::vector<std::string> kLatin = {"Rebin", "Aso",    "Hemin", "Nawzad", "Shilan",
                                         "Zhila", "Kocher", "Vian",  "Aras",   "Dilshad"};
// Fathers' names in the script of the first name: a cell of one script reads in one direction.
const std::vector<std::vector<std::string>> kFathers = {{"عبدالله", "جاسم", "كاظم", "صالح"},
                                                        {"حەسەن", "کەریم", "ڕەسوڵ", "ئەحمەد"},
                                                        {"Karim", "Hassan", "Rasul", "Saleh"}};

// A token as the rounds print them: 8 Crockford base-32 characters shown as 7KQ4-9XM2.
std::string Token(size_t i) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string t;
  uint64_t v = 0x9E3779B97F4A7C15ULL * (i + 1);
  for (int k = 0; k < 8; ++k, v >>= 5) {
    if (k == 4) t += '-';
    t += kAlphabet[v % 32];
  }
  return t;
}

struct Sample {
  ListPdf list;
  std::vector<std::string> names;
  std::vector<std::string> tokens;
};

// 120 households: heads with Arabic, Sorani and Latin names, each name unique on the list.
Sample MakeSample(size_t rows, ListDirection direction = ListDirection::kLeftToRight) {
  Sample s;
  s.list.title = "Winter NFI round 12";
  s.list.subtitle_lines = {"Duhok, Sumel camp", "2025-01-10 to 2025-01-14",
                           "Printed 2025-01-09 08:30"};
  s.list.columns = {
      {"Token", 2.4}, {"Head", 3}, {"Size", 0.7}, {"Entitlement", 2.2}, {"Signature", 2}};
  s.list.qr_column = 0;
  s.list.signature_column = 4;
  s.list.direction = direction;
  s.list.empty_message = "No households on this list";
  for (size_t i = 0; i < rows; ++i) {
    const auto& first = i % 3 == 0 ? kArabic : i % 3 == 1 ? kSorani : kLatin;
    const std::string& father = kFathers[i % 3][(i / 30) % 4];
    const std::string name = first[(i / 3) % 10] + " " + father;
    s.names.push_back(name);
    s.tokens.push_back(Token(i));
    s.list.rows.push_back(
        {s.tokens.back(), name, std::to_string(1 + i % 9), "Hygiene kit × 1, Blanket × 2", ""});
  }
  return s;
}

TEST_F(ListPdfTest, PrintsEveryHouseholdOnceWithHeaderAndPageNumbersOnEveryPage) {
  const Sample s = MakeSample(120);
  const auto pdf = WriteListPdf(s.list);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  ASSERT_EQ(pdf->rfind("%PDF-", 0), 0u);
  const std::string path = Save(*pdf);

  const int pages = Pages(path);
  ASSERT_GT(pages, 2);
  const auto texts = PageTexts(path);
  ASSERT_EQ(texts.size(), static_cast<size_t>(pages));
  for (int p = 0; p < pages; ++p) {
    SCOPED_TRACE("page " + std::to_string(p + 1));
    const std::string& text = texts[p];
    EXPECT_NE(text.find("Head"), std::string::npos);
    EXPECT_NE(text.find("Entitlement"), std::string::npos);
    EXPECT_NE(text.find("page " + std::to_string(p + 1) + " of " + std::to_string(pages)),
              std::string::npos);
    EXPECT_EQ(text.find("Duhok, Sumel camp") != std::string::npos, p == 0);
  }
  // Every name and token is on exactly one page, whole: rows are not split.
  std::string all;
  for (const auto& t : texts) all += t;
  const std::string drawn = RawText(path);
  for (size_t i = 0; i < s.names.size(); ++i) {
    EXPECT_EQ(Count(drawn, AsPopplerReads(s.names[i])), 1u) << "row " << i << ": " << s.names[i];
    EXPECT_EQ(Count(all, s.tokens[i]), 1u) << "row " << i << ": " << s.tokens[i];
  }
  // Only the font compiled into the program, embedded (Cairo writes it as two subsets): the
  // PDF prints the same anywhere.
  const std::string fonts = RunTool("pdffonts '" + path + "'");
  const std::regex font_line(R"(\n\w{6}\+(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s)");
  int font_count = 0;
  for (std::sregex_iterator it(fonts.begin(), fonts.end(), font_line), end; it != end; ++it) {
    EXPECT_EQ((*it)[1], "DejaVuSans") << fonts;
    EXPECT_EQ((*it)[2], "yes") << "not embedded:\n" << fonts;
    ++font_count;
  }
  EXPECT_GE(font_count, 1) << fonts;
  EXPECT_EQ(Count(fonts, "\n"), 2u + font_count) << fonts;
}

TEST_F(ListPdfTest, EachQrCodeScansBackToTheTokenPrintedBesideIt) {
  if (!HaveTool("zbarimg")) GTEST_SKIP() << "zbarimg missing: run scripts/install-deps.sh";
  const Sample s = MakeSample(40);
  const auto pdf = WriteListPdf(s.list);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  const std::string path = Save(*pdf);
  // Where each token is printed on page 1; its code is the square on its start side.
  const std::string html = RunTool("pdftotext -bbox -f 1 -l 1 '" + path + "' -");
  const std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>([^<]*)</word>)re");
  const std::set<std::string> tokens(s.tokens.begin(), s.tokens.end());
  int scanned = 0;
  for (std::sregex_iterator it(html.begin(), html.end(), word), end; it != end; ++it) {
    const std::string token = (*it)[3];
    if (!tokens.count(token)) continue;
    // One code at a time, as a hand scanner reads it: 300 dpi, the strip left of the token.
    constexpr double kDpi = 300;
    auto px = [](double pt) { return std::to_string(static_cast<int>(pt * kDpi / 72)); };
    const double x_min = std::stod((*it)[1]);
    const double y_min = std::stod((*it)[2]);
    RunTool("pdftoppm -r 300 -gray -f 1 -l 1 -singlefile -png -x " + px(30) + " -y " +
            px(y_min - 8) + " -W " + px(x_min - 32) + " -H " + px(46) + " '" + path + "' '" + dir_ +
            "/code'");
    const std::string decoded = RunTool("zbarimg -q --raw '" + dir_ + "/code.png' 2>/dev/null");
    EXPECT_EQ(decoded, token + "\n");
    ++scanned;
  }
  EXPECT_GT(scanned, 10);
}

TEST_F(ListPdfTest, RightToLeftListPutsTheFirstColumnOnTheRight) {
  auto word_x = [&](ListDirection direction) {
    Sample s = MakeSample(3, direction);
    s.list.page_label = "صفحة {page} من {pages}";
    const auto pdf = WriteListPdf(s.list);
    EXPECT_TRUE(pdf.ok()) << pdf.status().ToString();
    const std::string path = Save(*pdf);
    // poppler lists a line's words left to right as they appear: read right to left, this is
    // "صفحة 1 من 1".
    EXPECT_EQ(CountLines(RunTool("pdftotext -enc UTF-8 '" + path + "' -"), "1 من 1 صفحة"), 1u);
    const std::string html = RunTool("pdftotext -bbox -enc UTF-8 '" + path + "' -");
    std::map<std::string, double> x;
    const std::regex word(R"re(<word xMin="([0-9.]+)"[^>]*>([^<]*)</word>)re");
    for (std::sregex_iterator it(html.begin(), html.end(), word), end; it != end; ++it) {
      x.emplace((*it)[2], std::stod((*it)[1]));
    }
    return x;
  };
  auto ltr = word_x(ListDirection::kLeftToRight);
  auto rtl = word_x(ListDirection::kRightToLeft);
  ASSERT_TRUE(ltr.count("Token") && ltr.count("Signature") && ltr.count("Winter"));
  ASSERT_TRUE(rtl.count("Token") && rtl.count("Signature") && rtl.count("Winter"));
  EXPECT_LT(ltr["Token"], ltr["Head"]);
  EXPECT_LT(ltr["Head"], ltr["Signature"]);
  EXPECT_GT(rtl["Token"], rtl["Head"]);
  EXPECT_GT(rtl["Head"], rtl["Signature"]);
  // The title sits on the start side: left in English, right in Arabic.
  EXPECT_LT(ltr["Winter"], 100);
  EXPECT_GT(rtl["Winter"], 300);
}

TEST_F(ListPdfTest, EmptyListIsOnePageSayingSo) {
  Sample s = MakeSample(0);
  const auto pdf = WriteListPdf(s.list);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  const std::string path = Save(*pdf);
  EXPECT_EQ(Pages(path), 1);
  const std::string text = PageTexts(path).at(0);
  EXPECT_NE(text.find("Winter NFI round 12"), std::string::npos);
  EXPECT_NE(text.find("No households on this list"), std::string::npos);
  EXPECT_NE(text.find("page 1 of 1"), std::string::npos);
}

TEST_F(ListPdfTest, RefusesRowsThatDoNotMatchTheColumns) {
  Sample s = MakeSample(3);
  s.list.rows[1].pop_back();
  auto pdf = WriteListPdf(s.list);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(pdf.status().fields().size(), 1u);
  EXPECT_EQ(pdf.status().fields()[0].field, "rows[1]");

  s = MakeSample(3);
  s.list.signature_column = 0;  // the QR column
  pdf = WriteListPdf(s.list);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().fields().at(0).field, "signature_column");
}

TEST_F(ListPdfTest, ListsWrittenAtOnceFromSeveralThreadsAreAllWhole) {
  const Sample s = MakeSample(30);
  constexpr int kThreads = 4;
  std::vector<Result<std::string>> results(kThreads, Status::Internal("not run"));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] { results[t] = WriteListPdf(s.list); });
  }
  for (auto& t : threads) t.join();
  std::string first_text;
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_TRUE(results[t].ok()) << results[t].status().ToString();
    const std::string path = Save(*results[t], "t" + std::to_string(t) + ".pdf");
    const std::string text = RunTool("pdftotext -enc UTF-8 '" + path + "' -");
    if (t == 0) first_text = text;
    EXPECT_EQ(text, first_text) << "thread " << t;
    EXPECT_EQ(Count(RawText(path), AsPopplerReads(s.names[29])), 1u);
  }
}

}  // namespace
}  // namespace sanad::io
