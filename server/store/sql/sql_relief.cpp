// server/store/sql/sql_relief.cpp — SqlStore's complaints and hardship aid (store/relief_store.h).
//
// [SECTION] Complaints   stored under a random case number, read, each step conditional on one state
// [SECTION] Hardship     one open application per person (open_user's unique key), the steps, the public notice
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

// [SECTION] Complaints

constexpr const char* kComplaintColumns =
    "c.id, c.case_no, c.user_id, c.union_id, c.handler, c.category, c.employer, c.text_sealed, c.anonymous, c.name, "
    "c.status, c.reply_sealed, c.rating, c.rating_comment, c.created_at, c.replied_at, c.closed_at";

std::optional<UtcSeconds> optional_time(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return UtcSeconds{row.column_int(column)};
}

std::optional<std::int64_t> optional_int(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return row.column_int(column);
}

ComplaintRecord read_complaint(const Statement& row) {
  ComplaintRecord c;
  c.id = row.column_int(0);
  c.case_no = row.column_text(1);
  c.user = row.column_id<UserId>(2);
  c.union_id = row.column_id<UnionId>(3);
  c.handler = parse_complaint_handler(row.column_text(4)).value_or(ComplaintHandler::county);
  c.category = parse_complaint_category(row.column_text(5)).value_or(ComplaintCategory::other);
  c.employer = row.column_text(6);
  c.text_sealed = row.column_blob(7);
  c.anonymous = row.column_int(8) != 0;
  c.name = row.column_text(9);
  c.status = parse_complaint_status(row.column_text(10)).value_or(ComplaintStatus::submitted);
  if (!row.column_is_null(11)) c.reply_sealed = row.column_blob(11);
  c.rating = optional_int(row, 12);
  c.rating_comment = row.column_text(13);
  c.created_at = UtcSeconds{row.column_int(14)};
  c.replied_at = optional_time(row, 15);
  c.closed_at = optional_time(row, 16);
  return c;
}

std::optional<ComplaintRecord> complaint_on(Connection& connection, std::string_view case_no) {
  auto query = connection.cached(std::string("SELECT ") + kComplaintColumns + " FROM complaints c WHERE c.case_no = ?1");
  query->bind(1, case_no);
  if (!query->step()) return std::nullopt;
  return read_complaint(*query);
}

// [SECTION] Hardship

constexpr const char* kHardshipColumns =
    "h.id, h.case_no, h.user_id, h.union_id, h.name, h.category, h.household_size, h.monthly_income, h.amount_asked, "
    "h.facts_sealed, h.consent_at, h.status, h.created_at, h.checked_at, h.approved_at, h.aided_at, h.rechecked_at, "
    "h.decided_at, h.check_note, h.approval_note, h.amount_granted, h.aid_amount, h.aid_date, h.aid_kind";

HardshipRecord read_hardship(const Statement& row) {
  HardshipRecord h;
  h.id = row.column_int(0);
  h.case_no = row.column_text(1);
  h.user = row.column_id<UserId>(2);
  h.union_id = row.column_id<UnionId>(3);
  h.name = row.column_text(4);
  h.category = parse_hardship_category(row.column_text(5)).value_or(HardshipCategory::living);
  h.household_size = row.column_int(6);
  h.monthly_income = row.column_int(7);
  h.amount_asked = row.column_int(8);
  h.facts_sealed = row.column_blob(9);
  h.consent_at = UtcSeconds{row.column_int(10)};
  h.status = parse_hardship_status(row.column_text(11)).value_or(HardshipStatus::submitted);
  h.created_at = UtcSeconds{row.column_int(12)};
  h.checked_at = optional_time(row, 13);
  h.approved_at = optional_time(row, 14);
  h.aided_at = optional_time(row, 15);
  h.rechecked_at = optional_time(row, 16);
  h.decided_at = optional_time(row, 17);
  h.check_note = row.column_text(18);
  h.approval_note = row.column_text(19);
  h.amount_granted = optional_int(row, 20);
  h.aid_amount = optional_int(row, 21);
  h.aid_date = row.column_text(22);
  h.aid_kind = row.column_text(23);
  return h;
}

std::optional<HardshipRecord> hardship_on(Connection& connection, std::string_view case_no) {
  auto query =
      connection.cached(std::string("SELECT ") + kHardshipColumns + " FROM hardship_applications h WHERE h.case_no = ?1");
  query->bind(1, case_no);
  if (!query->step()) return std::nullopt;
  return read_hardship(*query);
}

}  // namespace

ComplaintRecord SqlStore::create_complaint(const ComplaintRecord& c, const std::function<std::string()>& case_number) {
  return write([&](Connection& writer) {
    for (;;) {
      const std::string case_no = case_number();
      // The case number's unique key: a clash (2^-60) asks for another number instead of failing.
      auto insert = writer.cached(
          "INSERT INTO complaints (case_no, user_id, union_id, handler, category, employer, text_sealed, anonymous, "
          "name, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (case_no) DO NOTHING");
      insert->bind(1, case_no);
      insert->bind(2, c.user);
      insert->bind(3, c.union_id);
      insert->bind(4, complaint_handler_name(c.handler));
      insert->bind(5, complaint_category_name(c.category));
      insert->bind(6, c.employer);
      insert->bind_blob(7, c.text_sealed);
      insert->bind(8, c.anonymous ? 1 : 0);
      insert->bind(9, c.name);
      insert->bind(10, c.created_at.value);
      insert->step();
      if (writer.changes() == 1) return *complaint_on(writer, case_no);
    }
  });
}

std::optional<ComplaintRecord> SqlStore::find_complaint(std::string_view case_no) {
  auto connection = borrow();
  return complaint_on(*connection, case_no);
}

std::vector<ComplaintRecord> SqlStore::user_complaints(UserId user) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(std::string("SELECT ") + kComplaintColumns +
                           " FROM complaints c WHERE c.user_id = ?1 ORDER BY c.id DESC LIMIT 200");
  query->bind(1, user);
  std::vector<ComplaintRecord> out;
  while (query->step()) out.push_back(read_complaint(*query));
  return out;
}

std::vector<ComplaintRecord> SqlStore::subtree_complaints(UnionSubtree subtree, std::optional<ComplaintStatus> status,
                                                          std::size_t limit) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(std::string("SELECT ") + kComplaintColumns +
                           " FROM complaints c WHERE (?3 = 'all' OR c.status = ?3) AND c.union_id IN "
                           "(SELECT id FROM unions WHERE tree_first BETWEEN ?1 AND ?2) ORDER BY c.created_at, c.id "
                           "LIMIT ?4");
  query->bind(1, subtree.first);
  query->bind(2, subtree.last);
  query->bind(3, status ? complaint_status_name(*status) : std::string_view("all"));
  query->bind(4, static_cast<std::int64_t>(limit));
  std::vector<ComplaintRecord> out;
  while (query->step()) out.push_back(read_complaint(*query));
  return out;
}

StepResult SqlStore::reply_complaint(std::string_view case_no, std::string_view reply_sealed, UserId staff,
                                     UtcSeconds now) {
  return write([&](Connection& writer) {
    auto update = writer.cached(
        "UPDATE complaints SET status = 'replied', reply_sealed = ?2, replied_by = ?3, replied_at = ?4 "
        "WHERE case_no = ?1 AND status = 'submitted'");
    update->bind(1, case_no);
    update->bind_blob(2, reply_sealed);
    update->bind(3, staff);
    update->bind(4, now.value);
    update->step();
    if (writer.changes() == 1) return StepResult::done;
    return complaint_on(writer, case_no) ? StepResult::conflict : StepResult::not_found;
  });
}

StepResult SqlStore::close_complaint(std::string_view case_no, UtcSeconds now) {
  return write([&](Connection& writer) {
    auto update =
        writer.cached("UPDATE complaints SET status = 'closed', closed_at = ?2 WHERE case_no = ?1 AND status = 'replied'");
    update->bind(1, case_no);
    update->bind(2, now.value);
    update->step();
    if (writer.changes() == 1) return StepResult::done;
    return complaint_on(writer, case_no) ? StepResult::conflict : StepResult::not_found;
  });
}

StepResult SqlStore::rate_complaint(std::string_view case_no, UserId user, std::int64_t rating,
                                    std::string_view comment, UtcSeconds now) {
  return write([&](Connection& writer) {
    // Once: only a replied complaint without a rating takes one (a closed one was rated or closed by staff).
    auto update = writer.cached(
        "UPDATE complaints SET status = 'closed', rating = ?3, rating_comment = ?4, closed_at = ?5 "
        "WHERE case_no = ?1 AND user_id = ?2 AND status = 'replied' AND rating IS NULL");
    update->bind(1, case_no);
    update->bind(2, user);
    update->bind(3, rating);
    update->bind(4, comment);
    update->bind(5, now.value);
    update->step();
    if (writer.changes() == 1) return StepResult::done;
    const auto c = complaint_on(writer, case_no);
    return c && c->user == user ? StepResult::conflict : StepResult::not_found;
  });
}

// [SECTION] Hardship

std::optional<HardshipRecord> SqlStore::create_hardship(const HardshipRecord& h,
                                                        const std::function<std::string()>& case_number) {
  return write([&](Connection& writer) -> std::optional<HardshipRecord> {
    for (int attempt = 0; attempt < 8; ++attempt) {
      const std::string case_no = case_number();
      {
        auto clash = writer.cached("SELECT 1 FROM hardship_applications WHERE case_no = ?1");
        clash->bind(1, case_no);
        if (clash->step()) continue;
      }
      // open_user's unique key: of two concurrent applications by one person, one is stored.
      auto insert = writer.cached(
          "INSERT INTO hardship_applications (case_no, user_id, open_user, union_id, name, category, household_size, "
          "monthly_income, amount_asked, facts_sealed, consent_at, created_at) "
          "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) ON CONFLICT (open_user) DO NOTHING");
      insert->bind(1, case_no);
      insert->bind(2, h.user);
      insert->bind(3, h.union_id);
      insert->bind(4, h.name);
      insert->bind(5, hardship_category_name(h.category));
      insert->bind(6, h.household_size);
      insert->bind(7, h.monthly_income);
      insert->bind(8, h.amount_asked);
      insert->bind_blob(9, h.facts_sealed);
      insert->bind(10, h.created_at.value);
      insert->step();
      if (writer.changes() != 1) return std::nullopt;
      return hardship_on(writer, case_no);
    }
    throw std::runtime_error("no free case number");
  });
}

std::optional<HardshipRecord> SqlStore::find_hardship(std::string_view case_no) {
  auto connection = borrow();
  return hardship_on(*connection, case_no);
}

std::vector<HardshipRecord> SqlStore::user_hardships(UserId user) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(std::string("SELECT ") + kHardshipColumns +
                           " FROM hardship_applications h WHERE h.user_id = ?1 ORDER BY h.id DESC LIMIT 100");
  query->bind(1, user);
  std::vector<HardshipRecord> out;
  while (query->step()) out.push_back(read_hardship(*query));
  return out;
}

std::vector<HardshipRecord> SqlStore::subtree_hardships(UnionSubtree subtree, std::optional<HardshipStatus> status,
                                                        std::size_t limit) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(std::string("SELECT ") + kHardshipColumns +
                           " FROM hardship_applications h WHERE (?3 = 'all' OR h.status = ?3) AND h.union_id IN "
                           "(SELECT id FROM unions WHERE tree_first BETWEEN ?1 AND ?2) ORDER BY h.created_at, h.id "
                           "LIMIT ?4");
  query->bind(1, subtree.first);
  query->bind(2, subtree.last);
  query->bind(3, status ? hardship_status_name(*status) : std::string_view("all"));
  query->bind(4, static_cast<std::int64_t>(limit));
  std::vector<HardshipRecord> out;
  while (query->step()) out.push_back(read_hardship(*query));
  return out;
}

StepResult SqlStore::step_hardship(const HardshipStep& s) {
  return write([&](Connection& writer) {
    const HardshipStatus from = decision_from(s.decision, s.at_approval);
    const HardshipStatus to = decision_to(s.decision);
    // Each statement names the one state the decision applies to: of concurrent decisions one finds it there.
    const char* sql = nullptr;
    switch (s.decision) {
      case HardshipDecision::pass:
        sql = "UPDATE hardship_applications SET status = ?3, checked_at = ?4, check_note = ?5, checked_by = ?6 "
              "WHERE case_no = ?1 AND status = ?2";
        break;
      case HardshipDecision::send_back:
        sql = "UPDATE hardship_applications SET status = ?3, checked_at = ?4, check_note = ?5, checked_by = ?6, "
              "decided_at = ?4, open_user = NULL WHERE case_no = ?1 AND status = ?2";
        break;
      case HardshipDecision::decline:
        sql = s.at_approval
                  ? "UPDATE hardship_applications SET status = ?3, approved_at = ?4, approval_note = ?5, "
                    "approved_by = ?6, decided_at = ?4, open_user = NULL WHERE case_no = ?1 AND status = ?2"
                  : "UPDATE hardship_applications SET status = ?3, checked_at = ?4, check_note = ?5, checked_by = ?6, "
                    "decided_at = ?4, open_user = NULL WHERE case_no = ?1 AND status = ?2";
        break;
      case HardshipDecision::approve:
        sql = "UPDATE hardship_applications SET status = ?3, approved_at = ?4, approval_note = ?5, approved_by = ?6, "
              "amount_granted = ?7, decided_at = ?4 WHERE case_no = ?1 AND status = ?2";
        break;
      case HardshipDecision::aid:
        sql = "UPDATE hardship_applications SET status = ?3, aided_at = ?4, aid_amount = ?7, aid_date = ?8, "
              "aid_kind = ?9, aided_by = ?6, open_user = NULL, approval_note = approval_note || ?5 "
              "WHERE case_no = ?1 AND status = ?2";
        break;
    }
    auto update = writer.cached(sql);
    update->bind(1, s.case_no);
    update->bind(2, hardship_status_name(from));
    update->bind(3, hardship_status_name(to));
    update->bind(4, s.now.value);
    update->bind(5, s.decision == HardshipDecision::aid ? std::string_view("") : std::string_view(s.note));
    update->bind(6, s.staff);
    if (s.decision == HardshipDecision::approve || s.decision == HardshipDecision::aid) update->bind(7, s.amount);
    if (s.decision == HardshipDecision::aid) {
      update->bind(8, s.aid_date);
      update->bind(9, aid_kind_name(s.aid_kind));
    }
    update->step();
    if (writer.changes() == 1) return StepResult::done;
    return hardship_on(writer, s.case_no) ? StepResult::conflict : StepResult::not_found;
  });
}

bool SqlStore::withdraw_hardship(std::string_view case_no, UserId user) {
  return write([&](Connection& writer) {
    auto remove = writer.cached(
        "DELETE FROM hardship_applications WHERE case_no = ?1 AND user_id = ?2 AND status = 'submitted'");
    remove->bind(1, case_no);
    remove->bind(2, user);
    remove->step();
    return writer.changes() == 1;
  });
}

StepResult SqlStore::recheck_hardship(std::string_view case_no, UtcSeconds now) {
  return write([&](Connection& writer) {
    auto update = writer.cached(
        "UPDATE hardship_applications SET rechecked_at = ?2 WHERE case_no = ?1 AND status = 'aided'");
    update->bind(1, case_no);
    update->bind(2, now.value);
    update->step();
    if (writer.changes() == 1) return StepResult::done;
    return hardship_on(writer, case_no) ? StepResult::conflict : StepResult::not_found;
  });
}

std::vector<HardshipRecord> SqlStore::approved_hardships(UtcSeconds since, std::size_t limit) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(std::string("SELECT ") + kHardshipColumns +
                           " FROM hardship_applications h WHERE h.status IN ('approved', 'aided') AND "
                           "h.approved_at >= ?1 ORDER BY h.approved_at DESC, h.id DESC LIMIT ?2");
  query->bind(1, since.value);
  query->bind(2, static_cast<std::int64_t>(limit));
  std::vector<HardshipRecord> out;
  while (query->step()) out.push_back(read_hardship(*query));
  return out;
}

}  // namespace gongyou::server::sql
