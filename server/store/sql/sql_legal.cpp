// server/store/sql/sql_legal.cpp — SqlStore's legal aid (store/legal_store.h).
//
// [SECTION] Rows        a consultation with its names and counts, its thread and photos
// [SECTION] Asking      created under a unique case number, found, looked up, listed
// [SECTION] Changes     assigned once, the first answer once, closed once, photos up to three
// [SECTION] Lookups     failures per address
// [SECTION] Demo        seeding
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

// [SECTION] Rows

constexpr const char* kConsultationSelect =
    "SELECT c.id, c.case_number, c.asker_id, ua.display_name, c.category, c.question, c.phone_sealed, c.phone_masked, "
    "c.status, c.lawyer_user_id, COALESCE(ul.display_name, ''), c.asked_at, c.assigned_at, c.first_answered_at, "
    "c.closed_at, c.updated_at, (SELECT COUNT(*) FROM legal_messages m WHERE m.consultation_id = c.id) "
    "FROM legal_consultations c JOIN users ua ON ua.id = c.asker_id LEFT JOIN users ul ON ul.id = c.lawyer_user_id ";

std::optional<UtcSeconds> optional_time(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return UtcSeconds{row.column_int(column)};
}

ConsultationRecord read_consultation(const Statement& row) {
  ConsultationRecord c;
  c.id = row.column_id<ConsultationId>(0);
  c.case_number = row.column_text(1);
  c.asker = row.column_id<UserId>(2);
  c.asker_name = row.column_text(3);
  c.category = parse_legal_category(row.column_text(4)).value_or(LegalCategory::wages_owed);
  c.question = row.column_text(5);
  c.phone_sealed = row.column_blob(6);
  c.phone_masked = row.column_text(7);
  c.status = parse_consultation_status(row.column_text(8)).value_or(ConsultationStatus::open);
  if (!row.column_is_null(9)) c.lawyer = row.column_id<UserId>(9);
  c.lawyer_name = row.column_text(10);
  c.asked_at = UtcSeconds{row.column_int(11)};
  c.assigned_at = optional_time(row, 12);
  c.first_answered_at = optional_time(row, 13);
  c.closed_at = optional_time(row, 14);
  c.updated_at = UtcSeconds{row.column_int(15)};
  c.message_count = row.column_int(16);
  return c;
}

std::optional<ConsultationRecord> consultation_on(Connection& connection, ConsultationId id) {
  auto query = connection.cached(std::string(kConsultationSelect) + "WHERE c.id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_consultation(*query);
}

void fill_thread(Connection& connection, ConsultationRecord& c) {
  auto messages = connection.cached(
      "SELECT m.id, m.author_id, u.display_name, m.from_lawyer, m.text, m.created_at FROM legal_messages m "
      "JOIN users u ON u.id = m.author_id WHERE m.consultation_id = ?1 ORDER BY m.id");
  messages->bind(1, c.id);
  while (messages->step())
    c.messages.push_back({messages->column_int(0), messages->column_id<UserId>(1), messages->column_text(2),
                          messages->column_int(3) != 0, messages->column_text(4), UtcSeconds{messages->column_int(5)}});
  auto photos = connection.cached(
      "SELECT id, kind, width, height, size, created_at FROM legal_photos WHERE consultation_id = ?1 ORDER BY seq");
  photos->bind(1, c.id);
  while (photos->step()) {
    LegalPhotoRecord p;
    p.id = photos->column_int(0);
    p.kind = photos->column_text(1) == "png" ? PhotoKind::png : PhotoKind::jpeg;
    p.width = photos->column_int(2);
    p.height = photos->column_int(3);
    p.size = photos->column_int(4);
    p.at = UtcSeconds{photos->column_int(5)};
    c.photos.push_back(std::move(p));
  }
}

/// Locks the consultation's row where writes are not serial anyway; false when there is none.
bool lock_consultation(Connection& writer, ConsultationId id) {
  const char* lock = writer.dialect().for_update();
  auto query = writer.cached(std::string("SELECT id FROM legal_consultations WHERE id = ?1") + lock);
  query->bind(1, id);
  return query->step();
}

void insert_message(Connection& writer, ConsultationId id, UserId author, bool from_lawyer, std::string_view text,
                    UtcSeconds at) {
  auto insert = writer.cached(
      "INSERT INTO legal_messages (consultation_id, author_id, from_lawyer, text, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  insert->bind(1, id);
  insert->bind(2, author);
  insert->bind(3, from_lawyer ? 1 : 0);
  insert->bind(4, text);
  insert->bind(5, at.value);
  insert->step();
}

}  // namespace

// [SECTION] Asking

ConsultationRecord SqlStore::create_consultation(const NewConsultation& c,
                                                 const std::function<std::string()>& make_case_number) {
  return write_locking([&](Connection& writer) {
    ConsultationId id;
    // 50 random bits: a collision is rare, and the unique key turns one into another draw, never into an error.
    for (int attempt = 0; attempt < 8 && !id.value; ++attempt) {
      auto insert = writer.cached(
          "INSERT INTO legal_consultations (case_number, asker_id, category, question, phone_sealed, phone_hash, "
          "phone_masked, asked_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
          "ON CONFLICT (case_number) DO NOTHING RETURNING id");
      insert->bind(1, make_case_number());
      insert->bind(2, c.asker);
      insert->bind(3, legal_category_name(c.category));
      insert->bind(4, c.question);
      insert->bind_blob(5, c.phone_sealed);
      insert->bind_blob(6, c.phone_hash);
      insert->bind(7, c.phone_masked);
      insert->bind(8, c.now.value);
      if (insert->step()) id = insert->column_id<ConsultationId>(0);
    }
    if (!id.value) throw std::runtime_error("no free case number after 8 draws");
    return *consultation_on(writer, id);
  });
}

std::optional<ConsultationRecord> SqlStore::find_consultation(ConsultationId id) {
  auto connection = borrow();
  auto c = consultation_on(*connection, id);
  if (c) fill_thread(*connection, *c);
  return c;
}

std::optional<ConsultationRecord> SqlStore::lookup_case(std::string_view case_number, std::string_view phone_hash) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string(kConsultationSelect) + "WHERE c.case_number = ?1 AND c.phone_hash = ?2");
  query->bind(1, case_number);
  query->bind_blob(2, phone_hash);
  if (!query->step()) return std::nullopt;
  return read_consultation(*query);
}

std::vector<ConsultationRecord> SqlStore::user_consultations(UserId asker) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string(kConsultationSelect) + "WHERE c.asker_id = ?1 ORDER BY c.id DESC LIMIT 200");
  query->bind(1, asker);
  std::vector<ConsultationRecord> out;
  while (query->step()) out.push_back(read_consultation(*query));
  return out;
}

std::vector<ConsultationRecord> SqlStore::legal_queue(const LegalQueueQuery& q) {
  auto connection = borrow();
  // Overdue first: not answered nor closed, and asked 24 h or more before now; then the oldest question first.
  auto query = (*connection).cached(
      std::string(kConsultationSelect) +
      "WHERE (?1 = 0 OR c.lawyer_user_id = ?1) AND (?2 = '' OR c.status = ?2) AND (?3 = 1 OR c.status <> 'closed') "
      "ORDER BY CASE WHEN c.status IN ('open', 'assigned') AND c.asked_at <= ?4 THEN 0 ELSE 1 END, c.asked_at, c.id "
      "LIMIT ?5");
  query->bind(1, q.lawyer ? q.lawyer->value : 0);
  query->bind(2, q.status ? consultation_status_name(*q.status) : std::string_view{});
  query->bind(3, q.include_closed || q.status == ConsultationStatus::closed ? 1 : 0);
  query->bind(4, q.now.value - kFirstAnswerTargetSeconds);
  query->bind(5, static_cast<std::int64_t>(q.limit));
  std::vector<ConsultationRecord> out;
  while (query->step()) out.push_back(read_consultation(*query));
  return out;
}

std::vector<LawyerLoad> SqlStore::lawyer_loads() {
  auto connection = borrow();
  auto query = (*connection).cached(
      "SELECT u.id, u.display_name, (SELECT COUNT(*) FROM legal_consultations c WHERE c.lawyer_user_id = u.id AND "
      "c.status IN ('assigned', 'answered')) AS load FROM users u WHERE EXISTS (SELECT 1 FROM staff_roles s WHERE "
      "s.user_id = u.id AND s.role = 'lawyer') ORDER BY load, u.id");
  std::vector<LawyerLoad> out;
  while (query->step()) out.push_back({query->column_id<UserId>(0), query->column_text(1), query->column_int(2)});
  return out;
}

bool SqlStore::is_lawyer(UserId user) {
  auto connection = borrow();
  auto query = (*connection).cached("SELECT 1 FROM staff_roles WHERE user_id = ?1 AND role = 'lawyer'");
  query->bind(1, user);
  return query->step();
}

// [SECTION] Changes

LegalOutcome SqlStore::assign_consultation(ConsultationId id, UserId lawyer, UserId admin, UtcSeconds now) {
  return write_locking([&](Connection& writer) -> LegalOutcome {
    if (!lock_consultation(writer, id)) return {LegalChange::not_found, std::nullopt};
    auto update = writer.cached(
        "UPDATE legal_consultations SET lawyer_user_id = ?2, assigned_by = ?3, assigned_at = ?4, updated_at = ?4, "
        "status = CASE WHEN status = 'open' THEN 'assigned' ELSE status END "
        "WHERE id = ?1 AND lawyer_user_id IS NULL AND status <> 'closed'");
    update->bind(1, id);
    update->bind(2, lawyer);
    update->bind(3, admin);
    update->bind(4, now.value);
    update->step();
    const bool taken = writer.changes() == 1;
    auto after = consultation_on(writer, id);
    if (taken || (after->lawyer && *after->lawyer == lawyer)) return {LegalChange::done, std::move(after)};
    return {after->status == ConsultationStatus::closed ? LegalChange::closed : LegalChange::conflict, std::move(after)};
  });
}

LegalOutcome SqlStore::add_legal_message(ConsultationId id, UserId author, bool from_lawyer, std::string_view text,
                                         UtcSeconds now) {
  return write_locking([&](Connection& writer) -> LegalOutcome {
    if (!lock_consultation(writer, id)) return {LegalChange::not_found, std::nullopt};
    auto before = consultation_on(writer, id);
    if (before->status == ConsultationStatus::closed) return {LegalChange::closed, std::move(before)};
    insert_message(writer, id, author, from_lawyer, text, now);
    auto touch = writer.cached("UPDATE legal_consultations SET updated_at = ?2 WHERE id = ?1");
    touch->bind(1, id);
    touch->bind(2, now.value);
    touch->step();
    if (from_lawyer) {
      // The first answer, once: of two concurrent answers one sets the time and the status.
      auto first = writer.cached(
          "UPDATE legal_consultations SET first_answered_at = ?2, status = 'answered' "
          "WHERE id = ?1 AND first_answered_at IS NULL AND status <> 'closed'");
      first->bind(1, id);
      first->bind(2, now.value);
      first->step();
    }
    return {LegalChange::done, consultation_on(writer, id)};
  });
}

LegalOutcome SqlStore::close_consultation(ConsultationId id, UserId by, UtcSeconds now) {
  return write_locking([&](Connection& writer) -> LegalOutcome {
    if (!lock_consultation(writer, id)) return {LegalChange::not_found, std::nullopt};
    auto update = writer.cached(
        "UPDATE legal_consultations SET status = 'closed', closed_at = ?2, closed_by = ?3, updated_at = ?2 "
        "WHERE id = ?1 AND status <> 'closed'");
    update->bind(1, id);
    update->bind(2, now.value);
    update->bind(3, by);
    update->step();
    const bool closed = writer.changes() == 1;
    return {closed ? LegalChange::done : LegalChange::conflict, consultation_on(writer, id)};
  });
}

LegalOutcome SqlStore::add_legal_photo(ConsultationId id, const LegalPhotoRecord& p, UtcSeconds now) {
  return write_locking([&](Connection& writer) -> LegalOutcome {
    if (!lock_consultation(writer, id)) return {LegalChange::not_found, std::nullopt};
    auto before = consultation_on(writer, id);
    if (before->status == ConsultationStatus::closed) return {LegalChange::closed, std::move(before)};
    bool added = false;
    for (int seq = 1; seq <= kMaxPhotosPerConsultation && !added; ++seq) {
      auto insert = writer.cached(
          "INSERT INTO legal_photos (consultation_id, seq, kind, width, height, size, bytes, created_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (consultation_id, seq) DO NOTHING");
      insert->bind(1, id);
      insert->bind(2, seq);
      insert->bind(3, p.kind == PhotoKind::png ? "png" : "jpeg");
      insert->bind(4, p.width);
      insert->bind(5, p.height);
      insert->bind(6, static_cast<std::int64_t>(p.bytes.size()));
      insert->bind_blob(7, p.bytes);
      insert->bind(8, now.value);
      insert->step();
      added = writer.changes() == 1;
    }
    if (!added) return {LegalChange::limit, std::move(before)};
    auto after = consultation_on(writer, id);
    fill_thread(writer, *after);
    return {LegalChange::done, std::move(after)};
  });
}

std::optional<LegalPhotoRecord> SqlStore::find_legal_photo(ConsultationId id, std::int64_t photo) {
  auto connection = borrow();
  auto query = (*connection).cached(
      "SELECT id, kind, width, height, size, created_at, bytes FROM legal_photos WHERE consultation_id = ?1 AND id = ?2");
  query->bind(1, id);
  query->bind(2, photo);
  if (!query->step()) return std::nullopt;
  LegalPhotoRecord p;
  p.id = query->column_int(0);
  p.kind = query->column_text(1) == "png" ? PhotoKind::png : PhotoKind::jpeg;
  p.width = query->column_int(2);
  p.height = query->column_int(3);
  p.size = query->column_int(4);
  p.at = UtcSeconds{query->column_int(5)};
  p.bytes = query->column_blob(6);
  return p;
}

// [SECTION] Lookups

void SqlStore::record_lookup_failure(std::string_view address, UtcSeconds at) {
  write_locking([&](Connection& writer) {
    auto insert = writer.cached("INSERT INTO legal_lookup_failures (address, at) VALUES (?1, ?2)");
    insert->bind(1, address);
    insert->bind(2, at.value);
    insert->step();
    // Forget what no window will count again.
    auto old = writer.cached("DELETE FROM legal_lookup_failures WHERE address = ?1 AND at < ?2");
    old->bind(1, address);
    old->bind(2, at.value - 86400);
    old->step();
  });
}

std::int64_t SqlStore::lookup_failures(std::string_view address, UtcSeconds since) {
  auto connection = borrow();
  auto query = (*connection).cached("SELECT COUNT(*) FROM legal_lookup_failures WHERE address = ?1 AND at >= ?2");
  query->bind(1, address);
  query->bind(2, since.value);
  return query->step() ? query->column_int(0) : 0;
}

// [SECTION] Demo

bool SqlStore::seed_consultations(std::span<const SeedConsultation> seeds) {
  return write([&](Connection& writer) {
    auto any = writer.cached("SELECT 1 FROM legal_consultations LIMIT 1");
    if (any->step()) return false;
    for (const SeedConsultation& s : seeds) {
      auto insert = writer.cached(
          "INSERT INTO legal_consultations (case_number, asker_id, category, question, phone_sealed, phone_hash, "
          "phone_masked, status, lawyer_user_id, assigned_by, asked_at, assigned_at, first_answered_at, closed_at, "
          "closed_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
          "RETURNING id");
      const NewConsultation& a = s.asked;
      insert->bind(1, s.case_number);
      insert->bind(2, a.asker);
      insert->bind(3, legal_category_name(a.category));
      insert->bind(4, a.question);
      insert->bind_blob(5, a.phone_sealed);
      insert->bind_blob(6, a.phone_hash);
      insert->bind(7, a.phone_masked);
      insert->bind(8, consultation_status_name(s.status));
      if (s.lawyer) insert->bind(9, *s.lawyer); else insert->bind_null(9);
      if (s.lawyer) insert->bind(10, s.assigned_by); else insert->bind_null(10);
      insert->bind(11, a.now.value);
      const auto bind_time = [&](int i, const std::optional<UtcSeconds>& t) {
        if (t) insert->bind(i, t->value); else insert->bind_null(i);
      };
      bind_time(12, s.assigned_at);
      bind_time(13, s.first_answered_at);
      bind_time(14, s.closed_at);
      if (s.closed_at) insert->bind(15, a.asker); else insert->bind_null(15);
      UtcSeconds updated = a.now;
      for (const LegalMessageRecord& m : s.messages) updated = std::max(updated, m.at, [](auto x, auto y) { return x.value < y.value; });
      if (s.closed_at) updated = *s.closed_at;
      insert->bind(16, updated.value);
      insert->step();
      const auto id = insert->column_id<ConsultationId>(0);
      insert->reset();
      for (const LegalMessageRecord& m : s.messages) insert_message(writer, id, m.author, m.from_lawyer, m.text, m.at);
    }
    return true;
  });
}

}  // namespace gongyou::server::sql
