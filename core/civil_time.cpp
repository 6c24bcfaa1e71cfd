// core/civil_time.cpp — calendar arithmetic (H. Hinnant's days_from_civil / civil_from_days), the fixed
// Asia/Shanghai offset and ISO-8601 text. See civil_time.h.
//
// Asia/Shanghai: IANA tzdata (file "asia", zone Asia/Shanghai) has China's last daylight-saving rule end on
// 1991-09-15; since then the zone is CST, UTC+08:00 all year, so a fixed offset is exact for every instant
// this product stores (all of them after 1991).
//
// Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms"
// (https://howardhinnant.github.io/date_algorithms.html), proleptic Gregorian calendar, exact for any
// 64-bit day count used here. No locale is involved: digits are read and written by hand.
#include "core/civil_time.h"

namespace gongyou {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr int kMinutesPerDay = 1'440;

/// Floor division and its remainder (always in [0, d)), for instants before 1970 as well.
constexpr std::int64_t floor_div(std::int64_t n, std::int64_t d) {
  const std::int64_t q = n / d;
  return (n % d != 0 && ((n < 0) != (d < 0))) ? q - 1 : q;
}
constexpr std::int64_t floor_mod(std::int64_t n, std::int64_t d) { return n - floor_div(n, d) * d; }

constexpr bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && is_leap_year(y)) ? 29 : kDays[m - 1];
}

/// Hinnant's days_from_civil: days since 1970-01-01 of y-m-d.
constexpr std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;                                  // [0, 399]
  const std::int64_t day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146'097 + day_of_era - 719'468;
}

/// Hinnant's civil_from_days: the inverse of days_from_civil.
constexpr LocalDate civil_from_days(std::int64_t z) {
  z += 719'468;
  const std::int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
  const std::int64_t day_of_era = z - era * 146'097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;  // [0, 399]
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;  // March = 0
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return LocalDate{static_cast<int>(year), month, day};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11'017);
static_assert(civil_from_days(11'016) == LocalDate{2000, 2, 29});

/// Writes `value` with at least `width` digits (zero-padded); a leading '-' for negatives.
void append_number(std::string& out, std::int64_t value, int width) {
  char digits[24];
  int n = 0;
  const bool negative = value < 0;
  // Work on the negative side so that INT64_MIN does not overflow.
  std::int64_t v = negative ? value : -value;
  do {
    digits[n++] = static_cast<char>('0' - v % 10);
    v /= 10;
  } while (v != 0);
  while (n < width) digits[n++] = '0';
  if (negative) out.push_back('-');
  while (n > 0) out.push_back(digits[--n]);
}

/// A strict left-to-right reader of fixed-format text.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  /// Consumes `c` if it is next.
  bool accept(char c) {
    if (peek() != c || at_end()) return false;
    ++pos_;
    return true;
  }

  /// Reads exactly `count` ASCII digits.
  bool digits(int count, int& out) {
    int value = 0;
    for (int i = 0; i < count; ++i) {
      const char c = peek();
      if (at_end() || c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
      ++pos_;
    }
    out = value;
    return true;
  }

  /// Reads one or more ASCII digits (at most `max_count`), discarding their value.
  bool skip_digits(int max_count) {
    int count = 0;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      ++pos_;
      if (++count > max_count) return false;
    }
    return count > 0;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool read_date(Reader& r, LocalDate& out) {
  LocalDate d;
  if (!r.digits(4, d.year) || !r.accept('-') || !r.digits(2, d.month) || !r.accept('-') || !r.digits(2, d.day)) {
    return false;
  }
  if (!is_valid(d)) return false;
  out = d;
  return true;
}

/// Reads "HH:MM" (00:00–23:59) into minutes since midnight.
bool read_hours_minutes(Reader& r, int& minutes) {
  int h = 0, m = 0;
  if (!r.digits(2, h) || !r.accept(':') || !r.digits(2, m)) return false;
  if (h > 23 || m > 59) return false;
  minutes = h * 60 + m;
  return true;
}

}  // namespace

std::int64_t days_since_epoch(LocalDate date) { return days_from_civil(date.year, date.month, date.day); }

LocalDate date_from_days(std::int64_t days) { return civil_from_days(days); }

LocalDate add_days(LocalDate date, int n) { return civil_from_days(days_since_epoch(date) + n); }

int iso_weekday(LocalDate date) {
  // 1970-01-01 was a Thursday (ISO 4).
  return static_cast<int>(floor_mod(days_since_epoch(date) + 3, 7)) + 1;
}

bool is_valid(LocalDate date) {
  return date.year >= 1970 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

UtcSeconds to_utc(LocalDate date, LocalTime time) {
  return UtcSeconds{days_since_epoch(date) * kSecondsPerDay + std::int64_t{time.minutes} * 60 -
                    kShanghaiOffsetSeconds};
}

LocalDate shanghai_date(UtcSeconds t) {
  return civil_from_days(floor_div(t.value + kShanghaiOffsetSeconds, kSecondsPerDay));
}

LocalTime shanghai_time(UtcSeconds t) {
  return LocalTime{static_cast<int>(floor_mod(t.value + kShanghaiOffsetSeconds, kSecondsPerDay) / 60)};
}

std::string format_iso8601(UtcSeconds t) {
  const std::int64_t second_of_day = floor_mod(t.value + kShanghaiOffsetSeconds, kSecondsPerDay);
  std::string out = format_date(shanghai_date(t));
  out.push_back('T');
  append_number(out, second_of_day / 3600, 2);
  out.push_back(':');
  append_number(out, second_of_day / 60 % 60, 2);
  out.push_back(':');
  append_number(out, second_of_day % 60, 2);
  out += "+08:00";
  return out;
}

std::string format_date(LocalDate date) {
  std::string out;
  out.reserve(10);
  append_number(out, date.year, 4);
  out.push_back('-');
  append_number(out, date.month, 2);
  out.push_back('-');
  append_number(out, date.day, 2);
  return out;
}

std::string format_time(LocalTime time) {
  std::string out;
  out.reserve(5);
  append_number(out, floor_div(time.minutes, 60), 2);
  out.push_back(':');
  append_number(out, floor_mod(time.minutes, 60), 2);
  return out;
}

std::optional<UtcSeconds> parse_iso8601(std::string_view text) {
  // YYYY-MM-DD "T" HH:MM[:SS[.F{1,9}]] ("Z" | ("+"|"-") HH:MM) — RFC 3339's profile of ISO 8601 with optional
  // seconds. Upper-case T and Z only; no leap second (Unix time has none); hour 24 is not a time of day here.
  Reader r(text);
  LocalDate date;
  int minute_of_day = 0;
  if (!read_date(r, date) || !r.accept('T') || !read_hours_minutes(r, minute_of_day)) return std::nullopt;
  int second = 0;
  if (r.accept(':')) {
    if (!r.digits(2, second) || second > 59) return std::nullopt;
    // A fraction is allowed and dropped: instants are whole seconds (it can only add, so this is the floor).
    if (r.accept('.') && !r.skip_digits(9)) return std::nullopt;
  }
  int offset_minutes = 0;
  if (!r.accept('Z')) {
    int sign = 0;
    if (r.accept('+')) {
      sign = 1;
    } else if (r.accept('-')) {
      sign = -1;
    } else {
      return std::nullopt;  // an offset is required: a bare local time names no instant
    }
    int magnitude = 0;
    if (!read_hours_minutes(r, magnitude)) return std::nullopt;
    offset_minutes = sign * magnitude;
  }
  if (!r.at_end()) return std::nullopt;
  const std::int64_t local_seconds =
      days_since_epoch(date) * kSecondsPerDay + std::int64_t{minute_of_day} * 60 + second;
  return UtcSeconds{local_seconds - std::int64_t{offset_minutes} * 60};
}

std::optional<LocalDate> parse_date(std::string_view text) {
  Reader r(text);
  LocalDate date;
  if (!read_date(r, date) || !r.at_end()) return std::nullopt;
  return date;
}

std::optional<LocalTime> parse_time(std::string_view text) {
  if (text == "24:00") return LocalTime{kMinutesPerDay};  // end of day, e.g. a closing time
  Reader r(text);
  int minutes = 0;
  if (!read_hours_minutes(r, minutes) || !r.at_end()) return std::nullopt;
  return LocalTime{minutes};
}

}  // namespace gongyou
