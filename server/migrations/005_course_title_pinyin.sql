-- 005_course_title_pinyin: a course title's whole toneless pinyin ("laodongfaanlijiexi"), beside its initials,
-- so that a search in whole syllables finds it as the initials do (issue 14.8). Made by core/pinyin.h when the
-- course is stored; rows stored before this column get theirs when the demo courses are seeded again
-- (SqlStore::seed_courses).
ALTER TABLE courses ADD COLUMN title_pinyin TEXT NOT NULL DEFAULT '';
