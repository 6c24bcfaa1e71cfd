// core/opening_hours.cpp — see opening_hours.h.
//
// [SECTION] Grammar (a subset of the OSM opening_hours specification,
//   https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification)
//   hours      := rule { ("; " | ", ") rule }        ";" starts a normal rule, "," an additional rule
//   rule       := "24/7" [modifier]
//               | [dates] [weekdays] [times] [modifier]   (at least one part)
//   dates      := date_range { "," date_range }
//   date_range := [year] month [day] [ "-" [year] [month] [day] ]     "Oct 01-07", "2026 Oct 01-2026 Oct 07",
//                                                                     "Dec 20-Jan 05", "Jan-Mar", "10月1日至7日"
//   weekdays   := wd { "," wd };  wd := Mo..Su [ "-" Mo..Su ] | "PH"    "Su-Tu" wraps the week's end
//   times      := span { "," span };  span := hh:mm "-" hh:mm            "22:00-06:00" and "22:00-30:00" are the same
//   modifier   := ("off" | "closed" | "open") [ "\"comment\"" ]
// Chinese words are read as the same tokens: 周一…周日/星期一…星期日/周天 = Mo…Su, 每天/每日 = Mo-Su,
// 工作日 = Mo-Fr, 周末 = Sa,Su, 节假日/法定节假日 = PH, 至/到/～ = "-", 、/， = ",", ； = ";", ： in times,
// 全天/24小时 = 00:00-24:00, 次日 before a closing time (next day), 休息/闭馆/关闭/不开放 = off, 开放/营业 = open,
// N年/N月/N日/N号 = year, month, day.
// Not supported, and a parse error rather than a guess: fallback rules "||", week numbers, sunrise/sunset,
// open ends "10:00+", school holidays "SH", nth weekdays "Sa[1]", "unknown".
//
// [SECTION] Meaning (the specification's "time domain" evaluation, see also opening_hours.js issues #87, #261)
//   Rules apply in order. A normal rule that selects a day replaces everything earlier rules said about that day,
//   including the part past midnight of the day before; an additional rule only adds. A range past midnight
//   ("Fr 22:00-04:00") belongs to the day it starts on and is open on the next morning until a later rule
//   replaces that morning: "Fr 22:00-04:00; Sa off" is closed at Sa 02:00, "Sa off; Fr 22:00-04:00" is open.
//   An "off" rule with times only closes those times ("Mo-Fr 08:00-18:00; We 12:00-14:00 off" is a lunch break).
//   A rule without times means the whole day; "PH" selects the dates of the HolidayCalendar given to is_open_at.
#include "core/opening_hours.h"

#include <algorithm>
#include <array>

namespace gongyou {
namespace {

constexpr int kMinutesPerDay = 24 * 60;

// [SECTION] Tokens

enum class Tok : std::uint8_t {
  end,
  weekday,    // value 0..6 (Mo..Su)
  every_day,  // 每天
  workdays,   // 工作日
  weekend,    // 周末
  holiday,    // PH
  year,       // value
  month,      // value 1..12
  day,        // value 1..31 ("日"/"号" after digits)
  number,     // value, bare digits
  time,       // value minutes, hh:mm
  full_day,   // 全天, 24小时
  next_day,   // 次日
  always,     // 24/7
  dash,
  comma,
  semicolon,
  off,
  open,
  comment,
};

struct Token {
  Tok kind = Tok::end;
  int value = 0;
  std::size_t offset = 0;  // byte offset in the text
};

struct Word {
  std::string_view text;
  Tok kind;
  int value;
};

// Longest spellings first where one is a prefix of another (星期日 before 星期).
constexpr std::array kChineseWords{
    Word{"法定节假日", Tok::holiday, 0},
    Word{"节假日", Tok::holiday, 0},
    Word{"节日", Tok::holiday, 0},
    Word{"星期一", Tok::weekday, 0},
    Word{"星期二", Tok::weekday, 1},
    Word{"星期三", Tok::weekday, 2},
    Word{"星期四", Tok::weekday, 3},
    Word{"星期五", Tok::weekday, 4},
    Word{"星期六", Tok::weekday, 5},
    Word{"星期日", Tok::weekday, 6},
    Word{"星期天", Tok::weekday, 6},
    Word{"周一", Tok::weekday, 0},
    Word{"周二", Tok::weekday, 1},
    Word{"周三", Tok::weekday, 2},
    Word{"周四", Tok::weekday, 3},
    Word{"周五", Tok::weekday, 4},
    Word{"周六", Tok::weekday, 5},
    Word{"周日", Tok::weekday, 6},
    Word{"周天", Tok::weekday, 6},
    Word{"每天", Tok::every_day, 0},
    Word{"每日", Tok::every_day, 0},
    Word{"工作日", Tok::workdays, 0},
    Word{"周末", Tok::weekend, 0},
    Word{"全天", Tok::full_day, 0},
    Word{"次日", Tok::next_day, 0},
    Word{"不开放", Tok::off, 0},
    Word{"休息", Tok::off, 0},
    Word{"闭馆", Tok::off, 0},
    Word{"关闭", Tok::off, 0},
    Word{"开放", Tok::open, 0},
    Word{"营业", Tok::open, 0},
    Word{"至", Tok::dash, 0},
    Word{"到", Tok::dash, 0},
    Word{"～", Tok::dash, 0},
    Word{"－", Tok::dash, 0},
    Word{"—", Tok::dash, 0},
    Word{"–", Tok::dash, 0},
    Word{"、", Tok::comma, 0},
    Word{"，", Tok::comma, 0},
    Word{"；", Tok::semicolon, 0},
};

constexpr std::array kAsciiWords{
    Word{"Mo", Tok::weekday, 0}, Word{"Tu", Tok::weekday, 1}, Word{"We", Tok::weekday, 2}, Word{"Th", Tok::weekday, 3},
    Word{"Fr", Tok::weekday, 4}, Word{"Sa", Tok::weekday, 5}, Word{"Su", Tok::weekday, 6}, Word{"PH", Tok::holiday, 0},
    Word{"Jan", Tok::month, 1},  Word{"Feb", Tok::month, 2},  Word{"Mar", Tok::month, 3},  Word{"Apr", Tok::month, 4},
    Word{"May", Tok::month, 5},  Word{"Jun", Tok::month, 6},  Word{"Jul", Tok::month, 7},  Word{"Aug", Tok::month, 8},
    Word{"Sep", Tok::month, 9},  Word{"Oct", Tok::month, 10}, Word{"Nov", Tok::month, 11}, Word{"Dec", Tok::month, 12},
    Word{"off", Tok::off, 0},    Word{"closed", Tok::off, 0}, Word{"open", Tok::open, 0},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

/// Splits the text into tokens; the first unreadable character is an error.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  /// Reads all tokens into `out`; false with `error` set on an unreadable character.
  bool run(std::vector<Token>& out, HoursError& error) {
    while (true) {
      skip_space();
      if (pos_ >= text_.size()) break;
      Token token{Tok::end, 0, pos_};
      if (!next(token, error)) return false;
      out.push_back(token);
    }
    out.push_back(Token{Tok::end, 0, text_.size()});
    return true;
  }

 private:
  void skip_space() {
    while (pos_ < text_.size()) {
      if (text_[pos_] == ' ' || text_[pos_] == '\t') {
        ++pos_;
      } else if (text_.substr(pos_, 3) == "\u3000") {  // ideographic space
        pos_ += 3;
      } else {
        break;
      }
    }
  }

  bool starts_with(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }

  /// Reads a run of digits (at most 4); its value, or -1 when there is none.
  int digits(std::size_t& count) {
    int value = 0;
    count = 0;
    while (pos_ < text_.size() && is_digit(text_[pos_]) && count < 5) {
      value = value * 10 + (text_[pos_] - '0');
      ++pos_;
      ++count;
    }
    return count == 0 ? -1 : value;
  }

  bool fail(HoursError& error, std::size_t at, std::string message) {
    error = HoursError{at, std::move(message)};
    return false;
  }

  bool next(Token& token, HoursError& error) {
    const std::size_t start = pos_;
    const char c = text_[pos_];
    if (starts_with("24/7")) {
      pos_ += 4;
      token.kind = Tok::always;
      return true;
    }
    if (is_digit(c)) return number(token, error);
    if (is_letter(c)) {
      while (pos_ < text_.size() && is_letter(text_[pos_])) ++pos_;
      const std::string_view word = text_.substr(start, pos_ - start);
      for (const Word& w : kAsciiWords)
        if (equal_ignoring_case(word, w.text)) {
          token.kind = w.kind;
          token.value = w.value;
          return true;
        }
      return fail(error, start, "unknown word '" + std::string(word) + "' (expected Mo..Su, PH, Jan..Dec, off, open)");
    }
    switch (c) {
      case '-':
      case '~':
        token.kind = Tok::dash;
        ++pos_;
        return true;
      case ',':
        token.kind = Tok::comma;
        ++pos_;
        return true;
      case ';':
        token.kind = Tok::semicolon;
        ++pos_;
        return true;
      case '|':
        return fail(error, start, "fallback rules (\"||\") are not supported");
      case '"': {
        const std::size_t close = text_.find('"', pos_ + 1);
        if (close == std::string_view::npos) return fail(error, start, "a comment \"...\" is not closed");
        pos_ = close + 1;
        token.kind = Tok::comment;
        return true;
      }
      default:
        break;
    }
    for (const Word& w : kChineseWords)
      if (starts_with(w.text)) {
        pos_ += w.text.size();
        token.kind = w.kind;
        token.value = w.value;
        return true;
      }
    // Name the whole UTF-8 character in the message, not a lone byte.
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(c);
    if (lead >= 0xF0)
      length = 4;
    else if (lead >= 0xE0)
      length = 3;
    else if (lead >= 0xC0)
      length = 2;
    return fail(error, start, "unexpected '" + std::string(text_.substr(start, length)) + "'");
  }

  /// Digits: a time "9:00"/"09:00"/"09：00", a year (4 digits or 年), a month (月), a day (日/号), 24小时, or a number.
  bool number(Token& token, HoursError& error) {
    const std::size_t start = pos_;
    std::size_t count = 0;
    const int value = digits(count);
    if (count > 4) return fail(error, start, "a number with too many digits");
    const bool colon = starts_with(":") || starts_with("：");
    if (colon) {
      pos_ += starts_with(":") ? 1 : 3;
      std::size_t minute_digits = 0;
      const int minutes = digits(minute_digits);
      if (count > 2 || minute_digits != 2) return fail(error, start, "a time must be written hh:mm, e.g. 09:30");
      if (value > 48 || minutes > 59 || value * 60 + minutes > 2 * kMinutesPerDay)
        return fail(error, start, "a time must be from 00:00 to 24:00 (or up to 48:00 for the next day)");
      token.kind = Tok::time;
      token.value = value * 60 + minutes;
      return true;
    }
    token.value = value;
    if (starts_with("年")) {
      pos_ += 3;
      token.kind = Tok::year;
    } else if (starts_with("月")) {
      pos_ += 3;
      token.kind = Tok::month;
      if (value < 1 || value > 12) return fail(error, start, "a month must be from 1 to 12");
    } else if (starts_with("日") || starts_with("号")) {
      pos_ += 3;
      token.kind = Tok::day;
    } else if (starts_with("小时") && value == 24) {
      pos_ += 6;
      token.kind = Tok::full_day;
    } else {
      token.kind = count == 4 ? Tok::year : Tok::number;
    }
    if (token.kind == Tok::year && (value < 1970 || value > 9999))
      return fail(error, start, "a year must be from 1970 to 9999");
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// [SECTION] Parser

constexpr int days_in_month(int month) {
  constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};  // Feb 29 may be selected
  return kDays[month - 1];
}

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, std::size_t text_size) : tokens_(tokens), text_size_(text_size) {}

  bool run(OpeningSchedule& schedule, HoursError& error) {
    if (peek().kind == Tok::end) return fail(error, "the opening hours are empty");
    bool additional = false;
    while (true) {
      OpeningRule rule;
      rule.additional = additional;
      if (!parse_rule(rule, error)) return false;
      schedule.rules.push_back(std::move(rule));
      const Token& separator = peek();
      if (separator.kind == Tok::end) return true;
      if (separator.kind != Tok::semicolon && separator.kind != Tok::comma)
        return fail(error, "expected ';' between rules here");
      additional = separator.kind == Tok::comma;
      ++at_;
      if (peek().kind == Tok::end) {
        if (!additional) return true;  // a trailing ";" is harmless
        return fail(error, "a rule must follow ','");
      }
    }
  }

 private:
  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(at_ + ahead, tokens_.size() - 1)]; }
  bool accept(Tok kind) {
    if (peek().kind != kind) return false;
    ++at_;
    return true;
  }
  bool fail(HoursError& error, std::string message) const {
    error = HoursError{peek().kind == Tok::end ? text_size_ : peek().offset, std::move(message)};
    return false;
  }

  static bool starts_date(Tok k) { return k == Tok::year || k == Tok::month; }
  static bool starts_weekday(Tok k) {
    return k == Tok::weekday || k == Tok::holiday || k == Tok::every_day || k == Tok::workdays || k == Tok::weekend;
  }
  static bool starts_time(Tok k) { return k == Tok::time || k == Tok::full_day; }

  bool parse_rule(OpeningRule& rule, HoursError& error) {
    bool any = false;
    if (accept(Tok::always)) {
      any = true;  // every day, the whole day
    } else {
      if (starts_date(peek().kind)) {
        any = true;
        do {
          DateRange range;
          if (!parse_date_range(range, error)) return false;
          rule.dates.push_back(range);
        } while (peek().kind == Tok::comma && starts_date(peek(1).kind) && accept(Tok::comma));
      }
      if (starts_weekday(peek().kind)) {
        any = true;
        do {
          if (!parse_weekdays(rule, error)) return false;
        } while (peek().kind == Tok::comma && starts_weekday(peek(1).kind) && accept(Tok::comma));
      }
      if (starts_time(peek().kind)) {
        any = true;
        do {
          TimeRange range;
          if (!parse_time_range(range, error)) return false;
          rule.times.push_back(range);
        } while (peek().kind == Tok::comma && starts_time(peek(1).kind) && accept(Tok::comma));
      }
    }
    if (accept(Tok::off)) {
      rule.closed = true;
      any = true;
    } else if (accept(Tok::open)) {
      any = true;
    }
    if (accept(Tok::comment)) any = true;
    if (!any) return fail(error, "expected days (Mo-Fr, 周一至周五), a date, a time (09:00-17:00) or 'off' here");
    return true;
  }

  /// [year] month [day], each missing part taken from `inherit` when given (the end of a range).
  bool parse_month_day(MonthDay& out, bool& whole_month, const MonthDay* inherit, HoursError& error) {
    out = inherit ? *inherit : MonthDay{};
    bool has_year = false, has_month = false;
    if (peek().kind == Tok::year) {
      out.year = static_cast<std::int16_t>(peek().value);
      has_year = true;
      ++at_;
    }
    if (peek().kind == Tok::month) {
      out.month = static_cast<std::int8_t>(peek().value);
      has_month = true;
      ++at_;
    } else if (!inherit) {
      return fail(error, "expected a month (Jan..Dec or N月) here");
    } else if (has_year) {
      return fail(error, "expected a month after the year");
    }
    whole_month = false;
    if (peek().kind == Tok::number || peek().kind == Tok::day) {
      const int day = peek().value;
      if (day < 1 || day > days_in_month(out.month)) return fail(error, "no such day in that month");
      out.day = static_cast<std::int8_t>(day);
      ++at_;
    } else if (has_month) {
      whole_month = true;
      out.day = 1;
    } else {
      return fail(error, "expected a day of the month here");
    }
    return true;
  }

  bool parse_date_range(DateRange& range, HoursError& error) {
    bool whole_from = false, whole_to = false;
    if (!parse_month_day(range.from, whole_from, nullptr, error)) return false;
    range.to = range.from;
    if (whole_from) range.to.day = static_cast<std::int8_t>(days_in_month(range.from.month));
    if (!accept(Tok::dash)) return true;
    if (!parse_month_day(range.to, whole_to, &range.from, error)) return false;
    if (whole_to) range.to.day = static_cast<std::int8_t>(days_in_month(range.to.month));
    if ((range.from.year == 0) != (range.to.year == 0)) return fail(error, "give the year on both ends or neither");
    const auto key = [](MonthDay d) { return std::array<int, 3>{d.year, d.month, d.day}; };
    if (range.from.year != 0 && key(range.to) < key(range.from))
      return fail(error, "this date range ends before it starts");
    return true;
  }

  bool parse_weekdays(OpeningRule& rule, HoursError& error) {
    const Token token = peek();
    ++at_;
    switch (token.kind) {
      case Tok::holiday:
        rule.holidays = true;
        return true;
      case Tok::every_day:
        rule.weekdays |= 0x7F;
        return true;
      case Tok::workdays:
        rule.weekdays |= 0x1F;
        return true;
      case Tok::weekend:
        rule.weekdays |= 0x60;
        return true;
      default:
        break;
    }
    int last = token.value;
    if (accept(Tok::dash)) {
      if (peek().kind != Tok::weekday) return fail(error, "expected a weekday after '-' (Mo-Fr, 周一至周五)");
      last = peek().value;
      ++at_;
    }
    for (int d = token.value;; d = (d + 1) % 7) {  // Su-Tu wraps over the week's end
      rule.weekdays |= static_cast<std::uint8_t>(1u << d);
      if (d == last) break;
    }
    return true;
  }

  bool parse_time_range(TimeRange& range, HoursError& error) {
    if (accept(Tok::full_day)) {
      range = TimeRange{0, kMinutesPerDay};
      return true;
    }
    const int start = peek().value;
    if (start >= kMinutesPerDay) return fail(error, "an opening time must be before 24:00");
    ++at_;
    if (!accept(Tok::dash)) return fail(error, "expected '-' and a closing time (09:00-17:00)");
    const bool next_day = accept(Tok::next_day);
    if (peek().kind != Tok::time) return fail(error, "expected a closing time hh:mm here");
    int end = peek().value;
    if (next_day) {
      if (end > kMinutesPerDay) return fail(error, "次日 takes a time up to 24:00");
      end += kMinutesPerDay;
    } else if (end == start) {
      return fail(error, "this time range opens and closes at the same minute");
    } else if (end < start) {
      end += kMinutesPerDay;  // "22:00-06:00": until 06:00 the next day (the specification's wrapping rule)
    }
    if (end > 2 * kMinutesPerDay) return fail(error, "a time range may not end after 48:00");
    ++at_;
    range = TimeRange{static_cast<std::int16_t>(start), static_cast<std::int16_t>(end)};
    return true;
  }

  const std::vector<Token>& tokens_;
  std::size_t text_size_;
  std::size_t at_ = 0;
};

// [SECTION] Evaluation

bool date_in(const DateRange& r, LocalDate d) {
  if (r.from.year != 0) {
    const std::array<int, 3> x{d.year, d.month, d.day}, a{r.from.year, r.from.month, r.from.day},
        b{r.to.year, r.to.month, r.to.day};
    return a <= x && x <= b;
  }
  const int x = d.month * 100 + d.day, a = r.from.month * 100 + r.from.day, b = r.to.month * 100 + r.to.day;
  return a <= b ? (a <= x && x <= b) : (x >= a || x <= b);  // "Dec 20-Jan 05" wraps the new year
}

bool selects(const OpeningRule& rule, LocalDate date, int weekday_bit, bool holiday) {
  if (!rule.dates.empty() &&
      std::none_of(rule.dates.begin(), rule.dates.end(), [&](const DateRange& r) { return date_in(r, date); }))
    return false;
  if (rule.weekdays == 0 && !rule.holidays) return true;
  return ((rule.weekdays >> weekday_bit) & 1u) != 0 || (rule.holidays && holiday);
}

}  // namespace

// [SECTION] Public functions

std::variant<OpeningSchedule, HoursError> parse_opening_hours(std::string_view text) {
  std::vector<Token> tokens;
  HoursError error;
  if (!Lexer(text).run(tokens, error)) return error;
  OpeningSchedule schedule;
  if (!Parser(tokens, text.size()).run(schedule, error)) return error;
  return schedule;
}

bool is_open_at(const OpeningSchedule& schedule, LocalDate date, LocalTime time, HolidayCalendar holidays) {
  const LocalDate yesterday = add_days(date, -1);
  const int today_bit = iso_weekday(date) - 1, yesterday_bit = (today_bit + 6) % 7;
  const bool today_holiday = holidays.contains(date), yesterday_holiday = holidays.contains(yesterday);
  const int t = time.minutes;
  bool open = false;
  for (const OpeningRule& rule : schedule.rules) {
    const bool today = selects(rule, date, today_bit, today_holiday);
    // A normal rule replaces the whole day, last night's tail included; "We 12:00-14:00 off" only closes its times.
    if (today && !rule.additional && !(rule.closed && !rule.times.empty())) open = false;
    if (selects(rule, yesterday, yesterday_bit, yesterday_holiday))
      for (const TimeRange& r : rule.times)
        if (r.end > kMinutesPerDay && t + kMinutesPerDay >= r.start && t + kMinutesPerDay < r.end) open = !rule.closed;
    if (!today) continue;
    if (rule.times.empty()) {
      open = !rule.closed;
    } else {
      for (const TimeRange& r : rule.times)
        if (t >= r.start && t < r.end) open = !rule.closed;
    }
  }
  return open;
}

bool is_open_at(const OpeningSchedule& schedule, UtcSeconds instant, HolidayCalendar holidays) {
  return is_open_at(schedule, shanghai_date(instant), shanghai_time(instant), holidays);
}

bool open_throughout(const OpeningSchedule& schedule, int iso_weekday, LocalTime from, LocalTime until) {
  if (iso_weekday < 1 || iso_weekday > 7 || until.minutes <= from.minutes) return false;
  // A week with no dated rules in force for any plausible schedule: 2001-01-01 was a Monday.
  const LocalDate day = add_days(LocalDate{2001, 1, 1}, iso_weekday - 1);
  for (int m = from.minutes; m < until.minutes; m += 15)
    if (!is_open_at(schedule, day, LocalTime{m})) return false;
  return is_open_at(schedule, day, LocalTime{until.minutes - 1});
}

}  // namespace gongyou
