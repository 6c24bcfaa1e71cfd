-- 003_course_title_pinyin (PostgreSQL): SQLite's 005_course_title_pinyin, a course title's whole toneless pinyin.
ALTER TABLE courses ADD COLUMN title_pinyin TEXT NOT NULL DEFAULT '';
